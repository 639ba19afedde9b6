"""Creating and opening a practitioner profile: vault, encrypted database, practitioner."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tsn_desktop.core import identifiers
from tsn_desktop.core.clock import Clock, utc_iso
from tsn_desktop.core.db import Database, Migration, new_id
from tsn_desktop.core.vault import KdfParams, KeyringUnavailable, Vault, new_profile_dir

# Codes stored in the profile; the UI words them (médecin généraliste, ...).
PROFESSIONS = ("general_practitioner", "pharmacist", "nurse", "midwife")


@dataclass(frozen=True)
class Practitioner:
    family_name: str
    given_names: str
    profession: str
    rpps: str
    address: str = ""
    postal_code: str = ""
    city: str = ""
    practitioner_id: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.given_names} {self.family_name.upper()}".strip()


class ProfileError(Exception):
    """The profile form cannot be saved; `field` names what to fix."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


def check_practitioner(p: Practitioner) -> None:
    if not p.family_name.strip():
        raise ProfileError("family_name", "required")
    if not p.given_names.strip():
        raise ProfileError("given_names", "required")
    if p.profession not in PROFESSIONS:
        raise ProfileError("profession", "invalid")
    if not identifiers.validate_rpps(p.rpps).ok:
        raise ProfileError("rpps", "invalid")


@dataclass
class OpenProfile:
    vault: Vault
    db: Database
    practitioner: Practitioner
    remembered: bool


def create_profile(basedir: Path, practitioner: Practitioner, passphrase: str, *,
                   remember: bool, clock: Clock, kdf: KdfParams | None = None,
                   migrations: Sequence[Migration] | None = None) -> OpenProfile:
    """The first-run wizard's last step. `remembered` says whether the keyring took the key.
    `migrations`: the app's features' (default: every shipped one)."""
    check_practitioner(practitioner)
    directory = new_profile_dir(basedir)
    vault, key = Vault.create(directory, passphrase, label=practitioner.display_name,
                              profession=practitioner.profession, clock=clock, kdf=kdf)
    db = Database.open(vault.db_path, key, clock, migrations)
    practitioner_id = practitioner.practitioner_id or new_id()
    with db.unit_of_work() as uow:
        uow.execute(
            "INSERT INTO practitioner_profile (id, practitioner_id, family_name, given_names,"
            " profession, rpps, address, postal_code, city, created_at)"
            " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (practitioner_id, practitioner.family_name.strip(), practitioner.given_names.strip(),
             practitioner.profession, re.sub(r"\D", "", practitioner.rpps),
             practitioner.address, practitioner.postal_code, practitioner.city,
             utc_iso(clock.now())),
        )
    remembered = False
    if remember:
        try:
            vault.remember_key(key)
            remembered = True
        except KeyringUnavailable:
            remembered = False
    return _opened(vault, db, remembered)


def open_with_key(vault: Vault, key: bytes, clock: Clock, *, remembered: bool,
                  migrations: Sequence[Migration] | None = None) -> OpenProfile:
    return _opened(vault, Database.open(vault.db_path, key, clock, migrations), remembered)


def _opened(vault: Vault, db: Database, remembered: bool) -> OpenProfile:
    row = db.query_one(
        "SELECT family_name, given_names, profession, rpps, address, postal_code, city,"
        " practitioner_id FROM practitioner_profile WHERE id = 1")
    if row is None:
        raise ProfileError("profile", "incomplete")
    practitioner = Practitioner(*row)
    db.actor = practitioner.rpps
    return OpenProfile(vault, db, practitioner, remembered)
