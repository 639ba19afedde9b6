"""French clinical cases (tests/vaccination/fr_cases, CDSi format) run by the conformance runner.

Every case is written from the calendrier des vaccinations 2025, its catch-up
tables, the HAS/HCSP recommendation or the product's SmPC it cites, not from
the engine's output.  Fields a case leaves out are not compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tsn_desktop.vaccination import conformance
from tsn_desktop.vaccination.datapack import load_pack, pack_dir
from tsn_desktop.vaccination.schedule import SupportingData

CASES = Path(__file__).resolve().parent / "fr_cases"
ALL_CASES = conformance.load_cases(CASES)


@pytest.fixture(scope="module")
def fr() -> SupportingData:
    return load_pack("fr-2025")[1]


def _one(**changes: object) -> dict:
    base: dict = {
        "id": "T", "dob": "2025-01-15", "gender": "F", "medical_history": None,
        "assessment_date": "2025-01-20", "vaccine_group": "DTP", "doses": [],
        "expected": {"series_status": "Not Complete", "forecast_dose_number": "1",
                     "earliest": "2025-02-26", "recommended": "2025-03-15"},
    }
    base.update(changes)
    return base


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_french_clinical_case(case: dict, fr: SupportingData) -> None:
    assert case.get("citation"), f"{case['id']}: every French case cites its source"
    mismatches = conformance.check_case(case, fr)
    assert not mismatches, conformance.failure_line(case["id"], mismatches)


def test_case_folder_holds_cases_with_unique_ids() -> None:
    ids = [c["id"] for c in ALL_CASES]
    assert len(ids) >= 15 and len(set(ids)) == len(ids)


def test_cli_runs_a_folder_of_french_cases(capsys: pytest.CaptureFixture[str]) -> None:
    code = conformance.main(["--cases", str(CASES), "--supporting-data", str(pack_dir())])
    assert code == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == f"{len(ALL_CASES)} passed, 0 failed"


def test_pack_vaccine_group_name_is_accepted(fr: SupportingData) -> None:
    # Infant DTP: 1st dose recommended at 2 months, from 6 weeks (CAL2025 tableau synoptique).
    assert conformance.check_case(_one(), fr) == []


def test_unknown_vaccine_group_is_one_failed_case_naming_it(fr: SupportingData) -> None:
    [(_, mismatches)] = list(conformance.run_cases([_one(vaccine_group="Tétanos")], fr))
    assert "Tétanos" in mismatches[0].got


def test_expected_fields_left_out_are_not_compared(fr: SupportingData) -> None:
    case = _one(expected={"forecast_dose_number": "1"})
    assert conformance.check_case(case, fr) == []
    wrong = _one(expected={"forecast_dose_number": "2"})
    assert [m.field for m in conformance.check_case(wrong, fr)] == ["forecast_dose_number"]


def test_an_empty_expected_date_still_means_no_date(fr: SupportingData) -> None:
    case = _one(expected={"past_due": ""})
    assert [m.field for m in conformance.check_case(case, fr)] == ["past_due"]


def test_dose_with_null_expected_status_is_not_compared(fr: SupportingData) -> None:
    doses = [{"date": "2025-01-16", "cvx": "FR-HEXYON", "expected_status": None}]
    assert conformance.check_case(_one(doses=doses, expected={}), fr) == []
    doses[0]["expected_status"] = "Valid"  # given at 1 day old: below the 6-week minimum age
    assert len(conformance.check_case(_one(doses=doses, expected={}), fr)) == 1


def test_pack_observations_of_the_medical_history_reach_the_engine(fr: SupportingData) -> None:
    # Premature infant: pneumococcal 3+1, extra dose at 3 months (CAL2025 pneumocoque).
    doses = [{"date": "2025-03-15", "cvx": "FR-VAXNEUVANCE", "expected_status": "Valid"}]
    case = _one(vaccine_group="Pneumocoque", doses=doses, assessment_date="2025-03-20",
                medical_history={"observations": ["FR-PREMATURE"]},
                expected={"forecast_dose_number": "2", "recommended": "2025-04-15"})
    assert conformance.check_case(case, fr) == []
    term = {**case, "medical_history": {"observations": []}}
    assert [m.field for m in conformance.check_case(term, fr)] == ["recommended"]
