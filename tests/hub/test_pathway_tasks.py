"""Return-home pathway tasks (FHIR Task) on a real hub process (protocol §13): they belong
to the patient named in `for`, so the care team reads and ticks them, nobody else."""

from __future__ import annotations

from typing import Any

from hub_harness import RPPS_SYSTEM, Hub, care_team, new_id, patient, upsert


def task(patient_id: str, owner: str, status: str = "requested") -> dict[str, Any]:
    return {"resourceType": "Task", "id": new_id(), "status": status, "intent": "order",
            "for": {"reference": f"Patient/{patient_id}"},
            "owner": {"identifier": {"system": RPPS_SYSTEM, "value": owner}},
            "description": "Premier pansement", "restriction": {"period": {"end": "2026-12-03"}}}


def test_the_care_team_reads_and_ticks_a_pathway_task_and_an_outsider_does_not_see_it(
        module_hub: Hub) -> None:
    gp, nurse, outsider = (module_hub.practitioner(n) for n in ("Dr A", "IDE B", "Dr C"))
    pat = patient()
    gp.push(upsert(pat), upsert(care_team(pat["id"], gp.rpps, nurse.rpps)))
    dressing = task(pat["id"], nurse.rpps)
    assert gp.push(upsert(dressing))[0]["status"] == "applied"

    pulled = [c for c in nurse.pull_all()[0] if c["resource_type"] == "Task"]
    assert [c["id"] for c in pulled] == [dressing["id"]]
    done = dict(dressing, status="completed")
    assert nurse.push(upsert(done, base="1"))[0]["status"] == "applied"
    assert gp.get(f"/fhir/Task/{dressing['id']}").json()["status"] == "completed"

    assert [c for c in outsider.pull_all()[0] if c["resource_type"] == "Task"] == []
    assert outsider.push(upsert(dict(done, status="cancelled"), base="2"))[0][
        "outcome"]["issue"][0]["code"] == "forbidden"


def test_a_task_names_its_patient(module_hub: Hub) -> None:
    gp = module_hub.practitioner("Dr A")
    orphan = task(new_id(), gp.rpps)
    del orphan["for"]
    result = gp.push(upsert(orphan))[0]
    assert result["status"] == "rejected"
    assert result["outcome"]["issue"][0]["code"] == "required"
