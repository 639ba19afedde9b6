"""The network inbox lists what the other features need from the practitioner — a
vaccination recall to try again, an urgent reading alert — with real widgets over a real
SQLCipher profile: opening the patient, snoozing until tomorrow (the clock is faked),
marking done, the navigation count, the filter; the other features' data stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.patients.factories import make_patient
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import INBOX_READING_ALERT, INBOX_RECALL, FeatureContext
from tsn_desktop.network import service
from tsn_desktop.network.ui.models import InboxModel
from tsn_desktop.network.ui.page import NetworkPage
from tsn_desktop.patients import service as patients
from tsn_desktop.readings import pathways_store
from tsn_desktop.readings import service as readings
from tsn_desktop.readings.feature import READINGS
from tsn_desktop.readings.model import BLOOD_PRESSURE, Reading
from tsn_desktop.vaccination import practice_service
from tsn_desktop.vaccination.feature import VACCINATION

pytestmark = pytest.mark.gui


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def context(runner: DbRunner, profile: OpenProfile, clock: FrozenClock, tmp_path: Path,
            opened: list[str]) -> FeatureContext:
    profile.db.commit_listener = runner.committed
    return FeatureContext(runner=runner, clock=clock, settings=Settings(tmp_path / "s"),
                          practitioner=profile.practitioner,
                          features=(VACCINATION, READINGS), open_patient=opened.append)


@pytest.fixture
def recalled(db: Database, clock: FrozenClock) -> str:
    """A patient recalled by phone a week ago for MMR, to try again today."""
    pid = patients.save(db, make_patient(birth_name="Moreau", given_names="Lina",
                                         ins="", birth_date=date(2024, 1, 5))).patient.id
    today = clock.today()
    practice_service.record_recalls(db, [pid], "ROR", "phone", today - timedelta(days=7),
                                    today, today, "10000000000")
    return pid


@pytest.fixture
def severe(db: Database, clock: FrozenClock) -> str:
    """A patient whose blood pressure came in at 186/114 this morning (an urgent alert)."""
    pid = patients.save(db, make_patient(birth_name="Garnier", given_names="Paul",
                                         ins="", birth_date=date(1950, 6, 1))).patient.id
    readings.store_import(db, pid, [Reading(BLOOD_PRESSURE, clock.now() - timedelta(hours=1),
                                            186.0, 114.0)])
    return pid


@pytest.fixture
def page(qtbot: QtBot, context: FeatureContext, recalled: str, severe: str
         ) -> Iterator[NetworkPage]:
    widget = NetworkPage(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget
    widget.close()


def _kinds(model: InboxModel) -> list[str]:
    return [model.row_item(r).item.kind for r in range(model.rowCount())]  # type: ignore[union-attr]


def test_a_recall_due_today_and_an_urgent_reading_alert_wait_in_the_inbox_and_open_the_file(
        page: NetworkPage, qtbot: QtBot, recalled: str, severe: str, opened: list[str],
        qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 2)
    qtmodeltester.check(page.inbox_model)
    model = page.inbox_model
    assert _kinds(model) == [INBOX_READING_ALERT, INBOX_RECALL]  # the urgent one first
    assert model.index(0, InboxModel.KIND).data() == "Reading alert to acknowledge"
    assert "186/114 mmHg" in model.index(0, InboxModel.TITLE).data()
    assert model.index(0, InboxModel.PATIENT).data() == "GARNIER Paul"
    assert model.index(1, InboxModel.KIND).data() == "Vaccination recall to try again"
    assert model.index(1, InboxModel.TITLE).data() == "ROR"
    assert model.index(1, InboxModel.PATIENT).data() == "MOREAU Lina"
    assert model.index(1, InboxModel.DUE).data()  # today

    page.inbox.selectRow(1)
    page.open_inbox_item()
    assert opened == [recalled]
    page.inbox.selectRow(0)
    page.open_inbox_item()
    assert opened == [recalled, severe]

    # The filter keeps one kind.
    page.inbox_filter.setCurrentIndex(page.inbox_filter.findData(INBOX_RECALL))
    qtbot.waitUntil(lambda: _kinds(page.inbox_model) == [INBOX_RECALL])


def test_the_navigation_count_includes_the_other_features_entries(
        qtbot: QtBot, context: FeatureContext, recalled: str, severe: str) -> None:
    widget = NetworkPage(context)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.navigation_badge, check_params_cb=lambda n: n == 2):
        widget.show()
    widget.close()


def test_snooze_hides_a_recall_until_tomorrow_and_done_hides_an_alert_for_good(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, db: Database,
        clock: FrozenClock) -> None:
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 2)
    page.inbox.selectRow(1)  # the recall
    with qtbot.waitSignal(page.navigation_badge, check_params_cb=lambda n: n == 1):
        page.snooze()
    assert _kinds(page.inbox_model) == [INBOX_READING_ALERT]

    page.inbox.selectRow(0)  # the alert
    with qtbot.waitSignal(page.navigation_badge, check_params_cb=lambda n: n == 0):
        page.mark_done()
    assert page.inbox_model.rowCount() == 0

    clock.advance(timedelta(days=1, minutes=1))  # tomorrow: the recall is back, not the alert
    with qtbot.waitSignal(page.navigation_badge, check_params_cb=lambda n: n == 1):
        page.refresh()
    assert _kinds(page.inbox_model) == [INBOX_RECALL]
    assert page.inbox_model.row_item(0).item.important  # type: ignore[union-attr]  # now late

    # The inbox kept its own marks: the alert is still to acknowledge on the Readings page
    # and the recall still stands.
    assert [a.severity for a in pathways_store.practice_alerts(db)] == ["urgent"]
    assert len(practice_service.recalls_to_try_again(db, clock.today())) == 1
    page.show_done.setChecked(True)
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 2)


def test_a_later_recall_replaces_the_earlier_and_a_future_try_again_date_waits(
        db: Database, clock: FrozenClock, recalled: str) -> None:
    today = clock.today()
    assert [r.patient_id for r, _n in practice_service.recalls_to_try_again(db, today)] \
        == [recalled]
    practice_service.record_recalls(db, [recalled], "ROR", "letter", today,
                                    today + timedelta(days=14), today, "10000000000")
    assert practice_service.recalls_to_try_again(db, today) == []
    assert service.inbox(db, 10, providers=[VACCINATION.inbox_items]) == []  # type: ignore[list-item]


def test_a_recall_noted_on_the_vaccinations_page_reaches_the_open_inbox_by_itself(
        page: NetworkPage, qtbot: QtBot, runner: DbRunner, db: Database,
        clock: FrozenClock) -> None:
    """The recall is kept here only (never synced): its save still tells the open inbox,
    as a dose or an alert does, without asking for a sync."""
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 2)
    pid = patients.save(db, make_patient(birth_name="Roux", given_names="Tom", ins="",
                                         birth_date=date(2023, 3, 1))).patient.id
    today = clock.today()
    heard = []
    runner.records_changed.connect(heard.append)
    runner.run(lambda d: practice_service.record_recalls(
        d, [pid], "ROR", "letter", today - timedelta(days=30), today, today, "10000000000"))
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 3, timeout=10_000)
    (told,) = [change for change in heard if change.kept]
    assert told.kept[0][0] == "VaccinationRecall"
    assert not told.local  # nothing queued for the hub: no sync asked for
