"""What the agenda screens may ask: validated, audited use cases over appointments,
recurring series, statuses and free slots."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tsn_desktop.agenda import communes, recurrence, rounds, store
from tsn_desktop.agenda.availability import Closure, Opening, check_template, next_free_slot
from tsn_desktop.agenda.fhir import own_rpps
from tsn_desktop.agenda.model import (
    BOOKED,
    CANCELLED,
    DONE,
    HOME_VISIT,
    NO_SHOW,
    PROPOSED,
    Appointment,
    AppointmentType,
    StatusChange,
    double_bookings,
    local_instant,
    validate,
    with_status,
)
from tsn_desktop.agenda.recurrence import InvalidRule, Series
from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.core.records import FieldProblem, InvalidRecord

RESOURCE = store.RESOURCE  # what pages watch in "records changed"
StaleRecord = store.StaleRecord
# Extend the horizon once it has fallen this far behind (not on every open).
_HORIZON_SLACK = timedelta(days=7)


class InvalidAppointment(InvalidRecord, ValueError):
    """An appointment refused as typed."""


@dataclass(frozen=True)
class SaveResult:
    appointment: Appointment
    double_bookings: tuple[Appointment, ...]  # shown to the user, not refused


@dataclass(frozen=True)
class AgendaItem:
    """One block of a day or week view."""

    appointment: Appointment
    patient_name: str
    colour: str
    kind_label: str = ""  # a user-named type's name ("" for the built-in ones)


def types(db: Database | UnitOfWork) -> dict[str, AppointmentType]:
    return {t.code: t for t in store.types(db)}


def save_type(db: Database, kind: AppointmentType) -> None:
    if not 0 < kind.default_minutes <= 24 * 60 or len(kind.colour) != 7 \
            or not kind.colour.startswith("#"):
        raise InvalidAppointment([FieldProblem("type", "invalid")])
    with db.unit_of_work() as uow:
        store.save_type(uow, kind)


def _check(src: Database | UnitOfWork, a: Appointment) -> None:
    problems = validate(a, types(src))
    if problems:
        raise InvalidAppointment(problems)


def _clashes(src: Database | UnitOfWork, a: Appointment) -> tuple[Appointment, ...]:
    """The appointments of the same agenda at the same time: the user's own, or the
    colleague's when booking in an agenda they delegated (a colleague's are theirs)."""
    owner = a.practitioner if a.practitioner and a.practitioner != own_rpps(src) else MINE
    return tuple(double_bookings(a, store.between(src, a.start, a.end, owner)))


@dataclass(frozen=True)
class Colleague:
    rpps: str
    name: str  # as the shared care teams word it ("" when none does)
    delegated: bool = False  # they delegated their agenda to the user: editable here


def colleagues(db: Database, first_day: date, days: int,
               zone: str = "Europe/Paris") -> list[Colleague]:
    """Colleagues whose appointments reached this computer for the period (they share
    patients through the hub), and those who delegated their agenda to the user (shown
    even when empty), to show beside the user's: read only unless delegated."""
    start = local_instant(first_day, time(0), zone)
    end = local_instant(first_day + timedelta(days=days), time(0), zone)
    names = store.colleague_names(db)
    delegated = set(store.delegation(db, "received"))
    found = sorted(set(store.colleagues(db, start, end)) | delegated)
    return [Colleague(rpps, names.get(rpps, ""), rpps in delegated) for rpps in found]


# --- agenda delegation --------------------------------------------------------------------
def delegates(db: Database) -> list[str]:
    """The colleagues (RPPS) the user lets book, move and cancel in their agenda."""
    return store.delegation(db, "given")


def set_delegates(db: Database, numbers: list[str]) -> list[str]:
    """Replaces the user's delegates (an empty list revokes them all); sent to the hub
    after the next sync pass. Raises InvalidAppointment on a number that is not an RPPS
    (or the user's own); the delegates stay as they were."""
    own = own_rpps(db)
    cleaned: list[str] = []
    for raw in numbers:
        number = "".join(raw.split())
        if not number:
            continue
        if not (len(number) == 11 and number.isdigit()):
            raise InvalidAppointment([FieldProblem("delegates", "rpps")])
        if number == own:
            raise InvalidAppointment([FieldProblem("delegates", "own_rpps")])
        if number not in cleaned:
            cleaned.append(number)
    with db.unit_of_work() as uow:
        store.replace_delegation(uow, "given", sorted(cleaned))
    return sorted(cleaned)


def may_edit(db: Database, owner: str | None) -> bool:
    """The user's own agenda, or a colleague's they were delegated (as last synced)."""
    return owner in (None, MINE, own_rpps(db)) or owner in store.delegation(db, "received")


def clashes(db: Database, draft: Appointment) -> tuple[Appointment, ...]:
    """What a draft would double-book (asked before saving, to say so first)."""
    return _clashes(db, draft)


# --- one appointment ----------------------------------------------------------------------
def create(db: Database, draft: Appointment) -> SaveResult:
    """A new single appointment (its id is made here); double bookings are returned."""
    a = replace(draft, id=new_id(), status=BOOKED,
                history=(), series_id=None, occurrence=None, detached=False)
    _check(db, a)
    with db.unit_of_work() as uow:
        saved = store.insert(uow, replace(a, history=(StatusChange(BOOKED, uow.clock.now()),)))
        clashes = _clashes(uow, saved)
    return SaveResult(saved, clashes)


def get(db: Database, appointment_id: str) -> Appointment:
    a = store.get(db, appointment_id)
    if a is None or a.meta.deleted:
        raise LookupError("no such appointment")
    return a


def update(db: Database, a: Appointment) -> SaveResult:
    """Saves an edited appointment. An occurrence edited on its own ("this one") leaves
    its series: regenerating the series no longer touches it."""
    a = replace(a, detached=a.series_id is not None)
    _check(db, a)
    with db.unit_of_work() as uow:
        saved = store.update(uow, a)
        clashes = _clashes(uow, saved)
    return SaveResult(saved, clashes)


MOVE_STEP, RESIZE_STEP = 15, 5  # minutes, for the keyboard


def move(db: Database, appointment_id: str, minutes: int, *,
         resize: bool = False) -> SaveResult:
    """Moves the appointment (or only its end, `resize`) by `minutes`; an occurrence
    moved so becomes "this one". A visit already over (done, no-show, cancelled) stays
    where it was; a duration under 5 minutes is refused."""
    with db.unit_of_work() as uow:
        a = store.get(uow, appointment_id)
        if a is None or a.meta.deleted:
            raise LookupError("no such appointment")
        if a.status in (DONE, NO_SHOW, CANCELLED):
            raise InvalidAppointment([FieldProblem("status", "already_over")])
        shift = timedelta(minutes=minutes)
        moved = replace(a, end=a.end + shift, detached=a.series_id is not None) if resize \
            else replace(a, start=a.start + shift, end=a.end + shift,
                         detached=a.series_id is not None)
        if moved.end - moved.start < timedelta(minutes=RESIZE_STEP):
            raise InvalidAppointment([FieldProblem("end", "too_short")])
        _check(uow, moved)
        saved = store.update(uow, moved)
        return SaveResult(saved, _clashes(uow, saved))


def set_status(db: Database, appointment_id: str, status: str) -> Appointment:
    """Arrived, in consultation, done, no-show, cancelled: forward moves only, each timed.
    StatusNotAllowed for a move back (a done visit is not made booked again)."""
    with db.unit_of_work() as uow:
        a = store.get(uow, appointment_id)
        if a is None or a.meta.deleted:
            raise LookupError("no such appointment")
        moved = with_status(a, status, uow.clock.now())
        if moved is a:
            return a
        return store.update(uow, moved)


def delete(db: Database, a: Appointment) -> None:
    """Takes an appointment out (a tombstone); an occurrence also becomes an exception
    date of its series, so the series never makes it again."""
    with db.unit_of_work() as uow:
        if a.series_id and a.occurrence:
            found = store.get_series(uow, a.series_id)
            if found:
                series, until = found
                store.save_series(uow, replace(series, exdates=series.exdates | {a.occurrence}),
                                  until)
        store.mark_deleted(uow, a)


# --- the views ------------------------------------------------------------------------------
MINE = store.MINE


def view(db: Database, first_day: date, days: int, zone: str = "Europe/Paris",
         owner: str | None = MINE) -> list[AgendaItem]:
    """Appointments of `days` local days from `first_day`, with names and colours: the
    user's own, or a colleague's (`owner`: their RPPS). Series are materialised far
    enough first (looking ahead past the horizon extends it)."""
    start = local_instant(first_day, time(0), zone)
    end = local_instant(first_day + timedelta(days=days), time(0), zone)
    ensure_until(db, end)
    items = store.between(db, start, end, owner)
    names = store.patient_names(db, [a.patient_id for a in items if a.patient_id])
    kinds = types(db)
    return [AgendaItem(a, names.get(a.patient_id or "", "")
                       or (a.booker.name if a.booker else ""),
                       kinds[a.type].colour if a.type in kinds else "#888888",
                       kinds[a.type].label if a.type in kinds else "") for a in items]


# --- series -----------------------------------------------------------------------------
def _prototype(series: Series) -> Appointment:
    first = recurrence.occurrence(series, series.start.date())
    return Appointment(id="", type=series.type, start=first.start, end=first.end,
                       zone=series.zone, patient_id=series.patient_id,
                       address=series.address, note=series.note,
                       fixed_time=series.fixed_time, todo=series.todo)


def _check_series(src: Database | UnitOfWork, series: Series) -> None:
    try:
        recurrence.validate(series)
    except InvalidRule as exc:
        raise InvalidAppointment([FieldProblem("recurrence", exc.code)]) from exc
    _check(src, _prototype(series))


def _resync(uow: UnitOfWork, series: Series, until: datetime, from_day: date) -> None:
    """Makes the stored occurrences from `from_day` match the series up to `until`:
    booked, untouched ones follow it (moved, changed or taken out); detached ones and
    ones with a status of their own stay as they are; missing ones are made."""
    existing = {a.occurrence: a for a in store.of_series(uow, series.id, from_day)}
    wanted = {o.day: o for o in recurrence.occurrences(
        series, local_instant(from_day, time(0), series.zone), until)}
    for day, a in existing.items():
        if a.detached or a.status != BOOKED:
            continue
        o = wanted.get(day) if day else None
        if o is None:
            store.mark_deleted(uow, a)
            continue
        moved = replace(a, type=series.type, start=o.start, end=o.end, zone=series.zone,
                        patient_id=series.patient_id, address=series.address,
                        note=series.note, fixed_time=series.fixed_time, todo=series.todo)
        if moved != a:
            store.update(uow, moved)
    for day, o in wanted.items():
        if day not in existing:
            store.insert(uow, Appointment(
                id=new_id(), type=series.type, start=o.start, end=o.end, zone=series.zone,
                patient_id=series.patient_id, address=series.address, note=series.note,
                fixed_time=series.fixed_time, todo=series.todo,
                history=(StatusChange(BOOKED, uow.clock.now()),),
                series_id=series.id, occurrence=day))
    store.save_series(uow, series, until)


def create_series(db: Database, draft: Series) -> Series:
    """A recurring appointment: the series and its occurrences up to the horizon."""
    series = replace(draft, id=new_id(), rule=recurrence.check_rule(draft.rule)
                     if draft.rule else draft.rule)
    _check_series(db, series)
    with db.unit_of_work() as uow:
        _resync(uow, series, recurrence.horizon(uow.clock.now()), series.start.date())
    return series


def series_of(db: Database, a: Appointment) -> Series | None:
    found = store.get_series(db, a.series_id) if a.series_id else None
    return found[0] if found else None


@dataclass(frozen=True)
class SeriesChange:
    """What an edit of a series changes (None: unchanged)."""

    at: time | None = None
    minutes: int | None = None
    type: str | None = None
    patient_id: str | None = None
    address: str | None = None
    note: str | None = None
    rule: str | None = None
    todo: str | None = None
    fixed_time: bool | None = None


def _changed(series: Series, change: SeriesChange, first_day: date) -> Series:
    at = change.at if change.at is not None else series.start.time()
    return replace(
        series, start=datetime.combine(first_day, at),
        minutes=change.minutes if change.minutes is not None else series.minutes,
        type=change.type if change.type is not None else series.type,
        patient_id=change.patient_id if change.patient_id is not None else series.patient_id,
        address=change.address if change.address is not None else series.address,
        note=change.note if change.note is not None else series.note,
        todo=change.todo if change.todo is not None else series.todo,
        fixed_time=change.fixed_time if change.fixed_time is not None else series.fixed_time,
        rule=recurrence.check_rule(change.rule) if change.rule else series.rule)


def _load_series(uow: UnitOfWork, series_id: str) -> tuple[Series, datetime]:
    found = store.get_series(uow, series_id)
    if found is None:
        raise LookupError("no such series")
    return found


def edit_all(db: Database, series_id: str, change: SeriesChange) -> Series:
    """"All": the series changes; its booked occurrences from today on follow (past ones
    and ones already seen, done or edited on their own stay as they were)."""
    with db.unit_of_work() as uow:
        series, until = _load_series(uow, series_id)
        edited = _changed(series, change, series.start.date())
        _check_series(uow, edited)
        today = uow.clock.now().astimezone(ZoneInfo(series.zone)).date()
        _resync(uow, edited, max(until, recurrence.horizon(uow.clock.now())), today)
    return edited


def edit_following(db: Database, occurrence: Appointment, change: SeriesChange) -> Series:
    """"This and the following": the series ends the day before this occurrence and a new
    series, with the change, starts on its day. Returns the new series."""
    if not occurrence.series_id or not occurrence.occurrence:
        raise LookupError("not an occurrence")
    day = occurrence.occurrence
    with db.unit_of_work() as uow:
        series, until = _load_series(uow, occurrence.series_id)
        try:
            head, tail = recurrence.split(series, day, new_id())
        except InvalidRule as exc:
            raise InvalidAppointment([FieldProblem("recurrence", exc.code)]) from exc
        tail = _changed(tail, change, day)
        _check_series(uow, tail)
        horizon = max(until, recurrence.horizon(uow.clock.now()))
        # From `day` on, untouched occurrences are remade by the new series; ones edited on
        # their own or already seen move to it as they are (so no day gets two visits).
        for a in store.of_series(uow, series.id, day):
            if a.detached or a.status != BOOKED:
                store.update(uow, replace(a, series_id=tail.id))
            else:
                store.mark_deleted(uow, a)
        if head is None:
            uow.execute("UPDATE appointment_series SET deleted = 1, updated_at = ?"
                        " WHERE id = ?", (uow.now_iso(), series.id))
            uow.audit("delete", "AppointmentSeries", series.id)
        else:
            store.save_series(uow, head, until)
        _resync(uow, tail, horizon, day)
    return tail


def ensure_until(db: Database, end: datetime) -> int:
    """Materialises every open-ended series up to `end` at least (and to the horizon
    seen from now). Returns how many series were extended."""
    target = max(end, recurrence.horizon(db.clock.now()) - _HORIZON_SLACK)
    if not store.series_short_of(db, target):
        return 0  # the common case: a read, no write transaction
    with db.unit_of_work() as uow:
        short = store.series_short_of(uow, target)
        for series, until in short:
            from_day = until.astimezone(ZoneInfo(series.zone)).date()
            _resync(uow, series, max(target, recurrence.horizon(uow.clock.now())), from_day)
    return len(short)


def extend_horizons(db: Database) -> int:
    """Run when the profile opens: as days pass, the horizon moves on."""
    return ensure_until(db, db.clock.now())


# --- opening hours and free slots -------------------------------------------------------
def openings(db: Database) -> list[Opening]:
    return store.openings(db)


def set_openings(db: Database, items: list[Opening]) -> None:
    problems = check_template(items)
    if problems:
        raise InvalidAppointment([FieldProblem("opening", code) for code in problems])
    with db.unit_of_work() as uow:
        store.replace_openings(uow, items)
        uow.audit("update", "AgendaOpening", None)


def add_closure(db: Database, start: datetime, end: datetime, reason: str = "") -> Closure:
    if end <= start:
        raise InvalidAppointment([FieldProblem("end", "not_after_start")])
    closure = Closure(new_id(), start.astimezone(UTC), end.astimezone(UTC), reason.strip())
    with db.unit_of_work() as uow:
        store.add_closure(uow, closure)
        uow.audit("create", "AgendaClosure", closure.id)
    return closure


def free_slot(db: Database, minutes: int, after: datetime | None = None,
              step: int = 5) -> datetime | None:
    """The next free slot of `minutes` (UTC start) in opening hours, from the stored
    appointments; None if none in the next three months."""
    if not 0 < minutes <= 24 * 60:
        raise InvalidAppointment([FieldProblem("minutes", "invalid")])
    start = after or db.clock.now()
    end = start + timedelta(days=93)
    ensure_until(db, end)
    return next_free_slot(store.openings(db), store.closures(db, start, end),
                          store.busy(db, start, end), start, minutes, step=step)


def free_slot_for(db: Database, type_code: str, after: datetime | None = None) -> datetime | None:
    """"Next free slot for a vaccination": the type's own duration."""
    kind = types(db).get(type_code)
    if kind is None:
        raise InvalidAppointment([FieldProblem("type", "unknown")])
    return free_slot(db, kind.default_minutes, after)


# --- home-visit rounds ------------------------------------------------------------------
@dataclass(frozen=True)
class RoundVisit:
    """One visit of a day's round, with what the sheet prints."""

    appointment: Appointment
    patient_name: str
    phone: str
    address: str  # this visit's own address, else the patient's
    commune: str  # the pack's commune found for it ("" when not found)
    planned: rounds.PlannedStop


@dataclass(frozen=True)
class Round:
    day: date
    origin: str  # where the round starts (the practice's address)
    visits: tuple[RoundVisit, ...]

    @property
    def unplaced(self) -> int:
        return sum(1 for v in self.visits if not v.commune)


def _origin(db: Database | UnitOfWork) -> str:
    sql = "SELECT address, postal_code, city FROM practitioner_profile WHERE id = 1"
    row = db.query_one(sql) if isinstance(db, Database) else db.execute(sql).fetchone()
    if not row:
        return ""
    return ", ".join(x for x in (row[0], f"{row[1]} {row[2]}".strip()) if x)


def _round_items(db: Database, day: date, zone: str) -> list[Appointment]:
    start = local_instant(day, time(0), zone)
    ensure_until(db, start + timedelta(days=1))
    return [a for a in store.between(db, start, local_instant(day + timedelta(days=1),
                                                              time(0), zone))
            if a.type == HOME_VISIT and a.status not in (CANCELLED, NO_SHOW, PROPOSED)]


def home_round(db: Database, day: date, order: list[str] | None = None, *,
               propose: bool = False, zone: str = "Europe/Paris") -> Round:
    """The day's home visits as a round. The order is, first that asked (`order`: the
    user's hand-made one), else a proposal (`propose`), else the saved order, else the
    booked times; times are worked out from it with the travel buffers."""
    pack = communes.load()
    items = _round_items(db, day, zone)
    names = store.patient_names(db, [a.patient_id for a in items if a.patient_id])
    contacts = store.patient_contacts(db, [a.patient_id for a in items if a.patient_id])
    origin_text = _origin(db)
    origin = pack.find(origin_text)
    where: dict[str, str] = {}
    stops: dict[str, rounds.Stop] = {}
    for a in items:
        where[a.id] = a.address or contacts.get(a.patient_id or "", ("", ""))[1]
        stops[a.id] = rounds.Stop(a.id, a.start, a.minutes, a.fixed_time,
                                  pack.find(where[a.id]))
    if not stops:
        return Round(day, origin_text, ())
    first = min(s.start for s in stops.values())
    leave = first - timedelta(minutes=rounds.travel_minutes(origin, None))
    if order is None and propose:
        planned = rounds.propose(list(stops.values()), leave, origin)
    else:
        if order is None:
            order = [a.id for a in sorted(items, key=lambda a: (
                a.round_position if a.round_position is not None else 10_000, a.start, a.id))]
        known = [rid for rid in order if rid in stops]
        known += [rid for rid in stops if rid not in known]
        planned = rounds.schedule([stops[rid] for rid in known], leave, origin)
    by_id = {a.id: a for a in items}
    visits = []
    for p in planned:
        a = by_id[p.stop.id]
        visits.append(RoundVisit(
            a, names.get(a.patient_id or "", "") or (a.booker.name if a.booker else ""),
            contacts.get(a.patient_id or "", ("", ""))[0] or (a.booker.phone if a.booker
                                                             else ""),
            where[a.id], p.stop.commune.name if p.stop.commune else "", p))
    return Round(day, origin_text, tuple(visits))


def save_round(db: Database, plan: Round) -> Round:
    """Keeps the round's order and moves each visit that is not fixed-time to its
    planned time (the agenda, and colleagues after sync, see the day as it will be
    ridden). Visits already seen stay where they were."""
    with db.unit_of_work() as uow:
        store.set_round_positions(uow, [v.appointment.id for v in plan.visits])
        for v in plan.visits:
            a = store.get(uow, v.appointment.id)
            if a is None or a.fixed_time or a.status != BOOKED or a.start == v.planned.arrive:
                continue
            length = a.end - a.start
            store.update(uow, replace(a, start=v.planned.arrive, end=v.planned.arrive + length,
                                      detached=a.series_id is not None))
        uow.audit("update", "HomeVisitRound", None)
    return home_round(db, plan.day, [v.appointment.id for v in plan.visits])


# --- online bookings ----------------------------------------------------------------------
def create_proposed(db: Database, draft: Appointment) -> Appointment:
    """A requested appointment waiting for the practitioner's answer (what a booking on
    the hub's portal becomes once pulled; the demo makes one here)."""
    a = replace(draft, id=draft.id or new_id(), status=PROPOSED, series_id=None,
                occurrence=None, detached=False)
    _check(db, a)
    with db.unit_of_work() as uow:
        return store.insert(uow, replace(a, history=(StatusChange(PROPOSED,
                                                                  uow.clock.now()),)))


def pending_bookings(db: Database) -> list[AgendaItem]:
    """Online bookings not yet confirmed or declined, soonest first."""
    kinds = types(db)
    return [AgendaItem(a, a.booker.name if a.booker else "",
                       kinds[a.type].colour if a.type in kinds else "#888888")
            for a in store.proposed(db)]


def confirm_booking(db: Database, appointment_id: str) -> SaveResult:
    """The practitioner accepts an online booking: it becomes an ordinary booked
    appointment (double bookings are returned, to be said)."""
    a = set_status(db, appointment_id, BOOKED)
    return SaveResult(a, _clashes(db, a))


def decline_booking(db: Database, appointment_id: str) -> Appointment:
    """The practitioner declines it: cancelled (the hub frees the slot and tells the
    patient's portal on the next sync)."""
    return set_status(db, appointment_id, CANCELLED)


def closures(db: Database, start: datetime, days: int = 400) -> list[Closure]:
    """Holidays and absences overlapping the next `days` days from `start`."""
    return store.closures(db, start, start + timedelta(days=days))


def remove_closure(db: Database, closure_id: str) -> None:
    with db.unit_of_work() as uow:
        if store.remove_closure(uow, closure_id):
            uow.audit("delete", "AgendaClosure", closure_id)


def add_type(db: Database, label: str, colour: str, minutes: int) -> AppointmentType:
    """A type of the user's own ("Bilan infirmier", 45 min, orange)."""
    name = " ".join(label.split())
    if not name or len(name) > 60:
        raise InvalidAppointment([FieldProblem("label", "invalid")])
    code = "custom-" + new_id()[:8]
    kind = AppointmentType(code, colour, minutes, name)
    save_type(db, kind)
    return kind


# --- reminders --------------------------------------------------------------------------
@dataclass(frozen=True)
class Reminder:
    appointment: Appointment
    patient_name: str
    phone: str


def reminders(db: Database, day: date, zone: str = "Europe/Paris") -> list[Reminder]:
    """The day's appointments with a patient (or an online booker) to remind, with the
    phone to call; personal time, cancelled and missed ones are left out."""
    out = []
    items = view(db, day, 1, zone)
    contacts = store.patient_contacts(db, [i.appointment.patient_id for i in items
                                           if i.appointment.patient_id])
    for item in items:
        a = item.appointment
        if a.status in (CANCELLED, NO_SHOW, DONE) or not (a.patient_id or a.booker):
            continue
        phone = contacts.get(a.patient_id or "", ("", ""))[0] or \
            (a.booker.phone if a.booker else "")
        out.append(Reminder(a, item.patient_name, phone))
    return out


def reminders_csv(items: list[Reminder], zone: str, heading: tuple[str, ...]) -> str:
    """The reminders as CSV (semicolons, as French spreadsheets read them)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(heading)
    tz = ZoneInfo(zone)
    for r in items:
        start = r.appointment.start.astimezone(tz)
        writer.writerow([start.strftime("%d/%m/%Y"), start.strftime("%H:%M"),
                         r.patient_name, r.phone])
    return out.getvalue()
