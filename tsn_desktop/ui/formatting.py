"""Dates, times, ages and durations as every screen shows them, in French and English."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from tsn_desktop.core.clock import PARIS

# Both languages write dates day first (dd/mm/yyyy): the English UI serves practitioners in
# France, who type dates in that order in every date field of the app.


def date_text(day: date) -> str:
    """dd/mm/yyyy, the form French clinicians read and type."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def time_text(moment: datetime, zone: ZoneInfo = PARIS) -> str:
    """HH:MM (24 hours) in `zone`; a naive datetime is read as UTC, as stored."""
    local = local_time(moment, zone)
    return f"{local.hour:02d}:{local.minute:02d}"


def datetime_text(moment: datetime, zone: ZoneInfo = PARIS) -> str:
    """'dd/mm/yyyy HH:MM' in Europe/Paris (or `zone`) from a stored UTC datetime."""
    local = local_time(moment, zone)
    return f"{date_text(local.date())} {time_text(local, zone)}"


def local_time(moment: datetime, zone: ZoneInfo = PARIS) -> datetime:
    """The wall-clock time in `zone` (summer time included); naive means UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


class CountedWords(QObject):
    """Counted words. Plural messages live in a QObject's self.tr(text, comment, n):
    pyside6-lupdate sees the plural there, not in QCoreApplication.translate(..., n),
    and without it Qt would show the English source ("34 year(s)")."""

    def years(self, n: int) -> str:
        return self.tr("%n year(s)", "", n)

    def months(self, n: int) -> str:
        return self.tr("%n month(s)", "", n)

    def weeks(self, n: int) -> str:
        return self.tr("%n week(s)", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)


_WORDS: CountedWords | None = None


def _words() -> CountedWords:
    global _WORDS
    if _WORDS is None:
        _WORDS = CountedWords()
    return _WORDS


UNITS = ("year", "month", "week", "day")


def amount_text(amount: int, unit: str) -> str:
    """'3 mois', '1 jour', '28 days': `unit` is one of UNITS."""
    words = _words()
    say = {"year": words.years, "month": words.months, "week": words.weeks,
           "day": words.days}[unit]
    return say(amount)


def age_text(birth: date, today: date) -> str:
    """Years from 2 years on; months, then days, for babies (vaccination schedules need it)."""
    months = (today.year - birth.year) * 12 + today.month - birth.month
    if today.day < birth.day:
        months -= 1
    if months >= 24:
        return amount_text(months // 12, "year")
    if months >= 1:
        return amount_text(months, "month")
    return amount_text(max(0, (today - birth).days), "day")


def duration_text(terms: list[tuple[int, str]]) -> str:
    """A plain duration as words, its terms side by side: [(1, "year"), (6, "month")] ->
    '1 an 6 mois'. Signed terms (CDSi's "- 4 days") are worded by their feature."""
    return " ".join(amount_text(amount, unit) for amount, unit in terms)
