"""Dates, times, ages and durations as the screens show them, in French and in English."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tsn_desktop.ui.formatting import (
    age_text,
    amount_text,
    date_text,
    datetime_text,
    duration_text,
    time_text,
)

pytestmark = pytest.mark.gui  # reads the Qt catalogue

TODAY = date(2026, 11, 23)


def test_dates_are_day_first_with_leading_zeros(french):
    assert date_text(date(2026, 3, 5)) == "05/03/2026"


def test_english_dates_are_day_first_too_as_typed_in_every_date_field(english):
    assert date_text(date(2026, 3, 5)) == "05/03/2026"


def test_a_utc_moment_in_winter_is_one_hour_ahead_in_paris(french):
    assert datetime_text(datetime(2026, 1, 15, 8, 5, tzinfo=UTC)) == "15/01/2026 09:05"


def test_a_utc_moment_in_summer_is_two_hours_ahead_in_paris(french):
    assert datetime_text(datetime(2026, 7, 14, 22, 30, tzinfo=UTC)) == "15/07/2026 00:30"


def test_paris_springs_forward_at_2_on_29_march_2026(french):
    # 01:00 UTC is 02:00 CET, which does not exist: the clocks read 03:00 CEST.
    assert time_text(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == "01:59"
    assert time_text(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "03:00"
    assert datetime_text(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == "29/03/2026 03:00"


def test_paris_falls_back_at_3_on_25_october_2026_and_02_30_happens_twice(french):
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = first + timedelta(hours=1)  # 02:30 CET, one hour later
    assert time_text(first) == time_text(second) == "02:30"
    assert time_text(datetime(2026, 10, 25, 1, 0, tzinfo=UTC)) == "02:00"
    assert time_text(datetime(2026, 10, 25, 2, 0, tzinfo=UTC)) == "03:00"


def test_a_stored_naive_datetime_is_read_as_utc(french):
    assert datetime_text(datetime(2026, 1, 15, 8, 5)) == "15/01/2026 09:05"


def test_a_moment_in_another_offset_is_shown_in_paris(english):
    moment = datetime(2026, 1, 15, 3, 5, tzinfo=timezone(timedelta(hours=-5)))
    assert datetime_text(moment) == "15/01/2026 09:05"


# The units and plurals come from the Qt catalogue of each language.
@pytest.mark.parametrize(("language", "birth", "expected"), [
    ("french", date(1992, 3, 23), "34 ans"),
    ("french", date(2024, 11, 23), "2 ans"),
    ("french", date(2024, 11, 24), "23 mois"),
    ("french", date(2025, 11, 24), "11 mois"),
    ("french", date(2026, 10, 23), "1 mois"),
    ("french", date(2026, 10, 24), "30 jours"),
    ("french", date(2026, 11, 22), "1 jour"),
    ("french", date(2026, 11, 18), "5 jours"),
    ("french", TODAY, "0 jour"),
    ("english", date(1992, 3, 23), "34 years"),
    ("english", date(2025, 11, 24), "11 months"),
    ("english", date(2026, 10, 23), "1 month"),
    ("english", date(2026, 11, 22), "1 day"),
    ("english", date(2026, 11, 18), "5 days"),
])
def test_ages_in_each_language(request, language, birth, expected):
    request.getfixturevalue(language)  # loads that language's catalogue
    assert age_text(birth, TODAY) == expected


def test_a_birth_date_after_today_reads_as_no_days(french):
    assert age_text(TODAY + timedelta(days=3), TODAY) == "0 jour"


def test_durations_in_french(french):
    assert duration_text([(1, "year"), (6, "month")]) == "1 an 6 mois"
    assert duration_text([(2, "week")]) == "2 semaines"
    assert amount_text(1, "week") == "1 semaine"


def test_durations_in_english(english):
    assert duration_text([(1, "year"), (6, "month")]) == "1 year 6 months"
    assert duration_text([(1, "week"), (3, "day")]) == "1 week 3 days"
