"""Pro Santé Connect sign-in to the hub as a native app (RFC 8252): the system browser,
PKCE S256, a one-shot loopback listener; the refresh token in the OS keyring (never the
DB or a file), the access token in memory, refreshed when it runs out.

The hub side is tsn_hub/psc.py; the wire is docs/sync-protocol.md, "Pro Santé Connect
sign-in". `SignIn` is started on the GUI thread (it opens the browser), `finish` runs on
a worker thread; `access_token` runs on the sync worker's thread.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge

from tsn_desktop.core.db import Database
from tsn_desktop.sync import settings
from tsn_desktop.sync.client import AuthRequired, TransientError, _is_loopback, check_hub_url

log = logging.getLogger(__name__)

KEYRING_SERVICE = "tsn-desktop-hub-psc"
CLIENT_ID = "tsn-desktop"
AUTHORIZE = "/auth/v1/authorize"
TOKEN = "/auth/v1/token"
REVOKE = "/auth/v1/revoke"
CALLBACK_PATH = "/callback"
# A CPS card or the e-CPS app on a phone: a few minutes at most.
SIGN_IN_TIMEOUT = 300.0
# An access token is refreshed this long before the hub says it runs out.
REFRESH_MARGIN = 60.0
HTTP_TIMEOUT = (5.0, 20.0)
# Audit trail (core.audit): the record of a hub sign-in has no id of its own.
AUDIT_RECORD = "HubAccount"

_DONE_PAGE = """<!doctype html><html lang="fr"><meta charset="utf-8">
<title>TSN Desktop</title><body style="font-family: sans-serif; margin: 3em">
<h1>{title}</h1><p>{text}</p></body></html>"""
_PAGES = {
    True: ("Connexion terminée",
           "Vous pouvez fermer cet onglet et revenir à TSN Desktop."),
    False: ("La connexion n’a pas abouti",
            "Vous pouvez fermer cet onglet : TSN Desktop vous dit quoi faire."),
}


class SignInError(Exception):
    """A sign-in that did not give tokens. `reason` is a code the dialog words:
    "browser", "timeout", "state", "refused", "no_account", "unreachable", "mismatch"."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class RppsMismatch(SignInError):
    """Pro Santé Connect signed in another practitioner than this profile's."""

    def __init__(self, signed_in: str) -> None:
        super().__init__("mismatch")
        self.signed_in = signed_in


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: float  # on `clock` (monotonic by default): immune to a wrong wall clock
    rpps: str
    name: str | None = None
    profession: str | None = None


class LoopbackReceiver:
    """A one-shot HTTP server on 127.0.0.1, on a port the system picks, that waits for
    the browser to bring back the hub's redirect (RFC 8252 §7.3)."""

    def __init__(self) -> None:
        self._result: dict[str, str] | None = None
        self._done = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass  # the query holds a code: never logged

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                if parts.path != CALLBACK_PATH or receiver._done.is_set():
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                title, text = _PAGES["code" in query]
                body = _DONE_PAGE.format(title=title, text=text).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                receiver._result = query
                receiver._done.set()

        self._server = HTTPServer(("127.0.0.1", 0), Handler)
        self._server.timeout = 0.5
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_address[1]}{CALLBACK_PATH}"
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="tsn-psc-loopback",
                                        daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._done.is_set() and not self._closed.is_set():
            self._server.handle_request()
        self._server.server_close()

    def wait(self, timeout: float) -> dict[str, str]:
        """The redirect's query; SignInError("timeout") when none came in time, or the
        sign-in was cancelled (`close`)."""
        self._done.wait(timeout)
        self.close()
        if self._result is None:
            raise SignInError("timeout")
        return self._result

    def close(self) -> None:
        self._closed.set()
        self._done.set()


def _post(hub_url: str, path: str, form: dict[str, str],
          verify: str | bool = True) -> requests.Response:
    url = check_hub_url(hub_url) + path
    session = requests.Session()
    # As HubClient: a loopback hub never goes through a proxy; redirects never followed.
    session.trust_env = not _is_loopback(urlsplit(url).hostname or "")
    try:
        return session.post(url, data=form, timeout=HTTP_TIMEOUT, allow_redirects=False,
                            verify=verify)
    except requests.RequestException as exc:
        raise TransientError("the hub could not be reached") from exc
    finally:
        session.close()


def _tokens(answer: Any, clock: Callable[[], float]) -> Tokens:
    try:
        return Tokens(str(answer["access_token"]), str(answer["refresh_token"]),
                      clock() + float(answer["expires_in"]), str(answer["rpps"]),
                      answer.get("name"), answer.get("profession"))
    except (KeyError, TypeError, ValueError):
        raise SignInError("refused", "the hub's answer is unreadable") from None


class SignIn:
    """One sign-in: `url` to open in the browser, then `finish` (on a worker thread)."""

    def __init__(self, hub_url: str, device: str, clock: Callable[[], float] = time.monotonic,
                 ca_bundle: str | None = None) -> None:
        self.hub_url = check_hub_url(hub_url)
        self.device = device
        self._clock = clock
        self._verify: str | bool = ca_bundle or True
        self._verifier = generate_token(64)
        self._state = generate_token(32)
        self._nonce = generate_token(32)
        self._receiver = LoopbackReceiver()
        self.url = self.hub_url + AUTHORIZE + "?" + urlencode({
            "response_type": "code", "client_id": CLIENT_ID,
            "redirect_uri": self._receiver.redirect_uri, "state": self._state,
            "nonce": self._nonce, "code_challenge": create_s256_code_challenge(self._verifier),
            "code_challenge_method": "S256", "device": device})

    def cancel(self) -> None:
        self._receiver.close()

    def finish(self, profile_rpps: str, timeout: float = SIGN_IN_TIMEOUT) -> Tokens:
        """Waits for the redirect, checks it, exchanges the code. RppsMismatch when
        another practitioner signed in (their tokens are revoked at once)."""
        query = self._receiver.wait(timeout)
        if query.get("state") != self._state:
            # Not the answer to our request (a forged or stale redirect): nothing is used.
            raise SignInError("state")
        if "error" in query or "code" not in query:
            description = query.get("error_description", "")
            if "no hub account" in description:
                raise SignInError("no_account")
            if query.get("error") == "temporarily_unavailable":
                raise SignInError("unreachable", description)
            raise SignInError("refused", description)
        response = _post(self.hub_url, TOKEN, {
            "grant_type": "authorization_code", "code": query["code"],
            "code_verifier": self._verifier, "redirect_uri": self._receiver.redirect_uri,
            "device": self.device}, self._verify)
        if response.status_code != 200:
            raise SignInError("refused", f"HTTP {response.status_code}")
        try:
            answer = response.json()
        except ValueError:
            raise SignInError("refused", "the hub's answer is unreadable") from None
        if not isinstance(answer, dict) or answer.get("nonce") != self._nonce:
            raise SignInError("refused", "the answer is not for this sign-in")
        tokens = _tokens(answer, self._clock)
        if tokens.rpps != profile_rpps:
            revoke(self.hub_url, tokens.refresh_token, self._verify)
            raise RppsMismatch(tokens.rpps)
        return tokens


def revoke(hub_url: str, refresh_token: str, verify: str | bool = True) -> None:
    """Best effort: the hub forgets the sign-in (its whole token family)."""
    try:
        _post(hub_url, REVOKE, {"token": refresh_token}, verify)
    except TransientError:
        log.info("hub sign-out not delivered (hub unreachable)")


# -- where the refresh token is kept -------------------------------------------

def _user(profile_id: str, hub_url: str) -> str:
    return f"{profile_id}@{hub_url}"


def store_refresh(profile_id: str, hub_url: str, device: str, refresh_token: str) -> bool:
    """The refresh token and device id to the OS keyring; False without one (the
    practitioner signs in again at the next start: the token is never written elsewhere)."""
    ring = settings._keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, _user(profile_id, hub_url),
                          json.dumps({"device": device, "refresh_token": refresh_token}))
        return True
    except Exception:  # noqa: BLE001 - a locked or broken keyring: keep it in memory only
        log.warning("keyring refused the hub sign-in; it lasts until TSN Desktop closes")
        return False


def _stored_refresh(profile_id: str, hub_url: str) -> tuple[str, str] | None:
    ring = settings._keyring()
    if ring is None:
        return None
    try:
        raw = ring.get_password(KEYRING_SERVICE, _user(profile_id, hub_url))
        found = json.loads(raw) if raw else None
        return (str(found["device"]), str(found["refresh_token"])) if found else None
    except Exception:  # noqa: BLE001 - unreadable: sign in again
        return None


def _drop_refresh(profile_id: str, hub_url: str) -> None:
    ring = settings._keyring()
    if ring is not None:
        try:
            ring.delete_password(KEYRING_SERVICE, _user(profile_id, hub_url))
        except Exception:  # noqa: BLE001 - nothing stored there
            pass


# -- the signed-in sessions of this process --------------------------------------

class Session:
    """One profile's sign-in to one hub: the access token lives here only."""

    def __init__(self, profile_id: str, hub_url: str, device: str, tokens: Tokens,
                 clock: Callable[[], float] = time.monotonic,
                 ca_bundle: str | None = None) -> None:
        self.profile_id = profile_id
        self.hub_url = hub_url
        self.device = device
        self._tokens = tokens
        self._clock = clock
        self._verify: str | bool = ca_bundle or True
        self._lock = threading.Lock()

    @property
    def refresh_token(self) -> str:
        return self._tokens.refresh_token

    def access_token(self) -> str:
        """A valid access token, refreshed (and the refresh token rotated) when it runs
        out. AuthRequired when the hub refuses the refresh (revoked, reused, too old)."""
        with self._lock:
            if self._clock() < self._tokens.expires_at - REFRESH_MARGIN:
                return self._tokens.access_token
            response = _post(self.hub_url, TOKEN, {
                "grant_type": "refresh_token", "refresh_token": self._tokens.refresh_token,
                "device": self.device}, self._verify)
            if response.status_code == 400:
                forget(self.profile_id, self.hub_url)
                raise AuthRequired("sign in again with Pro Santé Connect", 401)
            if response.status_code != 200:
                raise TransientError(f"the hub is unavailable (HTTP {response.status_code})",
                                     response.status_code)
            try:
                tokens = _tokens(response.json(), self._clock)
            except (ValueError, SignInError):
                raise TransientError("the hub's answer was unreadable") from None
            self._tokens = tokens
            store_refresh(self.profile_id, self.hub_url, self.device, tokens.refresh_token)
            return tokens.access_token


_sessions: dict[tuple[str, str], Session] = {}
_sessions_lock = threading.Lock()


def start_session(profile_id: str, hub_url: str, device: str, tokens: Tokens,
                  clock: Callable[[], float] = time.monotonic) -> bool:
    """After a sign-in: this session is the profile's from now on; True when the refresh
    token went to the OS keyring (else it lasts as long as this process)."""
    url = check_hub_url(hub_url)
    with _sessions_lock:
        _sessions[(profile_id, url)] = Session(profile_id, url, device, tokens, clock)
    return store_refresh(profile_id, url, device, tokens.refresh_token)


def access_token(profile_id: str, hub_url: str,
                 clock: Callable[[], float] = time.monotonic) -> str | None:
    """For the sync worker: the access token of this profile's PSC sign-in, or None when
    the profile has none (it may use an administrator's token). A sign-in kept in the
    keyring by an earlier run is resumed with its refresh token."""
    url = check_hub_url(hub_url)
    with _sessions_lock:
        session = _sessions.get((profile_id, url))
        if session is None:
            stored = _stored_refresh(profile_id, url)
            if stored is None:
                return None
            device, refresh = stored
            # Expired from the start: the first use refreshes it.
            session = Session(profile_id, url, device,
                              Tokens("", refresh, float("-inf"), ""), clock)
            _sessions[(profile_id, url)] = session
    return session.access_token()


def has_session(profile_id: str, hub_url: str) -> bool:
    with _sessions_lock:
        return (profile_id, check_hub_url(hub_url)) in _sessions


def forget(profile_id: str, hub_url: str) -> None:
    """The PSC sign-in is dropped here (memory and keyring); the hub is not told."""
    url = check_hub_url(hub_url)
    with _sessions_lock:
        _sessions.pop((profile_id, url), None)
    _drop_refresh(profile_id, url)


def sign_out(profile_id: str, hub_url: str) -> None:
    """Forgets the sign-in and asks the hub to revoke it (off the GUI thread)."""
    url = check_hub_url(hub_url)
    with _sessions_lock:
        session = _sessions.get((profile_id, url))
    refresh = session.refresh_token if session else None
    if refresh is None:
        stored = _stored_refresh(profile_id, url)
        refresh = stored[1] if stored else None
    forget(profile_id, url)
    if refresh:
        revoke(url, refresh)


def device_id(profile_id: str, hub_url: str) -> str:
    """This computer's id for the hub: the one kept with the refresh token, else new."""
    stored = _stored_refresh(profile_id, check_hub_url(hub_url))
    return stored[0] if stored else "tsn-" + generate_token(24)


# -- the profile's side (DB thread) -----------------------------------------------

def drop_pasted_token(profile_id: str, hub_url: str) -> None:
    """An administrator's token kept in the keyring is dropped once PSC is used."""
    ring = settings._keyring()
    if ring is not None:
        try:
            ring.delete_password(settings.KEYRING_SERVICE,
                                 settings._keyring_user(profile_id, check_hub_url(hub_url)))
        except Exception:  # noqa: BLE001 - nothing stored there
            pass


def save_signed_in(db: Database, hub_url: str, rpps: str) -> None:
    """The hub account now uses PSC: no pasted token is kept; audited."""
    url = check_hub_url(hub_url)
    with db.unit_of_work() as uow:
        uow.execute(
            "INSERT INTO sync_account (id, hub_url, rpps, token, updated_at)"
            " VALUES (1, ?, ?, NULL, ?) ON CONFLICT (id) DO UPDATE SET"
            " hub_url = excluded.hub_url, rpps = excluded.rpps, token = NULL,"
            " updated_at = excluded.updated_at", (url, rpps, uow.now_iso()))
        uow.audit("sign-in", AUDIT_RECORD, None)


def audit_refused(db: Database) -> None:
    """A refused sign-in (another practitioner, no account, a forged answer): audited."""
    with db.unit_of_work() as uow:
        uow.audit("sign-in-refused", AUDIT_RECORD, None)
