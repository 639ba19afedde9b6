"""Words the UI shows for codes stored in the core (professions, passphrase problems)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tsn_desktop.core.session import PROFESSIONS

# Written as literal QCoreApplication.translate("Wording", ...) calls: lupdate only
# collects strings it can see at the call, not through a helper.


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
