"""Runs sync passes off the GUI thread and tells the GUI where sync stands.

Started on unlock and by "Sync now"; passes repeat on a timer, run soon after a local
save, and at once when the idle long-poll sees hub changes; failures are retried
in the background with full-jitter backoff (Retry-After honoured by the client), a
401 stops retries and asks the user to sign in. The pass itself runs in a QRunnable
and reaches the database only through the single DB executor.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.core.tasks import BackgroundTasks
from tsn_desktop.sync import psc, settings
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.client import (
    AuthRequired,
    Backoff,
    HubClient,
    HubError,
    RequestRefused,
    ResyncRequired,
)
from tsn_desktop.sync.engine import (
    SyncCounts,
    SyncEngine,
    read_counts,
    read_cursor,
    record_error,
)
from tsn_desktop.sync.protocol import API, PassReport, ProtocolError, parse_pull

log = logging.getLogger(__name__)
T = TypeVar("T")


class Executor(Protocol):
    """core.executor.DbExecutor, or the lock's SuspendableExecutor."""

    def submit(self, fn: Callable[[Database], T]) -> Future[T]: ...

    def call(self, fn: Callable[[Database], T], timeout: float | None = 60) -> T: ...


EngineFactory = Callable[[], "SyncEngine | None"]


def account_engine_factory(registry: AdapterRegistry, profile_id: str, executor: Executor,
                           clock: Clock, **client_options: Any) -> EngineFactory:
    """What app.py hands to SyncWorker. Runs on the worker's thread: reads the hub
    account through the DB executor, the token from the profile, the Pro Santé Connect
    sign-in or the OS keyring, and builds an engine (None while no account is set up;
    AuthRequired when one is but nothing signs it in)."""

    def factory() -> SyncEngine | None:
        def read(db: Database) -> tuple[settings.SyncAccount | None, str | None]:
            found = settings.load_account(db)
            in_db = db.query_one("SELECT token FROM sync_account WHERE id = 1")
            return found, (in_db[0] if in_db and in_db[0] else None)

        account, token = executor.call(read)
        if account is None:
            return None
        if token is None:  # a Pro Santé Connect sign-in, refreshed when it runs out
            token = psc.access_token(profile_id, account.hub_url)
        if token is None:
            token = settings.keyring_token(profile_id, account.hub_url)
        if token is None:
            # An account without a token (none kept after a 401, or a PSC sign-in that
            # had no keyring to outlive the last run): the practitioner signs in again.
            raise AuthRequired("sign in to the hub again", 401)
        return SyncEngine(HubClient(account.hub_url, token, **client_options), registry,
                          executor.call, clock)

    return factory


# Error kinds the status widget words (in the user's language).
OFFLINE = "offline"
SIGN_IN = "sign_in"
REFUSED = "refused"
UNREADABLE = "unreadable"
NOT_CONFIGURED = "not_configured"
INTERNAL = "internal"
# The hub answers the same request with the same server error pass after pass (say, a
# record it cannot serve on this pull page): retrying alone will not fix it.
HUB_FAILING = "hub_failing"
HUB_FAILING_AFTER = 3


@dataclass(frozen=True)
class SyncStatus:
    running: bool = False
    last_sync_at: str | None = None   # UTC ISO, as stored
    pending: int = 0
    parked: int = 0
    conflicts: int = 0
    error_kind: str | None = None
    error_reason: str | None = None   # plain words from the client, no data
    clock_skew: bool = False


def classify(exc: BaseException) -> tuple[str, bool]:
    """(error kind, retry in the background?) for a failed pass."""
    if isinstance(exc, AuthRequired):
        return SIGN_IN, False
    if isinstance(exc, RequestRefused):
        return REFUSED, False  # the same request would be refused again: no fast retry
    if isinstance(exc, HubError):
        return OFFLINE, True
    if isinstance(exc, ProtocolError):
        return UNREADABLE, True
    return INTERNAL, True


def _failure_signature(exc: BaseException) -> str | None:
    """Which request failed and how, for a server error answered by the hub itself;
    None for network failures and anything else (those are "unreachable")."""
    if isinstance(exc, HubError) and exc.failed_at and exc.status and exc.status >= 500:
        return f"{exc.failed_at} {exc.status}"
    return None


class _Signals(QObject):
    counts = Signal(object)     # SyncCounts
    news = Signal()             # the listener saw hub changes
    sign_in = Signal()          # the listener got a 401


AfterSync = Callable[[Callable[[Callable[[Database], Any]], Any], HubClient], None]


def _run_pass(factory: EngineFactory,
              after_sync: tuple[AfterSync, ...] = ()) -> PassReport | None:
    """Off the GUI thread: builds the engine (account and token) and runs one pass, then
    the features' after-sync hooks; None when sync is not configured."""
    engine = factory()
    try:
        if engine is None:
            return None
        report = engine.run_pass()
        for hook in after_sync:
            try:
                hook(engine.run_db, engine.client)
            except Exception as exc:  # a feature's extra never fails the pass
                log.warning("after-sync hook failed: %s", type(exc).__name__)
        return report
    finally:
        if engine is not None:
            engine.client.close()


class _HubListener:
    """Idle long-poll (protocol §11.4): waits on `pull?wait=25` from the stored cursor
    and, when the hub has news, asks the worker for a pass. It applies nothing itself,
    so it never races the pass; a daemon thread, so a 25 s wait never holds up quit."""

    WAIT_SECONDS = 25

    def __init__(self, factory: EngineFactory, executor: Executor,
                 news: Callable[[], None], stopped_for_sign_in: Callable[[], None],
                 backoff: Backoff, rand: Callable[[], float]) -> None:
        self._factory = factory
        self._executor = executor
        self._news = news
        self._sign_in = stopped_for_sign_in
        self._backoff = backoff
        self._rand = rand
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tsn-sync-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                had_news = self._listen_once()
                failures = 0
                if had_news:
                    self._news()
                    self._stop.wait(2.0)  # let the pass move the cursor on
            except AuthRequired:
                self._sign_in()
                return
            except Exception as exc:  # noqa: BLE001 - offline, locked, hub down: wait, retry
                failures += 1
                log.debug("hub listener: %s", type(exc).__name__)
                self._stop.wait(self._backoff.delay(failures, self._rand))

    def _listen_once(self) -> bool:
        engine = self._factory()
        if engine is None:
            self._stop.wait(30.0)
            return False
        try:
            cursor = self._executor.call(read_cursor)
            if not cursor:
                self._stop.wait(1.0)  # the first pass has not pulled yet
                return False
            engine.client.max_attempts = 1
            answer = engine.client.get(
                API + "/pull", params={"cursor": cursor, "limit": 1,
                                       "wait": self.WAIT_SECONDS},
                read_timeout=engine.client.timeout[1] + self.WAIT_SECONDS)
            return bool(parse_pull(answer).changes)
        except ResyncRequired:
            return True  # the pass takes the snapshot
        finally:
            engine.client.close()


class SyncWorker(QObject):
    """GUI-thread object; `status_changed` carries a SyncStatus after every change."""

    status_changed = Signal(object)
    sign_in_required = Signal()

    def __init__(self, executor: Executor,
                 engine_factory: EngineFactory, *,
                 pool: QThreadPool | None = None, interval_ms: int = 120_000,
                 debounce_ms: int = 3_000, listen: bool = True,
                 backoff: Backoff | None = None, rand: Callable[[], float] = random.random,
                 after_sync: tuple[AfterSync, ...] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._after_sync = after_sync  # the features' hooks, after each successful pass
        self._executor = executor
        # Called on the pool thread before each pass (see account_engine_factory).
        self._engine_factory = engine_factory
        self._pool = pool or QThreadPool.globalInstance()
        self._backoff = backoff or Backoff()
        self._rand = rand
        # Passes run through the app's background-task helper, on the sync pool.
        self._tasks = BackgroundTasks(self, pool=self._pool)
        self._signals = _Signals(self)
        self._signals.counts.connect(self._on_counts)
        self._signals.news.connect(self._on_news)
        self._signals.sign_in.connect(self._on_listener_sign_in)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        # Local saves come in bursts (a form, an import): one pass shortly after the last.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.sync_now)
        self._interval_ms = interval_ms
        self._listen = listen
        self._listener: _HubListener | None = None
        self._failures = 0
        self._same_failure: tuple[str | None, int] = (None, 0)  # (signature, times in a row)
        self._active = False
        self._again = False
        self.status = SyncStatus()

    # --- control -------------------------------------------------------------------------
    def start(self) -> None:
        """On unlock: sync at once, then on the timer."""
        self._active = True
        self.sync_now()
        if self._listen and self._listener is None:
            self._listener = _HubListener(
                self._engine_factory, self._executor, self._signals.news.emit,
                self._signals.sign_in.emit, self._backoff, self._rand)
            self._listener.start()

    def stop(self) -> None:
        """On lock or quit: no new pass (a running one finishes; it is crash-safe anyway)."""
        self._active = False
        self._timer.stop()
        self._debounce.stop()
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def local_change(self) -> None:
        """A record was saved here: push it soon (app.py connects saves to this)."""
        self.refresh()
        if self._active and self.status.error_kind != SIGN_IN:
            self._debounce.start()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def sync_now(self) -> None:
        if self.status.running:
            self._again = True  # one more pass right after this one
            return
        self._timer.stop()
        self._set(replace(self.status, running=True))
        factory, hooks = self._engine_factory, self._after_sync
        self._tasks.start(lambda _control: _run_pass(factory, hooks),
                          on_success=self._on_finished, on_failure=self._on_failed)

    def refresh(self) -> None:
        """Re-reads the counts (after a local save, say) without syncing."""
        def done(future: Future[SyncCounts]) -> None:
            if future.cancelled():
                return  # the session closed with it still queued
            if future.exception() is None:
                self._signals.counts.emit(future.result())
            else:
                log.warning("sync counts unavailable: %s", type(future.exception()).__name__)

        self._executor.submit(read_counts).add_done_callback(done)

    # --- results (GUI thread) ----------------------------------------------------------
    def _on_finished(self, report: PassReport | None) -> None:
        if report is None:
            self._set(replace(self.status, running=False, error_kind=NOT_CONFIGURED,
                              error_reason=None))
            self._again = False
            return
        self._failures = 0
        self._same_failure = (None, 0)
        skew = "clock_skew" in report.warnings
        self._set(replace(self.status, running=False, error_kind=None, error_reason=None,
                          clock_skew=skew))
        self.refresh()
        self._schedule(self._interval_ms)

    def _on_news(self) -> None:
        if self._active and self.status.error_kind != SIGN_IN:
            self.sync_now()

    def _on_listener_sign_in(self) -> None:
        self._listener = None
        if self.status.error_kind != SIGN_IN:
            self._set(replace(self.status, error_kind=SIGN_IN, error_reason=None))
            self.sign_in_required.emit()

    def _on_counts(self, found: SyncCounts) -> None:
        self._set(replace(self.status, pending=found.pending, parked=found.parked,
                          conflicts=found.conflicts, last_sync_at=found.last_sync_at))

    def _on_failed(self, exc: BaseException) -> None:
        kind, retry = classify(exc)
        signature = _failure_signature(exc)
        last, times = self._same_failure
        self._same_failure = (signature, times + 1 if signature and signature == last else 1)
        if kind == OFFLINE and signature and self._same_failure[1] >= HUB_FAILING_AFTER:
            kind = HUB_FAILING  # still retried: the administrator may fix the hub meanwhile
        reason = exc.reason if isinstance(exc, HubError) else None
        log.warning("sync pass failed: %s (%s)", type(exc).__name__, kind)
        self._executor.submit(lambda db: record_error(db, reason or kind))
        self._set(replace(self.status, running=False, error_kind=kind, error_reason=reason))
        self.refresh()
        if kind == SIGN_IN:
            self._again = False
            self.sign_in_required.emit()
            return
        if not retry:
            self._schedule(self._interval_ms)  # the next regular pass may fare better
            return
        retry_after = exc.retry_after if isinstance(exc, HubError) else None
        self._failures += 1
        delay = self._backoff.delay(self._failures, self._rand, retry_after)
        self._schedule(int(delay * 1000))

    def _schedule(self, msecs: int) -> None:
        if not self._active:
            return
        if self._again:
            self._again = False
            msecs = 0
        self._timer.start(max(0, msecs))

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
