"""The patient form: create or edit one patient, with every problem shown beside its field.

Saving goes through the DB runner (service.save); the form keeps what was typed whatever
happens (invalid field, changed elsewhere, database error), and asks before discarding it.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core import identifiers
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients import service
from tsn_desktop.patients.model import (
    IDENTITY_DOCUMENTS,
    FieldProblem,
    Patient,
    clean,
    identity_key,
    identity_status,
    validate,
)
from tsn_desktop.patients.ui import texts
from tsn_desktop.patients.ui.date_field import DateField
from tsn_desktop.ui.fit import grow_to_content
from tsn_desktop.ui.forms import add_cancel_button, add_main_button

log = logging.getLogger(__name__)

# Form order: the first problem in this order gets the focus.
FIELD_ORDER = ("birth_name", "given_names", "used_name", "sex", "birth_date", "birth_place",
               "birth_insee", "ins", "identity_document", "address", "postal_code", "city",
               "phone", "email", "treating_gp")
_TEXT_FIELDS = tuple(f for f in FIELD_ORDER if f not in ("sex", "birth_date",
                                                         "identity_document"))

_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 2px solid #c62828; border-radius: 3px; padding: 1px;
}
QLabel[role="error"] { color: #b71c1c; }
QLabel[role="warning"] { color: #8a4b00; }
QLabel[role="ok"] { color: #1b5e20; }
QFrame[role="banner"] {
    background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px;
}
"""


class DuplicateChoice(enum.Enum):
    SAVE_ANYWAY = "save_anyway"
    OPEN_EXISTING = "open_existing"
    BACK = "back"


class DuplicateWords(QObject):
    """The counted sentence of the duplicate question. A plural must be a QObject's
    self.tr(text, comment, n): pyside6-lupdate skips QCoreApplication.translate(..., n),
    which left this sentence out of both catalogues (English in the French UI)."""

    def found(self, n: int) -> str:
        return self.tr(
            "%n patient(s) with the same name and date of birth already in the register:",
            "", n)


def ask_duplicate_choice(parent: QWidget, duplicates: list[Patient]) -> DuplicateChoice:
    """Asks what to do about likely duplicates (tests replace this function)."""
    lines = []
    for other in duplicates:
        ins = (identifiers.format_ins(other.ins) if other.ins
               else QCoreApplication.translate("PatientEditorDialog", "no INS"))
        lines.append(f"• {texts.full_name(other)} — {texts.format_date(other.birth_date)}"
                     f" — {ins}")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("PatientEditorDialog", "Possible duplicate"))
    box.setText(DuplicateWords(box).found(len(duplicates)))
    box.setInformativeText("\n".join(lines) + "\n\n" + QCoreApplication.translate(
        "PatientEditorDialog",
        "Open the existing file if it is the same person; save a new patient only for a "
        "different person (twins, namesakes)."))
    save_button = box.addButton(
        QCoreApplication.translate("PatientEditorDialog", "Save as a new patient"),
        QMessageBox.ButtonRole.AcceptRole)
    open_button = box.addButton(
        QCoreApplication.translate("PatientEditorDialog", "Open the existing patient"),
        QMessageBox.ButtonRole.ActionRole)
    back_button = box.addButton(
        QCoreApplication.translate("PatientEditorDialog", "Back to the form"),
        QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back_button)
    box.setEscapeButton(back_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save_button:
        return DuplicateChoice.SAVE_ANYWAY
    if clicked is open_button:
        return DuplicateChoice.OPEN_EXISTING
    return DuplicateChoice.BACK


def confirm_discard(parent: QWidget) -> bool:
    """True when the user agrees to lose the changes (tests replace this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("PatientEditorDialog", "Unsaved changes"))
    box.setText(QCoreApplication.translate("PatientEditorDialog",
                                           "Close the form and lose the changes?"))
    discard = box.addButton(
        QCoreApplication.translate("PatientEditorDialog", "Lose the changes"),
        QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("PatientEditorDialog", "Keep editing"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class _DuplicatesFound:
    """What the save job returns instead of saving when the user has not seen them yet."""

    def __init__(self, duplicates: list[Patient]) -> None:
        self.duplicates = duplicates


class PatientEditorDialog(QDialog):
    """New patient (patient=None) or edit of an existing one (from service.open_file)."""

    saved = Signal(object)  # Patient, as stored
    open_existing_requested = Signal(str)  # id of a likely duplicate the user chose

    def __init__(self, runner: DbRunner, clock: Clock, patient: Patient | None = None,
                 parent: QWidget | None = None, *,
                 prefill: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._clock = clock
        self._original = patient
        self._busy = False
        self._problems: dict[str, str] = {}
        self.setObjectName("PatientEditorDialog")
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("New patient") if patient is None else
                            self.tr("Edit patient — %1").replace("%1", texts.full_name(patient)))
        self.setSizeGripEnabled(True)

        self.edits: dict[str, QLineEdit] = {}
        self.fields: dict[str, QWidget] = {}  # every field by Patient attribute name
        self.errors: dict[str, QLabel] = {}
        self._build()
        if patient is not None:
            self._load(patient)
        self._initial = self._snapshot()
        for name, text in (prefill or {}).items():
            # What the search typed: the user's text, so closing the form asks first.
            if name == "birth_date":
                self.birth_field.edit.setText(text)
            elif name in self.edits:
                self.edits[name].setText(text)
        self._check_ins_live()
        self._show_status()
        self.fields["birth_name"].setFocus()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        labels = {
            "birth_name": self.tr("&Birth name:"),
            "given_names": self.tr("&Given names:"),
            "used_name": self.tr("&Used name:"),
            "sex": self.tr("Se&x:"),
            "birth_date": self.tr("&Date of birth:"),
            "birth_place": self.tr("&Place of birth:"),
            "birth_insee": self.tr("INSEE &code:"),
            "ins": self.tr("&INS number:"),
            "address": self.tr("&Address:"),
            "postal_code": self.tr("P&ostal code:"),
            "city": self.tr("Cit&y:"),
            "phone": self.tr("P&hone:"),
            "email": self.tr("&E-mail:"),
            "treating_gp": self.tr("&Treating GP:"),
            "identity_document": self.tr("Identity document chec&ked:"),
        }
        # Wide enough for a long composed name or a grouped INS without scrolling, and
        # for the messages under the fields to read as sentences, not as a column.
        field_width = self.fontMetrics().horizontalAdvance("x") * 38
        for name in _TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setMinimumWidth(field_width)
            self.edits[name] = edit
            self.fields[name] = edit
        for short in ("postal_code", "birth_insee"):
            self.edits[short].setMinimumWidth(field_width // 3)
        self.edits["used_name"].setPlaceholderText(
            self.tr("If different from the birth name"))
        self.edits["given_names"].setPlaceholderText(
            self.tr("As on the identity document"))
        self.edits["birth_insee"].setPlaceholderText(
            self.tr("e.g. 75056"))
        self.edits["ins"].setPlaceholderText(
            self.tr("15 characters, from the INSi teleservice result"))
        self.edits["ins"].setToolTip(self.tr(
            "Copy the INS from the INSi teleservice result, not from the carte Vitale: a "
            "child is often on a parent's card."))
        self.edits["phone"].setPlaceholderText(
            self.tr("e.g. 06 12 34 56 78"))
        self.edits["treating_gp"].setPlaceholderText(
            self.tr("e.g. Dr Anne Martin, Lyon"))

        sex = QComboBox(self)
        sex.setMinimumWidth(field_width // 2)
        # No default: a wrong sex is worse than a question.
        sex.setPlaceholderText(self.tr("Choose…"))
        for code in ("F", "M", "U"):
            sex.addItem(texts.sex_label(code), code)
        sex.setCurrentIndex(-1)
        self.sex_combo = sex
        self.fields["sex"] = sex

        document = QComboBox(self)
        document.setMinimumWidth(field_width // 2)
        for code in ("", *IDENTITY_DOCUMENTS):
            document.addItem(texts.identity_document_label(code), code)
        document.setToolTip(self.tr(
            "The patient's own document the traits were checked against. The carte Vitale "
            "is not an identity document."))
        self.document_combo = document
        self.fields["identity_document"] = document
        self.status_label = QLabel(self)
        self.status_label.setObjectName("identity_status")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Identity status"))

        birth = DateField(self)
        birth.set_maximum(self._clock.today())
        self.birth_field = birth
        self.fields["birth_date"] = birth
        self.age_label = QLabel(self)
        self.age_label.setAccessibleName(self.tr("Age"))

        self.ins_hint = QLabel(self)
        self.ins_hint.setWordWrap(True)
        self.ins_hint.setAccessibleName(self.tr("INS number check"))

        for name in FIELD_ORDER:
            widget = self.fields[name]
            widget.setObjectName(name)
            widget.setAccessibleName(texts.field_label(name))
            error = QLabel(self)
            error.setObjectName(f"{name}_error")
            error.setProperty("role", "error")
            error.setWordWrap(True)
            error.setVisible(False)
            self.errors[name] = error

        identity = QGroupBox(self.tr("Identity"), self)
        self._form(identity, labels, ("birth_name", "given_names", "used_name", "sex",
                                      "birth_date", "birth_place", "birth_insee", "ins",
                                      "identity_document"))
        contact = QGroupBox(self.tr("Contact"), self)
        self._form(contact, labels, ("address", "postal_code", "city", "phone", "email"))
        care = QGroupBox(self.tr("Care"), self)
        self._form(care, labels, ("treating_gp",))

        self.banner = QFrame(self)
        self.banner.setProperty("role", "banner")
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_text.setAccessibleName(self.tr("Message"))
        self.reload_button = QPushButton(self.tr("&Reload the current version"), self.banner)
        self.reload_button.setAccessibleName(self.tr("Reload the current version"))
        self.reload_button.clicked.connect(self._reload)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.reload_button)
        self.banner.setVisible(False)

        self.buttons = QDialogButtonBox(self)
        self.save_button = add_main_button(self.buttons, self.tr("&Save"), self.tr("Save"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = add_cancel_button(self.buttons, self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(contact)
        right.addWidget(care)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(identity, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        order = [birth.edit if n == "birth_date" else self.fields[n] for n in FIELD_ORDER]
        order.insert(order.index(birth.edit) + 1, birth.calendar_button)
        order += [self.save_button, self.cancel_button, self.reload_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        for name in _TEXT_FIELDS:
            self.edits[name].textEdited.connect(
                lambda _text, n=name: self._clear_problem(n))
        self.edits["ins"].textChanged.connect(self._check_ins_live)
        self.edits["ins"].editingFinished.connect(self._tidy_ins)
        sex.currentIndexChanged.connect(lambda _i: self._clear_problem("sex"))
        sex.currentIndexChanged.connect(lambda _i: self._clear_problem("ins"))
        document.currentIndexChanged.connect(
            lambda _i: self._clear_problem("identity_document"))
        birth.changed.connect(lambda: self._clear_problem("ins"))
        sex.currentIndexChanged.connect(self._check_ins_live)
        document.currentIndexChanged.connect(self._show_status)
        self.edits["ins"].textChanged.connect(self._show_status)
        birth.changed.connect(lambda: self._clear_problem("birth_date"))
        birth.changed.connect(self._show_age)
        birth.changed.connect(self._check_ins_live)

    def _form(self, box: QGroupBox, labels: dict[str, str], names: tuple[str, ...]) -> None:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            label = QLabel(labels[name], box)
            label.setBuddy(self.fields[name])
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if name == "birth_date":
                row = QHBoxLayout()
                row.addWidget(self.fields[name])
                row.addWidget(self.age_label, 1)
                cell.addLayout(row)
            else:
                cell.addWidget(self.fields[name])
            cell.addWidget(self.errors[name])
            if name == "ins":
                cell.addWidget(self.ins_hint)
            if name == "identity_document":
                cell.addWidget(self.status_label)
            form.addRow(label, cell)

    # --- form content -------------------------------------------------------------------
    def _load(self, patient: Patient) -> None:
        for name in _TEXT_FIELDS:
            value = getattr(patient, name)
            if name == "ins" and value:
                value = identifiers.format_ins(value)
            self.edits[name].setText(value)
        self.sex_combo.setCurrentIndex(self.sex_combo.findData(patient.sex))
        self.birth_field.set_value(patient.birth_date)
        self.document_combo.setCurrentIndex(
            max(0, self.document_combo.findData(patient.identity_document)))

    def _text(self, name: str) -> str:
        return self.edits[name].text()

    def _sex(self) -> str:
        data = self.sex_combo.currentData()
        return data if isinstance(data, str) else ""

    def _document(self) -> str:
        data = self.document_combo.currentData()
        return data if isinstance(data, str) else ""

    def _snapshot(self) -> dict[str, str]:
        values = {name: self._text(name).strip() for name in _TEXT_FIELDS}
        values["ins"] = identifiers.normalize_nir(values["ins"])
        values["sex"] = self._sex()
        values["identity_document"] = self._document()
        values["birth_date"] = self.birth_field.text()
        return values

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    def draft(self) -> Patient:
        """The form as a Patient; an unset or impossible birth date reads as today
        (problems() reports it, so such a draft is never saved)."""
        base = self._original or Patient("", "", "", self._clock.today())
        values: dict[str, Any] = {name: self._text(name) for name in _TEXT_FIELDS}
        return replace(base, sex=self._sex(), identity_document=self._document(),
                       birth_date=self.birth_field.value() or self._clock.today(), **values)

    def problems(self) -> list[FieldProblem]:
        """Every problem the form can see without the database, in form order."""
        found = [p for p in validate(clean(self.draft()), self._clock.today())
                 if p.field != "birth_date" or self.birth_field.problem() is None]
        date_problem = self.birth_field.problem()
        if date_problem:
            found.append(FieldProblem("birth_date", date_problem))
        return sorted(found, key=lambda p: FIELD_ORDER.index(p.field))

    # --- problems beside their fields ---------------------------------------------------
    def show_problems(self, problems: list[FieldProblem]) -> None:
        mismatches = [p.code.removeprefix("mismatch_") for p in problems
                      if p.field == "ins" and p.code.startswith("mismatch_")]
        for problem in problems:
            if problem.field not in self.fields:
                continue
            if mismatches and problem.field == "ins":
                # Sex, year and month in one message: every contradiction, one advice.
                message = texts.ins_mismatch_text(mismatches)
            else:
                message = texts.problem_text(
                    problem.field, problem.code,
                    self._text("ins") if problem.field == "ins" else "")
            self._problems[problem.field] = message
            self._mark(problem.field, message)
        if "ins" in self._problems:
            self._hint("", "")  # the same sentence is already beside the field
        self._fit()
        known = [p for p in problems if p.field in self.fields]
        if known:
            first = known[0].field
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            if first in self.edits:
                self.edits[first].selectAll()

    def problem_shown(self, field: str) -> str:
        """The message shown beside a field ("" when none)."""
        return self._problems.get(field, "")

    def _mark(self, name: str, message: str) -> None:
        widget = self.fields[name]
        target = self.birth_field.edit if name == "birth_date" else widget
        target.setProperty("invalid", bool(message))
        target.style().unpolish(target)
        target.style().polish(target)
        widget.setAccessibleDescription(message)
        self.errors[name].setText(message)
        self.errors[name].setVisible(bool(message))

    def _clear_problem(self, name: str) -> None:
        if self._problems.pop(name, None) is not None:
            self._mark(name, "")
            if name == "ins":
                self._check_ins_live()

    def _clear_all_problems(self) -> None:
        for name in list(self._problems):
            self._clear_problem(name)

    # --- live hints ---------------------------------------------------------------------
    def _show_age(self) -> None:
        birth = self.birth_field.value()
        today = self._clock.today()
        if birth is None or birth > today:
            self.age_label.setText("")
        else:
            self.age_label.setText(texts.age_text(birth, today))

    def _check_ins_live(self) -> None:
        """A verdict as soon as the 15 characters are there; no red while still typing."""
        typed = identifiers.normalize_nir(self._text("ins"))
        if not typed or "ins" in self._problems:
            self._hint("", "")
            return
        check = identifiers.validate_ins(typed)
        if not check.ok:
            still_typing = (len(typed) < 15 and check.reason in (
                identifiers.Reason.LENGTH, identifiers.Reason.KEY_MISSING))
            if still_typing:
                self._hint(self.tr("%n of 15 characters", "", len(typed)), "")
            else:
                self._hint(texts.ins_reason_text(check), "error")
            return
        birth = self.birth_field.value()
        mismatches = identifiers.ins_matches_patient(typed, self._sex(), birth) if birth else []
        if mismatches:
            # Refused on save (RNIV): said now, in full, so nobody is surprised.
            self._hint(texts.ins_mismatch_text(mismatches), "error")
        else:
            self._hint(self.tr("Valid INS number."), "ok")

    def _show_status(self) -> None:
        """The RNIV status the record will have, and what is left to do."""
        status = identity_status(bool(identifiers.normalize_nir(self._text("ins"))),
                                 bool(self._document()))
        self.status_label.setText(self.tr("%1 — %2").replace(
            "%1", texts.identity_status_label(status)).replace(
            "%2", texts.identity_status_help(status)))

    def _fit(self) -> None:
        """Grows the window when messages appear: a clipped sentence helps nobody."""
        grow_to_content(self)

    def _hint(self, text: str, role: str) -> None:
        self.ins_hint.setText(text)
        self.ins_hint.setProperty("role", role)
        self.ins_hint.style().unpolish(self.ins_hint)
        self.ins_hint.style().polish(self.ins_hint)
        self.ins_hint.setVisible(bool(text))
        if text and self.isVisible():
            # After the label has its new text laid out, not before.
            QTimer.singleShot(0, self, self._fit)

    def _tidy_ins(self) -> None:
        """Groups a valid INS as printed on the carte Vitale once the user leaves it."""
        edit = self.edits["ins"]
        if identifiers.validate_ins(edit.text()).ok:
            formatted = identifiers.format_ins(edit.text())
            if formatted != edit.text():
                edit.setText(formatted)

    # --- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self._busy:
            return
        self._clear_all_problems()
        self._show_banner("")
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return
        self._submit(check_duplicates=self._identity_changed())

    def _identity_changed(self) -> bool:
        """Duplicates are asked about for a new patient, or when name or birth date change."""
        if self._original is None:
            return True
        draft = clean(self.draft())
        return (identity_key(draft), draft.birth_date) != (
            identity_key(self._original), self._original.birth_date)

    def _submit(self, check_duplicates: bool) -> None:
        draft = self.draft()

        def job(db: Database) -> service.SaveResult | _DuplicatesFound:
            if check_duplicates and not validate(clean(draft), db.clock.today()):
                found = service.likely_duplicates(db, draft)
                if found:
                    return _DuplicatesFound(found)
            return service.save(db, draft)

        self._set_busy(True)
        self._runner.run(job, self._saved, self._save_failed, owner=self)

    def _saved(self, result: service.SaveResult | _DuplicatesFound) -> None:
        self._set_busy(False)
        if isinstance(result, _DuplicatesFound):
            choice = ask_duplicate_choice(self, result.duplicates)
            if choice is DuplicateChoice.SAVE_ANYWAY:
                self._submit(check_duplicates=False)
            elif choice is DuplicateChoice.OPEN_EXISTING:
                self._initial = self._snapshot()  # the user chose to leave this form
                self.open_existing_requested.emit(result.duplicates[0].id)
                self.done(QDialog.DialogCode.Rejected)
            return
        self._original = result.patient
        self._initial = self._snapshot()
        self.saved.emit(result.patient)
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, service.InvalidPatient):
            self.show_problems(sorted(
                error.problems,
                key=lambda p: FIELD_ORDER.index(p.field) if p.field in FIELD_ORDER else 99))
        elif isinstance(error, service.StaleRecord):
            self._show_banner(self.tr(
                "This patient was changed elsewhere (another window or a synchronisation) "
                "since you opened the form. Nothing you typed is lost: reload the current "
                "version, your changes stay on top of it, then save again."), reload=True)
        else:
            log.error("saving a patient failed: %s", type(error).__name__)
            self._show_banner(self.tr(
                "The patient could not be saved. What you typed is still in the form: try "
                "again; if it keeps failing, restart TSN Desktop."))

    def _reload(self) -> None:
        """Fetches the current version and puts the user's changes back on top of it."""
        if self._original is None or self._busy:
            return
        patient_id = self._original.id
        self._set_busy(True)
        self._runner.run(lambda db: service.open_file(db, patient_id),
                         self._reloaded, self._reload_failed, owner=self)

    def _reloaded(self, current: Patient) -> None:
        self._set_busy(False)
        mine = self._snapshot()
        before = self._initial
        self._load(current)
        theirs = self._snapshot()
        both_changed = []
        for name, value in mine.items():
            if value != before.get(name):
                self._restore(name, mine)
                if theirs[name] != before.get(name) and theirs[name] != value:
                    both_changed.append(texts.field_label(name))
        self._original = current
        self._initial = theirs
        self._check_ins_live()
        self._show_age()
        if both_changed:
            self._show_banner(self.tr(
                "Current version loaded. These fields were also changed elsewhere; your "
                "text was kept, check it: %1").replace("%1", ", ".join(both_changed)))
        else:
            self._show_banner(self.tr(
                "Current version loaded, with your changes on top. Check, then save."))

    def _restore(self, name: str, values: dict[str, str]) -> None:
        if name == "sex":
            combo = self.sex_combo
            combo.setCurrentIndex(combo.findData(values["sex"]) if values["sex"] else -1)
        elif name == "birth_date":
            self.birth_field.edit.setText(values["birth_date"])
        elif name == "identity_document":
            combo = self.document_combo
            combo.setCurrentIndex(max(0, combo.findData(values[name])))
        else:
            self.edits[name].setText(values[name])

    def _reload_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, LookupError):
            self._show_banner(self.tr(
                "This patient was deleted elsewhere. Copy what you need from the form, "
                "then cancel."))
        else:
            log.error("reloading a patient failed: %s", type(error).__name__)
            self._show_banner(self.tr(
                "The current version could not be loaded. Your text is still in the form: "
                "try again."), reload=True)

    def _show_banner(self, text: str, reload: bool = False) -> None:
        self.banner_text.setText(text)
        self.reload_button.setVisible(reload)
        self.banner.setVisible(bool(text))
        if text:
            self._fit()
        if reload:
            self.reload_button.setFocus()

    def _set_busy(self, busy: bool) -> None:
        """Saving takes milliseconds, but a double press must not create two patients."""
        self._busy = busy
        self.save_button.setEnabled(not busy)
        self.reload_button.setEnabled(not busy)


    # --- closing ------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel, Esc and the window's close button all come here."""
        if self._busy:
            return
        if self.is_dirty() and not confirm_discard(self):
            return
        super().reject()
