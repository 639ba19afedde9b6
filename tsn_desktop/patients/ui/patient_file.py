"""The patient file: a read-only header, the "Identity" tab, and the tabs the features add
(each a `tsn_desktop.feature.PatientTab`: care team, vaccinations, readings...)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar, cast

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.feature import PatientTab
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui import texts
from tsn_desktop.patients.ui.file_header import FileHeader

T = TypeVar("T")

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
    """One open patient: the identity, then `tabs` (the features' PatientTab widgets, in
    feature order), each told when a patient is shown and cleared on lock."""

    edit_requested = Signal(object)  # Patient
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None,
                 tabs: Sequence[QWidget] = ()) -> None:
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
        self.feature_tabs: list[QWidget] = list(tabs)
        # A tab may offer an alert shown above the file whatever tab is open (its
        # optional `file_banner` widget: the carnet's vaccinations due).
        self.banners = [b for b in (getattr(t, "file_banner", None) for t in self.feature_tabs)
                        if isinstance(b, QWidget)]
        for tab in self.feature_tabs:
            # Each in a scroll area: a tall tab never makes the window taller than a
            # laptop screen (the window's minimum is the tallest tab's).
            holder = QScrollArea(self)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setWidget(tab)
            self.tabs.addTab(holder, _as_tab(tab).title())

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.header)
        for banner in self.banners:
            layout.addWidget(banner)
        layout.addWidget(self.tabs, 1)

    def patient(self) -> Patient | None:
        return self._patient

    def tab(self, kind: type[T]) -> T:
        """The feature tab of this class (tests and the features' own wiring use it)."""
        for tab in self.feature_tabs:
            if isinstance(tab, kind):
                return tab
        raise LookupError(kind.__name__)

    def tab_title(self, kind: type) -> str:
        """The label the tab of this feature shows (with its & shortcut)."""
        return self.tabs.tabText(self.feature_tabs.index(self.tab(kind)) + 1)

    def show_tab(self, kind: type) -> None:
        self.tabs.setCurrentIndex(self.feature_tabs.index(self.tab(kind)) + 1)

    def has_unsaved(self) -> bool:
        return any(_as_tab(tab).has_unsaved() for tab in self.feature_tabs)

    def may_leave(self) -> bool:
        """True when no tab holds unsaved typing, or the user chose to leave it."""
        return not self.has_unsaved() or confirm_discard(self)

    def show_patient(self, patient: Patient, today: date) -> None:
        self._patient = patient
        self.header.show_patient(patient, today)
        self.identity.show_patient(patient, today)
        for tab in self.feature_tabs:
            _as_tab(tab).show_patient(patient, today)

    def clear(self) -> None:
        """Forgets the patient (session lock): no name left in a hidden label."""
        self._patient = None
        self.header.clear()
        for label in self.identity.values.values():
            label.clear()
        for tab in self.feature_tabs:
            _as_tab(tab).clear()

    def request_edit(self) -> None:
        if self._patient is not None:
            self.edit_requested.emit(self._patient)


def _as_tab(widget: QWidget) -> PatientTab:
    """A feature tab is a QWidget that also has the PatientTab methods."""
    return cast(PatientTab, widget)


def confirm_discard(parent: QWidget) -> bool:
    """Asks before a patient file with unsaved typing is left (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("PatientFileView", "Unsaved changes"),
                      QCoreApplication.translate(
                          "PatientFileView", "This patient file has changes that are not "
                          "saved yet. Leave it and lose them?"),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard
