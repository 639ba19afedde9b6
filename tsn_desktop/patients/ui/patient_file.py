"""The patient file: a read-only header and tabs; "Identity" and "Care team" here, other
features add theirs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui import texts
from tsn_desktop.patients.ui.care_team_tab import CareTeamTab
from tsn_desktop.patients.ui.file_header import FileHeader

_IDENTITY_FIELDS = ("birth_name", "used_name", "given_names", "sex", "birth_date",
                    "birth_place", "birth_insee", "ins", "address", "postal_code", "city",
                    "phone", "email", "treating_gp")


class IdentityTab(QWidget):
    """Every field of the record, as text that can be selected and copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for name in _IDENTITY_FIELDS:
            value = QLabel(self)
            value.setObjectName(name)
            value.setAccessibleName(texts.field_label(name))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value.setTextFormat(Qt.TextFormat.PlainText)
            caption = QLabel(texts.field_label(name) + self.tr(":", "label suffix"), self)
            caption.setBuddy(value)
            form.addRow(caption, value)
            self.values[name] = value
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_patient(self, patient: Patient, today: date) -> None:
        shown = {
            "birth_name": patient.birth_name.upper(),
            "used_name": patient.used_name.upper(),
            "given_names": patient.given_names,
            "sex": texts.sex_label(patient.sex),
            "birth_date": texts.date_with_age(patient.birth_date, today),
            "birth_place": patient.birth_place,
            "birth_insee": patient.birth_insee,
            "ins": identifiers.format_ins(patient.ins) if patient.ins else "",
            "address": patient.address,
            "postal_code": patient.postal_code,
            "city": patient.city,
            "phone": patient.phone,
            "email": patient.email,
            "treating_gp": patient.treating_gp,
        }
        for name, text in shown.items():
            self.values[name].setText(text or "—")
            self.values[name].setAccessibleDescription(text or self.tr("not filled in"))


class PatientFileView(QWidget):
    """One open patient. `tabs` takes the other features' tabs (vaccination, readings...).

    `runner` (the DB runner) lets the "Care team" tab read and share; without it the tab
    says it cannot show the team (it may also be given later with `set_runner`)."""

    edit_requested = Signal(object)  # Patient
    back_requested = Signal()
    care_team_changed = Signal(str)  # patient id, after a colleague was added or removed

    def __init__(self, parent: QWidget | None = None, runner: DbRunner | None = None) -> None:
        super().__init__(parent)
        self._patient: Patient | None = None
        # Name, summary, RNIV status, record state and its actions (file_header.py).
        self.header = FileHeader(self)
        self.title = self.header.title
        self.summary = self.header.summary

        self.back_button = QPushButton(self.tr("← &List of patients"), self)
        self.back_button.setAccessibleName(self.tr("Back to the list of patients"))
        self.back_button.setToolTip(self.tr("Back to the list (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.edit_button.setAccessibleName(self.tr("Edit the patient"))
        self.edit_button.setToolTip(self.tr("Edit the identity and contact details (F2)"))
        self.edit_button.clicked.connect(self.request_edit)

        self.identity = IdentityTab(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.identity)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Patient file"))
        self.tabs.addTab(scroll, self.tr("&Identity"))
        self.care_team = CareTeamTab(runner, self)
        self.care_team.changed.connect(self.care_team_changed)
        self.tabs.addTab(self.care_team, self.tr("Care &team"))

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def patient(self) -> Patient | None:
        return self._patient

    def set_runner(self, runner: DbRunner | None) -> None:
        self.care_team.set_runner(runner)

    def show_patient(self, patient: Patient, today: date) -> None:
        self._patient = patient
        self.header.show_patient(patient, today)
        self.identity.show_patient(patient, today)
        self.care_team.show_patient(patient.id)

    def clear(self) -> None:
        """Forgets the patient (session lock): no name left in a hidden label."""
        self._patient = None
        self.header.clear()
        for label in self.identity.values.values():
            label.clear()
        self.care_team.clear()

    def request_edit(self) -> None:
        if self._patient is not None:
            self.edit_requested.emit(self._patient)
