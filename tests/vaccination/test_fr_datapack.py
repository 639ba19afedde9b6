"""The fr-2025 data pack is verified (manifest checksums) before the engine reads it."""

from __future__ import annotations

import dataclasses
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tsn_desktop.vaccination.datapack import (
    DataPackError,
    load_pack,
    main,
    pack_dir,
    read_manifest,
    rehash,
    verify_pack,
)
from tsn_desktop.vaccination.engine import (
    COMPLETE,
    NOT_COMPLETE,
    AdministeredDose,
    CdsiPatient,
    GroupForecast,
    forecast,
)
from tsn_desktop.vaccination.schedule import SupportingData, seasonal_data

TSN = "{urn:tsn-desktop:schedule-ext:1}"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "fr-2025"
    shutil.copytree(pack_dir("fr-2025"), target)
    return target


def test_shipped_pack_verifies_and_loads_every_antigen() -> None:
    manifest, data = load_pack("fr-2025")
    assert manifest.id == "fr-2025"
    assert "ScheduleSupportingData.xml" in manifest.files
    for antigen in ("Diphtheria", "Tetanus", "Pertussis", "Polio", "Hib", "HepB",
                    "Pneumococcal", "Meningococcal", "Meningococcal B", "Measles", "Mumps",
                    "Rubella", "HPV", "Varicella", "Zoster", "Influenza", "RSV", "Rotavirus",
                    "Tuberculosis", "COVID-19"):
        assert antigen in data.antigens, antigen


def test_tampered_copy_is_refused_naming_the_file(pack_copy: Path) -> None:
    path = pack_copy / "Pertussis.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("25 years", "35 years", 1),
                    encoding="utf-8")
    with pytest.raises(DataPackError, match=r"Pertussis\.xml: checksum mismatch"):
        load_pack(pack_copy)


def test_missing_file_is_refused_naming_the_file(pack_copy: Path) -> None:
    (pack_copy / "HPV.xml").unlink()
    with pytest.raises(DataPackError, match=r"HPV\.xml: listed in manifest\.json but missing"):
        verify_pack(pack_copy)


def test_unlisted_xml_file_is_refused(pack_copy: Path) -> None:
    (pack_copy / "Extra.xml").write_text("<antigenSupportingData/>", encoding="utf-8")
    with pytest.raises(DataPackError, match=r"Extra\.xml: XML file not listed"):
        verify_pack(pack_copy)


def test_manifest_pointing_outside_the_pack_is_refused(pack_copy: Path) -> None:
    manifest = json.loads((pack_copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["../secret.xml"] = "0" * 64
    (pack_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(DataPackError, match="plain file name"):
        verify_pack(pack_copy)


def test_missing_manifest_is_refused(pack_copy: Path) -> None:
    (pack_copy / "manifest.json").unlink()
    with pytest.raises(DataPackError, match="manifest missing"):
        verify_pack(pack_copy)


def test_rehash_after_an_edit_makes_the_pack_valid_again(pack_copy: Path) -> None:
    path = pack_copy / "Zoster.xml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(DataPackError):
        verify_pack(pack_copy)
    before = read_manifest(pack_copy).version
    manifest = rehash(pack_copy)
    assert manifest.version == before  # version kept unless given
    assert verify_pack(pack_copy).files == manifest.files


def test_command_line_rehash_and_verify(pack_copy: Path, capsys: pytest.CaptureFixture) -> None:
    assert main([str(pack_copy), "--rehash", "--version", "2025.1.1"]) == 0
    assert main([str(pack_copy)]) == 0
    (pack_copy / "RSV.xml").write_text("<antigenSupportingData/>", encoding="utf-8")
    assert main([str(pack_copy)]) == 1
    assert "RSV.xml" in capsys.readouterr().err


def test_every_series_dose_and_skip_set_cites_its_source() -> None:
    # The data-pack rule: each French rule carries a <tsn:source> citation.
    for path in sorted(pack_dir("fr-2025").glob("*.xml")):
        root = ET.parse(path).getroot()
        for tag in ("series", "seriesDose", "set"):
            for element in root.iter(tag):
                sources = element.findall(f"{TSN}source")
                assert sources, f"{path.name}: <{tag}> without tsn:source"
                assert all(s.get("ref") for s in sources)


def test_every_cited_reference_is_declared_in_the_schedule_file() -> None:
    directory = pack_dir("fr-2025")
    schedule = ET.parse(directory / "ScheduleSupportingData.xml").getroot()
    declared = {r.get("id") for r in schedule.iter(f"{TSN}reference")}
    for path in sorted(directory.glob("*.xml")):
        for source in ET.parse(path).getroot().iter(f"{TSN}source"):
            assert source.get("ref") in declared, (path.name, source.get("ref"))


# ------------------------------------------------ seasonal campaigns (seasons.json)
# CAL2025 grippe saisonnière / HAS Covid-19: one dose per campaign, every year.


def _edit_seasons(pack: Path, edit: Callable[[dict], None]) -> None:
    path = pack / "seasons.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    edit(raw)
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")


def _flu(data: SupportingData, on: date, doses: list[tuple[date, str]] = ()) -> GroupForecast:
    patient = CdsiPatient(date(1955, 1, 1))
    history = [AdministeredDose(d, v) for d, v in doses]
    return forecast(patient, history, on, data, ["Grippe"]).groups["Grippe"]


def test_seasons_file_is_checksummed_like_the_xml(pack_copy: Path) -> None:
    assert "seasons.json" in read_manifest(pack_copy).files
    _edit_seasons(pack_copy, lambda raw: raw["campaigns"]["grippe"]["rule"].update(
        start="11-01"))
    with pytest.raises(DataPackError, match=r"seasons\.json: checksum mismatch"):
        load_pack(pack_copy)


def test_updated_campaign_dates_take_effect_after_a_rehash_without_a_release(
    pack_copy: Path,
) -> None:
    # The hub ships new exact dates for 2026-2027: a pack version, no new application.
    def publish(raw: dict) -> None:
        raw["campaigns"]["grippe"]["seasons"]["2026-2027"] = {
            "start": "2026-10-06", "end": "2027-02-15"}

    assert _flu(load_pack("fr-2025")[1], date(2026, 9, 20)).earliest == date(2026, 10, 15)
    _edit_seasons(pack_copy, publish)
    rehash(pack_copy, "2025.2.1")
    manifest, data = load_pack(pack_copy)
    assert manifest.version == "2025.2.1"
    assert _flu(data, date(2026, 9, 20)).earliest == date(2026, 10, 6)


def test_bad_seasons_file_is_refused_naming_the_file_and_campaign(pack_copy: Path) -> None:
    _edit_seasons(pack_copy, lambda raw: raw["campaigns"]["grippe"]["rule"].update(
        start="15 octobre"))
    rehash(pack_copy)
    with pytest.raises(DataPackError, match=r"seasons\.json: campaign grippe: '15 octobre'"):
        load_pack(pack_copy)


def test_series_dose_naming_an_undefined_campaign_is_refused(pack_copy: Path) -> None:
    _edit_seasons(pack_copy, lambda raw: raw["campaigns"].pop("covid-printemps"))
    rehash(pack_copy)
    with pytest.raises(DataPackError, match="covid-printemps"):
        load_pack(pack_copy)


def test_flu_season_rolls_over_every_year_by_rule() -> None:
    grippe = load_pack("fr-2025")[1].campaigns["grippe"]
    # Published dates of 2025-2026, then the rule: mid-October to end of February.
    assert (grippe.season(2025).start, grippe.season(2025).end) == (
        date(2025, 10, 14), date(2026, 1, 31))
    season = grippe.season(2031)
    assert (season.label, season.start, season.end) == (
        "2031-2032", date(2031, 10, 15), date(2032, 2, 29))
    # Doses from 1 September count for the season, until the next one's 1 September.
    assert (season.counts_from, season.counts_until) == (date(2031, 9, 1), date(2032, 9, 1))
    # Until a season ends it is the one forecast; then the next one is.
    assert grippe.season_for(date(2032, 2, 29)).label == "2031-2032"
    assert grippe.season_for(date(2032, 3, 1)).label == "2032-2033"


def test_dose_of_last_season_is_due_again_in_any_later_year() -> None:
    data = load_pack("fr-2025")[1]
    for year in (2026, 2030, 2041):
        g = _flu(data, date(year, 11, 2), [(date(year - 1, 10, 20), "FR-VAXIGRIP")])
        assert (g.status, g.earliest) == (NOT_COMPLETE, date(year, 10, 15)), year
        assert _flu(data, date(year, 11, 2), [(date(year, 10, 20), "FR-VAXIGRIP")]).status == (
            COMPLETE)


def test_cdsi_data_without_campaigns_is_forecast_unchanged() -> None:
    data = load_pack("fr-2025")[1]
    assert seasonal_data(data, date(2026, 11, 2)) is seasonal_data(data, date(2026, 12, 2))
    plain = dataclasses.replace(data, campaigns={})
    assert seasonal_data(plain, date(2026, 11, 2)) is plain
