"""Test harness for the hub: a real `python -m tsn_hub serve` subprocess, clients, samples.

Clients talk to the hub with `requests`, as the desktop client does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from tsn_hub.accounts import register_practitioner
from tsn_hub.storage import open_store

PG_URL = os.environ.get("TSN_HUB_TEST_PG_URL")
# Filled by test_fuzz.py, printed by conftest.py's terminal summary: backend -> counters.
FUZZ_COUNTS: dict[str, dict[str, int]] = {}
ROOT = Path(__file__).resolve().parents[2]

INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8"
INS_TEST_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10"
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HubClient:
    """One practitioner's view of the hub."""

    def __init__(self, base: str, rpps: str, token: str | None, verify: str | bool = True) -> None:
        self.base = base
        self.rpps = rpps
        # Passed per request: requests lets REQUESTS_CA_BUNDLE override Session.verify.
        self.verify = verify
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.session.post(
            f"{self.base}/sync/v1/push", json={"ops": list(ops)}, verify=self.verify
        )
        assert response.status_code == 200, response.text
        return list(response.json()["results"])

    def pull_page(self, cursor: str | None = None, **params: Any) -> dict[str, Any]:
        response = self.session.get(
            f"{self.base}/sync/v1/pull",
            params={"cursor": cursor, **params},
            timeout=60,
            verify=self.verify,
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    def pull_all(self, cursor: str | None = None, limit: int = 500) -> tuple[list[dict], str]:
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull_page(cursor, limit=limit)
            changes.extend(page["changes"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return changes, cursor

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(f"{self.base}{path}", timeout=60, verify=self.verify, **kwargs)


class Hub:
    """A hub server subprocess over one database."""

    def __init__(
        self,
        db_url: str,
        log_path: Path,
        tls: tuple[Path, Path] | None = None,
        extra_args: tuple[str, ...] = ("--push-per-minute", "0", "--pull-per-minute", "0",
                                       "--portal-per-minute", "0"),
    ) -> None:
        # Rate limits are off unless a test asks for them, so other tests are not throttled.
        self.extra_args = extra_args
        self.db_url = db_url
        self.log_path = log_path
        self.port = _free_port()
        self.tls = tls
        self.base = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        # With TLS, trust exactly the hub's own self-signed certificate.
        self.verify: str | bool = str(tls[0]) if tls else True
        self.process: subprocess.Popen[bytes] | None = None
        self.clients: list[HubClient] = []
        self.backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tsn_hub",
                "serve",
                "--db",
                self.db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "info",
                *(
                    ["--certfile", str(self.tls[0]), "--keyfile", str(self.tls[1])]
                    if self.tls
                    else []
                ),
                *self.extra_args,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        log.close()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hub exited early:\n{self.log_path.read_text()}")
            try:
                meta = requests.get(
                    f"{self.base}/sync/v1/meta",
                    timeout=1,
                    verify=self.verify,
                    headers={"Connection": "close"},  # see stop()
                )
                if meta.ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"hub did not start:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.process is None:
            return
        # Idle keep-alive connections would hold uvicorn's graceful shutdown (TLS: 3 s).
        for client in self.clients:
            client.session.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def practitioner(self, name: str = "Dr Test", rpps: str | None = None) -> HubClient:
        """A new account (created through the store, as `tsn-hub create-practitioner` does)."""
        rpps = rpps or f"1{uuid.uuid4().int % 10**10:010d}"
        store = open_store(self.db_url)
        try:
            token = register_practitioner(store, rpps, name)
        finally:
            store.close()
        client = HubClient(self.base, rpps, token, self.verify)
        self.clients.append(client)
        return client

    def anonymous(self, token: str | None = None) -> HubClient:
        client = HubClient(self.base, "", token, self.verify)
        self.clients.append(client)
        return client

    def meta(self) -> dict[str, Any]:
        response = requests.get(
            f"{self.base}/sync/v1/meta",
            timeout=5,
            verify=self.verify,
            headers={"Connection": "close"},
        )
        return dict(response.json())


def hub_command(*args: str) -> subprocess.CompletedProcess[str]:
    """Runs `python -m tsn_hub <args>` to its end, as an administrator types it; its
    output and exit status come back (a failing command does not raise)."""
    return subprocess.run([sys.executable, "-m", "tsn_hub", *args], capture_output=True,
                          text=True, timeout=60)


# -- FHIR samples --------------------------------------------------------------
def nir_with_key(nir13: str) -> str:
    body = nir13.replace("2A", "19").replace("2B", "18")
    return f"{nir13}{97 - int(body) % 97:02d}"


def new_id() -> str:
    return str(uuid.uuid4())


def patient(pid: str | None = None, family: str = "Martin", nir: str | None = None) -> dict:
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": pid or new_id(),
        "name": [{"family": family, "given": ["Jeanne"]}],
        "birthDate": "1984-03-12",
        "gender": "female",
    }
    if nir:
        resource["identifier"] = [{"system": INS_TEST_SYSTEM, "value": nir}]
    return resource


def observation(patient_id: str, value: float = 120.0, oid: str | None = None) -> dict:
    return {
        "resourceType": "Observation",
        "id": oid or new_id(),
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": "2026-11-20T09:30:00Z",
        "valueQuantity": {
            "value": value,
            "unit": "mm[Hg]",
            "system": "http://unitsofmeasure.org",
            "code": "mm[Hg]",
        },
    }


def immunization(patient_id: str, iid: str | None = None, lot: str = "AB123") -> dict:
    return {
        "resourceType": "Immunization",
        "id": iid or new_id(),
        "status": "completed",
        "vaccineCode": {"coding": [{"system": "urn:oid:1.2.250.1.213.2.3.1", "code": "HEXYON"}]},
        "patient": {"reference": f"Patient/{patient_id}"},
        "occurrenceDateTime": "2026-11-02",
        "lotNumber": lot,
    }


def care_team(patient_id: str, *rpps: str, cid: str | None = None) -> dict:
    return {
        "resourceType": "CareTeam",
        "id": cid or new_id(),
        "status": "active",
        "subject": {"reference": f"Patient/{patient_id}"},
        "participant": [
            {"member": {"identifier": {"system": RPPS_SYSTEM, "value": r}}} for r in rpps
        ],
    }


def upsert(resource: dict, base: str | None = None, op_id: str | None = None) -> dict:
    return {
        "op_id": op_id or new_id(),
        "resource_type": resource["resourceType"],
        "id": resource["id"],
        "action": "upsert",
        "base_version": base,
        "resource": resource,
    }


def delete(resource_type: str, rid: str, base: str | None) -> dict:
    return {
        "op_id": new_id(),
        "resource_type": resource_type,
        "id": rid,
        "action": "delete",
        "base_version": base,
    }
