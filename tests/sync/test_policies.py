"""The generic conflict policies other features register (pure functions)."""

from __future__ import annotations

from tsn_desktop.sync import adapters

APPT = {"resourceType": "Appointment", "id": "a", "status": "booked",
        "start": "2026-11-24T08:00:00Z", "participant": [{"actor": {"display": "x"}}]}


def test_a_cancellation_wins_whoever_made_it() -> None:
    local = dict(APPT, status="cancelled")
    remote = dict(APPT, start="2026-11-24T09:00:00Z")
    result = adapters.appointment(APPT, local, remote)
    assert result.resource["status"] == "cancelled"
    assert result.resource["start"] == "2026-11-24T09:00:00Z"
    assert not result.local_lost
    result = adapters.appointment(APPT, dict(APPT, status="arrived"),
                                  dict(APPT, status="cancelled"))
    assert result.resource["status"] == "cancelled"
    assert result.local_lost  # "arrived" gave way: kept as a conflict record


def test_otherwise_the_most_advanced_status_wins_and_other_fields_follow_the_hub() -> None:
    local = dict(APPT, status="fulfilled", start="2026-11-24T10:00:00Z")
    remote = dict(APPT, status="arrived")
    result = adapters.appointment(APPT, local, remote)
    assert result.resource["status"] == "fulfilled"
    assert result.resource["start"] == APPT["start"]
    assert result.local_lost  # our other start time is kept aside


def test_immunization_hub_order_wins_and_ours_is_kept() -> None:
    local = {"resourceType": "Immunization", "id": "i", "lotNumber": "A1"}
    remote = dict(local, lotNumber="B2")
    result = adapters.hub_wins(None, local, remote)
    assert result.resource == remote and result.local_lost
    assert not adapters.hub_wins(None, remote, dict(remote, meta={"versionId": "2"})).local_lost


def test_registry_refuses_two_adapters_for_one_type() -> None:
    import pytest

    from tsn_desktop.patients.fhir import PatientAdapter

    registry = adapters.AdapterRegistry([PatientAdapter()])
    assert registry.types() == ["Patient"]
    assert isinstance(registry.get("Patient"), adapters.SyncAdapter)
    with pytest.raises(ValueError):
        registry.register(PatientAdapter())
