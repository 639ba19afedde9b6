"""SQL for the professional network (migration 0012): directory, posts, inbox state."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from tsn_desktop.core.clock import utc_iso
from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.network.attachments import Attachment, AttachmentInfo
from tsn_desktop.network.library import SharedDocument
from tsn_desktop.network.model import (
    OPENING,
    REFUSED,
    SENT,
    WAITING,
    DirectoryEntry,
    Opening,
    Post,
    fold,
    search_terms,
)
from tsn_desktop.network.pathway import PathwayTask, TemplateStep

POST = "Communication"
ENTRY = "Practitioner"
Source = Database | UnitOfWork


def _rows(src: Source, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    if isinstance(src, Database):
        return src.query(sql, params)
    return list(src.execute(sql, params).fetchall())


# --- directory ------------------------------------------------------------------------------
_ENTRY_COLUMNS = ("rpps", "family_name", "given_names", "profession", "address",
                  "postal_code", "city", "phone", "secure_mail", "active")


def _entry(row: Sequence[Any]) -> DirectoryEntry:
    v = dict(zip(_ENTRY_COLUMNS, row, strict=True))
    v["active"] = bool(v["active"])
    return DirectoryEntry(**v)


def _words(entry: DirectoryEntry, profession_words: str) -> str:
    return fold(" ".join((entry.family_name, entry.given_names, profession_words,
                          entry.rpps, entry.city, entry.postal_code)))


def put_entry(uow: UnitOfWork, entry_id: str, entry: DirectoryEntry, hub_version: str | None,
              profession_words: str = "") -> None:
    """Stores a directory entry (from the hub, or one's own edit) and its search words;
    `profession_words` are the profession's names in the UI languages, so "infirm"
    finds the nurses."""
    now = uow.now_iso()
    values = [getattr(entry, c) for c in _ENTRY_COLUMNS]
    values[-1] = int(entry.active)
    sort_key = fold(f"{entry.family_name} {entry.given_names}")
    cursor = uow.execute(
        "UPDATE directory_entry SET " + ", ".join(f"{c} = ?" for c in _ENTRY_COLUMNS)
        + ", sort_key = ?, hub_version = COALESCE(?, hub_version), updated_at = ?,"
        " local_version = local_version + 1 WHERE id = ?",
        [*values, sort_key, hub_version, now, entry_id])
    if cursor.rowcount == 0:
        uow.execute("INSERT INTO directory_entry (id, " + ", ".join(_ENTRY_COLUMNS)
                    + ", sort_key, hub_version, created_at, updated_at) VALUES (?, "
                    + ", ".join("?" * len(_ENTRY_COLUMNS)) + ", ?, ?, ?, ?)",
                    [entry_id, *values, sort_key, hub_version, now, now])
    rowid = uow.execute("SELECT rowid FROM directory_entry WHERE id = ?",
                        (entry_id,)).fetchone()[0]
    uow.execute("DELETE FROM directory_search WHERE rowid = ?", (rowid,))
    if entry.active:
        uow.execute("INSERT INTO directory_search (rowid, words) VALUES (?, ?)",
                    (rowid, _words(entry, profession_words)))


def entry_version(src: Source, entry_id: str) -> int | None:
    rows = _rows(src, "SELECT local_version FROM directory_entry WHERE id = ?", (entry_id,))
    return int(rows[0][0]) if rows else None


def set_entry_hub_version(uow: UnitOfWork, entry_id: str, hub_version: str) -> None:
    uow.execute("UPDATE directory_entry SET hub_version = ? WHERE id = ?",
                (hub_version, entry_id))


def entry_by_id(src: Source, entry_id: str) -> DirectoryEntry | None:
    rows = _rows(src, "SELECT " + ", ".join(_ENTRY_COLUMNS)
                 + " FROM directory_entry WHERE id = ?", (entry_id,))
    return _entry(rows[0]) if rows else None


def entry(src: Source, rpps: str) -> DirectoryEntry | None:
    rows = _rows(src, "SELECT " + ", ".join(_ENTRY_COLUMNS)
                 + " FROM directory_entry WHERE rpps = ?", (rpps,))
    return _entry(rows[0]) if rows else None


_FEW = 500  # SQLite takes up to 999 parameters


def search(src: Source, text: str, limit: int = 50) -> list[DirectoryEntry]:
    """Active entries whose words start with every word typed, by name."""
    terms = search_terms(text)
    select = "SELECT " + ", ".join(f"d.{c}" for c in _ENTRY_COLUMNS) + " FROM directory_entry d"
    if not terms:
        rows = _rows(src, select + " WHERE d.active = 1 ORDER BY d.sort_key LIMIT ?", (limit,))
    else:
        match = " ".join(f'"{t}"*' for t in terms)
        few = [r[0] for r in _rows(src, "SELECT rowid FROM directory_search WHERE"
                                        " directory_search MATCH ? LIMIT ?", (match, _FEW + 1))]
        if len(few) <= _FEW:  # a narrow search: sort what it found
            rows = _rows(src, select + f" WHERE d.rowid IN ({','.join('?' * len(few))})"
                         " ORDER BY d.sort_key LIMIT ?", (*few, limit)) if few else []
        else:
            # A short prefix matches tens of thousands: walking the names in order and
            # keeping the matching ones finds the first page sooner than sorting them all.
            rows = _rows(src, select + " INDEXED BY directory_entry_sort WHERE d.rowid IN"
                         " (SELECT rowid FROM directory_search WHERE directory_search MATCH ?)"
                         " ORDER BY d.sort_key LIMIT ?", (match, limit))
    return [_entry(r) for r in rows]


def entry_count(src: Source) -> int:
    return int(_rows(src, "SELECT count(*) FROM directory_entry WHERE active = 1")[0][0])


def own_profession(src: Source) -> str:
    rows = _rows(src, "SELECT profession FROM practitioner_profile WHERE id = 1")
    return str(rows[0][0]) if rows else ""


def names(src: Source, rpps: Sequence[str]) -> dict[str, str]:
    wanted = sorted(set(rpps))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for number, family, given in _rows(
                src, "SELECT rpps, family_name, given_names FROM directory_entry"
                f" WHERE rpps IN ({','.join('?' * len(chunk))})", chunk):
            found[str(number)] = f"{given} {str(family).upper()}".strip()
    return found


# --- posts ----------------------------------------------------------------------------------
_POST_COLUMNS = ("thread_id", "kind", "sender", "recipients", "patient_id", "in_response_to",
                 "replaces", "title", "question", "context", "expected", "due", "body",
                 "sent_at", "received_at", "withdrawn", "read_here")
_SELECT_POST = ("SELECT p.id, " + ", ".join(f"p.{c}" for c in _POST_COLUMNS)
                + ", p.hub_version, (SELECT o.state || '|' || COALESCE(o.last_error, '')"
                " FROM outbox o WHERE o.resource_type = 'Communication' AND o.resource_id = p.id"
                " ORDER BY o.seq DESC LIMIT 1) FROM network_post p")


def _instant(text: str) -> datetime:
    # fromisoformat reads our stored form (and its Z) several times faster than strptime,
    # which counts when a thread of a thousand posts opens.
    return datetime.fromisoformat(text)


def _post(row: Sequence[Any]) -> Post:
    v = dict(zip(_POST_COLUMNS, row[1:1 + len(_POST_COLUMNS)], strict=True))
    hub_version, outbox = row[-2], row[-1]
    state, refusal = SENT, ""
    if outbox:
        outbox_state, _, error = str(outbox).partition("|")
        if outbox_state == "parked":
            state, refusal = REFUSED, error
        elif outbox_state == "pending":
            state = WAITING
    elif hub_version is None:
        state = WAITING
    opening = None
    if v["kind"] == OPENING:
        opening = Opening(v["title"], v["question"], v["context"], v["expected"],
                          date.fromisoformat(v["due"]) if v["due"] else None)
    return Post(id=row[0], thread_id=v["thread_id"], kind=v["kind"], sender=v["sender"],
                recipients=tuple(json.loads(v["recipients"])), sent_at=_instant(v["sent_at"]),
                body=v["body"], patient_id=v["patient_id"], in_response_to=v["in_response_to"],
                replaces=v["replaces"], opening=opening, withdrawn=bool(v["withdrawn"]),
                received_at=_instant(v["received_at"]) if v["received_at"] else None,
                read_here=bool(v["read_here"]), state=state, refusal=refusal)


def _post_values(p: Post) -> list[object]:
    o = p.opening
    return [p.thread_id, p.kind, p.sender, json.dumps(list(p.recipients)), p.patient_id,
            p.in_response_to, p.replaces, o.title if o else "", o.question if o else "",
            o.context if o else "", o.expected if o else "",
            o.due.isoformat() if o and o.due else None, p.body, utc_iso(p.sent_at),
            utc_iso(p.received_at) if p.received_at else None, int(p.withdrawn),
            int(p.read_here)]


def insert_post(uow: UnitOfWork, post: Post) -> None:
    """A post written here: stored and queued for the hub in the same transaction."""
    now = uow.now_iso()
    uow.execute("INSERT INTO network_post (id, " + ", ".join(_POST_COLUMNS)
                + ", created_at, updated_at) VALUES (?, " + ", ".join("?" * len(_POST_COLUMNS))
                + ", ?, ?)", [post.id, *_post_values(post), now, now])
    uow.record_change(POST, post.id, "upsert", 1, None)


def withdraw(uow: UnitOfWork, post_id: str) -> None:
    now = uow.now_iso()
    row = uow.execute("UPDATE network_post SET withdrawn = 1, local_version = local_version + 1,"
                      " updated_at = ? WHERE id = ? AND withdrawn = 0 RETURNING local_version,"
                      " hub_version", (now, post_id)).fetchone()
    if row is not None:
        uow.record_change(POST, post_id, "upsert", int(row[0]), row[1])


def apply_post_from_hub(uow: UnitOfWork, post: Post, hub_version: str, mine: bool) -> None:
    """The hub's copy: new posts of colleagues arrive unread; the first receipt time the
    hub gave is kept."""
    now = uow.now_iso()
    received = utc_iso(post.received_at) if post.received_at else None
    cursor = uow.execute(
        "UPDATE network_post SET withdrawn = max(withdrawn, ?), hub_version = ?,"
        " received_at = COALESCE(received_at, ?), updated_at = ?,"
        " local_version = local_version + 1 WHERE id = ?",
        (int(post.withdrawn), hub_version, received, now, post.id))
    if cursor.rowcount:
        uow.audit("update", POST, post.id)
        return
    values = _post_values(post)
    values[-1] = 1 if mine else 0  # read_here
    uow.execute("INSERT INTO network_post (id, " + ", ".join(_POST_COLUMNS)
                + ", hub_version, created_at, updated_at) VALUES (?, "
                + ", ".join("?" * len(_POST_COLUMNS)) + ", ?, ?, ?)",
                [post.id, *values, hub_version, now, now])
    uow.audit("create", POST, post.id)


def set_post_hub_version(uow: UnitOfWork, post_id: str, hub_version: str) -> None:
    uow.execute("UPDATE network_post SET hub_version = ? WHERE id = ?", (hub_version, post_id))


def get_post(src: Source, post_id: str) -> Post | None:
    rows = _rows(src, _SELECT_POST + " WHERE p.id = ?", (post_id,))
    return _post(rows[0]) if rows else None


def posts_of(src: Source, thread_ids: Sequence[str]) -> list[Post]:
    found: list[Post] = []
    ids = list(dict.fromkeys(thread_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.extend(_post(r) for r in _rows(
            src, _SELECT_POST + f" WHERE p.thread_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY p.sent_at, p.id", chunk))
        infos: dict[str, list[AttachmentInfo]] = {}
        for aid, post_id, name, content_type, size in _rows(
                src, "SELECT a.id, a.post_id, a.name, a.content_type, a.size"
                " FROM network_attachment a JOIN network_post p ON p.id = a.post_id"
                f" WHERE p.thread_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY a.post_id, a.position", chunk):
            infos.setdefault(post_id, []).append(AttachmentInfo(aid, name, content_type, size))
        if infos:
            found = [replace(p, attachments=tuple(infos[p.id])) if p.id in infos else p
                     for p in found]
    return found


def insert_attachments(uow: UnitOfWork, post_id: str, files: Sequence[Attachment]) -> None:
    for position, file in enumerate(files):
        uow.execute("INSERT INTO network_attachment (id, post_id, position, name, content_type,"
                    " size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (new_id(), post_id, position, file.name, file.content_type, file.size,
                     file.sha256, file.data))


def attachments_of(src: Source, post_id: str) -> list[Attachment]:
    return [Attachment(name, content_type, bytes(data)) for name, content_type, data in _rows(
        src, "SELECT name, content_type, data FROM network_attachment WHERE post_id = ?"
        " ORDER BY position", (post_id,))]


def attachment(src: Source, attachment_id: str) -> Attachment | None:
    rows = _rows(src, "SELECT name, content_type, data FROM network_attachment WHERE id = ?",
                 (attachment_id,))
    return Attachment(rows[0][0], rows[0][1], bytes(rows[0][2])) if rows else None


def thread_ids(src: Source, patient_id: str | None = None, limit: int = 500) -> list[str]:
    """Threads by latest activity (patient: only that patient's)."""
    sql = "SELECT thread_id, max(sent_at) AS last FROM network_post"
    params: list[object] = []
    if patient_id is not None:
        sql += " WHERE thread_id IN (SELECT id FROM network_post WHERE patient_id = ?" \
               " AND kind = 'opening')"
        params.append(patient_id)
    sql += " GROUP BY thread_id ORDER BY last DESC LIMIT ?"
    params.append(limit)
    return [str(r[0]) for r in _rows(src, sql, params)]


def mark_read(uow: UnitOfWork, thread_id: str) -> int:
    return int(uow.execute("UPDATE network_post SET read_here = 1 WHERE thread_id = ?"
                           " AND read_here = 0", (thread_id,)).rowcount)


def unread_count(src: Source) -> int:
    return int(_rows(src, "SELECT count(DISTINCT COALESCE(replaces, id)) FROM network_post"
                     " WHERE read_here = 0"
                     " AND kind != 'receipt'")[0][0])


# --- inbox state ------------------------------------------------------------------------------
def inbox_state(src: Source) -> dict[str, tuple[bool, datetime | None]]:
    return {str(k): (bool(d), _instant(s) if s else None)
            for k, d, s in _rows(src, "SELECT item_key, done, snoozed_until"
                                      " FROM network_inbox_state")}


def set_inbox_state(uow: UnitOfWork, key: str, done: bool, snoozed_until: datetime | None) -> None:
    uow.execute("INSERT INTO network_inbox_state (item_key, done, snoozed_until) VALUES (?, ?, ?)"
                " ON CONFLICT (item_key) DO UPDATE SET done = excluded.done,"
                " snoozed_until = excluded.snoozed_until",
                (key, int(done), utc_iso(snoozed_until) if snoozed_until else None))


def patient_names(src: Source, patient_ids: Sequence[str]) -> dict[str, str]:
    """Display names of patients (read only, as the agenda's blocks do)."""
    ids = sorted(set(patient_ids))
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for pid, birth, used, given in _rows(
                src, "SELECT id, birth_name, used_name, given_names FROM patient"
                f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            found[str(pid)] = f"{(used or birth or '').upper()} {given}".strip()
    return found


# --- return-home pathway tasks ---------------------------------------------------------------
TASK = "Task"
_TASK_COLUMNS = ("pathway_id", "patient_id", "pathway_title", "operation_day", "what", "owner",
                 "due", "status", "done_by", "done_at", "comment")
_SELECT_TASK = ("SELECT t.id, " + ", ".join(f"t.{c}" for c in _TASK_COLUMNS)
                + ", t.local_version, t.hub_version, EXISTS (SELECT 1 FROM outbox o"
                " WHERE o.resource_type = 'Task' AND o.resource_id = t.id"
                " AND o.state = 'pending') FROM network_task t")


def _task(row: Sequence[Any]) -> PathwayTask:
    v = dict(zip(_TASK_COLUMNS, row[1:1 + len(_TASK_COLUMNS)], strict=True))
    return PathwayTask(
        id=row[0], pathway_id=v["pathway_id"], patient_id=v["patient_id"],
        pathway_title=v["pathway_title"], operation_day=date.fromisoformat(v["operation_day"]),
        what=v["what"], owner=v["owner"], due=date.fromisoformat(v["due"]), status=v["status"],
        done_by=v["done_by"], done_at=_instant(v["done_at"]) if v["done_at"] else None,
        comment=v["comment"], waiting=bool(row[-1]) or row[-2] is None)


def _task_values(t: PathwayTask) -> list[object]:
    return [t.pathway_id, t.patient_id, t.pathway_title, t.operation_day.isoformat(), t.what,
            t.owner, t.due.isoformat(), t.status, t.done_by,
            utc_iso(t.done_at) if t.done_at else None, t.comment]


def insert_task(uow: UnitOfWork, task: PathwayTask) -> None:
    now = uow.now_iso()
    uow.execute("INSERT INTO network_task (id, " + ", ".join(_TASK_COLUMNS)
                + ", created_at, updated_at) VALUES (?, " + ", ".join("?" * len(_TASK_COLUMNS))
                + ", ?, ?)", [task.id, *_task_values(task), now, now])
    uow.record_change(TASK, task.id, "upsert", 1, None)


def update_task(uow: UnitOfWork, task: PathwayTask) -> None:
    now = uow.now_iso()
    row = uow.execute("UPDATE network_task SET " + ", ".join(f"{c} = ?" for c in _TASK_COLUMNS)
                      + ", local_version = local_version + 1, updated_at = ? WHERE id = ?"
                      " RETURNING local_version, hub_version",
                      [*_task_values(task), now, task.id]).fetchone()
    if row is None:
        raise LookupError("no such task")
    uow.record_change(TASK, task.id, "upsert", int(row[0]), row[1])


def apply_task_from_hub(uow: UnitOfWork, task: PathwayTask, hub_version: str) -> None:
    now = uow.now_iso()
    sets = ", ".join(f"{c} = ?" for c in _TASK_COLUMNS)
    uow.apply_hub_copy(
        TASK, task.id,
        ("UPDATE network_task SET " + sets + ", hub_version = ?, updated_at = ?, deleted = 0,"
         " local_version = local_version + 1 WHERE id = ?",
         [*_task_values(task), hub_version, now, task.id]),
        ("INSERT INTO network_task (id, " + ", ".join(_TASK_COLUMNS) + ", hub_version,"
         " created_at, updated_at) VALUES (?, " + ", ".join("?" * len(_TASK_COLUMNS))
         + ", ?, ?, ?)", [task.id, *_task_values(task), hub_version, now, now]))


def set_task_hub_version(uow: UnitOfWork, task_id: str, hub_version: str) -> None:
    uow.execute("UPDATE network_task SET hub_version = ? WHERE id = ?", (hub_version, task_id))


def get_task(src: Source, task_id: str) -> PathwayTask | None:
    rows = _rows(src, _SELECT_TASK + " WHERE t.id = ?", (task_id,))
    return _task(rows[0]) if rows else None


def tasks(src: Source, patient_id: str | None = None, open_only: bool = False
          ) -> list[PathwayTask]:
    sql = _SELECT_TASK + " WHERE t.deleted = 0"
    params: list[object] = []
    if patient_id is not None:
        sql += " AND t.patient_id = ?"
        params.append(patient_id)
    if open_only:
        sql += " AND t.status = 'requested'"
    return [_task(r) for r in _rows(src, sql + " ORDER BY t.due, t.id", params)]


# --- shared resource base -------------------------------------------------------------------
DOCUMENT = "DocumentReference"
_DOC_COLUMNS = ("title", "version", "published_at", "author", "audience", "file_name",
                "content_type")


def _document(row: Sequence[Any]) -> SharedDocument:
    v = dict(zip(_DOC_COLUMNS, row[1:1 + len(_DOC_COLUMNS)], strict=True))
    return SharedDocument(
        id=row[0], title=v["title"], version=v["version"],
        published_at=_instant(v["published_at"]), author=v["author"],
        audience=tuple(json.loads(v["audience"])), file_name=v["file_name"],
        content_type=v["content_type"], size=int(row[-3]),
        waiting=row[-2] is None or bool(row[-1]))


_SELECT_DOC = ("SELECT d.id, " + ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
               + ", length(d.data), d.hub_version, EXISTS (SELECT 1 FROM outbox o"
               " WHERE o.resource_type = 'DocumentReference' AND o.resource_id = d.id"
               " AND o.state = 'pending') FROM network_document d")


def _doc_values(doc: SharedDocument) -> list[object]:
    return [doc.title, doc.version, utc_iso(doc.published_at), doc.author,
            json.dumps(list(doc.audience)), doc.file_name, doc.content_type]


def put_document(uow: UnitOfWork, doc: SharedDocument, data: bytes,
                 hub_version: str | None = None) -> None:
    """A document published or updated here (queued for the hub), or the hub's copy."""
    now = uow.now_iso()
    sets = ", ".join(f"{c} = ?" for c in _DOC_COLUMNS)
    row = uow.execute("UPDATE network_document SET " + sets + ", data = ?, deleted = 0,"
                      " hub_version = COALESCE(?, hub_version), updated_at = ?,"
                      " local_version = local_version + 1 WHERE id = ?"
                      " RETURNING local_version, hub_version",
                      [*_doc_values(doc), data, hub_version, now, doc.id]).fetchone()
    if row is None:
        uow.execute("INSERT INTO network_document (id, " + ", ".join(_DOC_COLUMNS)
                    + ", data, hub_version, created_at, updated_at) VALUES (?, "
                    + ", ".join("?" * len(_DOC_COLUMNS)) + ", ?, ?, ?, ?)",
                    [doc.id, *_doc_values(doc), data, hub_version, now, now])
        version, base = 1, None
    else:
        version, base = int(row[0]), row[1]
    if hub_version is None:
        uow.record_change(DOCUMENT, doc.id, "upsert", version, base)
    else:
        uow.audit("update" if row is not None else "create", DOCUMENT, doc.id)


def set_document_hub_version(uow: UnitOfWork, doc_id: str, hub_version: str) -> None:
    uow.execute("UPDATE network_document SET hub_version = ? WHERE id = ?",
                (hub_version, doc_id))


def document(src: Source, doc_id: str) -> SharedDocument | None:
    rows = _rows(src, _SELECT_DOC + " WHERE d.id = ?", (doc_id,))
    return _document(rows[0]) if rows else None


def document_data(src: Source, doc_id: str) -> bytes | None:
    rows = _rows(src, "SELECT data FROM network_document WHERE id = ?", (doc_id,))
    return bytes(rows[0][0]) if rows else None


def documents(src: Source) -> list[SharedDocument]:
    return [_document(r) for r in _rows(src, _SELECT_DOC + " WHERE d.deleted = 0"
                                        " ORDER BY d.title, d.published_at DESC")]


def saved_template(src: Source) -> list[TemplateStep]:
    return [TemplateStep(str(w), str(p), int(d)) for w, p, d in _rows(
        src, "SELECT what, profession, day FROM network_pathway_template ORDER BY position")]


def save_template(uow: UnitOfWork, steps: Sequence[TemplateStep]) -> None:
    uow.execute("DELETE FROM network_pathway_template")
    uow.executemany("INSERT INTO network_pathway_template (position, what, profession, day)"
                    " VALUES (?, ?, ?, ?)",
                    [(n, s.what, s.profession, s.day) for n, s in enumerate(steps)])
