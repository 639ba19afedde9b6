"""The online-bookings and reminders windows with real widgets on a real profile: a
booking waiting is listed with who made it, confirmed or declined from the window;
tomorrow's reminders list phones and export only on an explicit action."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.agenda.test_ui import paris
from tests.patients.factories import make_patient
from tsn_desktop.agenda import service
from tsn_desktop.agenda.model import BOOKED, CANCELLED, Appointment, Booker
from tsn_desktop.agenda.ui.bookings_dialog import BookingsDialog
from tsn_desktop.agenda.ui.page import AgendaPage
from tsn_desktop.agenda.ui.reminders_dialog import RemindersDialog
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients import service as patients

pytestmark = pytest.mark.gui
PARIS = ZoneInfo("Europe/Paris")


def booked_online(db: Database, hour: int, name: str = "Lucie FAURE") -> Appointment:
    start = paris(2026, 11, 24, hour, 0)
    return service.create_proposed(db, Appointment(
        id="", type="consultation", start=start, end=start + timedelta(minutes=20),
        booker=Booker(name, "06 12 34 56 78")))


def test_a_waiting_booking_is_confirmed_and_another_declined_from_the_window(
        runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    first, second = booked_online(db, 9), booked_online(db, 10, "Ana DIAS")
    window = BookingsDialog(runner, PARIS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.list.count() == 2)
    assert "Lucie FAURE" in window.list.item(0).text()
    assert "06 12 34 56 78" in window.list.item(0).text()
    qtbot.keyClick(window.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: service.get(db, first.id).status == BOOKED)
    qtbot.waitUntil(lambda: window.list.count() == 1)
    window.decline_button.click()
    qtbot.waitUntil(lambda: service.get(db, second.id).status == CANCELLED)
    qtbot.waitUntil(lambda: window.list.count() == 0)
    assert not window.confirm_button.isEnabled()


def test_the_page_draws_a_booking_to_confirm_with_the_name_of_who_booked(
        page: AgendaPage, db: Database, qtbot: QtBot) -> None:
    booked_online(db, 9)
    page.refresh()
    qtbot.waitUntil(lambda: [i.patient_name for i in page.view.items] == ["Lucie FAURE"])
    assert page.view.items[0].appointment.status == "proposed"


def test_tomorrows_reminders_list_phones_and_export_them_on_request(
        runner: DbRunner, qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    someone = patients.save(db, make_patient(birth_name="MOREL", given_names="Paul",
                                             phone="04 77 12 34 56")).patient
    start = paris(2026, 11, 24, 9, 0)
    service.create(db, Appointment(id="", type="consultation", start=start,
                                   end=start + timedelta(minutes=20), patient_id=someone.id))
    gone = service.create(db, Appointment(id="", type="consultation",
                                          start=start + timedelta(hours=1),
                                          end=start + timedelta(hours=1, minutes=20),
                                          patient_id=someone.id)).appointment
    service.set_status(db, gone.id, CANCELLED)
    booked_online(db, 11)
    window = RemindersDialog(runner, start.astimezone(PARIS).date(), PARIS)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.table.rowCount() == 2)
    assert window.table.item(0, 2).text() == "04 77 12 34 56"
    assert window.table.item(1, 1).text() == "Lucie FAURE"
    target = tmp_path / "rappels.csv"
    window.write(target)
    text = target.read_bytes().decode("utf-8-sig")
    assert "24/11/2026;09:00;MOREL Paul;04 77 12 34 56\r\n" in text  # the cancelled: out
    assert "Lucie FAURE;06 12 34 56 78" in text and text.count("\r\n") == 3
