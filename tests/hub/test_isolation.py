"""One practitioner must never break or read another's data (issue 8), end to end
against one real hub process per backend (SQLite and PostgreSQL).

Each test makes its own practitioners and patients, so the tests of this module
share one hub without seeing each other's records.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import requests
from hub_harness import (
    RPPS_SYSTEM,
    Hub,
    HubClient,
    care_team,
    delete,
    immunization,
    new_id,
    observation,
    patient,
    upsert,
)

from tsn_hub.accounts import register_practitioner
from tsn_hub.cursor import _pack, encode_page
from tsn_hub.storage import SCOPE_DIRECTORY, SCOPE_PATIENT, StoredResource, open_store


def _directory_id(rpps: str) -> str:
    """A directory id as anyone can compute it from a public RPPS number."""
    return str(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, RPPS_SYSTEM), rpps))


def _status(result: dict[str, Any]) -> tuple[str, str | None]:
    code = result["outcome"]["issue"][0]["code"] if result["status"] == "rejected" else None
    return result["status"], code


def _shared(hub: Hub, *names: str) -> tuple[list[HubClient], dict[str, Any], dict[str, Any]]:
    """The first practitioner creates a patient and puts all of them in its care team."""
    people = [hub.practitioner(name) for name in names]
    pat = patient()
    team = care_team(pat["id"], *(p.rpps for p in people))
    results = people[0].push(upsert(pat), upsert(team))
    assert [r["status"] for r in results] == ["applied", "applied"]
    return people, pat, team


def _raw_push(client: HubClient, body: str) -> requests.Response:
    return client.session.post(
        f"{client.base}/sync/v1/push",
        data=body.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/json"},
        timeout=60,
    )


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"url": "urn:x", "valueString": "leaf"}
    for _ in range(depth):
        value = {"url": "urn:x", "extension": [value]}
    return value


def _put_legacy(hub: Hub, row: StoredResource) -> None:
    """Writes a row as a hub before this fix could have stored it."""
    store = open_store(hub.db_url)
    try:
        with store.write() as tx:
            tx.put(
                StoredResource(
                    row.resource_type, row.id, row.vid, tx.next_seq(), row.deleted,
                    row.content, row.patient_id, row.scope, row.updated_at,
                ),
                "legacy",
            )
    finally:
        store.close()


# -- 1. poison records -----------------------------------------------------------------
def test_a_resource_too_deep_big_or_long_is_refused_as_structure(module_hub: Hub) -> None:
    author, victim = module_hub.practitioner("Dr Author"), module_hub.practitioner("Dr Victim")
    appointment = {
        "resourceType": "Appointment",
        "id": new_id(),
        "status": "booked",
        # In the author's agenda (an appointment in the victim's needs a delegation, §19),
        # the victim a participant: it reaches them.
        "participant": [{"actor": {"identifier": {"system": RPPS_SYSTEM, "value": r}}}
                        for r in (author.rpps, victim.rpps)],
    }
    deep = dict(appointment, id=new_id(), extension=[_nested(127)])
    wide = dict(appointment, id=new_id(), extension=[{"url": "urn:x"}] * 30_000)
    long = dict(appointment, id=new_id(), comment="x" * (300 * 1024))

    results = author.push(upsert(deep), upsert(wide), upsert(long), upsert(appointment))

    assert [_status(r) for r in results] == [("rejected", "structure")] * 3 + [("applied", None)]
    changes, _ = victim.pull_all()
    assert [c["id"] for c in changes if c["resource_type"] == "Appointment"] == [
        appointment["id"]
    ]


def test_a_deep_record_stored_before_the_caps_never_makes_a_page_fail(module_hub: Hub) -> None:
    (gp,), pat, _ = _shared(module_hub, "Dr Gp")
    poison = dict(observation(pat["id"]), extension=[_nested(127)])
    _put_legacy(
        module_hub,
        StoredResource("Observation", poison["id"], 1, 0, False, poison, pat["id"],
                       SCOPE_PATIENT, time.time()),
    )

    changes, _ = gp.pull_all()
    snapshot = gp.get("/sync/v1/snapshot", params={"patient": pat["id"]})

    assert poison["id"] in [c["id"] for c in changes]
    assert snapshot.status_code == 200
    assert poison["id"] in [r["id"] for r in snapshot.json()["resources"]]
    assert gp.get(f"/fhir/Observation/{poison['id']}").status_code == 200


# -- 2. directory squatting ------------------------------------------------------------
def test_nobody_can_write_the_directory_entry_of_a_colleague_not_yet_registered(
    module_hub: Hub,
) -> None:
    squatter = module_hub.practitioner("Dr Squatter")
    newcomer_rpps = f"1{uuid.uuid4().int % 10**10:010d}"
    reserved = _directory_id(newcomer_rpps)
    entry = {
        "resourceType": "Practitioner",
        "id": reserved,
        "identifier": [{"system": RPPS_SYSTEM, "value": squatter.rpps}],
    }
    as_newcomer = dict(entry, identifier=[{"system": RPPS_SYSTEM, "value": newcomer_rpps}])

    results = squatter.push(upsert(entry), upsert(as_newcomer))

    assert [_status(r) for r in results] == [("rejected", "value"), ("rejected", "forbidden")]
    newcomer = module_hub.practitioner("Dr Newcomer", rpps=newcomer_rpps)
    own = newcomer.get(f"/fhir/Practitioner/{reserved}").json()
    assert own["identifier"][0]["value"] == newcomer_rpps


def test_a_care_team_naming_a_directory_id_grants_its_rpps_owner_only(module_hub: Hub) -> None:
    gp, squatter = module_hub.practitioner("Dr Gp"), module_hub.practitioner("Dr Squatter")
    newcomer_rpps = f"1{uuid.uuid4().int % 10**10:010d}"
    reserved = _directory_id(newcomer_rpps)
    # Written by a hub before ids were reserved: the squatter's entry at the newcomer's id.
    squatted = {
        "resourceType": "Practitioner",
        "id": reserved,
        "identifier": [{"system": RPPS_SYSTEM, "value": squatter.rpps}],
    }
    _put_legacy(
        module_hub,
        StoredResource("Practitioner", reserved, 1, 0, False, squatted, None, SCOPE_DIRECTORY,
                       time.time()),
    )
    pat = patient()
    team = care_team(pat["id"], gp.rpps)
    team["participant"].append({"member": {"reference": f"Practitioner/{reserved}"}})
    assert [r["status"] for r in gp.push(upsert(pat), upsert(team))] == ["applied"] * 2
    assert squatter.get(f"/fhir/Patient/{pat['id']}").status_code == 404

    newcomer = module_hub.practitioner("Dr Newcomer", rpps=newcomer_rpps)
    gp.push(upsert(team, base="1"))  # the team is re-read against the directory

    assert newcomer.get(f"/fhir/Patient/{pat['id']}").status_code == 200
    assert squatter.get(f"/fhir/Patient/{pat['id']}").status_code == 404
    entry = newcomer.get(f"/fhir/Practitioner/{reserved}").json()
    assert entry["identifier"][0]["value"] == newcomer_rpps


# -- 3. resurrection after purge -------------------------------------------------------
def test_a_purged_patient_id_is_never_taken_over_with_its_records(module_hub: Hub) -> None:
    (gp, former), pat, team = _shared(module_hub, "Dr Gp", "Dr Former")
    obs = observation(pat["id"])
    assert gp.push(upsert(obs))[0]["status"] == "applied"
    team_without = dict(team, participant=team["participant"][:1])
    results = gp.push(upsert(team_without, base="1"), delete("Patient", pat["id"], "1"))
    assert [r["status"] for r in results] == ["applied", "applied"]
    store = open_store(module_hub.db_url)
    try:  # as the hourly purge would, a year later
        store.purge(time.time() + 365 * 86400, 30 * 86400, 180 * 86400)
    finally:
        store.close()

    again = former.push(upsert(patient(pat["id"])))[0]

    assert _status(again) == ("rejected", "forbidden")
    assert former.get(f"/fhir/Observation/{obs['id']}").status_code == 404
    assert former.get(f"/fhir/CareTeam/{team['id']}").status_code == 404
    assert gp.get(f"/fhir/Observation/{obs['id']}").status_code == 404  # purged with it
    assert _status(gp.push(upsert(patient(pat["id"])))[0]) == ("rejected", "forbidden")


# -- 4. moving a record out of a shared patient ----------------------------------------
def test_a_member_cannot_move_a_record_to_a_patient_of_their_own(module_hub: Hub) -> None:
    (gp, member), pat, _ = _shared(module_hub, "Dr Gp", "Dr Member")
    own = patient()
    imm = immunization(pat["id"])
    assert gp.push(upsert(imm))[0]["status"] == "applied"
    assert member.push(upsert(own))[0]["status"] == "applied"

    moved = member.push(upsert(dict(imm, patient={"reference": f"Patient/{own['id']}"}), "1"))

    assert _status(moved[0]) == ("rejected", "business-rule")
    assert gp.get(f"/fhir/Immunization/{imm['id']}").json()["patient"]["reference"] == (
        f"Patient/{pat['id']}"
    )


# -- 5. existence oracle ---------------------------------------------------------------
def test_unknown_and_not_shared_patients_and_records_get_the_same_answer(
    module_hub: Hub,
) -> None:
    (gp,), pat, _ = _shared(module_hub, "Dr Gp")
    imm = immunization(pat["id"])
    gp.push(upsert(imm))
    outsider = module_hub.practitioner("Dr Outsider")
    unknown = new_id()

    results = outsider.push(
        upsert(observation(unknown)),
        upsert(observation(pat["id"])),
        upsert(patient(pat["id"])),
        upsert(immunization(unknown, iid=imm["id"]), "1"),
        delete("Patient", pat["id"], "1"),
        delete("Patient", unknown, "1"),
    )

    outcomes = {json.dumps([r["status"], r.get("outcome")], sort_keys=True) for r in results}
    assert len(outcomes) == 1, outcomes
    assert _status(results[0]) == ("rejected", "forbidden")
    assert all("current" not in r for r in results)


# -- 6. who may do what ----------------------------------------------------------------
def test_a_member_shares_onward_but_only_creator_or_treating_gp_delete_or_remove(
    module_hub: Hub,
) -> None:
    (creator, member, nurse, treating), pat, team = _shared(
        module_hub, "Dr Creator", "Dr Member", "Nurse", "Dr Treating"
    )
    pharmacist = module_hub.practitioner("Pharmacist")
    without_nurse = dict(team, participant=team["participant"][:2] + team["participant"][3:])
    named_gp = dict(pat, generalPractitioner=[{"identifier": {"system": RPPS_SYSTEM,
                                                               "value": member.rpps}}])

    refused = member.push(
        delete("Patient", pat["id"], "1"),
        delete("CareTeam", team["id"], "1"),
        upsert(without_nurse, base="1"),
        upsert(dict(team, status="inactive"), base="1"),
        upsert(named_gp, base="1"),
    )
    assert [_status(r) for r in refused] == [("rejected", "forbidden")] * 5
    onward = dict(team, participant=[*team["participant"], {"member": {
        "identifier": {"system": RPPS_SYSTEM, "value": pharmacist.rpps}}}])
    assert member.push(upsert(onward, base="1"))[0]["status"] == "applied"
    assert pharmacist.get(f"/fhir/Patient/{pat['id']}").status_code == 200

    # The creator names the treating GP, who may then remove someone.
    as_gp = dict(pat, generalPractitioner=[{"identifier": {"system": RPPS_SYSTEM,
                                                            "value": treating.rpps}}])
    assert creator.push(upsert(as_gp, base="1"))[0]["status"] == "applied"
    trimmed = dict(onward, participant=[p for p in onward["participant"]
                                        if p["member"]["identifier"]["value"] != nurse.rpps])
    assert treating.push(upsert(trimmed, base="2"))[0]["status"] == "applied"
    assert nurse.get(f"/fhir/Patient/{pat['id']}").status_code == 404
    assert creator.push(delete("Patient", pat["id"], "2"))[0]["status"] == "applied"


# -- 7. input that only hurts the sender -----------------------------------------------
def test_odd_numbers_in_cursors_versions_and_pages_are_4xx_never_500(module_hub: Hub) -> None:
    (gp,), pat, _ = _shared(module_hub, "Dr Gp")
    epoch = module_hub.meta()["epoch"]
    superscript = _pack("c1", epoch, "²")
    huge = _pack("c1", epoch, "9" * 5000)
    past_64_bits = encode_page(_page(epoch, 2**64))

    assert gp.get("/sync/v1/pull", params={"cursor": superscript}).status_code == 400
    assert gp.get("/sync/v1/pull", params={"cursor": huge}).status_code == 400
    assert gp.get("/sync/v1/snapshot", params={"page": past_64_bits}).status_code == 400
    for vid in ("²", "18446744073709551616", "9" * 5000):
        assert gp.get(f"/fhir/Patient/{pat['id']}/_history/{vid}").status_code == 404
    assert gp.get("/fhir/Patient/%00").status_code == 404
    assert gp.get("/sync/v1/snapshot", params={"patient": "\x00"}).status_code == 400
    odd_bases = gp.push(
        upsert(patient(pat["id"]), base="²"), upsert(patient(pat["id"]), base="9" * 5000)
    )
    assert [_status(r) for r in odd_bases] == [("rejected", "value")] * 2


def _page(epoch: str, at_seq: int) -> Any:
    from tsn_hub.cursor import SnapshotPage

    return SnapshotPage(epoch, at_seq, "", "", "")


def test_odd_text_and_numbers_in_a_push_are_rejected_alone(module_hub: Hub) -> None:
    (gp,), pat, _ = _shared(module_hub, "Dr Gp")
    good = observation(pat["id"])
    bad_id = new_id()
    ops = [
        # a lone surrogate in an op_id, NUL in an op_id and in a text
        '{"op_id": "\\ud800", "resource_type": "Patient", "id": "' + bad_id + '",'
        ' "action": "upsert", "resource": {"resourceType": "Patient", "id": "' + bad_id + '"}}',
        json.dumps(dict(upsert(patient()), op_id="a\x00b")),
        json.dumps(upsert(dict(patient(), gender="f\x00"))),
        # 1e999 is infinity for Python's json module; 2**64 overflows SQLite integers
        json.dumps(upsert(observation(pat["id"]))).replace("120.0", "1e999"),
        json.dumps(upsert(observation(pat["id"]))).replace("120.0", str(2**64)),
        json.dumps(upsert(dict(patient(), identifier=5))),
        json.dumps(upsert({"resourceType": "Appointment", "id": new_id(), "status": "booked",
                           "participant": 5})),
        json.dumps(upsert(dict(observation(pat["id"]), status=["final"]))),
        json.dumps(upsert(good)),
    ]
    response = _raw_push(gp, '{"ops": [' + ", ".join(ops) + "]}")

    assert response.status_code == 200
    results = response.json()["results"]
    assert [_status(r) for r in results] == [
        ("rejected", "value"),
        ("rejected", "value"),
        ("rejected", "structure"),
        ("rejected", "structure"),
        ("rejected", "structure"),
        ("rejected", "structure"),
        ("rejected", "structure"),
        ("rejected", "structure"),
        ("applied", None),
    ]
    assert results[0]["op_id"] is None  # not echoed: it cannot be written as UTF-8
    changes, _ = gp.pull_all()
    assert good["id"] in [c["id"] for c in changes]


def test_a_care_team_with_a_status_that_is_not_a_code_grants_nothing(module_hub: Hub) -> None:
    gp, other = module_hub.practitioner("Dr Gp"), module_hub.practitioner("Dr Other")
    pat = patient()
    team = dict(care_team(pat["id"], gp.rpps, other.rpps), status=["inactive"])

    results = gp.push(upsert(pat), upsert(team))

    assert [_status(r) for r in results] == [("applied", None), ("rejected", "structure")]
    assert other.get(f"/fhir/Patient/{pat['id']}").status_code == 404


# -- 8. log injection ------------------------------------------------------------------
def test_an_op_id_cannot_forge_a_line_in_the_hub_log(module_hub: Hub) -> None:
    gp = module_hub.practitioner("Dr Gp")
    forged = "x\n1999-01-01 00:00:00 INFO tsn_hub.sync: FORGED-LINE"
    op = dict(upsert(patient()), op_id=forged)

    assert gp.push(op)[0]["status"] == "rejected"
    assert gp.push(dict(upsert(patient()), op_id="ok\rFORGED-CR"))[0]["status"] == "rejected"
    gp.push(upsert(patient()))  # a clean push after it: its log line is written after ours

    lines = module_hub.log_path.read_text(errors="replace").splitlines()
    assert not [line for line in lines if line.startswith("1999-01-01")]
    assert not [line for line in lines if "FORGED" in line and "tsn_hub" not in line]


# -- 9. tokens, proxy, docs ------------------------------------------------------------
def test_an_expired_token_gets_a_401_that_says_so(module_hub: Hub) -> None:
    store = open_store(module_hub.db_url)
    try:  # issued two days ago for one day; the hub's own clock is real
        rpps = f"1{uuid.uuid4().int % 10**10:010d}"
        token = register_practitioner(store, rpps, "Dr Late", now=time.time() - 2 * 86400,
                                      token_days=1)
    finally:
        store.close()
    client = module_hub.anonymous(token)

    response = client.get("/sync/v1/pull")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["issue"][0]["code"] == "expired"
    assert client.session.post(f"{client.base}/sync/v1/push", json={"ops": []}).status_code == 401


def test_swagger_ui_is_not_served_but_the_openapi_description_is(module_hub: Hub) -> None:
    assert requests.get(f"{module_hub.base}/docs", timeout=5).status_code == 404
    assert requests.get(f"{module_hub.base}/redoc", timeout=5).status_code == 404
    assert requests.get(f"{module_hub.base}/openapi.json", timeout=5).status_code == 200


# -- audit trail: nobody writes an access in a colleague's name ---------------------------
def _audit_event(patient_id: str, agent_rpps: str) -> dict[str, Any]:
    """A FHIR R4 AuditEvent as the desktop sends it (ids only)."""
    return {
        "resourceType": "AuditEvent",
        "id": new_id(),
        "type": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "110110",
                 "display": "Patient Record"},
        "action": "R",
        "recorded": "2026-11-23T09:30:00Z",
        "agent": [{"who": {"identifier": {"system": RPPS_SYSTEM, "value": agent_rpps}},
                   "requestor": True}],
        "source": {"observer": {"display": "TSN Desktop"}},
        "entity": [{"what": {"reference": f"Patient/{patient_id}"}}],
    }


def test_a_member_cannot_record_an_access_in_a_colleagues_name(module_hub: Hub) -> None:
    (gp, member), pat, _ = _shared(module_hub, "Dr Gp", "Dr Member")

    forged = member.push(upsert(_audit_event(pat["id"], gp.rpps)))
    own = member.push(upsert(_audit_event(pat["id"], member.rpps)))

    assert _status(forged[0]) == ("rejected", "forbidden")
    assert own[0]["status"] == "applied"
