"""Free slots republished after each sync pass, through the Feature's after-sync hook:
a real sync worker, a real hub process. Faked: the worker's jitter draw (no retry here)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool

from tests.agenda.test_bookings import slots
from tests.sync.conftest import wait_for_a_finished_pass
from tsn_desktop.agenda import booking_client, service
from tsn_desktop.agenda.feature import AGENDA
from tsn_desktop.agenda.fhir import AppointmentAdapter
from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.executor import DbExecutor
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync import settings
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.client import HubClient
from tsn_desktop.sync.worker import SyncWorker, account_engine_factory

pytestmark = pytest.mark.gui


def worker_for(gp: Any, pool: QThreadPool, hooks: tuple[Any, ...]) -> tuple[Any, Any]:
    executor = DbExecutor(gp.db)
    profile_id = gp.profile.vault.profile_id
    settings.save_account(gp.db, profile_id, gp.hub_url, gp.rpps, gp.token)
    factory = account_engine_factory(
        AdapterRegistry([PatientAdapter(), AppointmentAdapter()]), profile_id, executor,
        SystemClock(), max_attempts=1)
    return SyncWorker(executor, factory, pool=pool, interval_ms=3_600_000,
                      rand=lambda: 0.0, listen=False, after_sync=hooks), executor


def test_a_sync_pass_republishes_the_free_slots_without_the_menu_action(
        make_client: Any, hub: Any, qtbot: Any) -> None:
    gp = make_client()
    booking_client.publish(gp.db, HubClient(gp.hub_url, gp.token), 7)
    first = slots(hub, gp.rpps)[0]
    start = datetime.fromisoformat(first["start"].replace("Z", "+00:00"))
    # The GP closes the first published slot here (an absence): only a republish tells
    # the portal, closures do not travel as records.
    service.add_closure(gp.db, start, start + timedelta(minutes=20), "absence")

    assert AGENDA.after_sync is not None
    pool = QThreadPool()
    worker, executor = worker_for(gp, pool, (AGENDA.after_sync,))
    try:
        wait_for_a_finished_pass(qtbot, worker)
        assert worker.status.error_kind is None
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()
    listed = slots(hub, gp.rpps)
    assert listed and all(s["status"] == "free" for s in listed)
    assert first["start"] not in {s["start"] for s in listed}  # the absence is off the portal


def test_a_failing_after_sync_hook_is_logged_by_type_and_the_pass_still_succeeds(
        make_client: Any, hub: Any, qtbot: Any, caplog: Any) -> None:
    gp = make_client()

    def broken(_run_db: Any, _client: Any) -> None:
        raise ValueError("Lucie FAURE 06 12 34 56 78")  # must not reach the log

    pool = QThreadPool()
    worker, executor = worker_for(gp, pool, (broken,))
    try:
        wait_for_a_finished_pass(qtbot, worker)
        assert worker.status.error_kind is None
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()
    assert "after-sync hook failed: ValueError" in caplog.text
    assert "FAURE" not in caplog.text
