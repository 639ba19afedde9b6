"""The French vaccine catalogue: a versioned, checksummed data pack (resources/vaccines/<id>/).

The pack is `catalogue.json` plus a `manifest.json` of the same shape as the schedule
packs' (datapack.py): a file that is missing, changed or not listed is refused before it
is read. Each entry names the `FR-…` product code the forecast engine reads, so a dose
recorded from the catalogue is a dose the engine knows. After editing the catalogue:

    python -m tsn_desktop.vaccination.catalogue --rehash resources/vaccines/fr-2025
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tsn_desktop.core.paths import resources_dir
from tsn_desktop.vaccination import datapack
from tsn_desktop.vaccination.datapack import DataPackError, Manifest, read_manifest, verify_pack

CATALOGUE_FILE = "catalogue.json"
DATA_FILES = "*.json"  # what the manifest must list (datapack.py)
DEFAULT_CATALOGUE = "fr-2025"
ROUTES = ("IM", "SC", "ID", "PO", "NASAL")
SITES = ("deltoid-left", "deltoid-right", "thigh-left", "thigh-right", "oral", "nasal")


@dataclass(frozen=True, slots=True)
class Vaccine:
    """One product of the catalogue. `cip13` is None until a pharmacist has checked it."""

    code: str  # the engine's product code, e.g. "FR-HEXYON"
    brand: str
    laboratory: str
    cip13: str | None
    live: bool
    routes: tuple[str, ...]
    sites: tuple[str, ...]
    presentation: str
    covers: str  # what it protects against, in the words of the carnet

    @property
    def gtin(self) -> str | None:
        """The GTIN-14 a pack's DataMatrix carries: the CIP13 with a leading zero."""
        return "0" + self.cip13 if self.cip13 else None


@dataclass(frozen=True)
class Catalogue:
    id: str
    version: str
    schedule_pack: str
    vaccines: tuple[Vaccine, ...]

    def get(self, code: str) -> Vaccine | None:
        return next((v for v in self.vaccines if v.code == code), None)

    def by_gtin(self, gtin: str) -> Vaccine | None:
        return next((v for v in self.vaccines if v.gtin == gtin), None)

    def search(self, text: str) -> list[Vaccine]:
        """Products whose brand, code, laboratory or coverage holds every typed word
        (accents and case ignored), in catalogue order."""
        words = fold(text).split()
        found = []
        for vaccine in self.vaccines:
            hay = fold(" ".join((vaccine.brand, vaccine.code, vaccine.laboratory,
                                 vaccine.covers)))
            if all(word in hay for word in words):
                found.append(vaccine)
        return found


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def gs1_check_digit(body: str) -> int:
    """The GS1 (EAN/GTIN) check digit of the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_cip13(value: str) -> bool:
    return (len(value) == 13 and value.isascii() and value.isdigit()
            and value.startswith("340") and gs1_check_digit(value[:12]) == int(value[12]))


def catalogues_dir() -> Path:
    return resources_dir() / "vaccines"


def _entry(raw: dict[str, object], where: str) -> Vaccine:
    try:
        cip13 = raw.get("cip13")
        routes = tuple(str(r) for r in raw["routes"])  # type: ignore[attr-defined]
        sites = tuple(str(s) for s in raw["sites"])  # type: ignore[attr-defined]
        vaccine = Vaccine(code=str(raw["code"]), brand=str(raw["brand"]),
                          laboratory=str(raw["laboratory"]),
                          cip13=str(cip13) if cip13 is not None else None,
                          live=bool(raw["live"]), routes=routes, sites=sites,
                          presentation=str(raw.get("presentation", "")),
                          covers=str(raw.get("covers", "")))
    except (KeyError, TypeError) as exc:
        raise DataPackError(f"{where}: incomplete entry ({exc})") from exc
    if vaccine.cip13 is not None and not is_valid_cip13(vaccine.cip13):
        raise DataPackError(f"{where}: {vaccine.code} has an invalid CIP13")
    if not vaccine.routes or set(vaccine.routes) - set(ROUTES):
        raise DataPackError(f"{where}: {vaccine.code} has an unknown route")
    if not vaccine.sites or set(vaccine.sites) - set(SITES):
        raise DataPackError(f"{where}: {vaccine.code} has an unknown site")
    return vaccine


def _verify(directory: Path) -> Manifest:
    manifest = verify_pack(directory, DATA_FILES)
    if CATALOGUE_FILE not in manifest.files:
        raise DataPackError(f"{CATALOGUE_FILE}: not listed in manifest.json")
    return manifest


VACCINES_KIND = "vaccines"


def load_catalogue(pack: str | Path = DEFAULT_CATALOGUE) -> Catalogue:
    """Verify a catalogue pack (an id under resources/vaccines, or a folder) and load it;
    for an id, a newer verified pack updated from the hub wins over the shipped one."""
    if not isinstance(pack, Path):
        return datapack.load_newest(VACCINES_KIND, pack, catalogues_dir() / pack,
                                    _load_with_manifest)[1]
    directory = pack
    manifest = _verify(directory)
    try:
        raw = json.loads((directory / CATALOGUE_FILE).read_text(encoding="utf-8"))
        entries = raw["vaccines"]
        schedule_pack = str(raw["schedule_pack"])
    except (ValueError, KeyError, TypeError) as exc:
        raise DataPackError(f"{CATALOGUE_FILE}: unreadable ({exc})") from exc
    vaccines = tuple(_entry(e, f"{CATALOGUE_FILE}[{i}]") for i, e in enumerate(entries))
    codes = [v.code for v in vaccines]
    if len(set(codes)) != len(codes):
        raise DataPackError(f"{CATALOGUE_FILE}: a product code is listed twice")
    gtins = [v.gtin for v in vaccines if v.gtin]
    if len(set(gtins)) != len(gtins):
        raise DataPackError(f"{CATALOGUE_FILE}: a CIP13 is listed twice")
    return Catalogue(manifest.id, manifest.version, schedule_pack, vaccines)


def _load_with_manifest(directory: Path) -> tuple[Manifest, Catalogue]:
    catalogue = load_catalogue(directory)
    return read_manifest(directory), catalogue


_LOADED: dict[str, Catalogue] = {}


def shipped_catalogue() -> Catalogue:
    """The default catalogue, verified and loaded once per process."""
    if DEFAULT_CATALOGUE not in _LOADED:
        _LOADED[DEFAULT_CATALOGUE] = load_catalogue(DEFAULT_CATALOGUE)
    return _LOADED[DEFAULT_CATALOGUE]


def rehash(directory: Path, version: str | None = None) -> None:
    datapack.rehash(directory, version, DATA_FILES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsn_desktop.vaccination.catalogue")
    parser.add_argument("directory", type=Path, help="e.g. resources/vaccines/fr-2025")
    parser.add_argument("--rehash", action="store_true", help="rewrite manifest checksums")
    parser.add_argument("--version", help="with --rehash: set the pack version")
    args = parser.parse_args(argv)
    try:
        if args.rehash:
            rehash(args.directory, args.version)
        catalogue = load_catalogue(args.directory)
    except DataPackError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{catalogue.id} {catalogue.version}: {len(catalogue.vaccines)} vaccines verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
