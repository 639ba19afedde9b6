"""Schedule and vaccine catalogue packs updated from the hub: fetch, verify, parse, install.

After a sync pass, `update_packs` asks the hub which packs it serves (GET /packs/v1) and
installs each one newer than what this desktop reads (same major version, never a
downgrade) into <basedir>/packs/<kind>/<pack>/<version>/: the files are written to a dot
folder beside it, checked with the loaders' own checksum code, parsed in full, and only
then renamed into place. Anything damaged or unparsable is refused with a reason and the
pack in use stays. The loaders (datapack.load_pack, catalogue.load_catalogue) pick the
newest verified folder; the in-process caches are dropped so the next forecast reads it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tsn_desktop.core.paths import fsync_dir, updated_packs_dir
from tsn_desktop.sync.client import HubClient, HubError
from tsn_desktop.vaccination import catalogue, datapack, scope
from tsn_desktop.vaccination.datapack import MANIFEST, DataPackError

log = logging.getLogger(__name__)
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def _check_schedule(directory: Path) -> None:
    datapack.load_pack(directory)


def _check_vaccines(directory: Path) -> None:
    catalogue.load_catalogue(directory)
    scope.load_scope(directory)


# kind -> (the shipped folder of a pack id, checksums only, checksums + full parse)
KINDS: dict[str, tuple[Callable[[str], Path], Callable[[Path], object],
                       Callable[[Path], None]]] = {
    datapack.SCHEDULES_KIND: (datapack.pack_dir, datapack.verify_pack, _check_schedule),
    catalogue.VACCINES_KIND: (lambda p: catalogue.catalogues_dir() / p,
                              catalogue._verify, _check_vaccines),
}


def packs_root(basedir_or_profile_dir: Path) -> Path:
    """<basedir>/packs, from the basedir or from a profile folder (<basedir>/profiles/<x>)."""
    path = Path(basedir_or_profile_dir)
    if path.parent.name == "profiles":
        path = path.parent.parent
    return path / "packs"


def installed_version(root: Path, kind: str, pack: str) -> str:
    """The version this desktop reads: the shipped one, or a newer verified update."""
    shipped_dir, verify, _check = KINDS[kind]
    current = datapack.read_manifest(shipped_dir(pack)).version
    base = root / kind / pack
    if base.is_dir():
        for child in base.iterdir():
            if child.name.startswith(".") or not datapack.is_upgrade(child.name, current):
                continue
            try:
                verify(child)
            except DataPackError:
                continue
            current = child.name
    return current


def forget_loaded_packs() -> None:
    """Drops the per-process caches so the next forecast and dose dialog read the update."""
    from tsn_desktop.vaccination import service

    service._DATA.clear()
    catalogue._LOADED.clear()
    scope._LOADED.clear()


def update_packs(basedir_or_profile_dir: Path, client: HubClient) -> list[str]:
    """Installs every newer pack the hub serves; one line per pack installed or refused
    (never raises for what the hub sends: a bad answer installs nothing)."""
    root = packs_root(basedir_or_profile_dir)
    try:
        listing = client.get("/packs/v1")
    except HubError as exc:
        return [f"packs not checked: {exc}"]
    entries = listing.get("packs") if isinstance(listing, dict) else None
    if not isinstance(entries, list):
        return ["packs not checked: the hub's list of packs is unreadable"]
    report: list[str] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        kind, pack, version = entry.get("kind"), entry.get("pack"), entry.get("version")
        if not (isinstance(kind, str) and kind in KINDS and isinstance(pack, str)
                and _NAME.fullmatch(pack) and isinstance(version, str)):
            continue  # a kind this version does not read, or a malformed line
        if not (KINDS[kind][0](pack) / MANIFEST).is_file():
            continue  # only packs this install ships are read, so only those are updated
        try:
            if not datapack.is_upgrade(version, installed_version(root, kind, pack)):
                continue
            _install(root, kind, pack, version, client)
        except (HubError, DataPackError, OSError) as exc:
            line = f"{kind}/{pack} {version} refused: {exc}"
            log.warning("data pack %s", line)
            report.append(line)
            continue
        report.append(f"{kind}/{pack} {version} installed")
        log.info("data pack %s/%s %s installed from the hub", kind, pack, version)
    if any(line.endswith(" installed") for line in report):
        forget_loaded_packs()
    return report


def after_sync_pass(client: HubClient) -> list[str]:
    """For the sync worker, after a successful pass, off the GUI thread: `update_packs`
    into the basedir the app set at start (nothing when none was set)."""
    root = updated_packs_dir()
    return [] if root is None else update_packs(root.parent, client)


def _install(root: Path, kind: str, pack: str, version: str, client: HubClient) -> None:
    body = client.get(f"/packs/v1/{kind}/{pack}")
    manifest, files = _parse_answer(body, pack, version)
    base = root / kind / pack
    base.mkdir(parents=True, exist_ok=True)
    incoming = base / f".incoming-{version}-{secrets.token_hex(4)}"
    incoming.mkdir()
    try:
        for name, text in files.items():
            (incoming / name).write_bytes(text.encode("utf-8"))
        (incoming / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2),
                                         encoding="utf-8")
        KINDS[kind][2](incoming)  # every checksum, then a full parse, as at load time
        target = base / version
        if target.exists():  # an earlier copy of this version that did not verify
            shutil.rmtree(target)
        os.rename(incoming, target)
        fsync_dir(base)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    for older in base.iterdir():
        # Older updates are no longer read; dot folders of other downloads are left alone.
        if older.name != version and not older.name.startswith("."):
            shutil.rmtree(older, ignore_errors=True)


def _parse_answer(body: Any, pack: str, version: str) -> tuple[dict[str, Any], dict[str, str]]:
    if not isinstance(body, dict):
        raise DataPackError("the hub's answer is not a pack")
    manifest, files = body.get("manifest"), body.get("files")
    if not isinstance(manifest, dict) or not isinstance(files, dict):
        raise DataPackError("the hub's answer has no manifest or no files")
    if manifest.get("id") != pack or manifest.get("version") != version:
        raise DataPackError(f"{MANIFEST}: not {pack} {version} as listed")
    for name, text in files.items():
        if (not isinstance(name, str) or Path(name).name != name or name == MANIFEST
                or name.startswith(".") or not isinstance(text, str)):
            raise DataPackError(f"{name!s}: not a plain file name with text")
    return manifest, files
