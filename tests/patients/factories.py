"""Test data for the patient register: valid identifiers and a complete patient."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.helpers import FAST_KDF  # noqa: F401 - re-exported for the patient tests
from tsn_desktop.core import identifiers
from tsn_desktop.patients.model import Patient

TODAY = date(2026, 11, 23)
PASSPHRASE = "une phrase de passe assez longue"


def valid_rpps(stem: str = "1000051731") -> str:
    """An 11-digit RPPS whose last digit is the Luhn check digit."""
    return stem + str(identifiers.luhn_check_digit(stem))


def valid_ins(sex: str = "2", year: int = 1980, month: int = 3, place: str = "75056",
              order: str = "123") -> str:
    nir13 = f"{sex}{year % 100:02d}{month:02d}{place}{order}"
    return f"{nir13}{identifiers.nir_key(nir13):02d}"


def make_patient(**overrides: object) -> Patient:
    """A complete, valid patient; override what the test is about."""
    base = Patient(
        birth_name="Dupont", given_names="Hélène Marie", sex="F",
        birth_date=date(1980, 3, 14), used_name="", birth_place="Paris",
        birth_insee="75056", ins=valid_ins(), address="12 rue des Lilas",
        postal_code="69003", city="Lyon", phone="06 12 34 56 78",
        email="helene.dupont@example.org", treating_gp="Dr Anne Martin",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]
