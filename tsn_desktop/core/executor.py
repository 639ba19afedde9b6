"""The single database worker: every DB call runs on one thread, results come back to the GUI."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

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


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, value, is_error


class DbRunner(QObject):
    """GUI-side face of the executor: on_success / on_failure run on the GUI thread.

    The shape of Anki's CollectionOp: the widget says what to do and what to do after,
    and never touches the connection itself.
    """

    def __init__(self, executor: DbExecutor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[Database], T],
            on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> Future[T]:
        future = self.executor.submit(fn)

        def finished(f: Future[T]) -> None:
            exc = f.exception()
            if exc is None:
                self._relay.done.emit(on_success, f.result(), False)
            else:
                self._relay.done.emit(on_failure, exc, True)

        future.add_done_callback(finished)
        return future

    def _deliver(self, callback: Callable[[Any], None] | None, value: Any, is_error: bool) -> None:
        if callback is not None:
            callback(value)
        elif is_error:
            # Type only: an exception message could carry patient data.
            log.error("database operation failed: %s", type(value).__name__)
