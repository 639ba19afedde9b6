"""Pro Santé Connect sign-in through the hub: the hub is PSC's OIDC client, the desktop
signs in to the hub as a native app (RFC 8252: loopback redirect, PKCE S256).

Endpoints (docs/sync-protocol.md, "Pro Santé Connect sign-in"):
- GET  /auth/v1/authorize  the desktop's browser lands here; sent on to PSC
- GET  /auth/v1/callback   PSC sends the browser back; ID token verified; one-time code
                           handed to the desktop's loopback redirect
- POST /auth/v1/token      code + PKCE verifier, or a refresh token, for an access token
- POST /auth/v1/revoke     the desktop signs out: the refresh token's family is revoked

Only hashes of codes and tokens are stored. The refresh token rotates: each use gives
a new one, and presenting a used one again (a stolen copy) revokes its whole family.
Every step is written to `psc_audit` with the RPPS, never patient data.
"""

from __future__ import annotations

import argparse
import hmac
import html
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from starlette.concurrency import run_in_threadpool

from tsn_hub import fhir
from tsn_hub.storage import Account, HubStore, TokenCheck
from tsn_hub.sync import hash_token

log = logging.getLogger("tsn_hub.psc")

PREFIX = "/auth/v1"
# Asymmetric signatures only: "none" and HS256 (keyed with a public key) are refused.
ID_TOKEN_ALGORITHMS = ["RS256", "PS256", "ES256"]
PENDING_SECONDS = 15 * 60.0  # a CPS card or e-CPS sign-in can take a few minutes
CODE_SECONDS = 120.0
CLOCK_LEEWAY = 60
# RFC 7636 §4.1: the verifier is 43 to 128 unreserved characters, so is its S256 hash
# (43 characters of base64url); a desktop client id is fixed.
_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")
_PARAM = re.compile(r"^[\x21-\x7e]{8,256}$")
DESKTOP_CLIENT = "tsn-desktop"
# PSC's national identifier of a practitioner is a type digit then the number: "8"
# for an RPPS number (an ADELI one has "0"); only RPPS accounts exist on the hub.
_PSC_RPPS = re.compile(r"^8?(\d{11})$")
MAX_FORM_BYTES = 8192


@dataclass(frozen=True)
class PscConfig:
    """The hub's registration at PSC, and its own address as PSC's browser sees it."""

    issuer: str
    client_id: str
    client_secret: str
    public_url: str  # e.g. https://hub.example.fr; the callback is {public_url}/auth/v1/callback
    scope: str = "openid scope_all"
    acr_values: str | None = "eidas1"
    access_seconds: float = 600.0
    refresh_days: float = 30.0

    @property
    def callback_url(self) -> str:
        return self.public_url.rstrip("/") + PREFIX + "/callback"


def check_issuer(url: str) -> str:
    """HTTPS only, except a provider on this machine (a test or a local stand-in)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url.rstrip("/")
    if parts.scheme == "http" and parts.hostname in ("127.0.0.1", "::1", "localhost"):
        return url.rstrip("/")
    raise ValueError("the Pro Santé Connect issuer must be an https:// URL")


def is_loopback_redirect(uri: str) -> bool:
    """RFC 8252 §7.3: http on the loopback IP literal, any port, any path; no
    "localhost" (§8.3: it may resolve elsewhere), no user info, no fragment."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "http" and parts.hostname in ("127.0.0.1", "::1")
            and port is not None and not parts.username and not parts.password
            and not parts.fragment and parts.path.startswith("/"))


def _with_query(uri: str, params: dict[str, str]) -> str:
    return uri + ("&" if "?" in uri else "?") + urlencode(params)


class ProviderError(Exception):
    """PSC could not be reached or its answer is unusable (no detail: it may quote data)."""


class Provider:
    """PSC's discovery document and signing keys, fetched once and kept; the keys are
    fetched again when a token names a key we do not have (PSC rotated its keys)."""

    def __init__(self, issuer: str, timeout: float = 10.0) -> None:
        self.issuer = check_issuer(issuer)
        self._timeout = timeout
        self._lock = threading.Lock()
        self._meta: dict[str, Any] | None = None
        self._keys: KeySet | None = None

    def _get(self, url: str) -> Any:
        try:
            response = requests.get(url, timeout=self._timeout, allow_redirects=False)
        except requests.RequestException:
            raise ProviderError("provider unreachable") from None
        if response.status_code != 200:
            raise ProviderError(f"provider answered HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise ProviderError("provider answer is not JSON") from None

    def meta(self) -> dict[str, Any]:
        with self._lock:
            if self._meta is None:
                found = self._get(self.issuer + "/.well-known/openid-configuration")
                if not isinstance(found, dict) or found.get("issuer") != self.issuer:
                    raise ProviderError("discovery document of another issuer")
                for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                    if not isinstance(found.get(key), str):
                        raise ProviderError(f"discovery document without {key}")
                self._meta = found
            return self._meta

    def keys(self, refresh: bool = False) -> KeySet:
        jwks_uri = self.meta()["jwks_uri"]
        with self._lock:
            if self._keys is None or refresh:
                try:
                    self._keys = KeySet.import_key_set(self._get(jwks_uri))
                except (JoseError, ValueError, TypeError, KeyError):
                    raise ProviderError("unreadable key set") from None
            return self._keys


class SignInRefused(Exception):
    """A sign-in that must not go on; `reason` is safe to show and to audit."""

    def __init__(self, reason: str, rpps: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.rpps = rpps


def read_rpps(claims: dict[str, Any]) -> str | None:
    """The RPPS number in PSC's claims: `SubjectNameID`, else `preferred_username`.

    Where PSC integrations read it: hostolab/covidliste takes `SubjectNameID` as the
    practitioner's identifier, ad2ien/prosante-connect-synapse-module maps users by
    `preferred_username` from UserInfo (scopes openid, scope_all), after ANS's page
    industriels.esante.gouv.fr/produits-et-services/pro-sante-connect/userinfo."""
    for name in ("SubjectNameID", "preferred_username"):
        value = claims.get(name)
        if isinstance(value, str):
            found = _PSC_RPPS.match(value.strip())
            if found and fhir.is_valid_rpps(found.group(1)):
                return found.group(1)
    return None


def read_profession(claims: dict[str, Any]) -> str | None:
    """The profession code of the first practice (`SubjectRefPro.exercices`)."""
    ref = claims.get("SubjectRefPro")
    if isinstance(ref, dict):
        practices = ref.get("exercices")
        if isinstance(practices, list) and practices and isinstance(practices[0], dict):
            code = practices[0].get("codeProfession")
            if isinstance(code, str) and code.strip():
                return code.strip()[:64]
    return None


SCHEMA = """
CREATE TABLE IF NOT EXISTS psc_pending (
    state_hash TEXT PRIMARY KEY,
    psc_verifier TEXT NOT NULL,
    nonce TEXT NOT NULL,
    desktop_state TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    device TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS psc_codes (
    code_hash TEXT PRIMARY KEY,
    rpps TEXT NOT NULL,
    profession TEXT,
    nonce TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    device TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    used_at DOUBLE PRECISION,
    family TEXT
);
CREATE TABLE IF NOT EXISTS psc_families (
    family TEXT PRIMARY KEY,
    rpps TEXT NOT NULL,
    device TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL,
    revoked_at DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS psc_refresh (
    token_hash TEXT PRIMARY KEY,
    family TEXT NOT NULL,
    issued_at DOUBLE PRECISION NOT NULL,
    used_at DOUBLE PRECISION
);
CREATE TABLE IF NOT EXISTS psc_access (
    token_hash TEXT PRIMARY KEY,
    family TEXT NOT NULL,
    rpps TEXT NOT NULL,
    expires_at DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS psc_access_family ON psc_access (family);
CREATE TABLE IF NOT EXISTS psc_audit (
    id TEXT PRIMARY KEY,
    at DOUBLE PRECISION NOT NULL,
    event TEXT NOT NULL,
    rpps TEXT,
    device TEXT,
    detail TEXT
)
"""


def init_schema(store: HubStore) -> None:
    """The PSC tables, next to the sync ones (idempotent)."""
    with store.write() as tx:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                tx._exec(statement)  # type: ignore[attr-defined]


def audit_events(store: HubStore) -> list[dict[str, Any]]:
    """The hub's sign-in trail, oldest first (for administrators and tests)."""
    with store.read() as tx:
        rows = tx._exec(  # type: ignore[attr-defined]
            "SELECT at, event, rpps, device, detail FROM psc_audit ORDER BY at, id").fetchall()
    return [dict(zip(("at", "event", "rpps", "device", "detail"), row, strict=True))
            for row in rows]


def print_audit(store: HubStore, rpps: str | None = None) -> None:
    """`tsn-hub psc-audit`: one line per event, UTC time first."""
    init_schema(store)
    for event in audit_events(store):
        if rpps and event["rpps"] != rpps:
            continue
        when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(float(event["at"])))
        print("\t".join([when, event["event"], event["rpps"] or "-", event["device"] or "-",
                         event["detail"] or ""]))


def _page(title: str, text: str, status: int) -> HTMLResponse:
    body = (
        "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><body><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(text)}</p></body></html>"
    )
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description},
                        status_code=status, headers={"Cache-Control": "no-store"})


class PscService:
    """The sign-in flow over the hub's store; `router()` serves it."""

    def __init__(self, store: HubStore, config: PscConfig,
                 clock: Callable[[], float] = time.time,
                 provider: Provider | None = None) -> None:
        self.store = store
        self.config = config
        self.clock = clock
        self.provider = provider or Provider(config.issuer)
        init_schema(store)

    # -- storage -------------------------------------------------------------
    def _audit(self, tx: Any, event: str, rpps: str | None = None, device: str | None = None,
               detail: str | None = None) -> None:
        tx._exec("INSERT INTO psc_audit (id, at, event, rpps, device, detail)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 (str(uuid.uuid4()), self.clock(), event, rpps, device, detail))
        log.info("psc %s%s%s", event, f" rpps {rpps}" if rpps else "",
                 f": {detail}" if detail else "")

    def audit(self, event: str, rpps: str | None = None, device: str | None = None,
              detail: str | None = None) -> None:
        with self.store.write() as tx:
            self._audit(tx, event, rpps, device, detail)

    def _revoke_family(self, tx: Any, family: str, now: float) -> None:
        tx._exec("UPDATE psc_families SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL",
                 (now, family))
        tx._exec("DELETE FROM psc_access WHERE family = ?", (family,))

    def token_check(self, token_hash: str) -> TokenCheck | None:
        """The account behind a PSC access token (api.current_actor's second look)."""
        with self.store.read() as tx:
            found = tx._exec(  # type: ignore[attr-defined]
                "SELECT a.rpps, acc.name, acc.profession, a.expires_at FROM psc_access a"
                " JOIN psc_families f ON f.family = a.family"
                " JOIN accounts acc ON acc.rpps = a.rpps"
                " WHERE a.token_hash = ? AND f.revoked_at IS NULL", (token_hash,)).fetchone()
        if found is None:
            return None
        rpps, name, profession, expires_at = found
        return TokenCheck(Account(rpps, name, profession), float(expires_at))

    # -- 1. authorize ----------------------------------------------------------
    def authorize(self, params: dict[str, str]) -> Response:
        redirect_uri = params.get("redirect_uri", "")
        if not is_loopback_redirect(redirect_uri):
            # Never redirect to an address we cannot trust (RFC 6749 §4.1.2.1).
            self.audit("refused", detail="redirect_uri is not a loopback address")
            return _page("Connexion refusée",
                         "Cette adresse de retour n’est pas celle d’une application sur cet "
                         "ordinateur. Relancez la connexion depuis TSN Desktop.", 400)
        state = params.get("state", "")
        problem = None
        if params.get("client_id") != DESKTOP_CLIENT:
            problem = "unknown client_id"
        elif params.get("response_type") != "code":
            problem = "response_type must be code"
        elif params.get("code_challenge_method") != "S256" or not _CHALLENGE.match(
                params.get("code_challenge", "")):
            problem = "a PKCE S256 code_challenge is required"
        elif not _PARAM.match(state) or not _PARAM.match(params.get("nonce", "")):
            problem = "state and nonce are required"
        elif not _PARAM.match(params.get("device", "")):
            problem = "a device id is required"
        if problem is not None:
            self.audit("refused", detail=problem)
            query = {"error": "invalid_request", "error_description": problem}
            if _PARAM.match(state):
                query["state"] = state
            return RedirectResponse(_with_query(redirect_uri, query), status_code=302)
        try:
            endpoint = self.provider.meta()["authorization_endpoint"]
        except ProviderError:
            self.audit("refused", detail="Pro Santé Connect unreachable")
            return RedirectResponse(_with_query(redirect_uri, {
                "error": "temporarily_unavailable",
                "error_description": "Pro Santé Connect cannot be reached",
                "state": state}), status_code=302)
        psc_state = generate_token(43)
        psc_verifier = generate_token(64)
        now = self.clock()
        with self.store.write() as tx:
            tx._exec("DELETE FROM psc_pending WHERE created_at < ?", (now - PENDING_SECONDS,))
            tx._exec(
                "INSERT INTO psc_pending (state_hash, psc_verifier, nonce, desktop_state,"
                " redirect_uri, code_challenge, device, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (hash_token(psc_state), psc_verifier, params["nonce"], state, redirect_uri,
                 params["code_challenge"], params["device"], now))
            self._audit(tx, "authorize", device=params["device"])
        # The desktop's nonce goes to PSC as is: the ID token must carry it back.
        query = {
            "response_type": "code",
            "client_id": self.config.client_id,
            "redirect_uri": self.config.callback_url,
            "scope": self.config.scope,
            "state": psc_state,
            "nonce": params["nonce"],
            "code_challenge": create_s256_code_challenge(psc_verifier),
            "code_challenge_method": "S256",
        }
        if self.config.acr_values:
            query["acr_values"] = self.config.acr_values
        return RedirectResponse(_with_query(endpoint, query), status_code=302)

    # -- 2. callback from PSC -------------------------------------------------
    def callback(self, params: dict[str, str]) -> Response:
        now = self.clock()
        state_hash = hash_token(params.get("state", ""))
        with self.store.write() as tx:
            pending = tx._exec(
                "SELECT psc_verifier, nonce, desktop_state, redirect_uri, code_challenge,"
                " device, created_at FROM psc_pending WHERE state_hash = ?",
                (state_hash,)).fetchone()
            # One use: a replayed callback finds nothing.
            tx._exec("DELETE FROM psc_pending WHERE state_hash = ?", (state_hash,))
            if pending is None or now - float(pending[6]) > PENDING_SECONDS:
                self._audit(tx, "refused", detail="unknown or expired state from the provider")
        if pending is None or now - float(pending[6]) > PENDING_SECONDS:
            return _page("Connexion expirée",
                         "Cette connexion n’est plus valable. Relancez-la depuis TSN Desktop.",
                         400)
        verifier, nonce, desktop_state, redirect_uri, challenge, device, _created = pending

        def back(query: dict[str, str]) -> Response:
            return RedirectResponse(_with_query(redirect_uri, {**query, "state": desktop_state}),
                                    status_code=302)

        if "error" in params or not params.get("code"):
            self.audit("refused", device=device, detail="the provider did not sign in")
            return back({"error": "access_denied",
                         "error_description": "Pro Santé Connect did not sign you in"})
        try:
            claims = self._verified_claims(params["code"], verifier, nonce)
            rpps = read_rpps(claims)
            if rpps is None:
                raise SignInRefused("the identity carries no RPPS number")
            with self.store.read() as tx:
                account = tx._exec(  # type: ignore[attr-defined]
                    "SELECT name FROM accounts WHERE rpps = ?", (rpps,)).fetchone()
            if account is None:
                raise SignInRefused("no hub account for this RPPS number", rpps)
        except SignInRefused as exc:
            self.audit("refused", exc.rpps, device, exc.reason)
            return back({"error": "access_denied", "error_description": exc.reason})
        except ProviderError as exc:
            self.audit("refused", None, device, f"provider: {exc}")
            return back({"error": "temporarily_unavailable",
                         "error_description": "Pro Santé Connect answered badly"})
        code = generate_token(43)
        profession = read_profession(claims)
        with self.store.write() as tx:
            tx._exec(
                "INSERT INTO psc_codes (code_hash, rpps, profession, nonce, redirect_uri,"
                " code_challenge, device, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (hash_token(code), rpps, profession, nonce, redirect_uri, challenge, device, now))
            self._audit(tx, "sign-in", rpps, device, f"profession {profession or '?'}")
        return back({"code": code})

    def _verified_claims(self, code: str, verifier: str, nonce: str) -> dict[str, Any]:
        meta = self.provider.meta()
        try:
            response = requests.post(
                meta["token_endpoint"],
                data={"grant_type": "authorization_code", "code": code,
                      "redirect_uri": self.config.callback_url, "code_verifier": verifier},
                auth=(self.config.client_id, self.config.client_secret),
                timeout=10, allow_redirects=False)
        except requests.RequestException:
            raise ProviderError("token endpoint unreachable") from None
        if response.status_code != 200:
            raise SignInRefused(f"the provider refused the code (HTTP {response.status_code})")
        try:
            id_token = response.json()["id_token"]
        except (ValueError, KeyError, TypeError):
            raise SignInRefused("the provider sent no ID token") from None
        claims = self.verify_id_token(str(id_token), nonce)
        if read_rpps(claims) is None and isinstance(meta.get("userinfo_endpoint"), str):
            access = response.json().get("access_token")
            if isinstance(access, str):
                claims = {**self._userinfo(meta["userinfo_endpoint"], access, claims), **claims}
        return claims

    def verify_id_token(self, id_token: str, nonce: str) -> dict[str, Any]:
        """Signature by the provider's keys, issuer, audience, expiry and nonce."""
        try:
            try:
                token = jwt.decode(id_token, self.provider.keys(), algorithms=ID_TOKEN_ALGORITHMS)
            except JoseError:
                # Maybe a key PSC added since we fetched them; a bad signature stays bad.
                token = jwt.decode(id_token, self.provider.keys(refresh=True),
                                   algorithms=ID_TOKEN_ALGORITHMS)
            registry = jwt.JWTClaimsRegistry(
                now=lambda: int(self.clock()), leeway=CLOCK_LEEWAY,
                iss={"essential": True, "value": self.provider.issuer},
                aud={"essential": True, "value": self.config.client_id},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            )
            registry.validate(token.claims)
        except JoseError as exc:
            raise SignInRefused(f"the ID token is not valid ({type(exc).__name__})") from None
        except ValueError:
            raise SignInRefused("the ID token is unreadable") from None
        claims = dict(token.claims)
        # PSC's level of assurance: asked for with acr_values, it must be what came back.
        if self.config.acr_values and claims.get("acr") not in self.config.acr_values.split():
            raise SignInRefused("the sign-in is not at the level of assurance asked for")
        aud = claims.get("aud")
        if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != self.config.client_id:
            raise SignInRefused("the ID token was issued to another party")
        return claims

    def _userinfo(self, endpoint: str, access: str, id_claims: dict[str, Any]) -> dict[str, Any]:
        try:
            response = requests.get(endpoint, headers={"Authorization": f"Bearer {access}"},
                                    timeout=10, allow_redirects=False)
            if response.status_code != 200:
                return {}
            if response.headers.get("content-type", "").startswith("application/jwt"):
                info = dict(jwt.decode(response.text.strip(), self.provider.keys(),
                                       algorithms=ID_TOKEN_ALGORITHMS).claims)
            else:
                info = response.json()
        except (requests.RequestException, JoseError, ValueError):
            return {}
        # OIDC Core §5.3.2: UserInfo of another subject is not this sign-in's.
        if not isinstance(info, dict) or info.get("sub") != id_claims.get("sub"):
            return {}
        return info

    # -- 3. token endpoint ----------------------------------------------------
    def token(self, form: dict[str, str]) -> JSONResponse:
        grant = form.get("grant_type")
        if grant == "authorization_code":
            return self._code_grant(form)
        if grant == "refresh_token":
            return self._refresh_grant(form)
        return _oauth_error("unsupported_grant_type", "authorization_code or refresh_token")

    def _issue(self, tx: Any, family: str, rpps: str, now: float) -> dict[str, Any]:
        access, refresh = generate_token(43), generate_token(43)
        tx._exec("INSERT INTO psc_access (token_hash, family, rpps, expires_at)"
                 " VALUES (?, ?, ?, ?)",
                 (hash_token(access), family, rpps, now + self.config.access_seconds))
        tx._exec("INSERT INTO psc_refresh (token_hash, family, issued_at) VALUES (?, ?, ?)",
                 (hash_token(refresh), family, now))
        # Old rows go: expired access tokens, spent codes, and the tokens of sign-ins
        # that ended a day ago (a used refresh token of a live one is kept: reuse of it
        # must still revoke the family).
        day_ago = now - 86400.0
        tx._exec("DELETE FROM psc_access WHERE expires_at < ?", (day_ago,))
        tx._exec("DELETE FROM psc_codes WHERE created_at < ?", (day_ago,))
        ended = ("SELECT family FROM psc_families WHERE expires_at < ?"
                 " OR revoked_at < ?")
        tx._exec(f"DELETE FROM psc_refresh WHERE family IN ({ended})", (day_ago, day_ago))
        tx._exec("DELETE FROM psc_families WHERE expires_at < ? OR revoked_at < ?",
                 (day_ago, day_ago))
        return {"access_token": access, "token_type": "Bearer",
                "expires_in": int(self.config.access_seconds), "refresh_token": refresh}

    def _code_grant(self, form: dict[str, str]) -> JSONResponse:
        now = self.clock()
        code_hash = hash_token(form.get("code", ""))
        verifier = form.get("code_verifier", "")
        with self.store.write() as tx:
            row = tx._exec(
                "SELECT rpps, profession, nonce, redirect_uri, code_challenge, device,"
                " created_at, used_at, family FROM psc_codes WHERE code_hash = ?",
                (code_hash,)).fetchone()
            if row is None:
                self._audit(tx, "refused", detail="unknown code")
                return _oauth_error("invalid_grant", "unknown or expired code")
            rpps, profession, nonce, redirect_uri, challenge, device, created, used, family = row
            if used is not None:
                # RFC 6749 §4.1.2: a code used twice revokes what it gave the first time.
                if family:
                    self._revoke_family(tx, family, now)
                self._audit(tx, "refused", rpps, device, "code replayed: its tokens revoked")
                return _oauth_error("invalid_grant", "this code was already used")
            tx._exec("UPDATE psc_codes SET used_at = ? WHERE code_hash = ?", (now, code_hash))
            problem = None
            if now - float(created) > CODE_SECONDS:
                problem = "code expired"
            elif form.get("redirect_uri") != redirect_uri:
                problem = "redirect_uri differs from the authorize request"
            elif form.get("device") != device:
                problem = "another device"
            elif not _VERIFIER.match(verifier):
                problem = "a PKCE code_verifier is required"
            elif not hmac.compare_digest(create_s256_code_challenge(verifier), challenge):
                problem = "the code_verifier does not match the code_challenge"
            if problem is not None:
                self._audit(tx, "refused", rpps, device, problem)
                return _oauth_error("invalid_grant", problem)
            family = str(uuid.uuid4())
            tx._exec("INSERT INTO psc_families (family, rpps, device, created_at, expires_at)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (family, rpps, device, now, now + self.config.refresh_days * 86400.0))
            tx._exec("UPDATE psc_codes SET family = ? WHERE code_hash = ?", (family, code_hash))
            account = tx._exec("SELECT name FROM accounts WHERE rpps = ?", (rpps,)).fetchone()
            answer = self._issue(tx, family, rpps, now)
            self._audit(tx, "token", rpps, device, "code exchanged")
        answer.update({"rpps": rpps, "name": account[0] if account else None,
                       "profession": profession, "nonce": nonce})
        return JSONResponse(answer, headers={"Cache-Control": "no-store"})

    def _refresh_grant(self, form: dict[str, str]) -> JSONResponse:
        now = self.clock()
        token_hash = hash_token(form.get("refresh_token", ""))
        with self.store.write() as tx:
            row = tx._exec(
                "SELECT r.family, r.used_at, f.rpps, f.device, f.expires_at, f.revoked_at"
                " FROM psc_refresh r JOIN psc_families f ON f.family = r.family"
                " WHERE r.token_hash = ?", (token_hash,)).fetchone()
            if row is None:
                self._audit(tx, "refused", detail="unknown refresh token")
                return _oauth_error("invalid_grant", "unknown refresh token")
            family, used, rpps, device, expires_at, revoked = row
            if revoked is not None:
                self._audit(tx, "refused", rpps, device, "refresh token of a revoked family")
                return _oauth_error("invalid_grant", "this sign-in was revoked: sign in again")
            if used is not None or form.get("device") != device:
                # A used token again (or from elsewhere): someone holds a copy. Neither
                # the thief nor the device can go on; the practitioner signs in again.
                self._revoke_family(tx, family, now)
                why = "refresh token reused" if used is not None else "refresh from another device"
                self._audit(tx, "revoked", rpps, device, f"{why}: family revoked")
                return _oauth_error("invalid_grant", "this sign-in was revoked: sign in again")
            if now >= float(expires_at):
                self._audit(tx, "refused", rpps, device, "sign-in too old")
                return _oauth_error("invalid_grant", "this sign-in expired: sign in again")
            tx._exec("UPDATE psc_refresh SET used_at = ? WHERE token_hash = ?", (now, token_hash))
            answer = self._issue(tx, family, rpps, now)
            self._audit(tx, "refresh", rpps, device)
        answer["rpps"] = rpps
        return JSONResponse(answer, headers={"Cache-Control": "no-store"})

    def revoke(self, form: dict[str, str]) -> Response:
        """RFC 7009: always 200, whether the token was known or not."""
        now = self.clock()
        with self.store.write() as tx:
            row = tx._exec(
                "SELECT r.family, f.rpps, f.device FROM psc_refresh r"
                " JOIN psc_families f ON f.family = r.family WHERE r.token_hash = ?",
                (hash_token(form.get("token", "")),)).fetchone()
            if row is not None:
                self._revoke_family(tx, row[0], now)
                self._audit(tx, "revoked", row[1], row[2], "signed out")
        return Response(status_code=200, headers={"Cache-Control": "no-store"})

    # -- HTTP ------------------------------------------------------------------
    def router(self) -> APIRouter:
        router = APIRouter(prefix=PREFIX, tags=["auth"])

        def single(request: Request) -> dict[str, str]:
            return {k: v for k, v in request.query_params.items()}

        async def form(request: Request) -> dict[str, str] | None:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_FORM_BYTES:
                    return None
            try:
                parsed = parse_qs(body.decode("ascii"), strict_parsing=False)
            except (UnicodeDecodeError, ValueError):
                return None
            # A parameter given twice is refused (RFC 6749 §3.1).
            if any(len(v) != 1 for v in parsed.values()):
                return None
            return {k: v[0] for k, v in parsed.items()}

        @router.get("/authorize", include_in_schema=True)
        async def authorize(request: Request) -> Response:
            """The desktop's browser starts here (RFC 8252, PKCE S256)."""
            return await run_in_threadpool(self.authorize, single(request))

        @router.get("/callback")
        async def callback(request: Request) -> Response:
            """Pro Santé Connect sends the browser back here."""
            return await run_in_threadpool(self.callback, single(request))

        @router.post("/token")
        async def token(request: Request) -> Response:
            """Code + verifier, or a refresh token, for an access token (form-encoded)."""
            fields = await form(request)
            if fields is None:
                return _oauth_error("invalid_request", "a form-encoded body is expected")
            return await run_in_threadpool(self.token, fields)

        @router.post("/revoke")
        async def revoke(request: Request) -> Response:
            """Sign-out: the refresh token's whole family stops working."""
            fields = await form(request)
            if fields is None:
                return _oauth_error("invalid_request", "a form-encoded body is expected")
            return await run_in_threadpool(self.revoke, fields)

        return router


def config_from_args(issuer: str | None, client_id: str | None, secret: str | None,
                     public_url: str | None, access_seconds: float | None = None
                     ) -> PscConfig | None:
    """None when PSC is not configured; ValueError when it is only half configured."""
    given = [v for v in (issuer, client_id, secret) if v]
    if not given:
        return None
    if len(given) != 3 or not public_url:
        raise ValueError("Pro Santé Connect needs --psc-issuer, --psc-client-id, the client"
                         " secret (TSN_HUB_PSC_SECRET or --psc-secret-file) and --public-url")
    config = PscConfig(check_issuer(issuer or ""), client_id or "", secret or "",
                       public_url.rstrip("/"))
    if access_seconds is not None:
        if not access_seconds > 0:
            raise ValueError("an access token lifetime is a positive number of seconds")
        config = PscConfig(config.issuer, config.client_id, config.client_secret,
                           config.public_url, access_seconds=access_seconds)
    return config




def add_arguments(serve: argparse.ArgumentParser) -> None:
    """`tsn-hub serve` options; without them the hub keeps administrator tokens only."""
    group = serve.add_argument_group(
        "Pro Santé Connect", "sign-in with e-CPS / CPS card (all four, or none)")
    group.add_argument("--psc-issuer", default=os.environ.get("TSN_HUB_PSC_ISSUER"),
                       help="PSC issuer URL (env TSN_HUB_PSC_ISSUER)")
    group.add_argument("--psc-client-id", default=os.environ.get("TSN_HUB_PSC_CLIENT_ID"),
                       help="the hub's client id at PSC (env TSN_HUB_PSC_CLIENT_ID)")
    group.add_argument("--psc-secret-file",
                       help="file holding the client secret (else env TSN_HUB_PSC_SECRET;"
                            " never on the command line, which other users can read)")
    group.add_argument("--public-url", default=os.environ.get("TSN_HUB_PUBLIC_URL"),
                       help="this hub's address as browsers reach it (env TSN_HUB_PUBLIC_URL);"
                            " PSC calls back {public-url}/auth/v1/callback")
    group.add_argument("--psc-access-seconds", type=float, default=None,
                       help="lifetime of an access token (default 600)")


def config_from_namespace(args: argparse.Namespace) -> PscConfig | None:
    secret = os.environ.get("TSN_HUB_PSC_SECRET")
    if args.psc_secret_file:
        try:
            secret = Path(args.psc_secret_file).read_text(encoding="utf-8").strip()
        except OSError:
            raise ValueError("the PSC client secret file cannot be read") from None
    return config_from_args(args.psc_issuer, args.psc_client_id, secret, args.public_url,
                            args.psc_access_seconds)
