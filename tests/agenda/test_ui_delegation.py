"""pytest-qt: an agenda a colleague delegated to the user is editable beside one's own
(drag to book or move, Enter to open); a colleague's agenda without delegation stays
read only; the delegation dialog keeps what was typed on a bad number."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tests.agenda.test_ui import paris
from tests.agenda.test_ui_edit import _colleagues_visit
from tsn_desktop.agenda import service, store
from tsn_desktop.agenda.ui.agenda_settings import DelegationDialog
from tsn_desktop.agenda.ui.agenda_view import AgendaView
from tsn_desktop.agenda.ui.appointment_dialog import AppointmentDialog
from tsn_desktop.agenda.ui.page import AgendaPage
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner

pytestmark = pytest.mark.gui

DELEGATING = "10000517316"  # delegated their agenda to the user (as the hub said)
NOT_DELEGATING = "10000517324"


def _drag(qtbot: QtBot, view: AgendaView, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, QPoint(start.x(), (start.y() + end.y()) // 2))
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def _at(view: AgendaView, moment: datetime, dy: float = 0.0) -> QPoint:
    p = view.point_of(moment)
    return QPoint(int(p.x()), int(p.y() + dy))


def _flush(runner: DbRunner, qtbot: QtBot) -> None:
    done: list[object] = []
    runner.run(lambda db: None, done.append)  # first in, first out: after any save
    qtbot.waitUntil(lambda: bool(done))


def test_the_delegated_agenda_is_editable_and_the_other_colleagues_is_not(
        page: AgendaPage, runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    with db.unit_of_work() as uow:
        store.replace_delegation(uow, "received", [DELEGATING])
    theirs = _colleagues_visit(db, DELEGATING, paris(2026, 11, 23, 14, 0))
    with db.unit_of_work() as uow:  # the other colleague's visit, at another id
        from tsn_desktop.agenda import fhir
        from tsn_desktop.agenda.model import Appointment

        other = Appointment(id="5b3c7c52-5d43-4a0e-9a55-5a8d9b1b1c10", type="home_visit",
                            start=paris(2026, 11, 23, 14, 0),
                            end=paris(2026, 11, 23, 14, 30))
        fhir.AppointmentAdapter().apply(uow, other.id, fhir.to_resource(other, NOT_DELEGATING),
                                        "1")
    qtbot.keyClick(page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(page.colleague_views) == 2
                    and all(v.items for _b, _l, v in page.colleague_views))
    views = {v.property("owner_rpps"): (label, v) for _b, label, v in page.colleague_views}
    label, delegated = views[DELEGATING]
    other_label, read_only = views[NOT_DELEGATING]
    assert not delegated.read_only and read_only.read_only
    assert "delegated" in label.text() or "délégué" in label.text()
    assert "read only" in other_label.text() or "lecture seule" in other_label.text()

    # The non-delegated agenda: a drag moves nothing.
    block = read_only.blocks()[0]
    start = QPoint(int(block.rect.center().x()), int(block.rect.top() + 3))
    _drag(qtbot, read_only, start, QPoint(start.x(), start.y() + 120))
    _flush(runner, qtbot)
    assert service.get(db, other.id).start == paris(2026, 11, 23, 14, 0)

    # The delegated one: a drag moves the colleague's visit, kept in their agenda.
    block = delegated.blocks()[0]
    start = QPoint(int(block.rect.center().x()), int(block.rect.top() + 3))
    _drag(qtbot, delegated, start, QPoint(start.x(), start.y() + 120))
    qtbot.waitUntil(lambda: service.get(db, theirs).start > paris(2026, 11, 23, 14, 0))
    assert service.get(db, theirs).practitioner == DELEGATING

    # A drag on a free time there opens a new appointment in the colleague's agenda.
    _drag(qtbot, delegated, _at(delegated, paris(2026, 11, 23, 9, 0), 2),
          _at(delegated, paris(2026, 11, 23, 9, 30), -2))
    qtbot.waitUntil(lambda: isinstance(page.dialog, AppointmentDialog))
    assert isinstance(page.dialog, AppointmentDialog)
    assert page.dialog.draft().practitioner == DELEGATING
    assert page.dialog.series() is None
    page.dialog.reject()

    # The same drag on the non-delegated agenda opens nothing.
    page.dialog = None
    _drag(qtbot, read_only, _at(read_only, paris(2026, 11, 23, 9, 0), 2),
          _at(read_only, paris(2026, 11, 23, 9, 30), -2))
    _flush(runner, qtbot)
    assert page.dialog is None


def test_the_delegation_dialog_saves_the_delegates_and_keeps_a_bad_number_typed(
        runner: DbRunner, qtbot: QtBot, db: Database) -> None:
    dialog = DelegationDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.numbers.isEnabled)
    dialog.numbers.setText("1234, " + DELEGATING)
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()))
    assert dialog.isVisible() and dialog.numbers.text() == "1234, " + DELEGATING
    assert service.delegates(db) == []
    dialog.numbers.setText(f"{DELEGATING} ; {NOT_DELEGATING}")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert service.delegates(db) == [DELEGATING, NOT_DELEGATING]
    assert store.delegation_pending(db)  # sent to the hub after the next sync pass


def test_booking_in_a_delegated_agenda_flags_the_owners_appointment_not_ones_own(
        db: Database) -> None:
    from tsn_desktop.agenda.model import Appointment

    with db.unit_of_work() as uow:
        store.replace_delegation(uow, "received", [DELEGATING])
    theirs = _colleagues_visit(db, DELEGATING, paris(2026, 11, 23, 14, 0))
    draft = Appointment(id="", type="consultation", start=paris(2026, 11, 23, 14, 10),
                        end=paris(2026, 11, 23, 14, 30))
    assert service.create(db, draft).double_bookings == ()  # one's own agenda is free
    in_theirs = service.create(db, Appointment(
        id="", type="consultation", start=paris(2026, 11, 23, 14, 10),
        end=paris(2026, 11, 23, 14, 30), practitioner=DELEGATING))
    assert [a.id for a in in_theirs.double_bookings] == [theirs]
