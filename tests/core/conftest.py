"""Fixtures for the core tests: a frozen clock (time is outside the project) and fast scrypt."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.vault import KdfParams

# Cheap scrypt for tests only; the product default (n=2**17) is checked separately.
FAST_KDF = KdfParams(n=2**12)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
