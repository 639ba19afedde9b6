"""The patient's profile for recommendations on a real SQLCipher profile: facts are the
pack's observation codes, recorded with their source and who, ended or retracted once
(never rewritten, kept in the history), and the forecast follows them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.patients.factories import make_patient, valid_ins, valid_rpps
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.model import Fact, InvalidDose, Performer

TODAY = date(2026, 11, 23)
MIDWIFE = Performer("Julie MOREAU", "midwife", valid_rpps("1000067890"))


@pytest.fixture
def woman(db: Database) -> Patient:
    """Hélène, 30, never vaccinated against measles (no carnet)."""
    return patients.save(db, make_patient(
        given_names="Hélène", birth_date=date(1996, 3, 14),
        ins=valid_ins(year=1996, month=3))).patient


def ror_state(db: Database, patient: Patient, on: date = TODAY) -> str:
    view = service.open_carnet(db, patient.id, patient.birth_date, patient.sex, on)
    return view.assessment.groups["ROR"].status


def pregnant(patient: Patient, weeks: int, on: date = TODAY, **changes: object) -> Fact:
    return Fact(id="", patient_id=patient.id, code=model.PREGNANCY,
                onset=model.pregnancy_onset(weeks, 0, on), source=model.SEEN,
                **changes)  # type: ignore[arg-type]


def test_a_pregnancy_makes_measles_vaccine_contraindicated_until_it_ends(
        db: Database, woman: Patient) -> None:
    assert ror_state(db, woman) == "Not Complete"
    fact = service.record_fact(db, pregnant(woman, 22), TODAY, woman.birth_date, MIDWIFE)

    assert ror_state(db, woman) == "Contraindicated"

    service.end_fact(db, fact, TODAY, TODAY, MIDWIFE)  # delivered today
    assert ror_state(db, woman) == "Not Complete"
    [kept] = service.profile_facts(db, woman.id)
    assert (kept.status, kept.abatement, kept.ended_by) == (model.FACT_RESOLVED, TODAY,
                                                             MIDWIFE)


def test_documented_immunity_closes_the_measles_line(db: Database, woman: Patient) -> None:
    service.record_fact(db, Fact(id="", patient_id=woman.id, code="FR-IMMUNITE-ROR",
                                 onset=date(2020, 1, 6), source=model.DOCUMENT,
                                 note="sérologie rougeole positive"),
                        TODAY, woman.birth_date, MIDWIFE)

    assert ror_state(db, woman) == "Immune"


def test_a_fact_entered_in_error_stays_in_the_history_and_no_longer_counts(
        db: Database, woman: Patient) -> None:
    fact = service.record_fact(db, pregnant(woman, 10), TODAY, woman.birth_date, MIDWIFE)

    service.retract_fact(db, fact, MIDWIFE, "wrong patient")

    [kept] = service.profile_facts(db, woman.id)
    assert (kept.status, kept.end_why, kept.abatement) == (model.ENTERED_IN_ERROR,
                                                            "wrong patient", None)
    assert ror_state(db, woman) == "Not Complete"
    with pytest.raises(InvalidDose) as again:
        service.end_fact(db, kept, TODAY, TODAY, MIDWIFE)
    assert again.value.problems == (model.NOT_ACTIVE,)


def test_each_fact_keeps_its_source_and_who_recorded_it_and_goes_to_the_outbox(
        db: Database, woman: Patient) -> None:
    saved = service.record_fact(
        db, Fact(id="", patient_id=woman.id, code="FR-PRO-SANTE", onset=date(2019, 9, 1),
                 source=model.DECLARED, note="aide-soignante en EHPAD"),
        TODAY, woman.birth_date, MIDWIFE)

    [again] = service.profile_facts(db, woman.id)
    assert again == saved
    assert (again.source, again.recorded_by, again.note) == (
        model.DECLARED, MIDWIFE, "aide-soignante en EHPAD")
    assert db.query("SELECT resource_type, resource_id FROM outbox"
                    " WHERE resource_type = 'Condition'") == [("Condition", saved.id)]


@pytest.mark.parametrize(("changes", "problem"), [
    ({"code": "FR-NO-SUCH-THING"}, model.UNKNOWN_CODE),
    ({"code": model.PREGNANCY_20_36}, model.UNKNOWN_CODE),  # follows from the term
    ({"onset": date(2026, 11, 24)}, model.FUTURE),
    ({"onset": date(1990, 1, 1)}, model.BEFORE_BIRTH),
    ({"source": ""}, model.SOURCE_REQUIRED),
])
def test_a_bad_fact_is_refused_with_its_reason_and_nothing_is_written(
        db: Database, woman: Patient, changes: dict[str, object], problem: str) -> None:
    values: dict[str, object] = dict(id="", patient_id=woman.id, code="FR-IMMUNODEPRIME",
                                     onset=date(2024, 2, 1), source=model.SEEN)
    values.update(changes)

    with pytest.raises(InvalidDose) as refused:
        service.record_fact(db, Fact(**values), TODAY, woman.birth_date,  # type: ignore[arg-type]
                            MIDWIFE)

    assert problem in refused.value.problems
    assert db.query("SELECT count(*) FROM vaccination_fact") == [(0,)]


def test_a_pregnancy_past_42_weeks_is_refused(db: Database, woman: Patient) -> None:
    with pytest.raises(InvalidDose) as refused:
        service.record_fact(db, pregnant(woman, 43), TODAY, woman.birth_date, MIDWIFE)
    assert refused.value.problems == (model.BAD_TERM,)


def test_an_end_before_the_onset_or_in_the_future_is_refused(
        db: Database, woman: Patient) -> None:
    fact = service.record_fact(db, pregnant(woman, 12), TODAY, woman.birth_date, MIDWIFE)

    with pytest.raises(InvalidDose) as early:
        service.end_fact(db, fact, date(2026, 8, 1), TODAY, MIDWIFE)
    with pytest.raises(InvalidDose) as later:
        service.end_fact(db, fact, date(2026, 12, 1), TODAY, MIDWIFE)

    assert (early.value.problems, later.value.problems) == ((model.END_BEFORE_ONSET,),
                                                             (model.FUTURE,))


def test_recording_and_reading_the_profile_are_audited_fact_by_fact(
        db: Database, woman: Patient) -> None:
    fact = service.record_fact(db, pregnant(woman, 12), TODAY, woman.birth_date, MIDWIFE)

    service.open_carnet(db, woman.id, woman.birth_date, woman.sex, TODAY)

    assert db.query("SELECT action FROM audit_log WHERE resource_type = 'Condition'"
                    " AND resource_id = ? ORDER BY id", (fact.id,)) == [("create",), ("read",)]


# --- the pregnancy's term decides which pack codes hold (pure rule) -------------------------
KNOWN = frozenset({model.PREGNANCY, model.PREGNANCY_20_36, model.PREGNANCY_RSV})


def one_pregnancy(weeks: int, on: date) -> list[Fact]:
    return [Fact(id="p", patient_id="x", code=model.PREGNANCY,
                 onset=model.pregnancy_onset(weeks, 0, on))]


@pytest.mark.parametrize(("weeks", "on", "codes"), [
    (12, date(2026, 11, 23), {model.PREGNANCY}),
    (20, date(2026, 11, 23), {model.PREGNANCY, model.PREGNANCY_20_36}),
    (33, date(2026, 11, 23), {model.PREGNANCY, model.PREGNANCY_20_36, model.PREGNANCY_RSV}),
    (33, date(2027, 3, 15), {model.PREGNANCY, model.PREGNANCY_20_36}),  # RSV: Sept–Jan
    (37, date(2026, 11, 23), {model.PREGNANCY}),
    (43, date(2026, 11, 23), set()),  # surely over: no longer counted
])
def test_the_pregnancy_codes_follow_the_term_in_weeks_of_amenorrhoea(
        weeks: int, on: date, codes: set[str]) -> None:
    assert model.observations_on(one_pregnancy(weeks, on), on, KNOWN) == codes


def test_a_pregnancy_recorded_at_12_weeks_reaches_20_weeks_two_months_later() -> None:
    facts = one_pregnancy(12, date(2026, 9, 1))

    assert model.PREGNANCY_20_36 not in model.observations_on(facts, date(2026, 9, 1), KNOWN)
    assert model.PREGNANCY_20_36 in model.observations_on(facts, date(2026, 10, 27), KNOWN)


def test_only_facts_holding_that_day_count() -> None:
    fact = Fact(id="f", patient_id="x", code="FR-IMMUNODEPRIME", onset=date(2025, 1, 1),
                status=model.FACT_RESOLVED, abatement=date(2026, 1, 1))
    known = frozenset({"FR-IMMUNODEPRIME"})

    assert model.observations_on([fact], date(2025, 6, 1), known) == {"FR-IMMUNODEPRIME"}
    assert model.observations_on([fact], date(2026, 6, 1), known) == set()
    assert model.observations_on([fact], date(2024, 6, 1), known) == set()
