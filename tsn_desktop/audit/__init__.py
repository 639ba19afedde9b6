"""The audit trail: who opened or changed a patient's file, when; viewer, export, hub sync."""

from __future__ import annotations

from tsn_desktop.audit.fhir import AuditEventAdapter
from tsn_desktop.audit.service import enable_hub_sync

__all__ = ["AuditEventAdapter", "enable_hub_sync"]
