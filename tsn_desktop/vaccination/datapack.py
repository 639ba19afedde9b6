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
import sys
from dataclasses import dataclass
from pathlib import Path

from tsn_desktop.core.paths import resources_dir
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


def load_pack(pack: str | Path = DEFAULT_PACK) -> tuple[Manifest, SupportingData]:
    """Verify a pack (an id under resources/schedules as str, or a folder as Path) and load it."""
    directory = pack if isinstance(pack, Path) else pack_dir(pack)
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
