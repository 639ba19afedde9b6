"""The client checks every hub answer before trusting it: garbage raises ProtocolError,
with a message that names the field and never a value."""

from __future__ import annotations

import pytest

from tsn_desktop.sync.protocol import (
    ProtocolError,
    PushOp,
    parse_meta,
    parse_pull,
    parse_push,
    parse_snapshot,
)

RID = "0b8f6f2e-5b5e-4a47-9a3c-6d0f3b2a1c00"
OP = PushOp("op-1", "Patient", RID, "upsert", None, {"resourceType": "Patient", "id": RID})


def test_meta_reads_the_hub_limits() -> None:
    meta = parse_meta({"hub_id": "hub-1", "epoch": "e1", "server_time": "2026-11-23T10:00:00Z",
                       "limits": {"max_ops": 50, "max_bytes": 1000, "pull_limit": 200,
                                  "max_wait": 30.0}})
    assert (meta.limits.push_max_ops, meta.limits.pull_max_limit) == (50, 200)
    assert meta.server_time.tzinfo is not None


@pytest.mark.parametrize("answer", [
    None, [], "ok", {"results": "x"}, {"results": [{"op_id": "other", "status": "applied"}]},
    {"results": []}, {"results": [{"op_id": "op-1", "status": "maybe"}]},
    {"results": [{"op_id": "op-1", "status": "applied"}]},
    {"results": [{"op_id": "op-1", "status": "conflict", "version": "2",
                  "current": {"resourceType": "Patient", "id": "someone-else"}}]},
])
def test_malformed_push_answers_are_protocol_errors(answer) -> None:
    with pytest.raises(ProtocolError):
        parse_push(answer, [OP])


def test_push_results_of_each_kind() -> None:
    results = parse_push({"results": [
        {"op_id": "op-1", "status": "conflict", "version": "3", "seq": 9, "deleted": False,
         "current": {"resourceType": "Patient", "id": RID, "gender": "female"}}]}, [OP])
    assert results[0].status == "conflict" and results[0].resource["gender"] == "female"
    rejected = parse_push({"results": [{"op_id": "op-1", "status": "rejected", "outcome": {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": "value", "diagnostics": "bad NIR key"}]}}]},
        [OP])[0]
    assert (rejected.outcome_code, rejected.outcome_text) == ("value", "bad NIR key")
    dup = parse_push({"results": [{"op_id": "op-1", "status": "duplicate", "version": 1}]},
                     [OP])[0]
    assert dup.version == "1"


def test_pull_pages_are_checked() -> None:
    page = parse_pull({"changes": [
        {"seq": 4, "resource_type": "Patient", "id": RID, "version": "2", "action": "delete",
         "resource": None}], "next_cursor": "c", "has_more": False})
    assert page.changes[0].deleted
    for bad in ({"changes": [], "has_more": False},
                {"changes": [{"resource_type": "Patient"}], "next_cursor": "c",
                 "has_more": False},
                {"changes": [], "next_cursor": "c", "has_more": "no"}):
        with pytest.raises(ProtocolError):
            parse_pull(bad)


def test_protocol_errors_name_fields_not_values() -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_pull({"changes": [{"resource_type": "Patient", "id": RID, "version": "1",
                                 "resource": {"resourceType": "Patient", "id": "Dupont"}}],
                    "next_cursor": "c", "has_more": False})
    assert "Dupont" not in str(caught.value)


def test_snapshot_needs_a_next_page_or_a_cursor() -> None:
    with pytest.raises(ProtocolError):
        parse_snapshot({"resources": [], "next_page": None, "cursor": None})
    snap = parse_snapshot({"resources": [], "next_page": None, "cursor": "c"})
    assert snap.cursor == "c"
