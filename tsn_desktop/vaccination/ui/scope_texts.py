"""Words of the prescriber scope (vaccination/scope.py): why a dose is outside the
practitioner's own scope, and what to do then."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.vaccination import scope

_TEXTS = {
    scope.OUTSIDE_AGE: QT_TRANSLATE_NOOP(
        "ScopeTexts", "On your own initiative you may vaccinate from %1 years: this dose "
        "is given on a physician's prescription. Name the prescriber below."),
    scope.OUTSIDE_PATIENT: QT_TRANSLATE_NOOP(
        "ScopeTexts", "On your own initiative you may vaccinate women, children and the "
        "entourage of an infant: this dose is given on a physician's prescription. Name "
        "the prescriber below."),
    scope.OUTSIDE_LIVE: QT_TRANSLATE_NOOP(
        "ScopeTexts", "A live vaccine for an immunocompromised patient is given only on a "
        "physician's prescription. Name the prescriber below."),
    scope.OUTSIDE_PROFESSION: QT_TRANSLATE_NOOP(
        "ScopeTexts", "Your profession does not vaccinate on its own initiative: this dose "
        "is given on a physician's prescription. Name the prescriber below."),
    scope.PRESCRIBER_REQUIRED: QT_TRANSLATE_NOOP(
        "ScopeTexts", "Name the prescribing physician and their RPPS number (11 digits)."),
}


def scope_text(code: str, min_age: int = 0) -> str:
    source = _TEXTS.get(code)
    if source is None:
        return code
    return QCoreApplication.translate("ScopeTexts", source).replace(  # QT_TRANSLATE_NOOP
        "%1", str(min_age))


def is_scope_code(code: str) -> bool:
    return code in _TEXTS
