"""Per-resource-type conflict rules the hub enforces (the client's half is in the doc).

Pure functions over FHIR dicts: no storage, no HTTP.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tsn_hub.fhir import canonical_json, ins_identifier, without_meta


class AppendOnlyChange(Enum):
    SAME = "same"
    ENTERED_IN_ERROR = "entered-in-error"
    CHANGED = "changed"


def append_only_change(old: dict[str, Any], new: dict[str, Any]) -> AppendOnlyChange:
    """Classify a second upsert of an append-only record.

    The only change allowed is marking it `entered-in-error` (optionally with a
    `note` saying who and why): a clinical fact is corrected, never rewritten.
    """
    old_body, new_body = without_meta(old), without_meta(new)
    if canonical_json(old_body) == canonical_json(new_body):
        return AppendOnlyChange.SAME
    if new_body.get("status") == "entered-in-error":
        volatile = ("status", "note")
        old_rest = {k: v for k, v in old_body.items() if k not in volatile}
        new_rest = {k: v for k, v in new_body.items() if k not in volatile}
        if canonical_json(old_rest) == canonical_json(new_rest):
            # Retracted once is enough: a second retraction is a replay, so two
            # practitioners retracting at the same time never conflict.
            if old_body.get("status") == "entered-in-error":
                return AppendOnlyChange.SAME
            return AppendOnlyChange.ENTERED_IN_ERROR
    return AppendOnlyChange.CHANGED


# Forward moves only; a finished, cancelled or missed appointment stays so
# (rebooking is a new Appointment). Same status -> same status is always allowed.
_APPOINTMENT_NEXT: dict[str, frozenset[str]] = {
    "proposed": frozenset({"pending", "booked", "waitlist", "cancelled"}),
    "waitlist": frozenset({"pending", "booked", "cancelled"}),
    "pending": frozenset({"booked", "cancelled"}),
    "booked": frozenset({"arrived", "checked-in", "fulfilled", "cancelled", "noshow"}),
    "arrived": frozenset({"checked-in", "fulfilled", "cancelled"}),
    "checked-in": frozenset({"fulfilled", "cancelled"}),
    "fulfilled": frozenset(),
    "cancelled": frozenset(),
    "noshow": frozenset(),
    "entered-in-error": frozenset(),
}


def appointment_transition_allowed(old_status: str, new_status: str) -> bool:
    if old_status == new_status or new_status == "entered-in-error":
        return True
    return new_status in _APPOINTMENT_NEXT.get(old_status, frozenset())


def loses_qualified_identity(old_patient: dict[str, Any], new_patient: dict[str, Any]) -> bool:
    """True when an update would drop or change the hub's qualified INS identity."""
    hub_ins = ins_identifier(old_patient)
    return hub_ins is not None and ins_identifier(new_patient) != hub_ins
