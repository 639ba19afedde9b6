"""The catalogue's CIP13 codes: valid, unique, sourced; a real pack scan finds its product."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from tsn_desktop.vaccination import barcode
from tsn_desktop.vaccination.catalogue import catalogues_dir, shipped_catalogue
from tsn_desktop.vaccination.datapack import load_pack

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 1)
GS = "\x1d"
# Gardasil 9, seringue préremplie 0,5 mL (BDPM, CIS 65017887): see resources/vaccines/README.md.
GARDASIL9_CIP13 = "3400930056202"
HEXYON_CIP13 = "3400927350078"  # Hexyon, seringue préremplie + 1 aiguille (CIS 60645557)


def _gs1_valid(digits: str) -> bool:
    """GS1 mod 10, written out here rather than imported so the check is independent."""
    body, check = digits[:-1], int(digits[-1])
    weighted = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - weighted % 10) % 10 == check


def test_every_product_has_a_french_cip13_with_a_valid_gs1_check_digit() -> None:
    for vaccine in shipped_catalogue().vaccines:
        cip13 = vaccine.cip13
        assert cip13 is not None, f"{vaccine.code}: no CIP13"
        assert re.fullmatch(r"34009\d{8}", cip13), (vaccine.code, cip13)
        assert _gs1_valid(cip13), (vaccine.code, cip13)
        assert vaccine.gtin == "0" + cip13 and _gs1_valid(vaccine.gtin)


def test_no_cip13_is_given_to_two_products() -> None:
    codes = [v.cip13 for v in shipped_catalogue().vaccines if v.cip13]
    assert len(codes) == len(set(codes))


def test_the_pack_readme_names_the_source_of_every_cip13() -> None:
    readme = (catalogues_dir() / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| .*?\(`(FR-[A-Z0-9]+)`\) \| (\d{13}) \|", readme, re.M))
    filled = {v.code: v.cip13 for v in shipped_catalogue().vaccines if v.cip13}
    assert rows == filled


def test_the_manifest_and_the_catalogue_carry_the_same_version() -> None:
    pack = catalogues_dir() / "fr-2025"
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    catalogue = json.loads((pack / "catalogue.json").read_text(encoding="utf-8"))
    assert manifest["version"] == catalogue["version"] == shipped_catalogue().version


def test_hepatitis_a_vaccines_are_in_the_catalogue_and_count_for_hepatitis_a() -> None:
    _, data = load_pack("fr-2025")
    catalogue = shipped_catalogue()
    for code in ("FR-HAVRIX1440", "FR-HAVRIX720", "FR-AVAXIM160", "FR-AVAXIM80"):
        assert code in data.vaccines_of_group["HepA"]
        assert not catalogue.get(code).live
    assert "FR-TWINRIX" in data.vaccines_of_group["HepA"] & data.vaccines_of_group["HepB"]


def test_a_wedge_scan_of_a_gardasil_9_pack_fills_product_lot_and_expiry() -> None:
    typed = f"]d201{'0' + GARDASIL9_CIP13}17280331" + f"10W012345{GS}21A1B2C3D4E5\r\n"
    scan = barcode.parse_scan(typed, TODAY)
    assert (scan.product, scan.lot, scan.expiry, scan.serial, scan.refused) == (
        "FR-GARDASIL9", "W012345", date(2028, 3, 31), "A1B2C3D4E5", None)


def test_the_command_line_names_the_catalogue_product_of_a_real_hexyon_scan() -> None:
    text = f"01{'0' + HEXYON_CIP13}1727103110U8123<GS>21SN000042"
    run = subprocess.run([sys.executable, "-m", "tsn_desktop.vaccination.barcode",
                          "--today", "2026-12-01", text],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"gtin": "0" + HEXYON_CIP13, "lot": "U8123",
                                      "expiry": "2027-10-31", "serial": "SN000042",
                                      "product": "FR-HEXYON", "refused": None}


def test_an_expired_real_pack_is_refused_but_still_named() -> None:
    scan = barcode.parse_scan(f"01{'0' + GARDASIL9_CIP13}1726093010W1", TODAY)
    assert (scan.refused, scan.product, scan.expiry) == ("expired", "FR-GARDASIL9",
                                                         date(2026, 9, 30))
