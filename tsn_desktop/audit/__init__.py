"""The audit trail: who opened or changed a patient's file, when; viewer, export, hub sync.

Names are loaded on first use (PEP 562): `tsn_desktop.audit.feature`, read by the command
line for `--help`, must not pull the Qt widgets in."""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "AuditEventAdapter": "tsn_desktop.audit.fhir",
    "enable_hub_sync": "tsn_desktop.audit.service",
    "AuditLogDialog": "tsn_desktop.audit.ui.viewer",
    "PatientAuditTab": "tsn_desktop.audit.ui.viewer",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(importlib.import_module(_WHERE[name]), name)
