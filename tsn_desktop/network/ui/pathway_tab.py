"""The "Return home" tab of the patient file: the patient's return-home pathways after day
surgery, their checklist (owner, due date; overdue in red), ticking a task done, and a new
pathway from the template (each line's words, owner and day changed before it is made)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import RecordsChanged
from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.network import service
from tsn_desktop.network.pathway import COMPLETED, InvalidPathway, PathwayTask, PlannedTask
from tsn_desktop.network.service import PathwayView
from tsn_desktop.network.ui import texts
from tsn_desktop.ui.formatting import date_text, datetime_text
from tsn_desktop.ui.forms import add_cancel_button, add_main_button, error_label, row_table
from tsn_desktop.ui.rows_model import RowsMixin

_ModelIndex = QModelIndex | QPersistentModelIndex
_RED = QColor("#b71c1c")


class TasksModel(RowsMixin, QAbstractTableModel):
    """A patient's pathway tasks: pathway, task, owner, due date, where it stands."""

    PATHWAY, TASK, OWNER, DUE, STATE = range(5)
    COLUMN_COUNT = 5
    TITLES = (QT_TRANSLATE_NOOP("PathwayModels", "Pathway"),
              QT_TRANSLATE_NOOP("PathwayModels", "Task"),
              QT_TRANSLATE_NOOP("PathwayModels", "Who"),
              QT_TRANSLATE_NOOP("PathwayModels", "Due"),
              QT_TRANSLATE_NOOP("PathwayModels", "Status"))
    TITLES_CONTEXT = "PathwayModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PathwayTask] = []
        self._view = PathwayView([], {})
        self.today = date.today()

    def set_view(self, view: PathwayView, today: date) -> None:
        self.beginResetModel()
        self._view = view
        self._rows = list(view.tasks)
        self.today = today
        self.endResetModel()

    def task(self, row: int) -> PathwayTask | None:
        found: PathwayTask | None = self.item(row)
        return found

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task: PathwayTask | None = self.item_at(index)
        if task is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and task.overdue(self.today):
            return QBrush(_RED)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.PATHWAY:
            return f"{task.pathway_title} ({date_text(task.operation_day)})"
        if column == self.TASK:
            return texts.task_text(task.what)
        if column == self.OWNER:
            return self._view.name(task.owner)
        if column == self.DUE:
            return date_text(task.due)
        return task_state(task, self._view, self.today)


def task_state(task: PathwayTask, view: PathwayView, today: date) -> str:
    if task.status == COMPLETED:
        words = QCoreApplication.translate("PathwayModels", "Done by %1 on %2").replace(
            "%1", view.name(task.done_by)).replace(
            "%2", datetime_text(task.done_at) if task.done_at else "")
    elif task.status == "cancelled":
        words = QCoreApplication.translate("PathwayModels", "Cancelled")
    elif task.overdue(today):
        words = QCoreApplication.translate("PathwayModels", "Overdue")
    else:
        words = QCoreApplication.translate("PathwayModels", "To do")
    if task.comment and task.status == COMPLETED:
        words += f" — {task.comment}"
    if task.waiting:
        words += " · " + texts.state_text("waiting")
    return words


class PathwayDialog(QDialog):
    """A new pathway: its title, the operation day, and the checklist from the template."""

    def __init__(self, plan: list[PlannedTask], people: list[tuple[str, str]], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New return-home pathway"))
        self.people = people
        self.on_create: Any = None  # set by the tab: stores the pathway, then accepts
        self.title_field = QLineEdit(self.tr("Return home after day surgery"), self)
        self.title_field.setAccessibleName(self.tr("Pathway title"))
        self.operation = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.operation.setCalendarPopup(True)
        self.operation.setAccessibleName(self.tr("Operation day"))
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title_field)
        form.addRow(self.tr("&Operation day"), self.operation)
        self.grid = QGridLayout()
        for column, title in enumerate((self.tr("Task"), self.tr("Who"),
                                        self.tr("Day after the operation"))):
            self.grid.addWidget(QLabel(title, self), 0, column)
        self.lines: list[tuple[QLineEdit, QComboBox, QSpinBox]] = []
        for step in plan:
            self.add_line(step)
        add = QPushButton(self.tr("A&dd a task"), self)
        add.clicked.connect(lambda: self.add_line(PlannedTask("", "", 1)))
        self.save_template = QPushButton(self.tr("&Keep this checklist as my template"), self)
        self.save_template.clicked.connect(self._keep_template)
        self.on_keep_template: Any = None  # set by the tab
        self.saved = QLabel(self)
        self.saved.hide()
        self.error = error_label(self, "pathwayError", self.tr("Problem"))
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Create the pathway"), self.tr("Create the pathway"),
                        QDialogButtonBox.ButtonRole.AcceptRole, self._create, default=False)
        add_cancel_button(buttons, self.tr("Do not create the pathway"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.grid)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.save_template)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.saved)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_line(self, step: PlannedTask) -> None:
        row = len(self.lines) + 1
        what = QLineEdit(texts.task_text(step.what), self)
        what.setAccessibleName(self.tr("Task %1").replace("%1", str(row)))
        who = QComboBox(self)
        who.setAccessibleName(self.tr("Who does task %1").replace("%1", str(row)))
        who.addItem(self.tr("(choose)"), "")
        for rpps, name in self.people:
            who.addItem(name, rpps)
        who.setCurrentIndex(max(0, who.findData(step.owner)))
        day = QSpinBox(self)
        day.setRange(-30, 365)
        day.setPrefix(self.tr("D+"))
        day.setValue(step.day)
        day.setAccessibleName(self.tr("Day of task %1").replace("%1", str(row)))
        self.grid.addWidget(what, row, 0)
        self.grid.addWidget(who, row, 1)
        self.grid.addWidget(day, row, 2)
        self.lines.append((what, who, day))

    def plan(self) -> list[PlannedTask]:
        return [PlannedTask(what.text(), str(who.currentData() or ""), day.value())
                for what, who, day in self.lines if what.text().strip()]

    def operation_day(self) -> date:
        picked = self.operation.date()
        return date(picked.year(), picked.month(), picked.day())

    def _create(self) -> None:
        if self.on_create is not None:
            self.on_create(self)

    def _keep_template(self) -> None:
        if self.on_keep_template is not None:
            self.on_keep_template(self)

    def show_saved(self) -> None:
        self.saved.setText(self.tr("Kept: the next pathway starts from this checklist, each "
                                   "task given to the care team's member of its profession."))
        self.saved.show()

    def show_problem(self, code: str) -> None:
        self.error.setText(texts.pathway_problem_text(code))
        self.error.show()


class PathwayTab(QWidget):
    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = context.runner
        self.patient: Any = None
        self.dialog: PathwayDialog | None = None
        self.model = TasksModel(self)
        self.table = row_table(self, self.model, self.tr("Pathway tasks"),
                               selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TasksModel.TASK, QHeaderView.ResizeMode.Stretch)
        # The pathway's long title gives way to the task's words.
        header.setSectionResizeMode(TasksModel.PATHWAY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TasksModel.PATHWAY, 200)
        self.empty = QLabel(self.tr("No return-home pathway for this patient."), self)
        self.new_button = QPushButton(self.tr("New &pathway…"), self)
        self.comment = QLineEdit(self)
        self.comment.setPlaceholderText(self.tr("Comment (optional), kept with the tick"))
        self.comment.setAccessibleName(self.tr("Comment on the task"))
        self.done_button = QPushButton(self.tr("Mark the task d&one"), self)
        self.undo_button = QPushButton(self.tr("Back to &do"), self)
        for button in (self.new_button, self.done_button, self.undo_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.error = error_label(self, "pathwayTabError", self.tr("Problem"))
        bar = QHBoxLayout()
        for button in (self.new_button, self.done_button, self.undo_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.comment)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.new_button.clicked.connect(self.new_pathway)
        self.done_button.clicked.connect(lambda: self.tick(True))
        self.undo_button.clicked.connect(lambda: self.tick(False))
        self.runner.records_changed.connect(self._records_changed)

    def title(self) -> str:
        return self.tr("Return &home")

    def show_patient(self, patient: Any, today: date) -> None:
        self.patient = patient
        self.refresh()

    def clear(self) -> None:
        self.patient = None
        self.model.set_view(PathwayView([], {}), self.context.clock.today())

    def has_unsaved(self) -> bool:
        return False

    def _records_changed(self, changed: RecordsChanged) -> None:
        if self.patient is not None and service.TASK in changed.types():
            self.refresh()

    def refresh(self) -> None:
        if self.patient is None:
            return
        patient_id = self.patient.id
        self.runner.run(lambda db: service.pathway_tasks(db, patient_id), self._loaded,
                        owner=self)

    def _loaded(self, view: PathwayView) -> None:
        self.model.set_view(view, self.context.clock.today())
        self.empty.setVisible(not view.tasks)
        self.error.hide()

    def tick(self, done: bool) -> None:
        task = self.model.task(self.table.currentIndex().row())
        if task is None:
            return
        comment = self.comment.text() if done else ""

        def ticked(_task: object) -> None:
            self.comment.clear()
            self.refresh()

        self.runner.run(lambda db: service.tick_task(db, task.id, done, comment), ticked,
                        owner=self)

    def new_pathway(self) -> None:
        if self.patient is None:
            return
        patient_id = self.patient.id

        def load(db: Any) -> tuple[list[PlannedTask], list[tuple[str, str]]]:
            plan = service.suggested_plan(db, patient_id)
            return plan, service.care_team_people(db, patient_id)

        self.runner.run(load, lambda found: self._open_dialog(*found), owner=self)

    def _open_dialog(self, plan: list[PlannedTask], people: list[tuple[str, str]]) -> None:
        dialog = PathwayDialog(plan, people, self.context.clock.today(), self)
        self.dialog = dialog
        dialog.on_create = self._create
        dialog.on_keep_template = self._keep_template
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _keep_template(self, dialog: PathwayDialog) -> None:
        plan = dialog.plan()  # read here, on the GUI thread

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidPathway):
                dialog.show_problem(exc.code)
                return
            raise exc

        self.runner.run(lambda db: service.save_template(db, plan),
                        lambda _s: dialog.show_saved(), failed, owner=dialog)

    def _create(self, dialog: PathwayDialog) -> None:
        patient_id = self.patient.id
        plan, title, day = dialog.plan(), dialog.title_field.text(), dialog.operation_day()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidPathway):
                dialog.show_problem(exc.code)  # the dialog stays, with what was typed
                return
            raise exc

        def made(_tasks: object) -> None:
            dialog.accept()
            self.refresh()

        self.runner.run(lambda db: service.create_pathway(db, patient_id, title, day, plan),
                        made, failed, owner=dialog)
