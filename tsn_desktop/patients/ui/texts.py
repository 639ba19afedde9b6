"""Words the patient screens share: field labels, sexes, ages, dates and problem messages.

Every string is a literal QCoreApplication.translate("PatientTexts", ...) call, or a
QT_TRANSLATE_NOOP("PatientTexts", ...) source worded by `_label`, so that lupdate collects
it; identifier words come from tsn_desktop/ui/wording.py, dates and ages from
tsn_desktop/ui/formatting.py.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from tsn_desktop.core import identifiers
from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.ui import formatting, wording

if TYPE_CHECKING:
    from tsn_desktop.patients.model import Patient

# Each kind of code of the patient screens: one table a kind of catalogue sources
# (QT_TRANSLATE_NOOP lets lupdate collect them), worded by `_label` in the current language.
FIELD, STATUS, STATUS_HELP, DOCUMENT, SEX = "field", "status", "status_help", "document", "sex"
_LABELS: dict[str, dict[str, str]] = {
    FIELD: {
        "birth_name": QT_TRANSLATE_NOOP("PatientTexts", "Birth name"),
        "used_name": QT_TRANSLATE_NOOP("PatientTexts", "Used name"),
        "given_names": QT_TRANSLATE_NOOP("PatientTexts", "Given names"),
        "sex": QT_TRANSLATE_NOOP("PatientTexts", "Sex"),
        "birth_date": QT_TRANSLATE_NOOP("PatientTexts", "Date of birth"),
        "birth_place": QT_TRANSLATE_NOOP("PatientTexts", "Place of birth"),
        "birth_insee": QT_TRANSLATE_NOOP(
            "PatientTexts", "INSEE code of the place of birth"),
        "ins": QT_TRANSLATE_NOOP("PatientTexts", "INS number"),
        "address": QT_TRANSLATE_NOOP("PatientTexts", "Address"),
        "postal_code": QT_TRANSLATE_NOOP("PatientTexts", "Postal code"),
        "city": QT_TRANSLATE_NOOP("PatientTexts", "City"),
        "phone": QT_TRANSLATE_NOOP("PatientTexts", "Phone"),
        "email": QT_TRANSLATE_NOOP("PatientTexts", "E-mail"),
        "treating_gp": QT_TRANSLATE_NOOP("PatientTexts", "Treating GP"),
        "identity_document": QT_TRANSLATE_NOOP(
            "PatientTexts", "Identity document checked"),
        "identity_status": QT_TRANSLATE_NOOP("PatientTexts", "Identity status"),
        "archived": QT_TRANSLATE_NOOP("PatientTexts", "Archived"),
        "deceased_date": QT_TRANSLATE_NOOP("PatientTexts", "Date of death"),
        "replaced_by": QT_TRANSLATE_NOOP("PatientTexts", "Merged into"),
    },
    STATUS: {
        "PROV": QT_TRANSLATE_NOOP("PatientTexts", "Provisional identity"),
        "RECUP": QT_TRANSLATE_NOOP("PatientTexts", "Retrieved identity"),
        "VALI": QT_TRANSLATE_NOOP("PatientTexts", "Validated identity"),
        "QUAL": QT_TRANSLATE_NOOP("PatientTexts", "Qualified identity"),
    },
    STATUS_HELP: {
        "PROV": QT_TRANSLATE_NOOP(
            "PatientTexts",
            "Not checked yet: check the traits on the patient's own identity document, "
            "and retrieve the INS from the INSi teleservice."),
        "RECUP": QT_TRANSLATE_NOOP(
            "PatientTexts",
            "INS retrieved from INSi. To qualify it, check the traits on the patient's own "
            "identity document (not the carte Vitale)."),
        "VALI": QT_TRANSLATE_NOOP(
            "PatientTexts",
            "Traits checked on an identity document. Retrieve the INS from the INSi "
            "teleservice to qualify the identity."),
        "QUAL": QT_TRANSLATE_NOOP(
            "PatientTexts",
            "INS retrieved from INSi and traits checked on an identity document: the INS "
            "can be used to share health data."),
    },
    DOCUMENT: {
        "": QT_TRANSLATE_NOOP("PatientTexts", "None checked yet"),
        "CN": QT_TRANSLATE_NOOP("PatientTexts", "National identity card"),
        "eCN": QT_TRANSLATE_NOOP("PatientTexts", "Electronic identity card"),
        "PA": QT_TRANSLATE_NOOP("PatientTexts", "Passport"),
        "CS": QT_TRANSLATE_NOOP("PatientTexts", "Residence permit"),
        "IN": QT_TRANSLATE_NOOP("PatientTexts", "La Poste digital identity"),
        "LEP": QT_TRANSLATE_NOOP(
            "PatientTexts", "Parents' family record book (minor)"),
        "AN": QT_TRANSLATE_NOOP("PatientTexts", "Birth certificate (minor)"),
    },
    SEX: {
        "F": QT_TRANSLATE_NOOP("PatientTexts", "Female"),
        "M": QT_TRANSLATE_NOOP("PatientTexts", "Male"),
        "U": QT_TRANSLATE_NOOP("PatientTexts", "Undetermined"),
    },
}


def _label(kind: str, code: str) -> str | None:
    source = _LABELS[kind].get(code)
    if source is None:
        return None
    return QCoreApplication.translate("PatientTexts", source)  # QT_TRANSLATE_NOOP


def field_label(name: str) -> str:
    """The label of a Patient field, without mnemonic."""
    text = _label(FIELD, name)
    if text is None:
        raise KeyError(name)
    return text


def identity_status_label(status: str) -> str:
    """The four RNIV statuses, in the words of the référentiel."""
    return _label(STATUS, status) or ""


def identity_status_short(status: str) -> str:
    """One word for the register column."""
    labels = {
        "PROV": QCoreApplication.translate("PatientTexts", "Provisional", "identity status"),
        "RECUP": QCoreApplication.translate("PatientTexts", "Retrieved", "identity status"),
        "VALI": QCoreApplication.translate("PatientTexts", "Validated", "identity status"),
        "QUAL": QCoreApplication.translate("PatientTexts", "Qualified", "identity status"),
    }
    return labels.get(status, "")


def identity_status_help(status: str) -> str:
    """What the status means and what is left to do (RNIV)."""
    return _label(STATUS_HELP, status) or ""


def register_state(patient: Patient) -> str:
    """The register's "Identity" cell: the RNIV status, then why the patient is out of
    the default list, if they are."""
    parts = [identity_status_short(patient.identity_status)]
    if patient.replaced_by:
        parts.append(QCoreApplication.translate("PatientTexts", "merged", "register state"))
    elif patient.deceased_date is not None:
        parts.append(QCoreApplication.translate("PatientTexts", "deceased %1",
                                                "register state").replace(
            "%1", format_date(patient.deceased_date)))
    elif patient.archived:
        parts.append(QCoreApplication.translate("PatientTexts", "archived", "register state"))
    return " · ".join(parts)


def identity_document_label(code: str) -> str:
    return _label(DOCUMENT, code) or code


def sex_label(sex: str) -> str:
    return _label(SEX, sex) or ""


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
    """dd/mm/yyyy, the form French clinicians read and type (ui/formatting.py)."""
    return formatting.date_text(day)


def age_text(birth: date, today: date) -> str:
    """'34 ans', '3 mois', '5 jours' (ui/formatting.py)."""
    return formatting.age_text(birth, today)


def date_with_age(birth: date, today: date) -> str:
    template = QCoreApplication.translate("PatientTexts", "%1 (%2)", "date of birth (age)")
    return template.replace("%1", format_date(birth)).replace("%2", age_text(birth, today))


def ins_reason_text(check: identifiers.IdentifierCheck) -> str:
    return wording.ins_check_text(check.reason)


def ins_match_text(code: str) -> str:
    return wording.ins_match_text(code)


def ins_mismatch_text(codes: list[str]) -> str:
    """An INS that contradicts the patient's sex or birth date: why it cannot be saved,
    and where to check (never the carte Vitale: a child is often on a parent's card)."""
    facts = " ".join(ins_match_text(code) for code in codes)
    return facts + " " + QCoreApplication.translate(
        "PatientTexts",
        "This INS cannot be saved with this patient: it may be another person's (a parent's, "
        "for a child). Check the sex and date of birth on the patient's own identity "
        "document and query the INSi teleservice again, or save without the INS.")


# What to do about a FieldProblem (field, code) other than an INS one.
_PROBLEMS: dict[tuple[str, str], str] = {
    ("deceased_date", "in_future"): QT_TRANSLATE_NOOP(
        "PatientTexts", "The date of death is in the future: check it."),
    ("deceased_date", "before_birth"): QT_TRANSLATE_NOOP(
        "PatientTexts", "The date of death is before the date of birth: check it."),
    ("identity_document", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Choose an identity document from the list."),
    ("birth_name", "required"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter the birth name, as on the identity document."),
    ("given_names", "required"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter at least the first given name."),
    ("sex", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Choose the sex (Undetermined if it is not known)."),
    ("birth_date", "required"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter the date of birth as dd/mm/yyyy."),
    ("birth_date", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts",
        "This date does not exist: type it as dd/mm/yyyy, for example 05/03/1984."),
    ("birth_date", "in_future"): QT_TRANSLATE_NOOP(
        "PatientTexts", "The date of birth is in the future: check the year."),
    ("birth_date", "too_old"): QT_TRANSLATE_NOOP(
        "PatientTexts", "The date of birth is more than 125 years ago: check the year."),
    ("birth_insee", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts",
        "Enter the 5-character INSEE code (for example 75056 or 2A004), or leave it empty."),
    ("postal_code", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter the 5-digit postal code, for example 75011."),
    ("phone", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter a phone number with digits, for example 06 12 34 56 78."),
    ("email", "invalid"): QT_TRANSLATE_NOOP(
        "PatientTexts", "Enter an e-mail address like name@example.fr."),
}


def problem_text(field: str, code: str, value: str = "") -> str:
    """What to do about one FieldProblem, in the user's words. `value` is the text typed,
    so an INS problem is worded from the number itself."""
    if field == "ins":
        if code.startswith("mismatch_"):
            return ins_mismatch_text([code.removeprefix("mismatch_")])
        check = identifiers.validate_ins(value)
        if not check.ok and ins_reason_text(check):
            return ins_reason_text(check)
        return QCoreApplication.translate(
            "PatientTexts", "Copy the INS again from the INSi teleservice result.")
    source = _PROBLEMS.get((field, code), QT_TRANSLATE_NOOP("PatientTexts", "Check this field."))
    return QCoreApplication.translate("PatientTexts", source)  # QT_TRANSLATE_NOOP
