"""The online-bookings and reminders windows with real widgets on a real profile: a
booking waiting is listed with who made it, confirmed or declined from the window;
tomorrow's reminders list phones and export only on an explicit action."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
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


def test_publishing_free_slots_from_the_page_reaches_the_hubs_portal(
        page: AgendaPage, profile: Any, hub: Any, memory_keyring: Any, qtbot: QtBot) -> None:
    from tsn_desktop.core import settings as options
    from tsn_desktop.sync import settings as sync_settings

    rpps = profile.practitioner.rpps
    token = hub.create_practitioner(rpps, "Martin Anne", "general_practitioner")
    # The token goes to the (in-memory) OS keyring, as on a real desktop.
    assert sync_settings.save_account(profile.db, profile.vault.profile_id, hub.url, rpps,
                                      token)
    page.context.settings.set(options.LAST_PROFILE_ID, profile.vault.profile_id)
    page.publish_action.trigger()
    qtbot.waitUntil(lambda: "publi" in page.message.text()
                    and "…" not in page.message.text(), timeout=20_000)
    listed = requests.get(f"{hub.url}/booking/v1/practitioners/{rpps}/slots",
                          timeout=10).json()["total"]
    assert str(listed) in page.message.text()


def test_publishing_with_no_hub_account_says_what_to_do(
        page: AgendaPage, qtbot: QtBot) -> None:
    page.publish_action.trigger()
    qtbot.waitUntil(lambda: "Hub" in page.message.text() or "hub" in page.message.text())
    assert "account" in page.message.text() or "compte" in page.message.text()
