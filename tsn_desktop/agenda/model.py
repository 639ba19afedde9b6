"""Appointments, their types and waiting-room statuses: dataclasses and pure rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tsn_desktop.core.records import FieldProblem, RecordMeta

PARIS = "Europe/Paris"
MAX_MINUTES = 24 * 60  # one appointment never spans more than a day (no 838-hour visits)

# Waiting-room statuses, in the order a visit goes through them; PROPOSED is a booking
# made online on the hub's portal, waiting for the practitioner to confirm or decline it.
BOOKED, ARRIVED, IN_CONSULTATION, DONE, NO_SHOW, CANCELLED = (
    "booked", "arrived", "in_consultation", "done", "noshow", "cancelled")
PROPOSED = "proposed"
STATUSES = (PROPOSED, BOOKED, ARRIVED, IN_CONSULTATION, DONE, NO_SHOW, CANCELLED)
# Forward moves only (the hub enforces the same table on the FHIR codes).
_NEXT: dict[str, frozenset[str]] = {
    PROPOSED: frozenset({BOOKED, CANCELLED}),
    BOOKED: frozenset({ARRIVED, IN_CONSULTATION, DONE, NO_SHOW, CANCELLED}),
    ARRIVED: frozenset({IN_CONSULTATION, DONE, CANCELLED}),
    IN_CONSULTATION: frozenset({DONE, CANCELLED}),
    DONE: frozenset(), NO_SHOW: frozenset(), CANCELLED: frozenset(),
}
# Statuses whose time is no longer taken.
FREES_THE_SLOT = frozenset({NO_SHOW, CANCELLED})

CONSULTATION, VACCINATION, HOME_VISIT, TELECONSULTATION, PERSONAL = (
    "consultation", "vaccination", "home_visit", "teleconsultation", "personal")


@dataclass(frozen=True)
class AppointmentType:
    """What kind of appointment, how it looks and how long it lasts unless told."""

    code: str
    colour: str  # #rrggbb
    default_minutes: int
    label: str = ""  # a type the user added names itself; built-in ones are worded


DEFAULT_TYPES: tuple[AppointmentType, ...] = (
    AppointmentType(CONSULTATION, "#3d7cc9", 20),
    AppointmentType(VACCINATION, "#2e9d5b", 15),
    AppointmentType(HOME_VISIT, "#d98a1f", 30),
    AppointmentType(TELECONSULTATION, "#8a5cc2", 15),
    AppointmentType(PERSONAL, "#7d8790", 60),
)


FIXED_TOLERANCE = timedelta(minutes=15)


@dataclass(frozen=True)
class Booker:
    """The person who booked on the hub's portal (not yet in the register)."""

    name: str
    phone: str = ""


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: datetime  # UTC


@dataclass(frozen=True)
class Appointment:
    """One appointment: start and end are UTC instants, shown in `zone`.

    `series_id` and `occurrence` (the series' original local start, naive) tie a
    materialised occurrence to its recurrence; `detached` says it was edited on its own
    ("this one") and regenerating the series leaves it alone."""

    id: str
    type: str
    start: datetime
    end: datetime
    zone: str = PARIS
    patient_id: str | None = None
    address: str = ""
    note: str = ""
    status: str = BOOKED
    history: tuple[StatusChange, ...] = ()
    series_id: str | None = None
    occurrence: date | None = None  # the local date of the occurrence in its series
    detached: bool = False
    fixed_time: bool = False  # a home visit due within ±FIXED_TOLERANCE of its time
    todo: str = ""  # what to do at the visit (the round sheet prints it)
    booker: Booker | None = None  # who booked online (a proposed appointment)
    round_position: int | None = None  # place in the day's round, set by hand
    practitioner: str | None = None  # whose agenda (RPPS); None: this computer's user
    meta: RecordMeta = field(default_factory=RecordMeta)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def local_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.zone))

    def local_end(self) -> datetime:
        return self.end.astimezone(ZoneInfo(self.zone))

    @property
    def takes_time(self) -> bool:
        return self.status not in FREES_THE_SLOT


def validate(appointment: Appointment, types: dict[str, AppointmentType]) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if appointment.type not in types:
        problems.append(FieldProblem("type", "unknown"))
    if appointment.start.tzinfo is None or appointment.end.tzinfo is None:
        problems.append(FieldProblem("start", "naive"))
        return problems
    if appointment.end <= appointment.start:
        problems.append(FieldProblem("end", "not_after_start"))
    elif appointment.end - appointment.start > timedelta(minutes=MAX_MINUTES):
        problems.append(FieldProblem("end", "too_long"))
    if appointment.status not in STATUSES:
        problems.append(FieldProblem("status", "unknown"))
    if appointment.type == PERSONAL and appointment.patient_id:
        problems.append(FieldProblem("patient", "personal_has_no_patient"))
    try:
        ZoneInfo(appointment.zone)
    except (KeyError, ValueError):
        problems.append(FieldProblem("zone", "unknown"))
    return problems


def can_move(old: str, new: str) -> bool:
    return old == new or new in _NEXT.get(old, frozenset())


class StatusNotAllowed(ValueError):
    def __init__(self, old: str, new: str) -> None:
        super().__init__(f"{old}->{new}")
        self.old, self.new = old, new


def with_status(appointment: Appointment, status: str, at: datetime) -> Appointment:
    """The appointment moved to `status` at `at` (the change is timed in its history)."""
    if status == appointment.status:
        return appointment
    if not can_move(appointment.status, status):
        raise StatusNotAllowed(appointment.status, status)
    return replace(appointment, status=status,
                   history=(*appointment.history, StatusChange(status, at.astimezone(UTC))))


def local_instant(day: date, at: time, zone: str = PARIS) -> datetime:
    """The UTC instant of a wall-clock time on a day (a time in the spring gap moves on
    by the gap, as clocks do)."""
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, at).replace(tzinfo=tz)
    return wall.astimezone(UTC).astimezone(tz).astimezone(UTC)


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    return a_start < b_end and b_start < a_end


def double_bookings(appointment: Appointment,
                    others: list[Appointment]) -> list[Appointment]:
    """Appointments that take the same time (flagged to the user, not refused:
    an emergency fits in between)."""
    if not appointment.takes_time:
        return []
    return [o for o in others if o.id != appointment.id and o.takes_time
            and overlaps(appointment.start, appointment.end, o.start, o.end)]


def week_start(day: date) -> date:
    """The Monday of the week (French weeks start on Monday)."""
    return day - timedelta(days=day.weekday())
