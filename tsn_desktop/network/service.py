"""What the network's screens may ask: the directory, case discussions (open, reply, add a
participant, edit, withdraw, close with a decision), read receipts, the inbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.feature import InboxProvider
from tsn_desktop.network import fhir, store
from tsn_desktop.network.attachments import Attachment, accept, check_count
from tsn_desktop.network.library import SharedDocument, check_document
from tsn_desktop.network.model import (
    DECISION,
    JOINED,
    OPENING,
    RECEIPT,
    REPLY,
    DirectoryEntry,
    InboxItem,
    InvalidPost,
    Opening,
    Post,
    Thread,
    build_thread,
    check_opening,
    check_text,
    foreign_item,
    inbox_items,
    recipients_for,
)
from tsn_desktop.network.pathway import (
    COMPLETED,
    DEFAULT_TEMPLATE,
    REQUESTED,
    InvalidPathway,
    PathwayTask,
    PlannedTask,
    TemplateStep,
    check_plan,
    due_on,
    task_items,
)
from tsn_desktop.patients import care_team

POST = store.POST  # the resource types pages watch in "records changed"
ENTRY = store.ENTRY


class NotInCareTeam(Exception):
    """Colleagues asked about a patient they may not see yet: sharing the file with them
    is the user's decision (the hub refuses the post otherwise)."""

    def __init__(self, rpps: Sequence[str]) -> None:
        super().__init__(f"{len(rpps)} colleague(s) outside the care team")
        self.rpps = tuple(rpps)


class NotAllowed(Exception):
    """Only the requester closes a discussion; only the author edits or withdraws a post;
    a closed discussion takes no more posts. `code` says which."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def me(db: Database | UnitOfWork) -> str:
    rpps = fhir.own_rpps(db)
    if not rpps:
        raise LookupError("this profile has no RPPS number")
    return rpps


# --- directory ------------------------------------------------------------------------------
def search_directory(db: Database, text: str, limit: int = 50) -> list[DirectoryEntry]:
    return store.search(db, text, limit)


def directory_count(db: Database) -> int:
    return store.entry_count(db)


def directory_entry(db: Database, rpps: str) -> DirectoryEntry | None:
    return store.entry(db, rpps)


def directory_names(db: Database, rpps: Sequence[str]) -> dict[str, str]:
    return store.names(db, rpps)


def save_own_entry(db: Database, entry: DirectoryEntry) -> None:
    """The practitioner edits their own directory entry (and only theirs: the hub checks)."""
    if entry.rpps != me(db):
        raise NotAllowed("not_own_entry")
    entry_id = fhir.directory_id(entry.rpps)
    with db.unit_of_work() as uow:
        store.put_entry(uow, entry_id, entry, None, fhir.profession_words(entry.profession))
        version = store.entry_version(uow, entry_id) or 1
        hub = uow.execute("SELECT hub_version FROM directory_entry WHERE id = ?",
                          (entry_id,)).fetchone()
        uow.record_change(ENTRY, entry_id, "upsert", version, hub[0] if hub else None)


def add_to_directory(db: Database, entries: Sequence[DirectoryEntry]) -> None:
    """Entries known here without a hub (the demo, an imported directory file)."""
    with db.unit_of_work() as uow:
        for entry in entries:
            store.put_entry(uow, fhir.directory_id(entry.rpps), entry, None,
                            fhir.profession_words(entry.profession))


# --- discussions ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThreadView:
    """A thread with the names to show: colleagues by RPPS, the patient's."""

    thread: Thread
    names: dict[str, str] = field(default_factory=dict)
    patient_name: str = ""

    def name(self, rpps: str) -> str:
        return self.names.get(rpps) or rpps


def _now(db: Database) -> datetime:
    return db.clock.now()


def _missing_from_care_team(db: Database, patient_id: str, rpps: Sequence[str]) -> list[str]:
    members = {m.rpps for m in care_team.members(db, patient_id)}
    return [r for r in rpps if r not in members]


def _share(db: Database, patient_id: str, rpps: Sequence[str], share: bool) -> None:
    missing = _missing_from_care_team(db, patient_id, rpps)
    if missing and not share:
        raise NotInCareTeam(missing)
    names = store.names(db, missing)
    for number in missing:
        care_team.add_member(db, patient_id, number, names.get(number, ""))


def open_discussion(db: Database, opening: Opening, participants: Sequence[str],
                    patient_id: str | None = None, share: bool = False,
                    files: Sequence[Attachment] = ()) -> Thread:
    """A case discussion, written here (offline too) and sent on the next sync. About a
    patient, colleagues outside the care team are added to it when `share` is given."""
    mine = me(db)
    cleaned = Opening(opening.title.strip(), opening.question.strip(), opening.context.strip(),
                      opening.expected.strip(), opening.due)
    named = tuple(dict.fromkeys(p for p in participants if p != mine))
    check_opening(cleaned, named, mine)
    check_count(len(files))
    accepted = [accept(f.name, f.data) for f in files]
    if patient_id:
        _share(db, patient_id, named, share)
    post_id = new_id()
    post = Post(post_id, post_id, OPENING, mine, named, _now(db), patient_id=patient_id,
                opening=cleaned)
    with db.unit_of_work() as uow:
        store.insert_post(uow, post)
        store.insert_attachments(uow, post_id, accepted)
    return _thread(db, post_id)


def _thread(db: Database | UnitOfWork, thread_id: str) -> Thread:
    thread = build_thread(store.posts_of(db, [thread_id]), me(db))
    if thread is None:
        raise LookupError("no such discussion")
    return thread


def _post_in(db: Database, thread: Thread, kind: str, text: str, *,
             also: Sequence[str] = (), in_response_to: str | None = None,
             replaces: str | None = None, files: Sequence[Attachment] = ()) -> Post:
    mine = me(db)
    if mine not in thread.participants:
        raise NotAllowed("not_participant")
    post = Post(new_id(), thread.id, kind, mine, recipients_for(thread, mine, also), _now(db),
                body=text.strip(), patient_id=thread.patient_id,
                in_response_to=in_response_to or _last_id(thread), replaces=replaces)
    with db.unit_of_work() as uow:
        store.insert_post(uow, post)
        store.insert_attachments(uow, post.id, [accept(f.name, f.data) for f in files])
    return post


def _last_id(thread: Thread) -> str:
    return thread.messages[-1].post.id if thread.messages else thread.opening.id


def reply(db: Database, thread_id: str, text: str, in_response_to: str | None = None,
          files: Sequence[Attachment] = ()) -> Post:
    """A reply, with PDF or image attachments kept in this encrypted profile and sent
    with it (each checked by its content and size: see network.attachments)."""
    check_text(text, required=not files)
    check_count(len(files))
    thread = _thread(db, thread_id)
    if thread.closed:
        raise NotAllowed("closed")
    return _post_in(db, thread, REPLY, text, in_response_to=in_response_to, files=files)


def attachment(db: Database, attachment_id: str) -> Attachment:
    """An attachment's bytes, for an explicit "Save as" (the one way out of the profile)."""
    found = store.attachment(db, attachment_id)
    if found is None:
        raise LookupError("no such attachment")
    return found


def add_participant(db: Database, thread_id: str, rpps: str, share: bool = False) -> Post:
    """A colleague joins the thread: the post naming them lets them read all of it."""
    thread = _thread(db, thread_id)
    if thread.closed:
        raise NotAllowed("closed")
    if rpps in thread.participants:
        raise InvalidPost("already_participant")
    if thread.patient_id:
        _share(db, thread.patient_id, (rpps,), share)
    return _post_in(db, thread, JOINED, "", also=(rpps,))


def edit_post(db: Database, post_id: str, text: str) -> Post:
    """A new version of one's own post; the thread shows it as edited."""
    check_text(text, required=True)
    original = store.get_post(db, post_id)
    if original is None:
        raise LookupError("no such post")
    if original.sender != me(db) or original.kind not in (REPLY, DECISION):
        raise NotAllowed("not_author")
    thread = _thread(db, original.thread_id)
    return _post_in(db, thread, original.kind, text, in_response_to=original.in_response_to,
                    replaces=post_id)


def withdraw_post(db: Database, post_id: str) -> None:
    """A tombstone: the thread shows "message withdrawn" (the text stays on the hub's
    history, as every clinical record's does)."""
    post = store.get_post(db, post_id)
    if post is None:
        raise LookupError("no such post")
    if post.sender != me(db):
        raise NotAllowed("not_author")
    with db.unit_of_work() as uow:
        store.withdraw(uow, post_id)


def close_discussion(db: Database, thread_id: str, decision: str) -> Post:
    """The requester closes the discussion with its decision, filed in the patient's file
    (the patient-file tab "Discussions" lists it)."""
    check_text(decision, required=True)
    thread = _thread(db, thread_id)
    if thread.requester != me(db):
        raise NotAllowed("not_requester")
    if thread.closed:
        raise NotAllowed("closed")
    return _post_in(db, thread, DECISION, decision)


def mark_read(db: Database, thread_id: str) -> bool:
    """Marks the thread read here and, when there was something new, tells the
    participants with a read receipt (a post they do not see as a message)."""
    thread = _thread(db, thread_id)
    if not thread.unread:
        return False
    with db.unit_of_work() as uow:
        store.mark_read(uow, thread_id)
    mine = me(db)
    if mine in thread.participants:
        receipt = Post(new_id(), thread.id, RECEIPT, mine, recipients_for(thread, mine),
                       _now(db), patient_id=thread.patient_id,
                       in_response_to=_last_id(thread))
        with db.unit_of_work() as uow:
            store.insert_post(uow, receipt)
    return True


def view(db: Database, thread_id: str) -> ThreadView:
    thread = _thread(db, thread_id)
    return _views(db, [thread])[0]


def _views(db: Database, threads: list[Thread]) -> list[ThreadView]:
    people = {r for t in threads for r in t.participants}
    names = store.names(db, sorted(people))
    patients = store.patient_names(db, [t.patient_id for t in threads if t.patient_id])
    return [ThreadView(t, names, patients.get(t.patient_id or "", "")) for t in threads]


def discussions(db: Database, patient_id: str | None = None, limit: int = 500
                ) -> list[ThreadView]:
    """Discussions by latest activity (of one patient when given)."""
    ids = store.thread_ids(db, patient_id, limit)
    mine = me(db)
    posts = store.posts_of(db, ids)
    by_thread: dict[str, list[Post]] = {}
    for post in posts:
        by_thread.setdefault(post.thread_id, []).append(post)
    threads = [t for t in (build_thread(by_thread.get(i, []), mine) for i in ids) if t]
    return _views(db, threads)


# --- inbox ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxRow:
    item: InboxItem
    patient_name: str = ""
    done: bool = False
    snoozed_until: datetime | None = None


def inbox(db: Database, no_answer_days: int, show_done: bool = False,
          providers: Sequence[InboxProvider] = ()) -> list[InboxRow]:
    """What needs the practitioner now, the other features' entries (`providers`) with
    the network's own: done items and items snoozed to a later time are left out (done
    ones come back with `show_done`)."""
    now = _now(db)
    views = discussions(db)
    names = {v.thread.id: v.patient_name for v in views}
    states = store.inbox_state(db)
    open_tasks = store.tasks(db, open_only=True)
    patient_names = store.patient_names(db, [t.patient_id for t in open_tasks])
    names.update({t.pathway_id: patient_names.get(t.patient_id, "") for t in open_tasks})
    items = inbox_items((v.thread for v in views), me(db), now, no_answer_days)
    items += task_items(open_tasks, me(db), now.date())
    for provide in providers:
        for entry in provide(db, now.date(), me(db)):
            items.append(foreign_item(entry))
            names[entry.key] = entry.patient_name
    items.sort(key=lambda i: (not i.important, i.due or date.max, -i.since.timestamp()))
    rows = []
    for item in items:
        done, until = states.get(item.key, (False, None))
        if until is not None and until > now:
            continue
        if done and not show_done:
            continue
        name = names.get(item.key if item.entry else item.thread_id, "")
        rows.append(InboxRow(item, name, done, until))
    return rows


def mark_done(db: Database, item: InboxItem, done: bool = True) -> None:
    """Done; an unread item is done by reading its thread, a task of mine by ticking it."""
    with db.unit_of_work() as uow:
        store.set_inbox_state(uow, item.key, done, None)
    if done and item.kind == "unread":
        mark_read(db, item.thread_id)
    if done and item.task_id:
        task = store.get_task(db, item.task_id)
        if task is not None and task.owner == me(db) and task.status == REQUESTED:
            tick_task(db, item.task_id)


def snooze(db: Database, item: InboxItem, until: datetime) -> None:
    with db.unit_of_work() as uow:
        store.set_inbox_state(uow, item.key, False, until)


def unread_count(db: Database) -> int:
    return store.unread_count(db)


def badge_count(db: Database, rows: Sequence[InboxRow]) -> int:
    """The navigation's count: unread replies, and the other features' entries waiting."""
    return unread_count(db) + sum(1 for r in rows if r.item.entry is not None and not r.done)



# --- return home after day surgery ---------------------------------------------------------------
TASK = store.TASK


def template(db: Database) -> list[TemplateStep]:
    """The practitioner's own checklist template, or the shipped one."""
    return store.saved_template(db) or list(DEFAULT_TEMPLATE)


def save_template(db: Database, plan: Sequence[PlannedTask]) -> list[TemplateStep]:
    """The checklist as the user left it becomes their template; each line keeps the
    profession of its owner (so the next patient's team fills it), not the person."""
    if not plan:
        raise InvalidPathway("no_task")
    mine = me(db)
    steps = []
    for line in plan:
        entry = store.entry(db, line.owner) if line.owner else None
        profession = entry.profession if entry else (
            store.own_profession(db) if line.owner == mine else "")
        steps.append(TemplateStep(line.what.strip(), profession, line.day))
    with db.unit_of_work() as uow:
        store.save_template(uow, steps)
    return steps


def suggested_plan(db: Database, patient_id: str,
                   steps: Sequence[TemplateStep] | None = None) -> list[PlannedTask]:
    """The template's lines with an owner each: the care team's member of that profession
    (from the directory), this practitioner for their own profession, else nobody yet."""
    steps = template(db) if steps is None else steps
    mine = me(db)
    own = store.entry(db, mine)
    by_profession: dict[str, str] = {}
    for member in care_team.members(db, patient_id):
        entry = store.entry(db, member.rpps)
        if entry is not None and entry.profession and member.rpps != mine:
            by_profession.setdefault(entry.profession, member.rpps)
    profession = own.profession if own is not None else store.own_profession(db)
    if profession:
        by_profession[profession] = mine
    return [PlannedTask(step.what, by_profession.get(step.profession, ""), step.day)
            for step in steps]


def create_pathway(db: Database, patient_id: str, title: str, operation_day: date,
                   steps: Sequence[PlannedTask], share: bool = False) -> list[PathwayTask]:
    """The pathway's tasks, written here (offline too); owners outside the care team are
    added to it when `share` is given (each owner must see the patient)."""
    check_plan(title, steps)
    owners = tuple(dict.fromkeys(s.owner for s in steps if s.owner != me(db)))
    _share(db, patient_id, owners, share)
    pathway_id = new_id()
    made = [PathwayTask(new_id(), pathway_id, patient_id, title.strip(), operation_day,
                        step.what.strip(), step.owner, due_on(operation_day, step.day))
            for step in steps]
    with db.unit_of_work() as uow:
        for task in made:
            store.insert_task(uow, task)
    return made


def tick_task(db: Database, task_id: str, done: bool = True, comment: str = "") -> PathwayTask:
    """Done (who and when kept) or back to do; anyone who sees the pathway may tick it."""
    task = store.get_task(db, task_id)
    if task is None:
        raise LookupError("no such task")
    ticked = replace(task, status=COMPLETED if done else REQUESTED,
                     done_by=me(db) if done else "", done_at=_now(db) if done else None,
                     comment=comment.strip()[:2000])
    with db.unit_of_work() as uow:
        store.update_task(uow, ticked)
    return ticked


@dataclass(frozen=True)
class PathwayView:
    tasks: list[PathwayTask]
    names: dict[str, str]

    def name(self, rpps: str) -> str:
        return self.names.get(rpps) or rpps


def care_team_people(db: Database, patient_id: str) -> list[tuple[str, str]]:
    """Who may own a task of the patient's pathway: this practitioner and the care team,
    (RPPS, name with profession when the directory knows it)."""
    mine = me(db)
    numbers = [mine, *(m.rpps for m in care_team.members(db, patient_id) if m.rpps != mine)]
    members = {m.rpps: m.display for m in care_team.members(db, patient_id)}
    people = []
    for rpps in numbers:
        entry = store.entry(db, rpps)
        name = entry.display_name if entry else members.get(rpps) or rpps
        people.append((rpps, name))
    return people


def pathway_tasks(db: Database, patient_id: str) -> PathwayView:
    found = store.tasks(db, patient_id)
    return PathwayView(found, store.names(db, [r for t in found for r in (t.owner, t.done_by)
                                               if r]))


# --- shared resource base ------------------------------------------------------------------------
DOCUMENT = store.DOCUMENT


def publish_document(db: Database, title: str, version: str, file: Attachment,
                     audience: Sequence[str] = (), document_id: str | None = None
                     ) -> SharedDocument:
    """Publishes a document to everyone (no audience) or to the colleagues named; with
    `document_id`, a new version of one's own document."""
    check_document(title, version)
    checked = accept(file.name, file.data)
    mine = me(db)
    if document_id is not None:
        known = store.document(db, document_id)
        if known is None:
            raise LookupError("no such document")
        if known.author != mine:
            raise NotAllowed("not_author")
    doc = SharedDocument(document_id or new_id(), title.strip(), version.strip(), _now(db),
                         mine, tuple(dict.fromkeys(r for r in audience if r != mine)),
                         checked.name, checked.content_type, checked.size)
    with db.unit_of_work() as uow:
        store.put_document(uow, doc, checked.data)
    return doc


@dataclass(frozen=True)
class LibraryView:
    documents: list[SharedDocument]
    names: dict[str, str]

    def name(self, rpps: str) -> str:
        return self.names.get(rpps) or rpps


def library(db: Database) -> LibraryView:
    docs = store.documents(db)
    return LibraryView(docs, store.names(db, [r for d in docs for r in (d.author, *d.audience)]))


def document_file(db: Database, document_id: str) -> Attachment:
    """The document's file, for an explicit "Save as"."""
    doc, data = store.document(db, document_id), store.document_data(db, document_id)
    if doc is None or data is None:
        raise LookupError("no such document")
    return Attachment(doc.file_name, doc.content_type, data)
