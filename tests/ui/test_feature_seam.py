"""Adding a feature is a folder plus one line: the throw-away feature of
tests/throwaway_feature, handed to the app and to nothing else, shows up in the window, the
patient file, the settings, sync review, the database and the demo practice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.patients.factories import make_patient
from tests.throwaway_feature import LEVEL, RESOURCE, THROWAWAY, ThrowawayPage, ThrowawayTab
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.demo import build_demo
from tsn_desktop.features import FEATURES
from tsn_desktop.patients import service
from tsn_desktop.patients.ui.page import PatientsPage
from tsn_desktop.sync.ui.review import CombinedReview

from .conftest import SessionFactory, first_run

pytestmark = pytest.mark.gui
WITH_THROWAWAY = (*FEATURES, THROWAWAY)


def test_a_new_feature_plugs_into_window_file_settings_sync_and_database(
        qtbot, make_session: SessionFactory, french: object) -> None:
    session = first_run(make_session, features=WITH_THROWAWAY)
    window = session.window
    assert window is not None and session.executor is not None

    # Navigation: its page after the others, reachable like them.
    assert window.page_names[-1] == "throwaway"
    assert window.navigation.item(len(window.page_names) - 1).text() == "Throwaway"
    window.show_page("throwaway")
    assert isinstance(window.pages.currentWidget(), ThrowawayPage)

    # Its migration ran on the new profile, on the app's one number line.
    assert session.executor.call(lambda db: db.query(
        "SELECT name FROM schema_version WHERE version = 900")) == [("0900_throwaway.sql",)]

    # The patient file has its tab, told which patient is open and cleared on lock.
    patient = session.executor.call(lambda db: service.save(db, make_patient())).patient
    page = window.page_widgets["patients"]
    assert isinstance(page, PatientsPage)
    with qtbot.waitSignal(page.patient_opened, timeout=5_000):
        page.open_patient(patient.id)
    tab = page.file_view.tab(ThrowawayTab)
    assert page.file_view.tab_title(ThrowawayTab) == "Throwaway tab"
    assert tab.shown == patient.id
    session.lock()
    assert tab.shown is None

    # Sync knows its resource type and the review words its conflicts.
    assert session.registry.get(RESOURCE) is not None
    assert RESOURCE in session.registry.types() and "Patient" in session.registry.types()


def test_its_option_is_declared_and_its_settings_page_writes_it(
        qtbot, make_session: SessionFactory, french: object) -> None:
    session = first_run(make_session, features=WITH_THROWAWAY)
    session.show_settings()
    dialog = session.settings_dialog
    assert dialog is not None
    [page] = [p for p in dialog.feature_pages if hasattr(p, "level")]  # the throwaway's
    page.level.setValue(4)  # type: ignore[attr-defined]
    dialog.accept()
    assert session.settings.get(LEVEL) == 4
    QApplication.processEvents()


def test_the_sync_review_asks_each_feature_in_turn() -> None:
    describer = CombinedReview([f.review() for f in WITH_THROWAWAY if f.review])
    assert describer.compare(RESOURCE, {"text": "mine"}, {"text": "hub"}) == [
        ("Note", "mine", "hub")]
    assert describer.compare("Patient", None, None) is not None  # the register's own rows


def test_the_demo_practice_gets_its_demo_data(tmp_path: Path, clock: FrozenClock) -> None:
    opened = build_demo(tmp_path, clock, patients=2, who="nurse", features=WITH_THROWAWAY)
    try:
        assert opened.db.query("SELECT body FROM throwaway_note") == [("nurse",)]
        assert opened.db.query_one("SELECT count(*) FROM patient")[0] >= 2
    finally:
        opened.db.close()


def test_leaving_a_file_whose_tab_holds_unsaved_typing_asks_first(
        qtbot, make_session: SessionFactory, french: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tsn_desktop.patients.ui import patient_file

    session = first_run(make_session, features=WITH_THROWAWAY)
    window = session.window
    assert window is not None and session.executor is not None
    patient = session.executor.call(lambda db: service.save(db, make_patient())).patient
    page = window.page_widgets["patients"]
    assert isinstance(page, PatientsPage)
    with qtbot.waitSignal(page.patient_opened, timeout=5_000):
        page.open_patient(patient.id)
    tab = page.file_view.tab(ThrowawayTab)
    monkeypatch.setattr(tab, "has_unsaved", lambda: True)
    answers: list[bool] = [False]
    monkeypatch.setattr(patient_file, "confirm_discard", lambda _parent: answers.pop())
    page.leave_file()
    assert page.stack.currentWidget() is page.file_view  # "Cancel": the typing stays
    answers.append(True)
    page.leave_file()
    assert page.stack.currentWidget() is page.register
