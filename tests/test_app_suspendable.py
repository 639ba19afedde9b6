"""The lock's DB executor: closes the database while locked and loses no submitted work."""

from __future__ import annotations

from pathlib import Path

import pytest

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import Practitioner, create_profile, open_with_key
from tsn_desktop.core.suspendable import SessionLocked, SuspendableExecutor
from tsn_desktop.core.vault import KdfParams

PASSPHRASE = "le chat dort sur le radiateur"


@pytest.fixture
def opened(basedir: Path, clock: FrozenClock, fast_kdf: KdfParams):
    practitioner = Practitioner("Lefèvre", "Hélène", "nurse", "10012345673")
    return create_profile(basedir, practitioner, PASSPHRASE, remember=False, clock=clock,
                          kdf=fast_kdf)


def _practitioner(db: Database) -> str:
    row = db.query_one("SELECT family_name FROM practitioner_profile")
    assert row is not None
    return row[0]


def test_work_submitted_while_locked_runs_after_unlock(opened, clock: FrozenClock) -> None:
    executor = SuspendableExecutor(opened.db)
    assert executor.call(_practitioner) == "Lefèvre"
    executor.suspend()
    assert executor.suspended
    held = executor.submit(_practitioner)
    assert not held.done()
    with pytest.raises(SessionLocked):
        executor.call(_practitioner)

    key = opened.vault.unlock(PASSPHRASE, clock)
    executor.resume(open_with_key(opened.vault, key, clock, remembered=False).db)
    assert held.result(timeout=10) == "Lefèvre"
    executor.shutdown()


def test_suspending_closes_the_connection(opened) -> None:
    executor = SuspendableExecutor(opened.db)
    executor.suspend()
    assert opened.db._conn is None  # noqa: SLF001 - the keyed connection itself is gone


def test_shutdown_while_locked_cancels_what_was_held(opened) -> None:
    executor = SuspendableExecutor(opened.db)
    executor.suspend()
    held = executor.submit(_practitioner)
    executor.shutdown()
    assert held.cancelled()
