"""The sync protocol's envelopes (docs/sync-protocol.md) as dataclasses, and parsers
that check every answer of the hub before the engine trusts it.

A parser raises ProtocolError on anything malformed or cut short; its message names
the field, never a value (values can be patient data).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

API = "/sync/v1"
STATUSES = ("applied", "duplicate", "conflict", "rejected")
ACTIONS = ("upsert", "delete")
# FHIR R4 issue-type codes: the only outcome codes kept from the hub (anything else is
# "unknown"), so what reaches a log or the review list is one of these words.
OUTCOME_CODES = frozenset({
    "invalid", "structure", "required", "value", "invariant", "security", "login",
    "unknown", "expired", "forbidden", "suppressed", "processing", "not-supported",
    "duplicate", "multiple-matches", "not-found", "deleted", "too-long", "code-invalid",
    "extension", "too-costly", "business-rule", "conflict", "transient", "lock-error",
    "no-store", "exception", "timeout", "incomplete", "throttled", "informational",
})
_RESOURCE_TYPE = re.compile(r"^[A-Z][A-Za-z]{1,63}\Z")


def log_safe(value: object) -> str:
    """A hub-sent id or resource type for a log line: as is when well-formed (a UUID, a
    FHIR type name), else a placeholder; hub text never reaches the log."""
    if isinstance(value, str):
        if _RESOURCE_TYPE.match(value):
            return value
        try:
            if len(value) == 36 and str(uuid.UUID(value)) == value.lower():
                return value
        except ValueError:
            pass
    return "<malformed>"


class ProtocolError(Exception):
    """The hub's answer does not follow the protocol (garbage, truncated, wrong shape).
    Worth retrying later: it is usually a proxy or a cut connection."""

    retryable = True


# --- small checked readers ---------------------------------------------------------------
def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ProtocolError(f"{where}: expected an object")
    return value


def _field(obj: Mapping[str, Any], key: str, where: str, optional: bool,
           accepted: Callable[[Any], bool], expected: str) -> Any:
    """`obj[key]` when `accepted`; None when it is missing (or null) and `optional`."""
    value = obj.get(key)
    if value is None and optional:
        return None
    if not accepted(value):
        raise ProtocolError(f"{where}.{key}: expected {expected}")
    return value


def _str(obj: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> str | None:
    return cast("str | None", _field(
        obj, key, where, optional, lambda v: isinstance(v, str) and (bool(v) or optional),
        "a string"))


def _int(obj: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> int | None:
    return cast("int | None", _field(
        obj, key, where, optional, lambda v: isinstance(v, int) and not isinstance(v, bool),
        "an integer"))


def _version(obj: Mapping[str, Any], key: str, where: str,
             optional: bool = False) -> str | None:
    """Versions are opaque to the client; hubs may send them as numbers or strings."""
    value = _field(obj, key, where, optional,
                   lambda v: not isinstance(v, bool) and isinstance(v, str | int) and v != "",
                   "a version")
    return None if value is None else str(value)


def _resource(value: Any, where: str, resource_type: str | None = None,
              record_id: str | None = None) -> dict[str, Any]:
    res = _obj(value, where)
    if not isinstance(res.get("resourceType"), str):
        raise ProtocolError(f"{where}.resourceType: missing")
    if resource_type is not None and res["resourceType"] != resource_type:
        raise ProtocolError(f"{where}.resourceType: does not match")
    if record_id is not None and res.get("id") != record_id:
        raise ProtocolError(f"{where}.id: does not match")
    return dict(res)


def _time(text: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ProtocolError(f"{where}: not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# --- meta ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Limits:
    push_max_ops: int = 100
    push_max_bytes: int = 1024 * 1024
    pull_max_limit: int = 500
    pull_max_wait: int = 25


@dataclass(frozen=True)
class HubMeta:
    hub_id: str
    epoch: str
    server_time: datetime
    limits: Limits


def parse_meta(data: Any) -> HubMeta:
    obj = _obj(data, "meta")
    hub_id = _str(obj, "hub_id", "meta")
    epoch = _version(obj, "epoch", "meta")
    server_time = _time(_str(obj, "server_time", "meta") or "", "meta.server_time")
    raw = obj.get("limits") or {}
    lim = _obj(raw, "meta.limits")
    defaults = Limits()

    def pick(*names: str, default: int) -> int:
        for name in names:
            value = lim.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
                return int(value)
        return default

    limits = Limits(
        push_max_ops=pick("max_ops", "push_max_ops", default=defaults.push_max_ops),
        push_max_bytes=pick("max_bytes", "push_max_bytes", default=defaults.push_max_bytes),
        pull_max_limit=pick("pull_limit", "pull_max_limit", default=defaults.pull_max_limit),
        pull_max_wait=pick("max_wait", "pull_max_wait", default=defaults.pull_max_wait),
    )
    return HubMeta(str(hub_id), str(epoch), server_time, limits)


# --- push ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PushOp:
    op_id: str
    resource_type: str
    id: str
    action: str
    base_version: str | None
    resource: dict[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "op_id": self.op_id, "resource_type": self.resource_type, "id": self.id,
            "action": self.action, "base_version": self.base_version,
        }
        if self.resource is not None:
            body["resource"] = self.resource
        return body


@dataclass(frozen=True)
class PushResult:
    op_id: str
    status: str                           # applied / duplicate / conflict / rejected
    version: str | None = None            # applied, duplicate: the stored version
    seq: int | None = None
    resource: dict[str, Any] | None = None  # conflict: the hub's current copy
    deleted: bool = False                 # conflict: the hub copy is a deletion
    outcome_code: str = ""                # rejected: OperationOutcome issue code
    outcome_text: str = ""                # rejected: diagnostics (about structure)


def parse_push(data: Any, sent: list[PushOp]) -> list[PushResult]:
    """One result per op sent, matched by op_id; anything missing is a protocol error
    (the ops stay queued and go again: the op_id makes that safe)."""
    obj = _obj(data, "push")
    results = obj.get("results")
    if not isinstance(results, list):
        raise ProtocolError("push.results: expected a list")
    by_id = {op.op_id: op for op in sent}
    parsed: dict[str, PushResult] = {}
    for index, raw in enumerate(results):
        if type(raw) is dict:
            # The common answer (applied or duplicate, string version, integer seq) read
            # without the checks' messages being prepared; anything else goes below.
            op_id, status, version, seq = (raw.get("op_id"), raw.get("status"),
                                           raw.get("version"), raw.get("seq"))
            if (status == "applied" or status == "duplicate") and type(op_id) is str \
                    and op_id in by_id and type(version) is str and version \
                    and (seq is None or type(seq) is int):
                parsed[op_id] = PushResult(op_id, status, version, seq)
                continue
        where = f"push.results[{index}]"
        item = _obj(raw, where)
        op_id = str(_str(item, "op_id", where))
        op = by_id.get(op_id)
        if op is None:
            raise ProtocolError(f"{where}.op_id: not an op we sent")
        parsed[op_id] = _push_result(item, op, where)
    missing = [op.op_id for op in sent if op.op_id not in parsed]
    if missing:
        raise ProtocolError(f"push.results: {len(missing)} ops without an answer")
    return [parsed[op.op_id] for op in sent]


def _push_result(item: Mapping[str, Any], op: PushOp, where: str) -> PushResult:
    status = _str(item, "status", where)
    if status not in STATUSES:
        raise ProtocolError(f"{where}.status: unknown")
    if status in ("applied", "duplicate"):
        # A duplicate carries the fields of the first application (same version, seq).
        return PushResult(op.op_id, status, _version(item, "version", where),
                          _int(item, "seq", where, optional=True))
    if status == "conflict":
        # No version: the hub has no such record (our base is from a lost hub state).
        version = _version(item, "version", where, optional=True)
        raw = item.get("current", item.get("resource"))
        deleted = bool(item.get("deleted")) or raw is None
        resource = None if raw is None else _resource(raw, where + ".resource",
                                                       op.resource_type, op.id)
        return PushResult(op.op_id, status, version, _int(item, "seq", where, optional=True),
                          resource=resource, deleted=deleted)
    outcome = item.get("outcome") or item.get("operation_outcome") or {}
    code, text = _outcome(outcome)
    return PushResult(op.op_id, "rejected", outcome_code=code, outcome_text=text)


def _outcome(outcome: Any) -> tuple[str, str]:
    """(issue code, diagnostics) of an OperationOutcome, shortened."""
    if not isinstance(outcome, Mapping):
        return "unknown", ""
    issues = outcome.get("issue")
    if not isinstance(issues, list) or not issues or not isinstance(issues[0], Mapping):
        return "unknown", ""
    first = issues[0]
    code = first.get("code") if first.get("code") in OUTCOME_CODES else "unknown"
    text = first.get("diagnostics") if isinstance(first.get("diagnostics"), str) else ""
    return str(code), str(text)[:300]


# --- pull and snapshot ---------------------------------------------------------------------
@dataclass(frozen=True)
class HubChange:
    """One record as the hub holds it now (a deletion has no resource)."""

    resource_type: str
    id: str
    version: str
    seq: int | None
    resource: dict[str, Any] | None

    @property
    def deleted(self) -> bool:
        return self.resource is None


@dataclass(frozen=True)
class PullPage:
    changes: list[HubChange]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True)
class SnapshotPage:
    records: list[HubChange]
    cursor: str | None          # the pull cursor to continue from, on the last page
    next_page: str | None       # token of the following page, None on the last one
    epoch: str | None = None


def _change_at(raw: Any, where: str, index: int) -> HubChange:
    """`_change` of item `index` of a page: a plain upsert, the common case, is taken
    after the same checks without building the field names of error messages."""
    if type(raw) is dict:
        rtype, rid, version, seq = raw.get("resource_type"), raw.get("id"), \
            raw.get("version"), raw.get("seq")
        resource = raw.get("resource")
        if type(rtype) is str and rtype and type(rid) is str and rid \
                and ((type(version) is str and version) or type(version) is int) \
                and (seq is None or type(seq) is int) \
                and raw.get("action", "upsert") == "upsert" and not raw.get("deleted") \
                and type(resource) is dict and resource.get("resourceType") == rtype \
                and resource.get("id") == rid:
            return HubChange(rtype, rid, str(version), seq, dict(resource))
    return _change(raw, f"{where}[{index}]")  # says what is wrong, if anything


def _change(raw: Any, where: str) -> HubChange:
    item = _obj(raw, where)
    rtype = str(_str(item, "resource_type", where))
    rid = str(_str(item, "id", where))
    version = str(_version(item, "version", where))
    seq = _int(item, "seq", where, optional=True)
    action = item.get("action", "upsert")
    deleted = action == "delete" or bool(item.get("deleted"))
    if action not in ACTIONS:
        raise ProtocolError(f"{where}.action: unknown")
    resource = None
    if not deleted:
        resource = _resource(item.get("resource"), where + ".resource", rtype, rid)
    return HubChange(rtype, rid, version, seq, resource)


def parse_pull(data: Any) -> PullPage:
    obj = _obj(data, "pull")
    changes = obj.get("changes")
    if not isinstance(changes, list):
        raise ProtocolError("pull.changes: expected a list")
    has_more = obj.get("has_more")
    if not isinstance(has_more, bool):
        raise ProtocolError("pull.has_more: expected a boolean")
    cursor = str(_str(obj, "next_cursor", "pull"))
    return PullPage([_change_at(c, "pull.changes", i) for i, c in enumerate(changes)],
                    cursor, has_more)


def parse_snapshot(data: Any) -> SnapshotPage:
    obj = _obj(data, "snapshot")
    items = obj.get("resources", obj.get("records", obj.get("changes")))
    if not isinstance(items, list):
        raise ProtocolError("snapshot.resources: expected a list")
    next_page = _str(obj, "next_page", "snapshot", optional=True)
    cursor = _str(obj, "cursor", "snapshot", optional=True) or \
        _str(obj, "next_cursor", "snapshot", optional=True)
    if next_page is None and cursor is None:
        raise ProtocolError("snapshot: neither a next page nor a cursor")
    epoch = obj.get("epoch")
    return SnapshotPage([_change_at(c, "snapshot.resources", i) for i, c in enumerate(items)],
                        cursor, next_page, None if epoch is None else str(epoch))


@dataclass
class PassReport:
    """What one sync pass did (counts only: safe to log)."""

    pushed: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    skipped: int = 0
    snapshot: bool = False
    clock_skew_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
