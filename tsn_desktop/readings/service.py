"""What the readings screens may ask: store an import in one go (raising its alerts), read
a patient's readings, mark one entered-in-error, enrol a patient in a pathway with their
own thresholds, and list, raise and acknowledge the practice's alerts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.readings import alerts, inbox, inbox_store, pathways_store, report, rules, store
from tsn_desktop.readings.alerts import HomeSeries
from tsn_desktop.readings.model import (
    BLOOD_PRESSURE,
    ENTERED_IN_ERROR,
    WEIGHT,
    Reading,
    Rejection,
    parse_utc,
    problem,
    utc_text,
)
from tsn_desktop.readings.pathways import (
    ACTIVE,
    FINISHED,
    READINGS_REASSIGNED,
    Acknowledgement,
    Enrolment,
    StoredAlert,
    ThresholdChange,
    Withdrawal,
    check_pathway,
    check_threshold,
    current_overrides,
    thresholds_for,
)

# Alerts whose episode ended longer ago than this when their readings arrive are drawn on
# the chart, not raised: a year of history imported must not fill the practice list with
# last spring's alerts (an episode still going on is raised, however old its start).
RAISE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: readings added, already there, and each line rejected."""

    added: int = 0
    already: int = 0
    rejected: tuple[Rejection, ...] = field(default_factory=tuple)
    format: str | None = None
    alerts: int = 0  # alerts the import raised
    to_assign: int = 0  # readings put in the "to assign" inbox (the patient is not certain)


def store_import(db: Database, patient_id: str, readings: Iterable[Reading],
                 rejected: Iterable[Rejection] = (), fmt: str | None = None,
                 protocol: str | None = None, file: str = "") -> ImportSummary:
    """Writes a whole import for the patient in ONE transaction (all of it or nothing),
    with the alerts it raises. Readings already stored are counted, not duplicated;
    implausible ones (a time before birth or in the future, values out of bounds) are
    rejected with their reason. Readings whose patient is not certain (several users in
    the file, a name that is not this patient's) go to the "to assign" inbox."""
    patient = patients.open_file(db, patient_id)
    birth = datetime.combine(patient.birth_date, time(), tzinfo=UTC)
    now = db.clock.now()
    added = already = 0
    refused = list(rejected)
    certain, uncertain = inbox.triage(list(readings),
                                      [patient.birth_name, patient.used_name])
    with db.unit_of_work() as uow:
        waiting = 0
        if uncertain:
            kept = [(r, why) for r, why in uncertain if not problem(r, now)]
            refused += [Rejection(r.line, problem(r, now), r.member) for r, _ in uncertain
                        if problem(r, now)]
            waiting = inbox_store.add(uow, str(uuid.uuid4()), file or fmt or "", kept,
                                      patient_id)[0]
        for reading in certain:
            mine = replace(reading, patient_id=patient_id)
            reason = problem(mine, now, birth)
            if reason:
                refused.append(Rejection(reading.line, reason, reading.member))
            elif store.insert(uow, mine):
                added += 1
            else:
                already += 1
        raised = len(_raise(db, uow, patient_id, protocol)) if added else 0
    store.refresh_rollup(db, patient_id)  # the chart's summary of the days imported
    return ImportSummary(added, already, tuple(refused), fmt, raised, waiting)


# --- the "to assign" inbox -------------------------------------------------------------------
def inbox_groups(db: Database, include_assigned: bool = False) -> list[inbox.InboxGroup]:
    found = inbox_store.groups(db, include_assigned)
    names = pathways_store.patient_names(db, [g.assigned_to for g in found if g.assigned_to])
    return [replace(g, assigned_name=names.get(g.assigned_to or "", "")) for g in found]


def assign(db: Database, import_id: str, user_label: str, patient_id: str,
           by_name: str = "") -> int:
    """Gives one user's readings of an import to the patient (or to another patient, when
    they were given already: the earlier copy is marked entered-in-error, a reading is
    never rewritten). The measured-at time, values, device and source stay; audited.
    Returns how many readings the patient got. The new patient's rules run on them; the
    former patient's alerts that came from them are withdrawn (kept, with who, when and
    why) and their rules run again on what they have left."""
    patient = patients.open_file(db, patient_id)
    birth = datetime.combine(patient.birth_date, time(), tzinfo=UTC)
    now = db.clock.now()
    moved = 0
    former: dict[str, list[Reading]] = {}
    with db.unit_of_work() as uow:
        for pk, reading, assigned_to, reading_id in inbox_store.rows_of(uow, import_id,
                                                                        user_label):
            if assigned_to == patient_id:
                continue
            mine = replace(reading, patient_id=patient_id)
            if problem(mine, now, birth):
                continue  # stays in the inbox: not this patient's (before their birth)
            if reading_id is not None:
                store.mark_entered_in_error(uow, reading_id, REASSIGNED)
                if assigned_to is not None:
                    former.setdefault(assigned_to, []).append(reading)
            rid = mine.id
            while (found := store.get(uow, rid)) is not None and \
                    found[0].status == ENTERED_IN_ERROR and found[0].error_reason == REASSIGNED:
                rid = store.copy_id(rid)  # given back to this patient: a new copy
            store.insert(uow, mine, rid)
            inbox_store.mark_assigned(uow, pk, patient_id, rid)
            moved += 1
        if moved:
            uow.audit("update", inbox_store.RESOURCE, import_id)
            for old_patient, gone in former.items():
                _withdraw_alerts_of(db, uow, old_patient, gone, by_name)
                _raise(db, uow, old_patient)
            _raise(db, uow, patient_id)
    return moved


# How far back of an alert its rule looks (weight gain or no weight over up to 14 days,
# the 7 days of a home series or of steps): a reading moved within it may have made it.
_LOOKBACK = timedelta(days=15)


def _withdraw_alerts_of(db: Database, uow: UnitOfWork, patient_id: str,
                        gone: list[Reading], by_name: str) -> list[str]:
    """Withdraws the patient's alerts that the readings gone to another patient made:
    those the rules no longer find over what is left, and that one of them was the
    evidence of, or was within the rule's reach. Returns their ids."""
    limits = thresholds(uow, patient_id)
    left = store.for_rules(uow, patient_id, limits.heart_rate_low, limits.heart_rate_high)
    still = {(a.code, a.evidence) for a in alerts.evaluate(
        left, db.clock.now(), limits, _pathway(uow, patient_id))}
    marks = {f"{r.kind}@{utc_text(r.at)}" for r in gone}
    withdrawal = Withdrawal(_who(db), by_name, db.clock.now(), READINGS_REASSIGNED)
    withdrawn = []
    for a in pathways_store.alerts_of(uow, patient_id):
        if a.withdrawn or (a.code, a.evidence) in still:
            continue
        kinds = {alerts.RULE_KIND.get(a.code)}
        if a.code == alerts.HEART_RATE_OUT:
            kinds.add(BLOOD_PRESSURE)  # the pulse taken with a blood pressure
        made = any(m in a.evidence.split(",") for m in marks) or any(
            r.kind in kinds and a.at - _LOOKBACK <= r.at <= a.at for r in gone)
        if made and pathways_store.withdraw(uow, a.id, withdrawal):
            withdrawn.append(a.id)
    return withdrawn


REASSIGNED = "reassigned_to_another_patient"


def readings_of(db: Database, patient_id: str, kind: str | None = None) -> list[Reading]:
    return store.of_patient(db, patient_id, kind)


def mark_entered_in_error(db: Database, reading: Reading, reason: str) -> bool:
    with db.unit_of_work() as uow:
        return store.mark_entered_in_error(uow, reading.id, reason)


def alerts_of(db: Database, patient_id: str,
              protocol: str | None = None) -> list[alerts.Alert]:
    """What the rules say over all the patient's readings (stored or not)."""
    return alerts.evaluate(store.of_patient(db, patient_id), db.clock.now(),
                           thresholds(db, patient_id, protocol), _pathway(db, patient_id))


# --- the home blood pressure protocol ------------------------------------------------------
# Per patient: carried by the enrolment (EpisodeOfCare), so the nurse and the GP following
# a patient average their home series the same way and raise the same alerts. The
# practitioner's setting is the protocol given to the patients they enrol; a patient not
# enrolled (or enrolled before the protocol was carried) gets the pack's default, the
# same on every desktop.
PROTOCOL_SETTING = "home_bp_protocol"


def home_protocol(src: Database | UnitOfWork) -> str:
    """The protocol this practitioner gives the patients they enrol (ESC 2024 2-2-3 by
    default)."""
    value = pathways_store.setting(src, PROTOCOL_SETTING)
    return value if value in alerts.PROTOCOLS else alerts.ESC_2_2_3


def set_home_protocol(db: Database, code: str) -> None:
    if code not in alerts.PROTOCOLS:
        raise ValueError("unknown protocol")
    with db.unit_of_work() as uow:
        pathways_store.set_setting(uow, PROTOCOL_SETTING, code)


def patient_protocol(src: Database | UnitOfWork, patient_id: str) -> str:
    """The protocol the patient's alerts use: their enrolment's, else the pack's default."""
    e = pathways_store.enrolment(src, patient_id)
    return e.protocol if e is not None and e.protocol in alerts.PROTOCOLS \
        else alerts.ESC_2_2_3


def set_patient_protocol(db: Database, patient_id: str, code: str,
                         by_name: str = "") -> Enrolment:
    """Changes the enrolled patient's protocol (who and when kept, sent with the
    enrolment); the alerts are looked at again."""
    if code not in alerts.PROTOCOLS:
        raise ValueError("unknown protocol")
    with db.unit_of_work() as uow:
        before = pathways_store.enrolment(uow, patient_id)
        if before is None:
            raise LookupError("the patient is not enrolled in a pathway")
        changed = replace(before, protocol=code, changed_by=_who(db), changed_by_name=by_name,
                          changed_at=db.clock.now())
        pathways_store.write_enrolment(uow, changed)
        _raise(db, uow, patient_id)
    return changed


# --- pathways and thresholds ---------------------------------------------------------------
def _pathway(src: Database | UnitOfWork, patient_id: str) -> str | None:
    e = pathways_store.enrolment(src, patient_id)
    return e.pathway if e is not None and e.active else None


def thresholds(src: Database | UnitOfWork, patient_id: str,
               protocol: str | None = None) -> alerts.Thresholds:
    """The pack's defaults with the patient's own thresholds over them."""
    chosen = protocol or patient_protocol(src, patient_id)
    return thresholds_for(alerts.Thresholds.from_pack(protocol=chosen),
                          pathways_store.threshold_changes(src, patient_id))


def _who(db: Database) -> str:
    return db.actor


def enrol(db: Database, patient_id: str, pathway: str, by_name: str = "",
          protocol: str | None = None) -> Enrolment:
    """Enrols (or moves) the patient in a pathway; its rules apply from now on, the
    alerts they raise over the recent readings included."""
    check_pathway(pathway)
    now = db.clock.now()
    with db.unit_of_work() as uow:
        before = pathways_store.enrolment(uow, patient_id)
        since = before.since if before is not None and before.active and \
            before.pathway == pathway else now
        # The patient keeps the protocol they had; a new one gets this practitioner's.
        carried = protocol or (before.protocol if before is not None else None) or \
            home_protocol(uow)
        enrolment = Enrolment(patient_id, pathway, ACTIVE, since, _who(db), by_name, now,
                              carried)
        pathways_store.write_enrolment(uow, enrolment)
        _raise(db, uow, patient_id, protocol)
    return enrolment


def end_enrolment(db: Database, patient_id: str, by_name: str = "") -> Enrolment | None:
    with db.unit_of_work() as uow:
        before = pathways_store.enrolment(uow, patient_id)
        if before is None or not before.active:
            return before
        ended = replace(before, status=FINISHED, changed_by=_who(db), changed_by_name=by_name,
                        changed_at=db.clock.now())
        pathways_store.write_enrolment(uow, ended)
    return ended


def set_threshold(db: Database, patient_id: str, name: str, value: float | None,
                  by_name: str = "", protocol: str | None = None) -> ThresholdChange:
    """Sets the patient's own threshold (None: back to the pack's default), kept with who
    and when; the enrolment travels again with it, and the alerts are looked at again."""
    check_threshold(name, value)
    change = ThresholdChange(name, value, _who(db), by_name, db.clock.now(),
                             str(uuid.uuid4()))
    with db.unit_of_work() as uow:
        enrolment = pathways_store.enrolment(uow, patient_id)
        if enrolment is None:
            raise LookupError("the patient is not enrolled in a pathway")
        pathways_store.add_threshold_changes(uow, patient_id, [change])
        pathways_store.write_enrolment(uow, enrolment)  # a new version carries the change
        _raise(db, uow, patient_id, protocol)
    return change


@dataclass(frozen=True)
class PathwayView:
    """A patient's pathway, thresholds in force (with who set them) and their history."""

    enrolment: Enrolment | None
    thresholds: alerts.Thresholds
    overrides: dict[str, ThresholdChange]
    history: list[ThresholdChange]


def pathway_of(db: Database, patient_id: str,
               protocol: str | None = None) -> PathwayView:
    history = pathways_store.threshold_changes(db, patient_id)
    chosen = protocol or patient_protocol(db, patient_id)
    return PathwayView(pathways_store.enrolment(db, patient_id),
                       thresholds_for(alerts.Thresholds.from_pack(protocol=chosen), history),
                       current_overrides(history), history)


# --- stored alerts -------------------------------------------------------------------------
def _raise(db: Database, uow: UnitOfWork, patient_id: str,
           protocol: str | None = None) -> list[StoredAlert]:
    """Evaluates the patient's rules and stores the alerts not raised before (the id
    derives from the rule and its evidence: the same readings never raise it twice)."""
    pack = rules.load()
    now = db.clock.now()
    limits = thresholds(uow, patient_id, protocol)
    readings = store.for_rules(uow, patient_id, limits.heart_rate_low, limits.heart_rate_high)
    found = alerts.evaluate(readings, now, limits, _pathway(uow, patient_id), pack)
    since = now - timedelta(days=RAISE_WINDOW_DAYS)
    withdrawn = pathways_store.withdrawn_ids(uow, patient_id)
    new: list[StoredAlert] = []
    for a in found:
        if a.until < since:
            continue  # an episode over before the last 30 days: on the chart only
        rid = pathways_store.alert_id(patient_id, a.code, a.evidence)
        while rid in withdrawn:
            # Withdrawn when its readings went to another patient, and they came back:
            # the alert is raised again (the withdrawn one stays in the history).
            rid = pathways_store.again_id(rid)
        stored = StoredAlert(rid, patient_id, a.code, a.severity, a.at, a.figures, a.evidence,
                             pack.version, now)
        if pathways_store.insert_alert(uow, stored):
            new.append(stored)
    pathways_store.clear_due(uow, patient_id)
    return new


def raise_alerts(db: Database, patient_id: str,
                 protocol: str | None = None) -> list[StoredAlert]:
    with db.unit_of_work() as uow:
        return _raise(db, uow, patient_id, protocol)


def raise_due(db: Database, protocol: str | None = None) -> int:
    """Readings that came by sync since the last look, and the rules that depend on the
    day (no weight sent for 2 days): raises what they call for. Returns how many."""
    raised = 0
    for patient_id in pathways_store.due_patients(db):
        raised += len(raise_alerts(db, patient_id, protocol))
    now = db.clock.now()
    hf = [e.patient_id for e in pathways_store.enrolled(db)
          if e.pathway == alerts.HEART_FAILURE]
    last = pathways_store.last_weights(db, hf)
    for patient_id, at in last.items():
        t = thresholds(db, patient_id, protocol)
        if alerts.no_weight([Reading(WEIGHT, parse_utc(at), 0.0)], t, now):
            raised += len(raise_alerts(db, patient_id, protocol))
    return raised


def acknowledge(db: Database, alert_id: str, comment: str, by_name: str = "") -> StoredAlert:
    """Who saw the alert, when, and what they did (the comment): kept and sent."""
    with db.unit_of_work() as uow:
        ack = Acknowledgement(_who(db), by_name, db.clock.now(), comment.strip())
        if pathways_store.alert(uow, alert_id) is None:
            raise LookupError("no such alert")
        pathways_store.add_acks(uow, alert_id, [ack])
        found = pathways_store.alert(uow, alert_id)
    assert found is not None
    return found[0]


@dataclass(frozen=True)
class PracticeAlert:
    alert: StoredAlert
    patient_name: str


def practice_alerts(db: Database, include_acknowledged: bool = False,
                    protocol: str | None = None) -> list[PracticeAlert]:
    """The whole practice's alerts, urgent first, after raising what is due."""
    raise_due(db, protocol)
    found = pathways_store.practice_alerts(db, include_acknowledged)
    names = pathways_store.patient_names(db, [a.patient_id for a in found])
    return [PracticeAlert(a, names.get(a.patient_id, "")) for a in found]


# The page's table reads this many readings at a time, as the user scrolls down.
TABLE_PAGE = 500


@dataclass(frozen=True)
class TablePage:
    """Readings of the page's table, newest first; `after` is where the next page starts
    (store.newest_first) and `total` how many final readings the patient has."""

    readings: list[Reading]
    after: tuple[str, int] | None
    total: int


@dataclass(frozen=True)
class Overview:
    """What the page shows for a patient: the readings the rules read (oldest first: all
    of them but the heart rates within bounds), the alerts the rules see over them, the
    alerts raised (with their acknowledgements), the pathway, the last home blood
    pressure series and, for the Readings page, the first page of its table."""

    readings: list[Reading]
    alerts: list[alerts.Alert]
    stored: list[StoredAlert] = field(default_factory=list)
    pathway: PathwayView | None = None
    home: HomeSeries | None = None
    table: TablePage | None = None


def overview(db: Database, patient_id: str, protocol: str | None = None,
             table: bool = True) -> Overview:
    """With `table`, the first page of the page's table too (the patient file's tab has
    none; both charts read their own window, store.series_buckets)."""
    view = pathway_of(db, patient_id, protocol)
    t = view.thresholds
    needed = store.for_rules(db, patient_id, t.heart_rate_low, t.heart_rate_high)
    pathway = view.enrolment.pathway if view.enrolment and view.enrolment.active else None
    found = alerts.evaluate(needed, db.clock.now(), t, pathway)
    first = table_page(db, patient_id, None) if table else None
    return Overview(needed, found, pathways_store.alerts_of(db, patient_id), view,
                    last_home_series(needed, t.protocol), first)


def table_page(db: Database, patient_id: str, after: tuple[str, int] | None,
               total: int | None = None) -> TablePage:
    """The table's page after `after` (None: the first); `total` is counted when None."""
    readings, last = store.newest_first(db, patient_id, TABLE_PAGE, after)
    return TablePage(readings, last,
                     store.count_final(db, patient_id) if total is None else total)


# --- the chart's time window -----------------------------------------------------------------
# What the chart shows when a patient is opened: the last three months (Home shows all).
FIRST_WINDOW_DAYS = 90


@dataclass(frozen=True)
class ChartWindow:
    """The arrays the chart draws for [start, end) (epoch seconds), downsampled by SQLite
    to about `buckets` points per kind, and each kind's whole span (for Home)."""

    start: float
    end: float
    buckets: int
    extent: dict[str, tuple[float, float]]
    data: dict[str, tuple[Any, ...]]
    shown: tuple[float, float] | None = None  # the first view of the patient's chart


def chart_window(db: Database, patient_id: str, start: float | None, end: float | None,
                 buckets: int) -> ChartWindow:
    """The readings of [start, end) bucketed for a chart `buckets` pixels wide; with no
    window, the last FIRST_WINDOW_DAYS days up to the last reading (all of it if shorter),
    with one window's margin each side so a short pan needs no new query."""
    span = store.extent(db, patient_id)
    if not span:
        return ChartWindow(0.0, 0.0, buckets, {}, {})
    shown: tuple[float, float] | None = None
    if start is None or end is None:
        last = max(t for _, t in span.values()) + 3600.0
        first = min(t for t, _ in span.values()) - 3600.0
        shown = (max(first, last - FIRST_WINDOW_DAYS * 86400.0), last)
        margin = shown[1] - shown[0]
        start, end, buckets = shown[0] - margin, shown[1] + margin, buckets * 3
    low = datetime.fromtimestamp(start, UTC)
    high = datetime.fromtimestamp(end, UTC)
    data = {kind: store.series_buckets(db, patient_id, kind, low, high, buckets)
            for kind in span}
    return ChartWindow(start, end, buckets, span, data, shown)


def last_home_series(readings: list[Reading],
                     protocol: str = alerts.ESC_2_2_3) -> alerts.HomeSeries | None:
    bp = [r for r in readings if r.kind == "blood_pressure" and r.status == "final"]
    if not bp:
        return None
    last_day = max(r.at for r in bp).astimezone(alerts.PARIS).date()
    return alerts.home_series(bp, last_day, protocol)


def find_patients(db: Database, text: str, limit: int = 30) -> list[Patient]:
    """The register's own forgiving search (name, date of birth, INS)."""
    return patients.search(db, text, limit)


# --- report ----------------------------------------------------------------------------------
def report_data(db: Database, patient_id: str, start: datetime, end: datetime,
                by_name: str = "") -> report.ReportData:
    """What the PDF report of the period shows (opening the file is audited as a read)."""
    patient = patients.open_file(db, patient_id)
    readings = [r for r in store.of_patient(db, patient_id) if start <= r.at < end]
    view = pathway_of(db, patient_id)
    enrolment = view.enrolment
    alerts_in = [a for a in pathways_store.alerts_of(db, patient_id)
                 if start <= a.at < end and not a.withdrawn]  # withdrawn: not theirs
    return report.ReportData(
        patient_name=f"{(patient.used_name or patient.birth_name).upper()} "
                     f"{patient.given_names}".strip(),
        birth_date=patient.birth_date, start=start, end=end,
        pathway=enrolment.pathway if enrolment and enrolment.active else None,
        thresholds=view.thresholds, overrides=view.overrides,
        stats=report.period_stats(readings, start, end),
        home=last_home_series(readings, view.thresholds.protocol),
        alerts=sorted(alerts_in, key=lambda a: a.at), rules_version=rules.load().version,
        generated_at=db.clock.now(), generated_by=by_name or db.actor)


def readings_in(db: Database, patient_id: str, start: datetime, end: datetime
                ) -> list[Reading]:
    return [r for r in store.of_patient(db, patient_id) if start <= r.at < end]
