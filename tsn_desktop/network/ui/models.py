"""Qt models of the network screens: directory results, discussions, a thread's messages,
the inbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from tsn_desktop.core import identifiers
from tsn_desktop.feature import QT_TRANSLATE_NOOP, InboxEntry
from tsn_desktop.network.model import (
    DECISION,
    JOINED,
    REFUSED,
    SENT,
    DirectoryEntry,
    ShownPost,
)
from tsn_desktop.network.service import InboxRow, ThreadView
from tsn_desktop.network.ui import texts
from tsn_desktop.ui.formatting import date_text, datetime_text
from tsn_desktop.ui.rows_model import RowsMixin

_ModelIndex = QModelIndex | QPersistentModelIndex
_DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
_RED = QColor("#b71c1c")


class DirectoryModel(RowsMixin, QAbstractTableModel):
    """Directory entries found: name, profession, town, RPPS."""

    NAME, PROFESSION, TOWN, RPPS = range(4)
    COLUMN_COUNT = 4
    TITLES = (QT_TRANSLATE_NOOP("NetworkModels", "Name"),
              QT_TRANSLATE_NOOP("NetworkModels", "Profession"),
              QT_TRANSLATE_NOOP("NetworkModels", "Town"),
              QT_TRANSLATE_NOOP("NetworkModels", "RPPS"))
    TITLES_CONTEXT = "NetworkModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DirectoryEntry] = []

    def set_entries(self, entries: list[DirectoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> DirectoryEntry | None:
        found: DirectoryEntry | None = self.item(row)
        return found

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry: DirectoryEntry | None = self.item_at(index)
        if entry is None or role not in _DISPLAY:
            return None
        column = index.column()
        if column == self.NAME:
            return entry.display_name
        if column == self.PROFESSION:
            return texts.profession_text(entry.profession)
        if column == self.TOWN:
            return f"{entry.postal_code} {entry.city}".strip()
        return identifiers.format_rpps(entry.rpps)


class ThreadListModel(RowsMixin, QAbstractTableModel):
    """Discussions: title, patient, participants, last activity, where it stands."""

    TITLE, PATIENT, PEOPLE, LAST, STATE = range(5)
    COLUMN_COUNT = 5
    TITLES = (QT_TRANSLATE_NOOP("NetworkModels", "Discussion"),
              QT_TRANSLATE_NOOP("NetworkModels", "Patient"),
              QT_TRANSLATE_NOOP("NetworkModels", "Participants"),
              QT_TRANSLATE_NOOP("NetworkModels", "Last message"),
              QT_TRANSLATE_NOOP("NetworkModels", "Status"))
    TITLES_CONTEXT = "NetworkModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ThreadView] = []

    def set_threads(self, threads: list[ThreadView]) -> None:
        self.beginResetModel()
        self._rows = list(threads)
        self.endResetModel()

    def view(self, row: int) -> ThreadView | None:
        found: ThreadView | None = self.item(row)
        return found

    def row_of(self, thread_id: str) -> int:
        return next((i for i, v in enumerate(self._rows) if v.thread.id == thread_id), -1)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view: ThreadView | None = self.item_at(index)
        if view is None:
            return None
        thread = view.thread
        if role == Qt.ItemDataRole.FontRole and thread.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and thread.refused:
            return QBrush(_RED)
        if role not in _DISPLAY:
            return None
        column = index.column()
        if column == self.TITLE:
            if thread.unread:
                return f"{thread.title} ({texts.counts().new_messages(thread.unread)})"
            return thread.title
        if column == self.PATIENT:
            return view.patient_name
        if column == self.PEOPLE:
            return ", ".join(view.name(r) for r in thread.participants)
        if column == self.LAST:
            return datetime_text(thread.last_activity)
        if thread.refused:
            return texts.state_text(REFUSED)
        if thread.waiting:
            return texts.state_text("waiting")
        if thread.closed:
            return QCoreApplication.translate("NetworkModels", "Closed: decision taken")
        if thread.answered_by_others():
            return QCoreApplication.translate("NetworkModels", "Open, answered")
        return QCoreApplication.translate("NetworkModels", "Open, no answer yet")


# A long thread opens on its latest messages (laying out a thousand wrapped messages takes
# Qt a quarter of a second); the earlier ones are one click away.
LATEST_SHOWN = 150


class PostsModel(QAbstractListModel):
    """A thread's messages, one row each, oldest first (by the author's sent time)."""

    PostRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ShownPost] = []
        self._view: ThreadView | None = None
        self._me = ""
        self.hidden = 0  # earlier messages not shown yet

    def set_view(self, view: ThreadView | None, me: str = "",
                 latest: int | None = LATEST_SHOWN) -> None:
        """Shows the thread's `latest` messages (None: all of them)."""
        self.beginResetModel()
        self._view = view
        self._me = me
        messages = list(view.thread.messages) if view else []
        self.hidden = max(0, len(messages) - latest) if latest is not None else 0
        self._rows = messages[self.hidden:]
        self.endResetModel()

    def shown(self, row: int) -> ShownPost | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        shown = self.shown(index.row()) if index.isValid() else None
        if shown is None or self._view is None:
            return None
        post = shown.post
        if role == self.PostRole:
            return shown
        if role == Qt.ItemDataRole.ForegroundRole:
            if post.state == REFUSED:
                return QBrush(_RED)
            if shown.withdrawn or post.kind == JOINED:
                return QBrush(QColor("#5f6b76"))
            return None
        if role == Qt.ItemDataRole.FontRole and post.kind == DECISION:
            font = QFont()
            font.setBold(True)
            return font
        if role not in _DISPLAY:
            return None
        return post_text(self._view, shown)


def post_text(view: ThreadView, shown: ShownPost) -> str:
    """One message as the thread shows it: who, when, its state, then its words."""
    post = shown.post
    head = f"{view.name(post.sender)} · {datetime_text(post.sent_at)}"
    if shown.edited:
        head += " · " + QCoreApplication.translate("NetworkModels", "edited")
    if post.state != SENT:
        head += " · " + texts.state_text(post.state)
    if shown.withdrawn:
        return head + "\n" + QCoreApplication.translate("NetworkModels", "Message withdrawn")
    if post.kind == JOINED:
        added = ", ".join(view.name(r) for r in shown.newcomers)
        return head + "\n" + QCoreApplication.translate(
            "NetworkModels", "Added to the discussion: %1").replace("%1", added)
    body = post.body
    if post.kind == DECISION:
        body = QCoreApplication.translate("NetworkModels", "Decision: %1").replace("%1", body)
    for file in post.attachments:
        body += f"\n📎 {file.name} ({max(1, round(file.size / 1000))} kB)"
    if post.state == REFUSED and post.refusal:
        body += "\n" + QCoreApplication.translate(
            "NetworkModels", "The hub refused it: %1").replace("%1", post.refusal)
    return head + "\n" + body


class InboxModel(RowsMixin, QAbstractTableModel):
    """What needs the practitioner: kind, discussion (or another feature's subject, worded
    by `words`), patient, since, due."""

    KIND, TITLE, PATIENT, SINCE, DUE = range(5)
    COLUMN_COUNT = 5
    TITLES = (QT_TRANSLATE_NOOP("NetworkModels", "What"),
              QT_TRANSLATE_NOOP("NetworkModels", "Subject"),
              QT_TRANSLATE_NOOP("NetworkModels", "Patient"),
              QT_TRANSLATE_NOOP("NetworkModels", "Since"),
              QT_TRANSLATE_NOOP("NetworkModels", "Due"))
    TITLES_CONTEXT = "NetworkModels"

    def __init__(self, parent: QObject | None = None,
                 words: Callable[[InboxEntry], str] | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxRow] = []
        self._words = words

    def set_rows(self, rows: list[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> InboxRow | None:
        found: InboxRow | None = self.item(row)
        return found

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: InboxRow | None = self.item_at(index)
        if row is None:
            return None
        item = row.item
        if role == Qt.ItemDataRole.ForegroundRole and item.important:
            return QBrush(_RED)
        if role == Qt.ItemDataRole.FontRole and not row.done:
            font = QFont()
            font.setBold(item.important)
            return font
        if role not in _DISPLAY:
            return None
        column = index.column()
        if column == self.KIND:
            words = texts.inbox_kind_text(item.kind)
            if item.count:
                words = f"{words} ({item.count})"
            if row.done:
                words += " · " + QCoreApplication.translate("NetworkModels", "done")
            return words
        if column == self.TITLE:
            if item.entry is not None and self._words is not None:
                return self._words(item.entry)
            return item.title
        if column == self.PATIENT:
            return row.patient_name
        if column == self.SINCE:
            if item.task_id or item.entry is not None:
                return date_text(item.since.date())
            return datetime_text(item.since)
        return date_text(item.due) if item.due else ""
