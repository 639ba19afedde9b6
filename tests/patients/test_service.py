"""The patient register's use cases on a real SQLCipher file: save, validate, audit, outbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tsn_desktop.core import audit, outbox
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.patients import service
from tsn_desktop.patients.model import FieldProblem, clean, fold, identity_key, validate

from .factories import TODAY, make_patient, valid_ins


def _count(db: Database, table: str) -> int:
    return int(db.query_one(f"SELECT count(*) FROM {table}")[0])  # noqa: S608 - test tables


# --- create and update ---------------------------------------------------------------------

def test_a_new_patient_gets_an_id_version_1_and_reads_back_the_same(db: Database) -> None:
    saved = service.save(db, make_patient()).patient

    assert saved.id
    assert saved.meta.local_version == 1
    assert saved.meta.created_at == "2026-11-23T09:30:00.000000Z"
    assert service.open_file(db, saved.id).content() == saved.content()


def test_an_update_bumps_the_version_and_keeps_the_id(db: Database, clock: FrozenClock) -> None:
    first = service.save(db, make_patient()).patient
    clock.advance(__import__("datetime").timedelta(minutes=5))

    second = service.save(db, replace(first, phone="07 00 00 00 01")).patient

    assert second.id == first.id
    assert second.meta.local_version == 2
    reread = service.open_file(db, first.id)
    assert reread.phone == "07 00 00 00 01"
    assert reread.meta.local_version == 2
    assert service.count(db) == 1


def test_saving_over_a_version_changed_meanwhile_is_refused(db: Database) -> None:
    opened_here = service.save(db, make_patient()).patient
    service.save(db, replace(opened_here, city="Villeurbanne"))  # another window

    with pytest.raises(service.StaleRecord):
        service.save(db, replace(opened_here, city="Bron"))
    assert service.open_file(db, opened_here.id).city == "Villeurbanne"


def test_typed_spaces_and_ins_separators_are_cleaned_before_storage(db: Database) -> None:
    ins = valid_ins()
    spaced = " ".join([ins[0], ins[1:3], ins[3:5], ins[5:7], ins[7:10], ins[10:13], ins[13:]])

    saved = service.save(db, make_patient(birth_name="  Dupont ", given_names="Hélène   Marie",
                                          ins=spaced, birth_insee="2a004")).patient

    assert (saved.birth_name, saved.given_names, saved.ins, saved.birth_insee) == (
        "Dupont", "Hélène Marie", ins, "2A004")


# --- validation ------------------------------------------------------------------------------

def test_every_problem_of_a_form_is_reported_at_once(db: Database) -> None:
    draft = make_patient(birth_name="", given_names=" ", sex="X", birth_date=date(2030, 1, 1),
                         ins=valid_ins()[:-1] + "0", email="helene@", phone="abc",
                         postal_code="6900", birth_insee="7505")

    with pytest.raises(service.InvalidPatient) as caught:
        service.save(db, draft)

    fields = {p.field: p.code for p in caught.value.problems}
    assert fields == {"birth_name": "required", "given_names": "required", "sex": "invalid",
                      "birth_date": "in_future", "ins": "key", "email": "invalid",
                      "phone": "invalid", "postal_code": "invalid", "birth_insee": "invalid"}
    assert _count(db, "patient") == 0
    assert _count(db, "outbox") == 0


def test_a_birth_date_more_than_125_years_ago_is_refused() -> None:
    problems = validate(make_patient(birth_date=date(1899, 1, 1), ins=""), TODAY)
    assert problems == [FieldProblem("birth_date", "too_old")]


def test_optional_fields_may_stay_empty() -> None:
    bare = make_patient(used_name="", birth_place="", birth_insee="", ins="", address="",
                        postal_code="", city="", phone="", email="", treating_gp="")
    assert validate(clean(bare), TODAY) == []


# --- likely duplicates -------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    (("Dupont", "Hélène"), ("DUPONT", "HELENE")),
    (("Moreau", "Jean-Pierre"), ("Moreau", "Jean Pierre")),
    (("Lefèvre", "Élodie"), ("lefevre", "elodie Anne")),
])
def test_typing_variants_of_the_same_person_are_flagged_as_likely_duplicates(
        db: Database, first: tuple[str, str], second: tuple[str, str]) -> None:
    existing = service.save(db, make_patient(birth_name=first[0], given_names=first[1],
                                             ins="")).patient

    result = service.save(db, make_patient(birth_name=second[0], given_names=second[1], ins=""))

    assert [p.id for p in result.likely_duplicates] == [existing.id]
    assert service.count(db) == 2  # flagged, not refused: the practitioner decides


def test_the_duplicate_check_can_run_before_saving(db: Database) -> None:
    existing = service.save(db, make_patient(ins="")).patient
    draft = make_patient(birth_name=" DUPONT ", given_names="helene", ins="")

    assert [p.id for p in service.likely_duplicates(db, draft)] == [existing.id]
    assert service.likely_duplicates(db, replace(draft, birth_date=date(1980, 3, 15))) == []


def test_a_patient_is_not_its_own_duplicate_when_edited(db: Database) -> None:
    saved = service.save(db, make_patient()).patient
    assert service.save(db, replace(saved, phone="0600000000")).likely_duplicates == ()


def test_a_namesake_born_another_day_is_not_a_duplicate(db: Database) -> None:
    service.save(db, make_patient(ins=""))
    other = service.save(db, make_patient(birth_date=date(1981, 3, 14), ins=""))
    assert other.likely_duplicates == ()


def test_identity_key_ignores_accents_case_hyphens_and_later_given_names() -> None:
    assert identity_key(make_patient(birth_name="Lefèvre", given_names="Jean-Pierre")) == \
        identity_key(make_patient(birth_name="LEFEVRE", given_names="jean pierre Louis"))


# --- audit and outbox ---------------------------------------------------------------------------

def test_opening_a_patient_file_writes_a_read_audit_row(db: Database, profile) -> None:
    saved = service.save(db, make_patient()).patient

    service.open_file(db, saved.id)

    rows = audit.for_resource(db._conn, "Patient", saved.id)  # noqa: SLF001 - test reads raw
    assert [r.action for r in rows] == ["create", "read"]
    assert rows[-1].actor == profile.practitioner.rpps
    assert rows[-1].at == "2026-11-23T09:30:00.000000Z"


def test_each_change_writes_one_outbox_row_with_its_version(db: Database) -> None:
    created = service.save(db, make_patient()).patient
    updated = service.save(db, replace(created, city="Bron")).patient
    service.delete(db, updated)

    ops = outbox.pending(db._conn)  # noqa: SLF001
    assert [(op.action, op.local_version, op.resource_id) for op in ops] == [
        ("upsert", 1, created.id), ("upsert", 2, created.id), ("delete", 3, created.id)]


@pytest.mark.parametrize("failing", ["tsn_desktop.core.outbox.append",
                                     "tsn_desktop.core.audit.record"])
def test_a_write_that_fails_midway_leaves_neither_patient_nor_outbox_row(
        db: Database, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(failing, broken)

    with pytest.raises(OSError):
        service.save(db, make_patient())

    assert (_count(db, "patient"), _count(db, "outbox"), _count(db, "audit_log")) == (0, 0, 0)
    assert service.search(db, "dupont") == []  # the full-text row went with it


def test_a_failed_update_keeps_the_previous_version_everywhere(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = service.save(db, make_patient()).patient

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("tsn_desktop.core.outbox.append", broken)
    with pytest.raises(OSError):
        service.save(db, replace(saved, birth_name="Durand"))
    monkeypatch.undo()

    assert service.open_file(db, saved.id).birth_name == "Dupont"
    assert _count(db, "outbox") == 1
    assert [p.id for p in service.search(db, "dupont")] == [saved.id]
    assert service.search(db, "durand") == []


# --- tombstones -----------------------------------------------------------------------------------

def test_a_deleted_patient_leaves_a_tombstone_out_of_search_count_and_files(db: Database) -> None:
    saved = service.save(db, make_patient()).patient

    service.delete(db, saved)

    assert service.count(db) == 0
    assert service.search(db, "dupont") == []
    assert service.search(db, "") == []
    with pytest.raises(LookupError):
        service.open_file(db, saved.id)
    assert _count(db, "patient") == 1  # kept for the hub to learn of the deletion


def test_ligatures_fold_to_their_letters_for_the_duplicate_key() -> None:
    assert fold("Œuvray-Lætitia") == "OEUVRAY LAETITIA"
    assert identity_key(make_patient(birth_name="Cœur", given_names="Lætitia")) == \
        identity_key(make_patient(birth_name="COEUR", given_names="laetitia"))
