"""The fr-2025 data pack is verified (manifest checksums) before the engine reads it."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
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
