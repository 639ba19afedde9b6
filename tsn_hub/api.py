"""HTTP layer of the hub: the sync API (`/sync/v1`) and the read-only FHIR façade.

Errors are OperationOutcome JSON bodies. Logs name op ids, types and counts,
never resource content: exception messages are not logged either, since
database drivers quote row values in them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tsn_hub import bookings, delegations, fhir, jsonio
from tsn_hub.cursor import parse_seq
from tsn_hub.storage import Account, HubStore, StoredResource, is_transient
from tsn_hub.sync import (
    MAX_BYTES,
    MAX_OPS,
    MAX_WAIT,
    OP_RETENTION_DAYS,
    PULL_LIMIT,
    SNAPSHOT_LIMIT,
    TOMBSTONE_RETENTION_DAYS,
    BadRequest,
    ResyncRequired,
    SyncService,
    hash_token,
    iso,
    log_id,
)

log = logging.getLogger("tsn_hub.api")

PROTOCOL = "tsn-sync/1"
FHIR_JSON = "application/fhir+json"
# A long-poll re-reads the database this often even without a local push, so
# writes from another hub process sharing the PostgreSQL database are seen too.
RECHECK_SECONDS = 2.0
DAY = 86400.0


class HubError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        diagnostics: str,
        extra: dict[str, Any] | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(diagnostics)
        self.status = status
        self.code = code
        self.diagnostics = diagnostics
        self.extra = extra or {}
        self.retry_after = retry_after


def _error_response(
    status: int,
    code: str,
    diagnostics: str,
    extra: dict[str, Any] | None = None,
    retry_after: int | None = None,
) -> JSONResponse:
    body = {**fhir.operation_outcome(code, diagnostics), **(extra or {})}
    headers: dict[str, str] = {}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse(body, status_code=status, headers=headers or None)


def dumps(value: Any) -> bytes:
    """JSON bytes of an answer, written here rather than by FastAPI's response models
    (which fail on deep documents), so a stored record can never make a page fail.
    Records stored before the push caps may hold non-finite numbers or lone
    surrogates: those are sent as null and as \\u escapes, still valid JSON. (orjson
    first: it refuses both, see jsonio.)"""
    try:
        return orjson.dumps(value)
    except TypeError:
        pass
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode()
    except (ValueError, UnicodeEncodeError):
        return json.dumps(_finite(value), allow_nan=False, separators=(",", ":")).encode()


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _json(body: Any, media_type: str = "application/json") -> Response:
    return Response(dumps(body), media_type=media_type)


class RateLimiter:
    """Per-token request budgets (token buckets): `per_minute` requests a minute, in
    bursts of up to that many; 0 means no limit."""

    def __init__(self, per_minute: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str) -> float | None:
        """None when the request may go, else the seconds to wait before retrying."""
        if self.per_minute <= 0:
            return None
        rate = self.per_minute / 60.0
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (self.per_minute, now))
            tokens = min(self.per_minute, tokens + (now - last) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return None
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / rate


class ChangeNotifier:
    """Wakes long-polling pulls when a push commits in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()

    def subscribe(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]:
        loop = asyncio.get_running_loop()
        waiter = (loop, loop.create_future())
        with self._lock:
            self._waiters.add(waiter)
        return waiter

    def unsubscribe(self, waiter: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]) -> None:
        with self._lock:
            self._waiters.discard(waiter)

    def notify(self) -> None:
        """Callable from any thread (pushes run in the thread pool)."""
        with self._lock:
            waiters = list(self._waiters)
        for loop, future in waiters:
            loop.call_soon_threadsafe(_resolve, future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class CatchAll:
    """Turns an unexpected exception into a 500 OperationOutcome without logging its text."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - last line of defence
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error(
                "%s %s failed: %s\n%s",
                log_id(scope["method"]),
                ascii(scope["path"])[:200],
                type(exc).__name__,
                frames,
            )
            if not started:
                if is_transient(exc):
                    response = _error_response(503, "transient", "storage unavailable, retry")
                    response.headers["Retry-After"] = "5"
                else:
                    response = _error_response(500, "exception", "internal error")
                await response(scope, receive, send)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = parse_seq(request.headers.get("content-length") or "")
    if declared is not None and declared > limit:
        raise HubError(413, "too-costly", f"request body is larger than {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HubError(413, "too-costly", f"request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _fhir_response(row: StoredResource) -> Response:
    if row.deleted or row.content is None:
        response: Response = _error_response(410, "deleted", "this resource was deleted")
    else:
        response = Response(dumps(row.content), media_type=FHIR_JSON)
    response.headers["ETag"] = f'W/"{row.vid}"'
    return response


def current_actor(request: Request) -> Account:
    """The practitioner behind the bearer token (only its sha256 is stored)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HubError(401, "login", "a bearer token is required")
    store: HubStore = request.app.state.store
    found = store.account_for_token(hash_token(token.strip()))
    if found is None and request.app.state.psc is not None:  # a Pro Santé Connect sign-in
        found = request.app.state.psc.token_check(hash_token(token.strip()))
    if found is None:
        raise HubError(401, "login", "unknown or revoked token")
    if request.app.state.clock() >= found.expires_at:
        raise HubError(401, "expired", "token expired: ask the hub administrator for a new one")
    return found.account


def _throttle(limiter: RateLimiter, actor: Account) -> None:
    wait = limiter.take(actor.rpps)
    if wait is not None:
        seconds = max(1, math.ceil(wait))
        raise HubError(429, "throttled", "too many requests: retry later", retry_after=seconds)


# Module level: FastAPI resolves string annotations in the module's namespace.
Actor = Annotated[Account, Depends(current_actor)]


PUSH_BODY_SCHEMA = {
    "type": "object",
    "required": ["ops"],
    "properties": {
        "ops": {
            "type": "array",
            "maxItems": MAX_OPS,
            "items": {
                "type": "object",
                "required": ["op_id", "resource_type", "id", "action"],
                "properties": {
                    "op_id": {"type": "string"},
                    "resource_type": {"type": "string", "enum": sorted(fhir.SUPPORTED_TYPES)},
                    "id": {"type": "string", "format": "uuid"},
                    "action": {"type": "string", "enum": ["upsert", "delete"]},
                    "base_version": {"type": ["string", "null"]},
                    "resource": {"type": "object"},
                },
            },
        }
    },
}


def create_app(
    store: HubStore,
    clock: Callable[[], float] = time.time,
    purge_every: float = 3600.0,
    tombstone_days: float = TOMBSTONE_RETENTION_DAYS,
    push_per_minute: float = 0.0,
    pull_per_minute: float = 0.0,
    psc: Any = None,  # tsn_hub.psc.PscConfig: Pro Santé Connect sign-in (None: tokens only)
    portal_per_minute: float = 0.0,  # bookings per client address (tsn_hub.bookings)
) -> FastAPI:
    service = SyncService(store, clock)
    notifier = ChangeNotifier()
    push_limiter, pull_limiter = RateLimiter(push_per_minute), RateLimiter(pull_per_minute)

    def purge() -> None:
        report = store.purge(clock(), OP_RETENTION_DAYS * DAY, tombstone_days * DAY)
        log.info(
            "purge: %d op ids, %d tombstones; horizon %d",
            report.ops,
            report.tombstones,
            report.horizon,
        )

    async def purge_loop() -> None:
        while True:
            try:
                await run_in_threadpool(purge)
            except Exception as exc:  # noqa: BLE001 - retried next round
                log.error("purge failed: %s", type(exc).__name__)
            await asyncio.sleep(purge_every)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(purge_loop())
        try:
            yield
        finally:
            task.cancel()
            store.close()

    app = FastAPI(
        title="TSN regional hub",
        version="1",
        summary="Sync API (FHIR R4 resources in a thin envelope) and read-only FHIR façade",
        lifespan=lifespan,
        # Swagger UI and ReDoc load their scripts from a CDN: off; /openapi.json stays.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.clock = clock
    app.state.psc = None
    if psc is not None:
        from tsn_hub.psc import PscService

        app.state.psc = PscService(store, psc, clock)
        app.include_router(app.state.psc.router())
    app.add_middleware(CatchAll)

    @app.exception_handler(HubError)
    async def _hub_error(_request: Request, exc: HubError) -> JSONResponse:
        return _error_response(exc.status, exc.code, exc.diagnostics, exc.extra, exc.retry_after)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in exc.errors())
        return _error_response(400, "invalid", f"invalid request parameter: {where}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error_response(
            exc.status_code, "not-found" if exc.status_code == 404 else "invalid", str(exc.detail)
        )

    def meta_body() -> dict[str, Any]:
        meta = store.meta()
        return {
            "hub_id": meta.hub_id,
            "epoch": meta.epoch,
            "protocol": PROTOCOL,
            "server_time": iso(clock()),
            "limits": {
                "max_ops": MAX_OPS,
                "max_bytes": MAX_BYTES,
                "pull_limit": PULL_LIMIT,
                "snapshot_limit": SNAPSHOT_LIMIT,
                "max_wait": MAX_WAIT,
            },
            "op_retention_days": OP_RETENTION_DAYS,
            "tombstone_retention_days": tombstone_days,
            "resource_types": sorted(fhir.SUPPORTED_TYPES),
        }

    @app.get("/sync/v1/meta", tags=["sync"])
    def meta() -> dict[str, Any]:
        """Hub identity, epoch, limits and the hub's clock (no token needed)."""
        return meta_body()

    @app.post(
        "/sync/v1/push",
        tags=["sync"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": PUSH_BODY_SCHEMA}},
            }
        },
    )
    async def push(request: Request, actor: Actor) -> Response:
        """Apply up to `max_ops` ops; the answer has one result per op, in order."""
        _throttle(push_limiter, actor)
        body = await _read_body(request, MAX_BYTES)
        try:
            payload = jsonio.loads_request(body)
        except (ValueError, RecursionError):
            raise HubError(400, "structure", "request body is not valid JSON") from None
        if not isinstance(payload, dict) or not isinstance(payload.get("ops"), list):
            raise HubError(400, "structure", "request body must be an object with an ops array")
        ops: list[object] = payload["ops"]
        if len(ops) > MAX_OPS:
            raise HubError(413, "too-costly", f"at most {MAX_OPS} ops per push")
        results = await run_in_threadpool(service.push, actor, ops)
        if any(r["status"] == "applied" for r in results):
            notifier.notify()
        return _json({"results": results, "server_time": iso(clock())})

    @app.get("/sync/v1/pull", tags=["sync"])
    async def pull(
        actor: Actor,
        cursor: str | None = None,
        limit: Annotated[int, Query(ge=1)] = PULL_LIMIT,
        wait: Annotated[float, Query(ge=0)] = 0.0,
    ) -> Response:
        """Changes after `cursor`, in sequence order; `wait` long-polls when none."""
        _throttle(pull_limiter, actor)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(wait, MAX_WAIT)
        while True:
            # Subscribe before reading so a push committing in between still wakes us.
            waiter = notifier.subscribe()
            try:
                try:
                    result = await run_in_threadpool(service.pull, actor, cursor, limit)
                except ResyncRequired as exc:
                    raise HubError(410, "expired", str(exc), {"resync_required": True}) from None
                except BadRequest as exc:
                    raise HubError(400, "invalid", str(exc)) from None
                remaining = deadline - loop.time()
                if result["changes"] or remaining <= 0:
                    return _json(result)
                cursor = result["next_cursor"]
                try:
                    await asyncio.wait_for(waiter[1], timeout=min(remaining, RECHECK_SECONDS))
                except TimeoutError:
                    pass
            finally:
                notifier.unsubscribe(waiter)

    @app.get("/sync/v1/snapshot", tags=["sync"])
    def snapshot(
        actor: Actor,
        page: str | None = None,
        limit: Annotated[int, Query(ge=1)] = SNAPSHOT_LIMIT,
        patient: str | None = None,
    ) -> Response:
        """Everything visible at one sequence number, paged; then pull from `cursor`."""
        _throttle(pull_limiter, actor)
        try:
            return _json(service.snapshot(actor, page, limit, patient))
        except ResyncRequired as exc:
            raise HubError(410, "expired", str(exc), {"resync_required": True}) from None
        except BadRequest as exc:
            raise HubError(400, "invalid", str(exc)) from None

    def not_found() -> HubError:
        return HubError(404, "not-found", "no such resource")

    @app.get("/fhir/{resource_type}/{resource_id}", tags=["fhir"])
    def fhir_read(resource_type: str, resource_id: str, actor: Actor) -> Response:
        """Current version; 404 both when unknown and when not allowed."""
        row = service.read(actor, resource_type, resource_id)
        if row is None:
            raise not_found()
        return _fhir_response(row)

    @app.get("/fhir/{resource_type}/{resource_id}/_history", tags=["fhir"])
    def fhir_history(resource_type: str, resource_id: str, actor: Actor) -> Response:
        rows = service.history(actor, resource_type, resource_id)
        if not rows:
            raise not_found()
        entries = []
        for row in rows:
            entry: dict[str, Any] = {
                "fullUrl": f"{resource_type}/{resource_id}/_history/{row.vid}",
                "request": {
                    "method": "DELETE" if row.deleted else "PUT",
                    "url": f"{resource_type}/{resource_id}",
                },
                "response": {
                    "status": "200",
                    "etag": f'W/"{row.vid}"',
                    "lastModified": iso(row.updated_at),
                },
            }
            if row.content is not None:
                entry["resource"] = row.content
            entries.append(entry)
        bundle = {
            "resourceType": "Bundle",
            "type": "history",
            "total": len(entries),
            "entry": entries,
        }
        return Response(dumps(bundle), media_type=FHIR_JSON)

    @app.get("/fhir/{resource_type}/{resource_id}/_history/{vid}", tags=["fhir"])
    def fhir_vread(resource_type: str, resource_id: str, vid: str, actor: Actor) -> Response:
        version = parse_seq(vid)
        if version is None:
            raise not_found()
        row = service.read(actor, resource_type, resource_id, version)
        if row is None:
            raise not_found()
        return _fhir_response(row)

    # Online bookings (docs/sync-protocol.md §15).
    bookings.register(app, store, clock, portal_per_minute)
    delegations.register(app, store, clock)  # agenda delegation (docs/sync-protocol.md §19)
    from tsn_hub import packs  # reference-data packs (docs/sync-protocol.md §20)

    packs.register(app, store)
    return app
