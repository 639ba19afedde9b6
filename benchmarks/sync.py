"""Push and pull N patient records between a profile and a real local hub.

    python benchmarks/sync.py [--records 100000] [--hub-url sqlite|postgresql://...]

Starts a real `tsn-hub serve` (python -m tsn_hub) on 127.0.0.1 at a free port, by
default on a SQLite file in a temp dir (`--hub-url postgresql://...` uses that
database instead; it is not emptied, and the benchmark's practitioners are new, so
they see only their own records). Then:

- profile A (SQLCipher) gets N synthetic patients written through the patient store
  inside `db.unit_of_work()`, so each one has its outbox row;
- push: A's sync engine runs passes until its outbox is empty (timed; a pass also
  pulls back its own changes, shown separately);
- A puts practitioner B in each patient's care team (one CareTeam per patient, as
  tests/sync/conftest.py `share` does: the access rules of docs/sync-protocol.md §8);
- pull: B's sync engine, on a fresh profile, runs one pass that pulls everything;
- baseline: the same N rows of A's `patient` table (same columns, same constraints,
  without its secondary indexes and full-text triggers) bulk-inserted with one
  `executemany` in one transaction into a fresh SQLCipher database opened with the
  same pragmas as the app's.

Prints records, seconds, records/s for push, pull and baseline, the time ratios to
the baseline, and checks (outbox empty after the push, B holds exactly A's patients)
that fail the run (exit 1) when they do not hold.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
import sqlcipher3  # noqa: E402

from tsn_desktop.core import identifiers  # noqa: E402
from tsn_desktop.core.clock import SystemClock  # noqa: E402
from tsn_desktop.core.db import Database, bundled_migrations, new_id  # noqa: E402
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile  # noqa: E402
from tsn_desktop.core.vault import KdfParams  # noqa: E402
from tsn_desktop.demo_data import generate_patients  # noqa: E402
from tsn_desktop.patients import store  # noqa: E402
from tsn_desktop.patients.fhir import PatientAdapter  # noqa: E402
from tsn_desktop.patients.model import Patient  # noqa: E402
from tsn_desktop.sync.adapters import AdapterRegistry  # noqa: E402
from tsn_desktop.sync.client import HubClient  # noqa: E402
from tsn_desktop.sync.engine import SyncEngine  # noqa: E402
from tsn_desktop.sync.protocol import API, PassReport  # noqa: E402

PASSPHRASE = "benchmark passphrase 2026"
# Profile creation only: the scrypt cost the tests use (2**14, not the app's 2**17), so
# setting up the two profiles takes milliseconds. Nothing timed here derives a key.
FAST_KDF = KdfParams(n=2**14)
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
SEED = 2026
WRITE_CHUNK = 10_000          # patients per unit of work while building profile A
MAX_PASSES = 1_000            # safety stop: a pass pushes at most 200 batches

# The patient columns compared between A and B, and copied for the baseline.
COLUMNS = ("id", "local_version", "hub_version", "created_at", "updated_at", "deleted",
           "birth_name", "used_name", "given_names", "sex", "birth_date", "birth_place",
           "birth_insee", "ins", "address", "postal_code", "city", "phone", "email",
           "treating_gp", "identity_key")
CONTENT = ("id", "deleted", "birth_name", "used_name", "given_names", "sex", "birth_date",
           "birth_place", "birth_insee", "ins", "address", "postal_code", "city", "phone",
           "email", "treating_gp")


# --- the hub process -----------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def random_rpps(rng: random.Random) -> str:
    stem = "1" + "".join(rng.choice("0123456789") for _ in range(9))
    return stem + str(identifiers.luhn_check_digit(stem))


class Hub:
    """`tsn-hub serve` as an operator runs it, in its own session (so a Ctrl-C reaches
    only us, and we stop it in order)."""

    def __init__(self, workdir: Path, db_url: str) -> None:
        self.workdir = workdir
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "hub.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tsn_hub", "serve", "--db", self.db_url,
                 "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
                 # One client moving a whole practice: the per-token limits are for a region.
                 "--push-per-minute", "0", "--pull-per-minute", "0"],
                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("hub exited:\n" + self.log_tail())
            try:
                if requests.get(self.url + API + "/meta", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("hub did not start:\n" + self.log_tail())

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def create_practitioner(self, rpps: str, name: str, profession: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "tsn_hub", "create-practitioner", "--db", self.db_url,
             "--rpps", rpps, "--name", name, "--profession", profession],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
        return out.stdout.strip().splitlines()[-1]


# --- profiles ------------------------------------------------------------------------
def make_profile(basedir: Path, family: str, given: str, profession: str,
                 rpps: str) -> OpenProfile:
    basedir.mkdir()
    return create_profile(basedir, Practitioner(family, given, profession, rpps), PASSPHRASE,
                          remember=False, clock=SystemClock(), kdf=FAST_KDF)


def write_patients(db: Database, count: int) -> None:
    """The normal write path: store.insert in a unit of work writes the outbox row."""
    rows = generate_patients(count, seed=SEED, today=db.clock.today())
    for start in range(0, count, WRITE_CHUNK):
        with db.unit_of_work() as uow:
            for row in rows[start:start + WRITE_CHUNK]:
                store.insert(uow, Patient(id=new_id(), **row))


def engine_for(db: Database, hub_url: str, token: str) -> SyncEngine:
    return SyncEngine(HubClient(hub_url, token), AdapterRegistry([PatientAdapter()]),
                      lambda fn: fn(db), SystemClock())


class PhaseTimer:
    """Wraps bound methods of one engine to add up the time spent in each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        return timed


def pending(db: Database) -> int:
    return int(db.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0])


def share_all(hub_url: str, token: str, patient_ids: list[str], rpps: list[str]) -> int:
    """One CareTeam per patient naming every RPPS (the care-team feature is not built:
    pushed with the sync client, as tests/sync/conftest.py `share` does)."""
    client = HubClient(hub_url, token)
    members = [{"member": {"identifier": {"system": RPPS_SYSTEM, "value": r}}} for r in rpps]
    applied = 0
    try:
        for start in range(0, len(patient_ids), 100):
            ops = []
            for pid in patient_ids[start:start + 100]:
                team_id = str(uuid.uuid4())
                team = {"resourceType": "CareTeam", "id": team_id, "status": "active",
                        "subject": {"reference": f"Patient/{pid}"}, "participant": members}
                ops.append({"op_id": str(uuid.uuid4()), "resource_type": "CareTeam",
                            "id": team_id, "action": "upsert", "base_version": None,
                            "resource": team})
            answer = client.post(API + "/push", {"ops": ops})
            applied += sum(1 for r in answer["results"] if r["status"] == "applied")
    finally:
        client.close()
    return applied


def patient_rows(db: Database, columns: tuple[str, ...]) -> list[tuple]:
    return db.query(f"SELECT {', '.join(columns)} FROM patient ORDER BY id")


# --- baseline ------------------------------------------------------------------------
def table_ddl(table: str) -> str:
    """The `CREATE TABLE <table>` statement of the bundled migrations (no indexes,
    no FTS triggers: those are separate statements)."""
    for migration in bundled_migrations():
        for statement in migration.sql.split(";"):
            text = "\n".join(line for line in statement.splitlines()
                             if not line.strip().startswith("--")).strip()
            if text.startswith(f"CREATE TABLE {table} ("):
                return text
    raise RuntimeError(f"no CREATE TABLE {table} in the migrations")


def baseline_insert(path: Path, rows: list[tuple], table: str = "patient",
                    columns: Sequence[str] = COLUMNS) -> float:
    """Seconds for one executemany of `rows` in one transaction, COMMIT included."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        # As Database.open: a raw 32-byte key, WAL, synchronous=FULL, temp in memory.
        conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(table_ddl(table))
        sql = (f"INSERT INTO {table} ({', '.join(columns)})"
               f" VALUES ({', '.join('?' * len(columns))})")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        stored = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if stored != len(rows):
            raise RuntimeError(f"baseline stored {stored} rows of {len(rows)}")
        return seconds
    finally:
        conn.close()


# --- the run -------------------------------------------------------------------------
def _sigterm(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>11,.0f}" if seconds > 0 else f"{'inf':>11}"


def run(records: int, hub_url: str, stack: contextlib.ExitStack) -> int:
    rng = random.Random()
    workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tsn-sync-bench-")))
    db_url = f"sqlite:///{workdir / 'hub.db'}" if hub_url == "sqlite" else hub_url
    hub = Hub(workdir, db_url)
    stack.callback(hub.stop)
    hub.start()
    backend = ("SQLite (WAL, synchronous=FULL)" if hub_url == "sqlite"
               else db_url.split("@")[-1])
    print(f"sync benchmark: {records:,} patients; hub {hub.url} on {backend}; "
          f"{os.cpu_count()} CPUs shared by hub and client", flush=True)

    rpps_a, rpps_b = random_rpps(rng), random_rpps(rng)
    token_a = hub.create_practitioner(rpps_a, "Durand Marie", "general_practitioner")
    token_b = hub.create_practitioner(rpps_b, "Petit Claire", "nurse")
    profile_a = make_profile(workdir / "profile-a", "Durand", "Marie",
                             "general_practitioner", rpps_a)
    stack.callback(profile_a.db.close)
    profile_b = make_profile(workdir / "profile-b", "Petit", "Claire", "nurse", rpps_b)
    stack.callback(profile_b.db.close)
    db_a, db_b = profile_a.db, profile_b.db

    started = time.perf_counter()
    write_patients(db_a, records)
    write_seconds = time.perf_counter() - started
    queued = pending(db_a)
    print(f"setup: {records:,} patients written to profile A through the patient store in "
          f"{write_seconds:.1f} s ({queued:,} outbox rows pending)", flush=True)

    # Push: passes until the outbox is empty (or a pass makes no progress).
    engine_a = engine_for(db_a, hub.url, token_a)
    timer_a = PhaseTimer()
    engine_a.push = timer_a.wrap("push", engine_a.push)  # type: ignore[method-assign]
    engine_a.pull = timer_a.wrap("pull", engine_a.pull)  # type: ignore[method-assign]
    push_report = PassReport()
    passes = 0
    started = time.perf_counter()
    while passes < MAX_PASSES:
        report = engine_a.run_pass()
        passes += 1
        for name in ("pushed", "duplicates", "conflicts", "rejected"):
            setattr(push_report, name, getattr(push_report, name) + getattr(report, name))
        if pending(db_a) == 0 or report.pushed + report.duplicates == 0:
            break
    push_seconds = time.perf_counter() - started
    engine_a.client.close()
    left = pending(db_a)
    parked = int(db_a.query_one("SELECT count(*) FROM outbox WHERE state = 'parked'")[0])
    print(f"push: {passes} pass(es); push phase {timer_a.seconds.get('push', 0):.1f} s, "
          f"pull-back of own changes {timer_a.seconds.get('pull', 0):.1f} s; pushed "
          f"{push_report.pushed:,}, duplicates {push_report.duplicates}, conflicts "
          f"{push_report.conflicts}, rejected {push_report.rejected}", flush=True)

    ids = [row[0] for row in db_a.query("SELECT id FROM patient ORDER BY id")]
    started = time.perf_counter()
    shared = share_all(hub.url, token_a, ids, [rpps_a, rpps_b])
    print(f"setup: {shared:,} CareTeams (A and B) pushed in {time.perf_counter() - started:.1f}"
          " s, not timed", flush=True)

    # Pull: one pass on B's fresh profile brings every patient (and every CareTeam,
    # which B keeps in hub_base only: no CareTeam adapter yet).
    engine_b = engine_for(db_b, hub.url, token_b)
    timer_b = PhaseTimer()
    engine_b.pull = timer_b.wrap("pull", engine_b.pull)  # type: ignore[method-assign]
    started = time.perf_counter()
    pull_report = engine_b.run_pass()
    pull_seconds = time.perf_counter() - started
    engine_b.client.close()
    changes_b = dict(db_b.query("SELECT resource_type, count(*) FROM hub_base"
                                " GROUP BY resource_type"))
    print(f"pull: pull phase {timer_b.seconds.get('pull', 0):.1f} s; applied "
          f"{pull_report.pulled:,}, skipped {pull_report.skipped}; hub changes received: "
          + ", ".join(f"{n:,} {t}" for t, n in sorted(changes_b.items())), flush=True)

    rows_a = patient_rows(db_a, COLUMNS)
    base_seconds = baseline_insert(workdir / "baseline.db", rows_a)

    on_b = int(db_b.query_one("SELECT count(*) FROM patient WHERE deleted = 0")[0])
    same_content = patient_rows(db_a, CONTENT) == patient_rows(db_b, CONTENT)

    print()
    print(f"{'':<10}{'records':>10}{'seconds':>10}{'records/s':>11}{'time / baseline':>17}")
    for label, seconds in (("push A", push_seconds), ("pull B", pull_seconds),
                           ("baseline", base_seconds)):
        ratio = seconds / base_seconds if base_seconds > 0 else float("inf")
        print(f"{label:<10}{records:>10,}{seconds:>10.2f}{rate(records, seconds)}"
              f"{ratio:>16.1f}x")
    print()
    checks = [
        (f"outbox pending after push = {left} (parked {parked})", left == 0 and parked == 0),
        (f"patients on B = {on_b:,} of {records:,}", on_b == records),
        ("patients on B identical to A (id and every field)", same_content),
    ]
    for text, ok in checks:
        print(f"check: {text}: {'OK' if ok else 'FAILED'}")
    return 0 if all(ok for _, ok in checks) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--hub-url", default="sqlite",
                        help="hub database: 'sqlite' (a temp file, default) or a "
                             "postgresql://user:pw@host/db URL")
    args = parser.parse_args(argv)
    if args.records < 1:
        parser.error("--records must be positive")
    if args.hub_url != "sqlite" and not args.hub_url.startswith(("postgresql://",
                                                                  "postgres://")):
        parser.error("--hub-url is 'sqlite' or a postgresql:// URL")
    signal.signal(signal.SIGTERM, _sigterm)
    try:
        with contextlib.ExitStack() as stack:
            return run(args.records, args.hub_url, stack)
    except KeyboardInterrupt:
        print("interrupted: hub stopped, temp files removed", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
