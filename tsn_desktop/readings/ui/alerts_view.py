"""The practice's alert list (urgent first, acknowledge with a comment), the acknowledge
dialog, and a patient's pathway panel (pathway, dry weight, thresholds with who set them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.feature import QT_TRANSLATE_NOOP, FeatureContext
from tsn_desktop.readings import service
from tsn_desktop.readings.alerts import HEART_FAILURE, PATHWAYS, PROTOCOLS, Thresholds
from tsn_desktop.readings.pathways import EDITABLE, PathwayError, StoredAlert
from tsn_desktop.readings.ui import texts
from tsn_desktop.ui.formatting import datetime_text
from tsn_desktop.ui.rows_model import RowsMixin

Index = QModelIndex | QPersistentModelIndex
RESOURCES = {"DetectedIssue", "Observation", "EpisodeOfCare"}
_URGENT = QColor("#cf222e")


class PracticeAlertsModel(RowsMixin, QAbstractTableModel):
    """The practice's alerts: severity, when, patient, what, who saw it."""

    SEVERITY, WHEN, PATIENT, WHAT, SEEN = range(5)
    COLUMN_COUNT = 5
    TITLES_CONTEXT = "PracticeAlertsModel"
    TITLES = (
        QT_TRANSLATE_NOOP("PracticeAlertsModel", "Severity"),
        QT_TRANSLATE_NOOP("PracticeAlertsModel", "When"),
        QT_TRANSLATE_NOOP("PracticeAlertsModel", "Patient"),
        QT_TRANSLATE_NOOP("PracticeAlertsModel", "Alert"),
        QT_TRANSLATE_NOOP("PracticeAlertsModel", "Seen"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[service.PracticeAlert] = []

    def set_alerts(self, rows: Sequence[service.PracticeAlert]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def alert(self, row: int) -> service.PracticeAlert:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: service.PracticeAlert | None = self.item_at(index)
        if row is None:
            return None
        a = row.alert
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == self.SEVERITY:
                return texts.severity_label(a.severity)
            if column == self.WHEN:
                return datetime_text(a.at)
            if column == self.PATIENT:
                return row.patient_name
            if column == self.WHAT:
                return texts.alert_text(a.as_alert())
            if column == self.SEEN:
                return "; ".join(texts.ack_text(k.by_name, datetime_text(k.at), k.comment)
                                 for k in a.acks)
        if role == Qt.ItemDataRole.ForegroundRole and a.severity == "urgent" \
                and index.column() == self.SEVERITY:
            return QBrush(_URGENT)
        return None


def ack_summary(alert: StoredAlert) -> str:
    return "; ".join(texts.ack_text(k.by_name, datetime_text(k.at), k.comment)
                     for k in alert.acks)


class AcknowledgeDialog(QDialog):
    """What the practitioner did about the alert (the comment is kept and sent)."""

    def __init__(self, alert: StoredAlert, patient: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge the alert"))
        what = QLabel(f"{patient} — {datetime_text(alert.at)}\n"
                      f"{texts.alert_text(alert.as_alert())}", self)
        what.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("readings_ack_comment")
        self.comment.setAccessibleName(self.tr("What was done"))
        self.comment.setTabChangesFocus(True)
        label = QLabel(self.tr("&What was done (call, treatment change, appointment…):"), self)
        label.setBuddy(self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(label)
        layout.addWidget(self.comment)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.comment.toPlainText()


PROTOCOL_KEY = "protocol"  # in the thresholds dialog's changes: the patient's protocol
SHOWN_ROWS = 4  # the practice's alerts always in view, even on an 800 × 600 screen


class PracticeAlertsPanel(QWidget):
    """Every patient's alerts, urgent first; Enter opens the patient, Ctrl+K acknowledges."""

    shown = Signal()
    patient_chosen = Signal(str, str)  # patient id, name
    acknowledged = Signal()

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = PracticeAlertsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("readings_practice_alerts")
        self.table.setAccessibleName(self.tr("Alerts of the practice"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Rows a line of text high, and never fewer than SHOWN_ROWS of them in view:
        # the list is what the page is for.
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + SHOWN_ROWS * rows.defaultSectionSize()
                                    + self.table.horizontalScrollBar().sizeHint().height()
                                    + 2 * self.table.frameWidth() + 2)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 80), (1, 120), (2, 190), (3, 430)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.show_seen = QCheckBox(self.tr("Show &acknowledged alerts"), self)
        self.show_seen.setObjectName("readings_show_seen")
        self.show_seen.setAccessibleName(self.tr("Show acknowledged alerts"))
        self.ack_button = QPushButton(self.tr("Ac&knowledge…"), self)
        self.ack_button.setObjectName("readings_ack")
        self.ack_button.setAccessibleName(self.tr("Acknowledge the selected alert"))
        self.ack_button.setToolTip(self.tr("Say what was done about the selected alert "
                                           "(Ctrl+K)"))
        self.ack_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("&Open the patient"), self)
        self.open_button.setObjectName("readings_open_alert_patient")
        self.open_button.setAccessibleName(self.tr("Open the patient of the selected alert"))
        self.open_button.setEnabled(False)
        self.protocol = QComboBox(self)
        self.protocol.setObjectName("readings_protocol")
        # Its long labels must not widen the page past a small screen (the list shows them).
        self.protocol.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.protocol.setMinimumContentsLength(16)
        self.protocol.setAccessibleName(self.tr("Home blood pressure protocol"))
        self.protocol.setToolTip(self.tr(
            "Given to the patients you enrol in a pathway; each patient's own protocol is "
            "in their thresholds, the same for everyone following them"))
        for code in PROTOCOLS:
            self.protocol.addItem(texts.protocol_label(code), code)
        protocol_label = QLabel(self.tr("Home BP &protocol:"), self)
        protocol_label.setBuddy(self.protocol)
        self.count = QLabel(self)
        self.count.setObjectName("readings_alert_count")
        # Two rows (what is shown, then what to do): one row did not fit an 800 px screen.
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(protocol_label)
        bar.addWidget(self.protocol)
        actions = QHBoxLayout()
        actions.addWidget(self.show_seen)
        actions.addStretch(1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.ack_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.show_seen.toggled.connect(lambda _on: self.refresh())
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.protocol.activated.connect(self._protocol_chosen)
        QShortcut(QKeySequence("Ctrl+K"), self, self.acknowledge_selected,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.runner.records_changed.connect(self._records_changed)
        self.refresh()

    def refresh(self) -> None:
        seen = self.show_seen.isChecked()

        def load(db: Any) -> tuple[list[service.PracticeAlert], str]:
            return service.practice_alerts(db, seen), service.home_protocol(db)
        self.context.runner.run(load, self._show, owner=self)

    def _records_changed(self, changed: Any) -> None:
        if RESOURCES & set(changed.types()):
            self.refresh()

    def _show(self, loaded: tuple[list[service.PracticeAlert], str]) -> None:
        rows, protocol = loaded
        self.model.set_alerts(rows)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(protocol)))
        unseen = sum(1 for r in rows if not r.alert.acknowledged)
        urgent = sum(1 for r in rows if not r.alert.acknowledged and r.alert.severity == "urgent")
        self.count.setText(self.tr("%n alert(s) to see", "", unseen) +
                           (" — " + self.tr("%n urgent", "", urgent) if urgent else ""))
        self._selection()
        self.shown.emit()

    def _selection(self, *_args: Any) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None)
        self.ack_button.setEnabled(row is not None)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            chosen = self.model.alert(row)
            self.patient_chosen.emit(chosen.alert.patient_id, chosen.patient_name)

    def ask_comment(self, chosen: service.PracticeAlert) -> str | None:
        """The comment typed in the dialog, None when cancelled (tests replace this)."""
        dialog = AcknowledgeDialog(chosen.alert, chosen.patient_name, self)
        try:
            return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def acknowledge_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        chosen = self.model.alert(row)
        comment = self.ask_comment(chosen)
        if comment is None:
            return
        name = self.context.practitioner.display_name
        alert_id = chosen.alert.id
        self.context.runner.run(lambda db: service.acknowledge(db, alert_id, comment, name),
                                lambda _a: self._acked(), owner=self)

    def _acked(self) -> None:
        self.acknowledged.emit()
        self.refresh()

    def _protocol_chosen(self, _index: int) -> None:
        code = str(self.protocol.currentData())
        self.context.runner.run(lambda db: service.set_home_protocol(db, code),
                                lambda _r: self.refresh(), owner=self)


class PathwayPanel(QWidget):
    """The patient's pathway and dry weight, with who set them; changes saved at once."""

    saved = Signal()
    refused = Signal(str)  # the words shown

    def __init__(self, context: FeatureContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.patient_id: str | None = None
        self._view: service.PathwayView | None = None
        self.pathway = QComboBox(self)
        self.pathway.setObjectName("readings_pathway")
        self.pathway.setAccessibleName(self.tr("Pathway"))
        self.pathway.addItem(texts.pathway_label(None), "")
        for code in PATHWAYS:
            self.pathway.addItem(texts.pathway_label(code), code)
        pathway_label = QLabel(self.tr("Pat&hway:"), self)
        pathway_label.setBuddy(self.pathway)
        self.dry_weight = QDoubleSpinBox(self)
        self.dry_weight.setObjectName("readings_dry_weight")
        self.dry_weight.setAccessibleName(self.tr("Dry weight (kg)"))
        low, high = EDITABLE["dry_weight_kg"]
        self.dry_weight.setRange(0.0, high)  # 0: not set
        self.dry_weight.setSpecialValueText(self.tr("not set"))
        self.dry_weight.setDecimals(1)
        self.dry_weight.setSingleStep(0.5)
        # Wide enough for "not set" in the user's language as for "000,0 kg".
        self.dry_weight.setMaximumWidth(max(
            self.fontMetrics().horizontalAdvance(text)
            for text in ("000,0 kg", self.dry_weight.specialValueText())) + 48)
        dry_label = QLabel(self.tr("D&ry weight:"), self)
        dry_label.setBuddy(self.dry_weight)
        self.save_dry = QPushButton(self.tr("Sa&ve the dry weight"), self)
        self.save_dry.setObjectName("readings_save_dry_weight")
        self.save_dry.setAccessibleName(self.tr("Save the dry weight"))
        self.thresholds_button = QPushButton(self.tr("&Thresholds…"), self)
        self.thresholds_button.setObjectName("readings_thresholds")
        self.thresholds_button.setAccessibleName(self.tr("Thresholds of this patient"))
        self.who = QLabel(self)
        self.who.setObjectName("readings_pathway_who")
        # Who set what can be long: it gives way (whole in its tooltip) rather than
        # widening the patient file past the window.
        self.who.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(pathway_label)
        layout.addWidget(self.pathway)
        layout.addWidget(dry_label)
        layout.addWidget(self.dry_weight)
        layout.addWidget(self.save_dry)
        layout.addWidget(self.thresholds_button)
        layout.addWidget(self.who, 1)
        self.pathway.activated.connect(self._pathway_chosen)
        self.save_dry.clicked.connect(self._save_dry_weight)
        self.thresholds_button.clicked.connect(self.edit_thresholds)
        self.show_pathway(None)

    def show_pathway(self, view: service.PathwayView | None) -> None:
        self._view = view
        enrolment = view.enrolment if view else None
        active = enrolment is not None and enrolment.active
        code = enrolment.pathway if enrolment is not None and active else ""
        self.pathway.setCurrentIndex(max(0, self.pathway.findData(code)))
        self.pathway.setEnabled(self.patient_id is not None)
        hf = code == HEART_FAILURE
        self.dry_weight.setEnabled(hf)
        self.save_dry.setEnabled(hf)
        self.thresholds_button.setEnabled(active)
        dry = view.thresholds.dry_weight_kg if view else None
        self.dry_weight.setValue(dry or 0.0)
        parts = []
        if enrolment is not None and active:
            parts.append(texts.set_by_text(enrolment.changed_by_name or enrolment.changed_by,
                                           datetime_text(enrolment.changed_at)))
        if view and "dry_weight_kg" in view.overrides:
            c = view.overrides["dry_weight_kg"]
            parts.append(self.tr("dry weight %1").replace("%1", texts.set_by_text(
                c.changed_by_name or c.changed_by, datetime_text(c.changed_at))))
        self.who.setText(" · ".join(parts))
        self.who.setToolTip(self.who.text())

    def has_unsaved(self) -> bool:
        """A dry weight typed and not saved yet (the patient file asks before leaving)."""
        if self._view is None or not self.dry_weight.isEnabled():
            return False
        stored = self._view.thresholds.dry_weight_kg or 0.0
        return abs(self.dry_weight.value() - stored) > 1e-9

    def _run(self, fn: Any) -> None:
        self.context.runner.run(fn, lambda _r: self.saved.emit(), self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, PathwayError):
            self.refused.emit(texts.pathway_error(exc.code))
        else:
            self.refused.emit(self.tr("The change could not be saved: try again."))

    def _pathway_chosen(self, _index: int) -> None:
        pid, code = self.patient_id, str(self.pathway.currentData())
        if pid is None:
            return
        name = self.context.practitioner.display_name
        if code:
            self._run(lambda db: service.enrol(db, pid, code, name))
        else:
            self._run(lambda db: service.end_enrolment(db, pid, name))

    def _save_dry_weight(self) -> None:
        pid = self.patient_id
        if pid is None:
            return
        value = self.dry_weight.value() or None
        name = self.context.practitioner.display_name
        self._run(lambda db: service.set_threshold(db, pid, "dry_weight_kg", value, name))

    def ask_thresholds(self, view: service.PathwayView
                       ) -> dict[str, float | str | None] | None:
        """The thresholds changed in the dialog, None when cancelled (tests replace this)."""
        dialog = ThresholdsDialog(view, self)
        try:
            return dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def edit_thresholds(self) -> None:
        pid, view = self.patient_id, self._view
        if pid is None or view is None:
            return
        changes = self.ask_thresholds(view)
        if not changes:
            return
        name = self.context.practitioner.display_name

        def save(db: Any) -> None:
            for key, value in changes.items():
                if key == PROTOCOL_KEY:
                    service.set_patient_protocol(db, pid, str(value), name)
                else:
                    service.set_threshold(db, pid, key, None if value is None
                                          else float(value), name)
        self._run(save)


class ThresholdsDialog(QDialog):
    """The patient's thresholds: the pack's default, the patient's own value and who set
    it; a value equal to the default puts the default back."""

    def __init__(self, view: service.PathwayView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thresholds of this patient"))
        self.view = view
        self.fields: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        # The patient's home BP protocol: everyone following them averages this way.
        self.protocol = QComboBox(self)
        self.protocol.setObjectName("threshold_protocol")
        self.protocol.setAccessibleName(self.tr("Home blood pressure protocol of this patient"))
        for code in PROTOCOLS:
            self.protocol.addItem(texts.protocol_label(code), code)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(view.thresholds.protocol)))
        form.addRow(self.tr("Home BP protocol:"), self.protocol)
        defaults = Thresholds.from_pack()
        for name, (low, high) in EDITABLE.items():
            if name == "dry_weight_kg":
                continue  # on the panel itself
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"threshold_{name}")
            spin.setRange(low, high)
            spin.setDecimals(1)
            current = getattr(view.thresholds, name)
            spin.setValue(float(current))
            default = getattr(defaults, name)
            note = self.tr("default %1").replace("%1", f"{default:g}")
            if name in view.overrides:
                c = view.overrides[name]
                note += " · " + texts.set_by_text(c.changed_by_name or c.changed_by,
                                                  datetime_text(c.changed_at))
            row = QHBoxLayout()
            row.addWidget(spin)
            row.addWidget(QLabel(note, self), 1)
            form.addRow(texts.threshold_label(name), row)
            self.fields[name] = spin
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, float | str | None]:
        """Each threshold changed (None: back to the pack's default) and, under
        PROTOCOL_KEY, the protocol when another was chosen."""
        defaults = Thresholds.from_pack()
        out: dict[str, float | str | None] = {}
        protocol = str(self.protocol.currentData())
        if protocol != self.view.thresholds.protocol:
            out[PROTOCOL_KEY] = protocol
        for name, spin in self.fields.items():
            value = round(spin.value(), 1)
            if abs(value - float(getattr(self.view.thresholds, name))) < 1e-9:
                continue
            out[name] = None if abs(value - float(getattr(defaults, name))) < 1e-9 else value
        return out
