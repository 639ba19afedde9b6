"""What the desktop trusts from the network: redirects are never followed, the regional
CA bundle wins over the environment's, hub text never reaches the log, and a hub that
fails the same pull on every attempt is worded as such, not as "unreachable".

Real hub processes and a real fault-injecting proxy of our own; faked: backoff sleep
and the jitter's random draw.
"""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QThreadPool

from tsn_desktop.sync.client import HubClient, RedirectRefused, TransientError
from tsn_desktop.sync.protocol import PushOp, log_safe, parse_push
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import (
    HUB_FAILING,
    OFFLINE,
    SyncStatus,
)

from .conftest import (
    PYTHON,
    ROOT,
    free_port,
    new_patient,
    retrying_worker,
    self_signed_cert,
)
from .fault_proxy import FaultProxy


# --- redirects ----------------------------------------------------------------------------
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_refused_and_the_push_body_goes_nowhere_else(
        make_client, hub, status) -> None:
    elsewhere = FaultProxy(hub.url)       # stands for another origin: it records requests
    front = FaultProxy(hub.url)
    gp = make_client(hub_url=front.url)
    gp.save(new_patient())
    front.then(f"{status}>{elsewhere.url}/sync/v1/push", path="/sync/v1/push")
    try:
        with pytest.raises(RedirectRefused) as refused:
            gp.sync()
        assert refused.value.status == status
        assert "address" in refused.value.reason
        assert elsewhere.log == []
        pending = gp.db.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0]
        assert pending == 1  # nothing lost: pushed as soon as the address is right
    finally:
        front.close()
        elsewhere.close()


# --- the regional CA bundle ---------------------------------------------------------------
def _address_off_loopback() -> str | None:
    """This machine's address on its network (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = str(sock.getsockname()[0])
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_the_regional_ca_bundle_wins_over_the_environments_bundle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    address = _address_off_loopback()
    if address is None:
        pytest.skip("needs a network address off loopback (trust_env is off on loopback)")
    cert, key = self_signed_cert(tmp_path, address)
    (tmp_path / "other").mkdir()
    other_ca, _ = self_signed_cert(tmp_path / "other", address)
    port = free_port()
    log = (tmp_path / "hub.log").open("ab")
    hub = subprocess.Popen(
        [PYTHON, "-m", "tsn_hub", "serve", "--db", f"sqlite:///{tmp_path / 'hub.db'}",
         "--host", address, "--port", str(port), "--certfile", str(cert), "--keyfile", str(key),
         "--log-level", "warning"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    url = f"https://{address}:{port}"
    # The environment names another CA, as a system-wide or proxy setting would.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other_ca))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(other_ca))
    monkeypatch.setenv("NO_PROXY", "*")
    try:
        _wait_for(url, cert)
        client = HubClient(url, "x", ca_bundle=str(cert), max_attempts=1)
        assert client.get("/sync/v1/meta")["protocol"] == "tsn-sync/1"
        client.close()
        without = HubClient(url, "x", max_attempts=1)  # no regional bundle: the env's is used
        with pytest.raises(TransientError, match="certificate"):
            without.get("/sync/v1/meta")
        without.close()
    finally:
        hub.terminate()
        hub.wait(10)


def _wait_for(url: str, cert: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/sync/v1/meta", timeout=1, verify=str(cert)).ok:
                return
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError("hub did not start")


# --- logs -----------------------------------------------------------------------------------
def test_only_known_outcome_codes_and_well_formed_ids_from_the_hub_are_kept_for_logs() -> None:
    op = PushOp("0b6c5a4e-0000-4000-8000-000000000001", "Patient",
                "7e1d5a4e-0000-4000-8000-000000000002", "upsert", None, {})
    forged = {"results": [{"op_id": op.op_id, "status": "rejected", "outcome": {
        "issue": [{"code": "forbidden\n2026-01-01 INFO forged", "diagnostics": "free text"}]}}]}
    known = {"results": [{"op_id": op.op_id, "status": "rejected", "outcome": {
        "issue": [{"code": "forbidden", "diagnostics": "free text"}]}}]}

    assert parse_push(forged, [op])[0].outcome_code == "unknown"
    assert parse_push(known, [op])[0].outcome_code == "forbidden"
    assert log_safe("Immunization") == "Immunization"
    assert log_safe(op.id) == op.id
    for hub_text in ("x\nFORGED", "Jeanne MARTIN", "7e1d5a4e-0000-4000-8000-00000000000\n", 5):
        assert log_safe(hub_text) == "<malformed>"


# --- a hub failing the same way every time ------------------------------------------------
@pytest.fixture
def pool():
    pool = QThreadPool()
    yield pool
    pool.waitForDone(30_000)


@pytest.mark.gui
def test_a_pull_failing_the_same_way_three_times_says_so_instead_of_unreachable(
        make_client, hub, pool, qtbot, caplog) -> None:
    proxy = FaultProxy(hub.url)
    gp = make_client(hub_url=proxy.url)
    proxy.then(*["500"] * 10, path="/sync/v1/pull")
    worker, executor = retrying_worker(gp, proxy.url, pool)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    worker.status_changed.connect(widget.set_status)
    seen: list[SyncStatus] = []
    worker.status_changed.connect(seen.append)
    try:
        with qtbot.waitSignal(worker.status_changed,
                              check_params_cb=lambda s: s.error_kind == HUB_FAILING,
                              timeout=20_000):
            worker.start()
        # How each pass ended: the status right after a running one.
        ends = [now.error_kind for before, now in zip(seen, seen[1:], strict=False)
                if before.running and not now.running]
        assert ends == [OFFLINE, OFFLINE, HUB_FAILING]
        assert "contact the hub administrator" in widget.text()
        assert "unreachable" not in widget.text()
    finally:
        worker.stop()
        pool.waitForDone(30_000)
        executor.shutdown()
        proxy.close()
