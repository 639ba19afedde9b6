"""The network misbehaves between the client and a real hub (a fault-injecting proxy of
our own): the client retries or parks, never crashes, never loses an op.

Faked: sleep during backoff (recorded instead of slept) and the jitter's random draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from tsn_desktop.patients import store
from tsn_desktop.sync.client import (
    AuthRequired,
    Backoff,
    HubClient,
    InsecureHubUrl,
    RequestRefused,
    TransientError,
    check_hub_url,
    parse_retry_after,
)
from tsn_desktop.sync.engine import parked_changes, requeue_parked

from .conftest import HubProcess, new_patient, self_signed_cert
from .fault_proxy import FaultProxy


@pytest.fixture
def proxy(hub) -> Iterator[FaultProxy]:
    fault_proxy = FaultProxy(hub.url, hang_seconds=1.5)
    yield fault_proxy
    fault_proxy.close()


def client_through(proxy: FaultProxy, token: str = "x", **kwargs) -> tuple[HubClient, list]:
    sleeps: list[float] = []
    kwargs.setdefault("timeout", (1.0, 0.5))
    client = HubClient(proxy.url, token, sleep=sleeps.append, rand=lambda: 0.5, **kwargs)
    return client, sleeps


# --- retry classification and backoff ------------------------------------------------------
@pytest.mark.parametrize("fault", ["500", "429", "hang", "close", "garbage", "truncate"])
def test_transient_faults_are_retried_then_succeed(proxy, fault) -> None:
    proxy.then(fault)
    client, sleeps = client_through(proxy)
    meta = client.get("/sync/v1/meta")
    assert meta["hub_id"]
    assert len(sleeps) == 1
    assert [f for _, _, f in proxy.log] == [fault, "pass"]


def test_retry_after_is_honoured(proxy) -> None:
    proxy.then("503:7")
    client, sleeps = client_through(proxy)
    client.get("/sync/v1/meta")
    assert sleeps == [7.0]


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    backoff = Backoff(base=1.0, cap=300.0)
    assert [backoff.delay(n, lambda: 1.0) for n in range(1, 10)] == \
        [2, 4, 8, 16, 32, 64, 128, 256, 300]
    assert backoff.delay(3, lambda: 0.25) == 2.0
    assert backoff.delay(1, lambda: 0.0) == 0.0
    # Retry-After is a floor: at least that long, even past the cap.
    assert backoff.delay(2, lambda: 0.9, retry_after=3600) == 3600
    assert backoff.delay(5, lambda: 1.0, retry_after=1) == 32


def test_a_long_retry_after_ends_the_pass_instead_of_blocking_it(proxy) -> None:
    proxy.then("503:120")
    client, sleeps = client_through(proxy)
    with pytest.raises(TransientError) as caught:
        client.get("/sync/v1/meta")
    assert caught.value.retry_after == 120.0
    assert sleeps == []


def test_retry_after_as_an_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Mon, 23 Nov 2026 10:00:30 GMT", now) == 30.0
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("soon") is None


def test_gives_up_after_max_attempts_with_a_plain_reason(proxy) -> None:
    proxy.then("500", "500", "500")
    client, sleeps = client_through(proxy, max_attempts=3)
    with pytest.raises(TransientError) as caught:
        client.get("/sync/v1/meta")
    assert caught.value.reason == "the hub is unavailable (HTTP 500)"
    assert len(sleeps) == 2


def test_401_asks_to_sign_in_again_and_is_not_retried(proxy) -> None:
    client, sleeps = client_through(proxy, token="revoked")
    with pytest.raises(AuthRequired):
        client.get("/sync/v1/pull")
    assert sleeps == []


def test_other_4xx_are_not_retried(proxy) -> None:
    proxy.then("404")
    client, sleeps = client_through(proxy)
    with pytest.raises(RequestRefused):
        client.get("/sync/v1/meta")
    assert sleeps == []


def test_plain_http_only_on_loopback() -> None:
    assert check_hub_url("https://hub.sante-idf.example/") == "https://hub.sante-idf.example"
    assert check_hub_url("http://127.0.0.1:8443") == "http://127.0.0.1:8443"
    assert check_hub_url("http://[::1]:8443") == "http://[::1]:8443"
    assert check_hub_url("http://localhost:1") == "http://localhost:1"
    for bad in ("http://hub.sante-idf.example", "ftp://hub", "hub.example", "http://10.0.0.1"):
        with pytest.raises(InsecureHubUrl):
            check_hub_url(bad)


def test_an_https_hub_with_an_untrusted_certificate_is_refused(tmp_path) -> None:
    """A real HTTPS hub with a self-signed certificate: refused by default, accepted
    with the region's CA bundle, never by switching verification off."""
    cert, key = self_signed_cert(tmp_path)
    tls_hub = HubProcess(tmp_path, tls=(cert, key))
    tls_hub.start()
    try:
        client, sleeps = client_through_url(tls_hub.url)
        with pytest.raises(TransientError) as caught:
            client.get("/sync/v1/meta")
        assert caught.value.reason == "the hub's certificate could not be verified"
        trusted, _ = client_through_url(tls_hub.url, ca_bundle=str(cert))
        assert trusted.get("/sync/v1/meta")["hub_id"]
    finally:
        tls_hub.stop()


def client_through_url(url: str, **kwargs) -> tuple[HubClient, list]:
    sleeps: list[float] = []
    return HubClient(url, "x", sleep=sleeps.append, max_attempts=1, **kwargs), sleeps


# --- the engine through faults ---------------------------------------------------------------
def test_push_answer_lost_after_the_hub_applied_it_is_a_duplicate_not_a_copy(
        make_client, proxy, hub) -> None:
    gp = make_client()
    patient = gp.save(new_patient())
    proxy.then("forward+garbage", path="/sync/v1/push")
    report = gp.sync(hub_url=proxy.url)
    assert report.duplicates == 1 and report.pushed == 0
    assert hub.fhir(gp.token, "Patient", patient.id).json()["meta"]["versionId"] == "1"
    assert gp.db.query("SELECT state FROM outbox") == [("sent",)]


def test_connection_dropped_after_forwarding_then_hub_down_for_a_whole_pass(
        make_client, proxy, hub) -> None:
    gp = make_client()
    patient = gp.save(new_patient())
    proxy.then("forward+close", "500", "503:1", "close", path="/sync/v1/push")
    engine = gp.engine(hub_url=proxy.url, max_attempts=4)
    with pytest.raises(TransientError):
        engine.run_pass()
    # Nothing lost: still queued, and the batch is remembered for an identical resend.
    assert gp.db.query("SELECT state FROM outbox") == [("pending",)]
    assert gp.db.query("SELECT count(*) FROM sync_inflight")[0][0] == 1
    gp.save(replace(store.get(gp.db, patient.id), phone="06 42 42 42 42"))
    report = engine.run_pass()
    assert report.duplicates == 1 and report.pushed == 1
    hub_copy = hub.fhir(gp.token, "Patient", patient.id).json()
    assert hub_copy["meta"]["versionId"] == "2"
    assert hub_copy["telecom"][0]["value"] == "06 42 42 42 42"
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state != 'sent'")[0][0] == 0


def test_garbage_and_truncated_pull_pages_are_retried_and_nothing_is_skipped(
        make_client, proxy) -> None:
    gp = make_client()
    patient = gp.save(new_patient())
    gp.sync()
    other_computer = make_client()
    other_computer.token = gp.token
    proxy.then("garbage", "truncate", "hang", path="/sync/v1/pull")
    other_computer.sync(hub_url=proxy.url, max_attempts=5)
    assert store.get(other_computer.db, patient.id).content() == \
        store.get(gp.db, patient.id).content()


def test_a_rejected_op_is_parked_and_does_not_block_the_queue(make_client, hub, caplog) -> None:
    gp = make_client()
    good = gp.save(new_patient())
    # A record the hub refuses (an INS whose key is wrong, typed before validation
    # existed): written under the service to reach the hub as it is.
    bad = replace(new_patient(given_names="Paul"), id="6f1c1f0e-8a43-4d0e-9d0b-111111111111",
                  ins="280037505612300")
    with gp.db.unit_of_work() as uow:
        store.insert(uow, bad)
    later = gp.save(new_patient(given_names="Jeanne"))
    report = gp.sync()
    assert (report.pushed, report.rejected) == (2, 1)
    parked = gp.db.query("SELECT resource_id, last_error FROM outbox WHERE state = 'parked'")
    assert parked[0][0] == bad.id
    assert parked[0][1].startswith("value:")
    assert "Paul" not in parked[0][1]
    for rid in (good.id, later.id):
        assert hub.fhir(gp.token, "Patient", rid).status_code == 200
    # The user fixes the record and asks to send it again.
    assert [c.resource_id for c in parked_changes(gp.db)] == [bad.id]
    fixed = gp.save(replace(store.get(gp.db, bad.id), ins=""))
    assert requeue_parked(gp.db) == 1
    report = gp.sync()
    assert (report.pushed, report.rejected) == (1, 0)
    assert parked_changes(gp.db) == []
    assert hub.fhir(gp.token, "Patient", fixed.id).status_code == 200


def test_a_push_too_big_for_the_hub_is_split(make_client, proxy, hub) -> None:
    gp = make_client()
    saved = [gp.save(new_patient(given_names=f"Prénom{i}")) for i in range(3)]
    proxy.then("413", path="/sync/v1/push")
    report = gp.sync(hub_url=proxy.url)
    assert report.pushed == 3
    pushes = [f for method, path, f in proxy.log if path == "/sync/v1/push"]
    assert pushes == ["413", "pass", "pass", "pass"]  # then batches of 3 // 2 = 1
    for p in saved:
        assert hub.fhir(gp.token, "Patient", p.id).status_code == 200
