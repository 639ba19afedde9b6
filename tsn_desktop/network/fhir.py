"""Posts to and from FHIR R4 Communication, directory entries from Practitioner, and the
two SyncAdapters (docs/sync-protocol.md §17)."""

from __future__ import annotations

import base64
import copy
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.network import store
from tsn_desktop.network.attachments import MAX_PER_POST, Attachment, RefusedAttachment, accept
from tsn_desktop.network.library import SharedDocument
from tsn_desktop.network.model import (
    KINDS,
    OPENING,
    PROFESSION_WORDS,
    REPLY,
    DirectoryEntry,
    Opening,
    Post,
    opening_text,
)
from tsn_desktop.network.pathway import PathwayTask, merge_status
from tsn_desktop.sync.adapters import (
    MergeResult,
    Resource,
    append_only,
    hub_resource,
    hub_wins,
    local_changes_lost,
)

RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
POST_KIND_SYSTEM = "https://tsn-desktop.fr/fhir/CodeSystem/network-post"
EXT_ECIP = "https://tsn-desktop.fr/fhir/StructureDefinition/ecip-opening"
EXT_REPLACES = "https://tsn-desktop.fr/fhir/StructureDefinition/replaces"
_DIRECTORY_NS = uuid.uuid5(uuid.NAMESPACE_URL, RPPS_SYSTEM)


class UnusablePost(ValueError):
    """A hub Communication this app cannot show (no sender, unknown shape)."""


def directory_id(rpps: str) -> str:
    """The hub's id for an RPPS number's directory entry (the hub checks it)."""
    return str(uuid.uuid5(_DIRECTORY_NS, rpps))


def _who(rpps: str) -> Resource:
    return {"identifier": {"system": RPPS_SYSTEM, "value": rpps}}


def _rpps(ref: object) -> str | None:
    if isinstance(ref, dict):
        ident = ref.get("identifier")
        if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM:
            value = ident.get("value")
            return value if isinstance(value, str) else None
    return None


def _ref_id(ref: object, rtype: str) -> str | None:
    if isinstance(ref, dict) and isinstance(ref.get("reference"), str):
        parts = ref["reference"].rstrip("/").split("/")
        if len(parts) >= 2 and parts[-2] == rtype:
            return parts[-1]
    return None


def _instant(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _fhir_instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Communication ------------------------------------------------------------------------
def post_to_fhir(post: Post, over: Resource | None = None,
                 files: Sequence[Attachment] = ()) -> Resource:
    """Our post as an R4 Communication, written over the hub's copy so elements this app
    does not know survive."""
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.update({
        "resourceType": "Communication", "id": post.id,
        "status": "entered-in-error" if post.withdrawn else "completed",
        "category": [{"coding": [{"system": POST_KIND_SYSTEM, "code": post.kind}]}],
        "sent": _fhir_instant(post.sent_at),
        "sender": _who(post.sender),
        "recipient": [_who(r) for r in post.recipients],
    })
    resource.pop("meta", None)
    if post.patient_id:
        resource["subject"] = {"reference": f"Patient/{post.patient_id}"}
    if post.kind != OPENING or post.replaces:
        resource["partOf"] = [{"reference": f"Communication/{post.thread_id}"}]
    if post.in_response_to:
        resource["inResponseTo"] = [{"reference": f"Communication/{post.in_response_to}"}]
    extensions = [e for e in resource.get("extension") or []
                  if e.get("url") not in (EXT_ECIP, EXT_REPLACES)]
    if post.opening is not None:
        o = post.opening
        resource["topic"] = {"text": o.title}
        parts = [{"url": "question", "valueString": o.question}]
        if o.context:
            parts.append({"url": "context", "valueString": o.context})
        if o.expected:
            parts.append({"url": "expected", "valueString": o.expected})
        if o.due:
            parts.append({"url": "due", "valueDate": o.due.isoformat()})
        extensions.append({"url": EXT_ECIP, "extension": parts})
        text = opening_text(o)
    else:
        text = post.body
    if post.replaces:
        extensions.append({"url": EXT_REPLACES,
                           "valueReference": {"reference": f"Communication/{post.replaces}"}})
    if extensions:
        resource["extension"] = extensions
    payload: list[Resource] = [{"contentString": text}] if text else []
    for file in files:
        payload.append({"contentAttachment": {
            "contentType": file.content_type, "title": file.name, "size": file.size,
            "data": base64.b64encode(file.data).decode("ascii")}})
    if payload:
        resource["payload"] = payload
    else:
        resource.pop("payload", None)
    return resource


def attachments_from_fhir(resource: Resource) -> list[Attachment]:
    """The post's attachments, each checked again by its content and size: what is not a
    PDF or an image is not kept, whatever its declared type."""
    found = []
    for item in resource.get("payload") or []:
        file = item.get("contentAttachment") if isinstance(item, dict) else None
        if not isinstance(file, dict) or not isinstance(file.get("data"), str):
            continue
        try:
            data = base64.b64decode(file["data"], validate=True)
            found.append(accept(str(file.get("title") or ""), data))
        except (ValueError, RefusedAttachment):
            continue
    return found[:MAX_PER_POST]


def post_from_fhir(resource: Resource) -> Post:
    sender = _rpps(resource.get("sender"))
    if not sender:
        raise UnusablePost("no sender")
    kind = REPLY
    for cat in resource.get("category") or []:
        for coding in cat.get("coding") or [] if isinstance(cat, dict) else []:
            if coding.get("system") == POST_KIND_SYSTEM and coding.get("code") in KINDS:
                kind = coding["code"]
    thread_id = next((t for t in (_ref_id(r, "Communication")
                                  for r in resource.get("partOf") or []) if t), resource["id"])
    if thread_id == resource["id"]:
        kind = OPENING if kind in (OPENING, REPLY) else kind
    in_response_to = next((t for t in (_ref_id(r, "Communication")
                                       for r in resource.get("inResponseTo") or []) if t), None)
    body = ""
    for item in resource.get("payload") or []:
        if isinstance(item, dict) and isinstance(item.get("contentString"), str):
            body = item["contentString"]
            break
    opening = None
    replaces = None
    for ext in resource.get("extension") or []:
        if not isinstance(ext, dict):
            continue
        if ext.get("url") == EXT_ECIP:
            parts = {p.get("url"): p for p in ext.get("extension") or [] if isinstance(p, dict)}
            due = parts.get("due", {}).get("valueDate")
            opening = Opening(
                title=str((resource.get("topic") or {}).get("text") or ""),
                question=str(parts.get("question", {}).get("valueString") or body),
                context=str(parts.get("context", {}).get("valueString") or ""),
                expected=str(parts.get("expected", {}).get("valueString") or ""),
                due=date.fromisoformat(due) if isinstance(due, str) else None)
        elif ext.get("url") == EXT_REPLACES:
            replaces = _ref_id(ext.get("valueReference"), "Communication")
    if kind == OPENING and opening is None:
        opening = Opening(str((resource.get("topic") or {}).get("text") or ""), body)
    sent = _instant(resource.get("sent")) or _instant(
        (resource.get("meta") or {}).get("lastUpdated")) or datetime.now(UTC)
    recipients = tuple(r for r in (_rpps(x) for x in resource.get("recipient") or []) if r)
    return Post(
        id=resource["id"], thread_id=thread_id, kind=kind, sender=sender,
        recipients=recipients, sent_at=sent, body=body,
        patient_id=_ref_id(resource.get("subject"), "Patient"),
        in_response_to=in_response_to, replaces=replaces, opening=opening,
        withdrawn=resource.get("status") == "entered-in-error",
        received_at=_instant((resource.get("meta") or {}).get("lastUpdated")))


def own_rpps(src: Database | UnitOfWork) -> str | None:
    sql = "SELECT rpps FROM practitioner_profile WHERE id = 1"
    row = src.query_one(sql) if isinstance(src, Database) else src.execute(sql).fetchone()
    return str(row[0]) if row and row[0] else None


class CommunicationAdapter:
    """Registered by the network Feature: posts go to the hub and come back."""

    resource_type = store.POST

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        post = store.get_post(db, record_id)
        if post is None:
            return None
        return post_to_fhir(post, over=hub_resource(db, self.resource_type, record_id),
                            files=store.attachments_of(db, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # posts are never deleted on the hub (append-only)
        post = post_from_fhir(resource)
        if post.id != record_id:
            raise UnusablePost("id mismatch")
        store.apply_post_from_hub(uow, post, hub_version, mine=post.sender == own_rpps(uow))
        store.insert_attachments(uow, post.id, attachments_from_fhir(resource))

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_post_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return append_only(base, local, remote)


# --- Practitioner (the directory) -------------------------------------------------------------
def entry_from_fhir(resource: Resource) -> DirectoryEntry:
    rpps = next((str(i.get("value")) for i in resource.get("identifier") or []
                 if isinstance(i, dict) and i.get("system") == RPPS_SYSTEM), "")
    if not rpps:
        raise ValueError("directory entry without RPPS")
    name = next((n for n in resource.get("name") or [] if isinstance(n, dict)), {})
    family = str(name.get("family") or name.get("text") or "")
    given = " ".join(str(g) for g in name.get("given") or [])
    profession = ""
    for qual in resource.get("qualification") or []:
        code = qual.get("code") if isinstance(qual, dict) else None
        if isinstance(code, dict):
            coded = next((c.get("code") for c in code.get("coding") or []
                          if isinstance(c, dict) and c.get("code")), None)
            profession = str(coded or code.get("text") or "")
            break
    address = next((a for a in resource.get("address") or [] if isinstance(a, dict)), {})
    phone = mail = ""
    for point in resource.get("telecom") or []:
        if not isinstance(point, dict):
            continue
        if point.get("system") == "phone" and not phone:
            phone = str(point.get("value") or "")
        elif point.get("system") == "email" and not mail:
            mail = str(point.get("value") or "")
    return DirectoryEntry(
        rpps=rpps, family_name=family, given_names=given, profession=profession,
        address=" ".join(str(line) for line in address.get("line") or []),
        postal_code=str(address.get("postalCode") or ""), city=str(address.get("city") or ""),
        phone=phone, secure_mail=mail, active=resource.get("active", True) is not False)


def entry_to_fhir(entry: DirectoryEntry, over: Resource | None = None) -> Resource:
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource.update({
        "resourceType": "Practitioner", "id": directory_id(entry.rpps),
        "identifier": [{"system": RPPS_SYSTEM, "value": entry.rpps}],
        "active": entry.active,
        "name": [{"text": entry.display_name, "family": entry.family_name,
                  **({"given": entry.given_names.split()} if entry.given_names else {})}],
    })
    if entry.profession:
        resource["qualification"] = [{"code": {"text": entry.profession}}]
    telecom = []
    if entry.phone:
        telecom.append({"system": "phone", "value": entry.phone, "use": "work"})
    if entry.secure_mail:
        telecom.append({"system": "email", "value": entry.secure_mail, "use": "work"})
    resource["telecom"] = telecom
    if entry.address or entry.city or entry.postal_code:
        resource["address"] = [{"use": "work", "line": [entry.address] if entry.address else [],
                                "postalCode": entry.postal_code, "city": entry.city}]
    return resource


def profession_words(code: str) -> str:
    return PROFESSION_WORDS.get(code, code)


class PractitionerAdapter:
    """The directory: every entry comes from the hub; one's own entry goes back to it."""

    resource_type = store.ENTRY

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        entry = store.entry_by_id(db, record_id)
        if entry is None:
            return None
        return entry_to_fhir(entry, over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            return  # the hub deactivates entries, never deletes them
        entry = entry_from_fhir(resource)
        store.put_entry(uow, record_id, entry, hub_version, profession_words(entry.profession))

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_entry_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return hub_wins(base, local, remote)



# --- Task (return-home pathway) -----------------------------------------------------------------
PATHWAY_SYSTEM = "https://tsn-desktop.fr/fhir/NamingSystem/return-home-pathway"
EXT_PATHWAY = "https://tsn-desktop.fr/fhir/StructureDefinition/return-home-pathway"


def task_to_fhir(task: PathwayTask, over: Resource | None = None) -> Resource:
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    resource.update({
        "resourceType": "Task", "id": task.id, "status": task.status, "intent": "order",
        "groupIdentifier": {"system": PATHWAY_SYSTEM, "value": task.pathway_id},
        "for": {"reference": f"Patient/{task.patient_id}"},
        "owner": _who(task.owner), "description": task.what,
        "restriction": {"period": {"end": task.due.isoformat()}},
    })
    others = [e for e in resource.get("extension") or [] if e.get("url") != EXT_PATHWAY]
    resource["extension"] = [*others, {"url": EXT_PATHWAY, "extension": [
        {"url": "title", "valueString": task.pathway_title},
        {"url": "operationDate", "valueDate": task.operation_day.isoformat()}]}]
    if task.done_by:
        note: Resource = {"authorReference": _who(task.done_by), "text": task.comment or "-"}
        if task.done_at:
            note["time"] = _fhir_instant(task.done_at)
        resource["note"] = [note]
    else:
        resource.pop("note", None)
    return resource


def task_from_fhir(resource: Resource) -> PathwayTask:
    group = resource.get("groupIdentifier") or {}
    patient_id = _ref_id(resource.get("for"), "Patient")
    owner = _rpps(resource.get("owner"))
    due = ((resource.get("restriction") or {}).get("period") or {}).get("end")
    if not patient_id or not owner or not isinstance(due, str):
        raise ValueError("a pathway task needs its patient, owner and due date")
    title, operation = "", due[:10]
    for ext in resource.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT_PATHWAY:
            for part in ext.get("extension") or []:
                if part.get("url") == "title":
                    title = str(part.get("valueString") or "")
                elif part.get("url") == "operationDate":
                    operation = str(part.get("valueDate") or operation)
    note = next((n for n in resource.get("note") or [] if isinstance(n, dict)), {})
    status = str(resource.get("status") or "requested")
    return PathwayTask(
        id=resource["id"], pathway_id=str(group.get("value") or resource["id"]),
        patient_id=patient_id, pathway_title=title,
        operation_day=date.fromisoformat(operation[:10]), what=str(resource.get("description")
                                                                    or ""),
        owner=owner, due=date.fromisoformat(due[:10]),
        status=status if status in ("requested", "completed", "cancelled") else "requested",
        done_by=_rpps(note.get("authorReference")) or "", done_at=_instant(note.get("time")),
        comment="" if note.get("text") in (None, "-") else str(note.get("text")))


class TaskAdapter:
    """Return-home pathway tasks: versioned records; two desktops ticking the same task
    converge (done wins over to do, cancelled over both)."""

    resource_type = store.TASK

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        task = store.get_task(db, record_id)
        if task is None:
            return None
        return task_to_fhir(task, over=hub_resource(db, self.resource_type, record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None:
            uow.apply_hub_tombstone("network_task", self.resource_type, record_id, hub_version)
            return
        store.apply_task_from_hub(uow, task_from_fhir(resource), hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_task_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        if local is None or remote is None:
            return hub_wins(base, local, remote, reason="deleted")
        merged = dict(remote)
        merged["status"] = merge_status(str(local.get("status")), str(remote.get("status")))
        if merged["status"] == local.get("status") and local.get("note"):
            merged["note"] = local["note"]
        return MergeResult(merged, local_lost=local_changes_lost(base, local, merged),
                           reason="task_status")


# --- DocumentReference (the shared resource base) -------------------------------------------------
EXT_AUDIENCE = "https://tsn-desktop.fr/fhir/StructureDefinition/audience"
EXT_DOC_VERSION = "https://tsn-desktop.fr/fhir/StructureDefinition/document-version"


def document_to_fhir(doc: SharedDocument, data: bytes,
                     over: Resource | None = None) -> Resource:
    resource: Resource = copy.deepcopy(over) if over else {}
    resource.pop("meta", None)
    others = [e for e in resource.get("extension") or []
              if e.get("url") not in (EXT_AUDIENCE, EXT_DOC_VERSION)]
    resource.update({
        "resourceType": "DocumentReference", "id": doc.id, "status": "current",
        "author": [_who(doc.author)], "description": doc.title,
        "date": _fhir_instant(doc.published_at),
        "extension": [*others, {"url": EXT_DOC_VERSION, "valueString": doc.version},
                      *({"url": EXT_AUDIENCE, "valueReference": _who(r)}
                        for r in doc.audience)],
        "content": [{"attachment": {"contentType": doc.content_type, "title": doc.file_name,
                                    "size": len(data),
                                    "data": base64.b64encode(data).decode("ascii")}}],
    })
    return resource


def document_from_fhir(resource: Resource) -> tuple[SharedDocument, bytes]:
    author = next((r for r in (_rpps(a) for a in resource.get("author") or []) if r), "")
    version, audience = "", []
    for ext in resource.get("extension") or []:
        if not isinstance(ext, dict):
            continue
        if ext.get("url") == EXT_DOC_VERSION:
            version = str(ext.get("valueString") or "")
        elif ext.get("url") == EXT_AUDIENCE:
            rpps = _rpps(ext.get("valueReference"))
            if rpps:
                audience.append(rpps)
    content = next((c.get("attachment") for c in resource.get("content") or []
                    if isinstance(c, dict) and isinstance(c.get("attachment"), dict)), None)
    if not author or content is None or not isinstance(content.get("data"), str):
        raise ValueError("a shared document needs its author and its file")
    file = accept(str(content.get("title") or ""), base64.b64decode(content["data"],
                                                                     validate=True))
    published = _instant(resource.get("date")) or _instant(
        (resource.get("meta") or {}).get("lastUpdated")) or datetime.now(UTC)
    return SharedDocument(resource["id"], str(resource.get("description") or ""), version,
                          published, author, tuple(audience), file.name, file.content_type,
                          file.size), file.data


class DocumentReferenceAdapter:
    """The resource base: a publisher's documents go to the hub, everyone's come back."""

    resource_type = store.DOCUMENT

    def to_fhir(self, db: Database, record_id: str) -> Resource | None:
        doc = store.document(db, record_id)
        data = store.document_data(db, record_id)
        if doc is None or data is None:
            return None
        return document_to_fhir(doc, data, over=hub_resource(db, self.resource_type,
                                                             record_id))

    def apply(self, uow: UnitOfWork, record_id: str, resource: Resource | None,
              hub_version: str) -> None:
        if resource is None or resource.get("status") == "entered-in-error":
            uow.apply_hub_tombstone("network_document", self.resource_type, record_id,
                                    hub_version)
            return
        try:
            doc, data = document_from_fhir(resource)
        except (ValueError, RefusedAttachment):
            return  # not a file this app opens (checked by content): not kept here
        store.put_document(uow, doc, data, hub_version)

    def acknowledge(self, uow: UnitOfWork, record_id: str, hub_version: str) -> None:
        store.set_document_hub_version(uow, record_id, hub_version)

    def merge(self, base: Resource | None, local: Resource | None,
              remote: Resource | None) -> MergeResult:
        return hub_wins(base, local, remote)
