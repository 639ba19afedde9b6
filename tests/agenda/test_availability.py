"""Opening hours with exceptions and the next free slot (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from tsn_desktop.agenda.availability import Closure, Opening, check_template, next_free_slot

PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = [Opening(d, time(8, 30), time(12, 0)) for d in range(5)] + \
    [Opening(d, time(14, 0), time(18, 0)) for d in range(5)]


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS).astimezone(UTC)


def test_next_slot_skips_booked_time_and_the_lunch_break() -> None:
    # Tuesday 24 November 2026, 11:20 Paris: 11:30-12:00 is taken.
    busy = [(paris(2026, 11, 24, 11, 30), paris(2026, 11, 24, 12, 0))]
    found = next_free_slot(WEEKDAYS, [], busy, paris(2026, 11, 24, 11, 20), 20)
    assert found == paris(2026, 11, 24, 14, 0)


def test_next_slot_starts_on_a_five_minute_boundary() -> None:
    found = next_free_slot(WEEKDAYS, [], [], paris(2026, 11, 24, 9, 2, 30), 15)
    assert found == paris(2026, 11, 24, 9, 5)


def test_a_closure_and_the_weekend_push_the_slot_to_monday() -> None:
    absent = Closure("c", paris(2026, 11, 27, 0, 0), paris(2026, 11, 28, 0, 0), "formation")
    found = next_free_slot(WEEKDAYS, [absent], [], paris(2026, 11, 26, 17, 50), 20)
    assert found == paris(2026, 11, 30, 8, 30)


def test_no_opening_hours_means_no_slot() -> None:
    assert next_free_slot([], [], [], paris(2026, 11, 24, 9, 0), 20, days=10) is None


def test_template_problems_are_named() -> None:
    bad = [Opening(0, time(9), time(8)), Opening(1, time(8), time(12)),
           Opening(1, time(11), time(13))]
    assert check_template(bad) == ["end_before_start", "overlap"]
