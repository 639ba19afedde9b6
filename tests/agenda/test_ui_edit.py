"""Editing the agenda with real widgets (pytest-qt, QTest mouse events, offscreen) on a
real profile: drag on a free time to create, drag to move and to resize (snapped to the
quarter hour), double bookings flagged, the recurring-edit scope dialog wired to the
service, appointment types and opening hours set by the user."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.agenda.test_ui import book, paris
from tsn_desktop.agenda import service
from tsn_desktop.agenda.availability import Opening
from tsn_desktop.agenda.recurrence import Series, make_rule
from tsn_desktop.agenda.ui.agenda_settings import OpeningHoursDialog, TypesDialog
from tsn_desktop.agenda.ui.appointment_dialog import AppointmentDialog
from tsn_desktop.agenda.ui.page import AgendaPage
from tsn_desktop.agenda.ui.scope_dialog import ScopeDialog
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients.model import Patient

pytestmark = pytest.mark.gui


def _point(page: AgendaPage, moment: datetime, dy: float = 0.0) -> QPoint:
    p = page.view.point_of(moment)
    return QPoint(int(p.x()), int(p.y() + dy))


def drag(qtbot: QtBot, page: AgendaPage, start: QPoint, end: QPoint) -> None:
    view = page.view
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(view, middle)
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def one_appointment(page: AgendaPage, qtbot: QtBot, count: int = 1) -> None:
    qtbot.waitUntil(lambda: len(page.view.items) == count)


def test_dragging_on_a_free_time_opens_the_dialog_on_that_time_snapped_to_the_quarter(
        page: AgendaPage, qtbot: QtBot) -> None:
    # Wednesday 25/11 from about 10:05 to about 10:50: 10:00 to 11:00 once snapped.
    drag(qtbot, page, _point(page, paris(2026, 11, 25, 10, 5)),
         _point(page, paris(2026, 11, 25, 10, 50)))
    dialog = page.dialog
    assert isinstance(dialog, AppointmentDialog)
    assert dialog.start() == paris(2026, 11, 25, 10, 0)
    assert dialog.minutes.value() == 60
    dialog.reject()


def test_a_click_without_moving_creates_nothing(page: AgendaPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.view, Qt.MouseButton.LeftButton,
                     pos=_point(page, paris(2026, 11, 25, 10, 5)))
    assert page.dialog is None


def test_dragging_an_appointment_moves_it_and_a_double_booking_is_flagged(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database,
        patient: Patient) -> None:
    moved = book(runner, qtbot, paris(2026, 11, 25, 9, 0), patient)
    other = book(runner, qtbot, paris(2026, 11, 26, 11, 0))
    one_appointment(page, qtbot, 2)
    # Grab the block 5 min in, drop it on Thursday at 11:05: it starts at 11:00 there.
    drag(qtbot, page, _point(page, paris(2026, 11, 25, 9, 5)),
         _point(page, paris(2026, 11, 26, 11, 5)))
    qtbot.waitUntil(lambda: service.get(db, moved.id).start == paris(2026, 11, 26, 11, 0))
    assert service.get(db, moved.id).minutes == 20
    qtbot.waitUntil(lambda: "overlaps 1 other" in page.message.text()
                    or "chevauche" in page.message.text())
    qtbot.waitUntil(lambda: all(b.clash for b in page.view.blocks()))
    assert {b.item.appointment.id for b in page.view.blocks()} == {moved.id, other.id}


def test_dragging_the_lower_edge_resizes_the_appointment(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    a = book(runner, qtbot, paris(2026, 11, 25, 9, 0))
    one_appointment(page, qtbot)
    block = page.view.blocks()[0]
    edge = QPoint(int(block.rect.center().x()), int(block.rect.bottom() - 2))
    drag(qtbot, page, edge, _point(page, paris(2026, 11, 25, 9, 50)))
    qtbot.waitUntil(lambda: service.get(db, a.id).end == paris(2026, 11, 25, 10, 0))
    assert service.get(db, a.id).start == paris(2026, 11, 25, 9, 0)


def test_escape_during_a_drag_leaves_the_appointment_where_it_was(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    a = book(runner, qtbot, paris(2026, 11, 25, 9, 0))
    one_appointment(page, qtbot)
    view = page.view
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=_point(page, a.start, 5))
    qtbot.mouseMove(view, _point(page, paris(2026, 11, 25, 12, 0)))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton,
                       pos=_point(page, paris(2026, 11, 25, 12, 0)))
    # The DB runner is first in, first out: once this no-op is back, a move would be too.
    flushed: list[object] = []
    runner.run(lambda db: None, flushed.append)
    qtbot.waitUntil(lambda: bool(flushed))
    assert service.get(db, a.id).start == a.start


def test_keyboard_moves_and_resizes_the_chosen_appointment(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    a = book(runner, qtbot, paris(2026, 11, 25, 9, 0))
    one_appointment(page, qtbot)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: service.get(db, a.id).start == paris(2026, 11, 25, 9, 15))
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: service.get(db, a.id).minutes == 25)


def _series(runner: DbRunner, qtbot: QtBot) -> Series:
    done: list[Series] = []
    runner.run(lambda db: service.create_series(db, Series(
        id="", start=datetime(2026, 11, 23, 8, 0), minutes=15, rule=make_rule("DAILY"),
        type="home_visit", todo="Insuline")), done.append)
    qtbot.waitUntil(lambda: bool(done))
    return done[0]


def _open_wednesday(page: AgendaPage, qtbot: QtBot) -> AppointmentDialog:
    qtbot.waitUntil(lambda: len(page.view.items) == 7)
    wednesday = next(i for i in page.view.items
                     if i.appointment.occurrence == date(2026, 11, 25))
    page.view.select(wednesday.appointment.id)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, AppointmentDialog) and dialog.existing is not None
    return dialog


def test_this_and_the_following_splits_the_series_at_the_occurrence(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    first = _series(runner, qtbot)
    dialog = _open_wednesday(page, qtbot)
    assert dialog.todo.text() == "Insuline"
    dialog.at.setTime(dialog.at.time().addSecs(30 * 60))  # 08:30 from now on
    dialog.save()
    scope = dialog.scope_dialog
    assert isinstance(scope, ScopeDialog) and scope.following.isEnabled()
    scope.following.setChecked(True)
    scope.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    items = service.view(db, date(2026, 11, 23), 7)
    times = {i.appointment.occurrence: i.appointment.local_start().time() for i in items}
    assert times[date(2026, 11, 24)] == time(8, 0)
    assert times[date(2026, 11, 25)] == time(8, 30) == times[date(2026, 11, 29)]
    assert {i.appointment.series_id for i in items
            if i.appointment.occurrence >= date(2026, 11, 25)} != {first.id}


def test_all_changes_every_coming_occurrence_and_this_one_only_changes_one(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    _series(runner, qtbot)
    dialog = _open_wednesday(page, qtbot)
    dialog.todo.setText("Insuline et glycémie")
    dialog.save()
    assert dialog.scope_dialog is not None
    dialog.scope_dialog.all.setChecked(True)
    dialog.scope_dialog.accept()
    qtbot.waitUntil(lambda: page.dialog is None)
    todos = {i.appointment.todo for i in service.view(db, date(2026, 11, 23), 7)}
    assert todos == {"Insuline et glycémie"}
    qtbot.waitUntil(lambda: {i.appointment.todo for i in page.view.items}
                    == {"Insuline et glycémie"})  # the page has read the change

    dialog = _open_wednesday(page, qtbot)
    dialog.note.setText("Clé chez la voisine")
    dialog.save()
    assert dialog.scope_dialog is not None
    dialog.scope_dialog.accept()  # "this one" is the default
    qtbot.waitUntil(lambda: page.dialog is None)
    notes = {i.appointment.occurrence: i.appointment.note
             for i in service.view(db, date(2026, 11, 23), 7)}
    assert notes[date(2026, 11, 25)] == "Clé chez la voisine"
    assert notes[date(2026, 11, 26)] == ""


def test_a_new_day_for_an_occurrence_only_applies_to_it(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot) -> None:
    _series(runner, qtbot)
    dialog = _open_wednesday(page, qtbot)
    dialog.day.setDate(dialog.day.date().addDays(1))
    dialog.save()
    assert dialog.scope_dialog is not None
    assert not dialog.scope_dialog.following.isEnabled()
    assert not dialog.scope_dialog.all.isEnabled()
    dialog.scope_dialog.reject()
    dialog.reject()


def test_the_user_sets_a_types_duration_and_adds_a_type_of_their_own(
        runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    dialog = TypesDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "vaccination" in dialog.rows)
    _kind, colour, minutes = dialog.rows["vaccination"]
    minutes.setValue(20)
    colour.set_colour("#112233")
    dialog.new_name.setText("Bilan de soins infirmiers")
    dialog.new_minutes.setValue(45)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: len(dialog.rows) == 6)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    kinds = service.types(db)
    assert (kinds["vaccination"].default_minutes, kinds["vaccination"].colour) == \
        (20, "#112233")
    mine = [k for k in kinds.values() if k.label == "Bilan de soins infirmiers"]
    assert len(mine) == 1 and mine[0].default_minutes == 45
    assert service.free_slot_for(db, "vaccination") is not None


def test_a_type_with_no_name_is_refused_with_a_message(
        runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    dialog = TypesDialog(runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.rows) == 5)
    dialog.new_name.setText("   ")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()))
    assert len(service.types(db)) == 5


def test_opening_hours_closing_saturday_and_an_absence_move_the_next_free_slot(
        runner: DbRunner, qtbot: QtBot, db: Database, clock) -> None:
    dialog = OpeningHoursDialog(runner, clock.zone, clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ranges[5][0].on.isChecked())  # Saturday morning
    dialog.ranges[5][0].on.setChecked(False)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not [o for o in service.openings(db) if o.weekday == 5]
    assert Opening(0, time(8, 30), time(12, 30)) in service.openings(db)

    dialog = OpeningHoursDialog(runner, clock.zone, clock.now())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ranges[0][0].on.isChecked())
    # Off the whole of the coming week.
    local = clock.now().astimezone(clock.zone)
    dialog.off_from.setDateTime(dialog.off_from.dateTime().addDays(0))
    dialog.off_to.setDateTime(dialog.off_to.dateTime().addDays(6))
    dialog.off_reason.setText("Congés")
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.closures.count() == 1)
    assert "Congés" in dialog.closures.item(0).text()
    slot = service.free_slot(db, 20, clock.now())
    assert slot is not None and slot.astimezone(clock.zone).date() > \
        local.date() + timedelta(days=6)
    dialog.closures.setCurrentRow(0)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.closures.count() == 0)
    dialog.reject()


def test_overlapping_ranges_in_a_day_are_refused_and_nothing_is_lost(
        runner: DbRunner, qtbot: QtBot, db: Database, clock) -> None:
    before = service.openings(db)
    dialog = OpeningHoursDialog(runner, clock.zone, clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ranges[0][1].on.isChecked())
    dialog.ranges[0][1].start.setTime(dialog.ranges[0][0].start.time())
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()))
    assert dialog.isVisible() and service.openings(db) == before
    dialog.reject()


def _colleagues_visit(db: Database, rpps: str, start: datetime) -> str:
    """A colleague's appointment arriving as sync applies it (the agenda's adapter)."""
    from tsn_desktop.agenda import fhir
    from tsn_desktop.agenda.model import Appointment

    a = Appointment(id="0b0f7c52-5d43-4a0e-9a55-5a8d9b1b1c09", type="home_visit",
                    start=start, end=start + timedelta(minutes=30), todo="Pansement")
    with db.unit_of_work() as uow:
        fhir.AppointmentAdapter().apply(uow, a.id, fhir.to_resource(a, rpps), "1")
    return a.id


def test_a_colleagues_agenda_shows_beside_ones_own_read_only_and_is_not_ones_busy_time(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    nurse = "10000517316"
    theirs = _colleagues_visit(db, nurse, paris(2026, 11, 23, 14, 0))
    mine = book(runner, qtbot, paris(2026, 11, 23, 10, 0))
    qtbot.waitUntil(lambda: [i.appointment.id for i in page.view.items] == [mine.id])
    # Their 14:00 visit leaves the GP's 14:00 free.
    assert service.free_slot(db, 20, paris(2026, 11, 23, 14, 0)) == paris(2026, 11, 23, 14, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(page.colleague_views) == 1
                    and bool(page.colleague_views[0][2].items))
    _box, label, theirs_view = page.colleague_views[0]
    page.view.select(mine.id)
    assert page.span == 1 and nurse in label.text()
    assert [i.appointment.id for i in theirs_view.items] == [theirs]
    # Read only: a drag on their visit moves nothing, a double click opens nothing.
    block = theirs_view.blocks()[0]
    start = QPoint(int(block.rect.center().x()), int(block.rect.top() + 3))
    qtbot.mousePress(theirs_view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(theirs_view, QPoint(start.x(), start.y() + 120))
    qtbot.mouseRelease(theirs_view, Qt.MouseButton.LeftButton,
                       pos=QPoint(start.x(), start.y() + 120))
    qtbot.mouseDClick(theirs_view, Qt.MouseButton.LeftButton, pos=start)
    assert page.dialog is None
    assert service.get(db, theirs).start == paris(2026, 11, 23, 14, 0)
    assert "read only" in page.detail.text() or "lecture seule" in page.detail.text()
    # Choosing their visit unchooses one's own: F8 now marks nothing of anyone's.
    assert page.view.selected() is None
    qtbot.keyClick(page.view, Qt.Key.Key_F8)
    flushed: list[object] = []
    runner.run(lambda db: None, flushed.append)  # first in, first out: after any F8 save
    qtbot.waitUntil(lambda: bool(flushed))
    assert service.get(db, mine.id).status == "booked"
    qtbot.keyClick(page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not page.colleague_views)
