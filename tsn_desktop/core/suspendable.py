"""A DB executor the lock can suspend: closes the database (dropping its key) and holds
new work until the passphrase reopens it, so nothing submitted around a lock is lost."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any, TypeVar

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbExecutor

T = TypeVar("T")


class SessionLocked(RuntimeError):
    """A blocking call was made while the session is locked."""


class SuspendableExecutor:
    """Has DbExecutor's face (submit/call/shutdown), so DbRunner takes it as is."""

    def __init__(self, db: Database) -> None:
        self._inner: DbExecutor | None = DbExecutor(db)
        self._held: list[tuple[Callable[[Database], Any], Future[Any]]] = []

    @property
    def suspended(self) -> bool:
        return self._inner is None

    def submit(self, fn: Callable[[Database], T]) -> Future[T]:
        if self._inner is not None:
            return self._inner.submit(fn)
        future: Future[T] = Future()
        self._held.append((fn, future))
        return future

    def call(self, fn: Callable[[Database], T], timeout: float | None = 60) -> T:
        if self._inner is None:
            raise SessionLocked("the session is locked")
        return self._inner.call(fn, timeout)

    def suspend(self) -> None:
        """Finishes queued work, then closes the connection: SQLCipher wipes its key."""
        if self._inner is not None:
            inner, self._inner = self._inner, None
            inner.shutdown()

    def resume(self, db: Database) -> None:
        """Reopens on a freshly keyed connection and runs what was held, in order."""
        if self._inner is not None:
            raise RuntimeError("the executor is not suspended")
        self._inner = DbExecutor(db)
        held, self._held = self._held, []
        for fn, outer in held:
            if outer.cancelled():
                continue
            self._inner.submit(fn).add_done_callback(partial(_copy, target=outer))

    def shutdown(self) -> None:
        for _fn, outer in self._held:
            outer.cancel()
        self._held.clear()
        self.suspend()


def _copy(source: Future[Any], target: Future[Any]) -> None:
    if target.cancelled():
        return
    exc = source.exception()
    if exc is None:
        target.set_result(source.result())
    else:
        target.set_exception(exc)
