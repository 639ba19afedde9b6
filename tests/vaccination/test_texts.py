"""How the engine's trace entries and CDSi durations read to a clinician, French and English."""

from __future__ import annotations

from datetime import date

import pytest

from tsn_desktop.vaccination.engine import TraceEntry
from tsn_desktop.vaccination.schedule import Duration, parse_duration
from tsn_desktop.vaccination.ui.texts import duration_text, trace_text

pytestmark = pytest.mark.gui  # reads the Qt catalogue


def _duration(text: str) -> Duration:
    parsed = parse_duration(text)
    assert parsed is not None
    return parsed


@pytest.mark.parametrize(("text", "words"), [
    ("28 days - 4 days", "28 jours moins 4 jours de tolérance"),
    ("6 months + 4 days", "6 mois plus 4 jours"),
    ("1 year - 2 days", "1 an moins 2 jours"),
    ("1 week", "1 semaine"),
])
def test_cdsi_durations_read_in_french(french, text, words):
    assert duration_text(_duration(text)) == words


@pytest.mark.parametrize(("text", "words"), [
    ("28 days - 4 days", "28 days minus 4 days grace"),
    ("6 months + 4 days", "6 months plus 4 days"),
    ("1 year - 2 days", "1 year minus 2 days"),
])
def test_cdsi_durations_read_in_english(english, text, words):
    assert duration_text(_duration(text)) == words


def test_a_dose_one_day_too_soon_says_one_day_in_french(french):
    entry = TraceEntry("too_soon", (("dose", 3), ("days", 1),
                                    ("interval", _duration("4 weeks - 4 days"))))
    assert trace_text(entry) == (
        "dose 3 non valide : intervalle trop court, 1 jour < 4 semaines moins 4 jours de "
        "tolérance")


def test_a_dose_one_day_too_soon_says_one_day_in_english(english):
    entry = TraceEntry("too_soon", (("dose", 3), ("days", 1),
                                    ("interval", _duration("4 weeks"))))
    assert trace_text(entry) == "dose 3 not valid: interval too short, 1 day < 4 weeks"


def test_the_forecast_trace_gives_its_dates_in_french(french):
    entry = TraceEntry("forecast", (("antigen", "Diphtheria"), ("dose", 2),
                                    ("earliest", date(2025, 5, 10)),
                                    ("recommended", date(2025, 5, 15))))
    assert trace_text(entry) == (
        "Diphtheria : dose 2 au plus tôt le 10/05/2025, recommandée le 15/05/2025")


def test_the_forecast_trace_gives_its_dates_in_english(english):
    entry = TraceEntry("forecast", (("antigen", "Diphtheria"), ("dose", 2),
                                    ("earliest", date(2025, 5, 10)),
                                    ("recommended", date(2025, 5, 15))))
    assert trace_text(entry) == "Diphtheria: dose 2 earliest 10/05/2025, recommended 15/05/2025"


def test_a_missing_argument_reads_as_a_question_mark(french):
    assert trace_text(TraceEntry("complete", (("antigen", "Hib"),))) == "Hib : série ? complète"


def test_an_argument_holding_a_placeholder_is_not_filled_again(english):
    entry = TraceEntry("skipped", (("dose", 1), ("reason", "%2 typed by a data pack")))
    assert trace_text(entry) == "dose 1 not required: %2 typed by a data pack"
