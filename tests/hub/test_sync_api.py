"""The sync protocol end to end, against a real hub process (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import requests
from hub_harness import (
    RPPS_SYSTEM,
    Hub,
    HubClient,
    care_team,
    delete,
    hub_command,
    immunization,
    new_id,
    nir_with_key,
    observation,
    patient,
    upsert,
)

from tsn_hub.cursor import decode_cursor, encode_cursor
from tsn_hub.storage import open_store


def _shared_patient(hub: Hub) -> tuple[HubClient, HubClient, dict]:
    """Dr A creates a patient and puts Dr B in the care team."""
    a, b = hub.practitioner("Dr A"), hub.practitioner("Dr B")
    pat = patient()
    results = a.push(upsert(pat), upsert(care_team(pat["id"], a.rpps, b.rpps)))
    assert [r["status"] for r in results] == ["applied", "applied"]
    return a, b, pat


def _ids(changes: list[dict[str, Any]], resource_type: str) -> list[str]:
    return [c["id"] for c in changes if c["resource_type"] == resource_type]


def test_care_team_member_pulls_what_a_colleague_pushed(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    obs = observation(pat["id"])
    assert a.push(upsert(obs))[0]["status"] == "applied"

    changes, _ = b.pull_all()

    assert _ids(changes, "Patient") == [pat["id"]]
    assert _ids(changes, "Observation") == [obs["id"]]
    assert len(_ids(changes, "CareTeam")) == 1
    assert len(_ids(changes, "Practitioner")) >= 2
    pulled = next(c for c in changes if c["id"] == obs["id"])
    assert pulled["action"] == "upsert" and pulled["version"] == "1"
    assert pulled["resource"]["valueQuantity"]["value"] == 120.0
    assert pulled["resource"]["meta"]["versionId"] == "1"
    assert b.get(f"/fhir/Observation/{obs['id']}").json()["id"] == obs["id"]


def test_shared_directory_lists_every_practitioner(hub: Hub) -> None:
    a, b = hub.practitioner("Dr A"), hub.practitioner("Dr B")
    changes, _ = b.pull_all()
    rpps = {
        c["resource"]["identifier"][0]["value"]
        for c in changes
        if c["resource_type"] == "Practitioner"
    }
    assert {a.rpps, b.rpps} <= rpps


def test_outsider_sees_nothing_of_the_patient_and_cannot_write_to_it(hub: Hub) -> None:
    a, _b, pat = _shared_patient(hub)
    obs = observation(pat["id"])
    a.push(upsert(obs))
    outsider = hub.practitioner("Dr C")

    changes, _ = outsider.pull_all()
    assert _ids(changes, "Patient") == [] and _ids(changes, "Observation") == []
    assert outsider.get(f"/fhir/Patient/{pat['id']}").status_code == 404
    assert outsider.get(f"/fhir/Observation/{obs['id']}/_history/1").status_code == 404
    # Not allowed and unknown look the same.
    unknown = outsider.get(f"/fhir/Patient/{new_id()}")
    assert unknown.status_code == 404
    assert unknown.json() == outsider.get(f"/fhir/Patient/{pat['id']}").json()

    changed = dict(pat, name=[{"family": "Hijack"}])
    results = outsider.push(upsert(observation(pat["id"])), upsert(changed, base="1"))
    for result in results:
        assert result["status"] == "rejected"
        assert result["outcome"]["issue"][0]["code"] == "forbidden"
        assert "current" not in result
    assert a.get(f"/fhir/Patient/{pat['id']}").json()["name"][0]["family"] == "Martin"


def test_replayed_op_id_is_duplicate_with_the_first_version_and_seq(hub: Hub) -> None:
    a = hub.practitioner()
    op = upsert(patient())
    first = a.push(op)[0]
    again = a.push(op)[0]
    assert first["status"] == "applied"
    assert again["status"] == "duplicate"
    assert (again["version"], again["seq"], again["op_id"]) == (
        first["version"],
        first["seq"],
        first["op_id"],
    )
    # The same op_id carrying something else is a client bug, not a replay.
    other = dict(op, resource=dict(op["resource"], birthDate="1990-01-01"))
    assert a.push(other)[0]["status"] == "rejected"


def test_stale_base_version_conflicts_and_returns_the_hub_copy(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    imm = immunization(pat["id"], lot="AB123")
    a.push(upsert(imm))
    assert a.push(upsert(dict(imm, lotNumber="CD456"), base="1"))[0]["version"] == "2"

    result = b.push(upsert(dict(imm, lotNumber="EF789"), base="1"))[0]

    assert result["status"] == "conflict"
    assert result["version"] == "2" and result["deleted"] is False
    assert result["current"]["lotNumber"] == "CD456"
    # A create over an existing id is a conflict too.
    assert b.push(upsert(dict(imm, lotNumber="GH000")))[0]["status"] == "conflict"


def test_changed_observation_is_rejected_but_its_replay_and_entered_in_error_are_not(
    hub: Hub,
) -> None:
    a, _b, pat = _shared_patient(hub)
    obs = observation(pat["id"], value=120.0)
    applied = a.push(upsert(obs))[0]

    rewritten = a.push(upsert(observation(pat["id"], value=135.0, oid=obs["id"])))[0]
    same = a.push(upsert(obs))[0]
    retracted = dict(
        obs, status="entered-in-error", note=[{"text": "wrong patient, Dr A, 2026-11-21"}]
    )
    corrected = a.push(upsert(retracted, base="1"))[0]

    assert rewritten["status"] == "rejected"
    assert rewritten["outcome"]["issue"][0]["code"] == "business-rule"
    assert same["status"] == "duplicate" and same["seq"] == applied["seq"]
    assert corrected["status"] == "applied" and corrected["version"] == "2"
    assert a.push(delete("Observation", obs["id"], "2"))[0]["status"] == "rejected"


def test_a_malformed_op_is_rejected_alone(hub: Hub) -> None:
    a = hub.practitioner()
    pat = patient()
    good_after = patient()
    wrong_type = upsert(patient())
    wrong_type["resource_type"] = "Immunization"
    id_mismatch = upsert(patient())
    id_mismatch["id"] = new_id()
    not_uuid = upsert(dict(patient(), id="not-a-uuid"))
    bad_ins = upsert(patient(nir="1840375123456" + "00"))

    results = a.push(
        upsert(pat),
        wrong_type,
        "not an op",
        id_mismatch,
        not_uuid,
        {"op_id": new_id(), "resource_type": "Patient"},
        {"op_id": new_id(), "resource_type": ["Patient"], "id": [], "action": {}},
        bad_ins,
        upsert(good_after),
    )

    assert [r["status"] for r in results] == ["applied"] + ["rejected"] * 7 + ["applied"]
    for result in results[1:-1]:
        assert result["outcome"]["resourceType"] == "OperationOutcome"
    assert a.get(f"/fhir/Patient/{good_after['id']}").status_code == 200


def test_malformed_json_body_is_400_with_an_operation_outcome(hub: Hub) -> None:
    a = hub.practitioner()
    for body in (b"{not json", b"[1, 2]", b'{"ops": 3}', b"\xff\xfe", b'{"ops": [NaN]}'):
        response = a.session.post(
            f"{hub.base}/sync/v1/push", data=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400, body
        assert response.json()["resourceType"] == "OperationOutcome"
    bad_limit = a.get("/sync/v1/pull", params={"limit": "many"})
    assert bad_limit.status_code == 400
    assert a.get("/sync/v1/pull", params={"cursor": "garbage!"}).status_code == 400


def test_oversize_push_is_413(hub: Hub) -> None:
    a = hub.practitioner()
    limits = hub.meta()["limits"]
    too_many = [upsert(patient()) for _ in range(limits["max_ops"] + 1)]
    response = a.session.post(f"{hub.base}/sync/v1/push", json={"ops": too_many})
    assert response.status_code == 413
    huge = patient()
    huge["text"] = {"status": "generated", "div": "x" * limits["max_bytes"]}
    response = a.session.post(f"{hub.base}/sync/v1/push", json={"ops": [upsert(huge)]})
    assert response.status_code == 413
    assert response.json()["resourceType"] == "OperationOutcome"
    # Chunked upload without Content-Length is measured while reading.
    chunks = (b'{"ops": [], "pad": "' + b"y" * 65536,
              *[b"y" * 65536] * (limits["max_bytes"] // 65536), b'"}')
    response = a.session.post(f"{hub.base}/sync/v1/push", data=iter(chunks))
    assert response.status_code == 413


def test_missing_or_wrong_token_is_401(hub: Hub) -> None:
    for client in (hub.anonymous(), hub.anonymous("not-a-token")):
        push = client.session.post(f"{hub.base}/sync/v1/push", json={"ops": []})
        pull = client.get("/sync/v1/pull")
        read = client.get(f"/fhir/Patient/{new_id()}")
        for response in (push, pull, read):
            assert response.status_code == 401
            assert response.headers["WWW-Authenticate"] == "Bearer"
            assert response.json()["issue"][0]["code"] == "login"


def test_pull_pages_follow_limit_and_has_more(hub: Hub) -> None:
    a, _b, pat = _shared_patient(hub)
    _, cursor = a.pull_all()
    pushed = [observation(pat["id"], value=100.0 + i) for i in range(7)]
    a.push(*[upsert(o) for o in pushed])

    pages = []
    while True:
        page = a.pull_page(cursor, limit=3)
        pages.append(page)
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break

    assert [len(p["changes"]) for p in pages] == [3, 3, 1]
    assert [p["has_more"] for p in pages] == [True, True, False]
    seqs = [c["seq"] for p in pages for c in p["changes"]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 7
    assert [c["id"] for p in pages for c in p["changes"]] == [o["id"] for o in pushed]
    assert a.pull_page(cursor)["changes"] == []


def test_long_poll_returns_as_soon_as_a_change_arrives(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    _, cursor = b.pull_all()
    obs = observation(pat["id"])
    answer: dict[str, Any] = {}

    def wait_for_change() -> None:
        started = time.monotonic()
        answer["page"] = b.pull_page(cursor, wait=20)
        answer["elapsed"] = time.monotonic() - started

    waiter = threading.Thread(target=wait_for_change)
    waiter.start()
    time.sleep(1.0)
    a.push(upsert(obs))
    waiter.join(timeout=30)

    assert _ids(answer["page"]["changes"], "Observation") == [obs["id"]]
    assert 0.5 < answer["elapsed"] < 5  # held until the push, not until `wait` ran out


def test_long_poll_with_nothing_new_ends_after_wait(hub: Hub) -> None:
    a = hub.practitioner()
    _, cursor = a.pull_all()
    started = time.monotonic()
    page = a.pull_page(cursor, wait=1)
    assert page["changes"] == [] and page["has_more"] is False
    assert 0.9 < time.monotonic() - started < 5


def test_cursor_from_another_epoch_or_the_future_is_410(hub: Hub) -> None:
    a = hub.practitioner()
    _, cursor = a.pull_all()
    epoch, seq = decode_cursor(cursor)

    store = open_store(hub.db_url)
    try:  # as `tsn-hub new-epoch` does after a restore
        new_epoch = store.new_epoch()
    finally:
        store.close()

    assert hub.meta()["epoch"] == new_epoch != epoch
    ahead = encode_cursor(new_epoch, seq + 1000)  # as if the hub lost its last commits
    for stale in (cursor, ahead):
        response = a.get("/sync/v1/pull", params={"cursor": stale})
        assert response.status_code == 410
        assert response.json()["resync_required"] is True
    snapshot = a.get("/sync/v1/snapshot").json()
    assert decode_cursor(snapshot["cursor"])[0] == new_epoch
    assert a.pull_page(snapshot["cursor"])["changes"] == []


def test_purged_tombstones_make_older_cursors_resync(hub: Hub) -> None:
    a = hub.practitioner()
    pat = patient()
    a.push(upsert(pat))
    _, old_cursor = a.pull_all()
    a.push(delete("Patient", pat["id"], "1"))
    changes, _ = a.pull_all(old_cursor)
    assert [(c["action"], c["resource"]) for c in changes] == [("delete", None)]

    store = open_store(hub.db_url)
    try:  # as the hourly purge would, a year later
        report = store.purge(time.time() + 365 * 86400, 30 * 86400, 180 * 86400)
    finally:
        store.close()
    assert report.tombstones == 1 and report.ops >= 2  # op ids kept 30 days only

    response = a.get("/sync/v1/pull", params={"cursor": old_cursor})
    assert response.status_code == 410 and response.json()["resync_required"] is True
    assert a.get(f"/fhir/Patient/{pat['id']}").status_code == 404


def test_concurrent_pushes_are_pulled_once_each_in_strict_seq_order(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    _, cursor = b.pull_all()
    writers = [a, b, a, b]
    pushed: list[list[dict[str, Any]]] = [[] for _ in writers]
    done = threading.Event()
    live: list[dict[str, Any]] = []

    def push_fifty(index: int) -> None:
        client = HubClient(hub.base, writers[index].rpps, None)
        client.session.headers.update(writers[index].session.headers)
        hub.clients.append(client)
        for i in range(50):
            result = client.push(upsert(observation(pat["id"], value=float(i))))[0]
            assert result["status"] == "applied"
            pushed[index].append(result)

    def pull_while_pushing() -> None:
        # A reader racing the writers must neither skip nor repeat a change.
        reader = HubClient(hub.base, b.rpps, None)
        reader.session.headers.update(b.session.headers)
        hub.clients.append(reader)
        position = cursor
        while True:
            finished = done.is_set()
            page = reader.pull_page(position, limit=7)
            live.extend(page["changes"])
            position = page["next_cursor"]
            if finished and not page["has_more"]:
                return

    threads = [threading.Thread(target=push_fifty, args=(i,)) for i in range(len(writers))]
    puller = threading.Thread(target=pull_while_pushing)
    puller.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    puller.join(timeout=60)

    results = [r for p in pushed for r in p]
    assert len(results) == 200
    for changes in (b.pull_all(cursor, limit=37)[0], live):
        seqs = [c["seq"] for c in changes]
        assert all(x < y for x, y in zip(seqs, seqs[1:], strict=False))
        assert sorted(c["id"] for c in changes) == sorted(r["id"] for r in results)
        assert sorted(seqs) == sorted(r["seq"] for r in results)


def test_a_restarted_hub_keeps_data_cursors_and_op_ids(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    _, cursor = b.pull_all()
    op = upsert(observation(pat["id"]))
    first = a.push(op)[0]
    epoch = hub.meta()["epoch"]

    hub.restart()

    assert hub.meta()["epoch"] == epoch
    changes, _ = b.pull_all(cursor)
    assert _ids(changes, "Observation") == [op["id"]]
    again = a.push(op)[0]
    assert again["status"] == "duplicate" and again["seq"] == first["seq"]
    assert b.get(f"/fhir/Patient/{pat['id']}").status_code == 200


def test_history_keeps_every_version(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    a.push(upsert(dict(pat, birthDate="1984-03-21"), base="1"))

    v1 = b.get(f"/fhir/Patient/{pat['id']}/_history/1")
    v2 = b.get(f"/fhir/Patient/{pat['id']}/_history/2")
    current = b.get(f"/fhir/Patient/{pat['id']}")
    bundle = b.get(f"/fhir/Patient/{pat['id']}/_history").json()

    assert v1.json()["birthDate"] == "1984-03-12" and v1.json()["meta"]["versionId"] == "1"
    assert v2.json()["birthDate"] == "1984-03-21"
    assert current.headers["ETag"] == 'W/"2"'
    assert current.headers["content-type"].startswith("application/fhir+json")
    assert bundle["type"] == "history" and bundle["total"] == 2
    assert b.get(f"/fhir/Patient/{pat['id']}/_history/3").status_code == 404
    assert hub.practitioner().get(f"/fhir/Patient/{pat['id']}/_history").status_code == 404


def test_deleted_resource_is_a_tombstone_in_pull_and_gone_in_fhir(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    imm = immunization(pat["id"])
    a.push(upsert(imm))
    _, cursor = b.pull_all()
    assert a.push(delete("Immunization", imm["id"], "2"))[0]["status"] == "conflict"
    assert a.push(delete("Immunization", imm["id"], "1"))[0]["status"] == "applied"

    changes, _ = b.pull_all(cursor)
    assert [(c["id"], c["action"], c["version"]) for c in changes] == [(imm["id"], "delete", "2")]
    assert b.get(f"/fhir/Immunization/{imm['id']}").status_code == 410
    assert b.get(f"/fhir/Immunization/{imm['id']}/_history/1").status_code == 200


def test_qualified_ins_identity_on_the_hub_is_not_overwritten(hub: Hub) -> None:
    a, b, _ = _shared_patient(hub)
    nir = nir_with_key("2840375123456")
    pat = patient(nir=nir)
    assert a.push(upsert(pat))[0]["status"] == "applied"
    a.push(upsert(care_team(pat["id"], a.rpps, b.rpps)))

    without_ins = {k: v for k, v in pat.items() if k != "identifier"}
    result = b.push(upsert(without_ins, base="1"))[0]

    assert result["status"] == "conflict" and result["reason"] == "qualified-identity"
    assert result["current"]["identifier"][0]["value"] == nir


def test_appointment_status_only_moves_forward(hub: Hub) -> None:
    a, _b, pat = _shared_patient(hub)
    appt = {
        "resourceType": "Appointment",
        "id": new_id(),
        "status": "booked",
        "start": "2026-12-01T09:00:00Z",
        "end": "2026-12-01T09:20:00Z",
        "participant": [
            {"actor": {"reference": f"Patient/{pat['id']}"}, "status": "accepted"},
            {
                "actor": {"identifier": {"system": RPPS_SYSTEM, "value": a.rpps}},
                "status": "accepted",
            },
        ],
    }
    a.push(upsert(appt))
    assert a.push(upsert(dict(appt, status="cancelled"), base="1"))[0]["status"] == "applied"
    rebooked = a.push(upsert(dict(appt, status="booked"), base="2"))[0]
    assert rebooked["status"] == "rejected"


def test_communication_is_seen_only_by_its_participants(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    c = hub.practitioner("Dr C")
    a.push(upsert(care_team(pat["id"], a.rpps, b.rpps, c.rpps)))
    message = {
        "resourceType": "Communication",
        "id": new_id(),
        "status": "completed",
        "subject": {"reference": f"Patient/{pat['id']}"},
        "sender": {"identifier": {"system": RPPS_SYSTEM, "value": a.rpps}},
        "recipient": [{"identifier": {"system": RPPS_SYSTEM, "value": b.rpps}}],
        "payload": [{"contentString": "Rappel DTP à prévoir"}],
        "sent": "2026-11-21T10:00:00Z",
    }
    assert a.push(upsert(message))[0]["status"] == "applied"

    assert _ids(b.pull_all()[0], "Communication") == [message["id"]]
    assert _ids(c.pull_all()[0], "Communication") == []
    assert c.get(f"/fhir/Communication/{message['id']}").status_code == 404
    # Not a participant: cannot post in someone else's name.
    forged = dict(message, id=new_id())
    assert c.push(upsert(forged))[0]["outcome"]["issue"][0]["code"] == "forbidden"


def test_snapshot_is_consistent_while_the_hub_changes(hub: Hub) -> None:
    a, b, pat = _shared_patient(hub)
    imms = [immunization(pat["id"], lot=f"L{i}") for i in range(5)]
    a.push(*[upsert(i) for i in imms])

    first = b.get("/sync/v1/snapshot", params={"limit": 2}).json()
    a.push(*[upsert(dict(i, lotNumber="CHANGED"), base="1") for i in imms])
    pages = [first]
    while pages[-1]["next_page"]:
        pages.append(
            b.get("/sync/v1/snapshot", params={"page": pages[-1]["next_page"], "limit": 2}).json()
        )

    seen = [r for p in pages for r in p["resources"]]
    lots = {
        r["id"]: r["resource"]["lotNumber"] for r in seen if r["resource_type"] == "Immunization"
    }
    assert lots == {i["id"]: i["lotNumber"] for i in imms}
    assert len({(r["resource_type"], r["id"]) for r in seen}) == len(seen)
    changes, _ = b.pull_all(first["cursor"])
    assert {c["resource"]["lotNumber"] for c in changes} == {"CHANGED"}

    only = b.get("/sync/v1/snapshot", params={"patient": pat["id"]}).json()
    assert {r["resource_type"] for r in only["resources"]} == {
        "Patient",
        "CareTeam",
        "Immunization",
    }


def test_meta_tells_limits_epoch_and_server_time(hub: Hub) -> None:
    meta = hub.meta()
    assert meta["limits"]["max_ops"] == 2000 and meta["limits"]["max_bytes"] == 2 * 1024 * 1024
    assert meta["limits"]["pull_limit"] == 2000
    assert meta["epoch"] and meta["hub_id"]
    assert meta["server_time"].endswith("Z")
    assert requests.get(f"{hub.base}/openapi.json", timeout=5).json()["paths"]["/sync/v1/push"]


def test_create_practitioner_command_prints_a_working_token(hub: Hub) -> None:
    out = hub_command("create-practitioner", "--db", hub.db_url, "--rpps", "10003456789",
                      "--name", "Claire Petit", "--profession", "Infirmière")
    assert out.returncode == 0, out.stderr
    token = out.stdout.strip()
    client = hub.anonymous(token)
    assert client.get("/sync/v1/pull").status_code == 200
    entries = [c["resource"] for c in client.pull_all()[0] if c["resource_type"] == "Practitioner"]
    assert any(e["identifier"][0]["value"] == "10003456789" for e in entries)
    bad = hub_command("create-practitioner", "--db", hub.db_url, "--rpps", "123", "--name", "X")
    assert bad.returncode == 2


def test_colleague_added_to_the_care_team_later_fetches_the_file_by_snapshot(hub: Hub) -> None:
    a, b = hub.practitioner("Dr A"), hub.practitioner("Dr B")
    pat = patient()
    imm = immunization(pat["id"])
    a.push(upsert(pat), upsert(imm))
    _, cursor = b.pull_all()
    team = care_team(pat["id"], a.rpps, b.rpps)

    a.push(upsert(team))
    changes, _ = b.pull_all(cursor)
    file = b.get("/sync/v1/snapshot", params={"patient": pat["id"]}).json()["resources"]

    assert [(c["resource_type"], c["id"]) for c in changes] == [("CareTeam", team["id"])]
    assert {(r["resource_type"], r["id"]) for r in file} == {
        ("Patient", pat["id"]),
        ("Immunization", imm["id"]),
        ("CareTeam", team["id"]),
    }
    # Taken off the team: the file is closed to them again.
    a.push(upsert(care_team(pat["id"], a.rpps, cid=team["id"]), base="1"))
    assert b.get(f"/fhir/Immunization/{imm['id']}").status_code == 404
    assert a.get(f"/fhir/Immunization/{imm['id']}").status_code == 200


def test_hub_reconnects_when_postgresql_drops_its_connections(hub: Hub) -> None:
    if not hub.db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only: SQLite has no server connection to lose")
    import psycopg

    a, b, pat = _shared_patient(hub)
    base_url, query = hub.db_url.split("?", 1)
    app_name = dict(p.split("=", 1) for p in query.split("&"))["application_name"]
    with psycopg.connect(base_url, autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = %s",
            (app_name,),
        ).fetchone()
    assert killed is not None and killed[0] >= 1

    # As after a database restart: the next calls simply work again.
    assert a.push(upsert(observation(pat["id"])))[0]["status"] == "applied"
    assert len(_ids(b.pull_all()[0], "Observation")) == 1
