"""The Agenda page with real widgets (pytest-qt, offscreen) on a real profile: week and
day views, keys to move between periods, a new appointment from the dialog with the
register's search, statuses from the keyboard, refresh on "records changed"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tsn_desktop.agenda import service
from tsn_desktop.agenda.model import Appointment
from tsn_desktop.agenda.ui.page import DAY, AgendaPage
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients.model import Patient

pytestmark = pytest.mark.gui
PARIS = ZoneInfo("Europe/Paris")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


def book(runner: DbRunner, qtbot: QtBot, start: datetime, patient: Patient | None = None,
         kind: str = "consultation") -> Appointment:
    done: list[Appointment] = []
    runner.run(lambda db: service.create(db, Appointment(
        id="", type=kind, start=start, end=start + timedelta(minutes=20),
        patient_id=patient.id if patient else None)).appointment, done.append)
    qtbot.waitUntil(lambda: bool(done))
    return done[0]


def shown(page: AgendaPage) -> list[str]:
    return [f"{i.appointment.local_start():%d %H:%M} {i.patient_name}" for i in page.view.items]


def test_the_week_shows_its_appointments_and_refreshes_when_one_is_saved(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, patient: Patient) -> None:
    assert page.first_day() == date(2026, 11, 23) and page.view.days == 7
    book(runner, qtbot, paris(2026, 11, 25, 10, 0), patient)
    qtbot.waitUntil(lambda: shown(page) == ["25 10:00 DURAND Jeanne"])
    blocks = page.view.blocks()
    assert len(blocks) == 1 and blocks[0].rect.width() > 50


def test_page_down_and_up_move_by_week_and_ctrl_t_comes_back_to_today(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot) -> None:
    book(runner, qtbot, paris(2026, 12, 2, 9, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: shown(page) == ["02 09:00 "])
    assert page.first_day() == date(2026, 11, 30)
    qtbot.keyClick(page.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: page.view.first == date(2026, 11, 16))
    qtbot.keyClick(page.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.view.first == date(2026, 11, 23))


def test_the_day_view_moves_day_by_day(page: AgendaPage, qtbot: QtBot) -> None:
    qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.view.days == DAY and page.view.first == date(2026, 11, 23))
    qtbot.keyClick(page.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: page.view.first == date(2026, 11, 24))


def test_f6_then_f8_mark_the_chosen_patient_arrived_then_done(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, patient: Patient,
        clock: FrozenClock, db: Database) -> None:
    first = book(runner, qtbot, paris(2026, 11, 23, 10, 0), patient)
    book(runner, qtbot, paris(2026, 11, 23, 11, 0))
    qtbot.waitUntil(lambda: len(page.view.items) == 2)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.view.selected_id == first.id
    qtbot.keyClick(page.view, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: page.view.selected() is not None
                    and page.view.selected().appointment.status == "arrived")
    qtbot.keyClick(page.view, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: page.view.selected().appointment.status == "done")
    assert [c.status for c in page.view.selected().appointment.history] == [
        "booked", "arrived", "done"]
    qtbot.keyClick(page.view, Qt.Key.Key_F6)  # a done visit does not go back
    qtbot.waitUntil(lambda: "cannot become" in page.message.text()
                    or "ne peut pas" in page.message.text())


def test_delete_cancels_after_asking(page: AgendaPage, runner: DbRunner, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    book(runner, qtbot, paris(2026, 11, 23, 15, 0))
    qtbot.waitUntil(lambda: len(page.view.items) == 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.view.items[0].appointment.status == "cancelled")


def test_a_new_home_visit_from_the_dialog_with_the_registers_search(
        page: AgendaPage, qtbot: QtBot, patient: Patient) -> None:
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_kind("home_visit")
    assert dialog.minutes.value() == 30  # the type's default duration
    qtbot.keyClicks(dialog.search, "durand")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # picks the patient, does not save
    assert dialog.patient_id == patient.id and dialog.isVisible()
    assert dialog.address.text() == "12 rue des Lilas, 69003 Lyon"
    dialog.set_start(paris(2026, 11, 24, 8, 0))
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("DAILY"))
    dialog.count.setValue(5)
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: len(page.view.items) == 5)
    assert {i.appointment.local_start().strftime("%H:%M") for i in page.view.items} == {"08:00"}
    assert {i.patient_name for i in page.view.items} == {"DURAND Jeanne"}


def test_a_double_booking_is_said_before_saving_and_saved_on_a_second_press(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot) -> None:
    book(runner, qtbot, paris(2026, 11, 24, 9, 0))
    qtbot.waitUntil(lambda: len(page.view.items) == 1)
    page.new_appointment()
    dialog = page.dialog
    assert dialog is not None
    dialog.set_start(paris(2026, 11, 24, 9, 10))
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: "09:00" in dialog.problem.text())
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.saved):
        save.click()
    qtbot.waitUntil(lambda: len(page.view.items) == 2)


def test_choosing_personal_drops_the_patient_and_saves_a_busy_slot(
        page: AgendaPage, qtbot: QtBot, patient: Patient) -> None:
    page.new_appointment()
    dialog = page.dialog
    assert dialog is not None
    dialog.choose_patient(patient.id, "DURAND Jeanne", "")
    dialog.set_kind("personal")  # a personal slot drops the patient
    assert dialog.patient_id is None
    dialog.note.setText("Formation DPC")
    dialog.set_start(paris(2026, 11, 24, 13, 0))
    with qtbot.waitSignal(dialog.saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def test_the_next_free_slot_button_fills_the_start(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot) -> None:
    book(runner, qtbot, paris(2026, 11, 23, 10, 45))  # clock: Monday 10:30 Paris
    page.new_appointment()
    dialog = page.dialog
    assert dialog is not None
    dialog.set_kind("consultation")
    dialog.set_start(paris(2026, 11, 23, 10, 30))
    dialog.free_button.click()
    qtbot.waitUntil(lambda: dialog.start() == paris(2026, 11, 23, 11, 5))
    dialog.reject()


def test_in_french_the_week_and_its_days_are_named_in_french(
        french: object, page: AgendaPage, runner: DbRunner, qtbot: QtBot,
        patient: Patient, tmp_path: Path) -> None:
    page.refresh()
    book(runner, qtbot, paris(2026, 11, 23, 10, 0), patient)
    qtbot.waitUntil(lambda: len(page.view.items) == 1)
    assert page.title.text() == "Semaine du 23/11/2026 au 29/11/2026"
    assert page.view.accessibleDescription() == "1 rendez-vous"
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.detail.text() == "lun. 23/11 10:00–10:20 · DURAND Jeanne · Consultation · Réservé" \
        " · depuis 10:30"
    image = page.grab()
    assert image.save(str(tmp_path / "agenda_week_fr.png"))


def test_locking_the_session_leaves_no_name_on_the_page(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, patient: Patient) -> None:
    book(runner, qtbot, paris(2026, 11, 23, 10, 0), patient)
    qtbot.waitUntil(lambda: len(page.view.items) == 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    page.new_appointment()
    assert "DURAND" in page.detail.text() and page.dialog is not None
    page.on_lock()
    assert page.view.items == [] and "DURAND" not in page.detail.text()
    assert page.dialog is None
    page.on_unlock()
    qtbot.waitUntil(lambda: len(page.view.items) == 1)


def test_alt_down_moves_the_chosen_appointment_a_quarter_hour_later(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot) -> None:
    book(runner, qtbot, paris(2026, 11, 24, 9, 0))
    qtbot.waitUntil(lambda: len(page.view.items) == 1)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: shown(page) == ["24 09:15 "])
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: page.view.items[0].appointment.minutes == 25)
