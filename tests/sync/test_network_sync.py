"""Case discussions across a REAL hub process between three practitioners' REAL profiles:
written offline, sent on sync, read after the others' sync; a colleague added later; an
outsider who never receives the thread; a post the hub refuses, shown as refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tsn_desktop.network import service, store
from tsn_desktop.network.fhir import (
    CommunicationAdapter,
    DocumentReferenceAdapter,
    PractitionerAdapter,
    TaskAdapter,
)
from tsn_desktop.network.model import (
    DECISION,
    JOINED,
    REFUSED,
    REPLY,
    SENT,
    WAITING,
    Opening,
    Post,
)
from tsn_desktop.patients.care_team import CareTeamAdapter
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.protocol import PassReport

from .conftest import Client, new_patient

QUESTION = Opening("Plaie du talon", "Faut-il changer de pansement ?",
                   "Plaie stable depuis 10 jours, diabète de type 2.",
                   "Un avis sur le pansement et la fréquence", date(2026, 12, 15))


def sync(client: Client) -> PassReport:
    engine = client.engine()
    engine.registry = AdapterRegistry([PatientAdapter(), CareTeamAdapter(),
                                       CommunicationAdapter(), PractitionerAdapter(),
                                       TaskAdapter(), DocumentReferenceAdapter()])
    return engine.run_pass()


def three(make_client: Any) -> tuple[Client, Client, Client]:
    gp = make_client("Durand Marie")
    nurse = make_client("Petit Claire", "nurse")
    pharmacist = make_client("Bernard Louis", "pharmacist")
    for client in (gp, nurse, pharmacist):
        sync(client)  # each one's directory now holds the others
    return gp, nurse, pharmacist


def texts(client: Client, thread_id: str) -> list[tuple[str, str, str]]:
    thread = service.view(client.db, thread_id).thread
    return [(m.post.kind, m.post.sender, m.post.body) for m in thread.messages]


def test_the_gp_asks_offline_the_nurse_and_the_pharmacist_answer_offline_and_all_converge(
        make_client) -> None:
    gp, nurse, pharmacist = three(make_client)
    assert {e.rpps for e in service.search_directory(gp.db, "bernard")} == {pharmacist.rpps}
    patient = gp.save(new_patient())

    # Offline: nothing reaches anybody before the GP's sync.
    thread = service.open_discussion(gp.db, QUESTION, [nurse.rpps, pharmacist.rpps],
                                     patient_id=patient.id, share=True)
    assert thread.opening.state == WAITING
    report = sync(gp)
    assert (report.rejected, report.conflicts) == (0, 0)
    assert service.view(gp.db, thread.id).thread.opening.state == SENT

    for colleague in (nurse, pharmacist):
        sync(colleague)
        seen = service.view(colleague.db, thread.id)
        assert seen.thread.title == "Plaie du talon"
        assert seen.thread.opening.opening == QUESTION
        assert seen.patient_name == "MARTIN Lucie Anne"
        assert seen.thread.unread == 1
    # Both answer the opening offline, the pharmacist first; neither has seen the other's.
    service.reply(pharmacist.db, thread.id, "Hydrocolloïde, changé tous les 3 jours.")
    service.reply(nurse.db, thread.id, "Je peux passer lundi et jeudi.")
    for client in (nurse, pharmacist):
        assert sync(client).conflicts == 0
    for client in (gp, nurse, pharmacist):
        sync(client)

    expected = [(REPLY, pharmacist.rpps, "Hydrocolloïde, changé tous les 3 jours."),
                (REPLY, nurse.rpps, "Je peux passer lundi et jeudi.")]
    assert texts(gp, thread.id) == texts(nurse, thread.id) == texts(pharmacist, thread.id) \
        == expected
    assert service.view(gp.db, thread.id).thread.unread == 2

    service.close_discussion(gp.db, thread.id, "Hydrocolloïde, IDE lundi et jeudi.")
    sync(gp)
    sync(nurse)
    at_nurse = service.view(nurse.db, thread.id).thread
    assert at_nurse.closed
    assert at_nurse.decision is not None and at_nurse.decision.kind == DECISION
    filed = service.discussions(nurse.db, patient_id=patient.id)
    assert [v.thread.decision.body for v in filed if v.thread.decision] == [
        "Hydrocolloïde, IDE lundi et jeudi."]


def test_a_colleague_added_later_receives_the_whole_thread(make_client) -> None:
    gp, nurse, pharmacist = three(make_client)
    patient = gp.save(new_patient())
    thread = service.open_discussion(gp.db, QUESTION, [nurse.rpps], patient_id=patient.id,
                                     share=True)
    sync(gp)
    sync(nurse)
    service.reply(nurse.db, thread.id, "Plutôt un alginate.")
    sync(nurse)
    sync(pharmacist)  # her cursor is past every post so far
    assert service.discussions(pharmacist.db) == []

    service.add_participant(gp.db, thread.id, pharmacist.rpps, share=True)
    sync(gp)
    sync(pharmacist)

    seen = service.view(pharmacist.db, thread.id).thread
    assert seen.opening.opening == QUESTION
    assert [(m.post.kind, m.post.body) for m in seen.messages] == [
        (REPLY, "Plutôt un alginate."), (JOINED, "")]
    assert pharmacist.rpps in seen.participants


def test_an_outsider_never_receives_the_thread_nor_the_patient(make_client) -> None:
    gp, nurse, outsider = three(make_client)
    patient = gp.save(new_patient())
    thread = service.open_discussion(gp.db, QUESTION, [nurse.rpps], patient_id=patient.id,
                                     share=True)
    service.reply(gp.db, thread.id, "Photos à venir.")
    sync(gp)

    sync(outsider)

    assert service.discussions(outsider.db) == []
    assert store.get_post(outsider.db, thread.id) is None
    assert store.patient_names(outsider.db, [patient.id]) == {}


def test_a_post_the_hub_refuses_is_shown_refused_with_what_to_do(make_client, caplog) -> None:
    gp, nurse, outsider = three(make_client)
    patient = gp.save(new_patient())
    thread = service.open_discussion(gp.db, QUESTION, [nurse.rpps], patient_id=patient.id,
                                     share=True)
    sync(gp)
    # The outsider was taken out of the care team on another computer after this reply
    # was written: the post names someone the hub does not let see the patient.
    opening = service.view(gp.db, thread.id).thread.opening
    stray = Post("0a8d2c1e-3b7f-4f5a-9c2d-7e6b5a4c3d2e", thread.id, REPLY, gp.rpps,
                 (nurse.rpps, outsider.rpps), opening.sent_at, body="Et vous ?",
                 patient_id=patient.id, in_response_to=thread.id)
    with gp.db.unit_of_work() as uow:
        store.insert_post(uow, stray)

    report = sync(gp)

    assert report.rejected == 1
    shown = store.get_post(gp.db, stray.id)
    assert shown is not None and shown.state == REFUSED
    assert outsider.rpps in shown.refusal and "care team" in shown.refusal
    assert store.get_post(outsider.db, stray.id) is None


def test_a_withdrawn_post_and_an_edit_reach_the_others_as_such(make_client) -> None:
    gp, nurse, _ = three(make_client)
    thread = service.open_discussion(gp.db, Opening("Garde du week-end", "Qui est de garde ?"),
                                     [nurse.rpps])
    first = service.reply(gp.db, thread.id, "Je suis là samedi.")
    second = service.reply(gp.db, thread.id, "Numéro : 06 00 00 00 00")
    sync(gp)
    sync(nurse)
    service.edit_post(gp.db, first.id, "Je suis là samedi et dimanche.")
    service.withdraw_post(gp.db, second.id)
    sync(gp)
    sync(nurse)

    shown = service.view(nurse.db, thread.id).thread.messages
    assert [(m.post.body, m.edited, m.withdrawn) for m in shown] == [
        ("Je suis là samedi et dimanche.", True, False),
        ("Numéro : 06 00 00 00 00", False, True)]


def test_reading_a_thread_sends_a_read_receipt_the_asker_sees(make_client) -> None:
    gp, nurse, pharmacist = three(make_client)
    thread = service.open_discussion(gp.db, Opening("Stock vaccins", "Reste-t-il du ROR ?"),
                                     [nurse.rpps, pharmacist.rpps])
    sync(gp)
    sync(nurse)

    assert service.mark_read(nurse.db, thread.id) is True
    assert service.mark_read(nurse.db, thread.id) is False  # nothing new: no second receipt
    sync(nurse)
    sync(gp)

    read = dict(service.view(gp.db, thread.id).thread.read_receipts())
    assert read[nurse.rpps] is not None
    assert read[pharmacist.rpps] is None
    assert service.view(gp.db, thread.id).thread.messages == ()  # a receipt is no message


def test_a_practitioner_edits_their_own_directory_entry_and_colleagues_see_it(
        make_client) -> None:
    from dataclasses import replace

    gp, nurse, _ = three(make_client)
    mine = service.directory_entry(nurse.db, nurse.rpps)
    assert mine is not None
    service.save_own_entry(nurse.db, replace(mine, phone="06 12 34 56 78", city="Villeurbanne",
                                             secure_mail="claire.petit@ide.mssante.fr"))
    assert sync(nurse).conflicts == 0
    sync(gp)

    seen = service.directory_entry(gp.db, nurse.rpps)
    assert seen is not None
    assert (seen.phone, seen.city, seen.secure_mail) == (
        "06 12 34 56 78", "Villeurbanne", "claire.petit@ide.mssante.fr")
    assert [e.rpps for e in service.search_directory(gp.db, "villeurb")] == [nurse.rpps]
    # Nobody edits someone else's entry.
    with pytest.raises(service.NotAllowed):
        service.save_own_entry(gp.db, replace(seen, phone="00"))


def test_a_return_home_pathway_shows_the_nurses_overdue_dressing_in_red_on_both_desktops(
        make_client) -> None:
    from datetime import timedelta

    from tsn_desktop.network.model import TASK_OVERDUE
    from tsn_desktop.network.pathway import COMPLETED, PlannedTask

    gp, nurse, pharmacist = three(make_client)
    patient = gp.save(new_patient())
    operated = date.today() - timedelta(days=4)
    made = service.create_pathway(gp.db, patient.id, "Prothèse de hanche", operated, [
        PlannedTask("first_dressing", nurse.rpps, 2),
        PlannedTask("medication_ready", pharmacist.rpps, 0),
        PlannedTask("stitches_removal", nurse.rpps, 10)], share=True)
    assert report_ok(sync(gp))
    sync(nurse)
    sync(pharmacist)

    for client in (gp, nurse):
        overdue = [r.item for r in service.inbox(client.db, 3) if r.item.kind == TASK_OVERDUE]
        assert {i.task_id for i in overdue} == {made[0].id, made[1].id}
        assert all(i.important for i in overdue)  # shown in red
    # The nurse ticks her dressing; the GP sees who did it.
    service.tick_task(nurse.db, made[0].id, comment="Plaie propre")
    sync(nurse)
    sync(gp)
    at_gp = {t.id: t for t in service.pathway_tasks(gp.db, patient.id).tasks}
    assert at_gp[made[0].id].status == COMPLETED
    assert (at_gp[made[0].id].done_by, at_gp[made[0].id].comment) == (nurse.rpps,
                                                                       "Plaie propre")
    assert at_gp[made[2].id].due == operated + timedelta(days=10)
    still = {r.item.task_id for r in service.inbox(gp.db, 3) if r.item.kind == TASK_OVERDUE}
    assert still == {made[1].id}


def report_ok(report: PassReport) -> bool:
    return (report.rejected, report.conflicts) == (0, 0)


def test_an_attachment_goes_round_the_hub_unchanged(make_client) -> None:
    from tsn_desktop.network.attachments import accept

    gp, nurse, _ = three(make_client)
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 100 + b"\n%%EOF\n"
    thread = service.open_discussion(gp.db, Opening("Compte rendu", "Lu ?"), [nurse.rpps])
    service.reply(gp.db, thread.id, "Le compte rendu opératoire",
                  files=[accept("cr-operatoire.pdf", pdf)])
    assert report_ok(sync(gp))
    sync(nurse)

    [message] = service.view(nurse.db, thread.id).thread.messages
    [info] = message.post.attachments
    assert (info.name, info.content_type) == ("cr-operatoire.pdf", "application/pdf")
    assert service.attachment(nurse.db, info.id).data == pdf


def test_a_protocol_published_to_everyone_and_one_to_a_group_reach_the_right_desktops(
        make_client) -> None:
    from tsn_desktop.network.attachments import accept

    gp, nurse, pharmacist = three(make_client)
    pdf = b"%PDF-1.7\nprotocole\n%%EOF\n"
    public = service.publish_document(gp.db, "Protocole pansements", "2026-1",
                                      accept("protocole.pdf", pdf))
    group = service.publish_document(gp.db, "Astreinte du secteur", "1",
                                     accept("astreinte.pdf", pdf), audience=[nurse.rpps])
    assert report_ok(sync(gp))
    sync(nurse)
    sync(pharmacist)

    assert {d.title for d in service.library(nurse.db).documents} == {
        "Protocole pansements", "Astreinte du secteur"}
    assert [d.title for d in service.library(pharmacist.db).documents] == [
        "Protocole pansements"]
    assert service.document_file(pharmacist.db, public.id).data == pdf
    # A new version from its publisher replaces it everywhere; nobody else may publish one.
    service.publish_document(gp.db, "Protocole pansements", "2026-2",
                             accept("protocole-v2.pdf", pdf + b"v2"), document_id=public.id)
    sync(gp)
    sync(pharmacist)
    [doc] = service.library(pharmacist.db).documents
    assert (doc.version, doc.file_name) == ("2026-2", "protocole-v2.pdf")
    with pytest.raises(service.NotAllowed):
        service.publish_document(pharmacist.db, "Mien", "1", accept("x.pdf", pdf),
                                 document_id=public.id)
    assert group.id not in {d.id for d in service.library(pharmacist.db).documents}
