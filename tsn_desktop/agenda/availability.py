"""Opening hours (a weekly template with exceptions) and the next free slot: pure rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tsn_desktop.agenda.model import PARIS, local_instant

SEARCH_DAYS = 92  # "no free slot" means none in the next three months


@dataclass(frozen=True)
class Opening:
    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True)
class Closure:
    """An exception to the template: a holiday, an absence (UTC instants)."""

    id: str
    start: datetime
    end: datetime
    reason: str = ""


def check_template(openings: Sequence[Opening]) -> list[str]:
    """Codes of what is wrong: a range ending before it starts, two ranges overlapping."""
    problems: list[str] = []
    by_day: dict[int, list[Opening]] = {}
    for o in openings:
        if not 0 <= o.weekday <= 6:
            problems.append("weekday")
        if o.end <= o.start:
            problems.append("end_before_start")
        by_day.setdefault(o.weekday, []).append(o)
    for ranges in by_day.values():
        ranges.sort(key=lambda o: o.start)
        if any(a.end > b.start for a, b in zip(ranges, ranges[1:], strict=False)):
            problems.append("overlap")
    return problems


def _subtract(intervals: list[tuple[datetime, datetime]],
              holes: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out = intervals
    for h_start, h_end in holes:
        nxt: list[tuple[datetime, datetime]] = []
        for start, end in out:
            if h_end <= start or h_start >= end:
                nxt.append((start, end))
                continue
            if start < h_start:
                nxt.append((start, h_start))
            if h_end < end:
                nxt.append((h_end, end))
        out = nxt
    return out


def open_on(openings: Sequence[Opening], closures: Sequence[Closure], day: date,
            zone: str = PARIS) -> list[tuple[datetime, datetime]]:
    """The open intervals (UTC) of one local day, closures taken out."""
    ranges = sorted((o for o in openings if o.weekday == day.weekday()), key=lambda o: o.start)
    intervals = [(local_instant(day, o.start, zone), local_instant(day, o.end, zone))
                 for o in ranges]
    return _subtract(intervals, [(c.start, c.end) for c in closures])


def _align(moment: datetime, step: int, zone: ZoneInfo) -> datetime:
    """Up to the next multiple of `step` minutes of local time."""
    local = moment.astimezone(zone)
    base = local.replace(second=0, microsecond=0)
    if base < local:
        base += timedelta(minutes=1)
    over = (base.hour * 60 + base.minute) % step
    if over:
        base += timedelta(minutes=step - over)
    return base.astimezone(UTC)


def next_free_slot(openings: Sequence[Opening], closures: Sequence[Closure],
                   busy: Sequence[tuple[datetime, datetime]], after: datetime, minutes: int,
                   *, step: int = 5, zone: str = PARIS,
                   days: int = SEARCH_DAYS) -> datetime | None:
    """The first start (UTC, on a `step`-minute boundary, not before `after`) where
    `minutes` fit in opening hours without touching a busy interval; None if none in
    `days` days."""
    tz = ZoneInfo(zone)
    need = timedelta(minutes=minutes)
    taken = sorted(busy)
    first = after.astimezone(tz).date()
    for offset in range(days):
        day = first + timedelta(days=offset)
        for start, end in open_on(openings, closures, day, zone):
            free = _subtract([(max(start, after), end)], taken)
            for f_start, f_end in free:
                candidate = _align(f_start, step, tz)
                if candidate + need <= f_end:
                    return candidate
    return None


def free_slots(openings: Sequence[Opening], closures: Sequence[Closure],
               busy: Sequence[tuple[datetime, datetime]], after: datetime, days: int,
               minutes: int, *, zone: str = PARIS) -> list[tuple[datetime, datetime]]:
    """Every free slot of `minutes` (UTC start, end) in opening hours over `days` days
    from `after`, back to back from the start of each open range: what online booking
    publishes."""
    tz = ZoneInfo(zone)
    need = timedelta(minutes=minutes)
    taken = sorted(busy)
    out: list[tuple[datetime, datetime]] = []
    first = after.astimezone(tz).date()
    for offset in range(days):
        day = first + timedelta(days=offset)
        for start, end in open_on(openings, closures, day, zone):
            slot = start
            while slot + need <= end:
                if slot >= after and not any(b_start < slot + need and slot < b_end
                                             for b_start, b_end in taken):
                    out.append((slot, slot + need))
                slot += need
    return out
