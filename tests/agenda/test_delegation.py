"""Agenda delegation through a REAL hub process: the GP delegates his agenda to the
nurse, who books in it offline; the GP sees it after sync; a colleague without the
delegation (or after it is revoked) is refused with a clear reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import requests

from tests.agenda.test_agenda_sync import tomorrow_at, with_agenda
from tests.sync.conftest import Client, gp_and_nurse_sharing
from tsn_desktop.agenda import service
from tsn_desktop.agenda.feature import AGENDA
from tsn_desktop.agenda.model import CANCELLED, Appointment
from tsn_desktop.core.records import InvalidRecord


def sync(client: Client) -> None:
    """A pass and the agenda's after-sync hook, as the sync worker runs them."""
    engine = with_agenda(client)
    engine.run_pass()
    assert AGENDA.after_sync is not None
    AGENDA.after_sync(engine.run_db, engine.client)
    engine.client.close()


def visit_in(agenda_of: Client, by: Client, patient_id: str, hour: int = 9) -> Appointment:
    return service.create(by.db, Appointment(
        id="", type="consultation", start=tomorrow_at(hour),
        end=tomorrow_at(hour) + timedelta(minutes=20), patient_id=patient_id,
        practitioner=agenda_of.rpps)).appointment


def parked(client: Client) -> list[tuple[str, str]]:
    return client.db.query("SELECT resource_id, last_error FROM outbox WHERE state = 'parked'")


def test_a_delegate_books_moves_and_cancels_in_the_owners_agenda_offline_and_the_owner_sees_it(
        make_client: Any, hub: Any) -> None:
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.set_delegates(gp.db, [nurse.rpps])
    sync(gp)
    sync(nurse)
    assert service.may_edit(nurse.db, gp.rpps)
    first_day = tomorrow_at(9).astimezone().date() - timedelta(days=1)
    assert [(c.rpps, c.delegated) for c in service.colleagues(nurse.db, first_day, 3)] == [
        (gp.rpps, True)]  # shown beside hers although empty, editable

    booked = visit_in(gp, nurse, shared.id)  # offline: nothing reaches the hub until sync
    other = visit_in(gp, nurse, shared.id, hour=11)
    service.move(nurse.db, booked.id, 30)
    service.set_status(nurse.db, other.id, CANCELLED)
    sync(nurse)
    assert parked(nurse) == []
    sync(gp)
    mine = {i.appointment.id: i.appointment for i in service.view(gp.db, first_day, 3)}
    assert mine[booked.id].start == tomorrow_at(9) + timedelta(minutes=30)
    assert mine[other.id].status == CANCELLED
    body = hub.fhir(gp.token, "Appointment", booked.id).json()
    assert [p["actor"]["identifier"]["value"] for p in body["participant"]
            if "identifier" in p["actor"]] == [gp.rpps]  # the owner's, written by the nurse


def test_a_colleague_without_the_delegation_is_refused_with_a_clear_reason(
        make_client: Any, hub: Any, caplog: Any) -> None:
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    assert not service.may_edit(nurse.db, gp.rpps)
    refused = visit_in(gp, nurse, shared.id)
    sync(nurse)
    [(rid, reason)] = parked(nurse)
    assert rid == refused.id
    assert reason.startswith("forbidden: only the agenda's owner, or a colleague they "
                             "delegated their agenda to")
    assert hub.fhir(gp.token, "Appointment", refused.id).status_code == 404


def test_revoking_the_delegation_makes_the_colleagues_agenda_read_only_again(
        make_client: Any, hub: Any, caplog: Any) -> None:
    gp, nurse, shared = gp_and_nurse_sharing(make_client)
    service.set_delegates(gp.db, [nurse.rpps])
    sync(gp)
    sync(nurse)
    assert service.may_edit(nurse.db, gp.rpps)
    service.set_delegates(gp.db, [])
    sync(gp)
    sync(nurse)
    assert not service.may_edit(nurse.db, gp.rpps)
    late = visit_in(gp, nurse, shared.id)
    sync(nurse)
    assert [rid for rid, _ in parked(nurse)] == [late.id]


def test_the_hub_takes_only_the_owners_own_delegation(make_client: Any, hub: Any) -> None:
    gp, nurse, _ = gp_and_nurse_sharing(make_client)
    forged = {"resourceType": "Schedule",
              "actor": [{"identifier": {"system": "https://rpps.esante.gouv.fr",
                                        "value": gp.rpps}}]}
    answer = requests.put(f"{hub.url}/agenda/v1/delegation", json=forged, timeout=10,
                          headers={"Authorization": f"Bearer {nurse.token}"})
    assert answer.status_code == 403


def test_a_number_that_is_not_an_rpps_is_refused_and_the_delegates_stay(
        make_client: Any, hub: Any) -> None:
    gp, nurse, _ = gp_and_nurse_sharing(make_client)
    service.set_delegates(gp.db, [nurse.rpps])
    with pytest.raises(InvalidRecord):
        service.set_delegates(gp.db, ["1234"])
    assert service.delegates(gp.db) == [nurse.rpps]
