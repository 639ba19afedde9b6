"""The agenda's use cases on a real SQLCipher profile: appointments, statuses with their
times, double bookings, series materialised to a moving horizon, the three kinds of
series edit, free slots from stored appointments. The clock is frozen (tests/conftest)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tsn_desktop.agenda import service
from tsn_desktop.agenda.model import (
    ARRIVED,
    CANCELLED,
    DONE,
    IN_CONSULTATION,
    Appointment,
    StatusNotAllowed,
)
from tsn_desktop.agenda.recurrence import HORIZON_DAYS, Series
from tsn_desktop.agenda.service import InvalidAppointment, SeriesChange
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.patients.model import Patient

PARIS = ZoneInfo("Europe/Paris")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


def draft(start: datetime, minutes: int = 20, **kw: object) -> Appointment:
    return Appointment(id="", type=kw.pop("type", "consultation"), start=start,  # type: ignore[arg-type]
                       end=start + timedelta(minutes=minutes), **kw)  # type: ignore[arg-type]


def outbox(db: Database) -> list[tuple]:
    return db.query("SELECT resource_type, action FROM outbox WHERE resource_type ="
                    " 'Appointment' ORDER BY rowid")


def test_a_new_appointment_is_stored_queued_for_the_hub_and_booked_at_its_time(
        db: Database, patient: Patient, clock: FrozenClock) -> None:
    saved = service.create(db, draft(paris(2026, 11, 24, 9, 0), patient_id=patient.id))
    assert saved.double_bookings == ()
    again = service.get(db, saved.appointment.id)
    assert again.start == paris(2026, 11, 24, 9, 0) and again.minutes == 20
    assert [(c.status, c.at) for c in again.history] == [("booked", clock.now())]
    assert outbox(db) == [("Appointment", "upsert")]


def test_a_double_booking_is_flagged_not_refused(db: Database) -> None:
    first = service.create(db, draft(paris(2026, 11, 24, 9, 0))).appointment
    second = service.create(db, draft(paris(2026, 11, 24, 9, 10)))
    assert [a.id for a in second.double_bookings] == [first.id]
    assert len(service.view(db, date(2026, 11, 24), 1)) == 2


@pytest.mark.parametrize("minutes, code", [(0, "not_after_start"), (-30, "not_after_start"),
                                            (838 * 60, "too_long")])
def test_an_appointment_ending_before_it_starts_or_lasting_838_hours_is_refused(
        db: Database, minutes: int, code: str) -> None:
    with pytest.raises(InvalidAppointment) as info:
        service.create(db, draft(paris(2026, 11, 24, 9, 0), minutes))
    assert [p.code for p in info.value.problems] == [code]
    assert service.view(db, date(2026, 11, 24), 1) == []


def test_waiting_room_statuses_keep_the_time_of_each_change(
        db: Database, clock: FrozenClock) -> None:
    a = service.create(db, draft(paris(2026, 11, 23, 10, 0))).appointment
    clock.advance(timedelta(minutes=3))
    service.set_status(db, a.id, ARRIVED)
    clock.advance(timedelta(minutes=12))
    service.set_status(db, a.id, IN_CONSULTATION)
    clock.advance(timedelta(minutes=20))
    done = service.set_status(db, a.id, DONE)
    assert [c.status for c in done.history] == ["booked", ARRIVED, IN_CONSULTATION, DONE]
    assert done.history[2].at - done.history[1].at == timedelta(minutes=12)
    with pytest.raises(StatusNotAllowed):
        service.set_status(db, a.id, ARRIVED)
    assert service.get(db, a.id).status == DONE


def test_a_cancelled_appointment_frees_its_slot(db: Database) -> None:
    a = service.create(db, draft(paris(2026, 11, 24, 8, 30), 30)).appointment
    assert service.free_slot(db, 20, paris(2026, 11, 24, 8, 30)) == paris(2026, 11, 24, 9, 0)
    service.set_status(db, a.id, CANCELLED)
    assert service.free_slot(db, 20, paris(2026, 11, 24, 8, 30)) == paris(2026, 11, 24, 8, 30)


def test_next_free_vaccination_slot_uses_its_15_minutes_and_the_stored_agenda(
        db: Database) -> None:
    # Monday 23 November 2026 from 10:30 Paris (clock): 10:30-11:00 and 11:10-12:30 taken.
    service.create(db, draft(paris(2026, 11, 23, 10, 30), 30))
    service.create(db, draft(paris(2026, 11, 23, 11, 10), 80))
    # 11:00-11:10 is too short for 15 min: the next one is after lunch.
    assert service.free_slot_for(db, "vaccination") == paris(2026, 11, 23, 14, 0)
    service.add_closure(db, paris(2026, 11, 23, 13, 0), paris(2026, 11, 24, 0, 0), "absence")
    assert service.free_slot_for(db, "vaccination") == paris(2026, 11, 24, 8, 30)


def nurse_series(db: Database, patient: Patient, rule: str = "FREQ=DAILY") -> Series:
    return service.create_series(db, Series(
        id="", start=datetime(2026, 11, 23, 8, 0), minutes=15, rule=rule, type="home_visit",
        patient_id=patient.id, address="3 place de l'Église, Lunel"))


def days(db: Database, first: date, n: int) -> list[tuple[date, str, str]]:
    return [(i.appointment.local_start().date(), i.appointment.local_start().strftime("%H:%M"),
             i.appointment.type) for i in service.view(db, first, n)]


def move_alone_to_0900(db: Database, day: date) -> Appointment:
    """Edits the occurrence of `day` on its own ("this one"): 09:00 to 09:15; returns it
    as it was before."""
    item = service.view(db, day, 1)[0].appointment
    service.update(db, Appointment(**{**item.__dict__,
                                      "start": paris(day.year, day.month, day.day, 9, 0),
                                      "end": paris(day.year, day.month, day.day, 9, 15)}))
    return item


def test_a_daily_series_is_materialised_up_to_the_horizon_and_it_moves_on_with_time(
        db: Database, patient: Patient, clock: FrozenClock) -> None:
    nurse_series(db, patient)
    stored = db.query("SELECT count(*), max(occurrence) FROM appointment WHERE deleted = 0")
    # From today 08:00 to 120 days on at 09:30 UTC (08:00 Paris is before it): 121 visits.
    assert stored[0][0] == HORIZON_DAYS + 1
    last = date.fromisoformat(stored[0][1])
    clock.advance(timedelta(days=30))
    assert service.extend_horizons(db) == 1
    later = db.query("SELECT max(occurrence) FROM appointment WHERE deleted = 0")[0][0]
    assert date.fromisoformat(later) == last + timedelta(days=30)


def test_a_series_through_the_march_dst_change_stays_at_0800_in_the_week_view(
        db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    week = days(db, date(2027, 3, 22), 7)  # beyond the horizon: the view extends it
    assert [d.day for d, _, _ in week] == [22, 23, 24, 25, 26, 27, 28]
    assert {t for _, t, _ in week} == {"08:00"}


def test_editing_this_one_changes_only_that_occurrence(
        db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    item = move_alone_to_0900(db, date(2026, 11, 25))
    service.edit_all(db, item.series_id or "", SeriesChange(at=time(7, 30)))
    assert days(db, date(2026, 11, 24), 3) == [
        (date(2026, 11, 24), "07:30", "home_visit"), (date(2026, 11, 25), "09:00", "home_visit"),
        (date(2026, 11, 26), "07:30", "home_visit")]


def test_this_and_the_following_splits_the_series(db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    item = service.view(db, date(2026, 11, 26), 1)[0].appointment
    tail = service.edit_following(db, item, SeriesChange(at=time(18, 0), minutes=20))
    assert days(db, date(2026, 11, 24), 4) == [
        (date(2026, 11, 24), "08:00", "home_visit"), (date(2026, 11, 25), "08:00", "home_visit"),
        (date(2026, 11, 26), "18:00", "home_visit"), (date(2026, 11, 27), "18:00", "home_visit")]
    series_ids = {i.appointment.series_id for i in service.view(db, date(2026, 11, 24), 4)}
    assert series_ids == {item.series_id, tail.id}
    # No two copies of one day: the old series stopped where the new one starts.
    count = db.query("SELECT count(*) FROM appointment WHERE deleted = 0 AND occurrence = ?",
                     ("2026-11-30",))[0][0]
    assert count == 1


def test_editing_all_leaves_visits_already_done_as_they_were(
        db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    today = service.view(db, date(2026, 11, 23), 1)[0].appointment
    service.set_status(db, today.id, DONE)
    service.edit_all(db, today.series_id or "", SeriesChange(type="consultation"))
    assert days(db, date(2026, 11, 23), 2) == [
        (date(2026, 11, 23), "08:00", "home_visit"), (date(2026, 11, 24), "08:00", "consultation")]


def test_a_deleted_occurrence_becomes_an_exception_date_and_never_comes_back(
        db: Database, patient: Patient, clock: FrozenClock) -> None:
    nurse_series(db, patient)
    gone = service.view(db, date(2026, 11, 25), 1)[0].appointment
    service.delete(db, gone)
    service.edit_all(db, gone.series_id or "", SeriesChange(note="glycémie avant"))
    clock.advance(timedelta(days=30))
    service.extend_horizons(db)
    assert [d.day for d, _, _ in days(db, date(2026, 11, 24), 3)] == [24, 26]


def test_a_weekly_series_with_a_count_ends_and_is_not_extended(
        db: Database, patient: Patient, clock: FrozenClock) -> None:
    nurse_series(db, patient, "FREQ=WEEKLY;COUNT=6")
    clock.advance(timedelta(days=200))
    service.extend_horizons(db)
    assert db.query("SELECT count(*) FROM appointment WHERE deleted = 0")[0][0] == 6


def test_a_personal_slot_cannot_carry_a_patient(db: Database, patient: Patient) -> None:
    with pytest.raises(InvalidAppointment) as info:
        service.create(db, draft(paris(2026, 11, 24, 13, 0), type="personal",
                                 patient_id=patient.id))
    assert [p.code for p in info.value.problems] == ["personal_has_no_patient"]


def test_splitting_after_an_occurrence_edited_on_its_own_gives_no_day_two_visits(
        db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    move_alone_to_0900(db, date(2026, 11, 28))
    from_day = service.view(db, date(2026, 11, 26), 1)[0].appointment
    service.edit_following(db, from_day, SeriesChange(at=time(18, 0)))
    assert [(d.day, t) for d, t, _ in days(db, date(2026, 11, 27), 3)] == [
        (27, "18:00"), (28, "09:00"), (29, "18:00")]


def test_moving_an_occurrence_makes_it_this_one_and_a_finished_visit_stays_put(
        db: Database, patient: Patient) -> None:
    nurse_series(db, patient)
    item = service.view(db, date(2026, 11, 24), 1)[0].appointment
    moved = service.move(db, item.id, 15).appointment
    assert moved.local_start().strftime("%H:%M") == "08:15" and moved.detached
    longer = service.move(db, item.id, 5, resize=True).appointment
    assert longer.minutes == 20 and longer.start == moved.start
    with pytest.raises(InvalidAppointment) as short:
        service.move(db, item.id, -20, resize=True)
    assert [p.code for p in short.value.problems] == ["too_short"]
    service.set_status(db, item.id, DONE)
    with pytest.raises(InvalidAppointment) as over:
        service.move(db, item.id, 15)
    assert [p.code for p in over.value.problems] == ["already_over"]
    service.edit_all(db, item.series_id or "", SeriesChange(at=time(7, 0)))
    assert service.get(db, item.id).local_start().strftime("%H:%M") == "08:15"
