"""Demo network: an invented directory of Lyon colleagues and case discussions in every
state (waiting to be sent, unread answers, edited and withdrawn messages, a reminder with
no answer, a question awaiting this practitioner, a closed one with its decision)."""

from __future__ import annotations

import random
from datetime import timedelta

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database, new_id
from tsn_desktop.core.identifiers import luhn_check_digit
from tsn_desktop.network import service, store
from tsn_desktop.network.attachments import accept
from tsn_desktop.network.model import DECISION, OPENING, REPLY, DirectoryEntry, Opening, Post
from tsn_desktop.network.pathway import DEFAULT_TEMPLATE, PlannedTask
from tsn_desktop.patients import service as patient_register

_FAMILIES = ("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
             "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "Fournier",
             "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
             "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin")
_GIVEN = ("Anne", "Paul", "Julie", "Marc", "Sophie", "Nicolas", "Claire", "Hélène", "Luc",
          "Camille", "Élodie", "Jérôme", "Inès", "Hugo", "Léa")
_PROFESSIONS = ("general_practitioner", "nurse", "pharmacist", "midwife", "surgeon",
                "physiotherapist", "biologist")
# The template's tasks as a French practitioner words them (demo data is in French).
_DEMO_TASKS = ("Évaluation de la douleur", "Premier pansement", "Traitement et matériel prêts",
               "Ablation du drain", "Ablation des agrafes", "Consultation de contrôle")
_TOWNS = (("69001", "Lyon"), ("69003", "Lyon"), ("69007", "Lyon"), ("69100", "Villeurbanne"),
          ("69200", "Vénissieux"), ("69500", "Bron"), ("69130", "Écully"))


def demo_directory(count: int = 60, seed: int = 13) -> list[DirectoryEntry]:
    """Invented colleagues (RPPS numbers with a valid key that nobody holds)."""
    rnd = random.Random(seed)
    entries = []
    for n in range(count):
        stem = f"1009{n:06d}"
        postal, town = rnd.choice(_TOWNS)
        family = rnd.choice(_FAMILIES)
        entries.append(DirectoryEntry(
            rpps=stem + str(luhn_check_digit(stem)), family_name=family,
            given_names=rnd.choice(_GIVEN), profession=rnd.choice(_PROFESSIONS),
            address=f"{rnd.randint(1, 120)} rue {rnd.choice(_FAMILIES)}", postal_code=postal,
            city=town, phone=f"04 7{rnd.randint(0, 9)} {rnd.randint(10, 99)} "
                             f"{rnd.randint(10, 99)} {rnd.randint(10, 99)}",
            secure_mail=f"{family.lower()}@demo.mssante.fr" if n % 3 == 0 else ""))
    return entries


def seed_network_demo(db: Database, clock: Clock, who: str) -> None:
    from tsn_desktop.demo import DEMO_PRACTITIONERS

    people = dict(DEMO_PRACTITIONERS)
    colleagues = [DirectoryEntry(p.rpps, p.family_name, p.given_names, p.profession,
                                 p.address, p.postal_code, p.city, "04 78 00 00 00",
                                 f"{p.given_names.lower()}.demo@demo.mssante.fr")
                  for p in people.values()]
    service.add_to_directory(db, [*colleagues, *demo_directory()])
    gp, nurse, pharmacist = (people[k].rpps for k in ("gp", "nurse", "pharmacist"))
    me = people.get(who, people["gp"]).rpps
    patients = [p.id for p in patient_register.search(db, "", 4)]
    if len(patients) < 4:
        return
    now = clock.now()
    others = [r for r in (gp, nurse, pharmacist) if r != me]

    def from_hub(post: Post) -> None:
        with db.unit_of_work() as uow:
            store.apply_post_from_hub(uow, post, "1", mine=post.sender == me)

    def thread(sender: str, to: tuple[str, ...], days_ago: float, opening: Opening,
               patient: str | None) -> str:
        tid = new_id()
        from_hub(Post(tid, tid, OPENING, sender, to, now - timedelta(days=days_ago),
                      patient_id=patient, opening=opening))
        return tid

    def post(tid: str, sender: str, to: tuple[str, ...], days_ago: float, text: str,
             patient: str | None, kind: str = REPLY, replaces: str | None = None,
             withdrawn: bool = False) -> str:
        pid = new_id()
        from_hub(Post(pid, tid, kind, sender, to, now - timedelta(days=days_ago), body=text,
                      patient_id=patient, in_response_to=tid, replaces=replaces,
                      withdrawn=withdrawn))
        return pid

    everyone = (gp, nurse, pharmacist)

    def to(sender: str) -> tuple[str, ...]:
        return tuple(r for r in everyone if r != sender)

    # Answered by the others: this practitioner has not read the answers yet.
    heel = thread(me, tuple(others), 2, Opening(
        "Plaie du talon qui ne cicatrise pas", "Faut-il changer de pansement ?",
        "Ulcère du talon droit depuis 3 semaines, diabète de type 2 équilibré.",
        "Un avis sur le pansement et la fréquence des soins", clock.today() + timedelta(5)),
        patients[0])
    first = post(heel, others[0], to(others[0]), 1.5, "Je propose un hydrocolloïde, changé "
                 "tous les 3 jours.", patients[0])
    post(heel, others[0], to(others[0]), 1.4, "Je propose un hydrocolloïde, changé tous les "
         "3 jours ; photo à la prochaine visite.", patients[0], replaces=first)
    post(heel, others[1], to(others[1]), 1.0, "Disponible en officine, je le commande.",
         patients[0])
    wrong = post(heel, others[1], to(others[1]), 0.9, "(message envoyé par erreur)",
                 patients[0])
    _withdraw_demo(db, wrong)
    # No answer after several days: a reminder in this practitioner's inbox.
    thread(me, (others[0],), 6, Opening(
        "Adaptation du traitement anticoagulant", "INR à 3,8 ce matin : on adapte ?",
        "Patient sous AVK, pas de saignement.", "Une conduite à tenir"), patients[1])
    # A colleague's question this practitioner is expected to answer.
    thread(others[0], to(others[0]), 3, Opening(
        "Vaccination antigrippale à domicile", "Pouvez-vous vacciner la patiente lundi ?",
        "Patiente de 86 ans, sortie difficile.", "Une date de passage",
        clock.today() - timedelta(days=1)), patients[2])
    # Closed with its decision (filed in the patient's file).
    closed = thread(me, tuple(others), 12, Opening(
        "Retour à domicile après prothèse de hanche", "Qui fait quoi la première semaine ?",
        "Sortie prévue J+3.", "Un planning de passage"), patients[3])
    post(closed, others[0], to(others[0]), 11, "Pansement à J+2 et J+5, ablation des "
         "agrafes à J+14.", patients[3])
    post(closed, others[1], to(others[1]), 11, "Anticoagulant et antalgiques prêts à J+3.",
         patients[3])
    post(closed, me, tuple(others), 10, "Planning validé : IDE J+2, J+5, J+14 ; officine "
         "prépare le traitement.", patients[3], kind=DECISION)
    with db.unit_of_work() as uow:
        store.mark_read(uow, closed)
    if who == "gp":
        _seed_pathway(db, clock, patients[3], gp, nurse, pharmacist)
    if who == "pharmacist":  # the resource base: a leaflet for everyone (invented text)
        service.publish_document(db, "Fiche conseil : anticoagulants oraux", "2026-1",
                                 accept("fiche-anticoagulants.pdf", _demo_pdf()))
    # Written offline here: waiting to be sent until the next sync.
    service.open_discussion(db, Opening(
        "Protocole pansements du secteur", "Partageons-nous un protocole commun ?",
        "Plusieurs patients communs en sortie d'hôpital.", "Vos protocoles actuels"),
        others)


def _seed_pathway(db: Database, clock: Clock, patient_id: str, gp: str, nurse: str,
                  pharmacist: str) -> None:
    """The GP's return-home pathway after a hip replacement four days ago: the nurse's
    first dressing (D+2) is overdue, in red in every inbox that sees the pathway (the
    other demo practices get it from the hub)."""
    operated = clock.today() - timedelta(days=4)
    owners = {"general_practitioner": gp, "nurse": nurse, "pharmacist": pharmacist}
    steps = [PlannedTask(texts, owners.get(step.profession, nurse), step.day)
             for step, texts in zip(DEFAULT_TEMPLATE, _DEMO_TASKS, strict=True)]
    service.create_pathway(db, patient_id, "Retour à domicile après prothèse de hanche",
                           operated, steps, share=True)
    for task in service.pathway_tasks(db, patient_id).tasks:
        if task.due < operated + timedelta(days=2):
            service.tick_task(db, task.id)


def _withdraw_demo(db: Database, post_id: str) -> None:
    """A message its author withdrew (as the hub sends it: status entered-in-error)."""
    with db.unit_of_work() as uow:
        uow.execute("UPDATE network_post SET withdrawn = 1 WHERE id = ?", (post_id,))


def _demo_pdf() -> bytes:
    """A one-page PDF with a line of invented text (built by hand: no PDF library needed
    for a demo that only shows the file in the list)."""
    text = b"BT /F1 18 Tf 72 720 Td (Protocole de demonstration) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out
