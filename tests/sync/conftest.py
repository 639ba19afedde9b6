"""Fixtures for the sync client tests: a REAL hub process (`python -m tsn_hub serve` on
a temp SQLite file), practitioners made with the hub CLI, REAL SQLCipher profiles.

Faked, because they are outside the project: sleep during backoff (recorded, not
slept) and the keyring backend (tests/conftest.py). The clock is the system clock
where the hub's own clock is involved, so the skew check sees real time.
"""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers import FAST_KDF
from tsn_desktop.core import identifiers
from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile
from tsn_desktop.patients import service
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.patients.model import Patient
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.client import Backoff, HubClient
from tsn_desktop.sync.engine import SyncEngine

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PASSPHRASE = "une phrase de passe assez longue"
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
# Set by `eval "$(bash .ci/postgres.sh)"` (CI does): the whole suite then runs against a
# hub on PostgreSQL as well as on SQLite.
PG_URL = os.environ.get("TSN_HUB_TEST_PG_URL")
HUB_BACKENDS = ["sqlite", "postgresql"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def random_rpps() -> str:
    stem = "1" + "".join(random.choice("0123456789") for _ in range(9))
    return stem + str(identifiers.luhn_check_digit(stem))


def valid_ins(sex: str = "2", year: int = 1980, month: int = 3, place: str = "75056",
              order: str = "123") -> str:
    nir13 = f"{sex}{year % 100:02d}{month:02d}{place}{order}"
    return f"{nir13}{identifiers.nir_key(nir13):02d}"


class HubProcess:
    """The reference hub, run exactly as an operator would."""

    def __init__(self, workdir: Path, tls: tuple[Path, Path] | None = None,
                 backend: str = "sqlite", extra_args: tuple[str, ...] = ()) -> None:
        self.workdir = workdir
        self.extra_args = extra_args
        self.backend = backend
        self.schema: str | None = None
        if backend == "postgresql":
            # One schema per hub: hubs of different tests never see each other's rows.
            self.schema = f"hub_{uuid.uuid4().hex[:12]}"
            self._pg(f"CREATE SCHEMA {self.schema}")
            sep = "&" if "?" in (PG_URL or "") else "?"
            self.db_url = f"{PG_URL}{sep}options=-csearch_path%3D{self.schema}"
        else:
            self.db_url = f"sqlite:///{workdir / 'hub.db'}"
        self.port = free_port()
        self.tls = tls
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = open(self.workdir / "hub.log", "ab")  # noqa: SIM115 - closed with the process
        tls_args = ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])] \
            if self.tls else []
        self.proc = subprocess.Popen(
            [PYTHON, "-m", "tsn_hub", "serve", "--db", self.db_url, "--host", "127.0.0.1",
             "--port", str(self.port), "--log-level", "warning", *tls_args,
             # Rate limits off: a suite of passes on one session hub is not a flood.
             "--push-per-minute", "0", "--pull-per-minute", "0", "--portal-per-minute", "0",
             *self.extra_args],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        verify: str | bool = str(self.tls[0]) if self.tls else True
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("hub exited: " + (self.workdir / "hub.log").read_text())
            try:
                if requests.get(self.url + "/sync/v1/meta", timeout=1, verify=verify).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise RuntimeError("hub did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def wipe_and_restart(self) -> None:
        """The hub is rebuilt empty (a new epoch), at the same address."""
        self.stop()
        if self.schema is not None:
            self._pg(f"DROP SCHEMA {self.schema} CASCADE")
            self._pg(f"CREATE SCHEMA {self.schema}")
        for path in self.workdir.glob("hub.db*"):
            path.unlink()
        self.start()

    def drop(self) -> None:
        """Stops the hub and removes its PostgreSQL schema (SQLite: tmp_path goes)."""
        self.stop()
        if self.schema is not None:
            self._pg(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")

    @staticmethod
    def _pg(sql: str) -> None:
        import psycopg

        assert PG_URL is not None
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(sql)

    def create_practitioner(self, rpps: str, name: str, profession: str) -> str:
        out = subprocess.run(
            [PYTHON, "-m", "tsn_hub", "create-practitioner", "--db", self.db_url,
             "--rpps", rpps, "--name", name, "--profession", profession],
            cwd=ROOT, capture_output=True, text=True, check=True, timeout=30)
        return out.stdout.strip().splitlines()[-1]

    def fhir(self, token: str, resource_type: str, rid: str) -> requests.Response:
        return requests.get(f"{self.url}/fhir/{resource_type}/{rid}",
                            headers={"Authorization": f"Bearer {token}"}, timeout=10,
                            verify=str(self.tls[0]) if self.tls else True)


def self_signed_cert(folder: Path, ip: str = "127.0.0.1") -> tuple[Path, Path]:
    """A certificate for `ip` signed by nobody a client trusts by default."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tsn test hub")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(ip))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "hub.pem", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not PG_URL:
        pytest.skip('hub on PostgreSQL: set TSN_HUB_TEST_PG_URL (eval "$(bash .ci/postgres.sh)")')
    return str(request.param)


@pytest.fixture(scope="session", params=HUB_BACKENDS)
def hub(request: pytest.FixtureRequest,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub for the session; each test gets its own practitioners, and a hub only
    shows a practitioner the patients shared with them, so tests do not see each other."""
    process = HubProcess(tmp_path_factory.mktemp("hub"), backend=_backend(request))
    process.start()
    yield process
    process.drop()


@pytest.fixture(params=HUB_BACKENDS)
def private_hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HubProcess]:
    """A hub of the test's own, when the test counts everything the hub holds."""
    workdir = tmp_path / "private-hub"
    workdir.mkdir()
    process = HubProcess(workdir, backend=_backend(request))
    process.start()
    yield process
    process.drop()


@dataclass
class Client:
    """One practitioner's TSN Desktop: a profile, its hub token, a sync engine."""

    profile: OpenProfile
    token: str
    rpps: str
    hub_url: str
    sleeps: list[float]

    @property
    def db(self) -> Database:
        return self.profile.db

    def engine(self, hub_url: str | None = None, **client_kwargs: Any) -> SyncEngine:
        client_kwargs.setdefault("sleep", self.sleeps.append)
        client_kwargs.setdefault("backoff", Backoff(base=0.01, cap=0.05))
        client_kwargs.setdefault("timeout", (2.0, 5.0))
        client = HubClient(hub_url or self.hub_url, self.token, **client_kwargs)
        return SyncEngine(client, registry(), lambda fn: fn(self.db), SystemClock())

    def sync(self, **kwargs: Any) -> Any:
        return self.engine(**kwargs).run_pass()

    def save(self, patient: Patient) -> Patient:
        return service.save(self.db, patient).patient


def registry() -> AdapterRegistry:
    return AdapterRegistry([PatientAdapter()])


def retrying_worker(client: Any, hub_url: str, pool: Any) -> tuple[Any, Any]:
    """A sync worker for `client`'s account on `hub_url` (a FaultProxy), and its DB
    executor: one attempt per pass, then background retries that come at once. Faked: the
    jitter draw; the backoff is tiny."""
    from tsn_desktop.core.executor import DbExecutor
    from tsn_desktop.sync import settings
    from tsn_desktop.sync.worker import SyncWorker, account_engine_factory

    executor = DbExecutor(client.db)
    profile_id = client.profile.vault.profile_id
    settings.save_account(client.db, profile_id, hub_url, client.rpps, client.token)
    factory = account_engine_factory(registry(), profile_id, executor, SystemClock(),
                                     max_attempts=1)
    worker = SyncWorker(executor, factory, pool=pool, interval_ms=3_600_000,
                        backoff=Backoff(base=0.01, cap=0.05), rand=lambda: 1.0,
                        listen=False)
    return worker, executor


def wait_for_a_finished_pass(qtbot: Any, worker: Any) -> None:
    """Starts `worker` and returns once a pass has ended in success."""
    with qtbot.waitSignal(worker.status_changed,
                          check_params_cb=lambda s: s.last_sync_at is not None,
                          timeout=20_000):
        worker.start()


@pytest.fixture
def make_client(hub: HubProcess, tmp_path: Path) -> Iterator[Any]:
    opened: list[OpenProfile] = []

    def make(name: str = "Durand Marie", profession: str = "general_practitioner",
             hub_url: str | None = None, on: HubProcess | None = None) -> Client:
        target = on or hub
        rpps = random_rpps()
        token = target.create_practitioner(rpps, name, profession)
        family, given = name.split(" ", 1)
        practitioner = Practitioner(family, given, profession, rpps)
        basedir = tmp_path / f"profile-{rpps}"
        basedir.mkdir()
        profile = create_profile(basedir, practitioner, PASSPHRASE, remember=False,
                                 clock=SystemClock(), kdf=FAST_KDF)
        opened.append(profile)
        return Client(profile, token, rpps, hub_url or target.url, [])

    yield make
    for profile in opened:
        profile.db.close()


def new_patient(**overrides: Any) -> Patient:
    values: dict[str, Any] = dict(
        birth_name="Martin", given_names="Lucie Anne", sex="F", birth_date=date(1950, 6, 2),
        birth_place="Lyon", birth_insee="69123", address="3 rue des Lilas",
        postal_code="69003", city="Lyon", phone="04 72 00 00 00",
        email="lucie.martin@example.org", treating_gp="Dr Marie Durand")
    values.update(overrides)
    return Patient(**values)


def share(gp: Client, patient_id: str, *others: Client) -> None:
    """The GP puts colleagues in the patient's care team, as the hub's access model asks.
    (Pushed with the sync client itself: the care-team feature is not built yet.)"""
    import uuid

    client = HubClient(gp.hub_url, gp.token)
    members = [{"member": {"identifier": {"system": RPPS_SYSTEM, "value": c.rpps}}}
               for c in (gp, *others)]
    team = {"resourceType": "CareTeam", "id": str(uuid.uuid4()), "status": "active",
            "subject": {"reference": f"Patient/{patient_id}"}, "participant": members}
    answer = client.post("/sync/v1/push", {"ops": [{
        "op_id": str(uuid.uuid4()), "resource_type": "CareTeam", "id": team["id"],
        "action": "upsert", "base_version": None, "resource": team}]})
    assert answer["results"][0]["status"] == "applied", answer
    client.close()


def gp_and_nurse_sharing(make_client: Any, patient: Patient | None = None,
                         **where: Any) -> tuple[Client, Client, Patient]:
    """A GP and a home-visit nurse who share a patient the GP recorded: pushed, put in
    the care team, pulled by the nurse."""
    gp = make_client(**where)
    nurse = make_client("Petit Claire", "nurse", **where)
    saved = gp.save(patient or new_patient())
    gp.sync()
    share(gp, saved.id, nurse)
    nurse.sync()
    return gp, nurse, saved


def env_for_subprocess() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    return env
