"""Words the patient screens share: field labels, sexes, ages, dates and problem messages.

Every string is a literal QCoreApplication.translate("PatientTexts", ...) call so that
lupdate collects it; identifiers.py carries its own French/English sentences.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from tsn_desktop.core import identifiers

if TYPE_CHECKING:
    from tsn_desktop.patients.model import Patient

def field_label(name: str) -> str:
    """The label of a Patient field, without mnemonic."""
    labels = {
        "birth_name": QCoreApplication.translate("PatientTexts", "Birth name"),
        "used_name": QCoreApplication.translate("PatientTexts", "Used name"),
        "given_names": QCoreApplication.translate("PatientTexts", "Given names"),
        "sex": QCoreApplication.translate("PatientTexts", "Sex"),
        "birth_date": QCoreApplication.translate("PatientTexts", "Date of birth"),
        "birth_place": QCoreApplication.translate("PatientTexts", "Place of birth"),
        "birth_insee": QCoreApplication.translate(
            "PatientTexts", "INSEE code of the place of birth"),
        "ins": QCoreApplication.translate("PatientTexts", "INS number"),
        "address": QCoreApplication.translate("PatientTexts", "Address"),
        "postal_code": QCoreApplication.translate("PatientTexts", "Postal code"),
        "city": QCoreApplication.translate("PatientTexts", "City"),
        "phone": QCoreApplication.translate("PatientTexts", "Phone"),
        "email": QCoreApplication.translate("PatientTexts", "E-mail"),
        "treating_gp": QCoreApplication.translate("PatientTexts", "Treating GP"),
    }
    return labels[name]


def sex_label(sex: str) -> str:
    labels = {
        "F": QCoreApplication.translate("PatientTexts", "Female"),
        "M": QCoreApplication.translate("PatientTexts", "Male"),
        "U": QCoreApplication.translate("PatientTexts", "Undetermined"),
    }
    return labels.get(sex, "")


def sex_short(sex: str) -> str:
    """One letter for the register column (French: F / M / I)."""
    letters = {
        "F": QCoreApplication.translate("PatientTexts", "F", "sex, one letter"),
        "M": QCoreApplication.translate("PatientTexts", "M", "sex, one letter"),
        "U": QCoreApplication.translate("PatientTexts", "U", "sex undetermined, one letter"),
    }
    return letters.get(sex, "")


def family_name(patient: Patient) -> str:
    """The name used day to day first, the birth name after when they differ
    (French: "MARTIN née DUPONT"; the disambiguation lets née/né agree)."""
    if patient.used_name and patient.used_name.casefold() != patient.birth_name.casefold():
        if patient.sex == "F":
            template = QCoreApplication.translate(
                "PatientTexts", "%1 (born %2)", "used name (birth name), female")
        elif patient.sex == "M":
            template = QCoreApplication.translate(
                "PatientTexts", "%1 (born %2)", "used name (birth name), male")
        else:
            template = QCoreApplication.translate(
                "PatientTexts", "%1 (born %2)", "used name (birth name), sex undetermined")
        return template.replace("%1", patient.used_name.upper()).replace(
            "%2", patient.birth_name.upper())
    return patient.birth_name.upper()


def full_name(patient: Patient) -> str:
    return f"{family_name(patient)} {patient.given_names}".strip()


def format_date(day: date) -> str:
    """dd/mm/yyyy, the form French clinicians read and type."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


class AgeWords(QObject):
    """Ages in words. Plural messages live in a QObject's self.tr(text, comment, n):
    pyside6-lupdate sees the plural there, not in QCoreApplication.translate(..., n),
    and without it Qt would show the English source ("34 year(s)")."""

    def years(self, n: int) -> str:
        return self.tr("%n year(s)", "age", n)

    def months(self, n: int) -> str:
        return self.tr("%n month(s)", "age", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "age", n)


_AGE_WORDS: AgeWords | None = None


def age_text(birth: date, today: date) -> str:
    """Years from 2 years on; months, then days, for babies (vaccination schedules need it)."""
    global _AGE_WORDS
    words = _AGE_WORDS = _AGE_WORDS or AgeWords()
    months = (today.year - birth.year) * 12 + today.month - birth.month
    if today.day < birth.day:
        months -= 1
    if months >= 24:
        return words.years(months // 12)
    if months >= 1:
        return words.months(months)
    return words.days(max(0, (today - birth).days))


def date_with_age(birth: date, today: date) -> str:
    template = QCoreApplication.translate("PatientTexts", "%1 (%2)", "date of birth (age)")
    return template.replace("%1", format_date(birth)).replace("%2", age_text(birth, today))


def language() -> str:
    """'fr' or 'en': which of identifiers.py's sentences to show."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def ins_reason_text(check: identifiers.IdentifierCheck) -> str:
    return check.message_fr if language() == "fr" else check.message_en


def ins_match_text(code: str) -> str:
    return identifiers.match_warning_message(code, language())


def problem_text(field: str, code: str, value: str = "") -> str:
    """What to do about one FieldProblem, in the user's words. `value` is the text typed,
    so an INS problem is worded by identifiers.py from the number itself."""
    if field == "ins":
        check = identifiers.validate_ins(value)
        if not check.ok and ins_reason_text(check):
            return ins_reason_text(check)
        return QCoreApplication.translate(
            "PatientTexts", "Check the INS number on the carte Vitale or the INSi result.")
    if (field, code) == ("birth_name", "required"):
        return QCoreApplication.translate(
            "PatientTexts", "Enter the birth name, as on the identity document.")
    if (field, code) == ("given_names", "required"):
        return QCoreApplication.translate("PatientTexts", "Enter at least the first given name.")
    if (field, code) == ("sex", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts", "Choose the sex (Undetermined if it is not known).")
    if (field, code) == ("birth_date", "required"):
        return QCoreApplication.translate("PatientTexts", "Enter the date of birth as dd/mm/yyyy.")
    if (field, code) == ("birth_date", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts",
            "This date does not exist: type it as dd/mm/yyyy, for example 05/03/1984.")
    if (field, code) == ("birth_date", "in_future"):
        return QCoreApplication.translate(
            "PatientTexts", "The date of birth is in the future: check the year.")
    if (field, code) == ("birth_date", "too_old"):
        return QCoreApplication.translate(
            "PatientTexts", "The date of birth is more than 125 years ago: check the year.")
    if (field, code) == ("birth_insee", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts",
            "Enter the 5-character INSEE code (for example 75056 or 2A004), or leave it empty.")
    if (field, code) == ("postal_code", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts", "Enter the 5-digit postal code, for example 75011.")
    if (field, code) == ("phone", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts", "Enter a phone number with digits, for example 06 12 34 56 78.")
    if (field, code) == ("email", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts", "Enter an e-mail address like name@example.fr.")
    return QCoreApplication.translate("PatientTexts", "Check this field.")
