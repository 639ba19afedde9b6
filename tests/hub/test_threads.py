"""Discussion threads on a real hub process (protocol §13): only a thread's members read
it, a member added later reads all of it, and a post about a patient names only
practitioners who may see that patient."""

from __future__ import annotations

from typing import Any

from hub_harness import RPPS_SYSTEM, Hub, HubClient, care_team, new_id, patient, upsert


def _who(client: HubClient) -> dict[str, Any]:
    return {"identifier": {"system": RPPS_SYSTEM, "value": client.rpps}}


def post(sender: HubClient, *to: HubClient, patient_id: str | None = None,
         thread: str | None = None, text: str = "Avis sur le traitement ?") -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Communication", "id": new_id(), "status": "completed",
        "sender": _who(sender), "recipient": [_who(c) for c in to],
        "payload": [{"contentString": text}], "sent": "2026-11-21T10:00:00Z",
    }
    if patient_id:
        resource["subject"] = {"reference": f"Patient/{patient_id}"}
    if thread:
        resource["partOf"] = [{"reference": f"Communication/{thread}"}]
        resource["inResponseTo"] = [{"reference": f"Communication/{thread}"}]
    return resource


def _posts(client: HubClient, cursor: str | None = None) -> tuple[set[str], str]:
    changes, cursor = client.pull_all(cursor)
    return {c["id"] for c in changes if c["resource_type"] == "Communication"}, cursor


def _refusal(result: dict[str, Any]) -> tuple[str, str]:
    assert result["status"] == "rejected", result
    issue = result["outcome"]["issue"][0]
    return issue["code"], issue["diagnostics"]


def _team(hub: Hub, *names: str) -> tuple[list[HubClient], dict[str, Any]]:
    people = [hub.practitioner(n) for n in names]
    pat = patient()
    results = people[0].push(upsert(pat), upsert(care_team(pat["id"], *(p.rpps for p in people))))
    assert [r["status"] for r in results] == ["applied", "applied"]
    return people, pat


def test_an_outsider_can_neither_read_nor_post_in_a_thread(module_hub: Hub) -> None:
    (gp, nurse, outsider), pat = _team(module_hub, "Dr A", "IDE B", "Dr C")
    opening = post(gp, nurse, patient_id=pat["id"])
    reply = post(nurse, gp, patient_id=pat["id"], thread=opening["id"])
    assert [r["status"] for r in gp.push(upsert(opening))] == ["applied"]
    assert [r["status"] for r in nurse.push(upsert(reply))] == ["applied"]

    assert _posts(nurse)[0] == {opening["id"], reply["id"]}
    assert _posts(outsider)[0] == set()
    assert outsider.get(f"/fhir/Communication/{opening['id']}").status_code == 404
    # Naming oneself as recipient of a reply does not open someone else's thread.
    intrusion = post(outsider, gp, outsider, patient_id=pat["id"], thread=opening["id"])
    assert _refusal(outsider.push(upsert(intrusion))[0])[0] == "forbidden"
    assert _posts(gp)[0] == {opening["id"], reply["id"]}


def test_a_participant_added_later_reads_the_whole_thread(module_hub: Hub) -> None:
    (gp, nurse, pharmacist), pat = _team(module_hub, "Dr A", "IDE B", "Pharm C")
    opening = post(gp, nurse, patient_id=pat["id"])
    first_reply = post(nurse, gp, patient_id=pat["id"], thread=opening["id"])
    gp.push(upsert(opening))
    nurse.push(upsert(first_reply))
    seen, cursor = _posts(pharmacist)  # her cursor is now past both posts
    assert seen == set()

    adds_her = post(gp, nurse, pharmacist, patient_id=pat["id"], thread=opening["id"],
                    text="J'ajoute la pharmacienne")
    assert gp.push(upsert(adds_her))[0]["status"] == "applied"

    assert _posts(pharmacist, cursor)[0] == {opening["id"], first_reply["id"], adds_her["id"]}
    assert pharmacist.get(f"/fhir/Communication/{opening['id']}").status_code == 200
    # Now a member, she answers; the nurse did not name her and still reads the answer.
    answer = post(pharmacist, gp, patient_id=pat["id"], thread=opening["id"])
    assert pharmacist.push(upsert(answer))[0]["status"] == "applied"
    assert answer["id"] in _posts(nurse)[0]


def test_a_post_about_a_patient_cannot_name_someone_outside_the_care_team(
        module_hub: Hub) -> None:
    (gp, nurse), pat = _team(module_hub, "Dr A", "IDE B")
    stranger = module_hub.practitioner("Dr Z")

    code, words = _refusal(gp.push(upsert(post(gp, nurse, stranger, patient_id=pat["id"])))[0])

    assert code == "forbidden"
    assert stranger.rpps in words and "care team" in words
    assert "Martin" not in words  # the refusal names the practitioner, never the patient
    # Once in the care team, the same colleague can be asked.
    gp.push(upsert(care_team(pat["id"], gp.rpps, nurse.rpps, stranger.rpps)))
    assert gp.push(upsert(post(gp, nurse, stranger, patient_id=pat["id"])))[0][
        "status"] == "applied"


def test_a_member_who_leaves_the_care_team_no_longer_reads_its_discussions(
        module_hub: Hub) -> None:
    gp, nurse = module_hub.practitioner("Dr A"), module_hub.practitioner("IDE B")
    pat = patient()
    team = care_team(pat["id"], gp.rpps, nurse.rpps)
    gp.push(upsert(pat), upsert(team))
    opening = post(gp, nurse, patient_id=pat["id"])
    gp.push(upsert(opening))
    assert nurse.get(f"/fhir/Communication/{opening['id']}").status_code == 200

    without_her = care_team(pat["id"], gp.rpps, cid=team["id"])
    assert gp.push(upsert(without_her, base="1"))[0]["status"] == "applied"

    assert nurse.get(f"/fhir/Communication/{opening['id']}").status_code == 404


def test_nobody_posts_in_a_colleagues_name_and_only_the_author_withdraws(
        module_hub: Hub) -> None:
    (gp, nurse), pat = _team(module_hub, "Dr A", "IDE B")
    opening = post(gp, nurse, patient_id=pat["id"])
    gp.push(upsert(opening))

    forged = post(gp, nurse, patient_id=pat["id"], thread=opening["id"])
    assert _refusal(nurse.push(upsert(forged))[0])[0] == "forbidden"
    withdrawn = dict(opening, status="entered-in-error")
    assert _refusal(nurse.push(upsert(withdrawn))[0])[0] == "forbidden"
    assert gp.push(upsert(withdrawn))[0]["status"] == "applied"
    assert nurse.get(f"/fhir/Communication/{opening['id']}").json()["status"] == (
        "entered-in-error")


def test_a_discussion_without_a_patient_is_read_by_its_members_only(module_hub: Hub) -> None:
    gp, nurse, outsider = (module_hub.practitioner(n) for n in ("Dr A", "IDE B", "Dr C"))
    opening = post(gp, nurse, text="Protocole pansements du secteur")
    assert gp.push(upsert(opening))[0]["status"] == "applied"

    assert _posts(nurse)[0] == {opening["id"]}
    assert _posts(outsider)[0] == set()
    reply = post(nurse, gp, thread=opening["id"])
    assert nurse.push(upsert(reply))[0]["status"] == "applied"
    assert _posts(gp)[0] == {opening["id"], reply["id"]}
    assert _posts(outsider)[0] == set()
