"""Agenda delegation on the hub: a practitioner names the colleagues who may book, move
and cancel in their agenda (a FHIR Schedule), and pushed Appointments are checked
against it (docs/sync-protocol.md, "Agenda delegation")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from tsn_hub import fhir
from tsn_hub.storage import Account, HubStore

BASE = "https://tsn-desktop.terr-esante.fr/fhir"
EXT_DELEGATE = f"{BASE}/StructureDefinition/schedule-delegate"
MAX_DELEGATES = 50
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS agenda_delegation (owner_rpps TEXT NOT NULL,"
    " delegate_rpps TEXT NOT NULL, PRIMARY KEY (owner_rpps, delegate_rpps))",
    "CREATE INDEX IF NOT EXISTS agenda_delegation_delegate"
    " ON agenda_delegation (delegate_rpps)",
)
REFUSED = ("only the agenda's owner, or a colleague they delegated their agenda to, may book"
           " or move an appointment in it: ask them to delegate their agenda to you")


class DelegationRefused(Exception):
    def __init__(self, status: int, code: str, diagnostics: str) -> None:
        super().__init__(diagnostics)
        self.status, self.code, self.diagnostics = status, code, diagnostics


def _exec(tx: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    # The store's SQL runner (both dialects), as tsn_hub.bookings does: the delegation is
    # read in the same write transaction that applies a pushed Appointment.
    return tx._exec(sql, params)


def _rows(tx: Any, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in _exec(tx, sql, params).fetchall()]


def owner_of(resource: dict[str, Any] | None) -> str | None:
    """Whose agenda an Appointment is in: its first practitioner named by RPPS."""
    for part in (resource or {}).get("participant") or []:
        if isinstance(part, dict):
            rpps, _ = fhir.practitioner_ref(part.get("actor"))
            if rpps:
                return rpps
    return None


def _when(resource: dict[str, Any] | None) -> tuple[object, object]:
    return (resource or {}).get("start"), (resource or {}).get("end")


def refusal(tx: Any, actor_rpps: str, resource: dict[str, Any],
            current_content: dict[str, Any] | None) -> str | None:
    """Why `actor_rpps` may not write this Appointment, or None. The owner writes their
    agenda; a delegate creates, moves and cancels in it; anyone else who sees the patient
    keeps what the protocol already allowed: statuses on an appointment as it stands
    (never a new one in a colleague's agenda, nor a move, nor a change of agenda)."""
    owner = owner_of(resource)
    if owner is None or owner == actor_rpps:
        return None
    if _rows(tx, "SELECT 1 FROM agenda_delegation WHERE owner_rpps = ? AND delegate_rpps = ?",
             (owner, actor_rpps)):
        return None
    if current_content is not None and owner_of(current_content) == owner \
            and _when(current_content) == _when(resource):
        return None
    return REFUSED


def _schedule(owner: str, delegates: list[str]) -> dict[str, Any]:
    return {"resourceType": "Schedule", "active": True,
            "actor": [{"identifier": {"system": fhir.RPPS_SYSTEM, "value": owner}}],
            "extension": [{"url": EXT_DELEGATE, "valueReference": {"identifier": {
                "system": fhir.RPPS_SYSTEM, "value": d}}} for d in delegates]}


class Delegations:
    def __init__(self, store: HubStore) -> None:
        self.store = store
        with store.write() as tx:
            for statement in SCHEMA:
                _exec(tx, statement)

    def replace(self, rpps: str, body: object) -> list[str]:
        """The caller's delegates, replaced by those the Schedule names (none: revoked)."""
        if not isinstance(body, dict) or body.get("resourceType") != "Schedule":
            raise DelegationRefused(400, "structure", "body must be a FHIR Schedule")
        actors = {fhir.practitioner_ref(a)[0] for a in body.get("actor") or []}
        if actors != {rpps}:
            raise DelegationRefused(403, "forbidden",
                                    "a practitioner delegates their own agenda only")
        delegates: list[str] = []
        for ext in body.get("extension") or []:
            if not isinstance(ext, dict) or ext.get("url") != EXT_DELEGATE:
                continue
            named, _ = fhir.practitioner_ref(ext.get("valueReference"))
            if not fhir.is_valid_rpps(named):
                raise DelegationRefused(400, "value", "a delegate is named by an 11-digit RPPS")
            if named != rpps and named not in delegates:
                delegates.append(str(named))
        if len(delegates) > MAX_DELEGATES:
            raise DelegationRefused(413, "too-costly", f"at most {MAX_DELEGATES} delegates")
        with self.store.write() as tx:
            _exec(tx, "DELETE FROM agenda_delegation WHERE owner_rpps = ?", (rpps,))
            for delegate in delegates:
                _exec(tx, "INSERT INTO agenda_delegation (owner_rpps, delegate_rpps)"
                          " VALUES (?, ?)", (rpps, delegate))
        return delegates

    def of(self, rpps: str) -> dict[str, Any]:
        """A Bundle: the caller's own Schedule (whom they delegated to) and one per
        colleague who delegated their agenda to the caller."""
        with self.store.read() as tx:
            given = [r[0] for r in _rows(tx, "SELECT delegate_rpps FROM agenda_delegation"
                                             " WHERE owner_rpps = ? ORDER BY delegate_rpps",
                                         (rpps,))]
            received = [r[0] for r in _rows(tx, "SELECT owner_rpps FROM agenda_delegation"
                                                " WHERE delegate_rpps = ? ORDER BY owner_rpps",
                                            (rpps,))]
        entries = [_schedule(rpps, given)] + [_schedule(o, [rpps]) for o in received]
        return {"resourceType": "Bundle", "type": "collection",
                "entry": [{"resource": r} for r in entries]}


def register(app: FastAPI, store: HubStore, clock: Callable[[], float]) -> None:
    """Adds the /agenda/v1 delegation routes (called by tsn_hub.api.create_app)."""
    from tsn_hub.api import HubError, current_actor

    delegations = Delegations(store)

    async def _run(fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return await run_in_threadpool(fn, *args)
        except DelegationRefused as exc:
            raise HubError(exc.status, exc.code, exc.diagnostics) from None

    @app.put("/agenda/v1/delegation", tags=["agenda"])
    async def replace(request: Request,
                      actor: Account = Depends(current_actor)) -> dict[str, Any]:  # noqa: B008
        """The signed-in practitioner's agenda delegates, replaced (a Schedule)."""
        raw = await request.body()
        if len(raw) > 100_000:
            raise HubError(413, "too-costly", "request body too large")
        try:
            import json

            body = json.loads(raw)
        except ValueError:
            raise HubError(400, "structure", "request body is not valid JSON") from None
        return {"delegates": await _run(delegations.replace, actor.rpps, body)}

    @app.get("/agenda/v1/delegations", tags=["agenda"])
    async def listed(actor: Account = Depends(current_actor)) -> dict[str, Any]:  # noqa: B008
        return dict(await _run(delegations.of, actor.rpps))
