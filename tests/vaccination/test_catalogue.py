"""The vaccine catalogue pack: verified before use, and every product is one the engine
knows; scans of pack DataMatrix strings give GTIN, lot, expiry and product."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tsn_desktop.vaccination import barcode
from tsn_desktop.vaccination.catalogue import (
    Catalogue,
    catalogues_dir,
    gs1_check_digit,
    load_catalogue,
    rehash,
    shipped_catalogue,
)
from tsn_desktop.vaccination.datapack import DataPackError, load_pack

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)


def test_every_catalogue_vaccine_maps_to_a_product_the_schedule_pack_knows() -> None:
    catalogue = shipped_catalogue()
    _, data = load_pack(catalogue.schedule_pack)
    grouped = {code for codes in data.vaccines_of_group.values() for code in codes}
    for vaccine in catalogue.vaccines:
        assert vaccine.code in data.vaccines, vaccine.code
        # ...and it counts for at least one forecast vaccine group (MenC: none, by design).
        if vaccine.code != "FR-NEISVAC":
            assert vaccine.code in grouped, vaccine.code


def test_the_catalogue_covers_the_common_vaccines_of_the_2025_calendrier() -> None:
    _, data = load_pack("fr-2025")
    covered = {group for group, codes in data.vaccines_of_group.items()
               if codes & {v.code for v in shipped_catalogue().vaccines}}
    assert {"DTP", "Coqueluche", "Hib", "HepB", "Pneumocoque", "ROR", "MenACWY", "MenB",
            "HPV", "Grippe", "Covid-19", "Zona"} <= covered


def test_live_vaccines_are_flagged_live() -> None:
    catalogue = shipped_catalogue()
    assert catalogue.get("FR-PRIORIX").live and catalogue.get("FR-MMRVAXPRO").live
    assert not catalogue.get("FR-HEXYON").live


def test_product_search_ignores_accents_and_case() -> None:
    found = [v.code for v in shipped_catalogue().search("hepatite b enfant")]
    assert found == ["FR-ENGERIXB10", "FR-HBVAXPRO5"]
    assert [v.code for v in shipped_catalogue().search("GARDA")] == ["FR-GARDASIL9"]


@pytest.fixture
def catalogue_copy(tmp_path: Path) -> Path:
    target = tmp_path / "fr-2025"
    shutil.copytree(catalogues_dir() / "fr-2025", target)
    return target


def test_a_catalogue_edited_without_rehash_is_refused(catalogue_copy: Path) -> None:
    path = catalogue_copy / "catalogue.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Hexyon", "Hexion"),
                    encoding="utf-8")
    with pytest.raises(DataPackError, match="catalogue.json: checksum mismatch"):
        load_catalogue(catalogue_copy)
    rehash(catalogue_copy)
    assert load_catalogue(catalogue_copy).get("FR-HEXYON").brand == "Hexion"


def test_an_invalid_cip13_is_refused_at_load(catalogue_copy: Path) -> None:
    path = catalogue_copy / "catalogue.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["vaccines"][0]["cip13"] = "3400930000001"  # check digit should be 7... not 1
    path.write_text(json.dumps(raw), encoding="utf-8")
    rehash(catalogue_copy)
    with pytest.raises(DataPackError, match="FR-HEXYON has an invalid CIP13"):
        load_catalogue(catalogue_copy)


# --- scans ---------------------------------------------------------------------------
def test_cip13_check_digit_follows_gs1() -> None:
    assert gs1_check_digit("340093000000") == 7
    assert gs1_check_digit("0340093000000") == 7


def _with_cip(cip13: str, code: str = "FR-HEXYON") -> Catalogue:
    """The shipped catalogue with one CIP13 filled in (the shipped one has none yet:
    see resources/vaccines/README.md); the number is built for the test."""
    base = shipped_catalogue()
    from dataclasses import replace
    return replace(base, vaccines=tuple(replace(v, cip13=cip13) if v.code == code else v
                                        for v in base.vaccines))


CIP = "3400930000007"
SCAN = f"]d2010{CIP}17271231" + "10X4F21A\x1d21000123456789"


def test_a_wedge_scan_gives_gtin_lot_expiry_serial_and_product() -> None:
    scan = barcode.parse_scan(SCAN, TODAY, _with_cip(CIP))
    assert (scan.gtin, scan.lot, scan.expiry, scan.serial, scan.product, scan.refused) == (
        "0" + CIP, "X4F21A", date(2027, 12, 31), "000123456789", "FR-HEXYON", None)


@pytest.mark.parametrize("typed", [
    SCAN.replace("\x1d", "<GS>"),  # scripts and some scanners spell the separator
    SCAN.removeprefix("]d2"),  # a wedge set not to send the symbology identifier
    SCAN + "\r\n",  # the scanner's Enter
])
def test_common_scanner_variants_read_the_same(typed: str) -> None:
    assert barcode.parse_scan(typed, TODAY, _with_cip(CIP)) == barcode.parse_scan(
        SCAN, TODAY, _with_cip(CIP))


def test_an_expired_lot_is_refused_with_its_expiry() -> None:
    scan = barcode.parse_scan(f"010{CIP}1726063010LOT1", TODAY, _with_cip(CIP))
    assert (scan.refused, scan.expiry, scan.product) == ("expired", date(2026, 6, 30),
                                                         "FR-HEXYON")


def test_an_unknown_gtin_gives_no_product_until_the_user_assigns_it() -> None:
    scan = barcode.parse_scan(SCAN, TODAY)
    assert (scan.product, scan.refused) == (None, None)
    learned = barcode.parse_scan(SCAN, TODAY, learned={"0" + CIP: "FR-VAXELIS"})
    assert learned.product == "FR-VAXELIS"


@pytest.mark.parametrize(("typed", "refused"), [
    ("Hexyon lot 12", "not-gs1"),
    (f"010{CIP}172712", "not-gs1"),  # truncated expiry
    ("01034009300000001727123110L1", "bad-check-digit"),
    ("1727123110L1", "no-gtin"),
])
def test_malformed_scans_are_refused_with_a_reason(typed: str, refused: str) -> None:
    assert barcode.parse_scan(typed, TODAY).refused == refused


def test_the_command_line_prints_the_scan_as_json_and_exits_1_when_refused() -> None:
    ok = subprocess.run([sys.executable, "-m", "tsn_desktop.vaccination.barcode",
                         "--today", "2026-12-01", f"010{CIP}1727123110L1<GS>21S9"],
                        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0
    assert json.loads(ok.stdout) == {"gtin": "0" + CIP, "lot": "L1", "expiry": "2027-12-31",
                                     "serial": "S9", "product": None, "refused": None}
    bad = subprocess.run([sys.executable, "-m", "tsn_desktop.vaccination.barcode", "abc"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and json.loads(bad.stdout)["refused"] == "not-gs1"
