"""The issue's "Done when", through a REAL hub process: the nurse plans tomorrow's round
of eight visits with no network, prints the round sheet, marks two visits done on the
road; after sync the GP's week view shows them done (the GP's online bookings are
tests/agenda/test_bookings.py)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from tests.agenda.test_agenda_sync import with_agenda
from tests.sync.conftest import new_patient, share
from tsn_desktop.agenda import round_sheet, service
from tsn_desktop.agenda.model import DONE, Appointment, local_instant

PARIS = ZoneInfo("Europe/Paris")
WORDS = round_sheet.SheetWords(
    title="Tournée du %1", start_from="Départ : %1",
    headers=("N°", "Heure", "Patient", "Adresse", "Téléphone", "Soins", "Notes", "Fait"),
    fixed="heure fixe %1 (±15 min)", late="EN RETARD", travel="%1 min de route",
    footer="Imprimé à %1 · %2 visites", day_text="demain")


def test_done_when_the_nurses_offline_round_reaches_the_gps_week_view(make_client, hub):
    gp = make_client()
    nurse = make_client("Petit Claire", "nurse")
    homes = [("Bernard", "2 rue Paul Bert", "42000", "Saint-Étienne"),
             ("Thomas", "8 rue de la République", "42800", "Rive-de-Gier"),
             ("Robert", "1 place de l'Église", "42390", "Villars"),
             ("Richard", "5 rue Victor Hugo", "42400", "Saint-Chamond")]
    people = [gp.save(new_patient(birth_name=name, address=street, postal_code=postal,
                                  city=city)) for name, street, postal, city in homes]
    gp.sync()
    for p in people:
        share(gp, p.id, nurse)
    nurse.sync()

    # From here the nurse is on the road: nothing below talks to the hub until sync.
    tomorrow = datetime.now(PARIS).date() + timedelta(days=1)
    plan_in = [(7, 30, 0, True, "Insuline"), (8, 0, 1, False, "Pansement"),
               (8, 30, 2, False, "Prise de sang"), (9, 0, 3, False, "Toilette"),
               (10, 0, 1, False, "Surveillance tension"), (11, 0, 2, False, "Pilulier"),
               (12, 0, 0, True, "Insuline"), (14, 0, 3, False, "Retrait de fils")]
    visits = []
    for hour, minute, who, fixed, todo in plan_in:
        start = local_instant(tomorrow, time(hour, minute))
        visits.append(service.create(nurse.db, Appointment(
            id="", type="home_visit", start=start, end=start + timedelta(minutes=20),
            patient_id=people[who].id, fixed_time=fixed, todo=todo)).appointment)
    plan = service.save_round(nurse.db, service.home_round(nurse.db, tomorrow, propose=True))
    assert len(plan.visits) == 8
    for v in plan.visits:
        if v.appointment.fixed_time:
            assert abs(v.planned.arrive - v.appointment.start) <= timedelta(minutes=15)
    assert all(v.commune for v in plan.visits)  # every commune is in the shipped pack
    sheet = round_sheet.render(plan, WORDS, "Claire PETIT", PARIS, "07:00")
    assert sheet.startswith(b"%PDF") and len(sheet) > 2000
    ridden = [plan.visits[0].appointment.id, plan.visits[1].appointment.id]
    for rid in ridden:
        service.set_status(nurse.db, rid, DONE)

    with_agenda(nurse).run_pass()  # back in signal: the round syncs
    with_agenda(gp).run_pass()
    monday = tomorrow - timedelta(days=tomorrow.weekday())
    # The GP's week, with the nurse's agenda beside his own (her visits are not his).
    week = {i.appointment.id: i for i in service.view(gp.db, monday, 7, owner=nurse.rpps)}
    assert not {i.appointment.id for i in service.view(gp.db, monday, 7)} & set(week)
    assert {v.appointment.id for v in plan.visits} <= set(week)
    assert [week[rid].appointment.status for rid in ridden] == [DONE, DONE]
    others = [v.appointment.id for v in plan.visits if v.appointment.id not in ridden]
    assert {week[rid].appointment.status for rid in others} == {"booked"}
    # The GP sees the times as the nurse will ride them (a fixed-time visit keeps its
    # own), and what she does there.
    for v in plan.visits:
        seen = week[v.appointment.id].appointment
        expected = v.appointment.start if v.appointment.fixed_time else v.planned.arrive
        assert seen.start == expected and seen.todo == v.appointment.todo
        assert seen.fixed_time == v.appointment.fixed_time
