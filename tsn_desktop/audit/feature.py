"""What the audit trail adds to the application (the Feature seam): a patient-file tab
with the file's access history, the practice-wide log in the Tools menu, AuditEvent sync."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tsn_desktop.feature import QT_TRANSLATE_NOOP, Feature, FeatureAction, FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.db import Database
    from tsn_desktop.sync.adapters import SyncAdapter


def _tab(context: FeatureContext) -> QWidget:
    from tsn_desktop.audit.ui.viewer import PatientAuditTab

    return PatientAuditTab(context.runner)


def _adapters() -> list[SyncAdapter]:
    from tsn_desktop.audit.fhir import AuditEventAdapter

    return [AuditEventAdapter()]


def _send_to_the_hub(db: Database) -> None:
    from tsn_desktop.audit.service import enable_hub_sync

    enable_hub_sync(db)  # once per profile; later calls find it on and do nothing


def _show_log(context: FeatureContext, parent: QWidget) -> None:
    from PySide6.QtCore import Qt

    from tsn_desktop.audit.ui.viewer import AuditLogDialog

    dialog = AuditLogDialog(context.runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


AUDIT = Feature(
    name="audit",
    patient_tabs=(_tab,),
    sync_adapters=_adapters,
    migrations="tsn_desktop.audit",
    on_open=_send_to_the_hub,
    actions=(FeatureAction(QT_TRANSLATE_NOOP("Actions", "&Audit log…"), _show_log,
                           "Ctrl+Shift+J"),),
)
