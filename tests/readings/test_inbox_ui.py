"""The "to assign" tab with real widgets: a household scale's file imported from the page
waits in the inbox, then one user's readings are given to the chosen patient."""

from __future__ import annotations

from datetime import date

import pytest

from tests.patients.factories import make_patient
from tests.readings.test_inbox import TWO_USERS
from tests.readings.test_ui import OPENED, context  # noqa: F401 - the fixture
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import service
from tsn_desktop.readings.ui.inbox_view import InboxModel
from tsn_desktop.readings.ui.page import ReadingsPage

pytestmark = pytest.mark.gui


def test_a_shared_scale_file_waits_then_one_user_is_given_to_the_patient(
        qtbot, english, context, db, tmp_path, qtmodeltester):  # noqa: F811
    pid = patients.save(db, make_patient(birth_name="Lefèvre", ins="",
                                         birth_date=date(1948, 2, 3))).patient.id
    capture = tmp_path / "balance.ble"
    capture.write_text(TWO_USERS, "utf-8")
    page = ReadingsPage(context)
    qtbot.addWidget(page)
    OPENED.append(page)
    page.show()
    with qtbot.waitSignal(page.view.shown, timeout=5000):
        page.select_patient(pid, "LEFÈVRE")
    with qtbot.waitSignal(page.inbox.shown, timeout=5000), \
            qtbot.waitSignal(page.import_finished, timeout=5000):
        page.import_file(capture)
    assert "2 readings to assign (patient not certain)" in page.status.text()
    inbox = page.inbox
    assert isinstance(inbox.model, InboxModel)
    qtmodeltester.check(inbox.model)
    assert [inbox.model.index(r, 1).data() for r in range(2)] == ["user 1", "user 2"]
    assert inbox.model.index(0, 2).data() == "several users in the file"
    assert "2 readings to assign" in inbox.status.text()

    inbox.table.selectRow(0)
    assert inbox.assign_button.isEnabled()
    with qtbot.waitSignal(inbox.shown, timeout=5000), \
            qtbot.waitSignal(page.view.shown, timeout=5000):
        inbox.assign_button.click()
    assert inbox.model.rowCount() == 1 and page.view.model.rowCount() == 1
    assert page.view.model.index(0, 4).data() == "ble:balance.ble · BLE 2A9D user 1"
    assert [r.value for r in service.readings_of(db, pid)] == [80.0]
