"""The sync worker runs passes off the GUI thread through the DB executor, against the
real hub, and the status bar words what it reports. Faked: backoff sleep (none here:
the worker's retry delay uses a zero random draw) and a frozen clock for the widget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QThreadPool

from tsn_desktop.core.clock import FrozenClock, SystemClock, utc_iso
from tsn_desktop.core.executor import DbExecutor
from tsn_desktop.patients import service
from tsn_desktop.sync import settings
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import (
    NOT_CONFIGURED,
    SIGN_IN,
    SyncStatus,
    SyncWorker,
    account_engine_factory,
)

from .conftest import new_patient, registry, retrying_worker, wait_for_a_finished_pass

pytestmark = pytest.mark.gui


@pytest.fixture
def pool():
    pool = QThreadPool()
    yield pool
    pool.waitForDone(30_000)


def make_worker(client, token: str, pool: QThreadPool, qtbot) -> tuple[SyncWorker, DbExecutor]:
    """Wired as app.py does: the account and token come from the profile (no keyring
    here, so the token sits in the encrypted profile DB)."""
    profile_id = client.profile.vault.profile_id
    settings.save_account(client.db, profile_id, client.hub_url, client.rpps, token)
    executor = DbExecutor(client.db)
    factory = account_engine_factory(registry(), profile_id, executor, SystemClock(),
                                     sleep=lambda s: None, max_attempts=1)
    worker = SyncWorker(executor, factory, pool=pool, interval_ms=3_600_000,
                        debounce_ms=50, rand=lambda: 0.0, listen=False)
    return worker, executor


def test_sync_now_runs_a_pass_and_the_status_bar_says_so(make_client, pool, qtbot) -> None:
    gp = make_client()
    gp.save(new_patient())
    gp.save(new_patient(given_names="Paul"))
    worker, executor = make_worker(gp, gp.token, pool, qtbot)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    worker.status_changed.connect(widget.set_status)
    try:
        wait_for_a_finished_pass(qtbot, worker)
        assert worker.status.pending == 0
        assert worker.status.error_kind is None
        assert widget.text() == "Synced just now"
        assert widget.button.isEnabled()
        assert widget.button.accessibleName() == "Sync now"

        # A local save is pushed shortly after, without the user asking.
        saved = executor.call(  # the executor owns the connection now
            lambda db: service.save(db, new_patient(given_names="Jeanne")).patient)
        with qtbot.waitSignal(worker.status_changed,
                              check_params_cb=lambda s: s.pending == 1, timeout=10_000):
            worker.local_change()
        with qtbot.waitSignal(worker.status_changed,
                              check_params_cb=lambda s: s.pending == 0 and not s.running,
                              timeout=20_000):
            pass
        assert executor.call(lambda db: db.query(
            "SELECT hub_version FROM patient WHERE id = ?", (saved.id,))) == [("1",)]
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()


def test_a_revoked_token_asks_to_sign_in_and_stops_retrying(make_client, pool, qtbot,
                                                            caplog) -> None:
    gp = make_client()
    gp.save(new_patient())
    worker, executor = make_worker(gp, "revoked-token", pool, qtbot)
    try:
        with qtbot.waitSignal(worker.sign_in_required, timeout=20_000):
            worker.start()
        assert worker.status.error_kind == SIGN_IN
        qtbot.waitUntil(lambda: worker.status.pending == 1, timeout=5_000)
        assert not worker._timer.isActive()
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()


def test_without_an_account_the_status_says_so(make_client, pool, qtbot) -> None:
    gp = make_client()
    executor = DbExecutor(gp.db)
    factory = account_engine_factory(registry(), gp.profile.vault.profile_id, executor,
                                     SystemClock())
    worker = SyncWorker(executor, factory, pool=pool, listen=False)
    try:
        with qtbot.waitSignal(worker.status_changed,
                              check_params_cb=lambda s: s.error_kind == NOT_CONFIGURED,
                              timeout=10_000):
            worker.start()
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()


def test_status_text_counts_pending_conflicts_and_refused(qtbot) -> None:
    clock = FrozenClock(datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    widget = SyncStatusWidget(clock)
    qtbot.addWidget(widget)
    assert widget.text() == "Never synced"
    two_min_ago = utc_iso(clock.now() - timedelta(minutes=2))
    widget.set_status(SyncStatus(last_sync_at=two_min_ago, pending=3, conflicts=1))
    assert widget.text() == "Synced 2 min ago · 3 pending · 1 conflict(s)"
    widget.set_status(SyncStatus(running=True, parked=2))
    assert widget.text() == "Syncing… · 2 refused by the hub"
    assert not widget.button.isEnabled()
    widget.set_status(SyncStatus(last_sync_at=two_min_ago, error_kind="offline",
                                 error_reason="the hub did not answer in time"))
    assert widget.text() == "Synced 2 min ago · hub unreachable, will retry"
    assert widget.toolTip() == "the hub did not answer in time"
    with qtbot.waitSignal(widget.sync_requested, timeout=1000):
        widget.set_status(SyncStatus())
        widget.button.click()


def test_a_failed_pass_is_retried_in_the_background(make_client, hub, pool, qtbot, caplog) -> None:
    from .fault_proxy import FaultProxy

    proxy = FaultProxy(hub.url)
    gp = make_client(hub_url=proxy.url)
    gp.save(new_patient())
    proxy.then("503:0", path="/sync/v1/meta")
    worker, executor = retrying_worker(gp, proxy.url, pool)
    seen: list[SyncStatus] = []
    worker.status_changed.connect(seen.append)
    try:
        wait_for_a_finished_pass(qtbot, worker)
        assert any(s.error_kind == "offline" for s in seen)
        assert worker.status.error_kind is None and worker.status.pending == 0
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()
        proxy.close()


def test_hub_account_dialog_saves_the_account_and_refuses_plain_http(make_client, qtbot):
    from tsn_desktop.core.executor import DbRunner
    from tsn_desktop.sync.ui.account import HubAccountDialog

    gp = make_client()
    executor = DbExecutor(gp.db)
    runner = DbRunner(executor)
    pid = gp.profile.vault.profile_id
    dialog = HubAccountDialog(runner, pid, gp.rpps)
    qtbot.addWidget(dialog)
    try:
        dialog.url.setText("http://hub.sante.example")
        dialog.token.setText("secret")
        dialog.save()
        assert dialog.error.text() == "The hub address must start with https://"
        dialog.url.setText("https://hub.sante.example/")
        with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
            dialog.save()
        assert saved.args == [False]   # no keyring here: the encrypted profile keeps it
        account = executor.call(settings.load_account)
        assert (account.hub_url, account.rpps) == ("https://hub.sante.example", gp.rpps)
        assert executor.call(lambda db: settings.load_token(db, pid)) == "secret"
    finally:
        dialog.close()
        executor.shutdown()


def test_the_idle_long_poll_brings_a_colleagues_change_without_sync_now(
        make_client, pool, qtbot) -> None:
    from dataclasses import replace

    from tsn_desktop.patients import store

    from .conftest import share

    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    patient = gp.save(new_patient())
    gp.sync()
    share(gp, patient.id, nurse)
    pid = nurse.profile.vault.profile_id
    settings.save_account(nurse.db, pid, nurse.hub_url, nurse.rpps, nurse.token)
    executor = DbExecutor(nurse.db)
    worker = SyncWorker(executor, account_engine_factory(registry(), pid, executor,
                                                         SystemClock()),
                        pool=pool, interval_ms=3_600_000, listen=True)
    try:
        wait_for_a_finished_pass(qtbot, worker)
        qtbot.wait(300)  # the listener is now waiting on the hub
        gp.save(replace(store.get(gp.db, patient.id), phone="06 31 31 31 31"))
        gp.sync()
        qtbot.waitUntil(lambda: executor.call(
            lambda db: store.get(db, patient.id).phone) == "06 31 31 31 31", timeout=15_000)
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()
