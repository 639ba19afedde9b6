"""The sync review: conflicts kept by a real sync between two practitioners and changes a
real hub refused are listed, compared and settled from the dialog, and what the user
takes back reaches the hub. Real SQLCipher profiles, a real hub; faked: nothing (the
keyring backend, as everywhere in tests)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QAbstractButton, QTableView

from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.executor import DbExecutor, DbRunner
from tsn_desktop.patients import store
from tsn_desktop.patients.review import PatientReview
from tsn_desktop.sync.engine import (
    SyncEngine,
    open_conflicts,
    read_counts,
    restore_local_copy,
)
from tsn_desktop.sync.ui.review import SyncReviewDialog
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import SyncStatus

from .conftest import gp_and_nurse_sharing, new_patient, registry

LOCAL_TIME = re.compile(r"^\d\d/\d\d/\d{4} \d\d:\d\d$")


def concurrent_phone_edits(make_client, **nurse_also):
    """The GP and the nurse both change the phone offline (the nurse, with `nurse_also`,
    other elements too); the nurse syncs first."""
    gp, nurse, patient = gp_and_nurse_sharing(make_client)
    gp.save(replace(store.get(gp.db, patient.id), email="l.martin@example.org",
                    phone="06 99 99 99 99"))
    nurse.save(replace(store.get(nurse.db, patient.id), phone="07 12 12 12 12", **nurse_also))
    nurse.sync()
    assert gp.sync().conflicts == 1
    assert store.get(gp.db, patient.id).phone == "07 12 12 12 12"   # the hub's order won
    return gp, nurse, patient


def pending(db) -> int:
    return db.query("SELECT count(*) FROM outbox WHERE state = 'pending'")[0][0]


# --- the engine: "use my copy again" ---------------------------------------------------
def test_my_copy_taken_back_after_a_conflict_reaches_the_hub_and_the_colleague(
        make_client, hub) -> None:
    gp, nurse, patient = concurrent_phone_edits(make_client)
    # Meanwhile the nurse moves the patient's city: a change the kept copy did not touch.
    nurse.save(replace(store.get(nurse.db, patient.id), city="Bron"))
    nurse.sync()
    gp.sync()
    [conflict] = open_conflicts(gp.db)

    restore_local_copy(gp.db, registry(), conflict.id)
    mine = store.get(gp.db, patient.id)
    assert (mine.phone, mine.email, mine.city) == ("06 99 99 99 99", "l.martin@example.org",
                                                   "Bron")
    assert pending(gp.db) == 1
    assert open_conflicts(gp.db) == []
    assert gp.db.query("SELECT resolution FROM sync_conflict") == [("local",)]

    report = gp.sync()
    assert (report.pushed, report.conflicts) == (1, 0)
    on_hub = hub.fhir(gp.token, "Patient", patient.id).json()
    assert {"system": "phone", "value": "06 99 99 99 99"} in on_hub["telecom"]
    assert on_hub["address"][0]["city"] == "Bron"
    nurse.sync()
    assert store.get(nurse.db, patient.id).phone == "06 99 99 99 99"


def test_taking_my_copy_back_keeps_what_the_colleague_changed_in_the_same_edit(
        make_client) -> None:
    """The conflict keeps its common ancestor: only the elements this practitioner
    changed come back, the colleague's other changes of that same edit stay."""
    gp, nurse, patient = concurrent_phone_edits(make_client, address="5 place Bellecour")
    [conflict] = open_conflicts(gp.db)

    restore_local_copy(gp.db, registry(), conflict.id)
    mine = store.get(gp.db, patient.id)
    assert mine.phone == "06 99 99 99 99"          # what the GP typed comes back
    assert mine.address == "5 place Bellecour"     # the nurse's new address stays
    gp.sync()
    nurse.sync()
    theirs = store.get(nurse.db, patient.id)
    assert (theirs.phone, theirs.address) == ("06 99 99 99 99", "5 place Bellecour")


def test_a_conflict_can_be_taken_back_only_once(make_client) -> None:
    gp, _nurse, _patient = concurrent_phone_edits(make_client)
    [conflict] = open_conflicts(gp.db)
    restore_local_copy(gp.db, registry(), conflict.id)
    with pytest.raises(LookupError):
        restore_local_copy(gp.db, registry(), conflict.id)
    assert pending(gp.db) == 1


# --- the dialog ------------------------------------------------------------------------
@pytest.fixture
def open_review(qtbot):
    opened: list[tuple[SyncReviewDialog, DbExecutor]] = []

    def open_(client) -> tuple[SyncReviewDialog, DbExecutor]:
        executor = DbExecutor(client.db)
        dialog = SyncReviewDialog(DbRunner(executor), registry=registry(), clock=SystemClock(),
                                  describer=PatientReview())
        qtbot.addWidget(dialog)
        opened.append((dialog, executor))
        with qtbot.waitSignal(dialog.refreshed, timeout=10_000):
            dialog.show()
        return dialog, executor

    yield open_
    for dialog, executor in opened:
        dialog.close()
        executor.shutdown()


def engine_through(client, executor: DbExecutor) -> SyncEngine:
    """The client's engine, its DB work on the executor that now owns the connection."""
    engine = client.engine()
    engine.run_db = executor.call
    return engine


def comparison(dialog: SyncReviewDialog) -> dict[str, tuple[str, str, bool]]:
    model = dialog.comparison_model
    return {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data(),
                                       model.is_marked(r)) for r in range(model.rowCount())}


@pytest.mark.gui
def test_a_conflict_is_listed_with_the_patient_and_compared_element_by_element(
        make_client, open_review, qtbot, qtmodeltester) -> None:
    gp, _nurse, _patient = concurrent_phone_edits(make_client)
    dialog, executor = open_review(gp)
    model = dialog.conflicts_model
    assert model.rowCount() == 1
    record, name, kind, when = (model.index(0, c).data() for c in range(4))
    assert (record, name, kind) == ("Patient", "MARTIN Lucie Anne",
                                    "Changed here and on the hub")
    assert LOCAL_TIME.match(when)
    assert dialog.conflicts_empty.isHidden()

    qtbot.waitUntil(lambda: dialog.comparison_model.rowCount() > 0, timeout=5_000)
    rows = comparison(dialog)
    assert rows["≠ Phone"] == ("06 99 99 99 99", "07 12 12 12 12", True)
    assert rows["≠ E-mail"] == ("l.martin@example.org", "lucie.martin@example.org", True)
    assert rows["Birth name"] == ("Martin", "Martin", False)
    assert rows["Date of birth"] == ("02/06/1950", "02/06/1950", False)
    phone_row = list(rows).index("≠ Phone")
    assert dialog.comparison_model.index(phone_row, 0).data(
        0x0B) == "Phone, differs"  # Qt.AccessibleTextRole: the mark is not colour alone
    assert dialog.comparison_title.text() == "Your copy and the hub's copy: 2 element(s) differ."
    qtmodeltester.check(model)
    qtmodeltester.check(dialog.comparison_model)
    assert dialog.keep_hub.isEnabled() and dialog.use_mine.isEnabled()

    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.keep_hub.click()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    assert executor.call(read_counts).conflicts == 0
    assert executor.call(lambda db: db.query("SELECT resolution FROM sync_conflict")) == \
        [("hub",)]
    assert not dialog.conflicts_empty.isHidden()
    assert dialog.conflicts_empty.text() == "No conflict to review."
    assert not dialog.keep_hub.isEnabled()
    assert executor.call(pending) == 0


@pytest.mark.gui
def test_use_my_copy_again_queues_it_and_the_next_sync_puts_it_on_the_hub(
        make_client, hub, open_review, qtbot) -> None:
    gp, nurse, patient = concurrent_phone_edits(make_client)
    dialog, executor = open_review(gp)
    qtbot.waitUntil(lambda: dialog.use_mine.isEnabled(), timeout=5_000)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.use_mine.click()
    qtbot.waitUntil(lambda: dialog.conflicts_model.rowCount() == 0, timeout=5_000)
    assert executor.call(pending) == 1
    assert executor.call(lambda db: store.get(db, patient.id).phone) == "06 99 99 99 99"

    report = engine_through(gp, executor).run_pass()
    assert (report.pushed, report.conflicts) == (1, 0)
    on_hub = hub.fhir(gp.token, "Patient", patient.id).json()
    assert {"system": "phone", "value": "06 99 99 99 99"} in on_hub["telecom"]
    assert executor.call(read_counts).conflicts == 0


@pytest.mark.gui
def test_a_change_the_hub_refused_is_listed_with_its_reason_and_tried_again(
        make_client, open_review, qtbot, qtmodeltester, caplog) -> None:
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    gp.sync()
    # The nurse holds a record of a patient not shared with her (a copy carried over by
    # hand): the hub refuses to let her write it.
    with nurse.db.unit_of_work() as uow:
        store.insert(uow, replace(new_patient(given_names="Lucie"), id=patient.id))
    assert nurse.sync().rejected == 1

    dialog, executor = open_review(nurse)
    assert dialog.tabs.tabText(1) == "Refused by the hub"
    model = dialog.parked_model
    assert model.rowCount() == 1
    record, name, when, reason = (model.index(0, c).data() for c in range(4))
    assert (record, name) == ("Patient", "MARTIN Lucie")
    assert LOCAL_TIME.match(when)
    assert reason == "forbidden: no such patient or record, or no access to it"
    qtmodeltester.check(model)
    assert not dialog.retry.isEnabled()      # nothing selected yet
    assert dialog.retry_all.isEnabled()

    dialog.tabs.setCurrentIndex(1)
    dialog.parked_view.selectRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.retry.click()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    assert executor.call(pending) == 1
    assert executor.call(read_counts).parked == 0
    assert not dialog.parked_empty.isHidden()
    assert dialog.parked_empty.text() == "No change was refused by the hub."

    # Refused again (nothing changed on the hub); "Try all again" takes every one.
    assert engine_through(nurse, executor).run_pass().rejected == 1
    dialog.refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 1 and dialog.retry_all.isEnabled(),
                    timeout=5_000)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.retry_all.click()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    assert executor.call(read_counts).parked == 0


@pytest.mark.gui
def test_with_nothing_to_review_both_tabs_say_so_and_every_control_is_named(
        make_client, open_review) -> None:
    gp = make_client()
    dialog, _executor = open_review(gp)
    assert not dialog.conflicts_empty.isHidden()
    assert dialog.conflicts_empty.text() == "No conflict to review."
    assert dialog.conflicts_view.isHidden()
    assert not dialog.parked_empty.isHidden()
    assert dialog.parked_view.isHidden()
    assert not dialog.retry_all.isEnabled()
    for control in dialog.findChildren(QAbstractButton) + dialog.findChildren(QTableView):
        if control.parent() is dialog.tabs.tabBar() or control.objectName().startswith("qt_"):
            continue  # Qt's own parts: the tab bar's scroll arrows, a table's corner
        assert control.accessibleName(), control
    assert [dialog.tabs.tabText(i) for i in range(2)] == ["Conflicts", "Refused by the hub"]


# --- the status bar ----------------------------------------------------------------------
@pytest.mark.gui
def test_the_status_bar_offers_review_only_when_something_waits(qtbot) -> None:
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    assert widget.review_button.isHidden()
    widget.set_status(SyncStatus(conflicts=1))
    assert not widget.review_button.isHidden()
    assert widget.review_button.accessibleName() == "Review conflicts and refused changes"
    assert widget.review_button.toolTip() == "Review conflicts and refused changes"
    widget.set_status(SyncStatus(parked=2))
    assert not widget.review_button.isHidden()
    with qtbot.waitSignal(widget.review_requested, timeout=1000):
        widget.review_button.click()
    widget.set_status(SyncStatus(pending=4))
    assert widget.review_button.isHidden()
    assert widget.button.accessibleName() == "Sync now"
