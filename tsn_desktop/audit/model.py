"""Audit trail entries, filters and the pure rules of the viewer (no Qt, SQL or I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tsn_desktop.core.audit import ACTIONS

PARIS = ZoneInfo("Europe/Paris")
LOCAL, HUB = "local", "hub"
PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditEntry:
    """One line of the viewer: a local audit row, or an event a colleague recorded
    (pulled from the hub; `until` and `occurrences` when it groups several)."""

    key: str                  # keyset paging: unique, orders with `at`
    at: datetime              # UTC
    actor: str                # RPPS, or "hub" / "system" for what the app itself wrote
    action: str
    resource_type: str
    resource_id: str | None
    patient_id: str | None
    origin: str               # LOCAL or HUB
    synced: bool
    until: datetime | None = None
    occurrences: int = 1
    actor_name: str = ""
    patient_name: str = ""


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer shows. Dates are calendar days in Europe/Paris, both included."""

    patient_ids: tuple[str, ...] | None = None   # None: any patient (or none)
    record_ids: tuple[str, ...] = ()             # other records of those patients
    actor: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None

    def __post_init__(self) -> None:
        if self.action is not None and self.action not in ACTIONS:
            raise ValueError(f"unknown audit action {self.action!r}")
        if self.since and self.until and self.since > self.until:
            raise ValueError("the first day is after the last day")

    def utc_bounds(self) -> tuple[str | None, str | None]:
        """[start, end) in stored UTC form for the Paris days of the filter."""
        return (_paris_midnight_utc(self.since) if self.since else None,
                _paris_midnight_utc(self.until + timedelta(days=1)) if self.until else None)


def _paris_midnight_utc(day: date) -> str:
    moment = datetime.combine(day, time(0, 0), PARIS)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_utc(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def in_paris(moment: datetime) -> datetime:
    return moment.astimezone(PARIS)


def is_practitioner(actor: str) -> bool:
    return len(actor) == 11 and actor.isdigit()


def practitioner_label(rpps: str, name: str) -> str:
    """"Name (RPPS)" when the name is known, else the number alone."""
    return f"{name} ({rpps})" if name else rpps
