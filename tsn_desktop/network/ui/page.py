"""The Network navigation page: the inbox, the case discussions with the open thread, and
the directory; refreshes itself on "records changed" and counts unread replies for the
navigation."""

from __future__ import annotations

import os
from datetime import timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.feature import FeatureContext
from tsn_desktop.network import service
from tsn_desktop.network.attachments import (
    MAX_BYTES,
    Attachment,
    AttachmentInfo,
    RefusedAttachment,
    accept,
    check_count,
)
from tsn_desktop.network.model import REPLY, DirectoryEntry
from tsn_desktop.network.options import NO_ANSWER_DAYS
from tsn_desktop.network.service import InboxRow, ThreadView
from tsn_desktop.network.ui import texts
from tsn_desktop.network.ui.dialogs import (
    DirectorySearch,
    DiscussionDialog,
    NewDiscussion,
    OwnEntryDialog,
    PickColleagueDialog,
    TextDialog,
    confirm_discard,
    confirm_share,
    problem_code,
    share_names,
)
from tsn_desktop.network.ui.library import LibraryTab
from tsn_desktop.network.ui.models import (
    LATEST_SHOWN,
    InboxModel,
    PostsModel,
    ThreadListModel,
)
from tsn_desktop.ui.formatting import date_text, datetime_text
from tsn_desktop.ui.forms import error_label, row_table

# The network's own records; other features name theirs (Feature.inbox_records).
_WATCHED = frozenset({service.POST, service.ENTRY, "Patient"})


def choose_file(parent: QWidget) -> str:
    """The file to attach, or "" (tests replace this function)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate(
            "NetworkDialogs", "Attach a PDF or an image (180 kB at most)"), "",
        QCoreApplication.translate("NetworkDialogs", "PDF and images (*.pdf *.png *.jpg *.jpeg)"))
    return path


def choose_save_path(parent: QWidget, name: str) -> str:
    """Where to write an attachment in clear, or "" (tests replace this function)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("NetworkDialogs", "Save the attachment as"), name)
    return path


def amount_kb(size: int) -> str:
    return f"{max(1, round(size / 1000))} kB"


def confirm_withdraw(parent: QWidget) -> bool:
    """True when the user confirms withdrawing their message (tests replace this)."""
    return QMessageBox.question(
        parent, QCoreApplication.translate("NetworkDialogs", "Withdraw the message"),
        QCoreApplication.translate(
            "NetworkDialogs",
            "The participants will see \"message withdrawn\" instead. Withdraw it?")
    ) == QMessageBox.StandardButton.Yes


class ThreadPanel(QWidget):
    """One discussion: its structured opening, who takes part and how far they have read,
    its messages, and the reply box (kept while the thread is open: nothing typed is lost)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ThreadView | None = None
        self.me = ""
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setAccessibleName(self.tr("Discussion opening"))
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.people = QLabel(self)
        self.people.setWordWrap(True)
        self.people.setAccessibleName(self.tr("Participants and what they have read"))
        self.model = PostsModel(self)
        self.posts = QListView(self)
        self.posts.setModel(self.model)
        self.posts.setWordWrap(True)
        self.posts.setUniformItemSizes(False)
        self.posts.setAlternatingRowColors(True)
        self.posts.setAccessibleName(self.tr("Messages"))
        self.posts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier = QPushButton(self)
        self.earlier.clicked.connect(self.show_all)
        self.reply = QPlainTextEdit(self)
        self.reply.setAccessibleName(self.tr("Your reply"))
        self.reply.setPlaceholderText(self.tr("Your reply (Ctrl+Enter sends it, even offline)"))
        self.reply.setMaximumHeight(110)
        self.reply.setTabChangesFocus(True)
        self.send = QPushButton(self.tr("&Send"), self)
        self.add = QPushButton(self.tr("Add a &participant…"), self)
        self.edit = QPushButton(self.tr("&Edit my message…"), self)
        self.withdraw = QPushButton(self.tr("&Withdraw my message"), self)
        self.close_button = QPushButton(self.tr("C&lose with a decision…"), self)
        self.attach = QPushButton(self.tr("A&ttach a file…"), self)
        self.attach.setToolTip(self.tr("A PDF or an image, 180 kB at most; it is kept "
                                       "encrypted in your profile."))
        self.save_as = QPushButton(self.tr("Save the attac&hments as…"), self)
        self.attached = QLabel(self)
        self.attached.setWordWrap(True)
        self.attached.setAccessibleName(self.tr("Files attached to the reply"))
        self.files: list[Attachment] = []
        self.error = error_label(self, "threadError", self.tr("Problem"))
        # Two short rows rather than one long one: the page fits a small laptop screen.
        buttons = QVBoxLayout()
        for row in ((self.send, self.attach, self.add), (self.edit, self.withdraw),
                    (self.close_button, self.save_as)):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            line.addStretch(1)
            buttons.addLayout(line)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.people)
        layout.addWidget(self.earlier)
        layout.addWidget(self.posts, 1)
        layout.addWidget(self.reply)
        layout.addWidget(self.attached)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.set_view(None, "")

    def set_view(self, view: ThreadView | None, me: str) -> None:
        same = view is not None and self.view is not None and view.thread.id == self.view.thread.id
        if not same:
            self.reply.clear()  # only when another thread is shown: a refresh keeps it
            self.set_files([])
        self.view, self.me = view, me
        self.model.set_view(view, me, None if same and not self.model.hidden else LATEST_SHOWN)
        self._show_earlier_button()
        self.error.hide()
        enabled = view is not None
        for widget in (self.reply, self.send, self.add, self.edit, self.withdraw,
                       self.attach):
            widget.setEnabled(enabled and not (view and view.thread.closed))
        self.close_button.setEnabled(bool(view and not view.thread.closed
                                          and view.thread.requester == me))
        if view is None:
            self.header.setText(self.tr("Choose a discussion, or open a new one (Ctrl+N)."))
            self.people.clear()
            return
        self.header.setText(self._opening_text(view))
        self.people.setText(self._people_text(view))
        if self.model.rowCount():
            self.posts.scrollToBottom()

    def _show_earlier_button(self) -> None:
        self.earlier.setVisible(self.model.hidden > 0)
        self.earlier.setText(self.tr("Show %n earlier message(s)", "", self.model.hidden))

    def show_all(self) -> None:
        self.model.set_view(self.view, self.me, None)
        self._show_earlier_button()

    def _opening_text(self, view: ThreadView) -> str:
        thread = view.thread
        opening = thread.opening.opening
        lines = [thread.title]
        if view.patient_name:
            lines.append(self.tr("Patient: %1").replace("%1", view.patient_name))
        lines.append(self.tr("Asked by %1 on %2").replace("%1", view.name(thread.requester))
                     .replace("%2", datetime_text(thread.opening.sent_at)))
        if thread.opening.state != "sent":
            lines.append(texts.state_text(thread.opening.state)
                         + (f": {thread.opening.refusal}" if thread.opening.refusal else ""))
        if opening is not None:
            lines.append(self.tr("Question: %1").replace("%1", opening.question))
            if opening.context:
                lines.append(self.tr("Context: %1").replace("%1", opening.context))
            if opening.expected:
                lines.append(self.tr("Expected: %1").replace("%1", opening.expected))
            if opening.due:
                lines.append(self.tr("Answer wanted by %1").replace("%1", date_text(opening.due)))
        if thread.decision is not None:
            lines.append(self.tr("Closed. Decision: %1").replace("%1", thread.decision.body))
        return "\n".join(lines)

    def _people_text(self, view: ThreadView) -> str:
        parts = []
        for rpps, upto in view.thread.read_receipts():
            name = view.name(rpps)
            if upto is None:
                parts.append(self.tr("%1 (not read yet)").replace("%1", name))
            else:
                parts.append(self.tr("%1 (read up to %2)").replace("%1", name)
                             .replace("%2", datetime_text(upto)))
        return self.tr("Participants: %1").replace("%1", "; ".join(parts))

    def set_files(self, files: list[Attachment]) -> None:
        self.files = files
        self.attached.setVisible(bool(files))
        self.attached.setText(self.tr("Attached: %1").replace(
            "%1", ", ".join(f"{f.name} ({amount_kb(f.size)})" for f in files)))

    def selected_attachments(self) -> list[AttachmentInfo]:
        shown = self.model.shown(self.posts.currentIndex().row())
        return list(shown.post.attachments) if shown and not shown.withdrawn else []

    def own_selected(self) -> str | None:
        shown = self.model.shown(self.posts.currentIndex().row())
        if shown is None or shown.post.sender != self.me or shown.withdrawn:
            return None
        return shown.post.id

    def show_problem(self, code: str) -> None:
        self.error.setText(texts.problem_text(code))
        self.error.show()


class NetworkPage(QWidget):
    """Inbox, discussions, directory: three tabs (Alt+1..3), Ctrl+N opens a discussion."""

    navigation_badge = Signal(int)  # unread replies, shown on the navigation entry

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner
        self.me = context.practitioner.rpps
        self.dialog: DiscussionDialog | None = None
        self.own_entry_dialog: OwnEntryDialog | None = None
        self.current_thread: str | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Network"))
        # Inbox
        self.inbox_model = InboxModel(self, context.inbox_words)
        self.inbox = row_table(self, self.inbox_model, self.tr("Inbox"),
                               selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.inbox.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(InboxModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.inbox_filter = QComboBox(self)
        self.inbox_filter.setAccessibleName(self.tr("Show"))
        self.inbox_filter.addItem(self.tr("Everything"), "")
        for code, words in texts.inbox_kinds():
            self.inbox_filter.addItem(words, code)
        self.show_done = QCheckBox(self.tr("Show &done items"), self)
        self.open_item = QPushButton(self.tr("&Open"), self)
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        self.snooze_button = QPushButton(self.tr("S&nooze until tomorrow"), self)
        inbox_page = QWidget(self)
        inbox_layout = QVBoxLayout(inbox_page)
        for row in ((self.inbox_filter, self.show_done),
                    (self.open_item, self.done_button, self.snooze_button)):
            line = QHBoxLayout()
            for widget in row:
                line.addWidget(widget)
            line.addStretch(1)
            inbox_layout.addLayout(line)
        inbox_layout.addWidget(self.inbox, 1)
        self.inbox_empty = QLabel(self.tr("Nothing waits for you."), inbox_page)
        inbox_layout.addWidget(self.inbox_empty)
        self.inbox_note = QLabel(inbox_page)
        self.inbox_note.setWordWrap(True)
        self.inbox_note.hide()
        inbox_layout.addWidget(self.inbox_note)
        # Discussions
        self.threads_model = ThreadListModel(self)
        self.threads = row_table(self, self.threads_model, self.tr("Discussions"),
                                 selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.threads.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ThreadListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ThreadListModel.PEOPLE, QHeaderView.ResizeMode.Interactive)
        self.new_button = QPushButton(self.tr("&New discussion… (Ctrl+N)"), self)
        self.panel = ThreadPanel(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.threads, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 2)
        # Directory
        self.directory = DirectorySearch(self.runner, self, limit=200)
        self.directory_count = QLabel(self)
        self.own_entry_button = QPushButton(self.tr("&My directory entry…"), self)
        self.own_entry_button.clicked.connect(self.edit_own_entry)
        directory_page = QWidget(self)
        directory_layout = QVBoxLayout(directory_page)
        directory_layout.addWidget(self.directory, 1)
        directory_bar = QHBoxLayout()
        directory_bar.addWidget(self.directory_count, 1)
        directory_bar.addWidget(self.own_entry_button)
        directory_layout.addLayout(directory_bar)

        self.tabs.addTab(inbox_page, self.tr("&Inbox"))
        self.tabs.addTab(splitter, self.tr("&Discussions"))
        self.tabs.addTab(directory_page, self.tr("Di&rectory"))
        self.library = LibraryTab(self.runner, self.me, lambda parent: choose_file(parent),
                                  lambda parent, name: choose_save_path(parent, name), self)
        self.tabs.addTab(self.library, self.tr("Re&sources"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.inbox)

        self.new_action = QAction(self.tr("&New discussion…"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda: self.new_discussion())
        self.send_action = QAction(self.tr("&Send the reply"), self)
        self.send_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_action.triggered.connect(self.send_reply)
        self.tabs.tabBar().setAccessibleName(self.tr("Network views"))
        for widget in self.findChildren(QPushButton) + self.findChildren(QCheckBox):
            if not widget.accessibleName():
                widget.setAccessibleName(widget.text().replace("&", ""))
        self.new_button.clicked.connect(self.new_discussion)
        self.panel.send.clicked.connect(self.send_reply)
        self.panel.add.clicked.connect(self.add_participant)
        self.panel.edit.clicked.connect(self.edit_post)
        self.panel.withdraw.clicked.connect(self.withdraw_post)
        self.panel.close_button.clicked.connect(self.close_discussion)
        self.panel.attach.clicked.connect(self.attach_file)
        self.panel.save_as.clicked.connect(self.save_attachments)
        self.threads.selectionModel().currentRowChanged.connect(lambda *_: self._thread_chosen())
        self.inbox.doubleClicked.connect(lambda _i: self.open_inbox_item())
        self.open_item.clicked.connect(self.open_inbox_item)
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button.clicked.connect(self.snooze)
        self.inbox_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_done.toggled.connect(lambda _c: self.refresh())
        self.runner.records_changed.connect(self._records_changed)
        self._inbox_rows: list[InboxRow] = []
        self.refresh()

    def menu_actions(self) -> list[QAction]:
        """For the main window's "Network" menu (window-wide while this page is shown)."""
        return [self.new_action, self.send_action]

    # --- loading ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Other features' entries change without a record (a recall), or with the day.
        super().showEvent(event)
        self.refresh()

    def _records_changed(self, changed: RecordsChanged) -> None:
        if changed.types() & (_WATCHED | self.context.inbox_records()):
            self.refresh()

    def refresh(self) -> None:
        days = self.context.settings.get(NO_ANSWER_DAYS)
        show_done = self.show_done.isChecked()

        providers = self.context.inbox_providers()

        def load(db: Any) -> tuple[list[ThreadView], list[InboxRow], int, int]:
            rows = service.inbox(db, days, show_done, providers)
            return (service.discussions(db), rows, service.badge_count(db, rows),
                    service.directory_count(db))

        self.runner.run(load, self._loaded, owner=self)
        self.library.refresh()

    def _loaded(self, result: tuple[list[ThreadView], list[InboxRow], int, int]) -> None:
        views, rows, unread, entries = result
        kind = self.inbox_filter.currentData()
        self._inbox_rows = [r for r in rows if not kind or r.item.kind == kind]
        self.inbox_model.set_rows(self._inbox_rows)
        self.inbox_empty.setVisible(not self._inbox_rows)
        self.threads_model.set_threads(views)
        self.directory_count.setText(self.tr("%n colleague(s) in the directory kept on this "
                                             "computer", "", entries))
        self.navigation_badge.emit(unread)
        if self.current_thread:
            row = self.threads_model.row_of(self.current_thread)
            if row >= 0:
                self.threads.selectRow(row)
                self.panel.set_view(self.threads_model.view(row), self.me)

    def _thread_chosen(self) -> None:
        view = self.threads_model.view(self.threads.currentIndex().row())
        if view is None:
            return
        if view.thread.id != self.current_thread and self.panel.reply.toPlainText().strip():
            if not confirm_discard(self):
                row = self.threads_model.row_of(self.current_thread or "")
                self.threads.selectRow(row)
                return
        self.current_thread = view.thread.id
        self.panel.set_view(view, self.me)
        if view.thread.unread:
            self.runner.run(lambda db: service.mark_read(db, view.thread.id), owner=self)

    def open_thread(self, thread_id: str) -> None:
        self.tabs.setCurrentIndex(1)
        row = self.threads_model.row_of(thread_id)
        if row >= 0:
            self.threads.selectRow(row)
        self.panel.reply.setFocus()

    # --- discussions ----------------------------------------------------------------------
    def new_discussion(self, patient: tuple[str, str] | None = None) -> DiscussionDialog:
        dialog = DiscussionDialog(self.runner, patient if isinstance(patient, tuple) else None,
                                  self)
        dialog.set_due_minimum(self.context.clock.today())
        dialog.on_send = lambda value, share: self._send_discussion(dialog, value, share)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _send_discussion(self, dialog: DiscussionDialog, value: NewDiscussion,
                         share: bool) -> None:
        def sent(thread: Any) -> None:
            self.current_thread = thread.id
            dialog.accept()
            self.tabs.setCurrentIndex(1)
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, service.NotInCareTeam):
                self.runner.run(lambda db: share_names(db, exc.rpps),
                                lambda names: self._ask_share(dialog, value, names), owner=self)
                return
            code = problem_code(exc)
            if code is None:
                raise exc
            dialog.show_problem(code)

        self.runner.run(lambda db: service.open_discussion(
            db, value.opening, value.participants, value.patient_id, share), sent, failed,
            owner=dialog)

    def _ask_share(self, dialog: DiscussionDialog, value: NewDiscussion,
                   names: list[str]) -> None:
        if confirm_share(dialog, names):
            self._send_discussion(dialog, value, True)

    def send_reply(self) -> None:
        view = self.panel.view
        text = self.panel.reply.toPlainText()
        if view is None:
            return
        if not text.strip() and not self.panel.files:
            self.panel.show_problem("empty")
            return

        files = list(self.panel.files)

        def sent(_post: Any) -> None:
            self.panel.reply.clear()  # only once it is stored: nothing typed is lost
            self.panel.set_files([])
            self.refresh()

        self.runner.run(lambda db: service.reply(db, view.thread.id, text, files=files), sent,
                        self._failed, owner=self)

    def attach_file(self) -> None:
        """Reads the chosen file into the reply (checked by its content and size now, so
        the user knows at once; its bytes go only into the encrypted profile)."""
        path = choose_file(self)
        if not path:
            return
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise RefusedAttachment("too_large")
            with open(path, "rb") as source:
                file = accept(os.path.basename(path), source.read())
            check_count(len(self.panel.files) + 1)
        except RefusedAttachment as refused:
            self.panel.show_problem(f"attachment_{refused.code}")
            return
        except OSError:
            self.panel.show_problem("attachment_unreadable")
            return
        self.panel.set_files([*self.panel.files, file])

    def save_attachments(self) -> None:
        """Writes the selected message's attachments where the user says: the one way an
        attachment leaves the encrypted profile in clear."""
        for info in self.panel.selected_attachments():
            path = choose_save_path(self, info.name)
            if not path:
                return

            def write(file: Attachment, path: str = path) -> None:
                with open(path, "wb") as target:
                    target.write(file.data)

            self.runner.run(partial(service.attachment, attachment_id=info.id), write,
                            owner=self)

    def _failed(self, exc: BaseException) -> None:
        code = problem_code(exc)
        if code is None:
            raise exc
        self.panel.show_problem(code)

    def add_participant(self) -> None:
        view = self.panel.view
        if view is None:
            return
        dialog = PickColleagueDialog(self.runner, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        self._add(view, dialog.chosen.rpps, dialog.chosen.display_name, False)

    def _add(self, view: ThreadView, rpps: str, name: str, share: bool) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, service.NotInCareTeam):
                if confirm_share(self, [name]):
                    self._add(view, rpps, name, True)
                return
            self._failed(exc)

        self.runner.run(lambda db: service.add_participant(db, view.thread.id, rpps, share),
                        lambda _p: self.refresh(), failed, owner=self)

    def edit_post(self) -> None:
        post_id = self.panel.own_selected()
        shown = self.panel.model.shown(self.panel.posts.currentIndex().row())
        if post_id is None or shown is None or shown.post.kind != REPLY:
            self.panel.show_problem("not_author")
            return
        dialog = TextDialog(self.tr("Edit my message"),
                            self.tr("The new version replaces the old one, marked as edited."),
                            shown.post.body, self)
        if dialog.exec():
            text = dialog.text()
            self.runner.run(lambda db: service.edit_post(db, post_id, text),
                            lambda _p: self.refresh(), self._failed, owner=self)

    def withdraw_post(self) -> None:
        post_id = self.panel.own_selected()
        if post_id is None:
            self.panel.show_problem("not_author")
            return
        if not confirm_withdraw(self):
            return
        self.runner.run(lambda db: service.withdraw_post(db, post_id),
                        lambda _r: self.refresh(), self._failed, owner=self)

    def close_discussion(self) -> None:
        view = self.panel.view
        if view is None:
            return
        dialog = TextDialog(self.tr("Close with a decision"),
                            self.tr("The decision summary is filed in the patient's file "
                                    "and sent to every participant."), "", self)
        if dialog.exec():
            decision = dialog.text()
            self.runner.run(lambda db: service.close_discussion(db, view.thread.id, decision),
                            lambda _p: self.refresh(), self._failed, owner=self)

    def edit_own_entry(self) -> None:
        """Opens one's own directory entry (as the hub's directory last gave it, or from the
        profile when it was never pulled)."""
        who = self.context.practitioner

        def edit(entry: DirectoryEntry | None) -> None:
            entry = entry or DirectoryEntry(who.rpps, who.family_name, who.given_names,
                                            who.profession, who.address, who.postal_code,
                                            who.city)
            dialog = OwnEntryDialog(entry, self)
            self.own_entry_dialog = dialog
            dialog.accepted.connect(lambda: self._save_own_entry(dialog.value()))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        self.runner.run(lambda db: service.directory_entry(db, who.rpps), edit, owner=self)

    def _save_own_entry(self, entry: DirectoryEntry) -> None:
        # The entry is read from the dialog here, on the GUI thread, before it closes.
        self.runner.run(lambda db: service.save_own_entry(db, entry),
                        lambda _r: self.directory.search(), self._failed, owner=self)

    # --- inbox ----------------------------------------------------------------------------
    def _inbox_current(self) -> InboxRow | None:
        return self.inbox_model.row_item(self.inbox.currentIndex().row())

    def open_inbox_item(self) -> None:
        row = self._inbox_current()
        if row is None:
            return
        entry = row.item.entry
        if entry is not None:  # another feature's: its patient's file deals with it
            if entry.patient_id:
                self.context.open_patient(entry.patient_id)
            return
        if row.item.task_id:  # a pathway task lives in the patient's file
            self.inbox_note.setText(self.tr("%1: open the patient's file, tab \"Return home\", "
                                            "to see the pathway and tick the task.")
                                    .replace("%1", row.patient_name or row.item.title))
            self.inbox_note.show()
            return
        self.open_thread(row.item.thread_id)

    def mark_done(self) -> None:
        row = self._inbox_current()
        if row is not None:
            self.runner.run(lambda db: service.mark_done(db, row.item, not row.done),
                            lambda _r: self.refresh(), owner=self)

    def snooze(self) -> None:
        row = self._inbox_current()
        if row is None:
            return
        until = self.context.clock.now() + timedelta(days=1)
        self.runner.run(lambda db: service.snooze(db, row.item, until),
                        lambda _r: self.refresh(), owner=self)

    # --- session --------------------------------------------------------------------------
    def has_unsaved(self) -> bool:
        return bool(self.panel.reply.toPlainText().strip())

    def on_lock(self) -> None:
        """Patient names and messages leave the widgets; a reply being typed stays."""
        self.threads_model.set_threads([])
        self.inbox_model.set_rows([])
        self.panel.model.set_view(None)
        self.library.model.set_view(service.LibraryView([], {}))
        self.panel.header.clear()
        self.panel.people.clear()

    def on_unlock(self) -> None:
        self.refresh()
