"""Words of the patient's profile facts: where a fact comes from, why one is refused, and
a fact's line in the profile (its situation is the schedule pack's own French title)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.vaccination import model
from tsn_desktop.vaccination.model import Fact

_CONTEXT = "ProfileTexts"
SOURCES = {
    model.SEEN: QT_TRANSLATE_NOOP("ProfileTexts", "Examination or file"),
    model.DOCUMENT: QT_TRANSLATE_NOOP("ProfileTexts", "Medical document"),
    model.DECLARED: QT_TRANSLATE_NOOP("ProfileTexts", "Told by the patient"),
}
PROBLEMS = {
    model.UNKNOWN_CODE: QT_TRANSLATE_NOOP(
        "ProfileTexts", "Choose the situation in the list."),
    model.FUTURE: QT_TRANSLATE_NOOP(
        "ProfileTexts", "The date is in the future: enter a day up to today."),
    model.BEFORE_BIRTH: QT_TRANSLATE_NOOP(
        "ProfileTexts", "The date is before the patient's birth: check it."),
    model.BAD_TERM: QT_TRANSLATE_NOOP(
        "ProfileTexts", "A pregnancy's term is 0 to 42 weeks of amenorrhoea: check it."),
    model.SOURCE_REQUIRED: QT_TRANSLATE_NOOP(
        "ProfileTexts", "Say where the information comes from."),
    model.END_BEFORE_ONSET: QT_TRANSLATE_NOOP(
        "ProfileTexts", "It cannot end before it began: check the date."),
    model.NOT_ACTIVE: QT_TRANSLATE_NOOP(
        "ProfileTexts", "This situation has already been ended or withdrawn."),
    model.WHY_REQUIRED: QT_TRANSLATE_NOOP(
        "ProfileTexts", "Say why this situation was entered in error."),
    "bad_date": QT_TRANSLATE_NOOP("ProfileTexts", "Type the date as dd/mm/yyyy."),
}


def source_text(source: str) -> str:
    text = SOURCES.get(source)
    return QCoreApplication.translate(_CONTEXT, text) if text else source


def problem_text(problems: tuple[str, ...] | list[str]) -> str:
    return "\n".join(QCoreApplication.translate(_CONTEXT, PROBLEMS[p]) if p in PROBLEMS
                     else p for p in problems)


def term_text(fact: Fact, today: date) -> str:
    """A pregnancy's term today, as clinicians write it (e.g. 22 SA + 3 j)."""
    days = (today - fact.onset).days
    return QCoreApplication.translate("ProfileTexts", "%1 weeks + %2 days today").replace(
        "%1", str(days // 7)).replace("%2", str(days % 7))


def state_text(fact: Fact, who: str) -> str:
    """Ongoing, ended on a day, or withdrawn (entered in error) with why; and by whom."""
    if fact.in_error:
        return QCoreApplication.translate("ProfileTexts", "Entered in error (%1): %2").replace(
            "%1", who or "?").replace("%2", fact.end_why)
    if fact.status == model.FACT_RESOLVED and fact.abatement is not None:
        return QCoreApplication.translate("ProfileTexts", "Ended on %1 (%2)").replace(
            "%1", date_text(fact.abatement)).replace("%2", who or "?")
    return QCoreApplication.translate("ProfileTexts", "Ongoing")
