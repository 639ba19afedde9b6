"""The whole path a practitioner sees: two demo practices (a GP and a home-visit nurse)
wired to a real hub process, a patient recorded on one, "Sync now" on both, and the
patient is in the other's register. Real SQLCipher profiles, real Qt windows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tsn_desktop.app import TsnApp
from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.settings import Settings
from tsn_desktop.demo import DEMO_PASSPHRASE, DEMO_PRACTITIONERS, build_demo
from tsn_desktop.patients import care_team, service, store
from tsn_desktop.patients.model import Patient
from tsn_desktop.sync.ui.account import HubAccountDialog

from .conftest import HubProcess, new_patient

pytestmark = pytest.mark.gui


@pytest.fixture
def open_demo(qapp: QApplication, tmp_path: Path) -> Iterator:
    sessions: list[TsnApp] = []

    def start(who: str, hub: HubProcess | None = None,
              patients: int = 3) -> tuple[TsnApp, str | None]:
        """A demo practice opened in the app; with `hub`, its account set up there."""
        token = None
        if hub is not None:
            token = hub_token(hub, who)
        basedir = tmp_path / who
        basedir.mkdir()
        clock = SystemClock()  # the hub's clock is the real one too
        opened = build_demo(basedir, clock, patients=patients, who=who,
                            hub_url=hub.url if hub is not None else None, hub_token=token)
        session = TsnApp(qapp, basedir, Settings(basedir), clock,
                         demo_passphrase=DEMO_PASSPHRASE)
        sessions.append(session)
        session.enter(opened)
        return session, token

    yield start
    for session in sessions:
        session.close()


def hub_token(hub: HubProcess, who: str) -> str:
    """The demo practitioner's account on the hub, as `tsn-hub create-practitioner` makes."""
    practitioner = DEMO_PRACTITIONERS[who]
    return hub.create_practitioner(practitioner.rpps, practitioner.display_name,
                                   practitioner.profession)


def _synced(session: TsnApp) -> bool:
    status = session.sync_worker.status
    return (not status.running and status.error_kind is None
            and status.last_sync_at is not None and status.pending == 0)


def _has(session: TsnApp, patient_id: str) -> Patient | None:
    return session.executor.call(lambda db: store.get(db, patient_id))


def test_a_patient_recorded_by_the_gp_reaches_the_nurse_on_sync_now(qtbot, private_hub,
                                                                    open_demo) -> None:
    gp, gp_token = open_demo("gp", private_hub)
    nurse, _ = open_demo("nurse", private_hub)
    # Both push their demo patients at unlock, by themselves.
    qtbot.waitUntil(lambda: _synced(gp) and _synced(nurse), timeout=30_000)
    assert "Synchronisé" in gp.sync_status.text() or "Synced" in gp.sync_status.text()

    saved = gp.executor.call(lambda db: service.save(db, new_patient(
        given_names="Apolline", birth_name="VERNIER")).patient)
    gp.sync_status.button.click()  # "Sync now" does not wait for the debounced push
    qtbot.waitUntil(lambda: private_hub.fhir(gp_token, "Patient", saved.id).status_code == 200,
                    timeout=30_000)
    nurse_rpps = nurse.practitioner.rpps
    gp.executor.call(lambda db: care_team.add_member(db, saved.id, nurse_rpps, "Claire Démo"))
    gp.sync_status.button.click()  # the care team goes to the hub
    qtbot.waitUntil(lambda: _synced(gp), timeout=30_000)

    # The nurse's idle listener may already have fetched it; "Sync now" makes sure.
    nurse.sync_status.button.click()
    qtbot.waitUntil(lambda: _has(nurse, saved.id) is not None, timeout=30_000)

    page = nurse.window.page_widgets["patients"]
    qtbot.keyClicks(page.search, "vernier")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    assert _has(nurse, saved.id).given_names == "Apolline"
    # A hub copy is not a local change: nothing for the nurse to push back.
    assert nurse.sync_worker.status.pending == 0


def test_without_a_hub_account_the_status_says_so_and_where_to_set_it(qtbot,
                                                                     open_demo) -> None:
    session, _ = open_demo("gp", patients=1)
    qtbot.waitUntil(lambda: session.sync_worker.status.error_kind is not None, timeout=10_000)
    assert "Hub account" in session.sync_status.text()


def test_locking_stops_sync_and_unlocking_restarts_it(qtbot, private_hub, open_demo) -> None:
    gp, token = open_demo("gp", private_hub)
    qtbot.waitUntil(lambda: _synced(gp), timeout=30_000)
    gp.lock()
    assert not gp.sync_status.isEnabled()
    assert not gp.window.sync_now_action.isEnabled()
    gp.unlock_dialog.passphrase.setText(DEMO_PASSPHRASE)
    gp.unlock_dialog.try_unlock()
    qtbot.waitUntil(lambda: not gp.locked, timeout=10_000)
    assert gp.sync_status.isEnabled()
    qtbot.waitUntil(lambda: _synced(gp), timeout=30_000)  # the pass unlocking starts
    saved = gp.executor.call(lambda db: service.save(db, new_patient()).patient)
    # The save after unlock is pushed by itself (debounced local change), no click.
    qtbot.waitUntil(lambda: private_hub.fhir(token, "Patient", saved.id).status_code == 200,
                    timeout=30_000)


def test_setting_up_the_hub_account_from_the_menu_starts_syncing(qtbot, private_hub,
                                                                 open_demo) -> None:
    session, _ = open_demo("gp", patients=2)
    token = hub_token(private_hub, "gp")
    qtbot.waitUntil(lambda: session.sync_worker.status.error_kind is not None, timeout=10_000)
    session.window.hub_account_action.trigger()
    qtbot.waitUntil(lambda: session.hub_dialog is not None, timeout=5_000)
    dialog = session.hub_dialog
    assert dialog.url.accessibleName() and dialog.token.accessibleName()
    dialog.url.setText("http://hub.example.org")  # plain HTTP off this computer
    dialog.token.setText(token)
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "https://" in dialog.error.text()
    dialog.url.setText(private_hub.url)
    dialog.save()
    qtbot.waitUntil(lambda: session.hub_dialog is None, timeout=5_000)
    qtbot.waitUntil(lambda: _synced(session), timeout=30_000)
    ids = session.executor.call(lambda db: [r[0] for r in db.query("SELECT id FROM patient")])
    assert len(ids) == 2
    for patient_id in ids:  # the demo patients are on the hub now
        assert private_hub.fhir(token, "Patient", patient_id).status_code == 200


def test_a_conflict_shows_a_review_button_that_opens_the_review(qtbot, private_hub,
                                                                open_demo, caplog) -> None:
    gp, _ = open_demo("gp", private_hub)
    nurse, _ = open_demo("nurse", private_hub)
    qtbot.waitUntil(lambda: _synced(gp) and _synced(nurse), timeout=30_000)
    saved = gp.executor.call(lambda db: service.save(db, new_patient()).patient)
    nurse_rpps = nurse.practitioner.rpps
    gp.executor.call(lambda db: care_team.add_member(db, saved.id, nurse_rpps))
    gp.sync_status.button.click()
    qtbot.waitUntil(lambda: _synced(gp), timeout=30_000)
    nurse.sync_status.button.click()
    qtbot.waitUntil(lambda: _has(nurse, saved.id) is not None, timeout=30_000)

    # Both change the phone number offline; the nurse syncs first (the GP's laptop is
    # off the network until then: its worker is stopped so no automatic pass runs).
    gp.sync_worker.stop()
    qtbot.waitUntil(lambda: not gp.sync_worker.status.running, timeout=30_000)
    for session, phone in ((nurse, "06 11 11 11 11"), (gp, "06 22 22 22 22")):
        session.executor.call(lambda db, p=phone: service.save(
            db, replace(store.get(db, saved.id), phone=p)))
    nurse.sync_status.button.click()
    qtbot.waitUntil(lambda: _synced(nurse), timeout=30_000)
    assert not gp.sync_status.review_button.isVisibleTo(gp.window)
    gp.sync_worker.start()  # back online: a pass at once
    qtbot.waitUntil(lambda: gp.sync_worker.status.conflicts == 1, timeout=30_000)
    assert gp.sync_status.review_button.isVisibleTo(gp.window)

    gp.sync_status.review_button.click()
    assert gp.review_dialog is not None and gp.review_dialog.isVisible()
    gp.lock()  # the review shows patient data: it goes with the lock
    assert gp.review_dialog is None


def test_the_hub_account_is_reached_from_the_settings(qtbot, open_demo) -> None:
    session, _ = open_demo("gp", patients=1)
    session.show_settings()
    settings = session.settings_dialog
    assert settings.hub_account.accessibleName()
    settings.hub_account.click()
    settings.hub_account.click()  # impatient double click: still one dialog
    qtbot.waitUntil(lambda: session.hub_dialog is not None, timeout=5_000)
    assert session.hub_dialog.parent() is settings
    qtbot.wait(200)
    assert len([w for w in settings.children() if isinstance(w, HubAccountDialog)]) == 1


def test_the_nurses_open_list_shows_a_shared_patient_when_it_arrives(qtbot, private_hub,
                                                                     open_demo) -> None:
    """The "records changed" signal covers pulls: no new search needed to see it."""
    gp, _ = open_demo("gp", private_hub)
    nurse, _ = open_demo("nurse", private_hub)
    qtbot.waitUntil(lambda: _synced(gp) and _synced(nurse), timeout=30_000)
    page = nurse.window.page_widgets["patients"]
    qtbot.keyClicks(page.search, "vernier")  # searched before the patient exists here
    qtbot.waitUntil(lambda: page.search_finished is not None and not page.model.rowCount()
                    and page.results.currentWidget() is page.empty, timeout=5_000)

    saved = gp.executor.call(lambda db: service.save(db, new_patient(
        given_names="Apolline", birth_name="VERNIER")).patient)
    nurse_rpps = nurse.practitioner.rpps
    gp.executor.call(lambda db: care_team.add_member(db, saved.id, nurse_rpps, "Claire Démo"))
    gp.sync_status.button.click()
    qtbot.waitUntil(lambda: _synced(gp), timeout=30_000)
    nurse.sync_status.button.click()

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=30_000)
    assert page.selected_patient().id == saved.id
