"""The single database worker: every DB call runs on one thread, results come back to the GUI."""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from tsn_desktop.core.db import Database

T = TypeVar("T")
log = logging.getLogger(__name__)
_STOP = object()


class DbExecutor:
    """Owns the Database; runs submitted callables one after another on its own thread."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="tsn-db", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[Database], T]) -> Future[T]:
        future: Future[T] = Future()
        self._queue.put((fn, future))
        return future

    def call(self, fn: Callable[[Database], T], timeout: float | None = 60) -> T:
        """Blocking form, for start-up, tests and command-line tools (never from a paint)."""
        return self.submit(fn).result(timeout)

    def shutdown(self) -> None:
        """Finishes queued work, closes the connection, and drops it."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                self._db.close()
                return
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(self._db))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                future.set_exception(exc)


class _Job:
    """A submitted callable the DB thread can run once and then let go of."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[Database], Any]) -> None:
        self.fn: Callable[[Database], Any] | None = fn

    def __call__(self, db: Database) -> Any:
        if self.fn is None:
            raise RuntimeError("a database job ran twice")
        return self.fn(db)  # no local: a traceback would keep the function

    def take(self) -> Callable[[Database], Any] | None:
        fn, self.fn = self.fn, None
        return fn


class Executor(Protocol):
    """What DbRunner needs of an executor (DbExecutor, or the lock's SuspendableExecutor)."""

    def submit(self, fn: Callable[[Database], T]) -> Future[T]: ...

    def call(self, fn: Callable[[Database], T], timeout: float | None = 60) -> T: ...

    def shutdown(self) -> None: ...


class _Relay(QObject):
    done = Signal(object, object, object, object)  # token, value, is_error, the spent job
    committed = Signal(object)  # RecordsChanged, from the DB thread


@dataclass(frozen=True)
class RecordsChanged:
    """Which records a committed unit of work touched: `local` ones were saved here (and
    queued for the hub), `pulled` ones came from the hub, `kept` ones were saved here and
    never go to the hub. Pairs of (resource type, id)."""

    local: tuple[tuple[str, str], ...] = ()
    pulled: tuple[tuple[str, str], ...] = ()
    kept: tuple[tuple[str, str], ...] = ()

    @property
    def all(self) -> tuple[tuple[str, str], ...]:
        return self.local + self.pulled + self.kept

    def types(self) -> frozenset[str]:
        return frozenset(kind for kind, _id in self.all)

    def ids(self, resource_type: str) -> frozenset[str]:
        return frozenset(rid for kind, rid in self.all if kind == resource_type)


FailureHandler = Callable[[BaseException, "QObject | None"], None]


def _log_failure(exc: BaseException, _owner: QObject | None) -> None:
    # Type only: an exception message could carry patient data.
    log.error("database operation failed: %s", type(exc).__name__)


class ResultDelivery(QObject):
    """What DbRunner and core.tasks.BackgroundTasks share: on the GUI thread, a result goes
    to its callback; a failure with no callback goes to `on_unhandled`; nothing goes to an
    owner widget that was deleted meanwhile. `relay` carries the worker thread's results
    (its `done` signal) to `_delivered`, queued onto the GUI thread."""

    def __init__(self, relay: QObject, parent: QObject | None,
                 on_unhandled: FailureHandler) -> None:
        super().__init__(parent)
        self.on_unhandled = on_unhandled
        relay.setParent(self)
        self._relay: Any = relay  # the subclass's _Relay: its own signals besides `done`
        cast(Any, relay).done.connect(self._delivered, Qt.ConnectionType.QueuedConnection)

    def _delivered(self, *args: Any) -> None:
        """The slot of `relay.done`: here, its arguments are deliver's."""
        self.deliver(*args)

    def deliver(self, callback: Callable[[Any], None] | None, value: Any, is_error: bool,
                owner: QObject | None) -> None:
        if not owner_alive(owner):
            return  # the widget that asked is gone: nobody to show it to
        if callback is not None:
            callback(value)
        elif is_error:
            self.on_unhandled(value, owner)


def owner_alive(owner: QObject | None) -> bool:
    """False once the widget a result was meant for has been deleted."""
    return owner is None or shiboken6.isValid(owner)


class DbRunner(ResultDelivery):
    """GUI-side face of the executor: on_success / on_failure run on the GUI thread.

    The shape of Anki's CollectionOp: the widget says what to do and what to do after,
    and never touches the connection itself. With an `owner`, a result that arrives
    after the owner was deleted is dropped (and so is its error). A failure with no
    `on_failure` goes to `on_unhandled` (the app shows the error dialog there).
    `records_changed` fires on the GUI thread after every commit that changed records,
    local saves and hub pulls alike, so open pages refresh by themselves.
    """

    records_changed = Signal(object)  # RecordsChanged

    def __init__(self, executor: Executor, parent: QObject | None = None, *,
                 on_unhandled: FailureHandler = _log_failure) -> None:
        super().__init__(_Relay(), parent, on_unhandled)
        self.executor = executor
        self._tokens = itertools.count()
        self._waiting: dict[int, tuple[Any, Any, QObject | None]] = {}
        self._relay.committed.connect(self.records_changed, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[Database], T],
            on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None, *,
            owner: QObject | None = None) -> Future[T]:
        # The DB thread must never drop the last reference to a widget (a PySide wrapper
        # deleted off the GUI thread crashes the process): the callbacks and the owner stay
        # here, keyed by a token, and the job itself is handed back through the queued
        # signal, so that whatever its closure holds is released on the GUI thread.
        token = next(self._tokens)
        self._waiting[token] = (on_success, on_failure, owner)
        job = _Job(fn)
        future = self.executor.submit(job)
        relay = self._relay

        def finished(f: Future[T]) -> None:
            # In a list the GUI empties: no local of this thread is the job's last holder.
            spent = [job.take()]
            if f.cancelled():
                relay.done.emit(token, None, None, spent)  # the session shut down
                return
            exc = f.exception()
            if exc is None:
                relay.done.emit(token, f.result(), False, spent)
            else:
                relay.done.emit(token, exc, True, spent)

        future.add_done_callback(finished)
        return future

    def _delivered(self, *args: Any) -> None:
        token, value, is_error, spent = args
        on_success, on_failure, owner = self._waiting.pop(token)
        try:
            if is_error is not None:  # None: cancelled, nobody waits for it any more
                self.deliver(on_failure if is_error else on_success, value, is_error, owner)
        finally:
            spent.clear()  # the job's closure goes here, on the GUI thread

    def committed(self, local: Sequence[tuple[str, str]],
                  pulled: Sequence[tuple[str, str]] = (),
                  kept: Sequence[tuple[str, str]] = ()) -> None:
        """The Database's commit listener (called on the DB thread)."""
        self._relay.committed.emit(RecordsChanged(tuple(local), tuple(pulled), tuple(kept)))
