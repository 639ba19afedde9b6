"""A stand-in for Pro Santé Connect: a small OpenID provider on 127.0.0.1, in a thread.

It is the one thing outside the project the PSC tests fake. It serves discovery, its
keys, authorize (the practitioner "signs in" at once as `identity`), token (client
secret, code and PKCE checked, as PSC does) and UserInfo, with real RS256-signed ID
tokens shaped like PSC's (SubjectNameID "8" + RPPS, SubjectRefPro.exercices).
`misbehave` makes it send the ID tokens the attacks need.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

CLIENT_ID = "tsn-hub-test"
CLIENT_SECRET = "stand-in-secret-" + "x" * 16


def _key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"},
                               private=True)


class StandInProvider:
    """`identity` is who signs in next; `misbehave` one of None, "expired",
    "bad_signature", "other_audience", "other_issuer", "wrong_nonce", "weak_acr",
    "no_rpps_in_token"."""

    def __init__(self) -> None:
        self.key = _key("psc-1")
        self.attacker_key = _key("psc-1")  # same kid, other key: a forged signature
        self.identity: dict[str, str] = {"rpps": "10003525231", "profession": "10"}
        self.misbehave: str | None = None
        self.codes: dict[str, dict[str, Any]] = {}
        self.authorize_requests: list[dict[str, str]] = []
        self._lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                provider._get(self)

            def do_POST(self) -> None:  # noqa: N802
                provider._post(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}/realms/esante"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandInProvider:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- tokens ----------------------------------------------------------------
    def id_token(self, nonce: str, sub: str) -> str:
        now = int(time.time())
        national = "8" + self.identity["rpps"]
        claims: dict[str, Any] = {
            "iss": self.issuer, "sub": sub, "aud": CLIENT_ID, "iat": now,
            "exp": now + 300, "auth_time": now, "nonce": nonce, "acr": "eidas1",
            "SubjectNameID": national, "preferred_username": national,
            "given_name": "Claire", "family_name": "PETIT",
            "SubjectRefPro": {"codeCivilite": "MME", "exercices": [
                {"codeProfession": self.identity["profession"],
                 "codeCategorieProfessionnelle": "C"}]},
        }
        key = self.key
        if self.misbehave == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 600
        elif self.misbehave == "bad_signature":
            key = self.attacker_key
        elif self.misbehave == "other_audience":
            claims["aud"] = "some-other-service"
        elif self.misbehave == "other_issuer":
            claims["iss"] = "https://evil.example/realms/esante"
        elif self.misbehave == "wrong_nonce":
            claims["nonce"] = "not-the-nonce-that-was-sent"
        elif self.misbehave == "weak_acr":
            claims["acr"] = "eidas0"
        elif self.misbehave == "no_rpps_in_token":
            del claims["SubjectNameID"], claims["preferred_username"]
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    # -- HTTP ------------------------------------------------------------------
    def _send(self, handler: BaseHTTPRequestHandler, status: int, body: Any = None,
              headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if body is not None:
            handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        path = parts.path.removeprefix(urlsplit(self.issuer).path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if path == "/.well-known/openid-configuration":
            self._send(handler, 200, {
                "issuer": self.issuer,
                "authorization_endpoint": self.issuer + "/auth",
                "token_endpoint": self.issuer + "/token",
                "userinfo_endpoint": self.issuer + "/userinfo",
                "jwks_uri": self.issuer + "/certs",
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
            })
        elif path == "/certs":
            self._send(handler, 200, KeySet([self.key]).as_dict(private=False))
        elif path == "/auth":
            with self._lock:
                self.authorize_requests.append(query)
            if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
                self._send(handler, 400, {"error": "invalid_request"})
                return
            code = secrets.token_urlsafe(24)
            with self._lock:
                self.codes[code] = {**query, "sub": secrets.token_hex(8)}
            location = query["redirect_uri"] + "?" + urlencode(
                {"code": code, "state": query.get("state", "")})
            self._send(handler, 302, headers={"Location": location})
        elif path == "/userinfo":
            national = "8" + self.identity["rpps"]
            self._send(handler, 200, {"sub": self._last_sub, "SubjectNameID": national,
                                      "preferred_username": national})
        else:
            self._send(handler, 404, {"error": "not_found"})

    _last_sub = ""

    def _post(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(handler.rfile.read(length).decode()).items()}
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if handler.headers.get("Authorization") != expected:
            self._send(handler, 401, {"error": "invalid_client"})
            return
        with self._lock:
            request = self.codes.pop(form.get("code", ""), None)
        if request is None or form.get("redirect_uri") != request["redirect_uri"]:
            self._send(handler, 400, {"error": "invalid_grant"})
            return
        if create_s256_code_challenge(form.get("code_verifier", "")) != \
                request.get("code_challenge"):
            self._send(handler, 400, {"error": "invalid_grant"})
            return
        self._last_sub = request["sub"]
        self._send(handler, 200, {"access_token": secrets.token_urlsafe(16),
                                  "token_type": "Bearer", "expires_in": 60,
                                  "id_token": self.id_token(request.get("nonce", ""),
                                                            request["sub"])})
