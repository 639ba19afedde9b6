"""Encrypted profile backups: make one (now or when due), restore one as a new profile."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tsn_desktop.core.clock import Clock, parse_utc_iso, utc_iso
from tsn_desktop.core.db import Database, WrongKey
from tsn_desktop.core.paths import make_private_dir, make_private_file, write_private_file
from tsn_desktop.core.vault import (
    DB_FILE,
    VAULT_FILE,
    ProfileInfo,
    Vault,
    VaultError,
    WrongPassphrase,
    profiles_root,
)

BACKUP_FORMAT = 1
SUFFIX = ".tsnbackup"
MANIFEST = "manifest.json"
# tsn-<UTC stamp>-<first 8 characters of the profile id>.tsnbackup: a date and an opaque
# id, never the practitioner's or a patient's name.
_NAME = re.compile(r"^tsn-(\d{8}T\d{6}Z)-([0-9a-f]{8})\.tsnbackup$")


class BackupError(Exception):
    """A backup cannot be made or used; `code` says why (the UI words it):
    folder (cannot write there), not_a_backup, damaged, wrong_passphrase, does_not_open."""

    def __init__(self, code: str) -> None:
        super().__init__(f"backup: {code}")
        self.code = code


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    profile_id: str
    label: str
    created_at: datetime


def backup_name(profile_id: str, when: datetime) -> str:
    return f"tsn-{when.strftime('%Y%m%dT%H%M%SZ')}-{profile_id.replace('-', '')[:8]}{SUFFIX}"


def make_backup(db: Database, vault: Vault, folder: Path, clock: Clock) -> Path:
    """Writes one backup file into `folder` (on the DB thread: it reads the live database).

    The file is a zip of the database exported under its own key (a consistent copy, still
    encrypted), the key file as it is (the key wrapped by the current passphrase) and a
    manifest with SHA-256 sums. The passphrase in force today opens it."""
    try:
        if not folder.exists():
            make_private_dir(folder)
        now = clock.now()
        final = folder / backup_name(vault.profile_id, now)
        staging = folder / f".{final.name}.{uuid.uuid4().hex[:8]}.partial"
        make_private_dir(staging)
        try:
            exported = staging / DB_FILE
            key_file = (vault.directory / VAULT_FILE).read_bytes()
            db.export_encrypted(exported)
            members = {VAULT_FILE: key_file, DB_FILE: exported.read_bytes()}
            manifest = {
                "format": BACKUP_FORMAT,
                "profile_id": vault.profile_id,
                "label": vault.info.label,
                "created_at": utc_iso(now),
                "sha256": {name: hashlib.sha256(data).hexdigest()
                           for name, data in members.items()},
            }
            archive = staging / "archive.zip"
            _write_zip(archive, {MANIFEST: json.dumps(manifest, indent=2).encode(), **members})
            archive.replace(final)
            make_private_file(final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise BackupError("folder") from exc
    return final


def _write_zip(path: Path, members: dict[str, bytes]) -> None:
    # Stored, not deflated: the database is encrypted (incompressible) and stays as it was.
    with open(path, "wb") as raw:
        make_private_file(path)
        with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        raw.flush()


def read_backup(path: Path) -> tuple[BackupInfo, dict[str, bytes]]:
    """The manifest and members of a backup file, each checked against its SHA-256."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if manifest.get("format") != BACKUP_FORMAT:
                raise BackupError("not_a_backup")
            members = {name: archive.read(name) for name in (VAULT_FILE, DB_FILE)}
    except BackupError:
        raise
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BackupError("not_a_backup" if not zipfile.is_zipfile(path) else "damaged") \
            from exc
    for name, data in members.items():
        if hashlib.sha256(data).hexdigest() != manifest.get("sha256", {}).get(name):
            raise BackupError("damaged")
    try:
        info = BackupInfo(path, str(manifest["profile_id"]), str(manifest.get("label", "")),
                          parse_utc_iso(manifest["created_at"]))
    except (KeyError, ValueError) as exc:
        raise BackupError("damaged") from exc
    return info, members


def restore_backup(path: Path, basedir: Path, passphrase: str, clock: Clock) -> ProfileInfo:
    """Restores a backup as a NEW profile (the existing ones are never touched).

    It is unpacked into a hidden staging folder, its key file unwrapped with `passphrase`
    and its database opened and checked (quick_check, practitioner's row, migrations);
    only then is the folder renamed into place, where list_profiles sees it. On any
    failure the staging folder goes and nothing is listed."""
    _info, members = read_backup(path)
    root = make_private_dir(profiles_root(basedir))
    profile_id = str(uuid.uuid4())
    staging = root / f".restore-{profile_id}"
    make_private_dir(staging)
    try:
        for name, data in members.items():
            write_private_file(staging / name, data)
        try:
            vault = Vault.load(staging)
            key = vault.rebind(profile_id, passphrase)
        except VaultError as exc:
            raise BackupError("wrong_passphrase" if isinstance(exc, WrongPassphrase)
                              else "damaged") from exc
        try:
            Database.open(staging / DB_FILE, key, clock).close()
        except (WrongKey, RuntimeError) as exc:
            raise BackupError("does_not_open") from exc
        target = root / profile_id
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Vault.load(target).info


# --- on a schedule -----------------------------------------------------------------------
def backups_in(folder: Path, profile_id: str) -> list[tuple[datetime, Path]]:
    """This profile's backups in `folder`, oldest first (from their names alone)."""
    found: list[tuple[datetime, Path]] = []
    if not folder.is_dir():
        return found
    short = profile_id.replace("-", "")[:8]
    for child in folder.iterdir():
        match = _NAME.match(child.name)
        if match and match.group(2) == short:
            when = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ")
            found.append((when.replace(tzinfo=UTC), child))
    return sorted(found)


def last_backup_at(folder: Path, profile_id: str) -> datetime | None:
    found = backups_in(folder, profile_id)
    return found[-1][0] if found else None


def backup_due(last: datetime | None, interval_days: int, now: datetime) -> bool:
    """Whether the scheduled backup should run now: interval 0 means "never on a schedule";
    no backup yet means now."""
    if interval_days <= 0:
        return False
    return last is None or now - last >= timedelta(days=interval_days)


def backup_if_due(db: Database, vault: Vault, folder: Path, interval_days: int,
                  clock: Clock, last: datetime | None = None) -> Path | None:
    """The scheduled backup (on the DB thread): makes one when due, else returns None.
    `last` defaults to the newest backup of this profile found in `folder`."""
    if last is None:
        last = last_backup_at(folder, vault.profile_id)
    if not backup_due(last, interval_days, clock.now()):
        return None
    return make_backup(db, vault, folder, clock)
