"""Versioned reference-data packs the hub administrator publishes for desktops to fetch
(schedule and vaccine catalogue packs; docs/sync-protocol.md, "Data packs")."""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from starlette.concurrency import run_in_threadpool

from tsn_hub.storage import Account, HubStore

MANIFEST = "manifest.json"
MAX_PACK_BYTES = 20_000_000
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_VERSION = re.compile(r"\d{1,9}(\.\d{1,9}){0,3}")

# One row per pack: publishing a version replaces the previous one (desktops never
# install a downgrade, whatever the hub serves).
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS data_pack (kind TEXT NOT NULL, pack TEXT NOT NULL,"
    " version TEXT NOT NULL, manifest TEXT NOT NULL, files TEXT NOT NULL,"
    " published_at DOUBLE PRECISION NOT NULL, PRIMARY KEY (kind, pack))",
)


class PackRefused(Exception):
    """The folder is not a pack the hub may serve; the message names the file."""


def _schema(store: HubStore) -> None:
    with store.write() as tx:
        for statement in SCHEMA:
            tx.execute(statement)


def read_folder(folder: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The manifest and the files it lists, each checked against its SHA-256."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackRefused(f"{MANIFEST}: unreadable ({exc})") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise PackRefused(f"{MANIFEST}: expected an object with a 'files' object")
    pack, version = manifest.get("id"), manifest.get("version")
    if not isinstance(pack, str) or not _NAME.fullmatch(pack):
        raise PackRefused(f"{MANIFEST}: 'id' must be a short lower-case name")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise PackRefused(f"{MANIFEST}: 'version' must read like 2025.2.0")
    files: dict[str, str] = {}
    total = 0
    for name, expected in sorted(manifest["files"].items()):
        if not isinstance(name, str) or Path(name).name != name or name == MANIFEST:
            raise PackRefused(f"{name}: file name in manifest must be a plain file name")
        path = folder / name
        if not path.is_file():
            raise PackRefused(f"{name}: listed in {MANIFEST} but missing")
        data = path.read_bytes()
        total += len(data)
        if total > MAX_PACK_BYTES:
            raise PackRefused("pack too large")
        if hashlib.sha256(data).hexdigest() != str(expected).lower():
            raise PackRefused(f"{name}: checksum mismatch")
        try:
            files[name] = data.decode("utf-8")
        except UnicodeDecodeError:
            raise PackRefused(f"{name}: not UTF-8 text") from None
    return manifest, files


def publish_folder(store: HubStore, folder: Path, kind: str | None = None,
                   now: float | None = None) -> tuple[str, str, str]:
    """Stores the pack of `folder` (kind: its parent folder's name unless given);
    returns (kind, pack, version)."""
    kind = kind or folder.resolve().parent.name
    if not _NAME.fullmatch(kind):
        raise PackRefused(f"kind {kind!r} must be a short lower-case name, e.g. schedules")
    manifest, files = read_folder(folder)
    _schema(store)
    with store.write() as tx:
        tx.execute("DELETE FROM data_pack WHERE kind = ? AND pack = ?", (kind, manifest["id"]))
        tx.execute(
            "INSERT INTO data_pack (kind, pack, version, manifest, files, published_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (kind, manifest["id"], manifest["version"], json.dumps(manifest),
             json.dumps(files), time.time() if now is None else now))
    return kind, str(manifest["id"]), str(manifest["version"])


def register(app: FastAPI, store: HubStore) -> None:
    """Adds the /packs/v1 routes (called by tsn_hub.api.create_app)."""
    from tsn_hub.api import HubError, current_actor

    _schema(store)

    def listing() -> list[dict[str, str]]:
        with store.read() as tx:
            rows = tx.execute("SELECT kind, pack, version FROM data_pack"
                              " ORDER BY kind, pack").fetchall()
        return [{"kind": k, "pack": p, "version": v} for k, p, v in rows]

    def one(kind: str, pack: str) -> dict[str, Any] | None:
        with store.read() as tx:
            row = tx.execute("SELECT version, manifest, files FROM data_pack"
                             " WHERE kind = ? AND pack = ?", (kind, pack)).fetchone()
        if row is None:
            return None
        return {"kind": kind, "pack": pack, "version": row[0],
                "manifest": json.loads(row[1]), "files": json.loads(row[2])}

    @app.get("/packs/v1", tags=["packs"])
    async def packs(actor: Account = Depends(current_actor)) -> dict[str, Any]:  # noqa: B008
        """The packs the hub serves: kind, pack id and version of each."""
        return {"packs": await run_in_threadpool(listing)}

    @app.get("/packs/v1/{kind}/{pack}", tags=["packs"])
    async def pack(kind: str, pack: str,
                   actor: Account = Depends(current_actor)) -> dict[str, Any]:  # noqa: B008
        """One pack: its manifest and its files as text."""
        found = await run_in_threadpool(one, kind, pack)
        if found is None:
            raise HubError(404, "not-found", "no such pack")
        return found
