"""The agenda's own settings dialogs: appointment types (colour, default duration, types
of one's own), opening hours (a weekly template and its exceptions) and agenda delegation."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDateTimeEdit,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.agenda import service
from tsn_desktop.agenda.availability import Closure, Opening
from tsn_desktop.agenda.model import AppointmentType
from tsn_desktop.agenda.ui import texts
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.fit import FittingDialog
from tsn_desktop.ui.formatting import date_text

RANGES_A_DAY = 3  # morning, afternoon, evening


class _ColourButton(QPushButton):
    def __init__(self, colour: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.set_colour(colour)
        self.clicked.connect(self._choose)

    def set_colour(self, colour: str) -> None:
        self.colour = QColor(colour).name()
        self.setText(self.colour)
        self.setStyleSheet(f"background-color: {self.colour}; color: white;")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, self.tr("Colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())


class TypesDialog(FittingDialog):
    """One line a type: its name, colour and default duration; a type of one's own is
    added at the bottom. Saved on OK, all at once."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Appointment types"))
        self.rows: dict[str, tuple[AppointmentType, _ColourButton, QSpinBox]] = {}
        self.grid = QGridLayout()
        for column, title in enumerate((self.tr("Type"), self.tr("Colour"),
                                        self.tr("Default duration"))):
            self.grid.addWidget(QLabel(f"<b>{title}</b>", self), 0, column)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("Name of a new type"))
        self.new_colour = _ColourButton("#c0392b", self)
        self.new_minutes = QSpinBox(self)
        self.new_minutes.setRange(5, 24 * 60)
        self.new_minutes.setValue(30)
        self.new_minutes.setSuffix(self.tr(" min"))
        self.add_button = QPushButton(self.tr("&Add this type"), self)
        self.add_button.clicked.connect(self.add_type)
        adding = QHBoxLayout()
        for widget in (self.new_name, self.new_colour, self.new_minutes, self.add_button):
            adding.addWidget(widget)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(adding)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.runner.run(lambda db: list(service.types(db).values()), self._loaded,
                        self._failed, owner=self)

    def _loaded(self, kinds: list[AppointmentType]) -> None:
        for kind in kinds:
            self._add_row(kind)

    def _add_row(self, kind: AppointmentType) -> None:
        row = len(self.rows) + 1
        colour = _ColourButton(kind.colour, self)
        minutes = QSpinBox(self)
        minutes.setRange(5, 24 * 60)
        minutes.setSuffix(self.tr(" min"))
        minutes.setValue(kind.default_minutes)
        name = QLabel(texts.kind_label(kind), self)
        name.setBuddy(minutes)
        colour.setAccessibleName(self.tr("Colour of %1").replace("%1", texts.kind_label(kind)))
        minutes.setAccessibleName(self.tr("Default duration of %1").replace(
            "%1", texts.kind_label(kind)))
        self.grid.addWidget(name, row, 0)
        self.grid.addWidget(colour, row, 1)
        self.grid.addWidget(minutes, row, 2)
        self.rows[kind.code] = (kind, colour, minutes)

    def add_type(self) -> None:
        label, colour, minutes = (self.new_name.text(), self.new_colour.colour,
                                  self.new_minutes.value())
        self.runner.run(lambda db: service.add_type(db, label, colour, minutes),
                        self._added, self._failed, owner=self)

    def _added(self, kind: AppointmentType) -> None:
        self.new_name.clear()
        self.problem.clear()
        self._add_row(kind)

    def edited(self) -> list[AppointmentType]:
        out = []
        for kind, colour, minutes in self.rows.values():
            if (colour.colour, minutes.value()) != (kind.colour, kind.default_minutes):
                out.append(AppointmentType(kind.code, colour.colour, minutes.value(),
                                           kind.label))
        return out

    def save(self) -> None:
        changed = self.edited()

        def store(db: Any) -> int:
            for kind in changed:
                service.save_type(db, kind)
            return len(changed)

        self.runner.run(store, lambda _n: self.accept(), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, service.InvalidAppointment):
            self.problem.setText(self.tr("Give the type a name (60 characters at most)."))
        else:
            self.problem.setText(self.tr("The types could not be saved: try again."))


class _Range:
    def __init__(self, parent: QWidget) -> None:
        self.on = QCheckBox(parent)
        self.start = QTimeEdit(QTime(8, 30), parent)
        self.end = QTimeEdit(QTime(12, 30), parent)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(False)
        self.on.toggled.connect(self.start.setEnabled)
        self.on.toggled.connect(self.end.setEnabled)

    def set(self, opening: Opening | None) -> None:
        self.on.setChecked(opening is not None)
        if opening is not None:
            self.start.setTime(QTime(opening.start.hour, opening.start.minute))
            self.end.setTime(QTime(opening.end.hour, opening.end.minute))

    def value(self, weekday: int) -> Opening | None:
        if not self.on.isChecked():
            return None
        s, e = self.start.time(), self.end.time()
        return Opening(weekday, time(s.hour(), s.minute()), time(e.hour(), e.minute()))


class OpeningHoursDialog(FittingDialog):
    """The week's opening hours (up to three ranges a day) and the exceptions to them:
    holidays and absences, added and removed here (kept on OK: the template; at once:
    an exception)."""

    def __init__(self, runner: DbRunner, zone: ZoneInfo, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.zone, self.now = runner, zone, now
        self.setWindowTitle(self.tr("Opening hours"))
        week = QGroupBox(self.tr("Every week"), self)
        grid = QGridLayout(week)
        self.ranges: list[list[_Range]] = []
        monday = date(2026, 1, 5)
        for weekday in range(7):
            label = QLabel(texts.weekday_short(monday + timedelta(days=weekday)), week)
            grid.addWidget(label, weekday, 0)
            line = []
            for n in range(RANGES_A_DAY):
                r = _Range(week)
                r.on.setAccessibleName(self.tr("%1, range %2").replace(
                    "%1", label.text()).replace("%2", str(n + 1)))
                grid.addWidget(r.on, weekday, 1 + 3 * n)
                grid.addWidget(r.start, weekday, 2 + 3 * n)
                grid.addWidget(r.end, weekday, 3 + 3 * n)
                line.append(r)
            label.setBuddy(line[0].on)
            self.ranges.append(line)
        off = QGroupBox(self.tr("Holidays and absences"), self)
        self.closures = QListWidget(off)
        self.closures.setAccessibleName(self.tr("Holidays and absences to come"))
        self.remove_button = QPushButton(self.tr("&Remove the chosen one"), off)
        self.remove_button.clicked.connect(self.remove_closure)
        local = now.astimezone(zone)
        self.off_from = QDateTimeEdit(QDateTime(QDate(local.year, local.month, local.day),
                                                QTime(0, 0)), off)
        self.off_to = QDateTimeEdit(QDateTime(QDate(local.year, local.month, local.day),
                                              QTime(23, 59)), off)
        for edit in (self.off_from, self.off_to):
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            edit.setCalendarPopup(True)
        self.off_reason = QLineEdit(off)
        self.off_reason.setPlaceholderText(self.tr("Why (holiday, training, leave…)"))
        self.add_button = QPushButton(self.tr("Add the &absence"), off)
        self.add_button.clicked.connect(self.add_closure)
        adding = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), off), self.off_from, QLabel(self.tr("to"), off),
                       self.off_to, self.off_reason, self.add_button):
            adding.addWidget(widget)
        box = QVBoxLayout(off)
        box.addWidget(self.closures)
        box.addWidget(self.remove_button)
        box.addLayout(adding)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(week)
        layout.addWidget(off)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.runner.run(lambda db: (service.openings(db), service.closures(db, now)),
                        self._loaded, self._failed, owner=self)

    def _loaded(self, found: tuple[list[Opening], list[Closure]]) -> None:
        openings, closures = found
        for weekday, line in enumerate(self.ranges):
            mine = [o for o in openings if o.weekday == weekday]
            for n, r in enumerate(line):
                r.set(mine[n] if n < len(mine) else None)
        self._show_closures(closures)

    def _show_closures(self, closures: list[Closure]) -> None:
        self.closures.clear()
        for c in closures:
            start, end = c.start.astimezone(self.zone), c.end.astimezone(self.zone)
            text = f"{date_text(start.date())} {start:%H:%M} → {date_text(end.date())} " \
                   f"{end:%H:%M}" + (f" — {c.reason}" if c.reason else "")
            item = QListWidgetItem(text, self.closures)
            item.setData(Qt.ItemDataRole.UserRole, c.id)

    def template(self) -> list[Opening]:
        return [o for weekday, line in enumerate(self.ranges)
                for r in line if (o := r.value(weekday)) is not None]

    def _instant(self, edit: QDateTimeEdit) -> datetime:
        d, t = edit.date(), edit.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)
        return wall.astimezone(UTC)

    def add_closure(self) -> None:
        start, end = self._instant(self.off_from), self._instant(self.off_to)
        reason, now = self.off_reason.text(), self.now

        def store(db: Any) -> list[Closure]:
            service.add_closure(db, start, end, reason)
            return service.closures(db, now)

        self.runner.run(store, self._closures_saved, self._failed, owner=self)

    def _closures_saved(self, closures: list[Closure]) -> None:
        self.off_reason.clear()
        self.problem.clear()
        self._show_closures(closures)

    def remove_closure(self) -> None:
        item = self.closures.currentItem()
        if item is None:
            return
        cid, now = str(item.data(Qt.ItemDataRole.UserRole)), self.now

        def store(db: Any) -> list[Closure]:
            service.remove_closure(db, cid)
            return service.closures(db, now)

        self.runner.run(store, self._closures_saved, self._failed, owner=self)

    def save(self) -> None:
        template = self.template()
        self.runner.run(lambda db: service.set_openings(db, template),
                        lambda _r: self.accept(), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, service.InvalidAppointment):
            codes = {p.code for p in exc.problems}
            if "overlap" in codes:
                self.problem.setText(self.tr("Two ranges of one day overlap: correct them."))
            else:
                self.problem.setText(self.tr("A range or an absence ends before it starts: "
                                             "correct it."))
        else:
            self.problem.setText(self.tr("This could not be saved: try again."))


class DelegationDialog(FittingDialog):
    """Whom the user lets book, move and cancel in their agenda (colleagues by RPPS);
    sent to the hub at the next sync. Emptying the list revokes the delegation."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(self.tr("Agenda delegation"))
        explain = QLabel(self.tr(
            "Colleagues named here may book, move and cancel appointments in your agenda, "
            "from their own computer, after the next sync. Empty the list to take it "
            "back: your agenda is then read only for them again."), self)
        explain.setWordWrap(True)
        self.numbers = QLineEdit(self)
        self.numbers.setPlaceholderText(self.tr("RPPS numbers, separated by commas"))
        self.numbers.setAccessibleName(self.tr("Delegates' RPPS numbers"))
        label = QLabel(self.tr("&Delegates (RPPS):"), self)
        label.setBuddy(self.numbers)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(label)
        layout.addWidget(self.numbers)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.numbers.setEnabled(False)  # until the current list is read: nothing typed lost
        self.buttons.setEnabled(False)
        self.runner.run(service.delegates, self._loaded, self._failed, owner=self)

    def _loaded(self, numbers: list[str]) -> None:
        self.numbers.setText(", ".join(numbers))
        self.numbers.setEnabled(True)
        self.buttons.setEnabled(True)
        self.numbers.setFocus()

    def save(self) -> None:
        typed = self.numbers.text().replace(";", ",").split(",")
        self.runner.run(lambda db: service.set_delegates(db, typed),
                        lambda _n: self.accept(), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        # What was typed stays in the field, to be corrected.
        if isinstance(exc, service.InvalidAppointment) and any(
                p.code == "own_rpps" for p in exc.problems):
            self.problem.setText(self.tr("Your own RPPS number cannot be a delegate: "
                                         "remove it."))
        elif isinstance(exc, service.InvalidAppointment):
            self.problem.setText(self.tr("An RPPS number has 11 digits: check each number "
                                         "and separate them with commas."))
        else:
            self.problem.setText(self.tr("The delegation could not be saved: try again."))
