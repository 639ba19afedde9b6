"""The professional network's records and pure rules: directory entries, discussion posts,
threads built from their posts (edits, withdrawals, receipts, decision), the inbox."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from tsn_desktop.feature import InboxEntry
from tsn_desktop.network.attachments import AttachmentInfo

# Kinds of post (FHIR Communication.category, docs/sync-protocol.md §17).
OPENING = "opening"  # the structured opening of a case discussion (ECIP)
REPLY = "reply"
JOINED = "joined"  # a participant added to the thread
DECISION = "decision"  # the requester closes the discussion with a decision summary
RECEIPT = "receipt"  # "read up to this post", never shown as a message
KINDS = frozenset({OPENING, REPLY, JOINED, DECISION, RECEIPT})

MAX_TEXT = 20_000
MAX_TITLE = 200

# Where a post is on its way to the colleagues (codes; ui/texts words them).
WAITING = "waiting"  # written here, not yet accepted by the hub
SENT = "sent"
REFUSED = "refused"  # the hub said no: `refusal` says why

# Inbox item kinds.
UNREAD = "unread"
NO_ANSWER = "no_answer"
ANSWER_DUE = "answer_due"
TASK_OVERDUE = "task_overdue"  # a return-home pathway task past its due date
TASK_DUE = "task_due"  # one of mine, due today


@dataclass(frozen=True)
class DirectoryEntry:
    """A professional of the shared directory (the hub's Practitioner entries)."""

    rpps: str
    family_name: str
    given_names: str = ""
    profession: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    secure_mail: str = ""  # MSSanté address
    active: bool = True

    @property
    def display_name(self) -> str:
        return f"{self.given_names} {self.family_name.upper()}".strip()


@dataclass(frozen=True)
class Opening:
    """The structured opening of a case discussion: the question asked, its context,
    what is expected, and by when (optional)."""

    title: str
    question: str
    context: str = ""
    expected: str = ""
    due: date | None = None


@dataclass(frozen=True)
class Post:
    id: str
    thread_id: str
    kind: str
    sender: str  # RPPS
    recipients: tuple[str, ...]
    sent_at: datetime  # the author's clock, UTC
    body: str = ""
    patient_id: str | None = None
    in_response_to: str | None = None
    replaces: str | None = None  # an edit names the post it replaces
    opening: Opening | None = None
    withdrawn: bool = False
    received_at: datetime | None = None  # the hub's receipt time, once known
    read_here: bool = True
    state: str = SENT
    refusal: str = ""
    attachments: tuple[AttachmentInfo, ...] = ()


@dataclass(frozen=True)
class ShownPost:
    """A message as the thread shows it: its latest version (`edited` when there are
    several), or a "message withdrawn" tombstone."""

    post: Post
    edited: bool = False
    newcomers: tuple[str, ...] = ()  # a "joined" post: who it added

    @property
    def withdrawn(self) -> bool:
        return self.post.withdrawn


@dataclass(frozen=True)
class Thread:
    id: str
    opening: Post
    messages: tuple[ShownPost, ...]  # replies, joins, decision: by author's sent time
    participants: tuple[str, ...]  # RPPS, requester first, then in order of arrival
    decision: Post | None
    read_by: dict[str, datetime] = field(default_factory=dict)  # RPPS -> read up to (sent)
    unread: int = 0

    @property
    def requester(self) -> str:
        return self.opening.sender

    @property
    def closed(self) -> bool:
        return self.decision is not None

    @property
    def patient_id(self) -> str | None:
        return self.opening.patient_id

    @property
    def title(self) -> str:
        return self.opening.opening.title if self.opening.opening else ""

    @property
    def last_activity(self) -> datetime:
        times = [self.opening.sent_at, *(m.post.sent_at for m in self.messages)]
        return max(times)

    @property
    def waiting(self) -> int:
        """Posts of this thread written here and not yet on the hub."""
        return sum(1 for p in self._all() if p.state == WAITING)

    @property
    def refused(self) -> list[Post]:
        return [p for p in self._all() if p.state == REFUSED]

    def _all(self) -> list[Post]:
        return [self.opening, *(m.post for m in self.messages)]

    def answered_by_others(self) -> bool:
        return any(m.post.sender != self.requester and m.post.kind in (REPLY, DECISION)
                   for m in self.messages)

    def read_receipts(self) -> list[tuple[str, datetime | None]]:
        """Each participant with the sent time of the last post they have read (None:
        nothing read yet, as far as this desktop knows)."""
        return [(rpps, self.read_by.get(rpps)) for rpps in self.participants]


class InvalidPost(ValueError):
    """A post refused as typed; `code` says what to fix (ui/texts words it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_opening(opening: Opening, participants: Sequence[str], me: str) -> None:
    if not opening.title.strip():
        raise InvalidPost("no_title")
    if not opening.question.strip():
        raise InvalidPost("no_question")
    if not [p for p in participants if p != me]:
        raise InvalidPost("no_participant")
    check_text(" ".join((opening.question, opening.context, opening.expected)))
    if len(opening.title) > MAX_TITLE:
        raise InvalidPost("too_long")


def check_text(text: str, required: bool = False) -> None:
    if required and not text.strip():
        raise InvalidPost("empty")
    if len(text) > MAX_TEXT:
        raise InvalidPost("too_long")


def opening_text(opening: Opening) -> str:
    """The opening as one text, for FHIR readers that do not know the structure."""
    parts = [opening.question.strip()]
    if opening.context.strip():
        parts.append(opening.context.strip())
    if opening.expected.strip():
        parts.append(opening.expected.strip())
    return "\n\n".join(parts)


def _order(post: Post) -> tuple[datetime, str]:
    return post.sent_at, post.id


def build_thread(posts: Iterable[Post], me: str) -> Thread | None:
    """The thread as shown from its posts (any order); None without its opening post
    (a reply can arrive before the opening it answers)."""
    posts = sorted(posts, key=_order)
    opening = next((p for p in posts if p.kind == OPENING and p.replaces is None), None)
    if opening is None:
        return None
    participants: list[str] = []
    for post in posts:
        for rpps in (post.sender, *post.recipients):
            if rpps not in participants:
                participants.append(rpps)
    participants.sort(key=lambda r: r != opening.sender)  # requester first, stable
    latest: dict[str, Post] = {}  # original id -> its latest version
    edited: set[str] = set()
    read_by: dict[str, datetime] = {}
    by_id = {p.id: p for p in posts}
    for post in posts:
        if post.kind == RECEIPT:
            answered = by_id.get(post.in_response_to or "")
            upto = answered.sent_at if answered else post.sent_at
            if post.sender not in read_by or read_by[post.sender] < upto:
                read_by[post.sender] = upto
            continue
        root = _original(post, by_id)
        if root != post.id:
            # An edit counts only from the author of what it replaces.
            if by_id[root].sender != post.sender:
                continue
            edited.add(root)
        # The version furthest down the chain of edits wins (its author wrote it after
        # the one it replaces, whatever the clocks say).
        if root not in latest or _version(latest[root], by_id) <= _version(post, by_id):
            latest[root] = post
    for post in posts:  # a withdrawn original withdraws every version of it
        root = _original(post, by_id)
        if post.withdrawn and root in latest and post.sender == by_id[root].sender:
            latest[root] = _withdrawn(latest[root])
    first = latest[opening.id]
    newcomers: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for post in posts:
        named = (post.sender, *post.recipients)
        if post.kind == JOINED:
            newcomers[post.id] = tuple(r for r in named if r not in seen)
        seen.update(named)
    messages = []
    decision = None
    for root, post in sorted(latest.items(), key=lambda kv: _order(by_id[kv[0]])):
        if root == opening.id:
            continue
        original = by_id[root]
        if original.kind == DECISION and original.sender == opening.sender and decision is None:
            decision = post
        messages.append(ShownPost(post, edited=root in edited,
                                  newcomers=newcomers.get(root, ())))
    # Counted as messages shown: an edited message unread in two versions is one.
    unread = len({_original(p, by_id) for p in posts
                  if not p.read_here and p.kind != RECEIPT and p.sender != me})
    for rpps in participants:  # the author of a post has read the thread up to it
        own = [p.sent_at for p in posts if p.sender == rpps and p.kind != RECEIPT]
        if own and (rpps not in read_by or read_by[rpps] < max(own)):
            read_by[rpps] = max(own)
    return Thread(opening.id, first, tuple(messages), tuple(participants), decision,
                  read_by, unread)


def _original(post: Post, by_id: dict[str, Post]) -> str:
    """The first version's id of an edited post (edits may chain)."""
    seen = {post.id}
    while post.replaces and post.replaces in by_id and post.replaces not in seen:
        post = by_id[post.replaces]
        seen.add(post.id)
    return post.id


def _version(post: Post, by_id: dict[str, Post]) -> tuple[int, datetime, str]:
    depth, seen, current = 0, {post.id}, post
    while current.replaces and current.replaces in by_id and current.replaces not in seen:
        current = by_id[current.replaces]
        seen.add(current.id)
        depth += 1
    return depth, post.sent_at, post.id


def _withdrawn(post: Post) -> Post:
    return replace(post, withdrawn=True)


def recipients_for(thread: Thread, me: str, also: Iterable[str] = ()) -> tuple[str, ...]:
    """Who a new post of mine in the thread names: everyone in it, and the newcomers."""
    named = [p for p in thread.participants if p != me]
    for rpps in also:
        if rpps != me and rpps not in named:
            named.append(rpps)
    return tuple(named)


# --- inbox -------------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxItem:
    key: str  # stable: marking done or snoozing remembers it
    kind: str
    thread_id: str
    title: str
    patient_id: str | None
    since: datetime
    due: date | None = None
    count: int = 0
    important: bool = False
    task_id: str = ""  # a pathway task's line (thread_id is then the pathway)
    entry: InboxEntry | None = None  # another feature's (a recall, a reading alert)


def foreign_item(entry: InboxEntry) -> InboxItem:
    """Another feature's entry as an inbox item (no thread: it opens the patient's file)."""
    return InboxItem(entry.key, entry.kind, "", entry.subject, entry.patient_id, entry.since,
                     due=entry.due, important=entry.important, entry=entry)


def inbox_items(threads: Iterable[Thread], me: str, now: datetime,
                no_answer_days: int) -> list[InboxItem]:
    """What needs the practitioner: unread replies, their own discussions with no answer
    after `no_answer_days`, and questions put to them whose answer is due."""
    items: list[InboxItem] = []
    for thread in threads:
        if thread.unread:
            last = thread.last_activity
            items.append(InboxItem(f"{UNREAD}:{thread.id}:{last.isoformat()}", UNREAD,
                                   thread.id, thread.title, thread.patient_id, last,
                                   count=thread.unread))
        if thread.closed:
            continue
        due = thread.opening.opening.due if thread.opening.opening else None
        if (thread.requester == me and not thread.answered_by_others()
                and now - thread.opening.sent_at >= timedelta(days=no_answer_days)):
            items.append(InboxItem(f"{NO_ANSWER}:{thread.id}", NO_ANSWER, thread.id,
                                   thread.title, thread.patient_id, thread.opening.sent_at,
                                   due=due, important=True))
        if (thread.requester != me and due is not None and due <= now.date()
                and not any(m.post.sender == me and m.post.kind == REPLY
                            for m in thread.messages)):
            items.append(InboxItem(f"{ANSWER_DUE}:{thread.id}", ANSWER_DUE, thread.id,
                                   thread.title, thread.patient_id, thread.opening.sent_at,
                                   due=due, important=due < now.date()))
    items.sort(key=lambda i: (not i.important, i.due or date.max, -i.since.timestamp()))
    return items


# --- directory search ---------------------------------------------------------------------
# Words a profession is found by, in the UI languages (search data, not wording).
PROFESSION_WORDS = {
    "general_practitioner": "médecin généraliste MG general practitioner GP",
    "nurse": "infirmier infirmière IDE nurse",
    "pharmacist": "pharmacien pharmacienne officine pharmacist",
    "midwife": "sage-femme maïeuticien midwife",
    "surgeon": "chirurgien chirurgienne surgeon",
    "physiotherapist": "masseur kinésithérapeute kiné physiotherapist",
    "biologist": "biologiste laboratoire biologist",
}
_LIGATURES = str.maketrans({"Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case, accents removed, letters and digits in single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9A-Za-z]+", " ", bare).lower().split())


def search_terms(text: str) -> list[str]:
    """The words of a search as typed, folded: each must start a word of the entry."""
    return fold(text).split()[:8]
