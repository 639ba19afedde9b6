"""Run CDSi test cases (JSON lines) through the engine and report mismatches.

What is compared, per case (as the official CDSi test runners do):

* the vaccine-group series status (case-insensitive: "Not complete" == "Not Complete");
* the forecast dose number (empty expected value must match no number);
* the earliest, recommended and past-due dates (an empty expected date must match
  no date; the latest date and reasons are not compared);
* the evaluation status of every administered dose (Valid / Not Valid /
  Extraneous / Sub standard); evaluation reasons are not compared.

Patients are taken as born in the U.S. (the cases are US cases; it matters for the
varicella birth-date evidence of immunity, spec table 7-3).

A dose's group-level status combines its antigen statuses: Not Valid > Sub
standard > Valid > Extraneous (case 2020-0002: a decennial Tdap is Valid for the
DTaP/Tdap/Td group although Extraneous for the completed pertussis series).
A dose of another vaccine group than the case's (e.g. an MMR dose in a
varicella live-virus case) is judged in its own group.

Usage: python -m tsn_desktop.vaccination.conformance --cases FILE.jsonl --supporting-data DIR
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
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


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
    group_name = GROUP_NAMES[case["vaccine_group"].upper()]
    # CDSi cases describe US patients: birth country matters for the varicella
    # "born in the U.S. before 1980" evidence of immunity (spec table 7-3).
    patient = CdsiPatient(
        dob=date.fromisoformat(case["dob"]),
        gender=(case.get("gender") or "U")[0],
        birth_country="U.S.",
    )
    doses = [
        AdministeredDose(
            date.fromisoformat(d["date"]), d["cvx"].strip(), d.get("mvx") or None, str(i)
        )
        for i, d in enumerate(case["doses"])
    ]
    # Doses of other vaccine groups (e.g. an MMR dose in a varicella case, there
    # for the live-virus conflict) are judged in their own group.
    wanted = [group_name] + sorted(
        {
            data.group_of_antigen[a.antigen]
            for d in doses
            if d.vaccine in data.vaccines
            for a in data.vaccines[d.vaccine].associations
            if a.antigen in data.group_of_antigen
        }
        - {group_name}
    )
    groups = forecast(
        patient, doses, date.fromisoformat(case["assessment_date"]), data, wanted
    ).groups
    result = groups[group_name]
    expected = case["expected"]
    out: list[Mismatch] = []
    if _norm(expected["series_status"]) != _norm(result.status):
        out.append(Mismatch(cid, "series_status", expected["series_status"], result.status))
    exp_number = str(expected.get("forecast_dose_number") or "")
    got_number = "" if result.forecast_dose_number is None else str(result.forecast_dose_number)
    if exp_number != got_number:
        out.append(Mismatch(cid, "forecast_dose_number", exp_number, got_number))
    for name in ("earliest", "recommended", "past_due"):
        want, got = _date(expected.get(name)), getattr(result, name)
        if want != got:
            out.append(Mismatch(cid, name, _show(want), _show(got)))
    for dose, spec in zip(doses, case["doses"], strict=True):
        got_status = next(
            (s for g in [group_name, *wanted] if (s := groups[g].dose_status(dose))), ""
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
    parser.add_argument("--cases", required=True, help="JSON-lines test-case file")
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
