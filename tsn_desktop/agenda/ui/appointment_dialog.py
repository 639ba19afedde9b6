"""The appointment dialog, new or opened: type, patient (the register's search), start,
duration from the type, recurrence, what to do at a home visit and whether its time is
fixed; an occurrence of a series asks which ones the change applies to; double bookings
said before saving, nothing typed lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
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
from tsn_desktop.agenda.model import HOME_VISIT, PERSONAL, Appointment, AppointmentType
from tsn_desktop.agenda.recurrence import Series, make_rule
from tsn_desktop.agenda.service import InvalidAppointment, SeriesChange
from tsn_desktop.agenda.ui import texts
from tsn_desktop.agenda.ui.scope_dialog import ALL, FOLLOWING, THIS, ScopeDialog
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients import service as patients
from tsn_desktop.ui.fit import FittingDialog
from tsn_desktop.ui.formatting import date_text, time_text
from tsn_desktop.ui.typing_pause import after_typing

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 30


class _SearchField(QLineEdit):
    """Enter here picks the patient found; it does not also save the dialog."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class AppointmentDialog(FittingDialog):
    """`saved` carries the new appointment (or the series) once stored."""

    saved = Signal(object)

    def __init__(self, runner: DbRunner, kinds: list[AppointmentType], start: datetime,
                 zone: ZoneInfo, parent: QWidget | None = None, *,
                 existing: Appointment | None = None, patient_name: str = "",
                 minutes: int | None = None, owner: str | None = None) -> None:
        super().__init__(parent)
        self.runner, self.zone = runner, zone
        # A new appointment in a colleague's agenda they delegated to the user: its RPPS.
        self.owner = owner
        self.kinds = {k.code: k for k in kinds}
        self.existing = existing
        self.patient_id: str | None = None
        self._patient_address = ""
        self._confirmed_clash = False
        self.scope_dialog: ScopeDialog | None = None
        self.setWindowTitle(self.tr("Appointment") if existing else self.tr("New appointment"))
        self.setModal(True)

        self.type_box = QComboBox(self)
        for kind in kinds:
            self.type_box.addItem(texts.kind_label(kind), kind.code)
        self.search = _SearchField(self)
        self.search.setPlaceholderText(self.tr("Name, birth date or INS"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(110)
        self.results.setAccessibleName(self.tr("Patients found"))
        self.chosen = QLabel(self.tr("No patient chosen"), self)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(self.tr("Where the visit takes place"))
        local = start.astimezone(zone)
        self.day = QDateEdit(QDate(local.year, local.month, local.day), self)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.at = QTimeEdit(QTime(local.hour, local.minute), self)
        self.at.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.free_button = QPushButton(self.tr("Next &free slot"), self)
        self.repeat = QComboBox(self)
        for code, label in texts.frequency_labels().items():
            self.repeat.addItem(label, code)
        self.count = QSpinBox(self)
        self.count.setRange(0, 999)
        self.count.setSpecialValueText(self.tr("no end"))
        self.count.setPrefix("")
        self.note = QLineEdit(self)
        self.todo = QLineEdit(self)
        self.todo.setPlaceholderText(self.tr("Care to give (printed on the round sheet)"))
        self.fixed = QCheckBox(self.tr("Fi&xed time (within 15 minutes: insulin, "
                                       "anticoagulant…)"), self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setAccessibleName(self.tr("What to correct"))

        when = QHBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.at)
        when.addWidget(self.minutes)
        when.addWidget(self.free_button)
        repeat = QHBoxLayout()
        repeat.addWidget(self.repeat, 1)
        self.count_label = QLabel(self.tr("&Occurrences:"), self)
        self.count_label.setBuddy(self.count)
        repeat.addWidget(self.count_label)
        repeat.addWidget(self.count)
        form = QFormLayout()

        def row(text: str, buddy: QWidget, field: QWidget | QHBoxLayout) -> None:
            label = QLabel(text, self)
            label.setBuddy(buddy)  # Alt+letter goes to the field, and the & is not shown
            form.addRow(label, field)

        row(self.tr("&Type:"), self.type_box, self.type_box)
        row(self.tr("&Patient:"), self.search, self.search)
        form.addRow("", self.results)
        form.addRow("", self.chosen)
        row(self.tr("&Address:"), self.address, self.address)
        row(self.tr("&When:"), self.day, when)
        row(self.tr("&Repeat:"), self.repeat, repeat)
        row(self.tr("What to &do:"), self.todo, self.todo)
        form.addRow("", self.fixed)
        row(self.tr("&Note:"), self.note, self.note)
        self._repeat_row = (self.repeat, self.count, self.count_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._search_timer = after_typing(self, self.search.textEdited, SEARCH_DELAY_MS,
                                          self._run_search)
        self.search.returnPressed.connect(self._pick_first)
        self.results.itemActivated.connect(self._pick)
        self.results.itemClicked.connect(self._pick)
        self.type_box.currentIndexChanged.connect(self._type_changed)
        self.repeat.currentIndexChanged.connect(self._repeat_changed)
        self.free_button.clicked.connect(self.find_free_slot)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for signal in (self.day.dateChanged, self.at.timeChanged, self.minutes.valueChanged,
                       self.type_box.currentIndexChanged):
            signal.connect(self._unconfirm)  # a new time or type: say the clash again
        self._type_changed()
        self._repeat_changed()
        if minutes is not None:
            self.minutes.setValue(minutes)
        if existing is not None:
            self._fill(existing, patient_name)

    def _fill(self, a: Appointment, patient_name: str) -> None:
        """An opened appointment: its fields as saved (the repeat choice is the series')."""
        self.set_kind(a.type)
        self.choose_patient(a.patient_id, patient_name, "")
        self.address.setText(a.address)
        self.set_start(a.start)
        self.minutes.setValue(a.minutes)
        self.note.setText(a.note)
        self.todo.setText(a.todo)
        self.fixed.setChecked(a.fixed_time)
        for widget in self._repeat_row:
            widget.setEnabled(False)
        self._confirmed_clash = False

    # --- choices ---------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.type_box.currentData())

    def set_kind(self, code: str) -> None:
        self.type_box.setCurrentIndex(self.type_box.findData(code))

    def _type_changed(self) -> None:
        kind = self.kinds.get(self.kind())
        if kind is not None:
            self.minutes.setValue(kind.default_minutes)
        personal = self.kind() == PERSONAL
        for widget in (self.search, self.results):
            widget.setEnabled(not personal)
        if personal:
            self.choose_patient(None, "", "")
        if self.kind() == HOME_VISIT and not self.address.text():
            self.address.setText(self._patient_address)

    def _repeat_changed(self) -> None:
        repeats = bool(self.repeat.currentData())
        self.count.setEnabled(repeats)
        self.count_label.setEnabled(repeats)

    def _unconfirm(self, *_args: Any) -> None:
        self._confirmed_clash = False

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.results.clear()
            return
        self.runner.run(lambda db: patients.search(db, text, limit=SEARCH_LIMIT),
                        self._found, self._failed, owner=self)

    def _found(self, found: list[Any]) -> None:
        self.results.clear()
        for p in found:
            family = (p.used_name or p.birth_name).upper()
            label = f"{family} {p.given_names} — {date_text(p.birth_date)}"
            item = QListWidgetItem(label, self.results)
            address = ", ".join(x for x in (p.address, f"{p.postal_code} {p.city}".strip()) if x)
            item.setData(Qt.ItemDataRole.UserRole, (p.id, f"{family} {p.given_names}", address))
        if found:
            self.results.setCurrentRow(0)

    def _pick_first(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._run_search()
            return
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        pid, name, address = item.data(Qt.ItemDataRole.UserRole)
        self.choose_patient(pid, name, address)

    def choose_patient(self, patient_id: str | None, name: str, address: str) -> None:
        self.patient_id = patient_id
        self._patient_address = address
        self.chosen.setText(self.tr("Patient: %1").replace("%1", name) if patient_id
                            else self.tr("No patient chosen"))
        if patient_id and self.kind() == HOME_VISIT and not self.address.text():
            self.address.setText(address)

    # --- start and free slot ----------------------------------------------------------------
    def start(self) -> datetime:
        d, t = self.day.date(), self.at.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone)
        return wall.astimezone(UTC).astimezone(self.zone).astimezone(UTC)

    def set_start(self, moment: datetime) -> None:
        local = moment.astimezone(self.zone)
        self.day.setDate(QDate(local.year, local.month, local.day))
        self.at.setTime(QTime(local.hour, local.minute))

    def find_free_slot(self) -> None:
        minutes = self.minutes.value()
        after = self.start()  # from the time in the dialog (the page sets it to now or later)
        self.runner.run(lambda db: service.free_slot(db, minutes, after), self._free_found,
                        self._failed, owner=self)

    def _free_found(self, moment: datetime | None) -> None:
        if moment is None:
            self.problem.setText(self.tr("No free slot in the next three months within "
                                         "the opening hours."))
            return
        self.problem.clear()
        self.set_start(moment)

    # --- saving ---------------------------------------------------------------------------
    def draft(self) -> Appointment:
        start = self.start()
        return Appointment(id="", type=self.kind(), start=start,
                           end=start + timedelta(minutes=self.minutes.value()),
                           zone=self.zone.key, patient_id=self.patient_id,
                           address=self.address.text().strip(), note=self.note.text().strip(),
                           todo=self.todo.text().strip(), fixed_time=self.fixed.isChecked(),
                           practitioner=self.owner)

    def series(self) -> Series | None:
        if self.existing is not None or self.owner is not None:
            return None  # series stay in one's own agenda
        freq = str(self.repeat.currentData() or "")
        if not freq:
            return None
        local = self.start().astimezone(self.zone)
        count = self.count.value() or None
        return Series(id="", start=datetime.combine(local.date(), time(local.hour, local.minute)),
                      minutes=self.minutes.value(), rule=make_rule(freq, count=count),
                      zone=self.zone.key, type=self.kind(), patient_id=self.patient_id,
                      address=self.address.text().strip(), note=self.note.text().strip(),
                      todo=self.todo.text().strip(), fixed_time=self.fixed.isChecked())

    def save(self) -> None:
        a = self.existing
        if a is not None and a.series_id and a.occurrence:
            day_changed = self.start().astimezone(self.zone).date() != \
                a.start.astimezone(self.zone).date()
            self.scope_dialog = ScopeDialog(day_changed, self)
            self.scope_dialog.accepted.connect(
                lambda d=self.scope_dialog: self.save_with_scope(d.chosen()))
            self.scope_dialog.open()
            return
        self.save_with_scope(THIS)

    def _change(self) -> SeriesChange:
        local = self.start().astimezone(self.zone)
        return SeriesChange(at=time(local.hour, local.minute), minutes=self.minutes.value(),
                            type=self.kind(), patient_id=self.patient_id,
                            address=self.address.text().strip(),
                            note=self.note.text().strip(), todo=self.todo.text().strip(),
                            fixed_time=self.fixed.isChecked())

    def save_with_scope(self, scope: str) -> None:
        """Saves: a new appointment or series, or the opened one ("this"), or the series
        from this one on ("following", which splits it) or all of it ("all")."""
        draft, series, existing = self.draft(), self.series(), self.existing
        confirmed = self._confirmed_clash
        change = self._change()
        if existing is not None:
            draft = replace(existing, type=draft.type, start=draft.start, end=draft.end,
                            patient_id=draft.patient_id, address=draft.address,
                            note=draft.note, todo=draft.todo, fixed_time=draft.fixed_time)

        def store(db: Any) -> Any:
            if existing is not None and scope == FOLLOWING:
                return ("saved", service.edit_following(db, existing, change))
            if existing is not None and scope == ALL:
                return ("saved", service.edit_all(db, str(existing.series_id), change))
            if not confirmed:
                found = service.clashes(db, draft)
                if found:
                    names = service.view(db, draft.start.astimezone(self.zone).date(), 1)
                    return ("clash", [i for i in names if i.appointment.id in
                                      {a.id for a in found}])
            if existing is not None:
                return ("saved", service.update(db, draft).appointment)
            if series is not None:
                return ("saved", service.create_series(db, series))
            return ("saved", service.create(db, draft).appointment)

        self.buttons.setEnabled(False)
        self.runner.run(store, self._stored, self._failed, owner=self)

    def _stored(self, outcome: tuple[str, Any]) -> None:
        self.buttons.setEnabled(True)
        kind, value = outcome
        if kind == "clash":
            self._confirmed_clash = True
            taken = "; ".join(f"{time_text(i.appointment.start, self.zone)} "
                              f"{i.patient_name or texts.type_label(i.appointment.type)}"
                              for i in value)
            self.problem.setText(self.tr("This time overlaps with: %1. Press Save again to "
                                         "book it anyway.").replace("%1", taken))
            return
        self.saved.emit(value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, InvalidAppointment):
            self.problem.setText(" ".join(texts.problem_text(p) for p in exc.problems))
            return
        self.problem.setText(self.tr("The appointment could not be saved. What you typed is "
                                     "still here: try again, or restart the application."))
