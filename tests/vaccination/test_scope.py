"""Who may vaccinate what (issue 10 item 7), from the catalogue pack's scope.json: a
pharmacist or a nurse on their own from 11 years, a midwife for women, children and an
infant's entourage, never a live vaccine for an immunocompromised patient; outside the
scope the dose is given on a physician's prescription, recorded with the prescriber."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.patients.factories import make_patient, valid_ins, valid_rpps
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import model, scope, service
from tsn_desktop.vaccination.fhir import from_fhir, to_fhir
from tsn_desktop.vaccination.model import Dose, Fact, InvalidDose, Performer

TODAY = date(2026, 11, 23)
SCOPE = scope.shipped_scope()
PHARMACIST = Performer("Paul ROUX", "pharmacist", valid_rpps("1000043210"))
MIDWIFE = Performer("Julie MOREAU", "midwife", valid_rpps("1000067890"))
DOCTOR = Performer("Marie DURAND", "physician", valid_rpps("1000098765"))
NONE: frozenset[str] = frozenset()


@pytest.mark.parametrize(("profession", "live", "birth", "sex", "observations", "outside"), [
    ("general_practitioner", True, date(2026, 5, 1), "M", {"FR-IMMUNODEPRIME"}, None),
    ("pharmacist", False, date(2015, 11, 23), "M", NONE, None),  # 11 today
    ("pharmacist", False, date(2015, 11, 24), "M", NONE, scope.OUTSIDE_AGE),  # 11 tomorrow
    ("nurse", False, date(2020, 1, 1), "F", NONE, scope.OUTSIDE_AGE),
    ("nurse", False, date(1950, 1, 1), "F", NONE, None),
    ("nurse", True, date(1990, 1, 1), "F", {"FR-IMMUNODEPRIME"}, scope.OUTSIDE_LIVE),
    ("midwife", False, date(1990, 1, 1), "F", NONE, None),  # a woman
    ("midwife", False, date(2026, 3, 1), "M", NONE, None),  # a child
    ("midwife", False, date(1985, 1, 1), "M", NONE, scope.OUTSIDE_PATIENT),
    ("midwife", False, date(1985, 1, 1), "M", {"FR-COCOONING"}, None),  # the father
    ("midwife", True, date(1990, 1, 1), "F", {"FR-IMMUNODEPRIME"}, scope.OUTSIDE_LIVE),
    ("", False, date(1990, 1, 1), "F", NONE, scope.OUTSIDE_PROFESSION),
])
def test_the_scope_of_each_profession(profession: str, live: bool, birth: date, sex: str,
                                      observations: set[str], outside: str | None) -> None:
    assert scope.outside_scope(SCOPE, profession, live, birth, sex, frozenset(observations),
                               TODAY) == outside


@pytest.fixture
def child(db: Database) -> Patient:
    """Tom, 8: too young for the pharmacist to vaccinate on his own initiative."""
    return patients.save(db, make_patient(given_names="Tom", sex="M",
                                          birth_date=date(2018, 4, 2), ins="")).patient


def flu(patient: Patient, **changes: object) -> Dose:
    base = Dose(id="", patient_id=patient.id, occurrence=TODAY, product="FR-VAXIGRIPTETRA",
                lot="W3K12", expiry=date(2027, 6, 30), site="deltoid-left", route="IM",
                performer=PHARMACIST, place="officine")
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_pharmacist_vaccinating_a_child_must_name_the_prescriber_and_nothing_is_saved(
        db: Database, child: Patient) -> None:
    with pytest.raises(InvalidDose) as refused:
        service.record_dose(db, flu(child), TODAY, child.birth_date, PHARMACIST, sex="M")

    assert refused.value.problems == (scope.PRESCRIBER_REQUIRED,)
    assert db.query("SELECT count(*) FROM vaccination_dose") == [(0,)]


def test_a_prescriber_with_a_bad_rpps_is_refused(db: Database, child: Patient) -> None:
    bad = replace(DOCTOR, rpps="10000987650" if DOCTOR.rpps != "10000987650"
                  else "10000987651")
    with pytest.raises(InvalidDose) as refused:
        service.record_dose(db, flu(child, prescriber=bad), TODAY, child.birth_date,
                            PHARMACIST, sex="M")
    assert refused.value.problems == (scope.PRESCRIBER_REQUIRED,)


def test_on_prescription_the_dose_keeps_the_prescriber_and_why_and_travels_with_them(
        db: Database, child: Patient) -> None:
    saved = service.record_dose(db, flu(child, prescriber=DOCTOR), TODAY, child.birth_date,
                                PHARMACIST, sex="M")

    [again] = service.carnet(db, child.id)
    assert (again.prescriber, again.scope_reason) == (DOCTOR, scope.OUTSIDE_AGE)
    resource = to_fhir(again)
    assert [p["function"]["coding"][0]["code"] for p in resource["performer"]] == ["AP", "OP"]
    assert resource["performer"][1]["actor"]["identifier"]["value"] == DOCTOR.rpps
    assert from_fhir(resource, own_rpps=PHARMACIST.rpps) == replace(saved, meta=model.DoseMeta())


def test_within_scope_no_prescriber_is_asked(db: Database) -> None:
    adult = patients.save(db, make_patient(given_names="Anne", birth_date=date(1980, 3, 14),
                                           ins=valid_ins())).patient
    saved = service.record_dose(db, flu(adult), TODAY, adult.birth_date, PHARMACIST, sex="F")
    assert (saved.prescriber, saved.scope_reason) == (Performer(), "")


def test_an_immunodepression_in_the_profile_puts_a_live_vaccine_outside_the_midwifes_scope(
        db: Database) -> None:
    woman = patients.save(db, make_patient(given_names="Hélène", birth_date=date(1996, 3, 14),
                                           ins=valid_ins(year=1996, month=3))).patient
    mmr = Dose(id="", patient_id=woman.id, occurrence=TODAY, product="FR-PRIORIX",
               lot="R55", expiry=date(2027, 6, 30), site="deltoid-left", route="SC",
               performer=MIDWIFE)
    assert service.scope_problem(db, woman.id, "FR-PRIORIX", TODAY, woman.birth_date, "F",
                                 MIDWIFE) is None
    service.record_fact(db, Fact(id="", patient_id=woman.id, code="FR-IMMUNODEPRIME",
                                 onset=date(2024, 1, 8), source=model.DOCUMENT),
                        TODAY, woman.birth_date, MIDWIFE)

    with pytest.raises(InvalidDose) as refused:
        service.record_dose(db, mmr, TODAY, woman.birth_date, MIDWIFE, sex="F")

    assert refused.value.problems == (scope.PRESCRIBER_REQUIRED,)
    assert service.scope_problem(db, woman.id, "FR-PRIORIX", TODAY, woman.birth_date, "F",
                                 MIDWIFE) == scope.OUTSIDE_LIVE


def test_a_dose_copied_from_the_paper_carnet_needs_no_prescriber(
        db: Database, child: Patient) -> None:
    saved = service.record_dose(db, flu(child, outcome=model.HISTORICAL,
                                        source=model.TRANSCRIBED, lot=""),
                                TODAY, child.birth_date, PHARMACIST, sex="M")
    assert saved.scope_reason == ""


def test_a_scope_edited_without_rehash_is_refused(tmp_path) -> None:
    import shutil

    from tsn_desktop.vaccination.catalogue import catalogues_dir
    from tsn_desktop.vaccination.datapack import DataPackError

    pack = tmp_path / "fr-2025"
    shutil.copytree(catalogues_dir() / "fr-2025", pack)
    path = pack / "scope.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"min_age_years": 11',
                                                              '"min_age_years": 0'),
                    encoding="utf-8")

    with pytest.raises(DataPackError, match="scope.json"):
        scope.load_scope(pack)
