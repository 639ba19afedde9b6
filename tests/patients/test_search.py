"""Finding a patient the way the front desk types: name starts, a date, a year, an INS."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsn_desktop.core.db import Database
from tsn_desktop.patients import service
from tsn_desktop.patients.model import Patient

from .factories import make_patient, valid_ins


@pytest.fixture
def register(db: Database) -> dict[str, Patient]:
    people = {
        "helene": make_patient(birth_name="Dupont", given_names="Hélène Marie",
                               birth_date=date(1980, 3, 14), ins=valid_ins()),
        "jean_pierre": make_patient(birth_name="Lefèvre", given_names="Jean-Pierre", sex="M",
                                    birth_date=date(1955, 7, 2),
                                    ins=valid_ins("1", 1955, 7, "69123", "045")),
        "marie": make_patient(birth_name="Martin", used_name="Dupont-Leroy",
                              given_names="Marie", birth_date=date(1980, 11, 30),
                              ins=valid_ins("2", 1980, 11, "2A004", "002")),
        "noah": make_patient(birth_name="N'Diaye", given_names="Noah", sex="M",
                             birth_date=date(2025, 12, 1), ins=""),
    }
    return {key: service.save(db, p).patient for key, p in people.items()}


def _found(db: Database, text: str) -> set[str]:
    return {p.given_names for p in service.search(db, text)}


@pytest.mark.parametrize("text", ["dup", "DUPONT", "dupont hél", "hel dup", "Helene", "hélène",
                                  "MARIE dupont", "  dupont   helene  "])
def test_name_starts_match_in_any_order_with_or_without_accents(
        db: Database, register: dict[str, Patient], text: str) -> None:
    assert "Hélène Marie" in _found(db, text)


def test_every_word_must_match_some_name(db: Database, register: dict[str, Patient]) -> None:
    assert _found(db, "dupont jean") == set()
    assert _found(db, "lefevre jean pierre") == {"Jean-Pierre"}
    assert _found(db, "jean-pierre") == {"Jean-Pierre"}


def test_the_used_name_is_searchable_too(db: Database, register: dict[str, Patient]) -> None:
    assert _found(db, "leroy") == {"Marie"}
    assert _found(db, "dupont") == {"Hélène Marie", "Marie"}


def test_names_with_apostrophes_are_found(db: Database, register: dict[str, Patient]) -> None:
    assert _found(db, "n'diaye") == {"Noah"}
    assert _found(db, "ndiaye") == set()  # what is typed apart stays apart
    assert _found(db, "diaye") == {"Noah"}


@pytest.mark.parametrize("text", ["14/03/1980", "14.03.1980", "14-03-1980", "14/3/1980"])
def test_a_birth_date_as_dd_mm_yyyy_finds_the_patient(
        db: Database, register: dict[str, Patient], text: str) -> None:
    assert _found(db, text) == {"Hélène Marie"}


def test_a_date_and_a_name_narrow_each_other(db: Database, register: dict[str, Patient]) -> None:
    assert _found(db, "dupont 30/11/1980") == {"Marie"}
    assert _found(db, "30/11/1980 lefevre") == set()


def test_an_impossible_date_finds_nobody(db: Database, register: dict[str, Patient]) -> None:
    assert _found(db, "31/02/1980") == set()


def test_a_year_lists_the_patients_born_that_year(db: Database,
                                                  register: dict[str, Patient]) -> None:
    assert _found(db, "1980") == {"Hélène Marie", "Marie"}
    assert _found(db, "1980 martin") == {"Marie"}
    assert _found(db, "2025") == {"Noah"}


def test_an_ins_is_found_typed_as_on_the_carte_vitale(db: Database,
                                                      register: dict[str, Patient]) -> None:
    ins = register["jean_pierre"].ins
    spaced = " ".join([ins[0], ins[1:3], ins[3:5], ins[5:7], ins[7:10], ins[10:13], ins[13:]])

    assert _found(db, spaced) == {"Jean-Pierre"}
    assert _found(db, ins) == {"Jean-Pierre"}
    assert _found(db, spaced[:8]) == {"Jean-Pierre"}  # the start is enough


def test_a_corsican_ins_is_found_in_lower_case(db: Database, register: dict[str, Patient]) -> None:
    ins = register["marie"].ins
    assert "2A" in ins
    assert _found(db, ins.lower()) == {"Marie"}


def test_an_empty_search_lists_the_register_in_name_order(
        db: Database, register: dict[str, Patient]) -> None:
    names = [p.birth_name for p in service.search(db, "")]
    assert names == ["Dupont", "Lefèvre", "Martin", "N'Diaye"]


def test_the_limit_caps_the_results(db: Database, register: dict[str, Patient]) -> None:
    assert len(service.search(db, "", limit=2)) == 2
    assert len(service.search(db, "1980", limit=1)) == 1


def test_the_full_text_index_follows_a_change_of_name(
        db: Database, register: dict[str, Patient]) -> None:
    helene = register["helene"]

    service.save(db, replace(helene, birth_name="Durand", given_names="Hélène"))

    assert _found(db, "dupont hel") == set()
    assert _found(db, "durand hel") == {"Hélène"}
    assert _found(db, "marie") == {"Marie"}  # her dropped second given name is gone too


def test_deleted_patients_are_not_found(db: Database, register: dict[str, Patient]) -> None:
    service.delete(db, register["helene"])
    assert _found(db, "dupont") == {"Marie"}
    assert _found(db, "14/03/1980") == set()
    assert _found(db, register["helene"].ins) == set()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40))
def test_no_typed_text_breaks_the_search(db: Database, text: str) -> None:
    """Quotes, stars, NEAR(, AND, control characters: user text is never FTS or SQL syntax."""
    assert isinstance(service.search(db, text), list)


@pytest.mark.parametrize("text", ['"', "*", "dup*", "NEAR(a b)", "a AND b", "-dupont", "(",
                                  "^dup", "dupont:", "col:x", "''", "%", "_", "\\"])
def test_search_syntax_characters_are_plain_text(
        db: Database, register: dict[str, Patient], text: str) -> None:
    assert isinstance(service.search(db, text), list)


# --- birth dates as typed at the front desk (issue 9 item 14) ----------------------------
@pytest.mark.parametrize("text", ["02071955", "020755", "02/07/55", "2/7/55", "02.07.1955",
                                  "02/07/1955"])
def test_a_birth_date_is_found_typed_with_or_without_separators_and_a_short_year(
        db: Database, register: dict[str, Patient], text: str) -> None:
    assert _found(db, text) == {"Jean-Pierre"}


def test_a_two_digit_year_is_never_in_the_future(db: Database,
                                                  register: dict[str, Patient]) -> None:
    # Today is 23/11/2026: 01/12/25 is 2025 (a baby), 01/12/27 would be 1927.
    assert _found(db, "011225") == {"Noah"}
    assert _found(db, "01/12/25") == {"Noah"}
    from tsn_desktop.patients.store import parse_birth_date
    assert parse_birth_date("011227", date(2026, 11, 23)) == date(1927, 12, 1)
    assert parse_birth_date("231126", date(2026, 11, 23)) == date(2026, 11, 23)


def test_digits_that_are_a_date_and_an_ins_start_find_both(
        db: Database, register: dict[str, Patient]) -> None:
    # "155070" is no date; "140380" is 14/03/1980 (Hélène) — and no INS starts with it.
    assert _found(db, "14031980") == {"Hélène Marie"}
    assert _found(db, "155076") == {"Jean-Pierre"}  # the start of his INS


def test_the_search_gives_the_true_number_of_matches_and_pages_through_them(
        db: Database) -> None:
    for n in range(7):
        service.save(db, make_patient(birth_name=f"Durand{chr(65 + n)}", ins=""))
    first = service.search_page(db, "durand", limit=3)
    rest = service.search_page(db, "durand", limit=10, offset=3)
    assert first.total == rest.total == 7
    assert len(first.patients) == 3 and len(rest.patients) == 4
    assert {p.id for p in first.patients}.isdisjoint({p.id for p in rest.patients})
