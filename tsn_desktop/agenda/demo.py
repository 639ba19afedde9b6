"""Demo agendas: a GP's weeks of consultations, vaccinations and a teleconsultation (with
statuses in the past and an online booking waiting), and a home-visit nurse's days
(daily insulin visits as series, a weekly dressing for six weeks, tomorrow's round)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from tsn_desktop.agenda import service
from tsn_desktop.agenda.model import (
    ARRIVED,
    CONSULTATION,
    DONE,
    HOME_VISIT,
    NO_SHOW,
    PERSONAL,
    PROPOSED,
    TELECONSULTATION,
    VACCINATION,
    Appointment,
    Booker,
    local_instant,
)
from tsn_desktop.agenda.recurrence import Series, make_rule
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database, new_id
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient

ZONE = "Europe/Paris"


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_instant(day, time(hour, minute), ZONE)


def _book(db: Database, kind: str, start: datetime, minutes: int, patient: Patient | None,
          *, note: str = "", todo: str = "", fixed: bool = False,
          address: str = "") -> Appointment:
    return service.create(db, Appointment(
        id="", type=kind, start=start, end=start + timedelta(minutes=minutes), zone=ZONE,
        patient_id=patient.id if patient else None, note=note, todo=todo,
        fixed_time=fixed, address=address)).appointment


def _mark_past(db: Database, a: Appointment, now: datetime, rnd: random.Random) -> None:
    """Visits already over carry the statuses a real day leaves behind."""
    if a.end > now or a.type == PERSONAL:
        return
    roll = rnd.random()
    status = NO_SHOW if roll < 0.06 else DONE
    if status == DONE:
        service.set_status(db, a.id, ARRIVED)
    service.set_status(db, a.id, status)


def seed_gp(db: Database, clock: Clock, people: list[Patient]) -> None:
    rnd = random.Random("agenda-gp")
    now = clock.now()
    monday = clock.today() - timedelta(days=clock.today().weekday())
    for week in (-1, 0, 1):
        for weekday in range(6):
            day = monday + timedelta(days=7 * week + weekday)
            ranges = [(9, 0, 12, 0)] if weekday == 5 else [(8, 30, 12, 30), (14, 0, 19, 0)]
            for h1, m1, h2, m2 in ranges:
                slot = _at(day, h1, m1)
                end = _at(day, h2, m2)
                while slot < end:
                    roll = rnd.random()
                    if roll < 0.25:  # a free slot (the "next free slot" finds them)
                        slot += timedelta(minutes=20)
                        continue
                    kind, minutes = CONSULTATION, 20
                    if roll > 0.9:
                        kind, minutes = VACCINATION, 15
                    elif roll > 0.85:
                        kind, minutes = TELECONSULTATION, 15
                    note = {VACCINATION: "Rappel dTcaP / grippe",
                            TELECONSULTATION: "Résultats de bilan"}.get(kind, "")
                    a = _book(db, kind, slot, minutes, rnd.choice(people), note=note)
                    _mark_past(db, a, now, rnd)
                    slot += timedelta(minutes=20)
            if weekday == 3:
                _book(db, PERSONAL, _at(day, 12, 45), 60, None, note="Réunion CPTS")
    # An online booking made on the hub's portal, waiting for the GP's answer.
    tomorrow = clock.today() + timedelta(days=1)
    service.create_proposed(db, Appointment(
        id=new_id(), type=CONSULTATION, start=_at(tomorrow, 18, 40),
        end=_at(tomorrow, 19, 0), zone=ZONE, status=PROPOSED,
        booker=Booker("Lucie FAURE", "06 12 34 56 78"), note="Réservé en ligne"))


def seed_nurse(db: Database, clock: Clock, people: list[Patient]) -> None:
    rnd = random.Random("agenda-nurse")
    today = clock.today()
    start_week = today - timedelta(days=today.weekday() + 7)
    insulin = people[:2]
    for n, person in enumerate(insulin):
        for hour in (7, 19):
            service.create_series(db, Series(
                id="", start=datetime.combine(start_week, time(hour, 20 * n)),
                minutes=15, rule=make_rule("DAILY"), zone=ZONE, type=HOME_VISIT,
                patient_id=person.id, fixed_time=True,
                todo="Glycémie capillaire, injection d'insuline selon protocole",
                note="Carnet de glycémies sur la table de la cuisine"))
    service.create_series(db, Series(
        id="", start=datetime.combine(start_week + timedelta(days=1), time(8, 0)),
        minutes=30, rule=make_rule("WEEKLY", count=6), zone=ZONE, type=HOME_VISIT,
        patient_id=people[2].id, todo="Pansement d'ulcère de jambe (hydrocolloïde)",
        note="Sonner deux fois, la patiente se déplace lentement"))
    chores = [("Prise de sang à jeun (NFS, HbA1c)", "Tubes dans la glacière"),
              ("Surveillance tension, pilulier de la semaine", ""),
              ("Retrait de fils (J10)", "Ordonnance du chirurgien dans le dossier"),
              ("Soins de stomie", ""),
              ("Injection d'anticoagulant", "Clé chez la voisine du 2e")]
    others = people[3:]
    for offset in range(-7, 8):
        day = today + timedelta(days=offset)
        count = 5 if offset == 1 else rnd.randint(2, 4)
        chosen = others[(offset + 7) * 5 % max(1, len(others) - 5):][:count]
        for k, person in enumerate(chosen):
            todo, note = chores[(k + offset) % len(chores)]
            a = _book(db, HOME_VISIT, _at(day, 9 + k, 15 * (k % 3)), 30, person,
                      todo=todo, note=note,
                      address="Résidence Les Tilleuls, bât. B, 69100 Villeurbanne"
                      if k == 2 and offset == 1 else "")
            _mark_past(db, a, clock.now(), rnd)
    for item in service.view(db, start_week, 14):  # the series' visits already ridden
        if item.appointment.series_id and item.appointment.status == "booked":
            _mark_past(db, item.appointment, clock.now(), rnd)


def seed(db: Database, clock: Clock, who: str, count: int) -> None:
    """The demo builder's hook: the agenda of the demo GP or of the demo nurse."""
    people = patients.search(db, "", limit=max(count, 40))
    if len(people) < 8:
        return
    (seed_nurse if who == "nurse" else seed_gp)(db, clock, people)
