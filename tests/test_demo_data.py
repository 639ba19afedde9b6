"""The synthetic practice: valid INS, stable per seed, a believable GP patient list."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from datetime import date

import pytest

from tsn_desktop.core.identifiers import ins_matches_patient, validate_ins
from tsn_desktop.demo_data import DUPLICATE_RATE, generate_patients
from tsn_desktop.patients.model import Patient, clean, identity_key, validate

TODAY = date(2026, 11, 23)
COUNT = 20_000


@pytest.fixture(scope="module")
def practice() -> list[dict]:
    return generate_patients(COUNT, seed=0, today=TODAY)


def _age(row: dict) -> int:
    born: date = row["birth_date"]
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def test_the_requested_number_of_patients_is_generated():
    # Speed is measured in benchmarks/, not asserted here.
    assert len(generate_patients(COUNT, seed=1, today=TODAY)) == COUNT


def test_every_ins_validates_and_agrees_with_the_patient(practice):
    for row in practice:
        assert validate_ins(row["ins"]).ok, row
        assert ins_matches_patient(row["ins"], row["sex"], row["birth_date"]) == [], row
        assert row["ins"][5:10] == row["birth_insee"]


def test_ins_numbers_are_unique_even_for_duplicates(practice):
    assert len({row["ins"] for row in practice}) == len(practice)


def test_same_seed_same_practice_other_seed_other_practice(practice):
    assert generate_patients(300, seed=0, today=TODAY) == practice[:300]
    assert generate_patients(300, seed=1, today=TODAY) != practice[:300]


def test_count_is_exact_including_zero():
    assert generate_patients(0, today=TODAY) == []
    assert len(generate_patients(7, seed=3, today=TODAY)) == 7


def test_rows_are_valid_patients_for_the_patient_register(practice):
    for row in practice[:1000]:
        assert validate(clean(Patient(**row)), TODAY) == [], row


def test_age_pyramid_of_a_gp_practice(practice):
    ages = [_age(row) for row in practice]
    assert min(ages) >= 0 and max(ages) <= 100
    share = Counter(ages)
    # A flat 0-100 distribution puts ~1 % in each year; a GP list sees many more infants.
    assert share[0] / COUNT > 0.03
    assert (share[0] + share[1]) / COUNT > 0.05
    assert 0.05 < sum(a >= 75 for a in ages) / COUNT < 0.2
    assert 0.01 < sum(a >= 90 for a in ages) / COUNT < 0.04
    assert 30 <= statistics.median(ages) <= 45


def test_both_sexes_with_era_appropriate_accented_given_names(practice):
    sexes = Counter(row["sex"] for row in practice)
    assert set(sexes) == {"F", "M"}
    assert 0.45 < sexes["F"] / COUNT < 0.58
    counts = Counter(len(row["given_names"].split(" ")) for row in practice)
    assert set(counts) == {1, 2, 3}
    accented = sum(bool(re.search("[éèêëïîôçÉ]", row["given_names"])) for row in practice)
    assert accented / COUNT > 0.1


def test_about_a_third_of_adult_women_use_a_married_name(practice):
    women = [row for row in practice if row["sex"] == "F" and _age(row) >= 18]
    married = [row for row in women if row["used_name"]]
    assert 0.25 < len(married) / len(women) < 0.35
    assert all(row["used_name"] != row["birth_name"] for row in married)
    assert not any(row["used_name"] for row in practice if row["sex"] == "M")
    assert not any(row["used_name"] for row in practice if _age(row) < 18)


def test_corsica_overseas_and_abroad_births_are_present(practice):
    places = Counter(row["birth_insee"][:2] for row in practice)
    assert places["2A"] > 0 and places["2B"] > 0
    assert places["97"] > 0
    assert 0.08 < places["99"] / COUNT < 0.16
    corsican = [row for row in practice if row["birth_insee"].startswith(("2A", "2B"))]
    assert all(validate_ins(row["ins"]).ok for row in corsican)


def test_contact_details_look_french_and_harmless(practice):
    phone = re.compile(r"^0[467]( \d\d){4}$")
    assert all(phone.match(row["phone"]) for row in practice)
    emails = [row["email"] for row in practice if row["email"]]
    assert 0.3 < len(emails) / COUNT < 0.8  # some patients give none
    assert all(email.endswith("@example.org") and email.isascii() for email in emails)
    assert all(re.fullmatch(r"\d{5}", row["postal_code"]) for row in practice)
    assert all(row["treating_gp"].startswith("Dr ") for row in practice)
    assert 2 <= len({row["treating_gp"] for row in practice}) <= 5


def test_a_few_likely_duplicates_for_the_duplicate_flag_demo(practice):
    keys = Counter((identity_key(Patient(**row)), row["birth_date"]) for row in practice)
    duplicated = sum(n - 1 for n in keys.values() if n > 1)
    expected = COUNT * DUPLICATE_RATE  # about 40
    assert expected / 2 <= duplicated <= expected * 2
