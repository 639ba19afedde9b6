"""What the carnet's UI may ask: record a dose, mark one entered-in-error, read the
carnet (audited) with the engine's forecast, remember a scanned pack's GTIN, write the
certificate or the full carnet as PDF (audited)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from tsn_desktop.core import identifiers
from tsn_desktop.core.db import Database, new_id
from tsn_desktop.core.files import whole_or_nothing
from tsn_desktop.vaccination import adverse_store, certificate, scope, store
from tsn_desktop.vaccination.catalogue import ROUTES, SITES, Catalogue, shipped_catalogue
from tsn_desktop.vaccination.datapack import load_pack
from tsn_desktop.vaccination.engine import AdministeredDose, Assessment, CdsiPatient, forecast
from tsn_desktop.vaccination.model import (
    ADMINISTERED,
    ALREADY_IN_ERROR,
    COMPLETED,
    DERIVED_CODES,
    ENTERED_IN_ERROR,
    FACT_ACTIVE,
    FACT_RESOLVED,
    FACT_RESOURCE,
    RESOURCE,
    WHY_REQUIRED,
    Dose,
    Fact,
    InvalidDose,
    Performer,
    check_dose,
    check_end,
    check_fact,
    clean,
    observations_on,
)
from tsn_desktop.vaccination.schedule import SupportingData

StaleDose = store.StaleDose
_DATA: dict[str, SupportingData] = {}


def schedule_data(pack: str = "fr-2025") -> SupportingData:
    """The verified schedule pack, loaded once per process (the engine only reads it)."""
    if pack not in _DATA:
        _DATA[pack] = load_pack(pack)[1]
    return _DATA[pack]


def allowed(product: str, outcome: str, catalogue: Catalogue) -> tuple[
        tuple[str, ...] | None, tuple[str, ...] | None]:
    """(routes, sites) allowed for the product, or (None, None) when it is unknown. A dose
    given here must be a catalogue product; a past dose may be any product the schedule
    pack knows (an old brand copied from a paper carnet)."""
    vaccine = catalogue.get(product)
    if vaccine is not None:
        return vaccine.routes, vaccine.sites
    if outcome != ADMINISTERED and product in schedule_data(catalogue.schedule_pack).vaccines:
        return ROUTES, SITES
    return None, None


def scope_problem(db: Database, patient_id: str, product: str, on: date,
                  birth_date: date | None, sex: str, by: Performer,
                  catalogue: Catalogue | None = None) -> str | None:
    """Why `by` may not give this product to this patient on `on` on their own initiative
    (a scope.OUTSIDE_* code), or None. The patient's profile facts count (a live vaccine
    for an immunocompromised patient, a midwife and the entourage of an infant)."""
    vaccine = (catalogue or shipped_catalogue()).get(product)
    if vaccine is None or birth_date is None:
        return None
    facts = store.facts_of(db, store.merged_into(db, patient_id))
    observations = observations_on(facts, on, schedule_data().observations.keys())
    return scope.outside_scope(scope.shipped_scope(), by.profession, vaccine.live,
                               birth_date, sex, observations, on)


def record_dose(db: Database, draft: Dose, today: date, birth_date: date | None,
                by: Performer, catalogue: Catalogue | None = None, sex: str = "U") -> Dose:
    """Saves a new dose (its own id, status completed), or raises InvalidDose listing every
    problem; nothing is written then. Synced (outbox) and audited in one transaction.
    A dose given here outside `by`'s own scope (scope.py) needs its prescriber's name
    and RPPS, and keeps why it was outside."""
    catalogue = catalogue or shipped_catalogue()
    prescriber = Performer(clean(draft.prescriber.name), "physician"
                           if draft.prescriber.name or draft.prescriber.rpps else "",
                           draft.prescriber.rpps.strip())
    dose = replace(draft, id=new_id(), status=COMPLETED, lot=draft.lot.strip(),
                   place_name=clean(draft.place_name), note=clean(draft.note),
                   recorded_by=by, prescriber=prescriber, scope_reason="")
    routes, sites = allowed(dose.product, dose.outcome, catalogue)
    problems = list(check_dose(dose, today, birth_date, routes, sites))
    if dose.outcome == ADMINISTERED:
        outside = scope_problem(db, dose.patient_id, dose.product, dose.occurrence,
                                birth_date, sex, by, catalogue)
        if outside is not None:
            dose = replace(dose, scope_reason=outside)
            if not prescriber.name or not identifiers.validate_rpps(prescriber.rpps).ok:
                problems.append(scope.PRESCRIBER_REQUIRED)
    if problems:
        raise InvalidDose(tuple(problems))
    with db.unit_of_work() as uow:
        return store.insert(uow, dose)


def mark_entered_in_error(db: Database, dose: Dose, by: Performer, why: str) -> Dose:
    """Marks a dose as entered in error, saying who and why; the dose stays in the
    carnet (struck through) and leaves the forecast. Its one edit: a second is refused."""
    why = clean(why)
    if not why:
        raise InvalidDose((WHY_REQUIRED,))
    if dose.in_error:
        raise InvalidDose((ALREADY_IN_ERROR,))
    with db.unit_of_work() as uow:
        return store.mark_in_error(uow, dose, by, why)


def carnet(db: Database, patient_id: str) -> list[Dose]:
    """Every dose of the patient's file, including those recorded on duplicates merged
    into it; each dose shown is written to the audit log."""
    doses = store.doses_of(db, store.merged_into(db, patient_id))
    if doses:
        with db.unit_of_work() as uow:
            for dose in doses:
                uow.audit("read", RESOURCE, dose.id)
    return doses


def engine_doses(doses: list[Dose]) -> list[AdministeredDose]:
    """What the engine evaluates: doses given (here or before), not those not given or
    marked in error. The expiry lets the engine flag a dose from an expired lot."""
    return [AdministeredDose(d.occurrence, d.product, id=d.id, lot_expiration=d.expiry)
            for d in doses if d.counts]


def forecast_of(birth_date: date, sex: str, doses: list[Dose], today: date,
                data: SupportingData | None = None,
                facts: list[Fact] | None = None) -> Assessment:
    """The engine's forecast; the profile facts holding on `today` are the patient's
    observations (the pack's medical-history codes)."""
    data = data or schedule_data()
    observations = observations_on(facts or [], today, data.observations.keys())
    patient = CdsiPatient(dob=birth_date, gender=sex if sex in ("F", "M") else "U",
                          observations=observations)
    return forecast(patient, engine_doses(doses), today, data)


@dataclass(frozen=True)
class CarnetView:
    """What the tab shows: the doses, the profile facts (all, ended ones too) and the
    engine's forecast on `today`."""

    doses: list[Dose]
    assessment: Assessment
    facts: list[Fact] = field(default_factory=list)
    reported: dict[str, date] = field(default_factory=dict)  # dose id -> adverse event onset


def open_carnet(db: Database, patient_id: str, birth_date: date, sex: str,
                today: date) -> CarnetView:
    """Runs on the DB worker (never the GUI thread): read (audited) and forecast."""
    doses = carnet(db, patient_id)
    facts = profile_facts(db, patient_id)
    reported = adverse_store.onsets_by_dose(db, [d.id for d in doses])
    return CarnetView(doses, forecast_of(birth_date, sex, doses, today, facts=facts), facts,
                      reported)


# --- the patient's profile for recommendations ----------------------------------------------
def fact_choices(data: SupportingData | None = None) -> list[tuple[str, str]]:
    """(code, title) of each fact a user may record: the pack's observations, less the
    pregnancy codes that follow from a pregnancy's term."""
    data = data or schedule_data()
    return sorted(((code, obs.title) for code, obs in data.observations.items()
                   if code not in DERIVED_CODES), key=lambda c: c[1].casefold())


def profile_facts(db: Database, patient_id: str) -> list[Fact]:
    """Every fact of the patient's file (duplicates merged into it included), ended and
    retracted ones too; each fact shown is written to the audit log."""
    facts = store.facts_of(db, store.merged_into(db, patient_id))
    if facts:
        with db.unit_of_work() as uow:
            for fact in facts:
                uow.audit("read", FACT_RESOURCE, fact.id)
    return facts


def record_fact(db: Database, draft: Fact, today: date, birth_date: date | None,
                by: Performer) -> Fact:
    """Saves a new fact, or raises InvalidDose listing every problem (nothing written)."""
    fact = replace(draft, id=new_id(), status=FACT_ACTIVE, note=clean(draft.note),
                   recorded_by=by, abatement=None)
    problems = check_fact(fact, today, birth_date, schedule_data().observations.keys())
    if problems:
        raise InvalidDose(problems)
    with db.unit_of_work() as uow:
        return store.insert_fact(uow, fact)


def end_fact(db: Database, fact: Fact, on: date, today: date, by: Performer) -> Fact:
    """The fact stopped on `on` (a pregnancy ended, a treatment stopped): it stays in the
    history as resolved and leaves the forecast from that day."""
    problems = check_end(fact, on, today)
    if problems:
        raise InvalidDose(problems)
    with db.unit_of_work() as uow:
        return store.end_fact(uow, fact, FACT_RESOLVED, on, by, "")


def retract_fact(db: Database, fact: Fact, by: Performer, why: str) -> Fact:
    """The fact was entered in error: it stays in the history, struck through, and never
    counted."""
    why = clean(why)
    if not why:
        raise InvalidDose((WHY_REQUIRED,))
    if fact.status != FACT_ACTIVE:
        raise InvalidDose(("not_active",))
    with db.unit_of_work() as uow:
        return store.end_fact(uow, fact, ENTERED_IN_ERROR, None, by, why)


def learned_gtins(db: Database) -> dict[str, str]:
    return store.learned_gtins(db)


def learn_gtin(db: Database, gtin: str, product: str,
               catalogue: Catalogue | None = None) -> None:
    """The user said which product an unknown scanned GTIN is: the next scan knows it."""
    if (catalogue or shipped_catalogue()).get(product) is None:
        raise InvalidDose(("unknown_product",))
    with db.unit_of_work() as uow:
        store.learn_gtin(uow, gtin, product)


def _identity(patient: Any) -> certificate.PatientIdentity:
    from tsn_desktop.patients.model import QUALIFIED

    ins = patient.ins if patient.ins and patient.identity_status == QUALIFIED else ""
    return certificate.PatientIdentity(patient.display_name, patient.birth_date, patient.sex,
                                       ins)


def certificate_pdf(db: Database, kind: str, patient: Any, practitioner: Any, today: date,
                    catalogue: Catalogue | None = None) -> bytes:
    """The attestation or the full carnet of the patient's file as PDF bytes (the carnet
    read is audited like any reading). `patient`: patients.model.Patient; `practitioner`:
    core.session.Practitioner, who signs."""
    catalogue = catalogue or shipped_catalogue()
    doses = carnet(db, patient.id)
    data = schedule_data(catalogue.schedule_pack)
    assessment = forecast_of(patient.birth_date, patient.sex, doses, today, data,
                             facts=store.facts_of(db, store.merged_into(db, patient.id)))
    address = ", ".join(p for p in (practitioner.address, " ".join(
        q for q in (practitioner.postal_code, practitioner.city) if q)) if p)
    signatory = certificate.Signatory(practitioner.display_name, practitioner.profession,
                                      practitioner.rpps, address)
    rows = certificate.lines(kind, doses, assessment, data, catalogue)
    facts = profile_facts(db, patient.id) if kind == certificate.CARNET else []
    return certificate.render(kind, _identity(patient), signatory, today, rows,
                              facts=certificate.fact_lines(facts, data, today))


def write_certificate(db: Database, kind: str, patient: Any, practitioner: Any, today: date,
                      path: Path, catalogue: Catalogue | None = None) -> Path:
    """Writes the PDF to `path`, the place the user chose (whole or not at all, no copy
    anywhere else), and audits the export against the patient. Returns `path`."""
    pdf = certificate_pdf(db, kind, patient, practitioner, today, catalogue)
    with whole_or_nothing(path, "wb") as out:
        out.write(pdf)
    with db.unit_of_work() as uow:
        uow.audit("export", "Patient", patient.id)
    return path


# --- the alert on opening the file ----------------------------------------------------------
OVERDUE_ALERT = "overdue"
DUE_SOON_ALERT = "due"


@dataclass(frozen=True)
class DueAlert:
    """A vaccine group the banner above the patient file names: late since `on`
    (`kind` overdue), or to be done from `on`, within the alert window (`kind` due)."""

    group: str
    kind: str
    on: date


def due_alerts(assessment: Assessment, today: date, within_days: int) -> list[DueAlert]:
    """What is late, then what is due today or within `within_days` days: a dose to be
    done from its recommended date (its earliest when the pack gives none), late from
    its past-due date. Groups complete, immune, contraindicated or not recommended are
    never named."""
    from datetime import timedelta

    from tsn_desktop.vaccination.engine import NOT_COMPLETE

    horizon = today + timedelta(days=within_days)
    late, soon = [], []
    for group in assessment.groups.values():
        if group.status != NOT_COMPLETE or group.earliest is None:
            continue
        if group.past_due is not None and group.past_due <= today:
            late.append(DueAlert(group.name, OVERDUE_ALERT, group.past_due))
            continue
        start = group.recommended or group.earliest
        if start <= horizon:
            soon.append(DueAlert(group.name, DUE_SOON_ALERT, start))
    return sorted(late, key=lambda a: a.on) + sorted(soon, key=lambda a: a.on)
