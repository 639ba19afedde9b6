"""Fuzzing the hub's push and query endpoints (hypothesis, bounded), on one real hub
process per backend.

Invariants: no input gives a 5xx; every answer is strict JSON; every record the hub
stores stays pullable (pull pages and FHIR reads) by everyone allowed to see it. The
number of inputs tried is printed in the terminal summary (tests/hub/conftest.py).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from hub_harness import (
    FUZZ_COUNTS,
    RPPS_SYSTEM,
    Hub,
    HubClient,
    care_team,
    immunization,
    new_id,
    observation,
    patient,
    upsert,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tsn_hub import fhir

PUSH_EXAMPLES = 100
QUERY_EXAMPLES = 150
FUZZ_SETTINGS: dict[str, Any] = dict(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # a seed fixed by the test and no example database between runs
)
INF = "__INF__"  # replaced by 1e999 in the JSON text (infinity once parsed)


@dataclass
class World:
    """Dr A and Dr B share patient P; their pull cursors move on with the fuzzing."""

    hub: Hub
    a: HubClient
    b: HubClient
    patient_id: str
    epoch: str
    cursors: dict[str, str | None] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return FUZZ_COUNTS.setdefault(
            self.hub.backend,
            {"push": 0, "ops": 0, "applied": 0, "query": 0, "5xx": 0, "unpullable": 0},
        )


@pytest.fixture(scope="module")
def world(module_hub: Hub) -> World:
    a, b = module_hub.practitioner("Dr A"), module_hub.practitioner("Dr B")
    pat = patient(family="Fuzz")
    results = a.push(upsert(pat), upsert(care_team(pat["id"], a.rpps, b.rpps)))
    assert [r["status"] for r in results] == ["applied", "applied"]
    epoch = module_hub.meta()["epoch"]
    return World(module_hub, a, b, pat["id"], epoch, {a.rpps: None, b.rpps: None})


def _strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


# -- inputs ----------------------------------------------------------------------------
ODD_TEXT = st.sampled_from(["", "\x00", "\ud800", "\n", "²", "٣", "é", "x" * 300, "Patient/"])
TEXT = st.one_of(st.text(max_size=12), ODD_TEXT)
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.just(INF),
    TEXT,
)
# What a URL can carry: no lone surrogates (a query string is UTF-8).
QUERY_TEXT = TEXT.filter(lambda text: "\ud800" not in text and fhir.is_clean_text(text + "."))
JSON = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)
    ),
    max_leaves=12,
)


def _deep(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


def _templates(world: World) -> list[dict[str, Any]]:
    pid = world.patient_id
    by_rpps = {"identifier": {"system": RPPS_SYSTEM, "value": world.b.rpps}}
    return [
        patient(),
        dict(patient(pid), id=pid),
        observation(pid),
        immunization(pid),
        care_team(pid, world.a.rpps, world.b.rpps),
        {"resourceType": "Appointment", "id": new_id(), "status": "booked",
         "participant": [{"actor": {"reference": f"Patient/{pid}"}}, {"actor": by_rpps}]},
        {"resourceType": "Communication", "id": new_id(), "status": "completed",
         "subject": {"reference": f"Patient/{pid}"},
         "sender": {"identifier": {"system": RPPS_SYSTEM, "value": world.a.rpps}},
         "recipient": [by_rpps]},
        {"resourceType": "AuditEvent", "id": new_id(), "type": {"code": "rest"},
         "recorded": "2026-11-20T09:30:00Z", "agent": [{"who": by_rpps}],
         "source": {"observer": {"display": "x"}},
         "entity": [{"what": {"reference": f"Patient/{pid}"}}]},
        {"resourceType": "ImmunizationRecommendation", "id": new_id(), "date": "2026-11-20",
         "patient": {"reference": f"Patient/{pid}"}, "recommendation": [{"x": 1}]},
        {"resourceType": "Practitioner", "id": fhir.practitioner_id(world.a.rpps),
         "identifier": [{"system": RPPS_SYSTEM, "value": world.a.rpps}], "active": True},
    ]


@st.composite
def ops(draw: st.DrawFn, world: World) -> dict[str, Any]:
    resource = json.loads(json.dumps(draw(st.sampled_from(_templates(world)))))
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.one_of(st.sampled_from(sorted(resource)), TEXT))
        resource[key] = draw(st.one_of(JSON, st.integers(30, 40).map(_deep)))
    op: dict[str, Any] = upsert(resource)
    if draw(st.integers(0, 9)) == 0:
        op["action"] = "delete"
        op.pop("resource")
    if draw(st.integers(0, 4)) == 0:
        op["base_version"] = draw(st.one_of(JSON, st.sampled_from(["1", "2", "²", "9" * 30])))
    if draw(st.integers(0, 9)) == 0:
        op[draw(st.sampled_from(["op_id", "id", "resource_type", "action"]))] = draw(JSON)
    return op


def _token(*fields: str) -> str:
    """A cursor or page token as the hub packs them, with whatever fields we like."""
    raw = "\x1f".join(fields).encode("utf-8", "surrogatepass")
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@st.composite
def queries(draw: st.DrawFn, world: World) -> tuple[str, dict[str, Any]]:
    epoch = world.epoch if draw(st.booleans()) else draw(TEXT)
    seq = draw(st.one_of(st.integers(0, 2**70).map(str), TEXT))
    token = draw(st.one_of(
        QUERY_TEXT,
        st.just(_token("c1", epoch, seq)),
        st.just(_token("s1", epoch, seq, draw(TEXT), draw(TEXT), draw(TEXT))),
    ))
    number = st.one_of(st.integers(-5, 2**70).map(str), st.just("9" * 5000), QUERY_TEXT)
    kind = draw(st.sampled_from(["pull", "snapshot", "fhir"]))
    if kind == "pull":
        return "/sync/v1/pull", {"cursor": token, "limit": draw(number), "wait": "0"}
    if kind == "snapshot":
        target = draw(st.one_of(st.just(world.patient_id), QUERY_TEXT, st.none()))
        return "/sync/v1/snapshot", {"page": token, "limit": draw(number), "patient": target}
    rtype = draw(st.one_of(st.sampled_from(sorted(fhir.SUPPORTED_TYPES)), QUERY_TEXT))
    rid = draw(st.one_of(st.just(world.patient_id), QUERY_TEXT))
    path = f"/fhir/{rtype}/{rid}"
    tail = draw(st.sampled_from(["", "/_history", "/_history/"]))
    if tail == "/_history/":
        tail += draw(number)
    return requests.utils.quote(path + tail, safe="/"), {}


# -- invariants ------------------------------------------------------------------------
def _pull_everything(world: World, who: HubClient) -> set[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    while True:
        response = who.get("/sync/v1/pull", params={"cursor": world.cursors[who.rpps]})
        if response.status_code >= 500:
            world.counts["5xx"] += 1
        assert response.status_code == 200, response.text
        page = _strict(response.text)
        seen.update((c["resource_type"], c["id"]) for c in page["changes"])
        world.cursors[who.rpps] = page["next_cursor"]
        if not page["has_more"]:
            return seen


def _readers(world: World, result: dict[str, Any], sent: dict[str, Any]) -> list[HubClient]:
    """Who must be able to pull an applied record."""
    resource = sent.get("resource")
    if result["resource_type"] == "Communication":
        return [world.a]  # its participants see it; the sender always is one
    if result["resource_type"] == "Practitioner":
        return [world.a, world.b]
    if isinstance(resource, dict) and fhir.patient_of(resource) == world.patient_id:
        return [world.a, world.b]
    return [world.a]


def _check_push(world: World, sent: list[dict[str, Any]]) -> None:
    body = json.dumps({"ops": sent}).replace(f'"{INF}"', "1e999")
    response = world.a.session.post(
        f"{world.hub.base}/sync/v1/push",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    world.counts["push"] += 1
    world.counts["ops"] += len(sent)
    if response.status_code >= 500:
        world.counts["5xx"] += 1
    assert response.status_code < 500, response.text
    answer = _strict(response.text)
    if response.status_code != 200:
        assert answer["resourceType"] == "OperationOutcome"
        return
    results = answer["results"]
    assert len(results) == len(sent)
    must_see: dict[str, set[tuple[str, str]]] = {world.a.rpps: set(), world.b.rpps: set()}
    for result, op in zip(results, sent, strict=True):
        assert result["status"] in ("applied", "duplicate", "conflict", "rejected")
        if result["status"] != "applied":
            continue
        world.counts["applied"] += 1
        key = (result["resource_type"], result["id"])
        for reader in _readers(world, result, op):
            must_see[reader.rpps].add(key)
            read = reader.get(f"/fhir/{key[0]}/{key[1]}")
            if read.status_code != (410 if op["action"] == "delete" else 200):
                world.counts["unpullable"] += 1
            assert read.status_code in (200, 410), read.text
            _strict(read.text)
    for reader in (world.a, world.b):
        missing = must_see[reader.rpps] - _pull_everything(world, reader)
        world.counts["unpullable"] += len(missing)
        assert not missing, missing


# -- the suites ------------------------------------------------------------------------
def test_fuzzed_pushes_never_fail_the_hub_and_stay_pullable(world: World) -> None:
    @settings(max_examples=PUSH_EXAMPLES, **FUZZ_SETTINGS)
    @given(st.lists(ops(world), min_size=1, max_size=4))
    def run(sent: list[dict[str, Any]]) -> None:
        _check_push(world, sent)

    run()


def test_fuzzed_queries_are_answered_with_4xx_or_strict_json(world: World) -> None:
    @settings(max_examples=QUERY_EXAMPLES, **FUZZ_SETTINGS)
    @given(queries(world))
    def run(query: tuple[str, dict[str, Any]]) -> None:
        path, params = query
        response = world.b.session.get(f"{world.hub.base}{path}", params=params, timeout=60)
        world.counts["query"] += 1
        if response.status_code >= 500:
            world.counts["5xx"] += 1
        assert response.status_code < 500, (path, params, response.text)
        _strict(response.text)

    run()
