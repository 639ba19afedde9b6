"""Online bookings on the hub: a practitioner publishes free slots (FHIR Schedule and
Slot), the patients' portal lists them and books one, the booking becomes a 'proposed'
Appointment the practitioner pulls at sync, and either side cancels it
(docs/sync-protocol.md §15)."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from tsn_hub import fhir
from tsn_hub.storage import Account, HubStore, StoredResource
from tsn_hub.storage.base import SCOPE_PARTICIPANTS

log = logging.getLogger("tsn_hub.bookings")

BASE = "https://tsn-desktop.terr-esante.fr/fhir"
EXT_BOOKER = f"{BASE}/StructureDefinition/appointment-booked-by"
EXT_ZONE = f"{BASE}/StructureDefinition/appointment-time-zone"
RPPS_SYSTEM = fhir.RPPS_SYSTEM
MAX_SLOTS = 2000  # a published schedule: about three months of 20-minute slots
MAX_DAYS = 120
_SLOT_NS = uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE}/Slot")
_PHONE = re.compile(r"[0-9+][0-9 .+-]{5,19}")
# Statuses that no longer hold the slot.
_FREEING = frozenset({"cancelled", "noshow", "entered-in-error"})

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS booking_slot (id TEXT PRIMARY KEY, rpps TEXT NOT NULL,"
    " start_utc TEXT NOT NULL, end_utc TEXT NOT NULL, type_system TEXT NOT NULL,"
    " type_code TEXT NOT NULL, zone TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS booking_slot_rpps ON booking_slot (rpps, start_utc)",
    "CREATE TABLE IF NOT EXISTS booking (id TEXT PRIMARY KEY, slot_id TEXT NOT NULL,"
    " rpps TEXT NOT NULL, start_utc TEXT NOT NULL, end_utc TEXT NOT NULL,"
    " cancel_hash TEXT NOT NULL, created_at DOUBLE PRECISION NOT NULL)",
    "CREATE INDEX IF NOT EXISTS booking_slot_id ON booking (slot_id)",
)


class BookingRefused(Exception):
    """`code` is the FHIR issue type; `reason` says which refusal a portal words."""

    def __init__(self, status: int, code: str, diagnostics: str, reason: str = "") -> None:
        super().__init__(diagnostics)
        self.status, self.code, self.diagnostics = status, code, diagnostics
        self.reason = reason


def _utc(text: object) -> datetime:
    if not isinstance(text, str):
        raise BookingRefused(400, "invalid", "a time is missing")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BookingRefused(400, "invalid", "a time is not ISO 8601") from None
    if moment.tzinfo is None:
        raise BookingRefused(400, "invalid", "a time has no offset")
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot_id(rpps: str, start: datetime, end: datetime) -> str:
    """Stable across republishing: a booking keeps naming the same slot."""
    return str(uuid.uuid5(_SLOT_NS, f"{rpps}|{_iso(start)}|{_iso(end)}"))


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _exec(tx: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    # The store's SQL runner (both dialects): bookings live beside the resources, in the
    # same serialised write transactions, which is what decides a booking race.
    return tx._exec(sql, params)


class Bookings:
    def __init__(self, store: HubStore, clock: Callable[[], float]) -> None:
        self.store, self.clock = store, clock
        with store.write() as tx:
            for statement in SCHEMA:
                _exec(tx, statement)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    # -- the practitioner publishes ----------------------------------------------
    def publish(self, rpps: str, bundle: object) -> int:
        """Replaces the practitioner's published free slots with the Bundle's (Schedule +
        Slot). Slots already booked stay. Returns how many are published."""
        if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
            raise BookingRefused(400, "structure", "body must be a FHIR Bundle")
        try:
            fhir.check_structure(bundle)
        except fhir.InvalidResource as exc:
            raise BookingRefused(400, "structure", exc.diagnostics) from None
        resources: list[dict[str, Any]] = [
            e["resource"] for e in bundle.get("entry") or []
            if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
        schedules = [r for r in resources if r.get("resourceType") == "Schedule"]
        slots = [r for r in resources if r.get("resourceType") == "Slot"]
        if len(schedules) != 1:
            raise BookingRefused(400, "invalid", "exactly one Schedule is expected")
        schedule = schedules[0]
        actors = {(a.get("identifier") or {}).get("value") for a in schedule.get("actor") or []
                  if isinstance(a, dict)}
        if rpps not in actors:
            raise BookingRefused(403, "forbidden", "a practitioner publishes their own slots")
        if len(slots) > MAX_SLOTS:
            raise BookingRefused(413, "too-costly", f"at most {MAX_SLOTS} slots")
        coding = ((schedule.get("serviceType") or [{}])[0].get("coding") or [{}])[0]
        kind = (str(coding.get("system") or ""), str(coding.get("code") or "consultation"))
        zone = str(schedule.get("timezone") or "Europe/Paris")[:64]
        now = self._now()
        rows = []
        for slot in slots:
            if slot.get("status", "free") != "free":
                continue
            start, end = _utc(slot.get("start")), _utc(slot.get("end"))
            if not timedelta(minutes=5) <= end - start <= timedelta(hours=4):
                raise BookingRefused(400, "value", "a slot lasts 5 minutes to 4 hours")
            if start > now + timedelta(days=MAX_DAYS):
                raise BookingRefused(400, "value", f"slots go {MAX_DAYS} days ahead at most")
            if start > now:  # a slot already begun cannot be booked (nor is it listed)
                rows.append((slot_id(rpps, start, end), rpps, _iso(start), _iso(end), *kind,
                             zone))
        with self.store.write() as tx:
            # Slots no live booking holds are replaced (a cancelled booking's slot too: it
            # is offered again only if this publication has it).
            for (old,) in _exec(tx, "SELECT id FROM booking_slot WHERE rpps = ?",
                                (rpps,)).fetchall():
                if not self._taken(tx, old):
                    _exec(tx, "DELETE FROM booking_slot WHERE id = ?", (old,))
            for row in rows:
                if not _exec(tx, "SELECT 1 FROM booking_slot WHERE id = ?", (row[0],)
                             ).fetchone():
                    _exec(tx, "INSERT INTO booking_slot (id, rpps, start_utc, end_utc,"
                              " type_system, type_code, zone) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          row)
        log.info("published %d slots for %s", len(rows), rpps)
        return len(rows)

    # -- the portal reads and books ------------------------------------------------
    def _taken(self, tx: Any, slot: str) -> bool:
        for (booking_id,) in _exec(tx, "SELECT id FROM booking WHERE slot_id = ?",
                                   (slot,)).fetchall():
            row = tx.get("Appointment", booking_id)
            if row is not None and not row.deleted and row.content is not None \
                    and row.content.get("status") not in _FREEING:
                return True
        return False

    def free_slots(self, rpps: str) -> dict[str, Any]:
        """The practitioner's free published slots to come, as a searchset Bundle."""
        now = _iso(self._now())
        schedule_id = str(uuid.uuid5(_SLOT_NS, f"{rpps}|schedule"))
        entries: list[dict[str, Any]] = [{"resource": {
            "resourceType": "Schedule", "id": schedule_id, "active": True,
            "actor": [{"identifier": {"system": RPPS_SYSTEM, "value": rpps}}]}}]
        with self.store.read() as tx:
            rows = _exec(tx, "SELECT id, start_utc, end_utc FROM booking_slot WHERE rpps = ?"
                             " AND start_utc > ? ORDER BY start_utc", (rpps, now)).fetchall()
            for sid, start, end in rows:
                if not self._taken(tx, sid):
                    entries.append({"resource": {
                        "resourceType": "Slot", "id": sid, "status": "free", "start": start,
                        "end": end, "schedule": {"reference": f"Schedule/{schedule_id}"}}})
        return {"resourceType": "Bundle", "type": "searchset", "total": len(entries) - 1,
                "entry": entries}

    def book(self, body: object) -> dict[str, Any]:
        """A patient books a free slot: one write transaction checks it is free and takes
        it, so of two patients on one slot exactly one wins (the other gets 409)."""
        if not isinstance(body, dict):
            raise BookingRefused(400, "structure", "body must be a JSON object")
        sid, name, phone = body.get("slot"), body.get("name"), body.get("phone", "")
        if not isinstance(sid, str) or not fhir.is_uuid(sid):
            raise BookingRefused(400, "invalid", "slot must be a slot id")
        if not isinstance(name, str) or not 1 <= len(name.strip()) <= 100 \
                or not fhir.is_clean_text(name):
            raise BookingRefused(400, "invalid", "name: 1 to 100 characters")
        if not isinstance(phone, str) or (phone and not _PHONE.fullmatch(phone)):
            raise BookingRefused(400, "invalid", "phone: digits, spaces, + . -")
        reason = body.get("reason", "")
        if not isinstance(reason, str) or len(reason) > 200 or not fhir.is_clean_text(reason):
            raise BookingRefused(400, "invalid", "reason: 200 characters at most")
        key = secrets.token_urlsafe(24)
        appointment_id = str(uuid.uuid4())
        now = self.clock()
        with self.store.write() as tx:
            found = _exec(tx, "SELECT rpps, start_utc, end_utc, type_system, type_code, zone"
                              " FROM booking_slot WHERE id = ?", (sid,)).fetchone()
            if found is None:
                raise BookingRefused(404, "not-found", "no such slot")
            rpps, start, end, system, code, zone = found
            if _utc(start) <= self._now():
                raise BookingRefused(409, "conflict", "this slot has passed", "slot-past")
            if self._taken(tx, sid):
                raise BookingRefused(409, "conflict", "this slot was just booked", "slot-taken")
            extension: list[dict[str, Any]] = [
                {"url": EXT_ZONE, "valueCode": zone},
                {"url": EXT_BOOKER, "extension": [
                    {"url": "name", "valueString": name.strip()},
                    *([{"url": "phone", "valueString": phone}] if phone else [])]}]
            content: dict[str, Any] = {
                "resourceType": "Appointment", "id": appointment_id, "extension": extension,
                "status": "proposed", "start": start, "end": end,
                "minutesDuration": int((_utc(end) - _utc(start)).total_seconds() // 60),
                "slot": [{"reference": f"Slot/{sid}"}],
                "created": _iso(self._now()),
                "participant": [
                    {"actor": {"identifier": {"system": RPPS_SYSTEM, "value": rpps}},
                     "required": "required", "status": "needs-action"},
                    {"actor": {"display": name.strip()}, "required": "required",
                     "status": "accepted"}],
                "meta": {"versionId": "1", "lastUpdated": _iso(self._now())}}
            if system:
                content["appointmentType"] = {"coding": [{"system": system, "code": code}]}
            if reason.strip():
                content["comment"] = reason.strip()
            tx.put(StoredResource("Appointment", appointment_id, 1, tx.next_seq(), False,
                                  content, None, SCOPE_PARTICIPANTS, now), "portal")
            tx.replace_resource_grants("Appointment", appointment_id, [rpps])
            _exec(tx, "INSERT INTO booking (id, slot_id, rpps, start_utc, end_utc, cancel_hash,"
                      " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  (appointment_id, sid, rpps, start, end, _hash(key), now))
        log.info("booking %s on a slot of %s", appointment_id, rpps)
        return {"booking": appointment_id, "cancel_key": key, "status": "proposed",
                "start": start, "end": end}

    def status(self, booking_id: str, key: str) -> dict[str, Any]:
        """What the portal shows the patient: proposed, booked (confirmed), cancelled."""
        with self.store.read() as tx:
            row = self._booking(tx, booking_id, key)
            current = tx.get("Appointment", booking_id)
            status = "cancelled" if current is None or current.deleted or \
                current.content is None else str(current.content.get("status"))
        return {"booking": booking_id, "status": status, "start": row[1], "end": row[2]}

    def _booking(self, tx: Any, booking_id: str, key: str) -> tuple[str, str, str]:
        found = _exec(tx, "SELECT cancel_hash, start_utc, end_utc FROM booking WHERE id = ?",
                      (booking_id,)).fetchone()
        if found is None or not secrets.compare_digest(found[0], _hash(key)):
            raise BookingRefused(404, "not-found", "no such booking")  # same for a bad key
        return found

    def cancel(self, booking_id: str, key: str) -> dict[str, Any]:
        """The patient cancels on the portal: a new version of the Appointment, cancelled,
        that the practitioner pulls at sync (the slot is free again)."""
        now = self.clock()
        with self.store.write() as tx:
            self._booking(tx, booking_id, key)
            current = tx.get("Appointment", booking_id)
            if current is None or current.deleted or current.content is None:
                raise BookingRefused(404, "not-found", "no such booking")
            status = str(current.content.get("status"))
            if status == "cancelled":
                return {"booking": booking_id, "status": "cancelled"}
            if status not in ("proposed", "pending", "booked"):
                raise BookingRefused(409, "business-rule", "this appointment already took place")
            content = dict(current.content)
            content["status"] = "cancelled"
            content["cancellationDate"] = _iso(self._now())
            content["cancelationReason"] = {"text": "cancelled by the patient (portal)"}
            content["meta"] = {"versionId": str(current.vid + 1),
                               "lastUpdated": _iso(self._now())}
            tx.put(StoredResource("Appointment", booking_id, current.vid + 1, tx.next_seq(),
                                  False, content, None, current.scope, now), "portal")
        log.info("booking %s cancelled on the portal", booking_id)
        return {"booking": booking_id, "status": "cancelled"}


# The portal is public (no token): each client address gets a budget of bookings a minute
# (`tsn-hub serve --portal-per-minute`), so one script cannot take every free slot of a
# practice; looking at or cancelling a booking gets five times that. A hub behind a proxy
# that hides the patients' addresses must limit there instead (and set 0 here).
DEFAULT_PORTAL_PER_MINUTE = 6.0
PORTAL_READS_FACTOR = 5
PORTAL_MAX_BODY = 16_384  # a slot id, a name, a phone number and a reason


def register(app: FastAPI, store: HubStore, clock: Callable[[], float],
             portal_per_minute: float = 0.0) -> None:
    """Adds the /booking/v1 routes (called by tsn_hub.api.create_app); 0: no limit."""
    from tsn_hub.api import HubError, RateLimiter, current_actor

    bookings = Bookings(store, clock)
    booking_limiter = RateLimiter(portal_per_minute)
    read_limiter = RateLimiter(portal_per_minute * PORTAL_READS_FACTOR)

    def _throttle(limiter: RateLimiter, request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        wait = limiter.take(client)
        if wait is not None:
            raise HubError(429, "throttled", "too many requests: retry later",
                           retry_after=max(1, math.ceil(wait)))

    async def _body(request: Request, limit: int = PORTAL_MAX_BODY) -> object:
        raw = await request.body()
        if len(raw) > limit:
            raise HubError(413, "too-costly", "request body too large")
        try:
            import json

            return json.loads(raw)
        except ValueError:
            raise HubError(400, "structure", "request body is not valid JSON") from None

    async def _run(fn: Callable[..., Any], *args: Any) -> Any:
        try:
            return await run_in_threadpool(fn, *args)
        except BookingRefused as exc:
            raise HubError(exc.status, exc.code, exc.diagnostics,
                           {"reason": exc.reason} if exc.reason else None) from None

    @app.post("/booking/v1/schedule", tags=["booking"])
    async def publish(request: Request,
                      actor: Account = Depends(current_actor)) -> dict[str, Any]:  # noqa: B008
        """The signed-in practitioner's free slots, replaced (a Schedule and its Slots)."""
        return {"published": await _run(bookings.publish, actor.rpps,
                                                 await _body(request, 4_000_000))}

    @app.get("/booking/v1/practitioners/{rpps}/slots", tags=["booking"])
    async def slots(rpps: str) -> JSONResponse:
        """The portal: free slots to come (no patient data, no token)."""
        if not fhir.is_valid_rpps(rpps):
            raise HubError(404, "not-found", "no such practitioner")
        return JSONResponse(await _run(bookings.free_slots, rpps),
                            media_type="application/fhir+json")

    @app.post("/booking/v1/bookings", tags=["booking"], status_code=201)
    async def book(request: Request) -> dict[str, Any]:
        """The portal books a free slot for a patient; 409 `slot-taken` if it is not."""
        _throttle(booking_limiter, request)
        return dict(await _run(bookings.book, await _body(request)))

    @app.get("/booking/v1/bookings/{booking_id}", tags=["booking"])
    async def booking_status(booking_id: str, key: str, request: Request) -> dict[str, Any]:
        _throttle(read_limiter, request)
        return dict(await _run(bookings.status, booking_id, key))

    @app.post("/booking/v1/bookings/{booking_id}/cancel", tags=["booking"])
    async def cancel(booking_id: str, request: Request) -> dict[str, Any]:
        _throttle(read_limiter, request)
        body = await _body(request)
        key = body.get("cancel_key") if isinstance(body, dict) else None
        if not isinstance(key, str):
            raise HubError(400, "invalid", "cancel_key is required")
        return dict(await _run(bookings.cancel, booking_id, key))
