"""The "Record a dose" dialog: keyboard only, from the catalogue, with a scan field that
takes a keyboard-wedge GS1 DataMatrix and fills product, lot and expiry."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.ui.fit import FittingDialog, grow_to_content, reading_width
from tsn_desktop.ui.formatting import date_text
from tsn_desktop.vaccination import barcode, model, scope, service
from tsn_desktop.vaccination.catalogue import Catalogue, Vaccine
from tsn_desktop.vaccination.model import Dose, Fact, InvalidDose, Performer
from tsn_desktop.vaccination.ui import scope_texts, texts

log = logging.getLogger(__name__)
_DATE = re.compile(r"^\s*(\d{1,2})[/.\- ]?(\d{1,2})[/.\- ]?(\d{4})\s*$")
GS_MARK = "<GS>"  # how a typed GS is kept in a field (barcode.normalize reads it)
_STYLE = "QLabel[role=\"error\"] { color: #b71c1c; }"


def parse_day(text: str) -> date | None:
    """dd/mm/yyyy (or ddmmyyyy); None when it is not a date."""
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def _add_codes(combo: QComboBox, kind: str, codes: Iterable[str]) -> None:
    """One item a code of the carnet: its words shown (texts.label), the code as data."""
    for code in codes:
        combo.addItem(texts.label(kind, code), code)


class DoseDialog(FittingDialog):
    """Saves through the DB runner; what was typed stays whatever goes wrong."""

    saved = Signal(object)  # the Dose as saved

    def __init__(self, runner: DbRunner, catalogue: Catalogue, patient_id: str,
                 birth_date: date, today: date, by: Performer,
                 learned: dict[str, str] | None = None, parent: QWidget | None = None,
                 sex: str = "U", facts: list[Fact] | None = None) -> None:
        super().__init__(parent)
        self._sex = sex
        self._facts = list(facts or [])
        self._outside: str | None = None
        self._runner = runner
        self._catalogue = catalogue
        self._patient_id = patient_id
        self._birth_date = birth_date
        self._today = today
        self._by = by
        self._learned = dict(learned or {})
        self._unknown_gtin: str | None = None
        self._busy = False
        self.setObjectName("DoseDialog")
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(self.tr("Record a dose"))

        self.scan_edit = QLineEdit(self)
        self.scan_edit.setObjectName("scan")
        self.scan_edit.setAccessibleName(self.tr("Scan of the pack"))
        self.scan_edit.setPlaceholderText(self.tr("Scan the DataMatrix of the pack here"))
        self.scan_edit.installEventFilter(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search")
        self.search_edit.setAccessibleName(self.tr("Find the vaccine"))
        self.search_edit.setPlaceholderText(self.tr("Brand, laboratory or disease"))
        self.search_edit.installEventFilter(self)
        self.product_list = QListWidget(self)
        self.product_list.setObjectName("products")
        self.product_list.setAccessibleName(self.tr("Vaccines of the catalogue"))
        self.product_list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.outcome_combo = self._code_combo(self.tr("Outcome"), texts.OUTCOME,
                                              model.OUTCOMES)
        self.reason_combo = self._code_combo(self.tr("Why it was not given"), texts.REASON,
                                             ("", *model.NOT_GIVEN_REASONS))
        self.source_combo = self._code_combo(self.tr("Where the information comes from"),
                                             texts.SOURCE, (model.TRANSCRIBED, model.REPORTED))
        self.lot_edit = QLineEdit(self)
        self.lot_edit.setObjectName("lot")
        self.lot_edit.setAccessibleName(self.tr("Lot number"))
        self.lot_edit.setMaxLength(model.MAX_LOT + 20)  # the check says what is too long
        self.expiry_edit = QLineEdit(self)
        self.expiry_edit.setObjectName("expiry")
        self.expiry_edit.setAccessibleName(self.tr("Expiry date"))
        self.expiry_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.site_combo = self._code_combo(self.tr("Injection site"), texts.SITE, ())
        self.route_combo = self._code_combo(self.tr("Route"), texts.ROUTE, ())
        self.date_edit = QLineEdit(date_text(today), self)
        self.date_edit.setObjectName("date")
        self.date_edit.setAccessibleName(self.tr("Date of the vaccination"))
        self.date_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.place_combo = self._code_combo(self.tr("Where it was given"), texts.PLACE,
                                            model.PLACES)
        self.place_name_edit = QLineEdit(self)
        self.place_name_edit.setAccessibleName(self.tr("Name of the place (optional)"))
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("scope")
        self.scope_label.setWordWrap(True)
        self.scope_label.setAccessibleName(self.tr("Who may give this dose"))
        self.prescriber_edit = QLineEdit(self)
        self.prescriber_edit.setAccessibleName(self.tr("Prescribing physician"))
        self.prescriber_edit.setPlaceholderText(self.tr("Dr first name NAME"))
        self.prescriber_rpps_edit = QLineEdit(self)
        self.prescriber_rpps_edit.setAccessibleName(self.tr("RPPS of the prescriber"))
        self.prescriber_rpps_edit.setPlaceholderText(self.tr("11 digits"))
        self.prescriber_rpps_edit.setMaxLength(11)
        for edit in (self.lot_edit, self.expiry_edit, self.date_edit, self.place_name_edit):
            edit.textEdited.connect(lambda text, e=edit: self._maybe_scan(e, text))
            edit.installEventFilter(self)

        form = QFormLayout()
        for label, field in ((self.tr("S&can:"), self.scan_edit),
                             (self.tr("&Vaccine:"), self.search_edit),
                             ("", self.product_list),
                             (self.tr("&Outcome:"), self.outcome_combo),
                             (self.tr("Reaso&n:"), self.reason_combo),
                             (self.tr("So&urce:"), self.source_combo),
                             (self.tr("&Lot:"), self.lot_edit),
                             (self.tr("E&xpiry:"), self.expiry_edit),
                             (self.tr("S&ite:"), self.site_combo),
                             (self.tr("&Route:"), self.route_combo),
                             (self.tr("&Date:"), self.date_edit),
                             (self.tr("&Where:"), self.place_combo),
                             (self.tr("&Place name:"), self.place_name_edit),
                             ("", self.scope_label),
                             (self.tr("Prescri&bed by:"), self.prescriber_edit),
                             (self.tr("Prescriber's RPPS:"), self.prescriber_rpps_edit)):
            if label:
                buddy = QLabel(label, self)
                buddy.setBuddy(field)
                form.addRow(buddy, field)
            else:
                form.addRow(field)
        self._form = form

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self._filter)
        self.product_list.currentItemChanged.connect(lambda *_: self._product_changed())
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self.date_edit.textChanged.connect(lambda _t: self._check_scope())
        self._filter("")
        self._outcome_changed()
        self.setMinimumWidth(reading_width(self, 70))
        self.scan_edit.setFocus()

    def _code_combo(self, name: str, kind: str, codes: Iterable[str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        _add_codes(combo, kind, codes)
        return combo

    # --- product ---------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        chosen = self.product()
        self.product_list.blockSignals(True)
        self.product_list.clear()
        for vaccine in self._catalogue.search(text):
            item = QListWidgetItem(f"{vaccine.brand} — {vaccine.covers} ({vaccine.laboratory})")
            item.setData(Qt.ItemDataRole.UserRole, vaccine.code)
            self.product_list.addItem(item)
            if chosen is not None and vaccine.code == chosen.code:
                self.product_list.setCurrentItem(item)
        if self.product_list.currentItem() is None and self.product_list.count() and text:
            self.product_list.setCurrentRow(0)
        self.product_list.blockSignals(False)
        self._product_changed()

    def product(self) -> Vaccine | None:
        item = self.product_list.currentItem()
        return self._catalogue.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def choose_product(self, code: str) -> None:
        vaccine = self._catalogue.get(code)
        if vaccine is None:
            return
        self.search_edit.blockSignals(True)
        self.search_edit.setText(vaccine.brand)
        self.search_edit.blockSignals(False)
        self._filter(vaccine.brand)
        for row in range(self.product_list.count()):
            if self.product_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.product_list.setCurrentRow(row)

    def _check_scope(self) -> None:
        """Says, as soon as the vaccine and date are known, whether the dose is within the
        practitioner's own scope (scope.py); outside it, the prescriber is asked for."""
        vaccine = self.product()
        on = parse_day(self.date_edit.text()) or self._today
        outside = None
        if vaccine is not None and self.outcome_combo.currentData() == model.ADMINISTERED:
            observations = model.observations_on(
                self._facts, on, service.schedule_data().observations.keys())
            outside = scope.outside_scope(scope.shipped_scope(), self._by.profession,
                                          vaccine.live, self._birth_date, self._sex,
                                          observations, on)
        self._outside = outside
        rule = scope.shipped_scope().rules.get(self._by.profession)
        self.scope_label.setText(scope_texts.scope_text(
            outside, rule.min_age_years if rule else 0) if outside else "")
        for widget in (self.scope_label, self.prescriber_edit, self.prescriber_rpps_edit):
            self._form.setRowVisible(widget, outside is not None)
        if outside is not None:
            grow_to_content(self)

    def outside_scope(self) -> str | None:
        return self._outside

    def _product_changed(self) -> None:
        vaccine = self.product()
        site, route = self.site_combo.currentData(), self.route_combo.currentData()
        self.site_combo.clear()
        self.route_combo.clear()
        self._check_scope()
        if vaccine is None:
            return
        _add_codes(self.site_combo, texts.SITE, vaccine.sites)
        _add_codes(self.route_combo, texts.ROUTE, vaccine.routes)
        if site in vaccine.sites:
            self.site_combo.setCurrentIndex(vaccine.sites.index(site))
        if route in vaccine.routes:
            self.route_combo.setCurrentIndex(vaccine.routes.index(route))

    def _outcome_changed(self) -> None:
        outcome = self.outcome_combo.currentData()
        self.reason_combo.setEnabled(outcome == model.NOT_GIVEN)
        self.source_combo.setEnabled(outcome == model.HISTORICAL)
        self._check_scope()

    # --- scanning --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if event.text() == barcode.GS and isinstance(watched, QLineEdit):
                # A line edit drops control characters: the scanner's GS (FNC1) would be
                # lost and the lot would swallow the serial. Kept as its spelled-out form.
                watched.insert(GS_MARK)
                if watched is not self.scan_edit:
                    self._maybe_scan(watched, watched.text())
                return True
            if watched is self.scan_edit and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply_scan(self.scan_edit.text())
                return True  # the scanner's Enter is not the dialog's Save
            if watched is self.search_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.product_list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.product_list.count():
                    self.product_list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _maybe_scan(self, edit: QLineEdit, text: str) -> None:
        """A scanner typing into another field: the scan goes to the scan field (the rest
        of its keystrokes follow the focus), the field keeps what was typed before."""
        start = text.find("]d2")
        if start < 0:
            start = text.find(GS_MARK)
        if start < 0:
            return
        edit.setText(text[:start])
        self.scan_edit.setText(text[start:])
        self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_scan(self, text: str) -> None:
        scan = barcode.parse_scan(text, self._today, self._catalogue, self._learned)
        self.scan_edit.clear()
        if scan.refused is not None:
            self._unknown_gtin = None
            self._say(texts.scan_text(scan.refused, scan.expiry, False), error=True)
            return
        self.lot_edit.setText(scan.lot or "")
        self.expiry_edit.setText(date_text(scan.expiry) if scan.expiry else "")
        self.outcome_combo.setCurrentIndex(model.OUTCOMES.index(model.ADMINISTERED))
        if scan.product is not None:
            self._unknown_gtin = None
            self.choose_product(scan.product)
            self._say(texts.scan_text(None, scan.expiry, True), error=False)
            self.site_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._unknown_gtin = scan.gtin
            self._say(texts.scan_text(None, scan.expiry, False), error=False)
            self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str, error: bool) -> None:
        self.message.setProperty("role", "error" if error else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            grow_to_content(self)

    def message_shown(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    # --- saving ----------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return bool(self.lot_edit.text() or self.expiry_edit.text() or self.product()
                    or self.search_edit.text())

    def draft(self) -> Dose | list[str]:
        """The dose typed, or the problems that keep it from being read at all."""
        problems = []
        occurrence = parse_day(self.date_edit.text())
        if occurrence is None:
            problems.append("bad_date")
        expiry = None
        if self.expiry_edit.text().strip():
            expiry = parse_day(self.expiry_edit.text())
            if expiry is None:
                problems.append("bad_expiry")
        vaccine = self.product()
        if vaccine is None:
            problems.append(model.UNKNOWN_PRODUCT)
        if problems or occurrence is None or vaccine is None:
            return problems
        outcome = self.outcome_combo.currentData()
        given_here = outcome == model.ADMINISTERED
        return Dose(
            id="", patient_id=self._patient_id, occurrence=occurrence, product=vaccine.code,
            outcome=outcome, lot=self.lot_edit.text(), expiry=expiry,
            site=self.site_combo.currentData() or "", route=self.route_combo.currentData() or "",
            performer=self._by if given_here else Performer(),
            place=self.place_combo.currentData() or "", place_name=self.place_name_edit.text(),
            source=model.RECORDED if outcome != model.HISTORICAL
            else self.source_combo.currentData(),
            reason=self.reason_combo.currentData() if outcome == model.NOT_GIVEN else "",
            prescriber=Performer(self.prescriber_edit.text(), "physician",
                                 self.prescriber_rpps_edit.text())
            if given_here and self._outside else Performer())

    def save(self) -> None:
        if self._busy:
            return
        draft = self.draft()
        if isinstance(draft, list):
            self._refused(tuple(draft))
            return
        patient_birth, today, by, sex = self._birth_date, self._today, self._by, self._sex
        gtin, catalogue = self._unknown_gtin, self._catalogue

        def job(db: Database) -> Dose:
            dose = service.record_dose(db, draft, today, patient_birth, by, catalogue,
                                       sex=sex)
            if gtin is not None:
                service.learn_gtin(db, gtin, dose.product, catalogue)
            return dose

        self._busy = True
        self.save_button.setEnabled(False)
        self._runner.run(job, self._saved, self._failed, owner=self)

    def _saved(self, dose: Dose) -> None:
        self._busy = False
        self.saved.emit(dose)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidDose):
            self._refused(error.problems)
        else:
            log.error("recording a dose failed: %s", type(error).__name__)
            self._say(self.tr("The dose could not be saved. What you typed is still here: "
                              "try again; if it keeps failing, restart TSN Desktop."), True)

    def _refused(self, problems: tuple[str, ...]) -> None:
        self._say("\n".join(scope_texts.scope_text(p) if scope_texts.is_scope_code(p)
                            else texts.label(texts.PROBLEM, p) for p in problems), error=True)
        focus = {"bad_date": self.date_edit, model.FUTURE: self.date_edit,
                 model.BEFORE_BIRTH: self.date_edit, "bad_expiry": self.expiry_edit,
                 model.EXPIRED_AT_DATE: self.expiry_edit, model.UNKNOWN_PRODUCT:
                 self.search_edit, model.LOT_REQUIRED: self.lot_edit,
                 model.LOT_CONTROL: self.lot_edit, model.LOT_TOO_LONG: self.lot_edit,
                 model.REASON_REQUIRED: self.reason_combo,
                 scope.PRESCRIBER_REQUIRED: self.prescriber_edit}
        for problem in problems:
            if problem in focus:
                focus[problem].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def reject(self) -> None:
        if not self._busy:
            super().reject()
