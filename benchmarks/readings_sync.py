"""Readings through sync (run by benchmarks/readings.py --only sync): R readings of 20
shared patients pushed by desktop A and pulled by desktop B through a real local hub,
every reading checked equal on arrival, against a bulk insert of the same rows."""

from __future__ import annotations

import contextlib
import gc
import random
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sync import (  # noqa: E402 - benchmarks/sync.py: the hub and profile helpers
    Hub,
    PhaseTimer,
    baseline_insert,
    make_profile,
    pending,
    random_rpps,
    share_all,
)

from tsn_desktop.audit import AuditEventAdapter, enable_hub_sync  # noqa: E402
from tsn_desktop.core.clock import SystemClock  # noqa: E402
from tsn_desktop.core.db import Database, new_id  # noqa: E402
from tsn_desktop.demo_data import generate_patients  # noqa: E402
from tsn_desktop.patients import store as patient_store  # noqa: E402
from tsn_desktop.patients.fhir import PatientAdapter  # noqa: E402
from tsn_desktop.patients.model import Patient  # noqa: E402
from tsn_desktop.readings import service  # noqa: E402
from tsn_desktop.readings.fhir import ObservationAdapter  # noqa: E402
from tsn_desktop.readings.fhir_pathways import (  # noqa: E402
    DetectedIssueAdapter,
    EpisodeOfCareAdapter,
)
from tsn_desktop.readings.model import HEART_RATE, Reading  # noqa: E402
from tsn_desktop.sync.adapters import AdapterRegistry  # noqa: E402
from tsn_desktop.sync.client import HubClient  # noqa: E402
from tsn_desktop.sync.engine import SyncEngine  # noqa: E402

PATIENTS = 20
_COLUMNS = ("id, patient_id, kind, at, value, value2, pulse, unit, original, source, device,"
            " flags, status, error_reason")


def one_patient(db: Database) -> str:
    return write_patients(db, 1)[0]


def write_patients(db: Database, count: int, adults: bool = False) -> list[str]:
    rows = generate_patients(count * 3 if adults else count, seed=12, today=db.clock.today())
    if adults:
        limit = db.clock.today().replace(year=db.clock.today().year - 18)
        rows = [r for r in rows if r["birth_date"] <= limit][:count]
    ids = []
    with db.unit_of_work() as uow:
        for row in rows:
            saved = patient_store.insert(uow, Patient(id=new_id(), **row))
            ids.append(saved.id)
    return ids


def engine_for(db: Database, hub_url: str, token: str) -> SyncEngine:
    # The app's adapters for these records, the audit trail's included (app.py turns its
    # hub sync on): an import's AuditEvents travel with its readings.
    registry = AdapterRegistry([PatientAdapter(), ObservationAdapter(),
                                EpisodeOfCareAdapter(), DetectedIssueAdapter(),
                                AuditEventAdapter()])
    return SyncEngine(HubClient(hub_url, token), registry, lambda fn: fn(db), SystemClock())


def passes_until_empty(engine: SyncEngine, db: Database) -> int:
    passes = 0
    while passes < 1000:
        report = engine.run_pass()
        passes += 1
        if pending(db) == 0 or report.pushed + report.duplicates == 0:
            break
    return passes


def reading_rows(db: Database) -> list[tuple]:
    return db.query(f"SELECT {_COLUMNS} FROM reading ORDER BY id")


def hub_database(hub_url: str, workdir: Path, stack: contextlib.ExitStack) -> tuple[str, str]:
    """(database URL, label) of the hub: a SQLite file in `workdir`, or a schema of its
    own in the given PostgreSQL database, dropped at the end."""
    if hub_url == "sqlite":
        return f"sqlite:///{workdir / 'hub.db'}", "SQLite"
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(hub_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(hub_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")

    stack.callback(drop)
    sep = "&" if "?" in hub_url else "?"
    return f"{hub_url}{sep}options=-csearch_path%3D{schema}", "PostgreSQL"


def bench_sync(readings: int, stack: contextlib.ExitStack, hub_url: str = "sqlite") -> bool:
    rng = random.Random(3)
    workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tsn-rsync-")))
    db_url, backend = hub_database(hub_url, workdir, stack)
    hub = Hub(workdir, db_url)
    stack.callback(hub.stop)
    hub.start()
    rpps_a, rpps_b = random_rpps(rng), random_rpps(rng)
    token_a = hub.create_practitioner(rpps_a, "Durand Marie", "general_practitioner")
    token_b = hub.create_practitioner(rpps_b, "Petit Claire", "nurse")
    a = make_profile(workdir / "a", "Durand", "Marie", "general_practitioner", rpps_a)
    stack.callback(a.db.close)
    b = make_profile(workdir / "b", "Petit", "Claire", "nurse", rpps_b)
    stack.callback(b.db.close)
    enable_hub_sync(a.db)
    enable_hub_sync(b.db)

    # Adults only: a newborn of the generated practice would refuse readings before birth.
    ids = write_patients(a.db, PATIENTS, adults=True)
    passes_until_empty(engine_for(a.db, hub.url, token_a), a.db)
    share_all(hub.url, token_a, ids, [rpps_a, rpps_b])
    # Minute-level heart rates from a watch, ending an hour ago.
    end = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    per = readings // PATIENTS
    started = time.perf_counter()
    for pid in ids:
        service.store_import(a.db, pid, [
            Reading(HEART_RATE, end - timedelta(minutes=i), 55.0 + (i * 7919 % 40),
                    source="apple-health:export.xml", device="Apple Watch")
            for i in range(per)])
    queued = pending(a.db)
    print(f"sync of {per * PATIENTS:,} readings ({PATIENTS} shared patients) through a local "
          f"hub ({backend}); setup {time.perf_counter() - started:.1f} s, {queued:,} ops queued",
          flush=True)

    # As in the app: there the automatic collector is off and the GUI thread collects
    # once a second (tsn_desktop/ui/gc_thread.py); left on here, it would scan the
    # batches in flight every few hundred allocations, which the app never does.
    gc.collect()
    gc.disable()
    stack.callback(gc.enable)
    engine_a = engine_for(a.db, hub.url, token_a)
    timer = PhaseTimer()
    engine_a.push = timer.wrap("push", engine_a.push)  # type: ignore[method-assign]
    started = time.perf_counter()
    passes = passes_until_empty(engine_a, a.db)
    push_s = timer.seconds.get("push", time.perf_counter() - started)
    left = pending(a.db)

    gc.collect()
    engine_b = engine_for(b.db, hub.url, token_b)
    timer_b = PhaseTimer()
    engine_b.pull = timer_b.wrap("pull", engine_b.pull)  # type: ignore[method-assign]
    engine_b.snapshot = timer_b.wrap("snapshot", engine_b.snapshot)  # type: ignore[method-assign]
    started = time.perf_counter()
    engine_b.run_pass()
    pull_s = time.perf_counter() - started

    rows_a, rows_b = reading_rows(a.db), reading_rows(b.db)
    equal = rows_a == rows_b and len(rows_a) == per * PATIENTS
    # The same rows in one executemany, with the two columns reading_rows leaves out.
    base_s = baseline_insert(workdir / "baseline.db", [(*r, "", "") for r in rows_a],
                             "reading", [*_COLUMNS.split(", "), "created_at", "updated_at"])
    n = len(rows_a)
    print(f"  push   {push_s:7.1f} s  {n / push_s:>9,.0f} readings/s  ({passes} pass(es),"
          f" {left} left)   ratio to baseline {push_s / base_s:6.1f}×")
    print(f"  pull   {pull_s:7.1f} s  {n / pull_s:>9,.0f} readings/s  (B holds {len(rows_b):,})"
          f"   ratio to baseline {pull_s / base_s:6.1f}×")
    print(f"  baseline bulk insert {base_s:7.2f} s  {n / base_s:>9,.0f} rows/s")
    print(f"  every reading equal on arrival: {'yes' if equal else 'NO'}")
    return equal and left == 0
