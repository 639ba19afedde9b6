"""Practitioner accounts: bearer tokens (only their hash is stored) and directory entries."""

from __future__ import annotations

import secrets
import time
from typing import Any

from tsn_hub import fhir
from tsn_hub.storage import SCOPE_DIRECTORY, Account, HubStore, StoredResource
from tsn_hub.sync import hash_token, iso

# Directory entries have a stable id derived from the RPPS number (reserved for it).
practitioner_id = fhir.practitioner_id
# How long a token works unless `create-practitioner --token-days` says otherwise.
DEFAULT_TOKEN_DAYS = 365.0


def _practitioner_resource(account: Account, vid: int, now: float) -> dict[str, Any]:
    # "Claire Petit" -> given ["Claire"], family "Petit"; good enough for a directory.
    *given, family = account.name.split() or [account.name]
    name: dict[str, Any] = {"text": account.name, "family": family}
    if given:
        name["given"] = given
    resource: dict[str, Any] = {
        "resourceType": "Practitioner",
        "id": practitioner_id(account.rpps),
        "meta": {"versionId": str(vid), "lastUpdated": iso(now)},
        "identifier": [{"system": fhir.RPPS_SYSTEM, "value": account.rpps}],
        "active": True,
        "name": [name],
    }
    if account.profession:
        resource["qualification"] = [{"code": {"text": account.profession}}]
    return resource


def register_practitioner(
    store: HubStore,
    rpps: str,
    name: str,
    profession: str | None = None,
    now: float | None = None,
    token_days: float = DEFAULT_TOKEN_DAYS,
) -> str:
    """Create (or re-key) an account; returns the new bearer token, shown only once.

    The token works for `token_days` from `now`; running this again revokes it."""
    if not fhir.is_valid_rpps(rpps):
        raise ValueError("an RPPS number has 11 digits")
    if not token_days > 0:
        raise ValueError("a token lifetime is a positive number of days")
    now = time.time() if now is None else now
    token = secrets.token_urlsafe(32)
    account = Account(rpps, name, profession)
    store.add_account(account, hash_token(token), now, now + token_days * 86400.0)
    entry_id = practitioner_id(rpps)
    with store.write() as tx:
        # Publish a directory entry unless the practitioner already maintains one; an
        # entry at this id that names another RPPS (written before ids were reserved)
        # is taken back for its rightful owner.
        current = tx.get("Practitioner", entry_id)
        if current is not None and current.content is not None:
            if fhir.rpps_of_practitioner(current.content) == rpps:
                return token
        vid = current.vid + 1 if current else 1
        row = StoredResource(
            "Practitioner",
            entry_id,
            vid,
            tx.next_seq(),
            False,
            _practitioner_resource(account, vid, now),
            None,
            SCOPE_DIRECTORY,
            now,
        )
        tx.put(row, rpps)
    return token
