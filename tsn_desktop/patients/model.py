"""The patient record and its pure rules: validation, names, likely duplicates."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import date

from tsn_desktop.core import identifiers
from tsn_desktop.core.records import FieldProblem, RecordMeta

SEXES = ("F", "M", "U")

# RNIV (Référentiel national d'identitovigilance, volet 1 "Principes communs") [EXI SI 07]:
# every stored identity has one of four exclusive confidence statuses, the cross of two
# independent facts: were the traits and the INS retrieved through the INSi teleservice,
# and were the traits checked against a high-trust identity document? FHIR codes:
# https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-identity-status (FR Core).
PROVISIONAL = "PROV"  # neither: typed locally, nothing checked
VALIDATED = "VALI"  # identity document checked, no INSi retrieval
RETRIEVED = "RECUP"  # INS retrieved through INSi, no identity document checked yet
QUALIFIED = "QUAL"  # both: only a qualified INS may reference and share health data
IDENTITY_STATUSES = (PROVISIONAL, RETRIEVED, VALIDATED, QUALIFIED)

# Documents the RNIV accepts as high-trust evidence for a validated / qualified identity
# (FR Core CodeSystem fr-core-cs-mode-validation-identity). The carte Vitale is not one:
# it proves insurance rights, not identity, and a child is often on a parent's card.
IDENTITY_DOCUMENTS = ("CN", "PA", "CS", "eCN", "IN", "LEP", "AN")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 .()-]{6,20}$")
_INSEE = re.compile(r"^(\d{5}|2[AB]\d{3})$")


@dataclass(frozen=True)
class Patient:
    """A patient as the practitioner types it. Record metadata sits in `meta`."""

    birth_name: str
    given_names: str
    sex: str
    birth_date: date
    used_name: str = ""
    birth_place: str = ""
    birth_insee: str = ""
    ins: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    treating_gp: str = ""
    # The document the traits were checked against ("" = none checked): see identity_status.
    identity_document: str = ""
    # Out of the default list but kept: created by mistake, moved away, no longer followed.
    archived: bool = False
    deceased_date: date | None = None
    # Merged into that patient (a duplicate): a tombstone pointing at the record kept.
    replaced_by: str = ""
    id: str = ""
    meta: RecordMeta = field(default_factory=lambda: RecordMeta())

    @property
    def display_name(self) -> str:
        """NAME (used name) Given names, the French clinical convention."""
        family = self.birth_name.upper()
        if self.used_name and self.used_name.casefold() != self.birth_name.casefold():
            family = f"{self.used_name.upper()} née {self.birth_name.upper()}" \
                if self.sex == "F" else f"{self.used_name.upper()} ({self.birth_name.upper()})"
        return f"{family} {self.given_names}".strip()

    @property
    def identity_status(self) -> str:
        """The RNIV status, derived so it can never contradict the record: an INS is only
        ever entered from the INSi result (RNIV: the INS is obtained from INSi only)."""
        return identity_status(bool(self.ins), bool(self.identity_document))

    @property
    def active(self) -> bool:
        """In the default register: not archived, not deceased, not merged away."""
        return not (self.archived or self.deceased_date or self.replaced_by)

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    def content(self) -> dict[str, object]:
        """The fields a user edits (used for change detection and FHIR)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("id", "meta")}


def pick_kept(a: Patient, b: Patient) -> tuple[Patient, Patient]:
    """Which of two duplicates to keep by default: the higher RNIV status (a qualified
    identity must not be replaced by a provisional one), then the older record."""
    rank = {s: i for i, s in enumerate(IDENTITY_STATUSES)}
    order = sorted((a, b), key=lambda p: (-rank[p.identity_status], p.meta.created_at, p.id))
    return order[0], order[1]


def identity_status(retrieved_from_insi: bool, document_checked: bool) -> str:
    """RNIV [EXI SI 07]: the status from its two criteria."""
    if retrieved_from_insi:
        return QUALIFIED if document_checked else RETRIEVED
    return VALIDATED if document_checked else PROVISIONAL


def clean(patient: Patient) -> Patient:
    """Trims what users paste: surrounding spaces, INS separators, upper-case INSEE codes."""
    text_fields = {f.name: getattr(patient, f.name).strip() for f in fields(patient)
                   if isinstance(getattr(patient, f.name), str)
                   and f.name not in ("id", "replaced_by")}
    if text_fields.get("ins"):
        text_fields["ins"] = identifiers.normalize_nir(text_fields["ins"])
    text_fields["birth_insee"] = text_fields.get("birth_insee", "").upper()
    text_fields["given_names"] = " ".join(text_fields.get("given_names", "").split())
    return replace(patient, **text_fields)


def validate(patient: Patient, today: date) -> list[FieldProblem]:
    """Every problem at once, so the form can mark all the fields in one go."""
    problems: list[FieldProblem] = []
    if not patient.birth_name:
        problems.append(FieldProblem("birth_name", "required"))
    if not patient.given_names:
        problems.append(FieldProblem("given_names", "required"))
    if patient.sex not in SEXES:
        problems.append(FieldProblem("sex", "invalid"))
    if patient.birth_date > today:
        problems.append(FieldProblem("birth_date", "in_future"))
    elif today.year - patient.birth_date.year > 125:
        problems.append(FieldProblem("birth_date", "too_old"))
    if patient.birth_insee and not _INSEE.match(patient.birth_insee):
        problems.append(FieldProblem("birth_insee", "invalid"))
    if patient.ins:
        check = identifiers.validate_ins(patient.ins)
        if not check.ok:
            problems.append(FieldProblem("ins", check.reason))
        else:
            # RNIV: an INS is attached to an identity only when INSi returned it for these
            # very traits. One whose sex or birth year/month contradict the patient belongs
            # to someone else (often the parent whose carte Vitale covers a child).
            for code in identifiers.ins_matches_patient(patient.ins, patient.sex,
                                                        patient.birth_date):
                problems.append(FieldProblem("ins", f"mismatch_{code}"))
    if patient.identity_document and patient.identity_document not in IDENTITY_DOCUMENTS:
        problems.append(FieldProblem("identity_document", "invalid"))
    if patient.deceased_date is not None:
        if patient.deceased_date > today:
            problems.append(FieldProblem("deceased_date", "in_future"))
        elif patient.deceased_date < patient.birth_date:
            problems.append(FieldProblem("deceased_date", "before_birth"))
    if patient.email and not _EMAIL.match(patient.email):
        problems.append(FieldProblem("email", "invalid"))
    if patient.phone and not _PHONE.match(patient.phone):
        problems.append(FieldProblem("phone", "invalid"))
    if patient.postal_code and not re.fullmatch(r"\d{5}", patient.postal_code):
        problems.append(FieldProblem("postal_code", "invalid"))
    return problems


DATE_TYPED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")


def parse_birth_date(term: str, today: date) -> date | None:
    """A date as the front desk types it: 19/11/1978, 19/11/78, 19111978 or 191178.
    A two-digit year is the latest one not in the future (78 -> 1978, 05 -> 2005)."""
    match = DATE_TYPED.match(term) or DATE_DIGITS.match(term)
    if not match:
        return None
    day, month, year_text = int(match[1]), int(match[2]), match[3]
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000
        try:
            if date(year, month, day) > today:
                year -= 100
        except ValueError:
            return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Upper case, accents removed, only letters and single spaces: HÉLÈNE-Marie -> HELENE MARIE."""
    # Ligatures have no decomposition: without this Œ/Æ/ß would simply vanish.
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^A-Za-z]+", " ", bare).upper().split())


def identity_key(patient: Patient) -> str:
    """Birth name and first given name, folded: two records with the same key and birth
    date are likely the same person (typing variants of accents and hyphens included)."""
    first_given = fold(patient.given_names).split(" ")[0] if patient.given_names else ""
    return f"{fold(patient.birth_name)}|{first_given}"
