"""Online booking, the desktop's side: publish the practitioner's free slots to the hub
as a FHIR Schedule with its Slots (the bookings themselves come back by sync as
'proposed' Appointments)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta
from typing import Any

from tsn_desktop.agenda import store
from tsn_desktop.agenda.availability import free_slots
from tsn_desktop.agenda.fhir import RPPS_SYSTEM, TYPE_SYSTEM, own_rpps
from tsn_desktop.agenda.model import CONSULTATION, PARIS
from tsn_desktop.core.db import Database
from tsn_desktop.sync.client import HubClient

PUBLISH_DAYS = 28  # four weeks of free slots on the portal


def schedule_bundle(db: Database, days: int = PUBLISH_DAYS, kind: str = CONSULTATION,
                    zone: str = PARIS) -> dict[str, Any]:
    """The free slots of the next `days` days, of the type's default length, as a
    Bundle: a Schedule (the practitioner by RPPS) and free Slots. No patient data."""
    rpps = own_rpps(db)
    if not rpps:
        raise LookupError("no RPPS in this profile")
    minutes = next((t.default_minutes for t in store.types(db) if t.code == kind), 20)
    now = db.clock.now()
    end = now + timedelta(days=days)
    slots = free_slots(store.openings(db), store.closures(db, now, end),
                       store.busy(db, now, end), now, days, minutes, zone=zone)

    def instant(moment: Any) -> str:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    entries: list[dict[str, Any]] = [{"resource": {
        "resourceType": "Schedule", "active": True, "timezone": zone,
        "actor": [{"identifier": {"system": RPPS_SYSTEM, "value": rpps}}],
        "serviceType": [{"coding": [{"system": TYPE_SYSTEM, "code": kind}]}],
        "planningHorizon": {"start": instant(now), "end": instant(end)}}}]
    entries += [{"resource": {"resourceType": "Slot", "status": "free",
                              "start": instant(s), "end": instant(e)}} for s, e in slots]
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def publish(db: Database, client: HubClient, days: int = PUBLISH_DAYS) -> int:
    """Sends the free slots (replacing those published before; booked ones stay on the
    hub). Returns how many the hub published."""
    answer = client.post("/booking/v1/schedule", schedule_bundle(db, days))
    return int(answer.get("published", 0)) if isinstance(answer, dict) else 0


def republish_after_sync(run_db: Callable[[Callable[[Database], Any]], Any],
                         client: HubClient) -> None:
    """The Feature's after-sync hook: the free slots as they stand after this pass go to
    the hub (the Bundle built on the DB thread, the request on the sync thread). A profile
    with no RPPS has nothing to publish."""
    try:
        bundle = run_db(schedule_bundle)
    except LookupError:
        return
    client.post("/booking/v1/schedule", bundle)


def publish_with_account(db: Database, profile_id: str,
                         days: int = PUBLISH_DAYS) -> tuple[str, str | None, dict[str, Any]]:
    """On the DB thread: the hub address, the token when the profile keeps it (None: it is
    in the OS keyring, read off this thread) and the Bundle to publish."""
    from tsn_desktop.sync import settings as sync_settings

    account = sync_settings.load_account(db)
    if account is None:
        raise LookupError("no hub account")
    token = sync_settings.load_token(db, profile_id) if account.token_in_db else None
    return account.hub_url, token, schedule_bundle(db, days)


def send(hub_url: str, token: str | None, profile_id: str, bundle: dict[str, Any]) -> int:
    """Off the DB thread: the token from the keyring if needed, then the request."""
    from tsn_desktop.sync import settings as sync_settings

    token = token or sync_settings.keyring_token(profile_id, hub_url)
    if not token:
        raise PermissionError("sign in to the hub first")
    client = HubClient(hub_url, token)
    try:
        answer = client.post("/booking/v1/schedule", bundle)
    finally:
        client.close()
    return int(answer.get("published", 0)) if isinstance(answer, dict) else 0
