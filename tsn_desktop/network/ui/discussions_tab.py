"""The "Discussions" tab of the patient file: the patient's case discussions and the
decisions filed from them; a new discussion about the patient starts here."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.feature import FeatureContext
from tsn_desktop.network import service
from tsn_desktop.network.service import ThreadView
from tsn_desktop.network.ui.dialogs import (
    DiscussionDialog,
    confirm_share,
    problem_code,
    share_names,
)
from tsn_desktop.network.ui.models import ThreadListModel, post_text
from tsn_desktop.ui.formatting import datetime_text
from tsn_desktop.ui.forms import row_table


class DiscussionsTab(QWidget):
    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner
        self.patient: Any = None
        self.model = ThreadListModel(self)
        self.table = row_table(self, self.model, self.tr("The patient's discussions"),
                               selection=QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            ThreadListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(ThreadListModel.PATIENT, True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAccessibleName(self.tr("Discussion and decision"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(self.tr("No discussion about this patient yet."), self)
        self.new_button = QPushButton(self.tr("&New discussion about this patient…"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.new_button.clicked.connect(self.new_discussion)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._chosen())
        self.runner.records_changed.connect(self._records_changed)
        self.dialog: Any = None

    def title(self) -> str:
        return self.tr("Discussi&ons")

    def show_patient(self, patient: Any, today: date) -> None:
        self.patient = patient
        self.refresh()

    def clear(self) -> None:
        self.patient = None
        self.model.set_threads([])
        self.detail.clear()

    def has_unsaved(self) -> bool:
        return False

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self.patient is not None and service.POST in changed.types():
            self.refresh()

    def refresh(self) -> None:
        if self.patient is None:
            return
        patient_id = self.patient.id
        self.runner.run(lambda db: service.discussions(db, patient_id), self._loaded,
                        owner=self)

    def _loaded(self, views: list[ThreadView]) -> None:
        self.model.set_threads(views)
        self.empty.setVisible(not views)
        if views:
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _chosen(self) -> None:
        view = self.model.view(self.table.currentIndex().row())
        if view is None:
            return
        thread = view.thread
        lines = [thread.title,
                 self.tr("Asked by %1 on %2").replace("%1", view.name(thread.requester))
                 .replace("%2", datetime_text(thread.opening.sent_at))]
        if thread.opening.opening is not None:
            lines.append(self.tr("Question: %1").replace("%1", thread.opening.opening.question))
        if thread.decision is not None:
            lines.append(self.tr("Decision (%1): %2")
                         .replace("%1", datetime_text(thread.decision.sent_at))
                         .replace("%2", thread.decision.body))
        else:
            lines.append(self.tr("Still open."))
        for shown in thread.messages[-3:]:
            lines.append(post_text(view, shown))
        self.detail.setText("\n".join(lines))

    def new_discussion(self) -> None:
        if self.patient is None:
            return
        dialog = DiscussionDialog(self.runner, (self.patient.id, self.patient.display_name),
                                  self)
        dialog.set_due_minimum(self.context.clock.today())
        dialog.on_send = lambda value, share: self._send(dialog, value, share)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _send(self, dialog: Any, value: Any, share: bool) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, service.NotInCareTeam):
                def ask(names: list[str]) -> None:
                    if confirm_share(dialog, names):
                        self._send(dialog, value, True)
                self.runner.run(lambda db: share_names(db, exc.rpps), ask, owner=self)
                return
            code = problem_code(exc)
            if code is None:
                raise exc
            dialog.show_problem(code)

        def sent(_thread: object) -> None:
            dialog.accept()
            self.refresh()

        self.runner.run(lambda db: service.open_discussion(
            db, value.opening, value.participants, value.patient_id, share), sent, failed,
            owner=dialog)
