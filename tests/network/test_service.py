"""The network's rules on a real SQCipher profile: directory search as you type, a
discussion written offline, its thread (edits, withdrawals, decision), the care team asked
before a patient's file is shared, the inbox (unread, no answer after N days, snooze)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database, new_id
from tsn_desktop.network import service, store
from tsn_desktop.network.model import (
    ANSWER_DUE,
    NO_ANSWER,
    OPENING,
    REPLY,
    UNREAD,
    WAITING,
    InvalidPost,
    Opening,
    Post,
)
from tsn_desktop.patients import care_team
from tsn_desktop.patients.model import Patient

from .conftest import NURSE, PHARMACIST, SURGEON

ASK = Opening("Plaie du talon", "Quel pansement ?", "Diabète de type 2", "Un avis",
              date(2026, 12, 1))


def _from_colleague(db: Database, thread_id: str, sender: str, text: str, when,
                    kind: str = REPLY) -> str:
    """A colleague's post as a pull writes it (hub copy, no outbox row)."""
    pid = new_id()
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(pid, thread_id, kind, sender,
                                            (service.me(db),), when, body=text,
                                            in_response_to=thread_id), "1", mine=False)
    return pid


@pytest.mark.parametrize(("typed", "found"), [
    ("pet", {"Claire PETIT"}), ("INFIRM", {"Claire PETIT"}), ("pharmacien", {"Louis BERNARD"}),
    ("lefevre", {"Hélène LEFÈVRE"}), ("bron", {"Hélène LEFÈVRE"}),
    (PHARMACIST.rpps[:6], {"Louis BERNARD"}), ("lyon cla", {"Claire PETIT"}),
    ("", {"Claire PETIT", "Louis BERNARD", "Hélène LEFÈVRE"}), ("zz", set()),
    ('"; DROP', set()),
])
def test_the_directory_finds_colleagues_by_name_profession_rpps_and_town(
        db: Database, colleagues, typed: str, found: set[str]) -> None:
    assert {e.display_name for e in service.search_directory(db, typed)} == found


def test_an_entry_updated_by_the_hub_is_found_by_its_new_town_only(db, colleagues) -> None:
    from dataclasses import replace

    from tsn_desktop.network.fhir import directory_id

    with db.unit_of_work() as uow:
        store.put_entry(uow, directory_id(NURSE.rpps), replace(NURSE, city="Caluire"), "2")
    assert [e.rpps for e in service.search_directory(db, "caluire")] == [NURSE.rpps]
    assert service.search_directory(db, "lyon claire") == []
    assert service.directory_count(db) == 3


def test_a_discussion_is_written_offline_and_waits_to_be_sent(db, colleagues) -> None:
    thread = service.open_discussion(db, ASK, [NURSE.rpps, PHARMACIST.rpps])

    assert thread.opening.state == WAITING
    assert thread.participants == (service.me(db), NURSE.rpps, PHARMACIST.rpps)
    assert db.query_one("SELECT count(*) FROM outbox WHERE resource_type = 'Communication'"
                        " AND state = 'pending'")[0] == 1


@pytest.mark.parametrize(("opening", "people", "code"), [
    (Opening("", "Q"), ["n"], "no_title"), (Opening("T", "  "), ["n"], "no_question"),
    (Opening("T", "Q"), [], "no_participant"), (Opening("T", "x" * 20_001), ["n"], "too_long"),
])
def test_an_incomplete_opening_is_refused_and_nothing_is_written(
        db, colleagues, opening, people, code) -> None:
    people = [NURSE.rpps] if people else []
    with pytest.raises(InvalidPost) as refused:
        service.open_discussion(db, opening, people)
    assert refused.value.code == code
    assert db.query_one("SELECT count(*) FROM network_post")[0] == 0


def test_asking_about_a_patient_outside_the_care_team_asks_before_sharing_the_file(
        db, colleagues, patient: Patient) -> None:
    with pytest.raises(service.NotInCareTeam) as asked:
        service.open_discussion(db, ASK, [NURSE.rpps], patient_id=patient.id)
    assert asked.value.rpps == (NURSE.rpps,)
    assert db.query_one("SELECT count(*) FROM network_post")[0] == 0

    service.open_discussion(db, ASK, [NURSE.rpps], patient_id=patient.id, share=True)

    assert NURSE.rpps in {m.rpps for m in care_team.members(db, patient.id)}
    assert [v.thread.title for v in service.discussions(db, patient.id)] == ["Plaie du talon"]


def test_replies_are_ordered_by_the_authors_time_and_an_edit_shows_once_as_edited(
        db, colleagues, clock: FrozenClock) -> None:
    thread = service.open_discussion(db, ASK, [NURSE.rpps])
    now = clock.now()
    # The nurse wrote hers before the GP's reply, but it arrives after.
    mine = service.reply(db, thread.id, "Je propose un hydrocolloïde")
    _from_colleague(db, thread.id, NURSE.rpps, "Je passe demain", now - timedelta(minutes=5))
    service.edit_post(db, mine.id, "Je propose un hydrocolloïde, changé tous les 3 jours")

    shown = service.view(db, thread.id).thread.messages
    assert [(m.post.body, m.edited) for m in shown] == [
        ("Je passe demain", False),
        ("Je propose un hydrocolloïde, changé tous les 3 jours", True)]


def test_a_withdrawn_message_stays_as_a_tombstone_and_only_its_author_withdraws(
        db, colleagues, clock) -> None:
    thread = service.open_discussion(db, ASK, [NURSE.rpps])
    hers = _from_colleague(db, thread.id, NURSE.rpps, "Oups", clock.now() - timedelta(minutes=1))
    with pytest.raises(service.NotAllowed):
        service.withdraw_post(db, hers)
    mine = service.reply(db, thread.id, "Erreur de patient")
    service.withdraw_post(db, mine.id)

    shown = service.view(db, thread.id).thread.messages
    assert [(m.post.body, m.withdrawn) for m in shown] == [
        ("Oups", False), ("Erreur de patient", True)]


def test_only_the_requester_closes_and_a_closed_discussion_takes_no_more_replies(
        db, colleagues, clock) -> None:
    thread = service.open_discussion(db, ASK, [NURSE.rpps])
    service.close_discussion(db, thread.id, "Hydrocolloïde, IDE 2 fois par semaine")
    with pytest.raises(service.NotAllowed) as closed:
        service.reply(db, thread.id, "Encore une question")
    assert closed.value.code == "closed"
    assert service.view(db, thread.id).thread.decision.body == (
        "Hydrocolloïde, IDE 2 fois par semaine")

    theirs = new_id()
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(theirs, theirs, OPENING, NURSE.rpps,
                                            (service.me(db),), clock.now(),
                                            opening=Opening("Leur question", "?")), "1", False)
    with pytest.raises(service.NotAllowed) as refused:
        service.close_discussion(db, theirs, "Je décide pour toi")
    assert refused.value.code == "not_requester"


def test_the_inbox_shows_unread_answers_reminders_and_questions_due(
        db, colleagues, clock: FrozenClock) -> None:
    quiet = service.open_discussion(db, Opening("Sans réponse", "Alors ?"), [SURGEON.rpps])
    answered = service.open_discussion(db, ASK, [NURSE.rpps])
    _from_colleague(db, answered.id, NURSE.rpps, "Oui", clock.now())
    asked_of_me = new_id()
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(
            asked_of_me, asked_of_me, OPENING, PHARMACIST.rpps, (service.me(db),),
            clock.now(), opening=Opening("Stock ROR", "Reste-t-il du ROR ?",
                                         due=clock.today())), "1", False)

    assert {(r.item.kind, r.item.thread_id) for r in service.inbox(db, no_answer_days=3)} == {
        (UNREAD, answered.id), (UNREAD, asked_of_me), (ANSWER_DUE, asked_of_me)}

    clock.advance(timedelta(days=3))
    rows = service.inbox(db, no_answer_days=3)
    assert (NO_ANSWER, quiet.id) in {(r.item.kind, r.item.thread_id) for r in rows}
    assert (NO_ANSWER, answered.id) not in {(r.item.kind, r.item.thread_id) for r in rows}

    reminder = next(r.item for r in rows if r.item.kind == NO_ANSWER)
    service.snooze(db, reminder, clock.now() + timedelta(days=1))
    assert reminder.key not in {r.item.key for r in service.inbox(db, 3)}
    clock.advance(timedelta(days=1, minutes=1))
    assert reminder.key in {r.item.key for r in service.inbox(db, 3)}
    service.mark_done(db, reminder)
    assert reminder.key not in {r.item.key for r in service.inbox(db, 3)}
    assert reminder.key in {r.item.key for r in service.inbox(db, 3, show_done=True)}


def test_marking_an_unread_item_done_reads_the_thread_and_sends_one_receipt(
        db, colleagues, clock) -> None:
    thread = service.open_discussion(db, ASK, [NURSE.rpps])
    _from_colleague(db, thread.id, NURSE.rpps, "Oui", clock.now())
    assert service.unread_count(db) == 1
    unread = next(r.item for r in service.inbox(db, 3) if r.item.kind == UNREAD)

    service.mark_done(db, unread)

    assert service.unread_count(db) == 0
    receipts = db.query("SELECT in_response_to FROM network_post WHERE kind = 'receipt'")
    assert len(receipts) == 1
    assert service.view(db, thread.id).thread.messages[-1].post.body == "Oui"
