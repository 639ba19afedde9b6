"""Words the patient screens share: field labels, sexes, ages, dates and problem messages.

Every string is a literal QCoreApplication.translate("PatientTexts", ...) call so that
lupdate collects it; identifier words come from tsn_desktop/ui/wording.py, dates and ages
from tsn_desktop/ui/formatting.py.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from tsn_desktop.core import identifiers
from tsn_desktop.ui import formatting, wording

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
        "identity_document": QCoreApplication.translate(
            "PatientTexts", "Identity document checked"),
        "identity_status": QCoreApplication.translate("PatientTexts", "Identity status"),
        "archived": QCoreApplication.translate("PatientTexts", "Archived"),
        "deceased_date": QCoreApplication.translate("PatientTexts", "Date of death"),
        "replaced_by": QCoreApplication.translate("PatientTexts", "Merged into"),
    }
    return labels[name]


def identity_status_label(status: str) -> str:
    """The four RNIV statuses, in the words of the référentiel."""
    labels = {
        "PROV": QCoreApplication.translate("PatientTexts", "Provisional identity"),
        "RECUP": QCoreApplication.translate("PatientTexts", "Retrieved identity"),
        "VALI": QCoreApplication.translate("PatientTexts", "Validated identity"),
        "QUAL": QCoreApplication.translate("PatientTexts", "Qualified identity"),
    }
    return labels.get(status, "")


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
    labels = {
        "PROV": QCoreApplication.translate(
            "PatientTexts",
            "Not checked yet: check the traits on the patient's own identity document, "
            "and retrieve the INS from the INSi teleservice."),
        "RECUP": QCoreApplication.translate(
            "PatientTexts",
            "INS retrieved from INSi. To qualify it, check the traits on the patient's own "
            "identity document (not the carte Vitale)."),
        "VALI": QCoreApplication.translate(
            "PatientTexts",
            "Traits checked on an identity document. Retrieve the INS from the INSi "
            "teleservice to qualify the identity."),
        "QUAL": QCoreApplication.translate(
            "PatientTexts",
            "INS retrieved from INSi and traits checked on an identity document: the INS "
            "can be used to share health data."),
    }
    return labels.get(status, "")


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
    labels = {
        "": QCoreApplication.translate("PatientTexts", "None checked yet"),
        "CN": QCoreApplication.translate("PatientTexts", "National identity card"),
        "eCN": QCoreApplication.translate("PatientTexts", "Electronic identity card"),
        "PA": QCoreApplication.translate("PatientTexts", "Passport"),
        "CS": QCoreApplication.translate("PatientTexts", "Residence permit"),
        "IN": QCoreApplication.translate("PatientTexts", "La Poste digital identity"),
        "LEP": QCoreApplication.translate(
            "PatientTexts", "Parents' family record book (minor)"),
        "AN": QCoreApplication.translate("PatientTexts", "Birth certificate (minor)"),
    }
    return labels.get(code, code)


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
    if (field, code) == ("deceased_date", "in_future"):
        return QCoreApplication.translate(
            "PatientTexts", "The date of death is in the future: check it.")
    if (field, code) == ("deceased_date", "before_birth"):
        return QCoreApplication.translate(
            "PatientTexts", "The date of death is before the date of birth: check it.")
    if (field, code) == ("identity_document", "invalid"):
        return QCoreApplication.translate(
            "PatientTexts", "Choose an identity document from the list.")
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
