"""Creating and opening a practitioner profile: vault, encrypted database, practitioner."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tsn_desktop.core import identifiers
from tsn_desktop.core.clock import Clock, utc_iso
from tsn_desktop.core.db import Database, Migration, WrongKey, new_id
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
                              profession=practitioner.profession, clock=clock, kdf=kdf,
                              personal=personal_words(practitioner))
    db = Database.open(vault.db_path, key, clock, migrations, create=True)
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


class ChangeInterrupted(WrongKey):
    """A passphrase change was interrupted and this passphrase's key is not the one the
    database has now: the other passphrase (the previous or the new one) opens it."""


def open_with_key(vault: Vault, key: bytes, clock: Clock, *, remembered: bool,
                  migrations: Sequence[Migration] | None = None) -> OpenProfile:
    """Checks and opens the database (core.db raises DatabaseDamaged / WrongKey first)."""
    try:
        db = Database.open(vault.db_path, key, clock, migrations)
    except WrongKey as exc:
        if vault.has_pending_change and type(exc) is WrongKey:
            raise ChangeInterrupted("the other passphrase opens this profile") from exc
        raise
    vault.settle_pending(key)
    return _opened(vault, db, remembered)


def personal_words(practitioner: Practitioner) -> tuple[str, ...]:
    """What an attacker who knows the practice tries first: refused inside a passphrase."""
    return tuple(w for w in (practitioner.family_name, practitioner.given_names,
                             practitioner.rpps, practitioner.city) if w)


def change_passphrase(db: Database, vault: Vault, old: str, new: str, clock: Clock, *,
                      personal: tuple[str, ...] = (), remembered: bool = False) -> bool:
    """Re-keys the database under a new random key wrapped by the new passphrase (on the
    DB thread). An old copy of vault.json with the old passphrase then opens nothing
    saved since. Returns whether the keyring now holds the new key (when it held one)."""
    new_key = secrets.token_bytes(32)
    vault.begin_change(old, new, new_key, clock, personal=personal)
    try:
        db.rekey(new_key)
    except BaseException:
        vault.cancel_change()
        raise
    vault.finish_change()
    if not remembered:
        return False
    try:
        vault.remember_key(new_key)
    except KeyringUnavailable:
        vault.forget_key()  # the old key there opens nothing any more
        return False
    return True


def _opened(vault: Vault, db: Database, remembered: bool) -> OpenProfile:
    row = db.query_one(
        "SELECT family_name, given_names, profession, rpps, address, postal_code, city,"
        " practitioner_id FROM practitioner_profile WHERE id = 1")
    if row is None:
        raise ProfileError("profile", "incomplete")
    practitioner = Practitioner(*row)
    db.actor = practitioner.rpps
    return OpenProfile(vault, db, practitioner, remembered)
