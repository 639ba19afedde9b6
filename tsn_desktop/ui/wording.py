"""Words the UI shows for codes of the core: professions, passphrase and identifier problems."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from tsn_desktop.core.identifiers import ADELI, INS, RPPS, IdentifierCheck, Reason
from tsn_desktop.core.session import PROFESSIONS
from tsn_desktop.feature import QT_TRANSLATE_NOOP

# Written as literal QCoreApplication.translate("Wording", ...) calls: lupdate only
# collects strings it can see at the call, not through a helper.


def worded(context: str, sources: Mapping[str, str], code: str,
           fallback: str | None = None) -> str:
    """The words for `code` in a table of QT_TRANSLATE_NOOP(`context`, ...) sources, in
    the current language; `fallback` (the code itself unless given) for a code it lacks."""
    source = sources.get(code)
    if source is None:
        return code if fallback is None else fallback
    return QCoreApplication.translate(context, source)  # QT_TRANSLATE_NOOP


def worded_table(context: str, sources: Mapping[str, str]) -> dict[str, str]:
    """A whole table of QT_TRANSLATE_NOOP sources as words, in its order."""
    return {code: worded(context, sources, code) for code in sources}


def profession_label(code: str) -> str:
    labels = {
        "general_practitioner": QCoreApplication.translate("Wording", "General practitioner"),
        "pharmacist": QCoreApplication.translate("Wording", "Pharmacist"),
        "nurse": QCoreApplication.translate("Wording", "Nurse"),
        "midwife": QCoreApplication.translate("Wording", "Midwife"),
    }
    return labels.get(code, code)


def profession_choices() -> list[tuple[str, str]]:
    return [(code, profession_label(code)) for code in PROFESSIONS]


def passphrase_problem_text(code: str) -> str:
    """Why a passphrase was refused, and how to choose a better one."""
    if code == "too_short":
        return QCoreApplication.translate(
            "Wording", "At least 12 characters: a sentence of several words is easier to "
            "remember.")
    if code == "surrounding_spaces":
        return QCoreApplication.translate(
            "Wording", "Remove the spaces at the start or the end: they are easy to forget "
            "when typing.")
    if code == "too_repetitive":
        return QCoreApplication.translate(
            "Wording", "Too repetitive: use at least 5 different characters, for example a "
            "few words.")
    return QCoreApplication.translate(
        "Wording", "This passphrase cannot be used: choose another one.")


def rpps_problem_text(reason: str) -> str:
    if reason == "empty":
        return QCoreApplication.translate(
            "Wording", "Type your 11-digit RPPS number (it is on your CPS card).")
    if reason == "characters":
        return QCoreApplication.translate("Wording", "An RPPS number has digits only.")
    if reason == "length":
        return QCoreApplication.translate("Wording", "An RPPS number has 11 digits.")
    return QCoreApplication.translate(
        "Wording", "This RPPS number is not valid: a digit was probably mistyped. Check it on "
        "your CPS card.")


# --- identifiers (core/identifiers.py returns the codes) --------------------------------


# Reason is a StrEnum: a member and its stored code look up alike in these tables.
# Why a check of core/identifiers.py refused a number (or, for a Corsican ADELI, what it
# could not verify), by identifier kind; catalogue sources worded at each call. The INS
# key's words never give the expected key: copying it would turn a typo into a
# valid-looking, wrong INS.
_CHECK_TEXTS: dict[str, dict[str, str]] = {
    INS: {
        Reason.EMPTY: QT_TRANSLATE_NOOP("Identifiers", "The INS number is empty."),
        Reason.CHARACTERS: QT_TRANSLATE_NOOP(
            "Identifiers", "Invalid characters: digits only (2A or 2B for Corsica)."),
        Reason.LENGTH: QT_TRANSLATE_NOOP(
            "Identifiers", "An INS number has 15 characters (13 + a 2-digit key)."),
        Reason.KEY_MISSING: QT_TRANSLATE_NOOP(
            "Identifiers", "Key missing: add the last 2 digits of the number."),
        Reason.SEX: QT_TRANSLATE_NOOP(
            "Identifiers",
            "Invalid first digit (1 or 2; 3, 4, 7 or 8 for a provisional number)."),
        Reason.MONTH: QT_TRANSLATE_NOOP("Identifiers", "Invalid birth month."),
        Reason.PLACE: QT_TRANSLATE_NOOP("Identifiers", "Invalid place of birth."),
        Reason.ORDER: QT_TRANSLATE_NOOP("Identifiers", "Invalid order number (000)."),
        Reason.KEY: QT_TRANSLATE_NOOP(
            "Identifiers", "Invalid key: a digit was probably mistyped, check the number "
            "again."),
    },
    RPPS: {
        Reason.EMPTY: QT_TRANSLATE_NOOP("Identifiers", "The RPPS number is empty."),
        Reason.CHARACTERS: QT_TRANSLATE_NOOP(
            "Identifiers", "An RPPS number has digits only."),
        Reason.LENGTH: QT_TRANSLATE_NOOP("Identifiers", "An RPPS number has 11 digits."),
        Reason.KEY: QT_TRANSLATE_NOOP(
            "Identifiers", "Invalid RPPS number: a digit was probably mistyped."),
    },
    ADELI: {
        Reason.EMPTY: QT_TRANSLATE_NOOP("Identifiers", "The ADELI number is empty."),
        Reason.CHARACTERS: QT_TRANSLATE_NOOP(
            "Identifiers", "An ADELI number has digits only (2A or 2B for Corsica)."),
        Reason.LENGTH: QT_TRANSLATE_NOOP(
            "Identifiers", "An ADELI number has 9 characters."),
        Reason.KEY: QT_TRANSLATE_NOOP(
            "Identifiers", "Invalid ADELI number: a digit was probably mistyped."),
        Reason.KEY_NOT_CHECKED: QT_TRANSLATE_NOOP(
            "Identifiers",
            "Corsican ADELI number: its check digit could not be verified, check it again."),
    },
}


def _check_text(kind: str, reason: str) -> str:
    return worded("Identifiers", _CHECK_TEXTS.get(kind, {}), reason, "")


def ins_check_text(reason: str) -> str:
    """Why an INS number was refused; "" for a valid one."""
    return _check_text(INS, reason)


def ins_match_text(code: str) -> str:
    """The sentence for a code returned by `identifiers.ins_matches_patient`."""
    texts: dict[str, str] = {
        "sex": QCoreApplication.translate(
            "Identifiers", "The sex stated by the INS differs from the patient's."),
        "year": QCoreApplication.translate(
            "Identifiers", "The INS birth year differs from the date of birth."),
        "month": QCoreApplication.translate(
            "Identifiers", "The INS birth month differs from the date of birth."),
    }
    return texts.get(code, "")


def rpps_check_text(reason: str) -> str:
    """Why an RPPS number was refused, in one short sentence; "" for a valid one."""
    return _check_text(RPPS, reason)


def adeli_check_text(reason: str) -> str:
    """Why an ADELI number was refused, or the Corsica note on an accepted one."""
    return _check_text(ADELI, reason)


def identifier_check_text(check: IdentifierCheck) -> str:
    """The words for any check of core/identifiers.py, by the identifier it checked."""
    return _check_text(check.kind, check.reason)
