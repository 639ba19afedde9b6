"""The "Add a situation" dialog of the patient's profile: one of the schedule pack's
situations, since when (a pregnancy: its term today), where the information comes from,
a note. Keyboard only; saves through the DB runner and keeps what was typed on error."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.fit import FittingDialog, grow_to_content, reading_width
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.model import Fact, InvalidDose, Performer
from tsn_desktop.vaccination.ui import fact_texts
from tsn_desktop.vaccination.ui.dose_dialog import parse_day

log = logging.getLogger(__name__)
_STYLE = "QLabel[role=\"error\"] { color: #b71c1c; }"


class FactDialog(FittingDialog):
    """Emits `saved` with the Fact as saved, then closes."""

    saved = Signal(object)

    def __init__(self, runner: DbRunner, choices: list[tuple[str, str]], patient_id: str,
                 birth_date: date, today: date, by: Performer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._patient_id = patient_id
        self._birth_date = birth_date
        self._today = today
        self._by = by
        self._busy = False
        self.setObjectName("FactDialog")
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Add a situation to the profile"))

        self.code_combo = QComboBox(self)
        self.code_combo.setAccessibleName(self.tr("Situation"))
        self.code_combo.addItem(self.tr("(choose)"), "")
        for code, title in choices:
            self.code_combo.addItem(title, code)
        self.since_edit = QLineEdit(date_text(today), self)
        self.since_edit.setAccessibleName(self.tr("Since"))
        self.since_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setRange(0, model.MAX_PREGNANCY_WEEKS)
        self.weeks_spin.setAccessibleName(self.tr("Weeks of amenorrhoea today"))
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(0, 6)
        self.days_spin.setAccessibleName(self.tr("Days beyond the weeks"))
        self.source_combo = QComboBox(self)
        self.source_combo.setAccessibleName(self.tr("Where the information comes from"))
        for source in model.FACT_SOURCES:
            self.source_combo.addItem(fact_texts.source_text(source), source)
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName(self.tr("Note (optional)"))
        self.note_edit.setMaxLength(model.MAX_TEXT)

        form = QFormLayout()
        for label, field in ((self.tr("&Situation:"), self.code_combo),
                             (self.tr("Si&nce:"), self.since_edit),
                             (self.tr("&Term (weeks of amenorrhoea):"), self.weeks_spin),
                             (self.tr("&Days beyond:"), self.days_spin),
                             (self.tr("So&urce:"), self.source_combo),
                             (self.tr("N&ote:"), self.note_edit)):
            buddy = QLabel(label, self)
            buddy.setBuddy(field)
            form.addRow(buddy, field)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.code_combo.currentIndexChanged.connect(lambda _i: self._code_changed())
        self._code_changed()
        self.setMinimumWidth(reading_width(self, 60))
        self.code_combo.setFocus()

    def choose(self, code: str) -> None:
        self.code_combo.setCurrentIndex(max(0, self.code_combo.findData(code)))

    def _code_changed(self) -> None:
        pregnancy = self.code_combo.currentData() == model.PREGNANCY
        self.since_edit.setEnabled(not pregnancy)  # its onset follows from the term
        self.weeks_spin.setEnabled(pregnancy)
        self.days_spin.setEnabled(pregnancy)

    def is_dirty(self) -> bool:
        return bool(self.code_combo.currentData() or self.note_edit.text())

    def draft(self) -> Fact | list[str]:
        code = self.code_combo.currentData() or ""
        if code == model.PREGNANCY:
            onset: date | None = model.pregnancy_onset(self.weeks_spin.value(),
                                                       self.days_spin.value(), self._today)
        else:
            onset = parse_day(self.since_edit.text())
        problems = [] if code else [model.UNKNOWN_CODE]
        if onset is None:
            problems.append("bad_date")
        if problems or onset is None:
            return problems
        return Fact(id="", patient_id=self._patient_id, code=code, onset=onset,
                    source=self.source_combo.currentData(), note=self.note_edit.text())

    def save(self) -> None:
        if self._busy:
            return
        draft = self.draft()
        if isinstance(draft, list):
            self._say(fact_texts.problem_text(draft))
            return
        today, birth, by = self._today, self._birth_date, self._by

        def job(db: Database) -> Fact:
            return service.record_fact(db, draft, today, birth, by)

        self._busy = True
        self.save_button.setEnabled(False)
        self._runner.run(job, self._saved, self._failed, owner=self)

    def _saved(self, fact: Fact) -> None:
        self._busy = False
        self.saved.emit(fact)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidDose):
            self._say(fact_texts.problem_text(error.problems))
            if model.FUTURE in error.problems or model.BEFORE_BIRTH in error.problems:
                self.since_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            log.error("recording a profile fact failed: %s", type(error).__name__)
            self._say(self.tr("The situation could not be saved. What you typed is still "
                              "here: try again; if it keeps failing, restart TSN Desktop."))

    def _say(self, text: str) -> None:
        self.message.setProperty("role", "error" if text else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            grow_to_content(self)

    def message_shown(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def reject(self) -> None:
        if not self._busy:
            super().reject()
