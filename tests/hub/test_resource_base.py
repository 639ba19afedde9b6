"""The shared resource base (DocumentReference) on a real hub process (protocol §13):
published to everyone or to a group, updated and withdrawn by its publisher only."""

from __future__ import annotations

from typing import Any

from hub_harness import RPPS_SYSTEM, Hub, HubClient, delete, new_id, upsert


def _who(client: HubClient) -> dict[str, Any]:
    return {"identifier": {"system": RPPS_SYSTEM, "value": client.rpps}}


def document(author: HubClient, *group: HubClient, version: str = "1") -> dict[str, Any]:
    return {"resourceType": "DocumentReference", "id": new_id(), "status": "current",
            "author": [_who(author)], "description": "Protocole pansements",
            "date": "2026-11-20T08:00:00Z",
            "extension": [{"url": "https://tsn-desktop.fr/fhir/StructureDefinition/audience",
                           "valueReference": _who(c)} for c in group],
            "content": [{"attachment": {"contentType": "application/pdf", "title": "p.pdf",
                                        "data": "JVBERi0xLjcKJSVFT0YK"}}]}


def _docs(client: HubClient) -> set[str]:
    return {c["id"] for c in client.pull_all()[0] if c["resource_type"] == "DocumentReference"}


def test_a_document_for_everyone_is_read_by_all_and_one_for_a_group_by_the_group(
        module_hub: Hub) -> None:
    gp, nurse, other = (module_hub.practitioner(n) for n in ("Dr A", "IDE B", "Dr C"))
    public = document(gp)
    group = document(gp, nurse)
    assert [r["status"] for r in gp.push(upsert(public), upsert(group))] == ["applied"] * 2

    assert {public["id"], group["id"]} <= _docs(nurse)
    assert public["id"] in _docs(other) and group["id"] not in _docs(other)


def test_only_its_publisher_updates_or_withdraws_a_document(module_hub: Hub) -> None:
    gp, nurse = module_hub.practitioner("Dr A"), module_hub.practitioner("IDE B")
    doc = document(gp)
    gp.push(upsert(doc))
    taken = dict(doc, author=[_who(nurse)], description="Mon protocole")

    refused = nurse.push(upsert(taken, base="1"))[0]
    assert refused["status"] == "rejected"
    assert refused["outcome"]["issue"][0]["code"] == "forbidden"
    assert nurse.push(delete("DocumentReference", doc["id"], "1"))[0]["status"] == "rejected"
    assert gp.push(upsert(dict(doc, description="Protocole v2"), base="1"))[0][
        "status"] == "applied"
