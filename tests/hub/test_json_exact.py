"""The hub reads and writes the sync path's JSON with orjson (tsn_hub/jsonio.py,
docs/sync-protocol.md §24): what a practitioner pushes reaches a colleague exactly, and
what the standard library refused is still refused, op by op (real hub, SQLite and
PostgreSQL)."""

from __future__ import annotations

import hashlib
import json

from hub_harness import Hub, care_team, observation, patient, upsert

from tsn_hub.storage import open_store


def _shared(hub: Hub):  # type: ignore[no-untyped-def]
    a, b = hub.practitioner("Dr A"), hub.practitioner("Dr B")
    pat = patient()
    assert [r["status"] for r in a.push(upsert(pat), upsert(care_team(pat["id"], a.rpps,
                                                                      b.rpps)))] == \
        ["applied", "applied"]
    return a, b, pat


def _raw_push(client, hub: Hub, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    response = client.session.post(f"{hub.base}/sync/v1/push", data=text.encode("utf-8"),
                                   headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def test_numbers_and_text_reach_a_colleague_exactly(hub: Hub) -> None:
    a, b, pat = _shared(hub)
    tiny = observation(pat["id"], value=1e-05)  # written 1e-05 by Python, 1e-5 by orjson
    large = observation(pat["id"], value=9223372036854775807)  # the largest integer taken
    note = observation(pat["id"])
    note["note"] = [{"text": "Œdème des chevilles, 2ᵉ jour 🙁 — « à revoir »"}]
    assert [r["status"] for r in a.push(upsert(tiny), upsert(large), upsert(note))] == \
        ["applied"] * 3

    pulled = {ch["id"]: ch["resource"] for ch in b.pull_all()[0]
              if ch["resource_type"] == "Observation"}
    assert pulled[tiny["id"]]["valueQuantity"]["value"] == 1e-05
    value = pulled[large["id"]]["valueQuantity"]["value"]
    assert value == 9223372036854775807 and isinstance(value, int)  # not a rounded float
    assert pulled[note["id"]]["note"] == note["note"]


def test_what_the_standard_library_refused_is_refused_op_by_op(hub: Hub) -> None:
    a, b, pat = _shared(hub)
    applied = []
    # Beyond 64 bits: orjson alone would read it as a float (1.8446744073709552e19) and
    # let it in with another value; too large for a double: infinity, which orjson
    # would write as null; a lone surrogate, which orjson does not read. Each in a push
    # of its own, with a good op after it.
    for number, note in (("18446744073709551617", None), ("1e400", None),
                         ("120.0", "\\ud800")):
        bad, good = observation(pat["id"], value=123.0), observation(pat["id"])
        if note:
            bad["note"] = [{"text": "NOTE"}]
        text = json.dumps({"ops": [upsert(bad), upsert(good)]})
        text = text.replace("123.0", number, 1).replace("NOTE", note or "", 1)

        results = _raw_push(a, hub, text)

        assert [r["status"] for r in results] == ["rejected", "applied"], number
        assert results[0]["outcome"]["issue"][0]["code"] == "structure"
        applied.append(good["id"])
    pulled = [ch["id"] for ch in b.pull_all()[0] if ch["resource_type"] == "Observation"]
    assert pulled == applied


def test_an_op_stored_by_the_previous_hub_is_still_a_duplicate_when_sent_again(
    hub: Hub,
) -> None:
    """An op stored before the hub hashed orjson's text: its digest was taken on
    Python's spelling (1e-05). The desktop sending it again after an interruption must
    get "duplicate", not "op_id already used for a different op"."""
    a, _b, pat = _shared(hub)
    op = upsert(observation(pat["id"], value=1e-05))
    first = a.push(op)[0]
    assert first["status"] == "applied"
    resource = op["resource"]
    old_text = json.dumps([resource["resourceType"], resource["id"], "upsert", None, resource],
                          sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert "1e-05" in old_text
    hub.stop()
    store = open_store(hub.db_url)
    try:
        with store.write() as tx:
            tx.execute("UPDATE ops SET op_hash = ? WHERE op_id = ?",
                     (hashlib.sha256(old_text.encode()).hexdigest(), op["op_id"]))
    finally:
        store.close()
    hub.start()

    again = a.push(op)[0]
    assert again["status"] == "duplicate" and again["version"] == first["version"]
    reused = dict(op, resource=observation(pat["id"], value=2e-05, oid=resource["id"]))
    refused = a.push(reused)[0]
    assert refused["status"] == "rejected"
    assert refused["outcome"]["issue"][0]["code"] == "business-rule"
