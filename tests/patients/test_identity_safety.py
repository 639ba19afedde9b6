"""Identity safety (RNIV) and the life of a record, on a real SQLCipher file: the four
identity statuses, INS/traits consistency, archive, death and merge of duplicates.

RNIV = Référentiel national d'identitovigilance, volet 1 "Principes communs" (ANS).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tsn_desktop.core import audit, outbox
from tsn_desktop.core.db import Database
from tsn_desktop.patients import care_team, service
from tsn_desktop.patients.model import FieldProblem, validate

from .factories import TODAY, make_patient, valid_ins, valid_rpps


# --- RNIV [EXI SI 07]: four exclusive statuses, from two independent criteria -------------
@pytest.mark.parametrize(("ins", "document", "status"), [
    ("", "", "PROV"),                    # typed locally, nothing checked: provisoire
    ("", "CN", "VALI"),                  # identity card checked, no INSi: validée
    (valid_ins(), "", "RECUP"),          # INS from INSi, no document checked: récupérée
    (valid_ins(), "PA", "QUAL"),         # both: qualifiée
])
def test_the_identity_status_follows_insi_retrieval_and_the_identity_document_checked(
        db: Database, ins: str, document: str, status: str) -> None:
    saved = service.save(db, make_patient(ins=ins, identity_document=document)).patient
    assert saved.identity_status == status
    assert service.open_file(db, saved.id).identity_status == status
    stored = db.query_one("SELECT identity_status FROM patient WHERE id = ?", (saved.id,))
    assert stored[0] == status


def test_a_carte_vitale_is_not_an_identity_document() -> None:
    """RNIV: only high-trust documents (identity card, passport, residence permit; birth
    certificate or family record book for a minor) validate an identity."""
    problems = validate(make_patient(identity_document="CV"), TODAY)
    assert FieldProblem("identity_document", "invalid") in problems


# --- an INS that contradicts the patient cannot be saved -----------------------------------
def test_a_valid_ins_of_a_man_born_1980_cannot_be_saved_on_a_girl_born_2020(
        db: Database) -> None:
    """Issue 9 item 2: RNIV, an INS is attached only when INSi returned it for the patient's
    own traits; the NIR's first digit (sex) and birth year/month must agree."""
    father = valid_ins("1", 1980, 5)
    girl = make_patient(sex="F", birth_date=date(2020, 2, 10), ins=father)
    with pytest.raises(service.InvalidPatient) as caught:
        service.save(db, girl)
    assert set(caught.value.problems) == {FieldProblem("ins", "mismatch_sex"),
                                          FieldProblem("ins", "mismatch_year"),
                                          FieldProblem("ins", "mismatch_month")}
    assert service.count(db) == 0
    # Without the INS the same child is saved, as a provisional identity.
    saved = service.save(db, replace(girl, ins="")).patient
    assert saved.identity_status == "PROV"


def test_an_ins_with_an_unknown_birth_month_is_compared_on_sex_and_year_only(
        db: Database) -> None:
    nir13 = "2803075056123"  # month 30: unknown month of birth
    from tsn_desktop.core import identifiers
    ins = nir13 + f"{identifiers.nir_key(nir13):02d}"
    saved = service.save(db, make_patient(birth_date=date(1980, 7, 1), ins=ins)).patient
    assert saved.ins == ins


# --- archive and death ----------------------------------------------------------------------
def test_a_patient_created_by_mistake_is_archived_out_of_the_list_but_can_be_found(
        db: Database) -> None:
    mistake = service.save(db, make_patient(birth_name="Dupond")).patient
    service.save(db, make_patient(birth_name="Zola", ins=""))

    archived = service.archive(db, mistake)

    assert archived.archived and archived.meta.local_version == 2
    assert [p.birth_name for p in service.search(db, "")] == ["Zola"]
    assert service.count(db) == 1
    assert [p.id for p in service.search(db, "dupond", scope=service.INACTIVE)] == [mistake.id]
    assert service.count(db, service.ALL) == 2
    actions = [r.action for r in audit.for_resource(db._conn, "Patient", mistake.id)]  # noqa: SLF001
    assert actions == ["create", "update"]
    ops = outbox.pending(db._conn)  # noqa: SLF001 - the test reads the raw queue
    assert (ops[-1].resource_id, ops[-1].action) == (mistake.id, "upsert")
    # Nothing deleted: it comes back whole.
    back = service.unarchive(db, archived)
    assert not back.archived and service.count(db) == 2


def test_a_deceased_patient_leaves_the_list_with_the_date_of_death(db: Database) -> None:
    patient = service.save(db, make_patient()).patient
    dead = service.mark_deceased(db, patient, date(2026, 11, 2))
    assert service.open_file(db, patient.id).deceased_date == date(2026, 11, 2)
    assert service.search(db, "") == []
    assert [p.id for p in service.search(db, "", scope=service.INACTIVE)] == [dead.id]


@pytest.mark.parametrize(("day", "code"), [(date(2026, 11, 24), "in_future"),
                                           (date(1979, 1, 1), "before_birth")])
def test_an_impossible_date_of_death_is_refused(db: Database, day: date, code: str) -> None:
    patient = service.save(db, make_patient()).patient
    with pytest.raises(service.InvalidPatient) as caught:
        service.mark_deceased(db, patient, day)
    assert caught.value.problems == [FieldProblem("deceased_date", code)]


# --- merge of duplicates --------------------------------------------------------------------
def _pending(db: Database) -> set[tuple[str, str]]:
    ops = outbox.pending(db._conn)  # noqa: SLF001 - the test reads the raw queue
    return {(o.resource_type, o.resource_id) for o in ops}


def test_merging_duplicates_moves_the_records_and_keeps_the_other_as_a_tombstone(
        db: Database) -> None:
    kept = service.save(db, make_patient()).patient
    twin = service.save(db, make_patient(ins="", phone="07 11 11 11 11")).patient
    nurse = valid_rpps("2000051731")
    care_team.add_member(db, twin.id, nurse, "Claire Petit")

    result = service.merge(db, kept, twin)

    assert result.moved == 1
    assert result.merged.replaced_by == kept.id
    assert nurse in {m.rpps for m in care_team.members(db, kept.id)}
    # The merged file's own team stays as it was: the hub never lets a record change
    # patient (issue 8, item 4), so the colleagues join the kept patient's team instead.
    assert nurse in {m.rpps for m in care_team.members(db, twin.id)}
    # The tombstone is still there, whole, and can be found but is out of the list.
    tombstone = service.open_file(db, twin.id)
    assert tombstone.phone == "07 11 11 11 11" and tombstone.replaced_by == kept.id
    assert [p.id for p in service.search(db, "dupont")] == [kept.id]
    assert twin.id in {p.id for p in service.search(db, "dupont", scope=service.INACTIVE)}
    assert service.likely_duplicates(db, kept) == []
    # Audited and queued for the hub: both patients and the moved team.
    assert "update" in [r.action for r in audit.for_resource(
        db._conn, "Patient", twin.id)]  # noqa: SLF001
    team_id = care_team.teams_of(db, kept.id)[0].id
    assert {("Patient", kept.id), ("Patient", twin.id), ("CareTeam", team_id)} <= _pending(db)


def test_two_different_ins_are_two_people_and_cannot_be_merged(db: Database) -> None:
    a = service.save(db, make_patient()).patient
    b = service.save(db, make_patient(ins=valid_ins(order="124"))).patient
    with pytest.raises(service.CannotMerge) as caught:
        service.merge(db, a, b)
    assert caught.value.code == "different_ins"
    assert service.open_file(db, b.id).replaced_by == ""


def test_a_merged_patient_cannot_be_merged_again(db: Database) -> None:
    a = service.save(db, make_patient()).patient
    b = service.save(db, make_patient(ins="")).patient
    merged = service.merge(db, a, b).merged
    with pytest.raises(service.CannotMerge):
        service.merge(db, service.open_file(db, a.id), merged)


def test_the_qualified_identity_is_the_one_kept_by_default(db: Database) -> None:
    from tsn_desktop.patients.model import pick_kept
    provisional = service.save(db, make_patient(ins="")).patient
    qualified = service.save(db, make_patient(identity_document="CN")).patient
    assert pick_kept(provisional, qualified) == (qualified, provisional)
