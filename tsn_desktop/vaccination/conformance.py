"""Run CDSi test cases (JSON lines) through the engine and report mismatches.

What is compared, per case (as the official CDSi test runners do):

* the vaccine-group series status (case-insensitive: "Not complete" == "Not Complete");
* the forecast dose number (empty expected value must match no number);
* the earliest, recommended and past-due dates (an empty expected date must match
  no date; the latest date and reasons are not compared);
* the evaluation status of every administered dose (Valid / Not Valid /
  Extraneous / Sub standard); evaluation reasons are not compared.

French cases use the same format with three additions: `vaccine_group` may be a
vaccine group name of the loaded pack ("DTP", "Pneumocoque", ...), the patient's
pack observation codes come as `"medical_history": {"observations": [...]}`, and
an `expected` field the case leaves out (or a dose's `"expected_status": null`)
is not compared: the calendrier states ages and intervals, not past-due dates.
Patients are taken as born in the U.S. unless the case gives `birth_country`
(the official cases are US cases; it matters for the varicella birth-date
evidence of immunity, spec table 7-3).

A dose's group-level status combines its antigen statuses: Not Valid > Sub
standard > Valid > Extraneous (case 2020-0002: a decennial Tdap is Valid for the
DTaP/Tdap/Td group although Extraneous for the completed pertussis series).
A dose of another vaccine group than the case's (e.g. an MMR dose in a
varicella live-virus case) is judged in its own group.

Usage: python -m tsn_desktop.vaccination.conformance --cases FILE.jsonl|DIR --supporting-data DIR
(a DIR of cases holds one JSON case, or a JSON list of cases, per *.json file)
Prints one line per failing case (id, then field / expected / got of each
mismatch), then exactly "N passed, M failed"; always exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tsn_desktop.vaccination.engine import AdministeredDose, CdsiPatient, forecast
from tsn_desktop.vaccination.schedule import SupportingData, load_supporting_data

# Test-case vaccine group codes -> supporting-data vaccine group names.
GROUP_NAMES: dict[str, str] = {
    "DTAP": "DTaP/Tdap/Td",
    "POL": "Polio",
    "HPV": "HPV",
    "HIB": "Hib",
    "COVID-19": "COVID-19",
    "PCV": "Pneumococcal",
    "HEPB": "HepB",
    "MMR": "MMR",
    "VAR": "Varicella",
    "ROTA": "Rotavirus",
    "MCV": "Meningococcal",
    "MENB": "Meningococcal B",
    "ZOSTER": "Zoster",
    "FLU": "Influenza",
    "HEPA": "HepA",
    "RSV": "RSV",
}


@dataclass(frozen=True)
class Mismatch:
    case_id: str
    field: str
    expected: str
    got: str

    def describe(self) -> str:
        return f"{self.field}: expected {self.expected!r}, got {self.got!r}"


def failure_line(case_id: str, mismatches: list[Mismatch]) -> str:
    """One line per failing case: its id, then each (field, expected, got)."""
    return f"{case_id}\t" + "; ".join(m.describe() for m in mismatches)


def load_cases(path: str | Path) -> list[dict]:
    """JSON-lines file of cases, or a folder of *.json files (one case or a list each)."""
    path = Path(path)
    if path.is_dir():
        cases: list[dict] = []
        for file in sorted(path.glob("*.json")):
            raw = json.loads(file.read_text(encoding="utf-8"))
            cases.extend(raw if isinstance(raw, list) else [raw])
        return cases
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def group_name(code: str, data: SupportingData) -> str:
    """The supporting-data vaccine group of a case's `vaccine_group` (CDSi code or name)."""
    if code in data.vaccine_groups:
        return code
    try:
        return GROUP_NAMES[code.upper()]
    except KeyError:
        raise ValueError(f"unknown vaccine group {code!r}") from None


def case_patient(case: dict) -> CdsiPatient:
    history = case.get("medical_history") or {}
    return CdsiPatient(
        dob=date.fromisoformat(case["dob"]),
        gender=(case.get("gender") or "U")[0].upper(),
        observations=frozenset(str(o) for o in history.get("observations") or ()),
        birth_country=case.get("birth_country", "U.S."),
    )


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _show(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def check_case(case: dict, data: SupportingData) -> list[Mismatch]:
    """Run one case; return its mismatches (empty when it passes)."""
    cid = case["id"]
    group = group_name(case["vaccine_group"], data)
    # CDSi cases describe US patients: birth country matters for the varicella
    # "born in the U.S. before 1980" evidence of immunity (spec table 7-3).
    patient = case_patient(case)
    doses = [
        AdministeredDose(
            date.fromisoformat(d["date"]), d["cvx"].strip(), d.get("mvx") or None, str(i)
        )
        for i, d in enumerate(case["doses"])
    ]
    # Doses of other vaccine groups (e.g. an MMR dose in a varicella case, there
    # for the live-virus conflict) are judged in their own group.
    wanted = [group] + sorted(
        {
            data.group_of_antigen[a.antigen]
            for d in doses
            if d.vaccine in data.vaccines
            for a in data.vaccines[d.vaccine].associations
            if a.antigen in data.group_of_antigen
        }
        - {group}
    )
    groups = forecast(
        patient, doses, date.fromisoformat(case["assessment_date"]), data, wanted
    ).groups
    result = groups[group]
    expected = case["expected"]
    out: list[Mismatch] = []
    # A field the case leaves out is not compared (French cases: the calendrier
    # gives no past-due date); an empty value still means "no value expected".
    if "series_status" in expected and _norm(expected["series_status"]) != _norm(result.status):
        out.append(Mismatch(cid, "series_status", expected["series_status"], result.status))
    if "forecast_dose_number" in expected:
        exp_number = str(expected.get("forecast_dose_number") or "")
        got_number = "" if result.forecast_dose_number is None else str(
            result.forecast_dose_number)
        if exp_number != got_number:
            out.append(Mismatch(cid, "forecast_dose_number", exp_number, got_number))
    for name in ("earliest", "recommended", "past_due"):
        if name not in expected:
            continue
        want, got = _date(expected.get(name)), getattr(result, name)
        if want != got:
            out.append(Mismatch(cid, name, _show(want), _show(got)))
    for dose, spec in zip(doses, case["doses"], strict=True):
        if spec.get("expected_status") is None:
            continue
        got_status = next(
            (s for g in [group, *wanted] if (s := groups[g].dose_status(dose))), ""
        )
        if _norm(spec["expected_status"]) != _norm(got_status):
            out.append(
                Mismatch(
                    cid,
                    f"dose {int(dose.id or 0) + 1} {spec['date']} cvx {spec['cvx']}",
                    spec["expected_status"],
                    got_status,
                )
            )
    return out


def run_cases(cases: Iterable[dict], data: SupportingData) -> Iterator[tuple[dict, list[Mismatch]]]:
    for case in cases:
        try:
            yield case, check_case(case, data)
        except Exception as exc:  # a crash is one failed case, not a failed run
            yield case, [Mismatch(case.get("id", "?"), "error", "", repr(exc))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", required=True,
                        help="JSON-lines test-case file, or a folder of *.json cases")
    parser.add_argument("--supporting-data", required=True, help="CDSi supporting data directory")
    args = parser.parse_args(argv)
    data = load_supporting_data(args.supporting_data)
    passed = failed = 0
    for case, mismatches in run_cases(load_cases(args.cases), data):
        if mismatches:
            failed += 1
            print(failure_line(case.get("id", "?"), mismatches))
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
