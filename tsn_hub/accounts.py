"""Practitioner accounts: bearer tokens (only their hash is stored) and directory entries."""

from __future__ import annotations

import secrets
import time
import uuid
from typing import Any

from tsn_hub import fhir
from tsn_hub.storage import SCOPE_DIRECTORY, Account, HubStore, StoredResource
from tsn_hub.sync import hash_token, iso

# Directory entries made by the hub get a stable id derived from the RPPS number.
_DIRECTORY_NS = uuid.uuid5(uuid.NAMESPACE_URL, fhir.RPPS_SYSTEM)


def practitioner_id(rpps: str) -> str:
    return str(uuid.uuid5(_DIRECTORY_NS, rpps))


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
    store: HubStore, rpps: str, name: str, profession: str | None = None, now: float | None = None
) -> str:
    """Create (or re-key) an account; returns the new bearer token, shown only once."""
    if not fhir.is_valid_rpps(rpps):
        raise ValueError("an RPPS number has 11 digits")
    now = time.time() if now is None else now
    token = secrets.token_urlsafe(32)
    account = Account(rpps, name, profession)
    store.add_account(account, hash_token(token), now)
    with store.write() as tx:
        # Publish a directory entry unless the practitioner already maintains one.
        if tx.get("Practitioner", practitioner_id(rpps)) is None:
            row = StoredResource(
                "Practitioner",
                practitioner_id(rpps),
                1,
                tx.next_seq(),
                False,
                _practitioner_resource(account, 1, now),
                None,
                SCOPE_DIRECTORY,
                now,
            )
            tx.put(row, rpps)
    return token
