"""Appointments as FHIR R4 Appointment: a round trip through the resource, what the
reference hub's validation accepts, and the merge policy of two edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from tsn_desktop.agenda import fhir, service
from tsn_desktop.agenda.fhir import AppointmentAdapter, UnusableAppointment
from tsn_desktop.agenda.model import (
    ARRIVED,
    CANCELLED,
    DONE,
    Appointment,
    Booker,
    StatusChange,
)
from tsn_desktop.agenda.recurrence import Series
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.patients.model import Patient
from tsn_hub import fhir as hub_fhir

START = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def visit(**kw: object) -> Appointment:
    base: dict[str, object] = dict(
        id="0b0f7c52-5d43-4a0e-9a55-5a8d9b1b1c01", type="home_visit", start=START,
        end=START + timedelta(minutes=30), patient_id="7d1c1b58-3c0c-4b6c-9a0e-2f0c2a3c4d5e",
        address="3 place de l'Église, 34400 Lunel", note="pansement",
        status=ARRIVED, history=(StatusChange("booked", START - timedelta(days=2)),
                                 StatusChange(ARRIVED, START + timedelta(minutes=2))),
        series_id="s-1", occurrence=date(2026, 11, 24))
    base.update(kw)
    return Appointment(**base)  # type: ignore[arg-type]


def test_an_appointment_survives_the_round_trip_through_fhir() -> None:
    a = visit(fixed_time=True, todo="Insuline 12 UI", booker=Booker("Lucie FAURE", "06 12"))
    resource = fhir.to_resource(a, "10000517316")
    # Read back, it is the agenda of the practitioner it names.
    assert fhir.from_resource(resource) == replace(a, practitioner="10000517316")
    assert resource["description"] == "Insuline 12 UI"
    assert resource["status"] == "arrived" and resource["minutesDuration"] == 30
    assert resource["start"] == "2026-11-24T07:00:00Z"


def test_the_resource_passes_the_reference_hubs_validation() -> None:
    for status in ("booked", "arrived", "in_consultation", "done", "noshow", "cancelled"):
        resource = fhir.to_resource(visit(status=status), "10000517316")
        assert hub_fhir.validate_resource("Appointment", resource["id"], resource) == resource
        assert hub_fhir.patient_of(resource) == "7d1c1b58-3c0c-4b6c-9a0e-2f0c2a3c4d5e"


def test_a_personal_slot_names_only_its_practitioner() -> None:
    resource = fhir.to_resource(visit(type="personal", patient_id=None, address=""),
                                "10000517316")
    assert [p["actor"] for p in resource["participant"]] == [
        {"identifier": {"system": fhir.RPPS_SYSTEM, "value": "10000517316"}}]
    assert hub_fhir.patient_of(resource) is None


@pytest.mark.parametrize("broken", [
    {"status": "unheard-of"}, {"start": "24/11/2026"}, {"end": "2026-11-24T06:00:00Z"},
    {"start": "2026-11-24T07:00:00"}, {"resourceType": "Patient"},
])
def test_a_hub_copy_this_client_cannot_read_is_refused_with_a_reason(broken: dict) -> None:
    resource = {**fhir.to_resource(visit(), "10000517316"), **broken}
    with pytest.raises(UnusableAppointment):
        fhir.from_resource(resource)


def test_cancel_wins_over_a_status_moved_on_elsewhere() -> None:
    base = fhir.to_resource(visit(status="booked", history=visit().history[:1]), "1")
    local = fhir.to_resource(visit(status=CANCELLED, history=(
        *visit().history[:1], StatusChange(CANCELLED, START - timedelta(hours=1)))), "1")
    remote = fhir.to_resource(visit(), "1")
    result = fhir.merge(base, local, remote)
    assert result.resource is not None and result.resource["status"] == "cancelled"
    assert result.reason == "cancel_wins"
    assert [c.status for c in fhir.from_resource(result.resource).history] == [
        "booked", CANCELLED, ARRIVED]


def test_the_status_furthest_along_wins_and_both_times_are_kept() -> None:
    booked = visit(status="booked", history=visit().history[:1])
    base = fhir.to_resource(booked, "1")
    local = fhir.to_resource(visit(), "1")  # arrived here
    remote = fhir.to_resource(visit(status=DONE, history=(
        *booked.history, StatusChange(DONE, START + timedelta(minutes=40)))), "1")
    result = fhir.merge(base, local, remote)
    merged = fhir.from_resource(result.resource or {})
    assert merged.status == DONE
    assert [c.status for c in merged.history] == ["booked", ARRIVED, DONE]


def test_the_adapter_writes_a_hub_copy_without_an_outbox_row(
        db: Database, patient: Patient, clock: FrozenClock) -> None:
    adapter = AppointmentAdapter()
    resource = fhir.to_resource(visit(patient_id=patient.id), "10000517316")
    with db.unit_of_work() as uow:
        adapter.apply(uow, resource["id"], resource, "v1")
    stored = service.get(db, resource["id"])
    assert stored.status == ARRIVED and stored.meta.hub_version == "v1"
    assert db.query("SELECT count(*) FROM outbox WHERE resource_type = 'Appointment'")[0][0] == 0
    # The colleague who wrote it stays its practitioner when we send it back.
    assert adapter.to_fhir(db, resource["id"]) is not None
    with db.unit_of_work() as uow:
        adapter.apply(uow, resource["id"], None, "v2")
    with pytest.raises(LookupError):
        service.get(db, resource["id"])


def test_our_own_appointment_names_us_by_rpps(db: Database, patient: Patient) -> None:
    series = service.create_series(db, Series(
        id="", start=datetime(2026, 11, 23, 8, 0), minutes=15, rule="FREQ=DAILY;COUNT=2",
        type="home_visit", patient_id=patient.id))
    first = service.view(db, date(2026, 11, 23), 1)[0].appointment
    resource = AppointmentAdapter().to_fhir(db, first.id)
    assert resource is not None
    rpps = fhir.own_rpps(db)
    assert rpps and {"system": fhir.RPPS_SYSTEM, "value": rpps} in [
        p["actor"].get("identifier") for p in resource["participant"]]
    assert fhir.from_resource(resource).series_id == series.id
