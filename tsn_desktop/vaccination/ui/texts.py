"""Words of the vaccination screens: the engine's trace entries and CDSi durations.

The engine hands over `TraceEntry(key, args)`; every sentence here is a literal
QCoreApplication.translate("VaccinationTexts", ...) call (or a QObject's self.tr for
counted ones) so that lupdate collects it. Dates and units come from ui/formatting.py.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from tsn_desktop.ui.formatting import amount_text, date_text
from tsn_desktop.vaccination.engine import TraceEntry
from tsn_desktop.vaccination.schedule import Duration

_TERM = re.compile(r"([+-])?\s*(\d+)\s*(year|month|week|day)s?", re.IGNORECASE)
_PLACE = re.compile(r"%(\d)")


def _fill(template: str, values: list[str]) -> str:
    """Qt's %1, %2... in one pass, so a value holding "%2" is never replaced again."""
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)
    return _PLACE.sub(value, template)


def duration_text(duration: Duration) -> str:
    """ "28 days - 4 days" -> "28 jours moins 4 jours de tolérance" / "... minus 4 days grace"."""
    words = []
    for sign, amount, unit in _TERM.findall(duration.text):
        term = amount_text(int(amount), unit.lower())
        if sign == "-":
            # CDSi's 4-day grace period is the one subtracted term clinicians meet.
            if amount == "4" and unit.lower() == "day":
                template = QCoreApplication.translate(
                    "VaccinationTexts", "minus %1 grace", "duration: 4-day grace period")
            else:
                template = QCoreApplication.translate("VaccinationTexts", "minus %1", "duration")
            term = _fill(template, [term])
        elif sign == "+":
            term = _fill(QCoreApplication.translate("VaccinationTexts", "plus %1", "duration"),
                         [term])
        words.append(term)
    return " ".join(words) or duration.text


def value_text(value: object) -> str:
    """One argument of a trace entry as a clinician reads it."""
    if isinstance(value, Duration):
        return duration_text(value)
    if isinstance(value, date):
        return date_text(value)
    return str(value)


class TraceWords(QObject):
    """The counted trace sentence: pyside6-lupdate only sees a plural in a QObject's
    self.tr(text, comment, n), not in a counted QCoreApplication.translate."""

    def too_soon(self, days: int) -> str:
        return self.tr("dose %1 not valid: interval too short, %n day(s) < %2", "", days)


_WORDS: TraceWords | None = None


def _templates() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each trace key: its sentence and which argument fills %1, %2, %3."""
    return {
        "too_young": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 not valid: too young, %2 < absolute minimum age %3"),
            ("dose", "given", "limit")),
        "age_grace": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 valid within the 4-day grace period of the minimum "
            "age (%2)"), ("dose", "limit")),
        "too_old": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 extraneous: given at or after the maximum age (%2)"),
            ("dose", "limit")),
        "interval_grace": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 valid within the 4-day grace period of the interval "
            "(%2)"), ("dose", "interval")),
        "allowable_interval": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 valid under the allowable interval (%2)"),
            ("dose", "interval")),
        "live_virus_conflict": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 not valid: conflicts with the live vaccine given on "
            "%2"), ("dose", "other")),
        "not_allowable_vaccine": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 not valid: vaccine %2 neither preferable nor "
            "allowable here"), ("dose", "vaccine")),
        "inadvertent": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 not valid: inadvertent administration of vaccine %2"),
            ("dose", "vaccine")),
        "series_complete": (QCoreApplication.translate(
            "VaccinationTexts", "dose of %1 extraneous: the series was already complete"),
            ("given",)),
        "sub_standard": (QCoreApplication.translate(
            "VaccinationTexts", "dose %1 sub standard (expired lot or dose condition): repeat "
            "it"), ("dose",)),
        "valid": (QCoreApplication.translate("VaccinationTexts", "dose %1 valid"), ("dose",)),
        "skipped": (QCoreApplication.translate("VaccinationTexts", "dose %1 not required: %2"),
                    ("dose", "reason")),
        "unknown_vaccine": (QCoreApplication.translate(
            "VaccinationTexts", "vaccine %1 unknown to the supporting data, ignored"),
            ("vaccine",)),
        "immune": (QCoreApplication.translate("VaccinationTexts", "%1: evidence of immunity"),
                   ("antigen",)),
        "contraindicated": (QCoreApplication.translate(
            "VaccinationTexts", "%1: contraindication (%2)"), ("antigen", "reason")),
        "aged_out": (QCoreApplication.translate(
            "VaccinationTexts", "%1: too old to finish the series"), ("antigen",)),
        "complete": (QCoreApplication.translate("VaccinationTexts", "%1: series %2 complete"),
                     ("antigen", "series")),
        "not_recommended": (QCoreApplication.translate(
            "VaccinationTexts", "%1: no dose recommended (%2)"), ("antigen", "reason")),
        "forecast": (QCoreApplication.translate(
            "VaccinationTexts", "%1: dose %2 earliest %3, recommended %4"),
            ("antigen", "dose", "earliest", "recommended")),
        "best_series": (QCoreApplication.translate(
            "VaccinationTexts", "%1: selected series %2"), ("antigen", "series")),
    }


def trace_text(entry: TraceEntry) -> str:
    """One step of the engine's reasoning, for a clinician; "?" for a missing argument."""
    global _WORDS
    values = {name: value_text(value) for name, value in entry.args}
    if entry.key == "too_soon":
        days = dict(entry.args).get("days")
        if isinstance(days, int):
            words = _WORDS = _WORDS or TraceWords()
            return _fill(words.too_soon(days),
                         [values.get("dose", "?"), values.get("interval", "?")])
    known = _templates().get(entry.key)
    if known is None:
        return f"{entry.key} {values}"
    template, names = known
    return _fill(template, [values.get(name, "?") for name in names])
