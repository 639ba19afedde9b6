"""Pro Santé Connect sign-in through the hub, against a stand-in provider (the one thing
faked: it is outside the project), a real hub process and real signed ID tokens; the
attacks RFC 8252 and the OAuth security BCP name each get a case."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from conftest import _database
from hub_harness import Hub, hub_command

from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, StandInProvider
from tsn_hub.accounts import register_practitioner
from tsn_hub.psc import audit_events, is_loopback_redirect, read_profession, read_rpps
from tsn_hub.storage import open_store

LOOPBACK = "http://127.0.0.1:49152/callback"


@pytest.fixture(scope="module")
def provider() -> Iterator[StandInProvider]:
    with StandInProvider() as server:
        yield server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def psc_hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
            provider: StandInProvider) -> Iterator[Hub]:
    folder = tmp_path_factory.mktemp("psc-hub")
    secret = folder / "psc-secret"
    secret.write_text(CLIENT_SECRET + "\n")
    with _database(request.param, folder) as url:
        server = Hub(url, folder / "hub.log")
        server.extra_args = (
            "--push-per-minute", "0", "--pull-per-minute", "0",
            "--psc-issuer", provider.issuer, "--psc-client-id", CLIENT_ID,
            "--psc-secret-file", str(secret), "--public-url", server.base)
        server.start()
        try:
            yield server
        finally:
            server.stop()
            log_text = server.log_path.read_text(errors="replace")
            assert "Traceback" not in log_text and "ERROR" not in log_text, log_text
            assert CLIENT_SECRET not in log_text


@pytest.fixture
def psc(provider: StandInProvider) -> Iterator[StandInProvider]:
    """The provider, with a new practitioner signing in and behaving well."""
    provider.misbehave = None
    provider.identity = {"rpps": new_rpps(), "profession": "10"}
    yield provider
    provider.misbehave = None


def new_rpps() -> str:
    return f"1{uuid.uuid4().int % 10**10:010d}"


def enrol(hub: Hub, rpps: str, name: str = "Claire Petit") -> str:
    store = open_store(hub.db_url)
    try:
        return register_practitioner(store, rpps, name, "general_practitioner")
    finally:
        store.close()


def hub_audit(hub: Hub, rpps: str | None = None) -> list[tuple[str, str | None]]:
    store = open_store(hub.db_url)
    try:
        return [(e["event"], e["detail"]) for e in audit_events(store)
                if rpps is None or e["rpps"] == rpps]
    finally:
        store.close()


class Desktop:
    """What the desktop sends, with its PKCE pair, state and nonce; `browse` plays
    the system browser, following redirects until the hub sends it to the loopback."""

    def __init__(self, hub: Hub, redirect_uri: str = LOOPBACK) -> None:
        self.hub = hub
        self.verifier = generate_token(64)
        self.state = generate_token(24)
        self.nonce = generate_token(24)
        self.device = "device-" + generate_token(16)
        self.redirect_uri = redirect_uri

    def authorize_url(self, **overrides: str) -> str:
        params = {"response_type": "code", "client_id": "tsn-desktop",
                  "redirect_uri": self.redirect_uri, "state": self.state, "nonce": self.nonce,
                  "code_challenge": create_s256_code_challenge(self.verifier),
                  "code_challenge_method": "S256", "device": self.device, **overrides}
        return f"{self.hub.base}/auth/v1/authorize?{urlencode(params)}"

    def browse(self, url: str) -> requests.Response:
        for _ in range(10):
            response = requests.get(url, allow_redirects=False, timeout=10)
            location = response.headers.get("Location")
            if response.status_code != 302 or location is None:
                return response
            if location.startswith(self.redirect_uri):
                return response
            url = location
        raise AssertionError("redirect loop")

    def sign_in(self, **overrides: str) -> dict[str, str]:
        """The query the loopback receives."""
        response = self.browse(self.authorize_url(**overrides))
        assert response.status_code == 302, response.text
        return {k: v[0] for k, v in parse_qs(urlsplit(response.headers["Location"]).query).items()}

    def token(self, **form: str) -> requests.Response:
        return requests.post(f"{self.hub.base}/auth/v1/token", data=form, timeout=10)

    def exchange(self, code: str, **overrides: str) -> requests.Response:
        form = {"grant_type": "authorization_code", "code": code,
                "code_verifier": self.verifier, "redirect_uri": self.redirect_uri,
                "device": self.device, **overrides}
        return self.token(**{k: v for k, v in form.items() if v is not None})

    def refresh(self, refresh_token: str) -> requests.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token,
                          device=self.device)


def pull_status(hub: Hub, access_token: str) -> int:
    return requests.get(f"{hub.base}/sync/v1/pull", timeout=10,
                        headers={"Authorization": f"Bearer {access_token}"}).status_code


# -- the flow ------------------------------------------------------------------

def test_a_practitioner_signs_in_with_psc_and_syncs_with_the_access_token(
        psc_hub: Hub, psc: StandInProvider) -> None:
    rpps = psc.identity["rpps"]
    enrol(psc_hub, rpps)
    desktop = Desktop(psc_hub)
    answer = desktop.sign_in()
    assert answer["state"] == desktop.state and "code" in answer
    # The hub asked PSC with its own PKCE and passed the desktop's nonce on.
    sent = psc.authorize_requests[-1]
    assert sent["nonce"] == desktop.nonce and sent["code_challenge_method"] == "S256"
    assert sent["redirect_uri"] == f"{psc_hub.base}/auth/v1/callback"
    response = desktop.exchange(answer["code"])
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert tokens["rpps"] == rpps and tokens["nonce"] == desktop.nonce
    assert tokens["profession"] == "10" and tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 600
    assert pull_status(psc_hub, tokens["access_token"]) == 200
    assert [event for event, _ in hub_audit(psc_hub, rpps)] == ["sign-in", "token"]


def test_the_rpps_is_read_from_userinfo_when_the_id_token_lacks_it(
        psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    psc.misbehave = "no_rpps_in_token"
    desktop = Desktop(psc_hub)
    tokens = desktop.exchange(desktop.sign_in()["code"]).json()
    assert tokens["rpps"] == psc.identity["rpps"]


def test_a_practitioner_without_a_hub_account_is_refused_and_it_is_audited(
        psc_hub: Hub, psc: StandInProvider) -> None:
    desktop = Desktop(psc_hub)
    answer = desktop.sign_in()
    assert answer["error"] == "access_denied" and answer["state"] == desktop.state
    assert "no hub account" in answer["error_description"]
    assert ("refused", "no hub account for this RPPS number") in hub_audit(
        psc_hub, psc.identity["rpps"])


def test_the_administrator_reads_the_sign_in_trail_with_tsn_hub_psc_audit(
        psc_hub: Hub, psc: StandInProvider) -> None:
    rpps = psc.identity["rpps"]
    enrol(psc_hub, rpps)
    desktop = Desktop(psc_hub)
    desktop.exchange(desktop.sign_in()["code"])
    done = hub_command("psc-audit", "--db", psc_hub.db_url, "--rpps", rpps)
    assert done.returncode == 0, done.stderr
    lines = [line.split("\t") for line in done.stdout.splitlines()]
    assert [(f[1], f[2], f[3]) for f in lines] == [
        ("sign-in", rpps, desktop.device), ("token", rpps, desktop.device)]


def test_administrator_tokens_keep_working_next_to_psc(psc_hub: Hub) -> None:
    token = enrol(psc_hub, new_rpps())
    assert pull_status(psc_hub, token) == 200


# -- attacks on the desktop leg --------------------------------------------------

@pytest.mark.parametrize("redirect_uri", [
    "https://evil.example/callback", "http://localhost:5000/callback",
    "http://127.0.0.1/callback", "http://192.168.1.10:5000/callback",
    "http://127.0.0.1:5000/callback#fragment", "http://user@127.0.0.1:5000/cb"])
def test_a_redirect_uri_off_the_loopback_is_refused_without_redirecting(
        psc_hub: Hub, redirect_uri: str) -> None:
    desktop = Desktop(psc_hub, redirect_uri)
    response = requests.get(desktop.authorize_url(), allow_redirects=False, timeout=10)
    assert response.status_code == 400 and "Location" not in response.headers
    assert "TSN Desktop" in response.text


def test_an_authorize_request_without_pkce_s256_goes_back_with_an_error(
        psc_hub: Hub, psc: StandInProvider) -> None:
    desktop = Desktop(psc_hub)
    for overrides in ({"code_challenge_method": "plain"}, {"code_challenge": ""}):
        answer = desktop.sign_in(**overrides)
        assert answer["error"] == "invalid_request" and "code" not in answer


def test_a_callback_with_a_wrong_state_is_refused(psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    desktop = Desktop(psc_hub)
    at_psc = requests.get(desktop.authorize_url(), allow_redirects=False, timeout=10)
    back = requests.get(at_psc.headers["Location"], allow_redirects=False, timeout=10)
    callback = urlsplit(back.headers["Location"])
    query = parse_qs(callback.query)
    forged = f"{psc_hub.base}{callback.path}?" + urlencode(
        {"code": query["code"][0], "state": "forged-state-value"})
    response = requests.get(forged, allow_redirects=False, timeout=10)
    assert response.status_code == 400 and "Location" not in response.headers
    # The genuine callback, replayed after its use, is refused the same way.
    assert requests.get(back.headers["Location"], allow_redirects=False,
                        timeout=10).status_code == 302
    assert requests.get(back.headers["Location"], allow_redirects=False,
                        timeout=10).status_code == 400


def test_a_replayed_code_is_refused_and_revokes_the_tokens_it_gave(
        psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    desktop = Desktop(psc_hub)
    code = desktop.sign_in()["code"]
    first = desktop.exchange(code).json()
    replay = desktop.exchange(code)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    assert pull_status(psc_hub, first["access_token"]) == 401
    assert desktop.refresh(first["refresh_token"]).status_code == 400


@pytest.mark.parametrize("verifier", [None, "", "w" * 64])
def test_a_code_without_or_with_a_wrong_verifier_is_refused_and_spent(
        psc_hub: Hub, psc: StandInProvider, verifier: str | None) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    desktop = Desktop(psc_hub)
    code = desktop.sign_in()["code"]
    response = desktop.exchange(code, code_verifier=verifier)  # type: ignore[arg-type]
    assert response.status_code == 400 and response.json()["error"] == "invalid_grant"
    # A guess spends the code: the right verifier afterwards does not help a thief.
    assert desktop.exchange(code).status_code == 400


def test_a_code_for_another_redirect_uri_or_device_is_refused(
        psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    for overrides in ({"redirect_uri": "http://127.0.0.1:40000/callback"},
                      {"device": "device-someone-else"}):
        desktop = Desktop(psc_hub)
        response = desktop.exchange(desktop.sign_in()["code"], **overrides)
        assert response.status_code == 400


# -- attacks on the provider leg -------------------------------------------------

@pytest.mark.parametrize("misbehaviour", [
    "expired", "bad_signature", "other_audience", "other_issuer", "wrong_nonce"])
def test_an_id_token_that_does_not_verify_gives_no_code(
        psc_hub: Hub, psc: StandInProvider, misbehaviour: str) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    psc.misbehave = misbehaviour
    desktop = Desktop(psc_hub)
    answer = desktop.sign_in()
    assert "code" not in answer and answer["error"] == "access_denied"
    assert "ID token is not valid" in answer["error_description"]
    events = hub_audit(psc_hub)
    assert events[-1][0] == "refused" and "ID token" in (events[-1][1] or "")


def test_a_sign_in_below_the_level_of_assurance_asked_for_gives_no_code(
        psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    psc.misbehave = "weak_acr"
    answer = Desktop(psc_hub).sign_in()
    assert "code" not in answer and "level of assurance" in answer["error_description"]
    assert psc.authorize_requests[-1]["acr_values"] == "eidas1"


# -- refresh tokens ------------------------------------------------------------

def test_a_refresh_token_rotates_and_its_reuse_revokes_the_whole_family(
        psc_hub: Hub, psc: StandInProvider) -> None:
    rpps = psc.identity["rpps"]
    enrol(psc_hub, rpps)
    desktop = Desktop(psc_hub)
    first = desktop.exchange(desktop.sign_in()["code"]).json()
    second = desktop.refresh(first["refresh_token"])
    assert second.status_code == 200, second.text
    rotated = second.json()
    assert rotated["refresh_token"] != first["refresh_token"]
    assert pull_status(psc_hub, rotated["access_token"]) == 200
    # A copy of the first refresh token comes back: someone else has it.
    stolen = desktop.refresh(first["refresh_token"])
    assert stolen.status_code == 400 and stolen.json()["error"] == "invalid_grant"
    # Everything of that sign-in stops: the rotated refresh and both access tokens.
    assert desktop.refresh(rotated["refresh_token"]).status_code == 400
    assert pull_status(psc_hub, rotated["access_token"]) == 401
    assert pull_status(psc_hub, first["access_token"]) == 401
    assert ("revoked", "refresh token reused: family revoked") in hub_audit(psc_hub, rpps)


def test_a_refresh_token_from_another_device_revokes_the_family(
        psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    desktop = Desktop(psc_hub)
    tokens = desktop.exchange(desktop.sign_in()["code"]).json()
    elsewhere = desktop.token(grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                              device="device-of-a-thief")
    assert elsewhere.status_code == 400
    assert desktop.refresh(tokens["refresh_token"]).status_code == 400


def test_signing_out_revokes_the_sign_in(psc_hub: Hub, psc: StandInProvider) -> None:
    enrol(psc_hub, psc.identity["rpps"])
    desktop = Desktop(psc_hub)
    tokens = desktop.exchange(desktop.sign_in()["code"]).json()
    response = requests.post(f"{psc_hub.base}/auth/v1/revoke",
                             data={"token": tokens["refresh_token"]}, timeout=10)
    assert response.status_code == 200
    assert pull_status(psc_hub, tokens["access_token"]) == 401
    assert desktop.refresh(tokens["refresh_token"]).status_code == 400


def test_a_token_request_with_a_repeated_parameter_is_refused(psc_hub: Hub) -> None:
    response = requests.post(f"{psc_hub.base}/auth/v1/token",
                             data="grant_type=refresh_token&refresh_token=a&refresh_token=b",
                             headers={"Content-Type": "application/x-www-form-urlencoded"},
                             timeout=10)
    assert response.status_code == 400 and response.json()["error"] == "invalid_request"


# -- configuration and claims ----------------------------------------------------

def test_serve_refuses_half_a_psc_configuration(tmp_path: Path) -> None:
    done = hub_command("serve", "--db", f"sqlite:///{tmp_path / 'hub.db'}",
                       "--psc-issuer", "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")
    assert done.returncode == 2 and "--psc-client-id" in done.stderr


def test_serve_refuses_a_plain_http_issuer_off_this_machine(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s")
    done = hub_command("serve", "--db", f"sqlite:///{tmp_path / 'hub.db'}",
                       "--psc-issuer", "http://psc.example/realms/x", "--psc-client-id", "c",
                       "--psc-secret-file", str(secret), "--public-url", "https://hub.example")
    assert done.returncode == 2 and "https://" in done.stderr


def test_psc_claims_give_the_rpps_and_the_profession() -> None:
    claims: dict[str, Any] = {"SubjectNameID": "810003525231", "preferred_username": "x",
                              "SubjectRefPro": {"exercices": [{"codeProfession": "60"}]}}
    assert read_rpps(claims) == "10003525231" and read_profession(claims) == "60"
    assert read_rpps({"preferred_username": "10003525231"}) == "10003525231"
    # An ADELI identifier ("0" then 9 digits) is no RPPS, nor a number of another type.
    assert read_rpps({"SubjectNameID": "0123456789"}) is None
    assert read_rpps({"SubjectNameID": "310003525231"}) is None


def test_only_loopback_ip_literals_with_a_port_are_redirect_uris() -> None:
    assert is_loopback_redirect("http://127.0.0.1:51234/callback")
    assert is_loopback_redirect("http://[::1]:51234/callback")
    assert not is_loopback_redirect("http://localhost:51234/callback")
    assert not is_loopback_redirect("https://127.0.0.1:51234/callback")


def test_ended_sign_ins_are_purged_while_a_live_ones_used_tokens_still_trip_reuse(
        tmp_path: Path) -> None:
    """In-process, with the hub's clock faked (a month must pass)."""
    import json

    from tsn_hub.psc import PscConfig, PscService
    from tsn_hub.sync import hash_token

    store = open_store(f"sqlite:///{tmp_path / 'hub.db'}")
    store.init_schema()
    rpps = new_rpps()
    register_practitioner(store, rpps, "Claire Petit")
    now = [1_800_000_000.0]
    service = PscService(store, PscConfig("http://127.0.0.1:9/psc", CLIENT_ID, "s",
                                          "http://127.0.0.1:8443"), clock=lambda: now[0])

    def signed_in() -> dict[str, Any]:
        verifier, code = generate_token(64), generate_token(43)
        with store.write() as tx:
            tx._exec(  # type: ignore[attr-defined]
                "INSERT INTO psc_codes (code_hash, rpps, profession, nonce, redirect_uri,"
                " code_challenge, device, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (hash_token(code), rpps, None, "nonce", LOOPBACK,
                 create_s256_code_challenge(verifier), "device-1", now[0]))
        return dict(json.loads(service.token({
            "grant_type": "authorization_code", "code": code, "code_verifier": verifier,
            "redirect_uri": LOOPBACK, "device": "device-1"}).body))

    def refresh(token: str) -> dict[str, Any]:
        return dict(json.loads(service.token({"grant_type": "refresh_token",
                                              "refresh_token": token,
                                              "device": "device-1"}).body))

    def refresh_rows() -> int:
        with store.read() as tx:
            return int(tx._exec(  # type: ignore[attr-defined]
                "SELECT COUNT(*) FROM psc_refresh").fetchone()[0])

    try:
        old = signed_in()
        assert "access_token" in refresh(old["refresh_token"])
        assert refresh_rows() == 2
        now[0] += 32 * 86400.0  # the old sign-in ended (30 days) more than a day ago
        live = signed_in()
        rotated = refresh(live["refresh_token"])
        assert refresh_rows() == 2  # the old family's two are gone, the live one's two stay
        assert refresh(old["refresh_token"])["error_description"] == "unknown refresh token"
        assert refresh(live["refresh_token"])["error"] == "invalid_grant"  # reuse: revoked
        assert refresh(rotated["refresh_token"])["error"] == "invalid_grant"
    finally:
        store.close()
