"""A push of a thousand readings (tsn_hub.batch_push): one request, and every op still
gets the outcome it would get alone, in order (real hub, SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from hub_harness import Hub, care_team, new_id, observation, patient, upsert

from tsn_hub import fhir


def test_a_thousand_readings_go_in_one_push_and_each_op_keeps_its_own_outcome(
    hub: Hub,
) -> None:
    a, b, c = hub.practitioner("Dr A"), hub.practitioner("Dr B"), hub.practitioner("Dr C")
    pat, elsewhere = patient(), patient(family="Durand")
    assert [r["status"] for r in a.push(upsert(pat), upsert(care_team(pat["id"], a.rpps, b.rpps)))
            ] == ["applied", "applied"]
    assert c.push(upsert(elsewhere))[0]["status"] == "applied"  # not shared with Dr A
    earlier = observation(pat["id"], value=99.0)
    assert a.push(upsert(earlier))[0]["status"] == "applied"

    ops = [upsert(observation(pat["id"], value=100.0 + i)) for i in range(1000)]
    expected = ["applied"] * 1000
    ops[10] = upsert(observation(elsewhere["id"]))
    expected[10] = "forbidden"
    ops[20] = dict(ops[5])  # the same op again in the same push: a replay
    expected[20] = "duplicate"
    changed = observation(pat["id"], value=1.0, oid=ops[6]["id"])
    ops[30] = upsert(changed)  # the same reading with another value: append-only
    expected[30] = "business-rule"
    no_code = observation(pat["id"])
    del no_code["code"]
    ops[40] = upsert(no_code)
    expected[40] = "required"
    nul = observation(pat["id"])
    nul["status"] = "fi\x00nal"
    ops[50] = upsert(nul)
    expected[50] = "structure"
    backslash = observation(pat["id"])
    backslash["note"] = [{"text": "typed as \\u0000 on the device"}]  # text, not a NUL
    ops[60] = upsert(backslash)
    ops[70] = upsert(earlier)  # already on the hub, same content
    expected[70] = "duplicate"

    results = a.push(*ops)

    outcomes = [r["status"] if r["status"] != "rejected" else r["outcome"]["issue"][0]["code"]
                for r in results]
    assert outcomes == expected
    assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
    applied = [(op, r) for op, r in zip(ops, results, strict=True) if r["status"] == "applied"]
    seqs = [r["seq"] for _, r in applied]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert {r["version"] for _, r in applied} == {"1"}
    assert results[20]["version"] == "1" and results[20]["seq"] == results[5]["seq"]

    changes, _ = b.pull_all()
    pulled = [ch for ch in changes if ch["resource_type"] == "Observation"]
    assert [ch["id"] for ch in pulled] == [earlier["id"]] + [op["id"] for op, _ in applied]
    by_id = {ch["id"]: ch for ch in pulled}
    for op, result in applied:
        got = by_id[op["id"]]
        assert got["seq"] == result["seq"]
        assert {k: v for k, v in got["resource"].items() if k != "meta"} == op["resource"]
    assert by_id[ops[60]["id"]]["resource"]["note"][0]["text"] == "typed as \\u0000 on the device"
    assert by_id[ops[6]["id"]]["resource"]["valueQuantity"]["value"] == 106.0


def _nested(depth: int) -> dict:
    doc: dict = {}
    for _ in range(depth):
        doc = {"x": [doc]}
    return doc


def test_the_text_shortcut_never_passes_a_resource_the_structure_walk_refuses() -> None:
    breaking = [
        {"text": "a\x00b"}, {"text": "lone \udc00 surrogate"}, {"value": float("nan")},
        {"value": float("inf")}, {"value": 2**64}, _nested(fhir.MAX_DEPTH),
        {"items": [0] * fhir.MAX_ELEMENTS}, {"text": "x" * (fhir.MAX_STRING + 1)},
    ]
    for doc in breaking:
        with pytest.raises(fhir.InvalidResource):
            fhir.check_structure(doc)
        assert not fhir.surely_well_formed(fhir.canonical_json(["Observation", doc]))
    plain = observation(new_id())
    fhir.check_structure(plain)
    assert fhir.surely_well_formed(fhir.canonical_json(["Observation", plain]))
