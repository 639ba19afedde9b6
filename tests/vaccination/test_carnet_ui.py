"""The Vaccinations tab and the dose dialog in real Qt widgets on a real SQLCipher profile,
through the DB runner, driven from the keyboard: a late 6-month-old gets the missing dose
by scanning the pack and the forecast moves at once; bad scans and bad dates are refused
with what to do, and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.patients.factories import make_patient, valid_rpps
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import model, service
from tsn_desktop.vaccination.model import Dose, Performer
from tsn_desktop.vaccination.ui import carnet_tab
from tsn_desktop.vaccination.ui.carnet_tab import CarnetTab
from tsn_desktop.vaccination.ui.dose_dialog import DoseDialog
from tsn_desktop.vaccination.ui.models import FactsModel, ForecastModel, HistoryModel

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 23)  # the `clock` fixture's day
BIRTH = date(2026, 5, 10)
CIP = "3400930000007"  # built for the test (see resources/vaccines/README.md)
GS = "\x1d"


def pack_scan(expiry: str = "271231", lot: str = "X4F21A") -> str:
    """What a wedge scanner types for a pack: ]d2, GTIN, expiry, lot, GS, serial."""
    return f"]d2010{CIP}17{expiry}10{lot}{GS}21000123456789"


@pytest.fixture
def baby(db: Database) -> Patient:
    return patients.save(db, make_patient(given_names="Léa", birth_date=BIRTH,
                                          ins="")).patient


@pytest.fixture
def late_baby(db: Database, baby: Patient, profile: OpenProfile) -> Patient:
    """Had the 2-month hexavalent dose only: the 4-month one is late at 6 months."""
    me = Performer("Anne MARTIN", "general_practitioner", profile.practitioner.rpps)
    service.record_dose(db, Dose(id="", patient_id=baby.id, occurrence=date(2026, 7, 10),
                                 product="FR-HEXYON", lot="A1", expiry=date(2027, 1, 1),
                                 site="thigh-left", route="IM", performer=me),
                        TODAY, BIRTH, me)
    return baby


@pytest.fixture
def tab(qtbot, runner: DbRunner, clock: FrozenClock, late_baby: Patient,
        profile: OpenProfile) -> Iterator[CarnetTab]:
    widget = CarnetTab(runner, profile.practitioner)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    with qtbot.waitSignal(widget.carnet_shown, timeout=10000):
        widget.show_patient(late_baby, clock.today())
    yield widget
    if widget.dose_dialog is not None:
        widget.dose_dialog.close()
    widget.close()


def open_dialog(qtbot, tab: CarnetTab) -> DoseDialog:
    qtbot.keyClick(tab.record_button, Qt.Key.Key_Space)
    dialog = tab.dose_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def state(tab: CarnetTab, group: str) -> str | None:
    return tab.forecast_model.state_of(group)


def type_like_a_scanner(qtbot, widget: QWidget, text: str) -> None:
    """Key by key, the GS separator as the Ctrl+] keystroke a wedge scanner sends (its
    text is the GS character), then Enter."""
    for number, part in enumerate(text.split(GS)):
        if number:
            QApplication.sendEvent(widget, QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_BracketRight,
                Qt.KeyboardModifier.ControlModifier, GS))
        qtbot.keyClicks(widget, part)


def scan(qtbot, dialog: DoseDialog, text: str) -> None:
    type_like_a_scanner(qtbot, dialog.scan_edit, text)
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)


def save_with_enter(qtbot, tab: CarnetTab, dialog: DoseDialog) -> None:
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)


def test_the_late_infant_gets_the_scanned_dose_and_the_forecast_moves_to_up_to_date(
        qtbot, tab: CarnetTab, db: Database) -> None:
    assert state(tab, "DTP") == "overdue"
    service.learn_gtin(db, "0" + CIP, "FR-HEXYON")  # this pack was scanned here before
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        tab.refresh()
    dialog = open_dialog(qtbot, tab)

    scan(qtbot, dialog, pack_scan())

    assert dialog.product().code == "FR-HEXYON"
    assert (dialog.lot_edit.text(), dialog.expiry_edit.text()) == ("X4F21A", "31/12/2027")
    assert dialog.date_edit.text() == "23/11/2026"  # today by default
    assert dialog.site_combo.currentData() == "thigh-left"
    save_with_enter(qtbot, tab, dialog)

    assert state(tab, "DTP") == "up_to_date"
    [_, new] = service.carnet(db, tab._patient.id)
    assert (new.product, new.lot, new.expiry, new.occurrence) == (
        "FR-HEXYON", "X4F21A", date(2027, 12, 31), TODAY)
    assert "recorded" in tab.message_shown()
    groups = [tab.history_model.index(r, HistoryModel.GROUP).data() for r in range(4)]
    assert groups == ["DTP", "", "Coqueluche", ""]  # each group named once, as on paper


def test_an_unknown_gtin_says_so_lets_the_user_pick_and_is_recognised_next_time(
        qtbot, tab: CarnetTab, db: Database) -> None:
    dialog = open_dialog(qtbot, tab)
    scan(qtbot, dialog, pack_scan())
    assert dialog.product() is None
    assert "not in the catalogue" in dialog.message_shown()
    assert dialog.lot_edit.text() == "X4F21A"
    assert dialog.search_edit.hasFocus()

    qtbot.keyClicks(dialog.search_edit, "vaxelis")
    assert dialog.product().code == "FR-VAXELIS"
    save_with_enter(qtbot, tab, dialog)

    assert service.learned_gtins(db) == {"0" + CIP: "FR-VAXELIS"}
    again = open_dialog(qtbot, tab)
    scan(qtbot, again, pack_scan(lot="Y2"))
    assert again.product().code == "FR-VAXELIS"


@pytest.mark.parametrize(("typed", "says"), [
    ("Hexyon lot 12", "not a GS1 DataMatrix"),
    (f"]d2010{CIP}1726063010LOT1", "expired on 30/06/2026"),
    ("]d201034009300000001727123110L1", "damaged"),
])
def test_a_bad_scan_is_refused_with_what_to_do_and_fills_nothing(
        qtbot, tab: CarnetTab, typed: str, says: str) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.lot_edit, "typed before")
    scan(qtbot, dialog, typed)
    assert says in dialog.message_shown()
    assert dialog.lot_edit.text() == "typed before"
    assert dialog.product() is None


def test_a_scanner_typing_into_the_lot_field_still_fills_the_dose(
        qtbot, tab: CarnetTab, db: Database) -> None:
    service.learn_gtin(db, "0" + CIP, "FR-HEXYON")
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        tab.refresh()
    dialog = open_dialog(qtbot, tab)
    dialog.lot_edit.setFocus()
    text = pack_scan()
    qtbot.keyClicks(dialog.lot_edit, text[:3])  # "]d2" reaches the lot field first
    type_like_a_scanner(qtbot, dialog.focusWidget(), text[3:])  # the rest follows focus
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert (dialog.product().code, dialog.lot_edit.text()) == ("FR-HEXYON", "X4F21A")


def test_the_scanners_separator_keeps_the_serial_out_of_the_lot(
        qtbot, tab: CarnetTab) -> None:
    dialog = open_dialog(qtbot, tab)
    type_like_a_scanner(qtbot, dialog.scan_edit, pack_scan())
    assert dialog.scan_edit.text().endswith("X4F21A<GS>21000123456789")
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    assert dialog.lot_edit.text() == "X4F21A"


def test_a_future_date_is_refused_in_the_dialog_and_nothing_is_saved_or_lost(
        qtbot, tab: CarnetTab, db: Database) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.search_edit, "hexyon")
    qtbot.keyClicks(dialog.lot_edit, "L77")
    qtbot.keyClicks(dialog.expiry_edit, "31/12/2027")
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "24/11/2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "in the future" in dialog.message_shown(), timeout=10000)

    assert dialog.isVisible() and dialog.date_edit.hasFocus()
    assert dialog.lot_edit.text() == "L77" and dialog.product().code == "FR-HEXYON"
    assert len(service.carnet(db, tab._patient.id)) == 1
    assert tab.has_unsaved()


def test_a_lot_with_control_characters_and_a_bad_date_are_refused(
        qtbot, tab: CarnetTab) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.search_edit, "hexyon")
    dialog.lot_edit.setText("AB\x0712")
    dialog.expiry_edit.setText("31/12/2027")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "invisible characters" in dialog.message_shown(), timeout=10000)
    dialog.date_edit.setText("31/02/2026")
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    assert "dd/mm/yyyy" in dialog.message_shown()


def mark_first_dose_in_error(qtbot, tab: CarnetTab, monkeypatch: pytest.MonkeyPatch) -> None:
    """Selects the history's first line and marks it from the keyboard, "mauvais patient"
    given as why (the question dialog is replaced)."""
    monkeypatch.setattr(carnet_tab, "ask_why", lambda _parent, _text: "mauvais patient")
    tab.history.setFocus()
    tab.history.selectRow(0)
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        qtbot.keyClick(tab.error_button, Qt.Key.Key_Space)


def test_a_dose_marked_in_error_stays_struck_through_with_who_when_and_why(
        qtbot, tab: CarnetTab, monkeypatch: pytest.MonkeyPatch) -> None:
    mark_first_dose_in_error(qtbot, tab, monkeypatch)

    status = tab.history_model.index(0, HistoryModel.STATUS)
    assert status.data().startswith("Entered in error by Anne MARTIN")
    assert "mauvais patient" in status.data() and "23/11/2026 10:30" in status.data()
    font = tab.history_model.index(0, HistoryModel.VACCINE).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert state(tab, "DTP") == "overdue"  # no longer counts
    assert not tab.error_button.isEnabled()


def test_the_history_reads_by_vaccine_group_or_chronologically(
        qtbot, tab: CarnetTab) -> None:
    groups = [tab.history_model.index(r, HistoryModel.GROUP).data()
              for r in range(tab.history_model.rowCount())]
    assert groups == ["DTP", "Coqueluche", "Hib", "HepB"]  # one hexavalent dose
    assert tab.history_model.index(0, HistoryModel.NUMBER).data() == "1"
    qtbot.keyClick(tab.chronological, Qt.Key.Key_Space)
    assert tab.history_model.rowCount() == 1
    assert tab.history_model.index(0, HistoryModel.GROUP).data() == "DTP, Coqueluche, Hib, HepB"
    row = [tab.history_model.index(0, c).data() for c in range(11)]
    assert row[1:9] == ["10/07/2026", "Hexyon — DTCaP-Hib-HepB", "1", "Administered", "A1",
                        "01/01/2027", "left thigh, intramuscular",
                        f"Anne MARTIN, GP (RPPS {tab._by.rpps})"]
    assert row[10] == "Recorded here"


def test_the_forecast_says_when_the_next_dose_is_late_and_why(tab: CarnetTab) -> None:
    model_ = tab.forecast_model
    row = next(r for r in range(model_.rowCount())
               if model_.index(r, ForecastModel.GROUP).data() == "DTP")
    assert model_.index(row, ForecastModel.STATE).data() == "Overdue"
    assert model_.index(row, ForecastModel.NUMBER).data() == "2"
    assert model_.index(row, ForecastModel.BASIS).data() == "1 valid dose(s)"
    assert model_.index(row, ForecastModel.WHY).data()


def test_clearing_the_tab_forgets_the_patient(tab: CarnetTab) -> None:
    tab.clear()
    assert tab.history_model.rowCount() == 0 and tab.forecast_model.rowCount() == 0
    assert not tab.record_button.isEnabled()


def test_a_refusal_recorded_in_the_dialog_shows_as_not_given(
        qtbot, tab: CarnetTab, db: Database) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.search_edit, "prevenar 20")
    dialog.outcome_combo.setCurrentIndex(model.OUTCOMES.index(model.NOT_GIVEN))
    dialog.reason_combo.setCurrentIndex(1 + model.NOT_GIVEN_REASONS.index("refused"))
    save_with_enter(qtbot, tab, dialog)
    statuses = [tab.history_model.index(r, HistoryModel.STATUS).data()
                for r in range(tab.history_model.rowCount())]
    assert "Not given: refused" in statuses
    assert state(tab, "Pneumocoque") == "overdue"




def test_the_patient_file_built_from_the_features_has_the_vaccinations_tab(
        qtbot, runner: DbRunner, clock: FrozenClock, late_baby: Patient,
        profile: OpenProfile, tmp_path) -> None:
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.feature import FeatureContext
    from tsn_desktop.features import FEATURES
    from tsn_desktop.patients.feature import PATIENTS

    context = FeatureContext(runner, clock, Settings(tmp_path), profile.practitioner, FEATURES)
    page = PATIENTS.page(context)
    qtbot.addWidget(page)
    page.show()
    tab = page.file_view.tab(CarnetTab)
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        page.open_patient(late_baby.id)
    assert tab.title() == "&Vaccinations"
    assert tab.forecast_model.state_of("DTP") == "overdue"
    page.close()


def test_a_colleagues_dose_pulled_from_the_hub_shows_at_once_with_its_source(
        qtbot, tab: CarnetTab, runner: DbRunner, late_baby: Patient) -> None:
    from tsn_desktop.vaccination.fhir import ImmunizationAdapter, to_fhir

    nurse = Performer("Claire PETIT", "nurse", valid_rpps("1000012345"))
    theirs = Dose(id="0b7e3c1a-9f55-4c1e-8d7e-111111111111", patient_id=late_baby.id,
                  occurrence=date(2026, 11, 20), product="FR-HEXYON", lot="N9",
                  expiry=date(2027, 6, 30), site="thigh-right", route="IM", performer=nurse,
                  place="home", recorded_by=nurse)

    def pull(db: Database) -> None:
        with db.unit_of_work() as uow:
            ImmunizationAdapter().apply(uow, theirs.id, to_fhir(theirs), "1")

    runner.executor.call(pull)
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        runner.committed([], [("Immunization", theirs.id)])  # what a sync pass tells

    qtbot.keyClick(tab.chronological, Qt.Key.Key_Space)
    last = tab.history_model.rowCount() - 1
    assert tab.history_model.index(last, HistoryModel.SOURCE).data() == (
        "Received from the hub (recorded by Claire PETIT)")
    assert tab.forecast_model.state_of("DTP") == "up_to_date"


def test_locking_closes_the_dose_dialog_and_forgets_the_carnet(
        qtbot, tab: CarnetTab) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.lot_edit, "L1")
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        tab.clear()
    assert tab.dose_dialog is None and tab.history_model.rowCount() == 0


def test_the_arrow_keys_choose_among_the_vaccines_found(qtbot, tab: CarnetTab) -> None:
    dialog = open_dialog(qtbot, tab)
    qtbot.keyClicks(dialog.search_edit, "infanrix")
    assert dialog.product().code == "FR-INFANRIXHEXA"
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    assert dialog.product().code == "FR-INFANRIXQUINTA"
    assert [dialog.site_combo.itemData(i) for i in range(dialog.site_combo.count())][0] == (
        "thigh-left")


def test_the_attestation_is_written_from_the_keyboard_where_the_user_chose(
        qtbot, tab: CarnetTab, db: Database, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "Documents" / "attestation.pdf"
    chosen.parent.mkdir()
    asked: list[str] = []
    monkeypatch.setattr(carnet_tab, "ask_pdf_path",
                        lambda _parent, title, suggested: asked.append(suggested) or chosen)
    tab.attestation_button.setFocus()

    with qtbot.waitSignal(tab.pdf_written, timeout=10000) as written:
        qtbot.keyClick(tab.attestation_button, Qt.Key.Key_Space)

    assert written.args == [chosen]
    assert asked == ["attestation-vaccination-2026-11-23.pdf"]  # no patient name in it
    assert chosen.read_bytes().startswith(b"%PDF")
    assert str(chosen) in tab.message_shown()
    assert [p.name for p in chosen.parent.iterdir()] == ["attestation.pdf"]
    assert db.query("SELECT resource_id FROM audit_log WHERE action = 'export'") == [
        (tab._patient.id,)]


def test_cancelling_the_save_dialog_writes_nothing(
        qtbot, tab: CarnetTab, db: Database, monkeypatch) -> None:
    monkeypatch.setattr(carnet_tab, "ask_pdf_path", lambda *_args: None)

    qtbot.keyClick(tab.carnet_button, Qt.Key.Key_Space)

    assert tab.message_shown() == ""
    assert db.query("SELECT count(*) FROM audit_log WHERE action = 'export'") == [(0,)]


def test_a_folder_that_cannot_be_written_says_to_choose_another(
        qtbot, tab: CarnetTab, tmp_path, monkeypatch) -> None:
    nowhere = tmp_path / "gone" / "carnet.pdf"
    monkeypatch.setattr(carnet_tab, "ask_pdf_path", lambda *_args: nowhere)

    with qtbot.waitSignal(tab.pdf_written, timeout=10000) as written:
        qtbot.keyClick(tab.carnet_button, Qt.Key.Key_Space)

    assert written.args == [None]
    assert "choose another folder" in tab.message_shown()


# --- the patient's profile for recommendations ---------------------------------------------
@pytest.fixture
def woman_tab(qtbot, runner: DbRunner, clock: FrozenClock, db: Database,
              profile: OpenProfile) -> Iterator[CarnetTab]:
    """Hélène, 30, no carnet: measles-mumps-rubella is to be caught up."""
    from tests.patients.factories import valid_ins

    woman = patients.save(db, make_patient(given_names="Hélène", birth_date=date(1996, 3, 14),
                                           ins=valid_ins(year=1996, month=3))).patient
    widget = CarnetTab(runner, profile.practitioner)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(widget.carnet_shown, timeout=10000):
        widget.show_patient(woman, clock.today())
    yield widget
    for dialog in (widget.dose_dialog, widget.fact_dialog):
        if dialog is not None:
            dialog.close()
    widget.close()


def add_pregnancy(qtbot, tab: CarnetTab, weeks: int) -> None:
    qtbot.keyClick(tab.add_fact_button, Qt.Key.Key_Space)
    dialog = tab.fact_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.code_combo, "Grossesse")  # type-ahead in the list
    assert dialog.code_combo.currentData() == model.PREGNANCY
    assert not dialog.since_edit.isEnabled()  # a pregnancy is dated by its term
    dialog.weeks_spin.setFocus()
    dialog.weeks_spin.selectAll()
    qtbot.keyClicks(dialog.weeks_spin, str(weeks))
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)


def test_recording_a_pregnancy_in_the_tab_makes_the_measles_vaccine_contraindicated(
        qtbot, woman_tab: CarnetTab, db: Database) -> None:
    assert woman_tab.forecast_model.state_of("ROR") != "contraindicated"

    add_pregnancy(qtbot, woman_tab, 22)

    assert woman_tab.forecast_model.state_of("ROR") == "contraindicated"
    situation = woman_tab.facts_model.index(0, FactsModel.SITUATION).data()
    assert situation.startswith("Grossesse en cours") and "22" in situation
    assert woman_tab.facts_model.index(0, FactsModel.RECORDED_BY).data().startswith(
        "Anne MARTIN")
    assert "profile" in woman_tab.message_shown()


def test_ending_the_pregnancy_keeps_it_in_the_profile_and_lifts_the_contraindication(
        qtbot, woman_tab: CarnetTab, monkeypatch) -> None:
    add_pregnancy(qtbot, woman_tab, 39)
    monkeypatch.setattr(carnet_tab, "ask_end_day", lambda _p, _s, today: today)
    woman_tab.facts.selectRow(0)

    with qtbot.waitSignal(woman_tab.carnet_shown, timeout=10000):
        qtbot.keyClick(woman_tab.end_fact_button, Qt.Key.Key_Space)

    assert woman_tab.forecast_model.state_of("ROR") != "contraindicated"
    assert woman_tab.facts_model.rowCount() == 1
    assert woman_tab.facts_model.index(0, FactsModel.STATE).data().startswith(
        "Ended on 23/11/2026")
    woman_tab.facts.selectRow(0)
    assert not woman_tab.end_fact_button.isEnabled()  # its one edit is made


def test_a_situation_withdrawn_as_entered_in_error_stays_struck_through(
        qtbot, woman_tab: CarnetTab, monkeypatch) -> None:
    add_pregnancy(qtbot, woman_tab, 10)
    monkeypatch.setattr(carnet_tab, "ask_fact_why", lambda _p, _s: "wrong patient")
    woman_tab.facts.selectRow(0)

    with qtbot.waitSignal(woman_tab.carnet_shown, timeout=10000):
        qtbot.keyClick(woman_tab.retract_fact_button, Qt.Key.Key_Space)

    index = woman_tab.facts_model.index(0, FactsModel.STATE)
    assert "wrong patient" in index.data()
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert woman_tab.forecast_model.state_of("ROR") != "contraindicated"


def test_a_situation_dated_in_the_future_is_refused_and_what_was_typed_stays(
        qtbot, woman_tab: CarnetTab, db: Database) -> None:
    qtbot.keyClick(woman_tab.add_fact_button, Qt.Key.Key_Space)
    dialog = woman_tab.fact_dialog
    assert dialog is not None
    dialog.choose("FR-IMMUNODEPRIME")
    dialog.since_edit.setText("01/01/2027")
    qtbot.keyClicks(dialog.note_edit, "greffe renale")

    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.message_shown()), timeout=10000)

    assert "future" in dialog.message_shown()
    assert dialog.isVisible() and dialog.note_edit.text() == "greffe renale"
    assert db.query("SELECT count(*) FROM vaccination_fact") == [(0,)]


# --- the alert on opening the file -----------------------------------------------------------
def test_opening_the_late_infants_file_shows_the_overdue_vaccines_above_it(
        qtbot, runner: DbRunner, clock: FrozenClock, late_baby: Patient,
        profile: OpenProfile, tmp_path) -> None:
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.feature import FeatureContext
    from tsn_desktop.features import FEATURES
    from tsn_desktop.patients.feature import PATIENTS

    context = FeatureContext(runner, clock, Settings(tmp_path), profile.practitioner, FEATURES)
    page = PATIENTS.page(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    tab = page.file_view.tab(CarnetTab)
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        page.open_patient(late_baby.id)

    banner = tab.file_banner
    assert banner.parentWidget() is page.file_view  # above the tabs, whichever is open
    assert page.file_view.tabs.currentIndex() == 0  # the file opens on the identity
    assert banner.isVisible()
    assert "Vaccinations overdue" in banner.shown_text() and "DTP (late since" in (
        banner.shown_text())

    qtbot.keyClick(banner.button, Qt.Key.Key_Space)

    assert page.file_view.tabs.currentWidget().isAncestorOf(tab)
    assert tab.forecast.hasFocus()
    page.close()


def test_the_banner_goes_once_the_missing_dose_is_recorded(
        qtbot, tab: CarnetTab, db: Database) -> None:
    assert "DTP" in tab.file_banner.shown_text()
    service.learn_gtin(db, "0" + CIP, "FR-HEXYON")
    with qtbot.waitSignal(tab.carnet_shown, timeout=10000):
        tab.refresh()
    dialog = open_dialog(qtbot, tab)
    scan(qtbot, dialog, pack_scan())

    save_with_enter(qtbot, tab, dialog)

    left = tab.file_banner.shown_text()
    assert "DTP" not in left and "Coqueluche" not in left and "HepB" not in left
    assert "Pneumocoque (late since" in left  # still missing: the banner says so


def test_the_banner_names_what_falls_due_within_the_days_set(
        qtbot, runner: DbRunner, clock: FrozenClock, db: Database, profile: OpenProfile,
        tmp_path) -> None:
    """A 7-week-old with nothing late: the 2-month doses are due within 30 days, not 5."""
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.vaccination.ui.carnet_settings import ALERT_DAYS, CarnetSettingsPage

    newborn = patients.save(db, make_patient(given_names="Noé", sex="M",
                                             birth_date=date(2026, 10, 1), ins="")).patient
    settings = Settings(tmp_path)
    shown: list[str] = []
    for days in (5, 30):
        page = CarnetSettingsPage(settings)
        qtbot.addWidget(page)
        page.days.setValue(days)
        page.apply()
        assert settings.get(ALERT_DAYS) == days
        widget = CarnetTab(runner, profile.practitioner, settings=settings)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.carnet_shown, timeout=10000):
            widget.show_patient(newborn, clock.today())
        shown.append(widget.file_banner.shown_text())

    assert shown[0] == ""
    assert "To do now or within 30 days" in shown[1] and "DTP (from 01/12/2026)" in shown[1]


def test_opening_another_patient_never_shows_the_previous_patients_alerts(
        qtbot, tab: CarnetTab, db: Database, clock: FrozenClock) -> None:
    adult = patients.save(db, make_patient(given_names="Paul", sex="M", ins="",
                                           birth_date=date(1970, 1, 1))).patient
    assert "DTP" in tab.file_banner.shown_text()

    tab.show_patient(adult, clock.today())  # the carnet is read on the worker meanwhile

    assert tab.file_banner.shown_text() == ""
    qtbot.waitSignal(tab.carnet_shown, timeout=10000).wait()


# --- who may vaccinate what ---------------------------------------------------------------
def test_a_nurse_giving_an_infants_dose_is_told_why_and_records_the_prescription(
        qtbot, runner: DbRunner, clock: FrozenClock, late_baby: Patient, db: Database) -> None:
    from tsn_desktop.core.session import Practitioner
    from tsn_desktop.vaccination import scope

    nurse = Practitioner("Petit", "Claire", "nurse", valid_rpps("1000012345"))
    widget = CarnetTab(runner, nurse)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.carnet_shown, timeout=10000):
        widget.show_patient(late_baby, clock.today())
    dialog = open_dialog(qtbot, widget)
    assert not dialog.prescriber_edit.isVisible()
    qtbot.keyClicks(dialog.search_edit, "hexyon")
    qtbot.keyClicks(dialog.lot_edit, "X4F21A")

    assert dialog.outside_scope() == scope.OUTSIDE_AGE
    assert "from 11 years" in dialog.scope_label.text() and dialog.prescriber_edit.isVisible()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "prescribing physician" in dialog.message_shown(), timeout=10000)
    assert dialog.prescriber_edit.hasFocus() and dialog.isVisible()

    qtbot.keyClicks(dialog.prescriber_edit, "Dr Marie DURAND")
    qtbot.keyClicks(dialog.prescriber_rpps_edit, valid_rpps("1000098765"))
    with qtbot.waitSignal(widget.carnet_shown, timeout=10000):
        qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)

    new = next(d for d in service.carnet(db, late_baby.id) if d.lot == "X4F21A")
    assert (new.prescriber.name, new.prescriber.rpps, new.scope_reason) == (
        "Dr Marie DURAND", valid_rpps("1000098765"), scope.OUTSIDE_AGE)
    qtbot.keyClick(widget.chronological, Qt.Key.Key_Space)
    given_by = [widget.history_model.index(r, HistoryModel.GIVEN_BY).data()
                for r in range(widget.history_model.rowCount())]
    assert any("on the prescription of Dr Marie DURAND" in g for g in given_by)
    widget.close()


def test_an_adverse_event_is_reported_on_the_selected_dose_and_shows_in_the_history(
        qtbot, tab: CarnetTab, db: Database, late_baby: Patient) -> None:
    """Pharmacovigilance starts where the dose is: the form opens on this patient and this
    dose (no search), and whoever gives the next dose sees the event on the carnet."""
    from tsn_desktop.vaccination import adverse_store

    assert not tab.adverse_button.isEnabled()  # nothing selected yet
    tab.history.setFocus()
    tab.history.selectRow(0)
    assert tab.adverse_button.isEnabled()
    dose = tab.selected_dose()
    assert dose is not None
    qtbot.keyClick(tab.adverse_button, Qt.Key.Key_Space)
    dialog = tab.adverse_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.dose.count() == 1, timeout=10_000)
    assert dialog.dose.currentData() == dose.id
    assert not dialog.search.isVisible()  # the patient is the carnet's
    dialog.symptoms["fever"].setChecked(True)
    dialog.description.setPlainText("39,5 °C le soir")
    with qtbot.waitSignal(tab.carnet_shown, timeout=10_000):
        dialog.save()

    (line,) = adverse_store.lines(db)
    event = adverse_store.event_of_row(line)
    assert (event.dose_id, event.patient_id) == (dose.id, late_baby.id)
    assert event.symptoms == ("fever",)
    status = tab.history_model.index(0, HistoryModel.STATUS).data()
    assert "adverse event recorded (onset 23/11/2026)" in status
    assert "pharmacovigilance" in tab.message_shown()


def test_no_adverse_event_is_offered_on_a_dose_marked_in_error(
        qtbot, tab: CarnetTab, monkeypatch: pytest.MonkeyPatch) -> None:
    mark_first_dose_in_error(qtbot, tab, monkeypatch)
    tab.history.selectRow(0)
    assert not tab.adverse_button.isEnabled()
