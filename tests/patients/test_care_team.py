"""The care team ("équipe de soins") on a real SQLCipher profile and in real Qt widgets:
a GP shares a patient with a home-visit nurse by RPPS number, the change goes to the
outbox and the audit log in the same transaction, and the FHIR CareTeam round-trips."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from tsn_desktop.core import audit, identifiers
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import FeatureContext
from tsn_desktop.features import FEATURES
from tsn_desktop.patients import care_team, service
from tsn_desktop.patients.care_team import CareTeam, CareTeamAdapter, Member
from tsn_desktop.patients.feature import PATIENTS
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui import care_team_tab
from tsn_desktop.patients.ui.care_team_tab import CareTeamTab, MembersModel, ShareDialog
from tsn_desktop.patients.ui.patient_file import PatientFileView
from tsn_desktop.sync.adapters import AdapterRegistry, SyncAdapter

from .factories import make_patient, valid_rpps

NURSE = valid_rpps("1000012345")
PHARMACIST = valid_rpps("1000098765")


def mistyped(rpps: str) -> str:
    """The same number with its last digit wrong: what a slip of the finger gives."""
    return rpps[:-1] + str((int(rpps[-1]) + 1) % 10)


def _count(db: Database, table: str) -> int:
    return int(db.query_one(f"SELECT count(*) FROM {table}")[0])  # noqa: S608 - test tables


def _outbox(db: Database) -> list[tuple]:
    return db.query("SELECT resource_type, resource_id, action, local_version, base_version,"
                    " state FROM outbox WHERE resource_type = 'CareTeam' ORDER BY seq")


@pytest.fixture
def patient(db: Database) -> Patient:
    return service.save(db, make_patient()).patient


def _hub_store(db: Database, team_id: str, version: str, resource: dict | None) -> None:
    """What the sync engine keeps of a hub copy (the base the adapter lays its copy over)."""
    with db.unit_of_work() as uow:
        uow.execute(
            "INSERT OR REPLACE INTO hub_base (resource_type, resource_id, hub_version,"
            " deleted, resource, seen_at) VALUES ('CareTeam', ?, ?, ?, ?, ?)",
            (team_id, version, 1 if resource is None else 0,
             None if resource is None else json.dumps(resource), uow.now_iso()))


# --- sharing: the service ---------------------------------------------------------------------

def test_sharing_a_patient_starts_the_team_with_the_gp_then_the_nurse(
        db: Database, profile: OpenProfile, patient: Patient) -> None:
    result = care_team.add_member(db, patient.id, NURSE, "  Claire   Petit ")

    me = profile.practitioner
    assert result.added
    assert result.member == Member(NURSE, "Claire Petit")
    assert result.team.members == (Member(me.rpps, "Anne MARTIN"), Member(NURSE, "Claire Petit"))
    assert care_team.members(db, patient.id) == list(result.team.members)
    assert result.team.meta.local_version == 1


def test_adding_a_member_writes_the_outbox_and_the_audit_with_the_team(
        db: Database, profile: OpenProfile, patient: Patient) -> None:
    result = care_team.add_member(db, patient.id, NURSE)
    team_id = result.team.id

    assert _outbox(db) == [("CareTeam", team_id, "upsert", 1, None, "pending")]
    trail = audit.for_resource(db._conn, "CareTeam", team_id)
    assert [(a.actor, a.action) for a in trail] == [(profile.practitioner.rpps, "create")]

    care_team.add_member(db, patient.id, PHARMACIST, "Pharmacie du Parc")
    assert [row[3] for row in _outbox(db)] == [1, 2]
    assert [a.action for a in audit.for_resource(db._conn, "CareTeam", team_id)] == [
        "create", "update"]


def test_the_team_its_outbox_row_and_its_audit_row_commit_together_or_not_at_all(
        db: Database, patient: Patient, monkeypatch: pytest.MonkeyPatch) -> None:
    before = {t: _count(db, t) for t in ("care_team", "outbox", "audit_log")}

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    # The audit row is the last write of the unit of work: failing there must undo the
    # team and its outbox row too.
    monkeypatch.setattr(audit, "record", disk_full)
    with pytest.raises(OSError):
        care_team.add_member(db, patient.id, NURSE)

    assert {t: _count(db, t) for t in before} == before


@pytest.mark.parametrize(("typed", "reason"), [
    (mistyped(NURSE), identifiers.Reason.KEY),
    (NURSE[:-1], identifiers.Reason.LENGTH),
    ("1000O123456", identifiers.Reason.CHARACTERS),
    ("   ", identifiers.Reason.EMPTY),
])
def test_a_wrong_rpps_is_refused_and_nothing_is_written(
        db: Database, patient: Patient, typed: str, reason: identifiers.Reason) -> None:
    before = {t: _count(db, t) for t in ("care_team", "outbox", "audit_log")}

    with pytest.raises(care_team.InvalidRpps) as refused:
        care_team.add_member(db, patient.id, typed, "Claire Petit")

    assert refused.value.check.reason is reason
    assert {t: _count(db, t) for t in before} == before


def test_an_rpps_typed_with_spaces_is_stored_as_its_11_digits(
        db: Database, patient: Patient) -> None:
    result = care_team.add_member(db, patient.id, identifiers.format_rpps(NURSE))

    assert result.member.rpps == NURSE


def test_a_colleague_already_in_the_team_is_not_added_twice(
        db: Database, patient: Patient) -> None:
    care_team.add_member(db, patient.id, NURSE, "Claire Petit")
    outbox_rows = _count(db, "outbox")

    again = care_team.add_member(db, patient.id, NURSE)

    assert not again.added
    assert again.member == Member(NURSE, "Claire Petit")
    assert _count(db, "outbox") == outbox_rows
    assert [m.rpps for m in care_team.members(db, patient.id)].count(NURSE) == 1


def test_sharing_with_oneself_puts_only_oneself_in_the_team(
        db: Database, profile: OpenProfile, patient: Patient) -> None:
    result = care_team.add_member(db, patient.id, profile.practitioner.rpps)

    assert result.team.members == (Member(profile.practitioner.rpps, "Anne MARTIN"),)


def test_a_patient_not_in_the_register_cannot_be_shared(db: Database, patient: Patient) -> None:
    service.delete(db, patient)
    before = _count(db, "care_team")

    with pytest.raises(LookupError):
        care_team.add_member(db, patient.id, NURSE)
    with pytest.raises(LookupError):
        care_team.add_member(db, "no-such-patient", NURSE)
    assert _count(db, "care_team") == before


def test_removing_the_nurse_writes_a_new_version_based_on_the_hub_one(
        db: Database, profile: OpenProfile, patient: Patient) -> None:
    team = care_team.add_member(db, patient.id, NURSE).team
    with db.unit_of_work() as uow:  # the hub stored version 1 (what the sync engine does)
        CareTeamAdapter().acknowledge(uow, team.id, "1")

    assert care_team.remove_member(db, patient.id, NURSE)

    assert [m.rpps for m in care_team.members(db, patient.id)] == [profile.practitioner.rpps]
    assert _outbox(db)[-1] == ("CareTeam", team.id, "upsert", 2, "1", "pending")
    assert audit.for_resource(db._conn, "CareTeam", team.id)[-1].action == "update"


def test_removing_someone_not_in_the_team_writes_nothing(db: Database, patient: Patient) -> None:
    care_team.add_member(db, patient.id, NURSE)
    rows = _count(db, "outbox")

    assert not care_team.remove_member(db, patient.id, PHARMACIST)
    assert _count(db, "outbox") == rows


# --- FHIR and the sync adapter ---------------------------------------------------------------

def test_the_fhir_care_team_names_the_patient_and_each_member_by_rpps(
        db: Database, profile: OpenProfile, patient: Patient) -> None:
    team = care_team.add_member(db, patient.id, NURSE, "Claire Petit").team

    resource = CareTeamAdapter().to_fhir(db, team.id)

    assert resource == {
        "resourceType": "CareTeam", "id": team.id, "status": "active",
        "subject": {"reference": f"Patient/{patient.id}"},
        "participant": [
            {"member": {"identifier": {"system": "https://rpps.esante.gouv.fr",
                                       "value": profile.practitioner.rpps},
                        "display": "Anne MARTIN"}},
            {"member": {"identifier": {"system": "https://rpps.esante.gouv.fr",
                                       "value": NURSE},
                        "display": "Claire Petit"}},
        ]}


def test_a_care_team_round_trips_through_fhir() -> None:
    team = CareTeam("7b0d4f0e-3c43-4d2c-9b1b-2f4f0b1de001", "patient-1",
                    (Member("10000517312", "Anne MARTIN"), Member(NURSE, "")))

    back = care_team.from_fhir(care_team.to_fhir(team))

    assert back == team


def test_a_hub_care_team_is_applied_and_goes_back_unchanged_with_what_we_do_not_model(
        db: Database, patient: Patient) -> None:
    adapter = CareTeamAdapter()
    hub = {
        "resourceType": "CareTeam", "id": "team-from-hub", "status": "active",
        "name": "Équipe de soins à domicile",
        "subject": {"reference": f"Patient/{patient.id}", "display": "Hélène Dupont"},
        "participant": [
            {"role": [{"text": "infirmière"}],
             "member": {"identifier": {"system": "https://rpps.esante.gouv.fr",
                                       "value": NURSE}, "display": "Claire Petit"}},
            {"member": {"reference": "Practitioner/someone-in-the-directory"}},
            {"member": {"identifier": {"system": "https://rpps.esante.gouv.fr",
                                       "value": PHARMACIST}}},
        ],
        "meta": {"versionId": "3", "lastUpdated": "2026-11-23T09:00:00Z"}}

    with db.unit_of_work() as uow:
        uow.actor = "hub"
        adapter.apply(uow, "team-from-hub", hub, "3")
    _hub_store(db, "team-from-hub", "3", hub)

    assert care_team.members(db, patient.id) == [Member(NURSE, "Claire Petit"),
                                                 Member(PHARMACIST, "")]
    assert care_team.get(db, "team-from-hub").meta.hub_version == "3"
    # A hub copy is not a local change: audited as the hub's doing, nothing queued.
    assert _outbox(db) == []
    assert [(a.actor, a.action) for a in
            audit.for_resource(db._conn, "CareTeam", "team-from-hub")] == [("hub", "create")]
    ours = adapter.to_fhir(db, "team-from-hub")
    assert ours == {k: v for k, v in hub.items() if k != "meta"}

    # Taking the pharmacist out keeps every other element where it was.
    care_team.remove_member(db, patient.id, PHARMACIST)
    after = adapter.to_fhir(db, "team-from-hub")
    assert after["participant"] == hub["participant"][:2]
    assert after["name"] == hub["name"]


def test_a_member_added_to_a_pulled_team_goes_into_that_team(
        db: Database, patient: Patient) -> None:
    hub = care_team.to_fhir(CareTeam("team-from-hub", patient.id, (Member(NURSE, "C. P."),)))
    with db.unit_of_work() as uow:
        CareTeamAdapter().apply(uow, "team-from-hub", hub, "1")

    result = care_team.add_member(db, patient.id, PHARMACIST)

    assert result.team.id == "team-from-hub"
    assert _outbox(db) == [("CareTeam", "team-from-hub", "upsert", 2, "1", "pending")]
    assert _count(db, "care_team") == 1


def test_a_deletion_from_the_hub_leaves_a_tombstone(db: Database, patient: Patient) -> None:
    team = care_team.add_member(db, patient.id, NURSE).team
    adapter = CareTeamAdapter()

    with db.unit_of_work() as uow:
        adapter.apply(uow, team.id, None, "2")

    assert care_team.members(db, patient.id) == []
    stored = care_team.get(db, team.id)
    assert stored.meta.deleted and stored.meta.hub_version == "2"
    assert audit.for_resource(db._conn, "CareTeam", team.id)[-1].action == "delete"
    # A new share after that starts a new team.
    assert care_team.add_member(db, patient.id, NURSE).team.id != team.id


def test_an_inactive_team_shares_with_nobody(db: Database, patient: Patient) -> None:
    hub = care_team.to_fhir(CareTeam("old-team", patient.id, (Member(NURSE),),
                                     status="inactive"))
    with db.unit_of_work() as uow:
        CareTeamAdapter().apply(uow, "old-team", hub, "4")

    assert care_team.members(db, patient.id) == []


def test_a_hub_care_team_without_a_patient_is_not_applied(db: Database) -> None:
    with pytest.raises(care_team.UnusableCareTeam), db.unit_of_work() as uow:
        CareTeamAdapter().apply(uow, "t", {"resourceType": "CareTeam", "id": "t",
                                           "subject": {"reference": "Group/1"}}, "1")
    assert _count(db, "care_team") == 0


def test_conflicts_follow_hub_order_and_keep_our_copy_aside() -> None:
    base = care_team.to_fhir(CareTeam("t", "p", (Member(NURSE),)))
    ours = care_team.to_fhir(CareTeam("t", "p", (Member(NURSE), Member(PHARMACIST))))
    theirs = care_team.to_fhir(CareTeam("t", "p", (Member(NURSE), Member(valid_rpps()))))

    outcome = CareTeamAdapter().merge(base, ours, theirs)

    assert outcome.resource == theirs
    assert outcome.local_lost
    assert outcome.reason == "hub_order"


def test_the_adapter_registers_next_to_the_patient_one() -> None:
    adapter = CareTeamAdapter()
    assert isinstance(adapter, SyncAdapter)
    assert AdapterRegistry([PatientAdapter(), adapter]).types() == ["CareTeam", "Patient"]


# --- the "Care team" tab and the share dialog ---------------------------------------------------

@pytest.fixture(autouse=True)
def no_unexpected_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*_args: object) -> bool:
        raise AssertionError("unexpected confirmation")

    monkeypatch.setattr(care_team_tab, "confirm_remove", unexpected)


@pytest.fixture
def saved_patient(runner: DbRunner) -> Patient:
    return runner.executor.call(lambda db: service.save(db, make_patient())).patient


@pytest.fixture
def file_view(qtbot, runner: DbRunner, clock: FrozenClock,
              saved_patient: Patient) -> Iterator[PatientFileView]:
    view = PatientFileView(tabs=[CareTeamTab(runner)])
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.tab(CareTeamTab).members_shown, timeout=5000):
        view.show_patient(saved_patient, clock.today())
    view.show_tab(CareTeamTab)
    yield view
    if view.tab(CareTeamTab).share_dialog is not None:
        view.tab(CareTeamTab).share_dialog.close()
    view.close()


def _open_dialog(qtbot, tab: CareTeamTab) -> ShareDialog:
    tab.share_button.click()
    dialog = tab.share_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _rows(tab: CareTeamTab) -> list[tuple[str, str]]:
    model = tab.model
    return [(model.index(r, MembersModel.NAME).data(), model.index(r, MembersModel.RPPS).data())
            for r in range(model.rowCount())]


def _unnamed_controls(root: QWidget) -> list[str]:
    return [f"{type(w).__name__}:{w.objectName()}"
            for w in root.findChildren(QWidget)
            if isinstance(w, (QLineEdit, QAbstractButton))
            and not w.objectName().startswith("qt_")
            and not w.accessibleName()]


@pytest.mark.gui
def test_a_patient_not_shared_yet_says_so_and_offers_to_share(
        file_view: PatientFileView) -> None:
    tab = file_view.tab(CareTeamTab)
    assert file_view.tab_title(CareTeamTab) == "Care &team"
    assert tab.results.currentWidget() is tab.empty_label
    assert "No care team yet" in tab.empty_label.text()
    assert tab.share_button.isEnabled()
    assert not tab.remove_button.isEnabled()


@pytest.mark.gui
def test_a_wrong_rpps_is_refused_with_what_to_do_and_the_typed_text_stays(
        qtbot, file_view: PatientFileView, runner: DbRunner) -> None:
    dialog = _open_dialog(qtbot, file_view.tab(CareTeamTab))
    wrong = mistyped(NURSE)
    qtbot.keyClicks(dialog.rpps_edit, wrong)
    qtbot.keyClicks(dialog.name_edit, "Claire Petit")

    dialog.share_button.click()

    message = dialog.problem_shown()
    assert "mistyped" in message and "CPS card" in message
    assert dialog.rpps_error.isVisible()
    assert dialog.rpps_edit.property("invalid") is True
    assert dialog.rpps_edit.accessibleDescription() == message
    assert dialog.rpps_edit.text() == wrong
    assert dialog.name_edit.text() == "Claire Petit"
    assert dialog.rpps_edit.hasFocus()
    assert dialog.isVisible()
    assert runner.executor.call(lambda db: _count(db, "care_team")) == 0

    qtbot.keyClicks(dialog.rpps_edit, "0")  # typing again clears the mark
    assert not dialog.rpps_error.isVisible()


@pytest.mark.gui
def test_an_rpps_too_short_says_how_many_digits_were_typed(
        qtbot, file_view: PatientFileView) -> None:
    dialog = _open_dialog(qtbot, file_view.tab(CareTeamTab))
    qtbot.keyClicks(dialog.rpps_edit, NURSE[:-1])

    dialog.share_button.click()

    assert "11 digits; this one has 10" in dialog.problem_shown()
    assert dialog.rpps_edit.text() == NURSE[:-1]


@pytest.mark.gui
def test_a_valid_rpps_is_saved_and_the_list_shows_the_colleague(
        qtbot, file_view: PatientFileView, runner: DbRunner, saved_patient: Patient) -> None:
    tab = file_view.tab(CareTeamTab)
    dialog = _open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.rpps_edit, identifiers.format_rpps(NURSE))
    qtbot.keyClicks(dialog.name_edit, "Claire Petit")

    with qtbot.waitSignal(tab.members_shown, timeout=5000):
        dialog.share_button.click()

    qtbot.waitUntil(lambda: tab.share_dialog is None)
    assert _rows(tab) == [("Anne MARTIN (you)", identifiers.format_rpps(valid_rpps())),
                          ("Claire Petit", identifiers.format_rpps(NURSE))]
    assert tab.results.currentWidget() is tab.table
    assert "Claire Petit is now in the care team" in tab.message_label.text()
    stored = runner.executor.call(lambda db: care_team.members(db, saved_patient.id))
    assert stored[-1] == Member(NURSE, "Claire Petit")


@pytest.mark.gui
def test_a_colleague_can_be_shared_with_from_the_keyboard_alone(
        qtbot, file_view: PatientFileView) -> None:
    tab = file_view.tab(CareTeamTab)
    tab.share_button.setFocus()
    qtbot.keyClick(tab.share_button, Qt.Key.Key_Space)
    dialog = tab.share_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.rpps_edit.hasFocus)
    qtbot.keyClicks(dialog.rpps_edit, NURSE)
    qtbot.keyClick(dialog.rpps_edit, Qt.Key.Key_Tab)
    assert dialog.name_edit.hasFocus()

    with qtbot.waitSignal(tab.members_shown, timeout=5000):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    assert _rows(tab)[-1] == ("(name not given)", identifiers.format_rpps(NURSE))


@pytest.mark.gui
def test_removing_a_colleague_asks_first_then_refreshes_the_list(
        qtbot, file_view: PatientFileView, runner: DbRunner, saved_patient: Patient,
        clock: FrozenClock, monkeypatch: pytest.MonkeyPatch) -> None:
    runner.executor.call(lambda db: care_team.add_member(db, saved_patient.id, NURSE, "C. P."))
    tab = file_view.tab(CareTeamTab)
    with qtbot.waitSignal(tab.members_shown, timeout=5000):
        file_view.show_patient(saved_patient, clock.today())
    tab.table.selectRow(0)
    assert not tab.remove_button.isEnabled()  # oneself: not offered
    tab.table.selectRow(1)
    assert tab.remove_button.isEnabled()
    asked: list[Member] = []
    monkeypatch.setattr(care_team_tab, "confirm_remove",
                        lambda _parent, member: asked.append(member) or True)

    with qtbot.waitSignal(tab.members_shown, timeout=5000):
        tab.remove_button.click()

    assert asked == [Member(NURSE, "C. P.")]
    assert [name for name, _rpps in _rows(tab)] == ["Anne MARTIN (you)"]
    assert "no longer in the care team" in tab.message_label.text()


@pytest.mark.gui
def test_every_care_team_control_has_an_accessible_name(
        qtbot, file_view: PatientFileView) -> None:
    tab = file_view.tab(CareTeamTab)
    assert _unnamed_controls(tab) == []
    assert tab.table.accessibleName()
    dialog = _open_dialog(qtbot, tab)
    assert _unnamed_controls(dialog) == []
    assert dialog.rpps_edit.accessibleName() == "Colleague's RPPS number"


@pytest.mark.gui
def test_the_members_model_passes_the_model_tester(qtmodeltester) -> None:
    model = MembersModel()
    qtmodeltester.check(model, force_py=True)
    model.set_members([Member(valid_rpps(), "Anne MARTIN"), Member(NURSE, "")], valid_rpps())
    qtmodeltester.check(model, force_py=True)


@pytest.mark.gui
def test_locking_forgets_the_names_of_the_team(qtbot, file_view: PatientFileView,
                                              runner: DbRunner, saved_patient: Patient,
                                              clock: FrozenClock) -> None:
    runner.executor.call(lambda db: care_team.add_member(db, saved_patient.id, NURSE, "C. P."))
    with qtbot.waitSignal(file_view.tab(CareTeamTab).members_shown, timeout=5000):
        file_view.show_patient(saved_patient, clock.today())

    file_view.clear()

    assert file_view.tab(CareTeamTab).model.rowCount() == 0
    assert not file_view.tab(CareTeamTab).share_button.isEnabled()


@pytest.mark.gui
def test_a_file_view_without_a_runner_still_opens_and_says_the_team_is_not_shown(
        qtbot, clock: FrozenClock) -> None:
    view = PatientFileView(tabs=[CareTeamTab()])
    qtbot.addWidget(view)
    view.show_patient(make_patient(id="p-1"), clock.today())

    assert not view.tab(CareTeamTab).share_button.isEnabled()
    assert "cannot be shown" in view.tab(CareTeamTab).empty_label.text()
    view.close()


@pytest.mark.gui
def test_the_patients_page_gives_its_runner_to_the_care_team(
        qtbot, runner: DbRunner, clock: FrozenClock, saved_patient: Patient,
        profile: OpenProfile, tmp_path: Path) -> None:
    runner.executor.call(lambda db: care_team.add_member(db, saved_patient.id, NURSE, "C. P."))
    # Built as the app builds it: the page from its Feature, the tabs from every feature.
    context = FeatureContext(runner, clock, Settings(tmp_path), profile.practitioner, FEATURES)
    page = PATIENTS.page(context)
    qtbot.addWidget(page)
    page.show()

    with qtbot.waitSignal(page.file_view.tab(CareTeamTab).members_shown, timeout=5000):
        page.open_patient(saved_patient.id)

    assert [name for name, _rpps in _rows(page.file_view.tab(CareTeamTab))] == [
        "Anne MARTIN (you)", "C. P."]
    page.close()
