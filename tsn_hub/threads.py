"""Routing of discussion posts (Communication): who may post in a thread and who reads it.

A thread is its opening post plus the posts whose `partOf` names it. Its members are
everyone ever named as sender or recipient of one of its posts; every post of the
thread is readable by every member, so a practitioner added later reads the whole
thread. A post about a patient may name only practitioners who may see that patient
(protocol §17). The hub's sync service calls `check_post` when a Communication is
pushed and `record_post` once it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tsn_hub import fhir
from tsn_hub.storage import ReadTx, StoredResource, WriteTx

RppsOf = Callable[[list[object]], set[str]]


class PostRefused(fhir.InvalidResource):
    """A post the hub does not route; `code` is the FHIR issue code sent back."""


# The same words as any other "not yours": a thread one is not in does not exist.
_NOT_YOURS = "no such patient or record, or no access to it"


def thread_of(post: dict[str, object]) -> str:
    """The thread id: the opening post's id (named by `partOf`), or the post's own."""
    part_of = post.get("partOf")
    for ref in part_of if isinstance(part_of, list) else []:
        root = fhir.reference_id(ref, "Communication")
        if fhir.is_uuid(root):
            return str(root)
    return str(post["id"])


def members(tx: ReadTx, thread_id: str) -> set[str]:
    rows = tx.execute("SELECT rpps FROM thread_members WHERE thread_id = ?", (thread_id,))
    return {str(r[0]) for r in rows.fetchall()}


def check_post(tx: ReadTx, actor: str, post: dict[str, object], patient_id: str | None,
               rpps_of: RppsOf) -> frozenset[str]:
    """Who reads the post once stored (the thread's members with the ones it names);
    raises PostRefused when the actor may not post it."""
    if rpps_of([post.get("sender")]) != {actor}:
        raise PostRefused("forbidden", "a post is sent by the practitioner who pushes it")
    thread = thread_of(post)
    before = members(tx, thread)
    if before and actor not in before:
        raise PostRefused("forbidden", _NOT_YOURS)
    first = tx.execute(
        "SELECT r.patient_id FROM thread_posts t JOIN resources r"
        " ON r.resource_type = 'Communication' AND r.id = t.post_id"
        " WHERE t.thread_id = ? LIMIT 1", (thread,)).fetchone()
    if first is not None and first[0] != patient_id:
        raise PostRefused("business-rule", "a reply is about the same patient as its discussion")
    named = rpps_of(fhir.communication_participants(post))
    if patient_id is not None:
        for rpps in sorted(named - before):
            if not tx.has_patient_access(patient_id, rpps):
                raise PostRefused(
                    "forbidden",
                    f"practitioner {rpps} may not see this patient: add them to the patient's"
                    " care team first, then send again")
    return frozenset(before | named)


def record_post(tx: WriteTx, row: StoredResource, readers: Iterable[str]) -> None:
    """Files the post in its thread and grants it to every member; newcomers get the
    earlier posts too, re-announced at new sequence numbers so their next pull has them."""
    assert row.content is not None
    thread = thread_of(row.content)
    before = members(tx, thread)
    everyone = before | set(readers)
    added = everyone - before
    tx.execute("INSERT INTO thread_posts (thread_id, post_id) VALUES (?, ?)"
               " ON CONFLICT DO NOTHING", (thread, row.id))
    for rpps in sorted(added):
        tx.execute("INSERT INTO thread_members (thread_id, rpps) VALUES (?, ?)"
                   " ON CONFLICT DO NOTHING", (thread, rpps))
    tx.replace_resource_grants("Communication", row.id, everyone)
    if not added or not before:
        return
    earlier = tx.execute(
        "SELECT t.post_id FROM thread_posts t JOIN resources r"
        " ON r.resource_type = 'Communication' AND r.id = t.post_id"
        " WHERE t.thread_id = ? AND t.post_id != ? ORDER BY r.seq", (thread, row.id)).fetchall()
    for (post_id,) in earlier:
        for rpps in sorted(added):
            tx.execute("INSERT INTO resource_access (resource_type, resource_id, rpps)"
                       " VALUES ('Communication', ?, ?) ON CONFLICT DO NOTHING",
                       (post_id, rpps))
        tx.execute("UPDATE resources SET seq = ? WHERE resource_type = 'Communication'"
                   " AND id = ?", (tx.next_seq(), post_id))
