"""Words of the vaccination screens: the engine's trace entries and CDSi durations.

The engine hands over `TraceEntry(key, args)`; every sentence here is a literal
QCoreApplication.translate("VaccinationTexts", ...) call, a QT_TRANSLATE_NOOP source of
the same context worded by `label`, or a QObject's self.tr for counted ones, so that
lupdate collects it. Dates and units come from ui/formatting.py.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from tsn_desktop.feature import QT_TRANSLATE_NOOP
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


# --- the carnet: states, sources, sites, routes, problems ------------------------------
UP_TO_DATE, DUE, OVERDUE, COMPLETE, IMMUNE, CONTRAINDICATED, NOT_RECOMMENDED = (
    "up_to_date", "due", "overdue", "complete", "immune", "contraindicated", "not_recommended")


def forecast_state(status: str, earliest: date | None, past_due: date | None,
                   today: date, recommended: date | None = None) -> str:
    """The carnet's word for a vaccine group on `today` (codes above), from the engine's
    status and dates: a dose is to be done from `recommended` (`earliest` when the
    engine gives none; before that it may be given, but nothing is missing), and is
    late from `past_due`."""
    from tsn_desktop.vaccination import engine

    if status == engine.COMPLETE:
        return COMPLETE
    if status == engine.IMMUNE:
        return IMMUNE
    if status == engine.CONTRAINDICATED:
        return CONTRAINDICATED
    if status != engine.NOT_COMPLETE or earliest is None:
        return NOT_RECOMMENDED
    if past_due is not None and past_due <= today:
        return OVERDUE
    if (recommended or earliest) <= today:
        return DUE
    return UP_TO_DATE


# What each kind of code of the carnet reads as: one table a kind, catalogue sources
# (QT_TRANSLATE_NOOP lets lupdate collect them) worded by `label` in the current language.
STATE, SOURCE, OUTCOME, REASON, SITE, ROUTE, PLACE, PROFESSION, PROBLEM = (
    "state", "source", "outcome", "reason", "site", "route", "place", "profession", "problem")
_LABELS: dict[str, dict[str, str]] = {
    STATE: {
        UP_TO_DATE: QT_TRANSLATE_NOOP("VaccinationTexts", "Up to date"),
        DUE: QT_TRANSLATE_NOOP("VaccinationTexts", "Due"),
        OVERDUE: QT_TRANSLATE_NOOP("VaccinationTexts", "Overdue"),
        COMPLETE: QT_TRANSLATE_NOOP("VaccinationTexts", "Complete"),
        IMMUNE: QT_TRANSLATE_NOOP("VaccinationTexts", "Immune"),
        CONTRAINDICATED: QT_TRANSLATE_NOOP("VaccinationTexts", "Contraindicated"),
        NOT_RECOMMENDED: QT_TRANSLATE_NOOP("VaccinationTexts", "Not recommended"),
    },
    SOURCE: {
        "recorded": QT_TRANSLATE_NOOP("VaccinationTexts", "Recorded here"),
        "hub": QT_TRANSLATE_NOOP("VaccinationTexts", "Received from the hub"),
        "transcribed": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Transcribed from the paper carnet"),
        "reported": QT_TRANSLATE_NOOP("VaccinationTexts", "Reported by the patient"),
    },
    OUTCOME: {
        "administered": QT_TRANSLATE_NOOP("VaccinationTexts", "Administered"),
        "historical": QT_TRANSLATE_NOOP("VaccinationTexts", "Given before (history)"),
        "not-given": QT_TRANSLATE_NOOP("VaccinationTexts", "Not given"),
    },
    REASON: {
        "refused": QT_TRANSLATE_NOOP("VaccinationTexts", "refused"),
        "contraindicated": QT_TRANSLATE_NOOP("VaccinationTexts", "contraindicated"),
        "immune": QT_TRANSLATE_NOOP("VaccinationTexts", "already immune"),
        "deferred": QT_TRANSLATE_NOOP("VaccinationTexts", "deferred"),
    },
    SITE: {
        "deltoid-left": QT_TRANSLATE_NOOP("VaccinationTexts", "left deltoid"),
        "deltoid-right": QT_TRANSLATE_NOOP("VaccinationTexts", "right deltoid"),
        "thigh-left": QT_TRANSLATE_NOOP("VaccinationTexts", "left thigh"),
        "thigh-right": QT_TRANSLATE_NOOP("VaccinationTexts", "right thigh"),
        "oral": QT_TRANSLATE_NOOP("VaccinationTexts", "mouth"),
        "nasal": QT_TRANSLATE_NOOP("VaccinationTexts", "nose"),
    },
    ROUTE: {
        "IM": QT_TRANSLATE_NOOP("VaccinationTexts", "intramuscular"),
        "SC": QT_TRANSLATE_NOOP("VaccinationTexts", "subcutaneous"),
        "ID": QT_TRANSLATE_NOOP("VaccinationTexts", "intradermal"),
        "PO": QT_TRANSLATE_NOOP("VaccinationTexts", "oral"),
        "NASAL": QT_TRANSLATE_NOOP("VaccinationTexts", "nasal"),
    },
    PLACE: {
        "cabinet": QT_TRANSLATE_NOOP("VaccinationTexts", "practice"),
        "officine": QT_TRANSLATE_NOOP("VaccinationTexts", "pharmacy"),
        "vaccination-centre": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "vaccination centre"),
        "hospital": QT_TRANSLATE_NOOP("VaccinationTexts", "hospital"),
        "school": QT_TRANSLATE_NOOP("VaccinationTexts", "school"),
        "home": QT_TRANSLATE_NOOP("VaccinationTexts", "home visit"),
        "other": QT_TRANSLATE_NOOP("VaccinationTexts", "elsewhere"),
    },
    PROFESSION: {
        "general_practitioner": QT_TRANSLATE_NOOP("VaccinationTexts", "GP"),
        "physician": QT_TRANSLATE_NOOP("VaccinationTexts", "physician"),
        "nurse": QT_TRANSLATE_NOOP("VaccinationTexts", "nurse"),
        "pharmacist": QT_TRANSLATE_NOOP("VaccinationTexts", "pharmacist"),
        "midwife": QT_TRANSLATE_NOOP("VaccinationTexts", "midwife"),
    },
    PROBLEM: {  # Why a dose was refused, and what to do.
        "future": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "The date is in the future: enter the day the dose was given."),
        "before_birth": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "The date is before the patient's birth: check the date."),
        "unknown_product": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Choose the vaccine in the list (type its name to find it)."),
        "lot_required": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Enter the lot number printed on the pack (or scan it)."),
        "lot_control": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "The lot number holds invisible characters: type it again."),
        "lot_too_long": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "A lot number has at most 20 characters: check it."),
        "expired_at_date": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "The lot had expired on the day of the vaccination: check "
            "the expiry date, or do not use this pack."),
        "route_not_allowed": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "This vaccine is not given by this route: choose another."),
        "site_not_allowed": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "This site is not used for this vaccine: choose another."),
        "reason_required": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Say why the dose was not given."),
        "bad_rpps": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "The RPPS number of who gave the dose is not valid."),
        "why_required": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Say why this dose was entered in error."),
        "already_in_error": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "This dose is already marked as entered in error."),
        "bad_date": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Type the date as dd/mm/yyyy."),
        "bad_expiry": QT_TRANSLATE_NOOP(
            "VaccinationTexts", "Type the expiry date as dd/mm/yyyy (or scan the pack)."),
    },
}


def label(kind: str, code: str) -> str:
    """A code of the carnet (a state, a source, a site, a problem...) in words; an unknown
    code as it is."""
    source = _LABELS[kind].get(code)
    if not source:
        return code
    return QCoreApplication.translate("VaccinationTexts", source)  # QT_TRANSLATE_NOOP


# What a scan gave: why it was refused (barcode.py's codes), or what it filled in.
_SCAN_TEXTS: dict[str, str] = {
    "not-gs1": QT_TRANSLATE_NOOP(
        "VaccinationTexts", "This is not a GS1 DataMatrix of a medicine pack: scan the "
        "square code on the pack, or type the lot and expiry."),
    "bad-check-digit": QT_TRANSLATE_NOOP(
        "VaccinationTexts", "The product code of this scan is damaged (wrong check "
        "digit): scan the pack again."),
    "no-gtin": QT_TRANSLATE_NOOP(
        "VaccinationTexts", "This code has no product number: scan the pack's "
        "DataMatrix, not another label."),
    "expired": QT_TRANSLATE_NOOP(
        "VaccinationTexts", "This lot expired on %1: do not use this pack."),
}
_SCAN_UNKNOWN_PACK = QT_TRANSLATE_NOOP(
    "VaccinationTexts", "Lot and expiry filled in. This pack's code is not in the "
    "catalogue: choose the vaccine in the list; it will be recognised next time.")
_SCAN_KNOWN_PACK = QT_TRANSLATE_NOOP(
    "VaccinationTexts", "Vaccine, lot and expiry filled in from the scan.")


def scan_text(refused: str | None, expiry: date | None, known: bool) -> str:
    """What a scan gave, in one sentence."""
    source = _SCAN_TEXTS.get(refused or "") or (_SCAN_KNOWN_PACK if known
                                                 else _SCAN_UNKNOWN_PACK)
    text = QCoreApplication.translate("VaccinationTexts", source)  # QT_TRANSLATE_NOOP
    if refused == "expired":
        return _fill(text, [date_text(expiry) if expiry else "?"])
    return text
