"""Recording doses in the carnet on a real SQLCipher profile: what is refused (and then
nothing is written), marking entered-in-error (append-only, audited), reading audited,
and the forecast moving when the missing dose is recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.patients.factories import make_patient, valid_rpps
from tsn_desktop.core import audit
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.model import Dose, InvalidDose, Performer

TODAY = date(2026, 11, 23)
NURSE = Performer("Claire PETIT", "nurse", valid_rpps("1000012345"))
BABY_DOB = date(2026, 5, 10)  # 6 months old on TODAY
# A nurse vaccinates an infant on a physician's prescription (scope.py).
DOCTOR = Performer("Marie DURAND", "physician", valid_rpps("1000098765"))


@pytest.fixture
def baby(db: Database) -> Patient:
    return patients.save(db, make_patient(given_names="Léa", birth_date=BABY_DOB,
                                          ins="")).patient


def hexyon(baby: Patient, on: date, **changes: object) -> Dose:
    base = Dose(id="", patient_id=baby.id, occurrence=on, product="FR-HEXYON",
                lot="X4F21A", expiry=date(2027, 12, 31), site="thigh-left", route="IM",
                performer=NURSE, place="cabinet", prescriber=DOCTOR)
    return replace(base, **changes)  # type: ignore[arg-type]


def record(db: Database, dose: Dose) -> Dose:
    return service.record_dose(db, dose, TODAY, BABY_DOB, NURSE)


def doses_in_db(db: Database) -> int:
    return int(db.query_one("SELECT count(*) FROM vaccination_dose")[0])


def test_a_recorded_dose_is_in_the_carnet_with_lot_site_performer_and_goes_to_the_outbox(
        db: Database, baby: Patient) -> None:
    saved = record(db, hexyon(baby, date(2026, 7, 10)))
    [again] = service.carnet(db, baby.id)
    assert again == saved
    assert (again.lot, again.site, again.route, again.performer, again.source) == (
        "X4F21A", "thigh-left", "IM", NURSE, model.RECORDED)
    assert db.query("SELECT resource_type, resource_id, local_version FROM outbox"
                    " WHERE resource_type = 'Immunization'") == [("Immunization", saved.id, 1)]


@pytest.mark.parametrize(("changes", "problem"), [
    ({"occurrence": date(2026, 11, 24)}, model.FUTURE),
    ({"occurrence": date(2026, 5, 9)}, model.BEFORE_BIRTH),
    ({"expiry": date(2026, 7, 9)}, model.EXPIRED_AT_DATE),
    ({"lot": "AB\x0712"}, model.LOT_CONTROL),
    ({"lot": ""}, model.LOT_REQUIRED),
    ({"product": "FR-NOT-A-VACCINE"}, model.UNKNOWN_PRODUCT),
    ({"route": "SC"}, model.ROUTE_NOT_ALLOWED),  # Hexyon is intramuscular only
    ({"outcome": model.NOT_GIVEN}, model.REASON_REQUIRED),
])
def test_a_bad_dose_is_refused_with_its_reason_and_nothing_is_written(
        db: Database, baby: Patient, changes: dict, problem: str) -> None:
    with pytest.raises(InvalidDose) as refused:
        record(db, hexyon(baby, date(2026, 7, 10), **changes))
    assert problem in refused.value.problems
    assert doses_in_db(db) == 0
    assert db.query_one("SELECT count(*) FROM outbox WHERE resource_type = 'Immunization'"
                        ) == (0,)


def test_a_dose_transcribed_from_the_paper_carnet_needs_no_lot_and_may_be_an_old_brand(
        db: Database) -> None:
    adult = patients.save(db, make_patient()).patient
    dose = service.record_dose(
        db, Dose(id="", patient_id=adult.id, occurrence=date(2015, 3, 1),
                 product="FR-ZOSTAVAX", outcome=model.HISTORICAL,
                 source=model.TRANSCRIBED), TODAY, adult.birth_date, NURSE)
    assert (dose.lot, dose.source, dose.recorded_by) == ("", model.TRANSCRIBED, NURSE)


def test_a_refused_vaccination_is_kept_with_its_reason_and_leaves_the_forecast_due(
        db: Database, baby: Patient) -> None:
    record(db, hexyon(baby, date(2026, 7, 10)))
    record(db, hexyon(baby, date(2026, 9, 10)))
    refused = record(db, hexyon(baby, TODAY, outcome=model.NOT_GIVEN, reason="refused",
                                lot=""))
    view = service.open_carnet(db, baby.id, BABY_DOB, "F", TODAY)
    assert refused in view.doses
    assert view.assessment.groups["DTP"].forecast_dose_number == 3


def test_the_late_6_month_old_is_up_to_date_once_the_missing_4_month_dose_is_recorded(
        db: Database, baby: Patient) -> None:
    record(db, hexyon(baby, date(2026, 7, 10)))  # 2 months
    before = service.open_carnet(db, baby.id, BABY_DOB, "F", TODAY).assessment.groups["DTP"]
    assert before.past_due is not None and before.past_due <= TODAY  # the 4-month dose
    record(db, hexyon(baby, TODAY))
    after = service.open_carnet(db, baby.id, BABY_DOB, "F", TODAY).assessment.groups["DTP"]
    assert after.forecast_dose_number == 3 and after.earliest > TODAY


def test_marking_a_dose_in_error_keeps_it_with_who_when_why_and_it_leaves_the_forecast(
        db: Database, baby: Patient) -> None:
    first = record(db, hexyon(baby, date(2026, 7, 10)))
    gp = Performer("Anne MARTIN", "general_practitioner", valid_rpps())
    marked = service.mark_entered_in_error(db, first, gp, "  wrong patient  ")
    [kept] = service.carnet(db, baby.id)
    assert kept == marked
    assert (kept.status, kept.error_by, kept.error_why, kept.error_at) == (
        model.ENTERED_IN_ERROR, gp, "wrong patient", "2026-11-23T09:30:00.000000Z")
    assert (kept.lot, kept.occurrence, kept.product) == (first.lot, first.occurrence,
                                                         first.product)
    view = service.open_carnet(db, baby.id, BABY_DOB, "F", TODAY)
    assert view.assessment.groups["DTP"].forecast_dose_number == 1
    assert [r.action for r in audit.for_resource(db._conn, "Immunization", first.id)][:2] == [
        "create", "update"]
    with pytest.raises(InvalidDose) as twice:
        service.mark_entered_in_error(db, kept, gp, "again")
    assert twice.value.problems == (model.ALREADY_IN_ERROR,)


def test_marking_in_error_needs_a_reason(db: Database, baby: Patient) -> None:
    dose = record(db, hexyon(baby, date(2026, 7, 10)))
    with pytest.raises(InvalidDose):
        service.mark_entered_in_error(db, dose, NURSE, "   ")
    assert service.carnet(db, baby.id)[0].status == model.COMPLETED


def test_reading_the_carnet_is_audited_dose_by_dose(db: Database, baby: Patient) -> None:
    dose = record(db, hexyon(baby, date(2026, 7, 10)))
    service.carnet(db, baby.id)
    assert "read" in [r.action for r in audit.for_resource(db._conn, "Immunization", dose.id)]


def test_after_a_merge_the_kept_file_shows_the_doses_recorded_on_the_duplicate(
        db: Database, baby: Patient) -> None:
    twin = patients.save(db, make_patient(given_names="Lea", birth_date=BABY_DOB,
                                          ins="")).patient
    on_twin = record(db, replace(hexyon(baby, date(2026, 7, 10)), patient_id=twin.id))
    patients.merge(db, baby, patients.store.get(db, twin.id))
    [shown] = service.carnet(db, baby.id)
    assert shown.id == on_twin.id and shown.patient_id == twin.id  # never re-pointed
