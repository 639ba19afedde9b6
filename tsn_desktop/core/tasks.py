"""Long work that is not a database call (a sync pass, a PDF, an import, a worklist, a test
of the hub connection) on a worker thread, with progress and cancel; results come back on
the GUI thread, dropped for an owner widget that is gone (as DbRunner does for the DB)."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from tsn_desktop.core.executor import ResultDelivery, owner_alive

T = TypeVar("T")
log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task by `TaskControl.check()` once the user cancelled it."""


class TaskControl:
    """What the running task sees: report progress, and find out it was cancelled."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self._report = report
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Call between steps: stops the task (as Cancelled) once the user cancelled."""
        if self._cancelled.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """`done` of `total` steps (0: unknown), with a short status text (no patient data:
        it may be shown in the status bar)."""
        self._report(done, total, text)


class TaskHandle(Generic[T]):
    """Returned by `BackgroundTasks.start`: lets the caller cancel the task."""

    def __init__(self, control: TaskControl) -> None:
        self._control = control
        self.finished = False

    def cancel(self) -> None:
        self._control._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._control.cancelled


class _Relay(QObject):
    done = Signal(object, object, object, object)  # token, -, -, [the spent task, its outcome]
    progress = Signal(object, int, int, str)  # token, done, total, text


class _Task(QRunnable):
    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._run = run

    def run(self) -> None:
        self._run()


def _log_failure(exc: BaseException, _owner: QObject | None) -> None:
    log.error("background task failed: %s", type(exc).__name__)  # type only: no data


class BackgroundTasks(ResultDelivery):
    """Starts tasks on `pool` (default: Qt's global pool). `on_success(value)`,
    `on_failure(exc)` and `on_progress(done, total, text)` run on the GUI thread; a
    cancelled task ends in neither (its `on_cancelled`, if given, runs instead). A failure
    with no `on_failure` goes to `on_unhandled` (the app's error dialog)."""

    def __init__(self, parent: QObject | None = None, *, pool: QThreadPool | None = None,
                 on_unhandled: Callable[[BaseException, QObject | None], None] = _log_failure
                 ) -> None:
        super().__init__(_Relay(), parent, on_unhandled)
        self.pool = pool or QThreadPool.globalInstance()
        self._tokens = itertools.count()
        self._waiting: dict[int, tuple[Any, ...]] = {}
        self._relay.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def start(self, fn: Callable[[TaskControl], T],
              on_success: Callable[[T], None] | None = None,
              on_failure: Callable[[BaseException], None] | None = None, *,
              on_progress: Callable[[int, int, str], None] | None = None,
              on_cancelled: Callable[[], None] | None = None,
              owner: QObject | None = None) -> TaskHandle[T]:
        # Nothing a worker thread holds may be a widget's last reference (a PySide wrapper
        # freed off the GUI thread crashes): the callbacks and the owner wait here, keyed
        # by a token, and the task's function comes back in a list the GUI empties.
        token = next(self._tokens)
        relay = self._relay
        control = TaskControl(lambda done, total, text: relay.progress.emit(
            token, done, total, text))
        handle: TaskHandle[T] = TaskHandle(control)
        self._waiting[token] = (on_success, on_failure, on_progress, on_cancelled, owner,
                                handle)
        held: list[Callable[[TaskControl], Any]] = [fn]

        def run() -> None:
            spent: list[Any] = [held.pop()]  # [the function, then its outcome]
            try:
                spent.append(spent[0](control))
            except Cancelled:
                spent.append(_CANCELLED)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                spent.append(_Failed(exc))
            if control.cancelled:
                spent[1] = _CANCELLED
            relay.done.emit(token, None, None, spent)

        self.pool.start(_Task(run))
        return handle

    def _delivered(self, token: int, _unused: None, _unused_too: None,
                   spent: list[Any]) -> None:
        on_success, on_failure, _on_progress, on_cancelled, owner, handle = \
            self._waiting.pop(token)
        handle.finished = True
        value = spent[1]
        try:
            if value is _CANCELLED:
                if on_cancelled is not None and owner_alive(owner):
                    on_cancelled()
            elif isinstance(value, _Failed):
                self.deliver(on_failure, value.exc, True, owner)
            else:
                self.deliver(on_success, value, False, owner)
        finally:
            del value
            spent.clear()  # the task's closure and outcome go here, on the GUI thread

    def _progress(self, token: int, done: int, total: int, text: str) -> None:
        waiting = self._waiting.get(token)
        if waiting is None:
            return  # a late progress after the end
        callback, owner = waiting[2], waiting[4]
        if callback is not None and owner_alive(owner):
            callback(done, total, text)


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


_CANCELLED = object()
