"""The audit trail: who opened or changed a patient's file, when; viewer, export, hub sync."""

from __future__ import annotations

from tsn_desktop.audit.fhir import AuditEventAdapter
from tsn_desktop.audit.service import enable_hub_sync
from tsn_desktop.audit.ui.viewer import AuditLogDialog, PatientAuditTab

__all__ = ["AuditEventAdapter", "AuditLogDialog", "PatientAuditTab", "enable_hub_sync"]
