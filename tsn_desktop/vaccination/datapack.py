"""Versioned, checksummed schedule data packs (resources/schedules/<id>/): verify, then load.

A pack is a folder of CDSi supporting-data XML files plus a `manifest.json`:

    {"id": "fr-2025", "version": "2025.2.0", "title": "...", "source": "...",
     "files": {"ScheduleSupportingData.xml": "<sha256 hex>", ...}}

Every file listed must exist with that SHA-256, and every XML file of the folder
must be listed: a pack edited by hand, half-copied or tampered with is refused
before the engine sees it.  After editing a pack, regenerate the manifest:

    python -m tsn_desktop.vaccination.datapack --rehash resources/schedules/fr-2025
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tsn_desktop.core.paths import resources_dir, updated_packs_dir
from tsn_desktop.vaccination.schedule import (
    SEASONS_FILE,
    SupportingData,
    load_supporting_data,
)

MANIFEST = "manifest.json"
DEFAULT_PACK = "fr-2025"
# What a schedule pack's manifest must list: the CDSi XML and the seasonal
# campaigns (seasons.json, optional) that the loader reads.
SCHEDULE_FILES = ("*.xml", SEASONS_FILE)


log = logging.getLogger(__name__)
T = TypeVar("T")
SCHEDULES_KIND = "schedules"  # the kinds of pack are the folder names under resources/


class DataPackError(Exception):
    """The pack cannot be trusted; the message names the offending file."""


@dataclass(frozen=True, slots=True)
class Manifest:
    id: str
    version: str
    title: str
    source: str
    files: dict[str, str]  # file name -> sha256 hex


def schedules_dir() -> Path:
    return resources_dir() / "schedules"


def pack_dir(pack_id: str = DEFAULT_PACK) -> Path:
    return schedules_dir() / pack_id


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST
    if not path.is_file():
        raise DataPackError(f"{path}: manifest missing")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(
            id=str(raw["id"]),
            version=str(raw["version"]),
            title=str(raw.get("title", "")),
            source=str(raw.get("source", "")),
            files={str(k): str(v).lower() for k, v in raw["files"].items()},
        )
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise DataPackError(f"{path}: unreadable manifest ({exc})") from exc


Patterns = str | tuple[str, ...]


def data_files(directory: Path, pattern: Patterns = SCHEDULE_FILES) -> list[Path]:
    """The pack's data files (`pattern`(s) name their kind), the manifest aside."""
    patterns = (pattern,) if isinstance(pattern, str) else pattern
    found = {p for pat in patterns for p in directory.glob(pat) if p.name != MANIFEST}
    return sorted(found)


def verify_pack(directory: str | Path, pattern: Patterns = SCHEDULE_FILES) -> Manifest:
    """Check every checksum of the manifest, and that every data file of the folder
    (`pattern`) is listed; raise DataPackError naming the first bad file."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    for name, expected in sorted(manifest.files.items()):
        # A manifest must not point outside its own folder.
        if Path(name).name != name:
            raise DataPackError(f"{name}: file name in manifest must be a plain file name")
        path = directory / name
        if not path.is_file():
            raise DataPackError(f"{name}: listed in {MANIFEST} but missing from {directory}")
        actual = sha256_of(path)
        if actual != expected:
            raise DataPackError(
                f"{name}: checksum mismatch (expected {expected[:12]}…, found {actual[:12]}…)"
            )
    for path in data_files(directory, pattern):
        # A loader reads every data file of the folder, so an unlisted one is refused too.
        if path.name not in manifest.files:
            kind = path.suffix.lstrip(".").upper()
            raise DataPackError(f"{path.name}: {kind} file not listed in {MANIFEST}")
    return manifest


def version_key(text: str) -> tuple[int, ...] | None:
    """A pack version ("2025.2.0") as numbers to compare, None when it is not one."""
    parts = text.split(".")
    if not 1 <= len(parts) <= 4 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return tuple(int(p) for p in parts)


def is_upgrade(new: str, current: str) -> bool:
    """Whether pack version `new` may replace `current`: higher, same major version."""
    n, c = version_key(new), version_key(current)
    return n is not None and c is not None and n[0] == c[0] and n > c


def updated_candidates(kind: str, pack_id: str, than: str) -> list[Path]:
    """Folders of packs updated from the hub (<basedir>/packs/<kind>/<id>/<version>/) that
    would upgrade version `than`, newest first (dot folders are downloads under way)."""
    root = updated_packs_dir()
    base = root / kind / pack_id if root is not None else None
    if base is None or not base.is_dir():
        return []
    found = [c for c in base.iterdir() if c.is_dir() and not c.name.startswith(".")
             and is_upgrade(c.name, than)]
    return sorted(found, key=lambda c: version_key(c.name) or (), reverse=True)


def load_newest(kind: str, pack_id: str, shipped: Path,
                load: Callable[[Path], tuple[Manifest, T]]) -> tuple[Manifest, T]:
    """The newest pack that verifies and loads: an updated one newer than the shipped
    one (same major version) if any, else the shipped one."""
    shipped_version = read_manifest(shipped).version
    for candidate in updated_candidates(kind, pack_id, shipped_version):
        try:
            manifest, loaded = load(candidate)
            if (manifest.id, manifest.version) != (pack_id, candidate.name):
                raise DataPackError(f"{MANIFEST}: names {manifest.id} {manifest.version}")
        except DataPackError as exc:
            log.warning("updated %s pack %s %s not used: %s", kind, pack_id, candidate.name, exc)
            continue
        return manifest, loaded
    return load(shipped)


def load_pack(pack: str | Path = DEFAULT_PACK) -> tuple[Manifest, SupportingData]:
    """Verify a pack (an id under resources/schedules as str, or a folder as Path) and load it;
    for an id, a newer verified pack updated from the hub wins over the shipped one."""
    if not isinstance(pack, Path):
        return load_newest(SCHEDULES_KIND, pack, pack_dir(pack), load_pack)
    directory = pack
    manifest = verify_pack(directory)
    try:
        return manifest, load_supporting_data(directory)
    except ValueError as exc:  # seasons.json: the message names the file first
        raise DataPackError(str(exc)) from exc


def rehash(directory: str | Path, version: str | None = None,
           pattern: Patterns = SCHEDULE_FILES) -> Manifest:
    """Rewrite the manifest's checksums from the data files (`pattern`) now in the folder."""
    directory = Path(directory)
    path = directory / MANIFEST
    raw = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    raw.setdefault("id", directory.name)
    raw.setdefault("title", "")
    raw.setdefault("source", "")
    if version is not None:
        raw["version"] = version
    raw.setdefault("version", "0.0.0")
    raw["files"] = {p.name: sha256_of(p) for p in data_files(directory, pattern)}
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return read_manifest(directory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsn_desktop.vaccination.datapack")
    parser.add_argument("directory", help="pack folder, e.g. resources/schedules/fr-2025")
    parser.add_argument("--rehash", action="store_true", help="rewrite manifest checksums")
    parser.add_argument("--version", help="with --rehash: set the pack version")
    args = parser.parse_args(argv)
    try:
        if args.rehash:
            manifest = rehash(args.directory, args.version)
            print(f"{manifest.id} {manifest.version}: {len(manifest.files)} files rehashed")
        else:
            manifest = verify_pack(args.directory)
            print(f"{manifest.id} {manifest.version}: {len(manifest.files)} files verified")
    except DataPackError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
