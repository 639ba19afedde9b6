"""HTTP to the hub: HTTPS only (loopback excepted), verified certificates, timeouts,
and the retry rules (which failures to retry, full-jitter backoff, Retry-After).

Errors carry a short plain reason and the HTTP status, never a response body:
bodies can echo patient data.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from tsn_desktop.core import jsontext
from tsn_desktop.sync.protocol import ProtocolError

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
# Connect quickly or give up; reads may be slower (a 1 MiB push on a bad line).
DEFAULT_TIMEOUT = (5.0, 30.0)
MAX_BODY_BYTES = 32 * 1024 * 1024


class HubError(Exception):
    """Base of every failure talking to the hub. `reason` is safe to show and log."""

    retryable = False

    def __init__(self, reason: str, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        # Set by the engine: the request that failed ("pull:<cursor>"), to spot a hub
        # that fails the same request on every attempt.
        self.failed_at: str | None = None


class TransientError(HubError):
    """Network down, timeout, hub busy or broken answer: try again later."""

    retryable = True


class AuthRequired(HubError):
    """401: the token is missing, expired or revoked; the user must sign in again."""


class ResyncRequired(HubError):
    """410: the hub no longer has changes this far back; take a snapshot."""


class RequestRefused(HubError):
    """Any other 4xx: retrying the same request cannot help."""


class RedirectRefused(RequestRefused):
    """3xx: redirects are never followed (a push body carries patient data, and the
    target could be another origin or plain HTTP); the hub address needs fixing."""


class InsecureHubUrl(ValueError):
    """The hub address is not HTTPS (plain HTTP is only allowed on loopback)."""


def check_hub_url(url: str) -> str:
    """The URL without a trailing slash; refuses plain HTTP except on loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InsecureHubUrl("the hub address must be an https:// URL")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureHubUrl("the hub must be reached over HTTPS")
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: before retry n (n = 1 for the first), a
    random wait in [0, min(cap, base * 2**n)]; a Retry-After is a floor."""

    base: float = 1.0
    cap: float = 300.0

    def delay(self, retry: int, rand: Callable[[], float],
              retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * (2 ** min(max(retry, 0), 30)))
        jittered = rand() * ceiling
        if retry_after is not None:
            return max(retry_after, jittered)
        return jittered


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class HubClient:
    """One hub, one account. `request` retries what is worth retrying, up to
    `max_attempts`, then raises; the sync worker decides when to try again."""

    def __init__(self, base_url: str, token: str, *,
                 session: requests.Session | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 max_attempts: int = 4,
                 max_inline_wait: float = 30.0,
                 backoff: Backoff | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 rand: Callable[[], float] = random.random,
                 user_agent: str = "TSN-Desktop",
                 ca_bundle: str | None = None) -> None:
        self.base_url = check_hub_url(base_url)
        self.timeout = timeout
        self.max_attempts = max(1, max_attempts)
        # Longer waits end the pass; the sync worker waits them out on its timer.
        self.max_inline_wait = max_inline_wait
        self.backoff = backoff or Backoff()
        self._sleep = sleep
        self._rand = rand
        self._session = session or requests.Session()
        # Always verified; a regional hub with its own CA gives its bundle, never "off".
        # Passed with every request too: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE
        # override Session.verify when trust_env is on, and the regional bundle must win.
        self._verify: str | bool = ca_bundle or True
        self._session.verify = self._verify
        # A practice behind a proxy needs HTTPS_PROXY (TLS stays end to end through
        # CONNECT); a loopback hub never goes through one.
        self._session.trust_env = not _is_loopback(urlsplit(self.base_url).hostname or "")
        self._session.headers.update({
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
            "User-Agent": user_agent,
        })

    def close(self) -> None:
        self._session.close()

    def get(self, path: str, params: Mapping[str, Any] | None = None,
            read_timeout: float | None = None) -> Any:
        return self.request("GET", path, params=params, read_timeout=read_timeout)

    def post(self, path: str, body: Any) -> Any:
        """`body`: a JSON value, or its UTF-8 text as bytes."""
        return self.request("POST", path, body=body)

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                body: Any = None, read_timeout: float | None = None) -> Any:
        """The decoded JSON answer. Raises HubError subclasses only."""
        attempt = 0
        while True:
            try:
                return self._once(method, path, params, body, read_timeout)
            except TransientError as exc:
                attempt += 1
                if attempt >= self.max_attempts:
                    raise
                wait = self.backoff.delay(attempt, self._rand, exc.retry_after)
                if wait > self.max_inline_wait:
                    raise
                log.info("hub %s %s failed (%s), retry %d in %.1f s",
                         method, path, exc.reason, attempt, wait)
                self._sleep(wait)

    def _once(self, method: str, path: str, params: Mapping[str, Any] | None,
              body: Any, read_timeout: float | None) -> Any:
        url = self.base_url + path
        timeout = (self.timeout[0], read_timeout or self.timeout[1])
        data = None
        headers = {}
        if isinstance(body, bytes):
            data = body  # JSON already (the push request: see SyncEngine._request_body)
            headers["Content-Type"] = "application/json"
        elif body is not None:
            data = jsontext.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            response = self._session.request(method, url, params=params, data=data,
                                             headers=headers, timeout=timeout, stream=True,
                                             verify=self._verify, allow_redirects=False)
            try:
                content = _read_limited(response)
            finally:
                response.close()
        except requests.exceptions.SSLError as exc:
            # A certificate problem does not heal by retrying quickly, but it may be a
            # captive portal: retry later, say it plainly.
            raise TransientError("the hub's certificate could not be verified") from exc
        except requests.exceptions.Timeout as exc:
            raise TransientError("the hub did not answer in time") from exc
        except (requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise TransientError("the connection to the hub failed") from exc
        except requests.exceptions.RequestException as exc:
            raise TransientError("the request to the hub failed") from exc
        return self._decode(response, content)

    def _decode(self, response: requests.Response, content: bytes) -> Any:
        status = response.status_code
        if status in RETRY_STATUSES:
            raise TransientError(f"the hub is unavailable (HTTP {status})", status,
                                 parse_retry_after(response.headers.get("Retry-After")))
        if status == 401:
            raise AuthRequired("the hub asks you to sign in again", status)
        if status == 410:
            raise ResyncRequired("the hub asks for a full resynchronisation", status)
        if 300 <= status < 400:
            # Never followed, whatever the Location says: check the hub address instead.
            raise RedirectRefused("the hub redirected the request elsewhere; check the hub "
                                  "address in the hub account settings", status)
        if 400 <= status < 500:
            raise RequestRefused(f"the hub refused the request (HTTP {status})", status)
        if status >= 300 or status < 200:
            raise TransientError(f"unexpected answer from the hub (HTTP {status})", status)
        try:
            return jsontext.loads(content)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            # Often a proxy's HTML page or a cut body: harmless to retry.
            raise TransientError("the hub's answer was unreadable", status) from exc


def _read_limited(response: requests.Response) -> bytes:
    """The whole body, checked against Content-Length (urllib3 also checks it)."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise TransientError("the hub's answer was too large")
        chunks.append(chunk)
    content = b"".join(chunks)
    expected = response.headers.get("Content-Length")
    if expected is not None and expected.isdigit() and int(expected) != len(content) \
            and not response.headers.get("Content-Encoding"):
        raise TransientError("the hub's answer was cut short")
    return content


__all__ = [
    "AuthRequired", "Backoff", "HubClient", "HubError", "InsecureHubUrl", "ProtocolError",
    "RedirectRefused", "RequestRefused", "ResyncRequired", "TransientError", "check_hub_url",
    "parse_retry_after",
]
