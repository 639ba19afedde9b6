"""Online bookings through a REAL hub process: the GP publishes free slots (Schedule and
Slot), the portal books one, two patients racing for one slot get one winner, the GP's
desktop pulls the booking as new and confirms or declines it, and a cancellation on
either side reaches the other."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from tests.agenda.test_agenda_sync import with_agenda
from tsn_desktop.agenda import booking_client, service
from tsn_desktop.agenda.model import BOOKED, CANCELLED, PROPOSED
from tsn_desktop.sync.client import HubClient


def slots(hub: Any, rpps: str) -> list[dict[str, Any]]:
    answer = requests.get(f"{hub.url}/booking/v1/practitioners/{rpps}/slots", timeout=10)
    assert answer.status_code == 200, answer.text
    return [e["resource"] for e in answer.json()["entry"]
            if e["resource"]["resourceType"] == "Slot"]


def book(hub: Any, slot: str, name: str = "Lucie FAURE",
         phone: str = "06 12 34 56 78") -> requests.Response:
    return requests.post(f"{hub.url}/booking/v1/bookings",
                         json={"slot": slot, "name": name, "phone": phone}, timeout=10)


@pytest.fixture
def gp(make_client: Any, hub: Any) -> Any:
    client = make_client()
    published = booking_client.publish(client.db, HubClient(client.hub_url, client.token), 7)
    assert published > 20  # a week of a GP's opening hours, 20-minute slots
    return client


def test_published_slots_are_free_slots_of_the_opening_hours_without_patient_data(
        gp: Any, hub: Any) -> None:
    found = slots(hub, gp.rpps)
    assert found and all(s["status"] == "free" for s in found)
    first = datetime.fromisoformat(found[0]["start"].replace("Z", "+00:00"))
    assert first > datetime.now(UTC)
    assert (datetime.fromisoformat(found[0]["end"].replace("Z", "+00:00")) - first
            == timedelta(minutes=20))
    bundle = booking_client.schedule_bundle(gp.db, 7)
    assert "patient" not in str(bundle).lower()


def test_two_patients_racing_for_one_slot_one_wins_the_other_is_refused(
        gp: Any, hub: Any) -> None:
    target = slots(hub, gp.rpps)[0]["id"]
    start = threading.Barrier(2)
    answers: list[requests.Response] = []

    def patient(name: str) -> None:
        start.wait()
        answers.append(book(hub, target, name))

    racers = [threading.Thread(target=patient, args=(n,)) for n in ("Ana DIAS", "Léo ROUX")]
    for t in racers:
        t.start()
    for t in racers:
        t.join(30)
    assert sorted(a.status_code for a in answers) == [201, 409]
    assert next(a for a in answers if a.status_code == 409).json()["reason"] == "slot-taken"
    assert target not in {s["id"] for s in slots(hub, gp.rpps)}  # no longer offered


def test_the_booking_appears_as_new_on_the_gps_agenda_and_confirming_tells_the_portal(
        gp: Any, hub: Any) -> None:
    slot = slots(hub, gp.rpps)[1]
    made = book(hub, slot["id"]).json()
    with_agenda(gp).run_pass()
    pending = service.pending_bookings(gp.db)
    assert [i.appointment.id for i in pending] == [made["booking"]]
    a = pending[0].appointment
    assert a.status == PROPOSED and a.booker is not None
    assert (a.booker.name, a.booker.phone) == ("Lucie FAURE", "06 12 34 56 78")
    assert a.start == datetime.fromisoformat(slot["start"].replace("Z", "+00:00"))
    week = service.view(gp.db, a.local_start().date(), 1)
    assert [i.patient_name for i in week if i.appointment.id == a.id] == ["Lucie FAURE"]

    service.confirm_booking(gp.db, a.id)
    with_agenda(gp).run_pass()
    status = requests.get(f"{hub.url}/booking/v1/bookings/{made['booking']}",
                          params={"key": made["cancel_key"]}, timeout=10).json()
    assert status["status"] == "booked"
    assert service.pending_bookings(gp.db) == []


def test_a_declined_booking_frees_the_slot_on_the_portal(gp: Any, hub: Any) -> None:
    slot = slots(hub, gp.rpps)[2]["id"]
    made = book(hub, slot).json()
    with_agenda(gp).run_pass()
    service.decline_booking(gp.db, made["booking"])
    assert slot not in {s["id"] for s in slots(hub, gp.rpps)}  # not synced yet
    with_agenda(gp).run_pass()
    assert slot in {s["id"] for s in slots(hub, gp.rpps)}
    assert book(hub, slot, "Ana DIAS").status_code == 201


def test_a_cancellation_on_the_portal_reaches_the_gps_agenda(gp: Any, hub: Any) -> None:
    made = book(hub, slots(hub, gp.rpps)[3]["id"]).json()
    with_agenda(gp).run_pass()
    service.confirm_booking(gp.db, made["booking"])
    with_agenda(gp).run_pass()
    bad = requests.post(f"{hub.url}/booking/v1/bookings/{made['booking']}/cancel",
                        json={"cancel_key": "not-the-key"}, timeout=10)
    assert bad.status_code == 404
    done = requests.post(f"{hub.url}/booking/v1/bookings/{made['booking']}/cancel",
                         json={"cancel_key": made["cancel_key"]}, timeout=10)
    assert done.status_code == 200
    with_agenda(gp).run_pass()
    seen = service.get(gp.db, made["booking"])
    assert seen.status == CANCELLED
    # Timed like any status change: proposed, confirmed, then cancelled on the portal.
    assert [c.status for c in seen.history] == [PROPOSED, BOOKED, CANCELLED]


def test_bad_bookings_are_refused_with_a_clear_error(gp: Any, hub: Any) -> None:
    assert book(hub, "00000000-0000-4000-8000-000000000000").status_code == 404
    answer = book(hub, slots(hub, gp.rpps)[0]["id"], name="")
    assert answer.status_code == 400 and "name" in answer.json()["issue"][0]["diagnostics"]
    other = HubClient(gp.hub_url, gp.token)
    bundle = booking_client.schedule_bundle(gp.db, 1)
    bundle["entry"][0]["resource"]["actor"][0]["identifier"]["value"] = "10000000000"
    with pytest.raises(Exception, match="own slots|403|forbidden"):
        other.post("/booking/v1/schedule", bundle)


def test_a_booking_confirmed_is_an_ordinary_appointment(gp: Any, hub: Any) -> None:
    made = book(hub, slots(hub, gp.rpps)[4]["id"]).json()
    with_agenda(gp).run_pass()
    result = service.confirm_booking(gp.db, made["booking"])
    assert result.appointment.status == BOOKED
    assert [c.status for c in result.appointment.history][-1] == BOOKED


def test_a_slot_freed_by_a_cancellation_is_offered_again_only_if_published_again(
        gp: Any, hub: Any) -> None:
    slot = slots(hub, gp.rpps)[5]["id"]
    made = book(hub, slot).json()
    requests.post(f"{hub.url}/booking/v1/bookings/{made['booking']}/cancel",
                  json={"cancel_key": made["cancel_key"]}, timeout=10)
    assert slot in {s["id"] for s in slots(hub, gp.rpps)}  # still published: free again
    bundle = booking_client.schedule_bundle(gp.db, 7)
    bundle["entry"] = bundle["entry"][:1]  # the Schedule, no slot: the GP is away
    HubClient(gp.hub_url, gp.token).post("/booking/v1/schedule", bundle)
    assert slots(hub, gp.rpps) == []
    status = requests.get(f"{hub.url}/booking/v1/bookings/{made['booking']}",
                          params={"key": made["cancel_key"]}, timeout=10).json()
    assert status["status"] == "cancelled"  # the patient can still see what happened


def test_one_client_flooding_the_public_portal_is_throttled_and_the_slots_stay_free(
        make_client: Any, tmp_path: Any) -> None:
    """The portal has no token: without a budget per client address, one script could
    take every free slot of the practice. `--portal-per-minute 2`: the third booking from
    the same address within the minute is refused (429 with when to retry), and the slots
    it aimed at stay on offer."""
    from tests.sync.conftest import HubProcess

    workdir = tmp_path / "portal-hub"
    workdir.mkdir()
    private = HubProcess(workdir, extra_args=("--portal-per-minute", "2"))
    private.start()
    try:
        gp = make_client(on=private)
        booking_client.publish(gp.db, HubClient(gp.hub_url, gp.token), 7)
        free = slots(private, gp.rpps)
        answers = [book(private, s["id"], f"Patient {n}") for n, s in enumerate(free[:3])]
        assert [a.status_code for a in answers] == [201, 201, 429]
        assert int(answers[2].headers["Retry-After"]) >= 1
        assert free[2]["id"] in {s["id"] for s in slots(private, gp.rpps)}  # still offered
    finally:
        private.drop()


def test_an_oversized_booking_is_refused_before_it_is_read(gp: Any, hub: Any) -> None:
    slot = slots(hub, gp.rpps)[0]["id"]
    answer = requests.post(f"{hub.url}/booking/v1/bookings", timeout=10,
                           json={"slot": slot, "name": "Lucie FAURE", "reason": "x" * 20_000})
    assert answer.status_code == 413
    assert slot in {s["id"] for s in slots(hub, gp.rpps)}
