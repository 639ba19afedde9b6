"""Signing in to the hub with Pro Santé Connect from the hub account dialog, as a
practitioner does: the browser (played by `requests`, since the system browser is
outside the project, injected as `open_url`), a real hub process configured for PSC,
the stand-in provider (tests/oidc_provider.py), the loopback listener, the keyring
(faked: the OS one is outside the project), the audit trail and a sync pass."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, StandInProvider
from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.executor import DbExecutor, DbRunner
from tsn_desktop.sync import psc
from tsn_desktop.sync.client import AuthRequired
from tsn_desktop.sync.ui.account import HubAccountDialog
from tsn_desktop.sync.worker import account_engine_factory

from .conftest import HubProcess, random_rpps, registry

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def provider() -> Iterator[StandInProvider]:
    with StandInProvider() as server:
        yield server


@pytest.fixture(scope="module")
def psc_hub(provider: StandInProvider, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[HubProcess]:
    workdir = tmp_path_factory.mktemp("psc-hub")
    secret = workdir / "secret"
    secret.write_text(CLIENT_SECRET)
    process = HubProcess(workdir)
    process.extra_args = ("--psc-issuer", provider.issuer, "--psc-client-id", CLIENT_ID,
                          "--psc-secret-file", str(secret), "--public-url", process.url)
    process.start()
    yield process
    process.drop()


@pytest.fixture(autouse=True)
def no_session_left() -> Iterator[None]:
    yield
    psc._sessions.clear()  # the process-wide sessions: each test starts signed out


class Browser:
    """Follows the hub's redirects to the provider and back, then brings the answer to
    the desktop's loopback listener, as a browser does; `forge_state` plays an
    attacker's page that sends the loopback another answer."""

    def __init__(self) -> None:
        self.pages: list[str] = []
        self.forge_state = False
        self.opened = threading.Event()

    def __call__(self, url: str) -> bool:
        for _ in range(10):
            response = requests.get(url, allow_redirects=False, timeout=10)
            location = response.headers.get("Location", "")
            if response.status_code != 302:
                break
            if location.startswith("http://127.0.0.1:") and "/callback" in location \
                    and "/auth/v1/" not in location:
                if self.forge_state:
                    parts = urlsplit(location)
                    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                    query["state"] = "forged-by-another-page"
                    location = f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"
                self.pages.append(requests.get(location, timeout=10).text)
                break
            url = location
        self.opened.set()
        return True


@pytest.fixture
def practitioner(make_client, psc_hub: HubProcess, provider: StandInProvider) -> Any:
    """A profile whose practitioner has a hub account, and is who signs in at PSC."""
    gp = make_client(on=psc_hub)
    provider.identity = {"rpps": gp.rpps, "profession": "10"}
    provider.misbehave = None
    return gp


def open_dialog(qtbot: Any, gp: Any, psc_hub: HubProcess, browser: Any,
                timeout: float = 30.0) -> tuple[HubAccountDialog, DbExecutor]:
    executor = DbExecutor(gp.db)
    dialog = HubAccountDialog(DbRunner(executor), gp.profile.vault.profile_id, gp.rpps,
                              psc_hub.url, open_url=browser, sign_in_timeout=timeout)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, executor


def audit_actions(gp: Any) -> list[str]:
    return [row[0] for row in gp.db.query(
        "SELECT action FROM audit_log WHERE resource_type = 'HubAccount' ORDER BY id")]


def test_the_dialog_offers_pro_sante_connect_first_and_the_token_as_a_fallback(
        qtbot, practitioner, psc_hub, french) -> None:
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, Browser())
    try:
        assert dialog.psc_button.text().replace("&", "") == "Se connecter avec Pro Santé Connect"
        assert dialog.psc_button.isDefault()
        layout = dialog.layout()
        assert layout.indexOf(dialog.psc_button) < layout.indexOf(dialog.token.parentWidget())
        assert "jeton" in dialog.token.parentWidget().title()
    finally:
        dialog.close()
        executor.shutdown()


def test_signing_in_saves_the_account_keeps_the_refresh_token_in_the_keyring_and_syncs(
        qtbot, practitioner, psc_hub, memory_keyring, french) -> None:
    gp = practitioner
    browser = Browser()
    dialog, executor = open_dialog(qtbot, gp, psc_hub, browser)
    try:
        with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
            qtbot.mouseClick(dialog.psc_button, qtbot_left())
        assert saved.args == [True]
        assert "Vous pouvez fermer cet onglet" in browser.pages[0]
        # The profile knows the hub and the RPPS, and holds no token at all.
        assert gp.db.query("SELECT hub_url, rpps, token FROM sync_account") == [
            (psc_hub.url, gp.rpps, None)]
        kept = json.loads(memory_keyring.secrets[
            (psc.KEYRING_SERVICE, f"{gp.profile.vault.profile_id}@{psc_hub.url}")])
        assert set(kept) == {"device", "refresh_token"}
        # Never in a file of the profile (the DB, its journal, settings, logs).
        for path in gp.profile.vault.directory.parent.parent.rglob("*"):
            if path.is_file():
                assert kept["refresh_token"].encode() not in path.read_bytes(), path
        assert audit_actions(gp) == ["sign-in"]
        # A sync pass goes through with the access token held in memory.
        factory = account_engine_factory(registry(), gp.profile.vault.profile_id, executor,
                                         SystemClock())
        engine = factory()
        assert engine is not None
        try:
            engine.run_pass()
        finally:
            engine.client.close()
    finally:
        dialog.close()
        executor.shutdown()


def test_a_sign_in_for_another_rpps_is_refused_with_a_clear_message_and_audited(
        qtbot, practitioner, psc_hub, provider, make_client, memory_keyring, french) -> None:
    colleague = make_client("Petit Claire", on=psc_hub)
    provider.identity = {"rpps": colleague.rpps, "profession": "60"}
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, Browser())
    try:
        qtbot.mouseClick(dialog.psc_button, qtbot_left())
        qtbot.waitUntil(lambda: dialog.psc_button.isEnabled(), timeout=30_000)
        text = dialog.psc_status.text()
        assert colleague.rpps in text and practitioner.rpps in text
        assert "autre praticien" in text
        assert practitioner.db.query("SELECT * FROM sync_account") == []
        assert memory_keyring.secrets == {}
        qtbot.waitUntil(lambda: audit_actions(practitioner) == ["sign-in-refused"],
                        timeout=10_000)
    finally:
        dialog.close()
        executor.shutdown()


def test_a_redirect_carrying_another_state_is_ignored_and_audited(
        qtbot, practitioner, psc_hub, memory_keyring, french) -> None:
    browser = Browser()
    browser.forge_state = True
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, browser)
    try:
        qtbot.mouseClick(dialog.psc_button, qtbot_left())
        qtbot.waitUntil(lambda: dialog.psc_button.isEnabled(), timeout=30_000)
        assert "ignorée" in dialog.psc_status.text()
        assert practitioner.db.query("SELECT * FROM sync_account") == []
        qtbot.waitUntil(lambda: audit_actions(practitioner) == ["sign-in-refused"],
                        timeout=10_000)
    finally:
        dialog.close()
        executor.shutdown()


def test_a_practitioner_without_a_hub_account_is_told_to_ask_the_administrator(
        qtbot, practitioner, psc_hub, provider, memory_keyring, french) -> None:
    provider.identity = {"rpps": random_rpps(), "profession": "10"}
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, Browser())
    try:
        qtbot.mouseClick(dialog.psc_button, qtbot_left())
        qtbot.waitUntil(lambda: dialog.psc_button.isEnabled(), timeout=30_000)
        assert "administrateur" in dialog.psc_status.text()
    finally:
        dialog.close()
        executor.shutdown()


def test_a_browser_that_never_comes_back_ends_in_a_message_not_a_wait_forever(
        qtbot, practitioner, psc_hub, memory_keyring, french) -> None:
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, lambda _url: True,
                                   timeout=0.2)
    try:
        qtbot.mouseClick(dialog.psc_button, qtbot_left())
        qtbot.waitUntil(lambda: dialog.psc_button.isEnabled(), timeout=30_000)
        assert "à temps" in dialog.psc_status.text()
    finally:
        dialog.close()
        executor.shutdown()


def test_without_a_keyring_the_sign_in_lasts_until_quitting_then_is_asked_again(
        qtbot, practitioner, psc_hub, no_keyring, french) -> None:
    gp = practitioner
    dialog, executor = open_dialog(qtbot, gp, psc_hub, Browser())
    try:
        with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
            qtbot.mouseClick(dialog.psc_button, qtbot_left())
        assert saved.args == [False]
        factory = account_engine_factory(registry(), gp.profile.vault.profile_id, executor,
                                         SystemClock())
        engine = factory()
        assert engine is not None
        engine.client.close()
        psc._sessions.clear()  # TSN Desktop quit: nothing outlived it
        with pytest.raises(AuthRequired):
            factory()
    finally:
        dialog.close()
        executor.shutdown()


class Clock:
    """The monotonic clock the session measures token lifetimes on (faked)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def signed_in_session(gp: Any, psc_hub: HubProcess, clock: Clock) -> psc.Tokens:
    attempt = psc.SignIn(psc_hub.url, "tsn-device-test", clock)
    threading.Thread(target=Browser(), args=(attempt.url,), daemon=True).start()
    tokens = attempt.finish(gp.rpps, timeout=30)
    psc.start_session(gp.profile.vault.profile_id, psc_hub.url, attempt.device, tokens, clock)
    return tokens


def pull_status(psc_hub: HubProcess, token: str) -> int:
    return requests.get(f"{psc_hub.url}/sync/v1/pull", timeout=10,
                        headers={"Authorization": f"Bearer {token}"}).status_code


def test_the_access_token_is_refreshed_when_it_runs_out_and_the_refresh_token_rotates(
        practitioner, psc_hub, memory_keyring) -> None:
    gp, clock = practitioner, Clock()
    pid = gp.profile.vault.profile_id
    tokens = signed_in_session(gp, psc_hub, clock)
    assert psc.access_token(pid, psc_hub.url) == tokens.access_token
    clock.now += 600  # the hub gives 600 s
    fresh = psc.access_token(pid, psc_hub.url)
    assert fresh != tokens.access_token and pull_status(psc_hub, fresh) == 200
    kept = json.loads(memory_keyring.secrets[(psc.KEYRING_SERVICE, f"{pid}@{psc_hub.url}")])
    assert kept["refresh_token"] != tokens.refresh_token
    # A copy of the first refresh token used elsewhere: the hub revokes the sign-in,
    # and this desktop is asked to sign in again at its next refresh.
    stolen = requests.post(f"{psc_hub.url}/auth/v1/token", timeout=10, data={
        "grant_type": "refresh_token", "refresh_token": tokens.refresh_token,
        "device": "tsn-device-test"})
    assert stolen.status_code == 400
    assert pull_status(psc_hub, fresh) == 401
    clock.now += 600
    with pytest.raises(AuthRequired):
        psc.access_token(pid, psc_hub.url)
    assert memory_keyring.secrets == {}


def test_a_sign_in_kept_in_the_keyring_is_resumed_by_the_next_run(
        practitioner, psc_hub, memory_keyring) -> None:
    gp, clock = practitioner, Clock()
    pid = gp.profile.vault.profile_id
    signed_in_session(gp, psc_hub, clock)
    psc._sessions.clear()  # a new run of TSN Desktop
    token = psc.access_token(pid, psc_hub.url)
    assert token is not None and pull_status(psc_hub, token) == 200


def test_signing_out_revokes_the_sign_in_on_the_hub(practitioner, psc_hub,
                                                    memory_keyring) -> None:
    gp, clock = practitioner, Clock()
    tokens = signed_in_session(gp, psc_hub, clock)
    psc.sign_out(gp.profile.vault.profile_id, psc_hub.url)
    assert pull_status(psc_hub, tokens.access_token) == 401
    assert memory_keyring.secrets == {}
    assert psc.access_token(gp.profile.vault.profile_id, psc_hub.url) is None


def test_the_loopback_listener_answers_only_its_callback_path() -> None:
    receiver = psc.LoopbackReceiver()
    base = receiver.redirect_uri.rsplit("/", 1)[0]
    assert requests.get(base + "/favicon.ico", timeout=5).status_code == 404
    page = requests.get(receiver.redirect_uri + "?error=access_denied&state=s", timeout=5)
    assert "fermer cet onglet" in page.text
    assert receiver.wait(5) == {"error": "access_denied", "state": "s"}


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_refused_sign_in_goes_to_the_hub_as_a_failed_user_authentication(
        practitioner) -> None:
    from tsn_desktop.audit import service as audit_service
    from tsn_desktop.audit.fhir import AuditEventAdapter
    from tsn_hub.fhir import validate_resource

    gp = practitioner
    audit_service.enable_hub_sync(gp.db)
    psc.audit_refused(gp.db)
    event_id = gp.db.query_one(
        "SELECT id FROM audit_event WHERE action = 'sign-in-refused'")[0]
    resource = AuditEventAdapter().to_fhir(gp.db, event_id)
    assert resource is not None
    assert resource["type"]["code"] == "110114" and resource["action"] == "E"
    assert resource["outcome"] == "4"
    validate_resource("AuditEvent", event_id, resource)


def test_the_dialog_signs_out_a_lent_laptop_and_the_hub_refuses_its_token_after(
        qtbot, practitioner, psc_hub, memory_keyring, french) -> None:
    gp, clock = practitioner, Clock()
    tokens = signed_in_session(gp, psc_hub, clock)
    dialog, executor = open_dialog(qtbot, gp, psc_hub, Browser())
    try:
        assert dialog.sign_out_button.isVisible()
        assert dialog.sign_out_button.text().replace("&", "") == \
            "Se déconnecter de Pro Santé Connect"
        qtbot.mouseClick(dialog.sign_out_button, qtbot_left())
        qtbot.waitUntil(lambda: not dialog.sign_out_button.isVisible(), timeout=15_000)
        assert "Déconnecté" in dialog.psc_status.text()
        assert pull_status(psc_hub, tokens.access_token) == 401
        assert memory_keyring.secrets == {}
    finally:
        dialog.close()
        executor.shutdown()


def test_a_computer_not_signed_in_offers_no_sign_out(qtbot, practitioner, psc_hub,
                                                     french) -> None:
    dialog, executor = open_dialog(qtbot, practitioner, psc_hub, Browser())
    try:
        assert not dialog.sign_out_button.isVisible()
    finally:
        dialog.close()
        executor.shutdown()
