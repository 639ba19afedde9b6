"""SQL for the agenda (migrations 0011, 0016, 0018): appointments, series, types, opening hours,
rounds, online bookings and agenda delegation."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from tsn_desktop.agenda.availability import Closure, Opening
from tsn_desktop.agenda.model import (
    Appointment,
    AppointmentType,
    Booker,
    RecordMeta,
    StatusChange,
)
from tsn_desktop.agenda.recurrence import Series
from tsn_desktop.core.clock import parse_utc_iso, utc_iso
from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.core.records import write_version

RESOURCE = "Appointment"
# The first _SYNCED columns come from the hub's copy; the rest are this computer's.
_COLUMNS = ("type", "start_utc", "end_utc", "zone", "patient_id", "address", "note",
            "status", "history", "fixed_time", "todo", "booker", "practitioner",
            "series_id", "occurrence", "detached", "round_position")
_SYNCED = 13
MINE = "mine"  # `owner` of a read: the user's own appointments (no RPPS, or theirs)
_OWN = "(practitioner IS NULL OR practitioner = (SELECT rpps FROM practitioner_profile" \
       " WHERE id = 1))"
_SELECT = ("SELECT id, local_version, hub_version, created_at, updated_at, deleted, "
           + ", ".join(_COLUMNS) + " FROM appointment")

Source = Database | UnitOfWork


class StaleRecord(Exception):
    """Someone (another window, a sync) changed the appointment since it was read."""


def _rows(src: Source, sql: str, params: tuple | list = ()) -> list[tuple]:
    if isinstance(src, Database):
        return src.query(sql, params)
    return list(src.execute(sql, params).fetchall())


def _instant(text: str) -> datetime:
    """parse_utc_iso's result, by the C parser (a week view reads thousands of these;
    strptime was most of a week's read)."""
    return datetime.fromisoformat(text).astimezone(UTC)


def _history(text: str) -> tuple[StatusChange, ...]:
    return tuple(StatusChange(s, _instant(at)) for s, at in json.loads(text))


def _row(row: tuple) -> Appointment:
    v = dict(zip(_COLUMNS, row[6:], strict=True))
    return Appointment(
        id=row[0], type=v["type"], start=_instant(v["start_utc"]),
        end=_instant(v["end_utc"]), zone=v["zone"], patient_id=v["patient_id"],
        address=v["address"], note=v["note"], status=v["status"],
        history=_history(v["history"]), series_id=v["series_id"],
        occurrence=date.fromisoformat(v["occurrence"]) if v["occurrence"] else None,
        detached=bool(v["detached"]), fixed_time=bool(v["fixed_time"]), todo=v["todo"],
        booker=_booker(v["booker"]), round_position=v["round_position"],
        practitioner=v["practitioner"],
        meta=RecordMeta(row[1], row[2], row[3], row[4], bool(row[5])))


def _booker(text: str) -> Booker | None:
    found = json.loads(text or "{}")
    return Booker(str(found["name"]), str(found.get("phone", ""))) if found.get("name") \
        else None


def _values(a: Appointment) -> list[object]:
    booker = {"name": a.booker.name, "phone": a.booker.phone} if a.booker else {}
    return [a.type, utc_iso(a.start), utc_iso(a.end), a.zone, a.patient_id, a.address,
            a.note, a.status,
            json.dumps([[c.status, utc_iso(c.at)] for c in a.history]),
            int(a.fixed_time), a.todo, json.dumps(booker), a.practitioner,
            a.series_id, a.occurrence.isoformat() if a.occurrence else None, int(a.detached),
            a.round_position]


def insert(uow: UnitOfWork, a: Appointment) -> Appointment:
    now = uow.now_iso()
    uow.execute("INSERT INTO appointment (id, local_version, created_at, updated_at, "
                + ", ".join(_COLUMNS) + ") VALUES (?, 1, ?, ?, "
                + ", ".join("?" * len(_COLUMNS)) + ")", [a.id, now, now, *_values(a)])
    uow.record_change(RESOURCE, a.id, "upsert", 1, None)
    return replace(a, meta=RecordMeta(1, None, now, now, False))


def update(uow: UnitOfWork, a: Appointment) -> Appointment:
    """Bumps the local version; refuses if the stored one moved on since `a` was read."""
    version, now = write_version(uow, "appointment", RESOURCE, a.id, a.meta,
                                 ", ".join(f"{c} = ?" for c in _COLUMNS), _values(a),
                                 StaleRecord)
    return replace(a, meta=replace(a.meta, local_version=version, updated_at=now))


def mark_deleted(uow: UnitOfWork, a: Appointment) -> None:
    write_version(uow, "appointment", RESOURCE, a.id, a.meta, "deleted = 1", (),
                  StaleRecord, "delete")


def get(src: Source, appointment_id: str) -> Appointment | None:
    rows = _rows(src, _SELECT + " WHERE id = ?", (appointment_id,))
    return _row(rows[0]) if rows else None


def _owner(owner: str | None) -> tuple[str, tuple[str, ...]]:
    if owner is None:
        return "", ()
    if owner == MINE:
        return " AND " + _OWN, ()
    return " AND practitioner = ?", (owner,)


def between(src: Source, start: datetime, end: datetime,
            owner: str | None = MINE) -> list[Appointment]:
    """Live appointments overlapping [start, end), by start: the user's own (`MINE`), a
    colleague's (their RPPS) or everyone's (None). Appointments last a day at most, so
    the index on start bounds the scan."""
    where, extra = _owner(owner)
    rows = _rows(src, _SELECT + " WHERE deleted = 0 AND start_utc < ? AND start_utc >= ?"
                 " AND end_utc > ?" + where + " ORDER BY start_utc, id",
                 (utc_iso(end), utc_iso(_day_before(start)), utc_iso(start), *extra))
    return [_row(r) for r in rows]


def colleagues(src: Source, start: datetime, end: datetime) -> list[str]:
    """RPPS numbers of the colleagues with appointments in [start, end) here."""
    rows = _rows(src, "SELECT DISTINCT practitioner FROM appointment WHERE deleted = 0"
                 " AND start_utc < ? AND start_utc >= ? AND practitioner IS NOT NULL AND NOT "
                 + _OWN + " ORDER BY practitioner", (utc_iso(end), utc_iso(start)))
    return [str(r[0]) for r in rows]


def colleague_names(src: Source) -> dict[str, str]:
    """Names of colleagues as the care teams word them (read only, like patient_names)."""
    found: dict[str, str] = {}
    for (members,) in _rows(src, "SELECT members FROM care_team WHERE deleted = 0"):
        for member in json.loads(members or "[]"):
            if isinstance(member, dict) and member.get("rpps") and member.get("display"):
                found.setdefault(str(member["rpps"]), str(member["display"]))
    return found


def _day_before(moment: datetime) -> datetime:
    return moment - timedelta(days=1)


def of_series(src: Source, series_id: str, from_day: date | None = None) -> list[Appointment]:
    sql = _SELECT + " WHERE series_id = ? AND deleted = 0"
    params: list[object] = [series_id]
    if from_day is not None:
        sql += " AND occurrence >= ?"
        params.append(from_day.isoformat())
    return [_row(r) for r in _rows(src, sql + " ORDER BY occurrence", params)]


# --- written by hub sync: hub copies, no outbox row -----------------------------------
def apply_from_hub(uow: UnitOfWork, a: Appointment, hub_version: str) -> None:
    now = uow.now_iso()
    cur = uow.execute("UPDATE appointment SET local_version = local_version + 1,"
                      " hub_version = ?, updated_at = ?, deleted = 0, "
                      + ", ".join(f"{c} = ?" for c in _COLUMNS[:_SYNCED]) + " WHERE id = ?",
                      [hub_version, now, *_values(a)[:_SYNCED], a.id])
    if cur.rowcount == 0:
        uow.execute("INSERT INTO appointment (id, local_version, hub_version, created_at,"
                    " updated_at, " + ", ".join(_COLUMNS) + ") VALUES (?, 1, ?, ?, ?, "
                    + ", ".join("?" * len(_COLUMNS)) + ")",
                    [a.id, hub_version, now, now, *_values(a)])
        uow.audit("create", RESOURCE, a.id)
    else:
        uow.audit("update", RESOURCE, a.id)


def apply_hub_delete(uow: UnitOfWork, appointment_id: str, hub_version: str) -> None:
    cur = uow.execute("UPDATE appointment SET deleted = 1, local_version = local_version + 1,"
                      " hub_version = ?, updated_at = ? WHERE id = ? AND deleted = 0",
                      (hub_version, uow.now_iso(), appointment_id))
    if cur.rowcount:
        uow.audit("delete", RESOURCE, appointment_id)


def set_hub_version(uow: UnitOfWork, appointment_id: str, hub_version: str) -> None:
    uow.execute("UPDATE appointment SET hub_version = ? WHERE id = ?",
                (hub_version, appointment_id))


# --- series -----------------------------------------------------------------------------
_SERIES = ("SELECT id, start_local, minutes, rule, zone, exdates, type, patient_id, address,"
           " note, horizon, fixed_time, todo FROM appointment_series")


def _series(row: tuple) -> tuple[Series, datetime]:
    s = Series(id=row[0], start=datetime.fromisoformat(row[1]), minutes=int(row[2]),
               rule=row[3], zone=row[4],
               exdates=frozenset(date.fromisoformat(d) for d in json.loads(row[5])),
               type=row[6], patient_id=row[7], address=row[8], note=row[9],
               fixed_time=bool(row[11]), todo=row[12])
    return s, parse_utc_iso(row[10])


def _series_values(s: Series) -> list[object]:
    return [s.start.isoformat(timespec="minutes"), s.minutes, s.rule, s.zone,
            json.dumps(sorted(d.isoformat() for d in s.exdates)), s.type, s.patient_id,
            s.address, s.note, int(s.fixed_time), s.todo]


def save_series(uow: UnitOfWork, s: Series, horizon: datetime) -> None:
    now = uow.now_iso()
    cur = uow.execute("UPDATE appointment_series SET start_local = ?, minutes = ?, rule = ?,"
                      " zone = ?, exdates = ?, type = ?, patient_id = ?, address = ?, note = ?,"
                      " fixed_time = ?, todo = ?, horizon = ?, updated_at = ? WHERE id = ?",
                      [*_series_values(s), utc_iso(horizon), now, s.id])
    if cur.rowcount == 0:
        uow.execute("INSERT INTO appointment_series (start_local, minutes, rule, zone,"
                    " exdates, type, patient_id, address, note, fixed_time, todo, horizon,"
                    " created_at, updated_at, id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [*_series_values(s), utc_iso(horizon), now, now, s.id])
    uow.audit("update" if cur.rowcount else "create", "AppointmentSeries", s.id)


def get_series(src: Source, series_id: str) -> tuple[Series, datetime] | None:
    rows = _rows(src, _SERIES + " WHERE id = ? AND deleted = 0", (series_id,))
    return _series(rows[0]) if rows else None


def series_short_of(src: Source, horizon: datetime) -> list[tuple[Series, datetime]]:
    rows = _rows(src, _SERIES + " WHERE deleted = 0 AND horizon < ?", (utc_iso(horizon),))
    return [_series(r) for r in rows]


# --- types and opening hours --------------------------------------------------------------
def types(src: Source) -> list[AppointmentType]:
    rows = _rows(src, "SELECT code, colour, default_minutes, label FROM appointment_type"
                 " ORDER BY position, code")
    return [AppointmentType(r[0], r[1], int(r[2]), r[3]) for r in rows]


def save_type(uow: UnitOfWork, t: AppointmentType) -> None:
    uow.execute("INSERT INTO appointment_type (code, colour, default_minutes, label, position)"
                " VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM"
                " appointment_type)) ON CONFLICT (code) DO UPDATE SET colour = excluded.colour,"
                " default_minutes = excluded.default_minutes, label = excluded.label",
                (t.code, t.colour, t.default_minutes, t.label))


def openings(src: Source) -> list[Opening]:
    rows = _rows(src, "SELECT weekday, start_local, end_local FROM agenda_opening"
                 " ORDER BY weekday, start_local")
    return [Opening(int(r[0]), time.fromisoformat(r[1]), time.fromisoformat(r[2]))
            for r in rows]


def replace_openings(uow: UnitOfWork, items: list[Opening]) -> None:
    uow.execute("DELETE FROM agenda_opening")
    uow.executemany("INSERT INTO agenda_opening (weekday, start_local, end_local)"
                    " VALUES (?, ?, ?)",
                    [(o.weekday, o.start.strftime("%H:%M"), o.end.strftime("%H:%M"))
                     for o in items])


def closures(src: Source, start: datetime, end: datetime) -> list[Closure]:
    rows = _rows(src, "SELECT id, start_utc, end_utc, reason FROM agenda_closure"
                 " WHERE start_utc < ? AND end_utc > ? ORDER BY start_utc",
                 (utc_iso(end), utc_iso(start)))
    return [Closure(r[0], parse_utc_iso(r[1]), parse_utc_iso(r[2]), r[3]) for r in rows]


def add_closure(uow: UnitOfWork, c: Closure) -> None:
    uow.execute("INSERT INTO agenda_closure (id, start_utc, end_utc, reason)"
                " VALUES (?, ?, ?, ?)", (c.id, utc_iso(c.start), utc_iso(c.end), c.reason))


def remove_closure(uow: UnitOfWork, closure_id: str) -> bool:
    return bool(uow.execute("DELETE FROM agenda_closure WHERE id = ?", (closure_id,)).rowcount)


def set_round_positions(uow: UnitOfWork, order: list[str]) -> None:
    """The hand-made order of a round (local: it is not synced, no version bump)."""
    uow.executemany("UPDATE appointment SET round_position = ? WHERE id = ?",
                    [(n, rid) for n, rid in enumerate(order)])


def proposed(src: Source) -> list[Appointment]:
    """Online bookings waiting for an answer, soonest first."""
    rows = _rows(src, _SELECT + " WHERE deleted = 0 AND status = 'proposed' AND " + _OWN
                 + " ORDER BY start_utc, id")
    return [_row(r) for r in rows]


def patient_contacts(src: Source, patient_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Phone and postal address (for reminders and the round sheet)."""
    ids = sorted(set(patient_ids))
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for pid, phone, address, postal, city in _rows(
                src, "SELECT id, phone, address, postal_code, city FROM patient"
                f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            place = ", ".join(x for x in (address, f"{postal or ''} {city or ''}".strip()) if x)
            found[str(pid)] = (phone or "", place)
    return found


def busy(src: Source, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Times the user's own live appointments take (no-shows and cancellations free
    theirs; a booking waiting for an answer holds its slot)."""
    rows = _rows(src, "SELECT start_utc, end_utc FROM appointment WHERE deleted = 0"
                 " AND status NOT IN ('noshow', 'cancelled') AND start_utc < ?"
                 " AND start_utc >= ? AND end_utc > ? AND " + _OWN + " ORDER BY start_utc",
                 (utc_iso(end), utc_iso(_day_before(start)), utc_iso(start)))
    return [(parse_utc_iso(a), parse_utc_iso(b)) for a, b in rows]


def patient_names(src: Source, patient_ids: list[str]) -> dict[str, str]:
    """Display names for the blocks (read only, like the audit viewer's)."""
    ids = sorted(set(patient_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for pid, birth, used, given in _rows(
                src, "SELECT id, birth_name, used_name, given_names FROM patient"
                f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            found[str(pid)] = f"{(used or birth or '').upper()} {given}".strip()
    return found


# --- agenda delegation (migration 0018) ---------------------------------------------------
def delegation(src: Source, direction: str) -> list[str]:
    """RPPS numbers: 'given' (whom the user lets edit their agenda) or 'received' (whose
    agendas the user may edit)."""
    return [str(r[0]) for r in _rows(src, "SELECT rpps FROM agenda_delegation WHERE"
                                          " direction = ? ORDER BY rpps", (direction,))]


def replace_delegation(uow: UnitOfWork, direction: str, rpps: list[str]) -> None:
    uow.execute("DELETE FROM agenda_delegation WHERE direction = ?", (direction,))
    for number in rpps:
        uow.execute("INSERT INTO agenda_delegation (direction, rpps) VALUES (?, ?)",
                    (direction, number))
    if direction == "given":
        uow.execute("UPDATE agenda_delegation_outbox SET pending = 1 WHERE id = 1")


def delegation_pending(src: Source) -> bool:
    rows = _rows(src, "SELECT pending FROM agenda_delegation_outbox WHERE id = 1")
    return bool(rows and rows[0][0])


def delegation_sent(uow: UnitOfWork, given: list[str]) -> None:
    """The hub holds `given`: nothing to send unless the user changed it meanwhile."""
    if delegation(uow, "given") == given:
        uow.execute("UPDATE agenda_delegation_outbox SET pending = 0 WHERE id = 1")
