"""ICS export of a period (no names unless asked, Europe/Paris VTIMEZONE) and import of
personal events as busy time, idempotent on UID; on files built here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tsn_desktop.agenda import ics, service
from tsn_desktop.agenda.ics import InvalidIcs
from tsn_desktop.agenda.model import Appointment
from tsn_desktop.agenda.service import AgendaItem
from tsn_desktop.core.db import Database
from tsn_desktop.patients.model import Patient

PARIS = ZoneInfo("Europe/Paris")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


def plain(_item: AgendaItem) -> str:
    return "Rendez-vous"


def named(item: AgendaItem) -> str:
    return f"{item.patient_name} — {item.appointment.type}"


def book(db: Database, start: datetime, patient: Patient | None = None,
         address: str = "") -> Appointment:
    return service.create(db, Appointment(
        id="", type="home_visit" if patient else "personal", start=start,
        end=start + timedelta(minutes=30), patient_id=patient.id if patient else None,
        address=address)).appointment


def test_export_says_rendez_vous_without_names_or_addresses_by_default(
        db: Database, patient: Patient, tmp_path: Path) -> None:
    a = book(db, paris(2026, 11, 24, 8, 0), patient, "3 place de l'Église, Lunel")
    path = tmp_path / "agenda.ics"
    assert ics.export(db, date(2026, 11, 23), 7, path, plain) == 1
    text = path.read_text("utf-8")
    assert "DURAND" not in text and "Église" not in text and "Jeanne" not in text
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == "Rendez-vous"
    assert str(event["uid"]) == f"{a.id}@tsn-desktop"
    assert event["dtstart"].params["TZID"] == "Europe/Paris"
    assert event.decoded("dtstart") == datetime(2026, 11, 24, 8, 0, tzinfo=PARIS)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert db.query("SELECT count(*) FROM audit_log WHERE action = 'export'"
                    " AND resource_type = 'Appointment'")[0][0] == 1


def test_names_and_addresses_go_out_only_when_chosen(
        db: Database, patient: Patient, tmp_path: Path) -> None:
    book(db, paris(2026, 11, 24, 8, 0), patient, "3 place de l'Église, Lunel")
    path = tmp_path / "agenda.ics"
    ics.export(db, date(2026, 11, 23), 7, path, named, with_names=True)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(event["summary"]).startswith("DURAND Jeanne")
    assert str(event["location"]) == "3 place de l'Église, Lunel"


def other_calendar(*events: icalendar.Event) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Some other calendar//EN")
    cal.add("version", "2.0")
    for event in events:
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def event(uid: str, start: date | datetime, end: date | datetime, **extra: str) -> icalendar.Event:
    e = icalendar.Event()
    e.add("uid", uid)
    e.add("dtstamp", datetime(2026, 11, 1, tzinfo=UTC))
    e.add("dtstart", start)
    e.add("dtend", end)
    e.add("summary", "Réunion CPTS")
    for key, value in extra.items():
        e.add(key, value)
    return e


def personal(db: Database) -> list[tuple[str, str, str]]:
    return [(i.appointment.local_start().strftime("%d %H:%M"),
             i.appointment.local_end().strftime("%d %H:%M"), i.appointment.status)
            for i in service.view(db, date(2026, 11, 23), 14)
            if i.appointment.type == "personal"]


def test_import_is_busy_time_and_importing_again_changes_nothing(db: Database) -> None:
    data = other_calendar(
        event("cpts-1", datetime(2026, 11, 25, 12, 30, tzinfo=PARIS),
              datetime(2026, 11, 25, 14, 0, tzinfo=PARIS)),
        event("conges", date(2026, 11, 30), date(2026, 12, 2)))
    first = ics.import_personal(db, data)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    assert personal(db) == [("25 12:30", "25 14:00", "booked"), ("30 00:00", "01 00:00", "booked"),
                            ("01 00:00", "02 00:00", "booked")]
    again = ics.import_personal(db, data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert len(personal(db)) == 3
    # Busy: the free-slot search steps over the meeting and the days off.
    assert service.free_slot(db, 30, paris(2026, 11, 30, 8, 0)) == paris(2026, 12, 2, 8, 30)


def test_an_event_moved_or_cancelled_in_the_other_calendar_follows_here(db: Database) -> None:
    ics.import_personal(db, other_calendar(event(
        "cpts-1", datetime(2026, 11, 25, 12, 30, tzinfo=PARIS),
        datetime(2026, 11, 25, 14, 0, tzinfo=PARIS))))
    moved = ics.import_personal(db, other_calendar(event(
        "cpts-1", datetime(2026, 11, 26, 12, 30, tzinfo=UTC),
        datetime(2026, 11, 26, 13, 0, tzinfo=UTC))))
    assert moved.updated == 1
    assert personal(db) == [("26 13:30", "26 14:00", "booked")]
    ics.import_personal(db, other_calendar(event(
        "cpts-1", datetime(2026, 11, 26, 12, 30, tzinfo=UTC),
        datetime(2026, 11, 26, 13, 0, tzinfo=UTC), status="CANCELLED")))
    assert personal(db) == [("26 13:30", "26 14:00", "cancelled")]


def test_our_own_export_imported_back_adds_nothing(db: Database, patient: Patient,
                                                    tmp_path: Path) -> None:
    book(db, paris(2026, 11, 24, 8, 0), patient)
    path = tmp_path / "mine.ics"
    ics.export(db, date(2026, 11, 23), 7, path, plain)
    result = ics.import_personal(db, path.read_bytes())
    assert (result.created, result.unchanged) == (0, 1)


def test_a_recurring_event_is_counted_as_not_imported(db: Database) -> None:
    e = event("weekly", datetime(2026, 11, 24, 7, tzinfo=UTC),
              datetime(2026, 11, 24, 8, tzinfo=UTC))
    e.add("rrule", {"freq": "weekly"})
    result = ics.import_personal(db, other_calendar(e))
    assert (result.created, result.recurring_skipped) == (0, 1)


@pytest.mark.parametrize("data", [b"not a calendar at all", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT"])
def test_an_unreadable_file_is_refused_and_imports_nothing(db: Database, data: bytes) -> None:
    with pytest.raises(InvalidIcs):
        ics.import_personal(db, data)
    assert personal(db) == []


def test_an_event_ending_before_it_starts_refuses_the_whole_file(db: Database) -> None:
    data = other_calendar(
        event("ok", datetime(2026, 11, 25, 9, tzinfo=UTC), datetime(2026, 11, 25, 10, tzinfo=UTC)),
        event("bad", datetime(2026, 11, 25, 9, tzinfo=UTC), datetime(2026, 11, 25, 8, tzinfo=UTC)))
    with pytest.raises(InvalidIcs):
        ics.import_personal(db, data)
    assert personal(db) == []
