"""Demo carnets: invented histories on the demo practice's patients, so every state of the
tab shows (a late infant, a complete toddler, a child in catch-up, an adult missing
boosters with a dose entered in error and a refusal, an older adult mid-series), and
profile facts (a premature infant, an asthmatic adult)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.model import Dose, Fact, Performer

if TYPE_CHECKING:
    from tsn_desktop.patients.model import Patient

# (youngest, oldest) age in months of the patient each history is written for.
_WANTED = {"late_infant": (5, 8), "complete_toddler": (24, 36), "catch_up": (72, 120),
           "adult": (480, 720), "senior": (840, 1000)}


def _age_months(birth: date, today: date) -> int:
    delta = relativedelta(today, birth)
    return delta.years * 12 + delta.months


def seed_carnets(db: Database, clock: Clock, who: str) -> None:
    from tsn_desktop.demo import DEMO_PRACTITIONERS
    from tsn_desktop.patients import service as patients

    today = clock.today()
    me = DEMO_PRACTITIONERS.get(who, DEMO_PRACTITIONERS["gp"])
    by = Performer(me.display_name, me.profession, me.rpps)
    place = "home" if who == "nurse" else "cabinet"
    # The home-visit nurse vaccinates children on the GP's prescription (scope.py).
    gp = DEMO_PRACTITIONERS["gp"]
    prescriber = Performer(gp.display_name, gp.profession, gp.rpps) if who == "nurse" \
        else Performer()
    chosen: dict[str, Patient] = {}
    for patient in patients.search(db, "", limit=10_000):
        months = _age_months(patient.birth_date, today)
        for story, (low, high) in _WANTED.items():
            if story not in chosen and low <= months <= high:
                chosen[story] = patient
                break

    for story, patient in chosen.items():
        birth, pid = patient.birth_date, patient.id
        lot_number = iter(range(1, 100))

        def give(months: int, product: str, site: str = "thigh-left", *, birth: date = birth,
                 pid: str = pid, lots: object = lot_number, sex: str = patient.sex,
                 **extra: object) -> Dose:
            on = birth + relativedelta(months=months)
            vaccine = service.shipped_catalogue().get(product)
            outcome = extra.pop("outcome", model.ADMINISTERED)
            fields: dict[str, object] = dict(
                id="", patient_id=pid, occurrence=on, product=product, outcome=outcome,
                site=site if vaccine and site in vaccine.sites else "",
                route=vaccine.routes[0] if vaccine else "", place=place)
            if outcome == model.ADMINISTERED:
                fields.update(lot=f"DEMO{next(lots):03d}",  # type: ignore[call-overload]
                              expiry=on + relativedelta(months=18), performer=by,
                              prescriber=prescriber)
            fields.update(extra)
            return service.record_dose(db, Dose(**fields), today, birth, by,  # type: ignore[arg-type]
                                       sex=sex)

        def mark(dose: Dose, why: str) -> None:
            service.mark_entered_in_error(db, dose, by, why)

        _STORIES[story](give, mark, _age_months(birth, today))
        for code, since, source, note in _FACTS.get(story, ()):
            service.record_fact(db, Fact(id="", patient_id=pid, code=code,
                                         onset=birth + relativedelta(months=since),
                                         source=source, note=note), today, birth, by)


Give = Callable[..., Dose]
Mark = Callable[[Dose, str], None]


def _late_infant(give: Give, mark: Mark, age: int) -> None:
    give(2, "FR-HEXYON")
    give(2, "FR-PREVENAR20", "thigh-right")
    give(3, "FR-BEXSERO")  # the 4-month hexavalent and pneumococcal doses are missing


def _complete_toddler(give: Give, mark: Mark, age: int) -> None:
    for months in (2, 4, 11):
        give(months, "FR-INFANRIXHEXA")
        give(months, "FR-PREVENAR20", "thigh-right")
    for months in (3, 5, 12):
        give(months, "FR-BEXSERO")
    give(6, "FR-NIMENRIX")
    give(12, "FR-NIMENRIX", "thigh-right")
    give(12, "FR-PRIORIX", "deltoid-left")
    give(16, "FR-MMRVAXPRO", "deltoid-left")


def _catch_up(give: Give, mark: Mark, age: int) -> None:
    give(2, "FR-HEXYON", outcome=model.HISTORICAL, source=model.TRANSCRIBED)
    give(4, "FR-HEXYON", outcome=model.HISTORICAL, source=model.TRANSCRIBED)
    give(14, "FR-PRIORIX", outcome=model.HISTORICAL, source=model.TRANSCRIBED)


def _adult(give: Give, mark: Mark, age: int) -> None:
    give(25 * 12, "FR-REVAXIS", outcome=model.HISTORICAL, source=model.TRANSCRIBED)
    wrong = give(age - 2, "FR-BOOSTRIXTETRA", "deltoid-left")
    give(age - 1, "FR-COMIRNATY", outcome=model.NOT_GIVEN, reason="refused")
    mark(wrong, "saisi dans le mauvais dossier")


def _senior(give: Give, mark: Mark, age: int) -> None:
    give(65 * 12, "FR-PNEUMOVAX", outcome=model.HISTORICAL, source=model.REPORTED)
    give(age - 3, "FR-SHINGRIX", "deltoid-left")  # the 2nd dose is now due


# Profile facts of the demo patients: (code, months after birth, source, note).
_FACTS: dict[str, tuple[tuple[str, int, str, str], ...]] = {
    "late_infant": (("FR-PREMATURE", 0, model.DOCUMENT, "né à 35 SA"),),
    "adult": (("FR-RISQUE-GRIPPE", 30 * 12, model.DOCUMENT, "asthme sous traitement de fond"),),
}

_STORIES: dict[str, Callable[[Give, Mark, int], None]] = {
    "late_infant": _late_infant, "complete_toddler": _complete_toddler,
    "catch_up": _catch_up, "adult": _adult, "senior": _senior}
