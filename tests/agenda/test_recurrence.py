"""Recurring visits (pure rules): DST both ways, exception dates, splitting a series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tsn_desktop.agenda import recurrence
from tsn_desktop.agenda.recurrence import InvalidRule, Series

PARIS = ZoneInfo("Europe/Paris")


def daily_insulin(start: datetime, rule: str = "FREQ=DAILY", **kw: object) -> Series:
    return Series(id="s1", start=start, minutes=15, rule=rule, type="home_visit", **kw)  # type: ignore[arg-type]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# The UTC instant moves by the hour the clocks moved: 07:00Z before, 06:00Z after in
# March; the other way round in October.
@pytest.mark.parametrize(("start", "until", "days", "utc_hours"), [
    pytest.param(datetime(2026, 3, 27, 8, 0), utc(2026, 4, 1),
                 [date(2026, 3, d) for d in (27, 28, 29, 30, 31)], [7, 7, 6, 6, 6], id="march"),
    pytest.param(datetime(2026, 10, 23, 8, 0), utc(2026, 10, 28),
                 [date(2026, 10, d) for d in (23, 24, 25, 26, 27)], [6, 6, 7, 7, 7],
                 id="october"),
])
def test_daily_0800_visit_stays_0800_local_across_the_2026_dst_changes(
        start: datetime, until: datetime, days: list[date], utc_hours: list[int]) -> None:
    series = daily_insulin(start)
    found = recurrence.occurrences(series, utc(start.year, start.month, start.day), until)
    assert [o.day for o in found] == days
    assert {o.start.astimezone(PARIS).strftime("%H:%M") for o in found} == {"08:00"}
    assert [o.start.hour for o in found] == utc_hours
    assert all(o.end - o.start == timedelta(minutes=15) for o in found)


def test_exception_dates_are_left_out() -> None:
    series = daily_insulin(datetime(2026, 11, 23, 8, 0),
                           exdates=frozenset({date(2026, 11, 25)}))
    found = recurrence.occurrences(series, utc(2026, 11, 23), utc(2026, 11, 28))
    assert [o.day.day for o in found] == [23, 24, 26, 27]


def test_weekly_dressing_for_six_weeks_ends_after_six() -> None:
    series = daily_insulin(datetime(2026, 11, 24, 10, 30), rule="FREQ=WEEKLY;COUNT=6")
    found = recurrence.occurrences(series, utc(2026, 11, 1), utc(2027, 6, 1))
    assert len(found) == 6
    assert found[-1].day == date(2026, 12, 29)


def test_split_ends_the_series_the_day_before_and_the_rest_starts_that_day() -> None:
    series = daily_insulin(datetime(2026, 11, 23, 8, 0))
    head, tail = recurrence.split(series, date(2026, 11, 26), "s2")
    assert head is not None
    window = (utc(2026, 11, 20), utc(2026, 12, 5))
    assert [o.day.day for o in recurrence.occurrences(head, *window)] == [23, 24, 25]
    tail_days = [o.day for o in recurrence.occurrences(tail, *window)]
    assert tail_days[0] == date(2026, 11, 26) and tail.id == "s2"
    assert not recurrence.is_finite(tail)


def test_split_shares_out_a_count() -> None:
    series = daily_insulin(datetime(2026, 11, 23, 8, 0), rule="FREQ=DAILY;COUNT=10")
    head, tail = recurrence.split(series, date(2026, 11, 27), "s2")
    window = (utc(2026, 11, 1), utc(2027, 1, 1))
    assert head is not None
    assert len(recurrence.occurrences(head, *window)) == 4
    assert len(recurrence.occurrences(tail, *window)) == 6


def test_split_on_the_first_day_leaves_no_first_part() -> None:
    series = daily_insulin(datetime(2026, 11, 23, 8, 0))
    head, tail = recurrence.split(series, date(2026, 11, 23), "s2")
    assert head is None and tail.start == datetime(2026, 11, 23, 8, 0)


@pytest.mark.parametrize("rule, code", [
    ("FREQ=HOURLY", "frequency"),
    ("FREQ=DAILY;BYHOUR=8,12", "unsupported"),
    ("FREQ=DAILY;COUNT=0", "count"),
    ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "count_and_until"),
    ("FREQ", "syntax"),
])
def test_rules_this_agenda_cannot_keep_are_refused_with_a_reason(rule: str, code: str) -> None:
    with pytest.raises(InvalidRule) as info:
        recurrence.check_rule(rule)
    assert info.value.code == code


def test_make_rule_builds_weekday_rules() -> None:
    rule = recurrence.make_rule("WEEKLY", weekdays=(0, 3), until=date(2026, 12, 31))
    assert rule == "FREQ=WEEKLY;UNTIL=20261231T235959;BYDAY=MO,TH"
