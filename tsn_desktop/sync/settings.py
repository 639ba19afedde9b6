"""The hub account of a profile: hub address and RPPS in the encrypted profile DB, the
bearer token in the OS keyring when there is one, else in that same encrypted table.

Functions taking the Database run on the DB thread; `keyring_token` does not touch
it, so callers can keep a slow keyring (an unlock prompt) off that thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from tsn_desktop.core.db import Database
from tsn_desktop.core.keyring_probe import keyring_usable
from tsn_desktop.sync.client import check_hub_url

log = logging.getLogger(__name__)

KEYRING_SERVICE = "tsn-desktop-hub"


@dataclass(frozen=True)
class SyncAccount:
    hub_url: str
    rpps: str
    token_in_db: bool


def _keyring() -> Any | None:
    """The keyring module when a real backend exists (not the fail/null fallbacks)."""
    if not keyring_usable():
        return None
    import keyring

    return keyring


def _keyring_user(profile_id: str, hub_url: str) -> str:
    return f"{profile_id}@{hub_url}"


def save_account(db: Database, profile_id: str, hub_url: str, rpps: str, token: str) -> bool:
    """Stores the account; returns True when the token went to the OS keyring."""
    url = check_hub_url(hub_url)
    in_keyring = False
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(KEYRING_SERVICE, _keyring_user(profile_id, url), token)
            in_keyring = True
        except Exception:  # noqa: BLE001 - a locked or broken keyring: use the DB
            log.warning("keyring refused the hub token; keeping it in the profile")
    with db.unit_of_work() as uow:
        uow.execute(
            "INSERT INTO sync_account (id, hub_url, rpps, token, updated_at)"
            " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET hub_url = excluded.hub_url,"
            " rpps = excluded.rpps, token = excluded.token, updated_at = excluded.updated_at",
            (url, rpps, None if in_keyring else token, uow.now_iso()))
    return in_keyring


def load_account(db: Database) -> SyncAccount | None:
    row = db.query_one("SELECT hub_url, rpps, token IS NOT NULL FROM sync_account WHERE id = 1")
    return SyncAccount(row[0], row[1], bool(row[2])) if row else None


def load_token(db: Database, profile_id: str) -> str | None:
    """The bearer token, from the profile or the keyring; None means "sign in"."""
    row = db.query_one("SELECT hub_url, token FROM sync_account WHERE id = 1")
    if row is None:
        return None
    hub_url, token = row
    if token:
        return str(token)
    return keyring_token(profile_id, hub_url)


def keyring_token(profile_id: str, hub_url: str) -> str | None:
    """The token from the OS keyring (may block on an unlock prompt: not on the DB thread)."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        stored = ring.get_password(KEYRING_SERVICE, _keyring_user(profile_id, hub_url))
    except Exception:  # noqa: BLE001 - unreadable keyring: ask the user to sign in
        return None
    return stored or None


def forget_token(db: Database, profile_id: str) -> None:
    """After a 401 or on sign-out: the token is dropped everywhere it was kept."""
    row = db.query_one("SELECT hub_url FROM sync_account WHERE id = 1")
    if row is None:
        return
    ring = _keyring()
    if ring is not None:
        try:
            ring.delete_password(KEYRING_SERVICE, _keyring_user(profile_id, row[0]))
        except Exception:  # noqa: BLE001 - nothing stored there
            pass
    with db.unit_of_work() as uow:
        uow.execute("UPDATE sync_account SET token = NULL WHERE id = 1")
