"""What the Vaccinations page may ask: the due list from the kept summaries (instant), the
refresh of only the stale summaries, recalls (audited), and the CSV export (audited)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from operator import itemgetter

from tsn_desktop.core.db import Database, new_id
from tsn_desktop.vaccination import adverse_events as adverse
from tsn_desktop.vaccination import adverse_store, coverage
from tsn_desktop.vaccination import practice_store as store
from tsn_desktop.vaccination import store as vaccination_store
from tsn_desktop.vaccination.adverse_events import AdverseEvent, InvalidAdverseEvent
from tsn_desktop.vaccination.catalogue import shipped_catalogue
from tsn_desktop.vaccination.datapack import DEFAULT_PACK, pack_dir, read_manifest
from tsn_desktop.vaccination.due_list import DuePatient, DueRow, DueTable, Recall
from tsn_desktop.vaccination.engine import AdministeredDose, CdsiPatient
from tsn_desktop.vaccination.model import Dose, Fact, observations_on
from tsn_desktop.vaccination.practice import (
    MIN_PATIENTS_FOR_POOL,
    PatientSummary,
    Workers,
    cyclic_gc_paused,
    due_items,
    forecast_practice,
)
from tsn_desktop.vaccination.schedule import SupportingData
from tsn_desktop.vaccination.service import carnet, schedule_data

# The due list reads rows recommended up to a year ahead: the widest custom window.
HORIZON = timedelta(days=366)
RECALL_METHODS = ("phone", "letter", "sms")
# Below this many stale summaries the refresh runs in one DB call (a few ms a patient);
# above, it runs as a background task with a progress bar.
INLINE_REFRESH_LIMIT = 200

_PACK_STAMPS: dict[str, str] = {}
_KEY = itemgetter(0)


def pack_stamp(pack: str = DEFAULT_PACK) -> str:
    """The pack's id, version and a digest of its files: a new pack makes every kept
    summary stale, even one shipped under the same version number."""
    if pack not in _PACK_STAMPS:
        manifest = read_manifest(pack_dir(pack))
        digest = hashlib.sha256("".join(sorted(manifest.files.values())).encode()).hexdigest()
        _PACK_STAMPS[pack] = f"{manifest.id}@{manifest.version}#{digest[:12]}"
    return _PACK_STAMPS[pack]


def _due_patient(row: tuple) -> DuePatient:
    pid, birth_name, used_name, given, sex, birth, gp = row[:7]
    return DuePatient(str(pid), f"{(used_name or birth_name).upper()} {given}",
                      date.fromisoformat(birth), str(sex), str(gp))


@dataclass(frozen=True)
class Practice:
    """The active patient files, and where merged duplicates went."""

    patients: dict[str, DuePatient]
    kept_of: dict[str, str]  # merged duplicate id -> the file kept (others: themselves)


def _kept_of(replaced: dict[str, str]) -> dict[str, str]:
    def kept(pid: str) -> str:
        seen = {pid}
        while replaced.get(pid):
            pid = replaced[pid]
            if pid in seen:  # never in a sane register; do not loop on a bad one
                break
            seen.add(pid)
        return pid

    return {pid: kept(pid) for pid in replaced}


def read_practice(db: Database) -> Practice:
    return Practice({str(r[0]): _due_patient(r) for r in store.patient_rows(db)},
                    _kept_of(store.merged(db)))


@dataclass
class RefreshJob:
    """Summaries to recompute: read on the DB thread, forecast off it, stored back."""

    today: date
    pack: str
    inputs: list[tuple[str, CdsiPatient, tuple[AdministeredDose, ...]]]
    stamps: dict[str, str]
    who: dict[str, tuple[str, date, str, str]]  # name, birth date, sex, treating GP
    dropped: list[str]
    dirty_upto: int
    cleared: set[str] = field(default_factory=set)  # dirty marks read
    # Worker processes started while the job was read (prepare_refresh's start_workers);
    # run_forecast uses then closes them, close_workers() if it never runs.
    workers: Workers | None = None

    def close_workers(self) -> None:
        if self.workers is not None:
            self.workers.close()
            self.workers = None


def stale_patients(db: Database, today: date, pack: str | None = None, *,
                   doses_only: bool = False) -> tuple[list[str], list[str], set[str], int]:
    """(active patients whose summary must be recomputed, summaries to drop, dirty marks
    seen, newest mark): no summary yet, another patient version or pack, a dose changed
    (the dose triggers' marks), or a day on which the forecast can change. With
    `doses_only` (after doses were saved or pulled, nothing else), the marks alone: no
    pass over the register."""
    pack = pack or pack_stamp()
    marked, upto = store.dirty(db)
    todo = [] if doses_only else store.stale_ids(db, today, pack)
    if marked:
        have = set(todo)
        extra = set(store.kept_files(db, marked).values()) - have
        if extra:  # only active files get a summary
            todo += [str(r[0]) for r in store.patient_rows(db, sorted(extra))]
    return todo, [] if doses_only else store.dropped_ids(db), marked, upto


def prepare_refresh(db: Database, today: date, *, everyone: bool = False,
                    doses_only: bool = False, start_workers: int = 0) -> RefreshJob:
    """What to recompute (every active patient when `everyone`), with their doses.
    With `start_workers` > 1 and enough patients for a process pool, that many worker
    processes start before the doses are read (their start-up overlaps the read)."""
    pack = pack_stamp()
    if everyone:  # who is stale does not matter: only the marks to clear and the drops
        todo, (marked, upto) = [], store.dirty(db)
        dropped = [] if doses_only else store.dropped_ids(db)
    else:
        todo, dropped, marked, upto = stale_patients(db, today, pack, doses_only=doses_only)
    many = everyone or len(todo) > 2000
    rows = store.patient_rows(db) if many else store.patient_rows(db, todo)
    wanted = {str(r[0]) for r in rows} if everyone else set(todo)
    rows = [r for r in rows if str(r[0]) in wanted]
    started = (Workers(schedule_data(), start_workers)
               if start_workers > 1 and len(rows) >= MIN_PATIENTS_FOR_POOL else None)
    kept_of = _kept_of(store.merged(db)) if many else store.duplicates_of(db, sorted(wanted))
    holders = sorted(wanted | {d for d, k in kept_of.items() if k in wanted})
    with cyclic_gc_paused():
        doses: dict[str, list[tuple[tuple[date, str, str, str], AdministeredDose]]] = {
            pid: [] for pid in wanted}
        found = (store.counted_dose_rows(db) if len(holders) > 500
                 else store.counted_dose_rows(db, holders))
        days: dict[str, date] = {}
        for dose_id, pid, on, expiry, product, created in found:
            target = kept_of.get(str(pid), str(pid))
            if target in wanted:
                day = days.get(on)
                if day is None:
                    day = days[on] = date.fromisoformat(on)
                # Each patient's doses by date, then ISO text, created_at and id (the
                # order an ORDER BY occurrence, created_at, id then by date gave).
                doses[target].append(((day, on, created, str(dose_id)), AdministeredDose(
                    day, str(product), id=str(dose_id),
                    lot_expiration=date.fromisoformat(expiry) if expiry else None)))
        inputs, stamps, who = [], {}, {}
        for row in rows:
            p = _due_patient(row)
            inputs.append((p.id, CdsiPatient(dob=p.birth_date,
                                             gender=p.sex if p.sex in ("F", "M") else "U"),
                           tuple([d for _key, d in sorted(doses[p.id], key=_KEY)])))
            stamps[p.id] = str(row[7])
            who[p.id] = (p.name, p.birth_date, p.sex, p.treating_gp)
    return RefreshJob(today, pack, inputs, stamps, who, dropped, upto, cleared=marked,
                      workers=started)


def run_forecast(job: RefreshJob, data: SupportingData | None = None, *,
                 workers: int | None = None,
                 progress: Callable[[int, int], None] | None = None
                 ) -> dict[str, PatientSummary]:
    """The engine over the job's patients (off the DB thread: no database here), on the
    worker processes the job started if any (closed here once done)."""
    started = job.workers
    if workers is None and started is not None:
        workers = started.count
    try:
        return forecast_practice(job.inputs, job.today, data or schedule_data(),
                                 workers=workers, progress=progress, started=started)
    finally:
        job.close_workers()


def store_refresh(db: Database, job: RefreshJob, results: dict[str, PatientSummary]) -> int:
    """Keeps the new summaries; returns how many. A dose recorded meanwhile left a newer
    dirty mark, which stays: the next refresh picks that patient up again."""
    pack = coverage.fact_packer(schedule_data())
    with cyclic_gc_paused():
        facts = {pid: pack([(d.date_administered, d.vaccine) for d in doses])
                 for pid, _patient, doses in job.inputs}
        kept = [(pid, job.stamps[pid], job.pack, s.assessment_date, s.next_change,
                 job.who[pid], due_items(s), facts[pid]) for pid, s in results.items()]
        with db.unit_of_work() as uow:
            store.replace_summaries(uow, kept, job.dropped)
            store.clear_dirty(uow, job.cleared, job.dirty_upto)
    return len(kept)


def refresh_inline(db: Database, today: date, *, doses_only: bool = False,
                   start_workers: bool = False) -> int | RefreshJob:
    """The usual refresh after a dose or on a new day: few summaries, done at once in
    this DB call (the count returned). A large one comes back as a job for a background
    task (run_forecast, then store_refresh). `doses_only`: only doses changed since the
    last refresh (the page knows it from records_changed). `start_workers`: a job large
    enough for worker processes starts them while it is read (the caller then runs it,
    or calls its close_workers())."""
    job = prepare_refresh(db, today, doses_only=doses_only,
                          start_workers=(os.cpu_count() or 1) if start_workers else 0)
    if len(job.inputs) > INLINE_REFRESH_LIMIT:
        return job
    job.close_workers()  # none started below MIN_PATIENTS_FOR_POOL: a no-op
    if not job.inputs and not job.dropped and not job.cleared:
        return 0
    return store_refresh(db, job, run_forecast(job, workers=1))


@dataclass(frozen=True)
class DuePage:
    """What the due list shows: every row any filter could keep, and the GPs named."""

    today: date
    table: DueTable
    treating_gps: list[str]


def load_due_page(db: Database, today: date) -> DuePage:
    """Kept summaries only (one table): no forecast runs here, whatever the practice
    size, and the register itself is not read. The refresh that follows finds what is
    stale."""
    rows = store.page_rows(db)
    codes = store.due_groups(db)
    recalls: dict[str, list[Recall]] = {}
    if rows:
        for recall in store.recalls(db):
            recalls.setdefault(recall.patient_id, []).append(recall)
    table = DueTable.from_packed(rows, codes, recalls, today, (today + HORIZON).toordinal())
    return DuePage(today, table, table.gps)


class InvalidRecall(ValueError):
    """A recall refused before anything is written; `problems` are codes."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(", ".join(problems))
        self.problems = problems


def record_recalls(db: Database, patient_ids: Sequence[str], group: str, method: str,
                   on: date, retry_on: date | None, today: date, by_rpps: str) -> int:
    """One recall per patient (phone, letter or SMS done outside the app), audited."""
    problems = []
    if method not in RECALL_METHODS:
        problems.append("method")
    if on > today:
        problems.append("future")
    if retry_on is not None and retry_on < on:
        problems.append("retry_before")
    if not patient_ids:
        problems.append("nobody")
    if problems:
        raise InvalidRecall(tuple(problems))
    with db.unit_of_work() as uow:
        for pid in dict.fromkeys(patient_ids):
            store.insert_recall(uow, Recall(new_id(), pid, group, method, on, retry_on),
                                by_rpps)
    return len(dict.fromkeys(patient_ids))


CSV_COLUMNS = ("patient", "date_de_naissance", "vaccin", "dose", "etat", "recommande_le",
               "retard_jours", "obligatoire", "medecin_traitant", "dernier_rappel",
               "relancer_le")


def export_csv(db: Database, rows: Iterable[DueRow], state_words: dict[str, str]) -> bytes:
    """The list as CSV (UTF-8 with BOM and ';' as spreadsheets in France read it); each
    patient exported is written to the audit log as an export."""
    rows = list(rows)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        recall = r.recall
        writer.writerow([
            r.patient.name, r.patient.birth_date.strftime("%d/%m/%Y"), r.item.group,
            r.item.dose_number or "", state_words.get(r.state, r.state),
            r.item.recommended.strftime("%d/%m/%Y") if r.item.recommended else "",
            max(r.days_late, 0), "oui" if r.compulsory else "non", r.patient.treating_gp,
            recall.recalled_on.strftime("%d/%m/%Y") if recall else "",
            recall.retry_on.strftime("%d/%m/%Y") if recall and recall.retry_on else ""])
    audit_export(db, [r.patient.id for r in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def audit_export(db: Database, patient_ids: Iterable[str]) -> None:
    """An export (CSV, letter, list) names each patient in the audit log, ids only."""
    with db.unit_of_work() as uow:
        for pid in dict.fromkeys(patient_ids):
            uow.audit("export", "Patient", pid)


def postal_addresses(db: Database, patient_ids: Sequence[str]) -> dict[str, tuple]:
    return store.postal_addresses(db, list(dict.fromkeys(patient_ids)))


@dataclass(frozen=True)
class CoverageInputs:
    """What coverage and the season view count, read in one DB call (computed off it)."""

    practice: Practice
    facts: coverage.Facts  # counted doses, by file kept
    refusals: list[tuple[str, date, str]]
    # The pack observation codes each patient's profile holds today (risk groups).
    observations: dict[str, frozenset[str]] = field(default_factory=dict)


def coverage_inputs(db: Database, since: date, today: date) -> CoverageInputs:
    """The counted doses of every active file and the refusals since `since` (the
    season's start). From the kept summaries' packed facts once they are up to date
    (brought up to date here when few are stale); from every dose row otherwise (the
    first forecast still running). No dose is shown, only counts and names: not audited
    one by one."""
    refusals = store.refusals(db, since)
    observations = profile_observations(db, today)
    if isinstance(refresh_inline(db, today), int):
        rows = store.coverage_rows(db)
        patients = {str(pid): DuePatient(str(pid), str(name), date.fromordinal(int(birth)),
                                         str(sex), str(gp))
                    for pid, name, birth, sex, gp, _facts in rows}
        facts = coverage.Facts.from_packed({str(r[0]): bytes(r[5]) for r in rows},
                                           schedule_data())
        return CoverageInputs(Practice(patients, _kept_of(store.merged(db))), facts, refusals,
                              observations)
    return coverage_inputs_from_doses(db, refusals, observations)


def coverage_inputs_from_doses(db: Database, refusals: list[tuple[str, date, str]],
                               observations: dict[str, frozenset[str]] | None = None
                               ) -> CoverageInputs:
    practice = read_practice(db)
    doses = [(pid, date.fromisoformat(on), product) for pid, on, product in store.dose_facts(db)]
    facts = coverage.Facts.from_doses(doses, practice.kept_of, schedule_data())
    return CoverageInputs(practice, facts, refusals, observations or {})


def profile_observations(db: Database, today: date) -> dict[str, frozenset[str]]:
    """Per patient, the pack observation codes their profile facts hold today."""
    known = frozenset(schedule_data().observations)
    by_patient: dict[str, list[Fact]] = {}
    for fact in vaccination_store.all_facts(db):
        by_patient.setdefault(fact.patient_id, []).append(fact)
    found = {pid: observations_on(facts, today, known) for pid, facts in by_patient.items()}
    return {pid: codes for pid, codes in found.items() if codes}


def practice_coverage(inputs: CoverageInputs, today: date,
                      data: coverage.CoverageData | None = None
                      ) -> list[coverage.IndicatorResult]:
    return coverage.compute(inputs.practice.patients, inputs.facts, today,
                            data or coverage.load_coverage())


def practice_campaign(inputs: CoverageInputs, today: date,
                      data: coverage.CoverageData | None = None
                      ) -> tuple[tuple[date, date], list[coverage.CampaignRow]]:
    return coverage.campaign(inputs.practice.patients, inputs.facts, inputs.refusals,
                             inputs.practice.kept_of, schedule_data(), today,
                             data or coverage.load_coverage(), inputs.observations)


# --- adverse events following immunisation -----------------------------------------------
def record_adverse_event(db: Database, draft: AdverseEvent, today: date,
                         by_name: str, by_rpps: str) -> AdverseEvent:
    """Saves a new report on a dose (synced as AdverseEvent, audited), or raises
    InvalidAdverseEvent listing every problem; nothing is written then."""
    dose = vaccination_store.get(db, draft.dose_id)
    if dose is None:
        raise InvalidAdverseEvent(("unknown_dose",))
    event = replace(draft, id=new_id(), patient_id=dose.patient_id,
                    description=draft.description.strip()[:adverse.MAX_TEXT],
                    care=draft.care.strip()[:adverse.MAX_TEXT], recorder_name=by_name,
                    recorder_rpps=by_rpps)
    problems = adverse.check(event, dose.occurrence, today)
    if problems:
        raise InvalidAdverseEvent(problems)
    with db.unit_of_work() as uow:
        return adverse_store.insert(uow, event)


def adverse_event_lines(db: Database) -> list[adverse.EventLine]:
    """Every report of the practice with its dose (product, lot), by product and lot;
    each report shown is written to the audit log."""
    found = []
    catalogue = shipped_catalogue()
    for row in adverse_store.lines(db):
        event = adverse_store.event_of_row(row)
        product, lot, on, birth_name, used_name, given = row[16:22]
        name = f"{(used_name or birth_name or '').upper()} {given or ''}".strip()
        vaccine = catalogue.get(str(product or ""))
        found.append(adverse.EventLine(event, vaccine.brand if vaccine else str(product or ""),
                                       str(lot or ""),
                                       date.fromisoformat(on) if on else event.onset, name))
    if found:
        with db.unit_of_work() as uow:
            for line in found:
                uow.audit("read", adverse.RESOURCE, line.event.id)
    return found


def patient_doses(db: Database, patient_id: str) -> list[Dose]:
    """The doses a report can be about: given, not in error (the carnet's read, audited)."""
    return [d for d in carnet(db, patient_id) if d.counts]


def declaration_data(db: Database, line: adverse.EventLine) -> tuple[tuple, Dose | None]:
    """What the declaration summary prints: the patient's identity row and the dose;
    the export is audited."""
    event = line.event
    people = store.postal_addresses(db, [event.patient_id])
    birth = db.query_one("SELECT birth_date FROM patient WHERE id = ?", (event.patient_id,))
    audit_export(db, [event.patient_id])
    return ((*people.get(event.patient_id, ("U", "", "", "", "", "", "")),
             birth[0] if birth else ""), vaccination_store.get(db, event.dose_id))


def recalls_to_try_again(db: Database, today: date) -> list[tuple[Recall, str]]:
    """The last recall of each active patient and vaccine group whose try-again date has
    come (today or past), with the patient's name; a later recall replaces an earlier one."""
    last: dict[tuple[str, str], Recall] = {}
    for recall in store.recalls(db):  # oldest first: the last one wins
        last[(recall.patient_id, recall.group)] = recall
    due = [r for r in last.values() if r.retry_on is not None and r.retry_on <= today]
    patients = {str(row[0]): _due_patient(row)
                for row in store.patient_rows(db, [r.patient_id for r in due])}
    return [(r, patients[r.patient_id].name) for r in due if r.patient_id in patients]
