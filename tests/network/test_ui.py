"""The Network page with real widgets (pytest-qt, offscreen) on a real profile: composing a
discussion offline from the keyboard, replying, the inbox (open, mark done, snooze), the
unread count for the navigation, the patient file's Discussions tab. Faked: the modal
confirmations (replaced by answers), as every dialog test does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, new_id
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import FeatureContext
from tsn_desktop.network import service, store
from tsn_desktop.network.model import OPENING, REPLY, Opening, Post
from tsn_desktop.network.ui import dialogs
from tsn_desktop.network.ui.discussions_tab import DiscussionsTab
from tsn_desktop.network.ui.page import NetworkPage
from tsn_desktop.patients.model import Patient

from .conftest import NURSE, PHARMACIST

pytestmark = pytest.mark.gui


@pytest.fixture
def context(runner: DbRunner, profile: OpenProfile, clock: FrozenClock,
            tmp_path: Path) -> FeatureContext:
    profile.db.commit_listener = runner.committed
    return FeatureContext(runner=runner, clock=clock, settings=Settings(tmp_path / "s"),
                          practitioner=profile.practitioner)


@pytest.fixture
def page(qtbot: QtBot, context: FeatureContext, colleagues) -> Iterator[NetworkPage]:
    widget = NetworkPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitUntil(lambda: "3" in widget.directory_count.text())
    yield widget
    widget.close()


def in_db(runner: DbRunner, qtbot: QtBot, fn):  # type: ignore[no-untyped-def]
    done: list[object] = []
    runner.run(fn, done.append)
    qtbot.waitUntil(lambda: bool(done))
    return done[0]


def test_the_gp_composes_a_discussion_offline_from_the_keyboard(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner) -> None:
    page.new_action.trigger()  # Ctrl+N in the window's Network menu
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title_field, "Plaie du talon")
    qtbot.keyClicks(dialog.question, "Quel pansement ?")
    qtbot.keyClicks(dialog.expected, "Un avis")
    with qtbot.waitSignal(dialog.directory.searched):
        qtbot.keyClicks(dialog.directory.field, "infirm")
    qtbot.keyClick(dialog.directory.field, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.directory.searched):
        qtbot.keyClicks(dialog.directory.field, "bernard")
    qtbot.keyClick(dialog.directory.field, Qt.Key.Key_Return)
    assert dialog.participants() == (NURSE.rpps, PHARMACIST.rpps)

    dialog.send()

    qtbot.waitUntil(lambda: page.threads_model.rowCount() == 1)
    qtbot.waitUntil(lambda: page.dialog is None)  # closed once stored
    qtbot.waitUntil(lambda: page.panel.view is not None)
    assert page.tabs.currentIndex() == 1
    status = page.threads_model.index(0, page.threads_model.STATE).data()
    assert status == "waiting to be sent"
    assert "Question: Quel pansement ?" in page.panel.header.text()


def test_an_incomplete_discussion_says_what_is_missing_and_keeps_what_was_typed(
        page: NetworkPage, qtbot: QtBot, monkeypatch) -> None:
    dialog = page.new_discussion()
    qtbot.keyClicks(dialog.title_field, "Sans question")
    dialog.send()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text() == "Write the question you are asking."
    assert dialog.title_field.text() == "Sans question"
    asked: list[bool] = []
    monkeypatch.setattr(dialogs, "confirm_discard", lambda _p: asked.append(True) or False)
    dialog.reject()
    assert asked == [True] and dialog.isVisible()  # kept: the user said no
    dialog.close()


def test_a_reply_is_sent_with_ctrl_enter_and_the_box_empties_once_stored(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner) -> None:
    thread = in_db(runner, qtbot, lambda db: service.open_discussion(
        db, Opening("Garde", "Qui est de garde ?"), [NURSE.rpps]))
    qtbot.waitUntil(lambda: page.threads_model.rowCount() == 1)
    page.open_thread(thread.id)
    qtbot.waitUntil(lambda: page.panel.view is not None)
    qtbot.keyClicks(page.panel.reply, "Moi samedi")
    page.send_action.trigger()  # Ctrl+Enter in the window's Network menu

    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 1)
    assert page.panel.reply.toPlainText() == ""
    text = page.panel.model.index(0).data()
    assert "Moi samedi" in text and "waiting to be sent" in text


def _answer_from_nurse(db: Database, thread_id: str, when) -> None:
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(new_id(), thread_id, REPLY, NURSE.rpps,
                                            (service.me(db),), when, body="Oui"), "1", False)


def test_the_inbox_lists_an_unread_answer_opens_it_and_counts_it_on_the_navigation(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, clock: FrozenClock) -> None:
    thread = in_db(runner, qtbot, lambda db: service.open_discussion(
        db, Opening("Garde", "Qui est de garde ?"), [NURSE.rpps]))
    with qtbot.waitSignal(page.navigation_badge, check_params_cb=lambda n: n == 1):
        in_db(runner, qtbot, lambda db: _answer_from_nurse(db, thread.id, clock.now()))
        page.refresh()
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 1)
    assert page.inbox_model.index(0, 0).data() == "Unread replies (1)"

    page.inbox.selectRow(0)
    with qtbot.waitSignal(page.navigation_badge, check_params_cb=lambda n: n == 0,
                          timeout=5000):
        page.open_inbox_item()
    assert page.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 0)
    assert not page.inbox_empty.isHidden()  # "nothing waits for you"


def test_a_reminder_is_snoozed_until_tomorrow_and_marked_done(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, clock: FrozenClock) -> None:
    in_db(runner, qtbot, lambda db: service.open_discussion(
        db, Opening("Sans réponse", "Alors ?"), [PHARMACIST.rpps]))
    clock.advance(timedelta(days=4))
    page.refresh()
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 1)
    assert page.inbox_model.index(0, 0).data() == "No answer yet"
    page.inbox.selectRow(0)
    page.snooze()
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 0)
    clock.advance(timedelta(days=1, minutes=1))
    page.refresh()
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 1)
    page.inbox.selectRow(0)
    page.mark_done()
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 0)
    page.show_done.setChecked(True)
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 1)
    assert page.inbox_model.index(0, 0).data().endswith("done")


def test_the_patient_file_lists_the_patients_discussions_with_the_decision(
        qtbot: QtBot, context: FeatureContext, runner: DbRunner, colleagues,
        patient: Patient, clock: FrozenClock) -> None:
    thread = in_db(runner, qtbot, lambda db: service.open_discussion(
        db, Opening("Retour à domicile", "Qui fait quoi ?"), [NURSE.rpps],
        patient_id=patient.id, share=True))
    in_db(runner, qtbot, lambda db: service.close_discussion(db, thread.id,
                                                             "IDE à J+2 et J+5"))
    other = new_id()
    in_db(runner, qtbot, lambda db: _other_patient_thread(db, other, clock))
    tab = DiscussionsTab(context)
    qtbot.addWidget(tab)
    tab.show()

    tab.show_patient(patient, clock.today())

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert "Decision" in tab.detail.text() and "IDE à J+2 et J+5" in tab.detail.text()
    tab.clear()
    assert tab.model.rowCount() == 0 and tab.detail.text() == ""
    tab.close()


def _other_patient_thread(db: Database, tid: str, clock: FrozenClock) -> None:
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(tid, tid, OPENING, NURSE.rpps, (service.me(db),),
                                            clock.now(), opening=Opening("Autre", "?")),
                                  "1", False)


def test_the_practitioner_edits_their_own_directory_entry_before_any_sync(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, profile: OpenProfile) -> None:
    page.tabs.setCurrentIndex(2)
    page.edit_own_entry()
    qtbot.waitUntil(lambda: page.own_entry_dialog is not None
                    and page.own_entry_dialog.isVisible())
    dialog = page.own_entry_dialog
    assert dialog is not None
    dialog.phone.setText("06 12 34 56 78")
    qtbot.keyClicks(dialog.secure_mail, "anne.martin@medecin.mssante.fr")
    dialog.accept()

    rpps = profile.practitioner.rpps
    qtbot.waitUntil(lambda: in_db(runner, qtbot, lambda db: service.directory_entry(db, rpps))
                    is not None)
    saved = in_db(runner, qtbot, lambda db: service.directory_entry(db, rpps))
    assert (saved.phone, saved.secure_mail) == ("06 12 34 56 78",
                                                "anne.martin@medecin.mssante.fr")
    pending = in_db(runner, qtbot, lambda db: db.query_one(
        "SELECT count(*) FROM outbox WHERE resource_type = 'Practitioner'")[0])
    assert pending == 1


def test_a_return_home_pathway_is_made_from_the_template_and_its_overdue_task_is_red(
        qtbot: QtBot, context: FeatureContext, runner: DbRunner, colleagues,
        patient: Patient, clock: FrozenClock) -> None:
    from PySide6.QtGui import QBrush

    from tsn_desktop.network.ui.pathway_tab import PathwayTab, TasksModel
    from tsn_desktop.patients import care_team

    in_db(runner, qtbot, lambda db: care_team.add_member(db, patient.id, NURSE.rpps,
                                                         "Claire PETIT"))
    tab = PathwayTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_patient(patient, clock.today())
    qtbot.waitUntil(lambda: not tab.empty.isHidden())

    tab.new_pathway()
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog is not None
    owners = [who.currentData() for _what, who, _day in dialog.lines]
    # The nurse of the care team gets the nursing lines, the GP (this profile) the GP's;
    # nobody in the team is a pharmacist or a surgeon yet.
    assert owners == [service_me(runner, qtbot), NURSE.rpps, "", NURSE.rpps, NURSE.rpps, ""]
    dialog.operation.setDate(dialog.operation.date().addDays(-5))
    dialog._create()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Choose who does each task" in dialog.error.text()
    for _what, who, _day in dialog.lines:
        if not who.currentData():
            who.setCurrentIndex(who.findData(NURSE.rpps))
    dialog._create()

    qtbot.waitUntil(lambda: tab.model.rowCount() == 6)
    first_dressing = next(r for r in range(6) if tab.model.task(r).what == "First dressing")
    cell = tab.model.index(first_dressing, TasksModel.STATE)
    assert cell.data().startswith("Overdue")
    assert isinstance(tab.model.index(first_dressing, 0).data(
        Qt.ItemDataRole.ForegroundRole), QBrush)
    tab.table.selectRow(first_dressing)
    qtbot.keyClicks(tab.comment, "Plaie propre")
    tab.tick(True)
    qtbot.waitUntil(lambda: tab.model.index(first_dressing, TasksModel.STATE).data()
                    .startswith("Done by"))
    assert tab.model.index(first_dressing, TasksModel.STATE).data().endswith("Plaie propre"
                                                                            " · waiting to be sent")
    assert tab.comment.text() == ""
    tab.clear()
    assert tab.model.rowCount() == 0
    tab.close()


def test_a_checklist_kept_as_template_starts_the_next_pathway(
        qtbot: QtBot, context: FeatureContext, runner: DbRunner, colleagues,
        patient: Patient, clock: FrozenClock) -> None:
    from tsn_desktop.network.ui.pathway_tab import PathwayTab
    from tsn_desktop.patients import care_team

    in_db(runner, qtbot, lambda db: care_team.add_member(db, patient.id, NURSE.rpps))
    tab = PathwayTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_patient(patient, clock.today())
    tab.new_pathway()
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog is not None
    what, who, day = dialog.lines[1]
    what.setText("Pansement et photo de la plaie")
    day.setValue(3)
    for line in dialog.lines[2:]:
        line[0].clear()  # an emptied line is left out
    dialog._keep_template()
    qtbot.waitUntil(dialog.saved.isVisible)
    dialog.reject()

    plan = in_db(runner, qtbot, lambda db: service.suggested_plan(db, patient.id))
    assert [(p.what, p.owner, p.day) for p in plan] == [
        ("Pain assessment", service_me(runner, qtbot), 1),
        ("Pansement et photo de la plaie", NURSE.rpps, 3)]
    tab.close()


def service_me(runner: DbRunner, qtbot: QtBot) -> str:
    return str(in_db(runner, qtbot, service.me))


def test_a_file_is_attached_by_its_content_sent_and_saved_only_where_the_user_says(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, tmp_path: Path,
        monkeypatch) -> None:
    from tsn_desktop.network.ui import page as page_module

    disguised = tmp_path / "ordonnance.pdf"
    disguised.write_bytes(b"MZ\x90\x00 a program")
    real = tmp_path / "plaie.png"
    real.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x01" * 300)
    thread = in_db(runner, qtbot, lambda db: service.open_discussion(
        db, Opening("Plaie", "Avis ?"), [NURSE.rpps]))
    qtbot.waitUntil(lambda: page.threads_model.rowCount() == 1)
    page.open_thread(thread.id)
    qtbot.waitUntil(lambda: page.panel.view is not None)

    monkeypatch.setattr(page_module, "choose_file", lambda _p: str(disguised))
    page.attach_file()
    assert page.panel.files == []
    assert "neither, whatever its name says" in page.panel.error.text()
    monkeypatch.setattr(page_module, "choose_file", lambda _p: str(real))
    page.attach_file()
    assert [f.name for f in page.panel.files] == ["plaie.png"]
    assert "plaie.png" in page.panel.attached.text()
    page.send_reply()
    qtbot.waitUntil(lambda: page.panel.model.rowCount() == 1)
    assert page.panel.files == [] and "📎 plaie.png" in page.panel.model.index(0).data()

    target = tmp_path / "saved" / "copie.png"
    target.parent.mkdir()
    monkeypatch.setattr(page_module, "choose_save_path", lambda _p, _n: str(target))
    page.panel.posts.setCurrentIndex(page.panel.model.index(0))
    page.save_attachments()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == real.read_bytes()


def test_a_protocol_is_published_to_chosen_colleagues_and_a_copy_saved_on_demand(
        page: NetworkPage, qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    from tsn_desktop.network.ui import page as page_module

    pdf = tmp_path / "protocole.pdf"
    pdf.write_bytes(b"%PDF-1.7\nprotocole\n%%EOF\n")
    monkeypatch.setattr(page_module, "choose_file", lambda _p: str(pdf))
    page.tabs.setCurrentIndex(3)
    dialog = page.library.publish()
    assert dialog is not None
    qtbot.keyClicks(dialog.title_field, "Protocole pansements")
    dialog._publish()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "version" in dialog.error.text()
    qtbot.keyClicks(dialog.version, "2026-1")
    with qtbot.waitSignal(dialog.directory.searched):
        qtbot.keyClicks(dialog.directory.field, "petit")
    qtbot.keyClick(dialog.directory.field, Qt.Key.Key_Return)
    assert dialog.audience() == [NURSE.rpps]
    dialog._publish()

    qtbot.waitUntil(lambda: page.library.model.rowCount() == 1)
    model = page.library.model
    assert model.index(0, model.TITLE).data() == "Protocole pansements (protocole.pdf)"
    assert model.index(0, model.AUDIENCE).data() == "Claire PETIT"
    assert "waiting to be sent" in model.index(0, model.VERSION).data()

    target = tmp_path / "copie.pdf"
    monkeypatch.setattr(page_module, "choose_save_path", lambda _p, _n: str(target))
    page.library.table.selectRow(0)
    page.library.save_copy()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == pdf.read_bytes()
