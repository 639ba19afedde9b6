"""Agenda delegation, the desktop's side of the wire: the user's delegates go to the hub
as a FHIR Schedule, and the agendas delegated to the user come back (after a sync pass)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tsn_desktop.agenda import store
from tsn_desktop.agenda.fhir import RPPS_SYSTEM, own_rpps
from tsn_desktop.core.db import Database
from tsn_desktop.sync.client import HubClient

EXT_DELEGATE = "https://tsn-desktop.terr-esante.fr/fhir/StructureDefinition/schedule-delegate"
RunDb = Callable[[Callable[[Database], Any]], Any]


def _ident(rpps: str) -> dict[str, Any]:
    return {"identifier": {"system": RPPS_SYSTEM, "value": rpps}}


def delegation_schedule(owner: str, delegates: list[str]) -> dict[str, Any]:
    """The owner's agenda (a Schedule, the owner as actor) naming who may edit it."""
    return {"resourceType": "Schedule", "active": True, "actor": [_ident(owner)],
            "extension": [{"url": EXT_DELEGATE, "valueReference": _ident(d)}
                          for d in delegates]}


def _rpps(ref: object) -> str | None:
    ident = ref.get("identifier") if isinstance(ref, dict) else None
    if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM:
        return str(ident.get("value") or "") or None
    return None


def delegated_to(bundle: object, me: str) -> list[str]:
    """Owners (RPPS) of the Schedules in the hub's answer that name `me` as delegate."""
    owners: set[str] = set()
    entries = bundle.get("entry") if isinstance(bundle, dict) else None
    for entry in entries or []:
        res = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(res, dict) or res.get("resourceType") != "Schedule":
            continue
        actors = {_rpps(a) for a in res.get("actor") or []}
        named = {_rpps(e.get("valueReference")) for e in res.get("extension") or []
                 if isinstance(e, dict) and e.get("url") == EXT_DELEGATE}
        owners |= {o for o in actors if o and o != me} if me in named else set()
    return sorted(owners)


def exchange(run_db: RunDb, client: HubClient) -> None:
    """Sends the user's delegates if they changed, then keeps the hub's list of agendas
    delegated to the user (a revocation makes that agenda read-only again here)."""
    def read(db: Database) -> tuple[str | None, bool, list[str]]:
        return own_rpps(db), store.delegation_pending(db), store.delegation(db, "given")

    me, pending, given = run_db(read)
    if not me:
        return
    if pending:
        client.request("PUT", "/agenda/v1/delegation", body=delegation_schedule(me, given))

        def sent(db: Database) -> None:
            with db.unit_of_work() as uow:
                store.delegation_sent(uow, given)

        run_db(sent)
    received = delegated_to(client.get("/agenda/v1/delegations"), me)

    def keep(db: Database) -> None:
        if store.delegation(db, "received") != received:
            with db.unit_of_work() as uow:
                store.replace_delegation(uow, "received", received)

    run_db(keep)
