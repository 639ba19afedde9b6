"""Injectable clock: nothing in the app calls datetime.now() or date.today() directly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def today(self) -> date:
        """Today's date where the practitioner is (Europe/Paris by default)."""
        ...


class SystemClock:
    def __init__(self, zone: ZoneInfo = PARIS) -> None:
        self.zone = zone

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(self.zone).date()


class FrozenClock:
    """A clock for tests and benchmarks: stands still until told to move."""

    def __init__(self, at: datetime, zone: ZoneInfo = PARIS) -> None:
        if at.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._at = at.astimezone(UTC)
        self.zone = zone

    def now(self) -> datetime:
        return self._at

    def today(self) -> date:
        return self._at.astimezone(self.zone).date()

    def advance(self, delta: timedelta) -> None:
        self._at += delta


def utc_iso(moment: datetime) -> str:
    """The storage form of an instant: ISO 8601 in UTC with a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
