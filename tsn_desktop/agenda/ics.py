"""iCalendar (ICS) export of a period of one's agenda, and import of personal events as
busy time, with the `icalendar` library; both idempotent on UID."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from tsn_desktop.agenda import service, store
from tsn_desktop.agenda.model import (
    CANCELLED,
    PARIS,
    PERSONAL,
    Appointment,
    StatusChange,
    local_instant,
    with_status,
)
from tsn_desktop.agenda.service import AgendaItem
from tsn_desktop.core.db import Database
from tsn_desktop.core.files import whole_or_nothing

PRODID = "-//TERR-eSANTE//TSN Desktop agenda//FR"
UID_DOMAIN = "tsn-desktop"
# Imported events get ids derived from their UID: importing the file again finds them.
_IMPORT_NS = uuid.UUID("8f4d0a3e-2b7c-4c1a-9d55-0e6f1c2b3a4d")


class InvalidIcs(ValueError):
    """A file that is not an iCalendar this app can read (nothing was imported)."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    recurring_skipped: int  # events with an RRULE: not expanded yet, said to the user


def _uid(a: Appointment) -> str:
    return f"{a.id}@{UID_DOMAIN}"


def calendar(items: list[AgendaItem], now: datetime, summary: Callable[[AgendaItem], str],
             with_names: bool) -> icalendar.Calendar:
    """One VEVENT per appointment, times in their zone with its VTIMEZONE. Without
    names (the default) an event says only `summary` and has no address."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    for item in items:
        a = item.appointment
        event = icalendar.Event()
        event.add("uid", _uid(a))
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", a.local_start())
        event.add("dtend", a.local_end())
        event.add("summary", summary(item))
        event.add("sequence", max(0, a.meta.local_version - 1))
        event.add("status", "CANCELLED" if a.status == CANCELLED else "CONFIRMED")
        event.add("transp", "OPAQUE")
        if with_names and a.address:
            event.add("location", a.address)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def export(db: Database, first_day: date, days: int, path: Path,
           summary: Callable[[AgendaItem], str], with_names: bool = False) -> int:
    """Writes the period's appointments to `path` (whole or not at all); the export is
    audited. Returns how many events were written."""
    items = service.view(db, first_day, days)
    cal = calendar(items, db.clock.now(), summary, with_names)
    with whole_or_nothing(path, "wb") as out:
        out.write(cal.to_ical())
    with db.unit_of_work() as uow:
        uow.audit("export", store.RESOURCE, None)
    return len(items)


def _instant(value: date | datetime, zone: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:  # floating time: the practitioner's own zone
            value = value.replace(tzinfo=zone)
        return value.astimezone(UTC)
    return local_instant(value, time(0), zone.key)


def _pieces(start: date | datetime, end: date | datetime | None,
            zone: ZoneInfo) -> list[tuple[str, datetime, datetime]]:
    """(key, start, end) in UTC: a timed event is one piece, an all-day event one piece
    per day (an appointment lasts a day at most)."""
    if isinstance(start, datetime):
        begin = _instant(start, zone)
        finish = _instant(end, zone) if end is not None else begin + timedelta(hours=1)
        return [("", begin, finish)]
    last = end if isinstance(end, date) and not isinstance(end, datetime) \
        and end > start else start + timedelta(days=1)
    out = []
    day = start
    while day < last:
        out.append((day.isoformat(), _instant(day, zone),
                    _instant(day + timedelta(days=1), zone)))
        day += timedelta(days=1)
    return out


def import_personal(db: Database, data: bytes, zone: str = PARIS) -> ImportResult:
    """Events of another calendar as personal busy time (no patient). Importing the same
    file again changes nothing; an event moved there moves here; one cancelled there is
    cancelled here. Our own exported events are recognised and left alone."""
    try:
        cal = icalendar.Calendar.from_ical(data)
        events = list(cal.walk("VEVENT"))
    except (ValueError, KeyError, IndexError) as exc:
        raise InvalidIcs("unreadable") from exc
    tz = ZoneInfo(zone)
    created = updated = unchanged = recurring = 0
    kinds = service.types(db)
    with db.unit_of_work() as uow:
        for event in events:
            uid = str(event.get("uid") or "")
            if not uid:
                raise InvalidIcs("event_without_uid")
            if uid.endswith(f"@{UID_DOMAIN}"):
                unchanged += 1
                continue
            if event.get("rrule") is not None:
                recurring += 1
                continue
            try:
                start = event.decoded("dtstart")
                end = event.decoded("dtend") if event.get("dtend") is not None else None
            except (KeyError, ValueError) as exc:
                raise InvalidIcs("event_without_time") from exc
            cancelled = str(event.get("status", "")).upper() == "CANCELLED"
            note = str(event.get("summary") or "")[:500]
            for key, begin, finish in _pieces(start, end, tz):
                if finish <= begin:
                    raise InvalidIcs("ends_before_start")
                rid = str(uuid.uuid5(_IMPORT_NS, f"{uid}|{key}"))
                old = store.get(uow, rid)
                if old is None or old.meta.deleted:
                    if cancelled or old is not None:
                        unchanged += 1
                        continue
                    new = Appointment(id=rid, type=PERSONAL, start=begin, end=finish,
                                      zone=zone, note=note,
                                      history=(StatusChange("booked", uow.clock.now()),))
                    if PERSONAL not in kinds:
                        raise InvalidIcs("no_personal_type")
                    store.insert(uow, new)
                    created += 1
                    continue
                moved = replace(old, start=begin, end=finish, note=note)
                if cancelled and old.status != CANCELLED:
                    moved = with_status(moved, CANCELLED, uow.clock.now())
                if moved == old:
                    unchanged += 1
                else:
                    store.update(uow, moved)
                    updated += 1
    return ImportResult(created, updated, unchanged, recurring)
