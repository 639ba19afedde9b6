"""The register screens as a clinician uses them: search, open, create, fix, keyboard only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from tsn_desktop.core import audit
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.patients import service
from tsn_desktop.patients.model import Patient
from tsn_desktop.patients.ui import editor as editor_module
from tsn_desktop.patients.ui import page as page_module
from tsn_desktop.patients.ui.editor import DuplicateChoice, PatientEditorDialog
from tsn_desktop.patients.ui.page import PatientsPage
from tsn_desktop.patients.ui.table_model import Column, PatientRole, PatientTableModel

from .factories import TODAY, make_patient, valid_ins

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def no_unexpected_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal left open would hang the run: every question is answered by the test."""
    def unexpected(*_args: object) -> DuplicateChoice:
        raise AssertionError("unexpected duplicate question")

    monkeypatch.setattr(editor_module, "ask_duplicate_choice", unexpected)
    monkeypatch.setattr(editor_module, "confirm_discard", lambda _parent: True)


def _save(runner: DbRunner, patient: Patient) -> Patient:
    return runner.executor.call(lambda db: service.save(db, patient)).patient


@pytest.fixture
def register(runner: DbRunner) -> dict[str, Patient]:
    return {
        "helene": _save(runner, make_patient()),
        "emile": _save(runner, make_patient(birth_name="Émery", given_names="Émile", sex="M",
                                            birth_date=date(2025, 9, 1), ins="")),
        "zoe": _save(runner, make_patient(birth_name="Zola", given_names="Zoé",
                                          birth_date=date(1990, 5, 6),
                                          ins=valid_ins("2", 1990, 5, "69123", "456"))),
    }


@pytest.fixture
def page(qtbot, runner: DbRunner, clock: FrozenClock) -> Iterator[PatientsPage]:
    widget = PatientsPage(runner, clock)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.search_finished, timeout=5000):
        widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget
    if widget.editor is not None:
        widget.editor.close()
    widget.close()


def _names(page: PatientsPage) -> list[str]:
    model = page.model
    return [model.index(r, Column.GIVEN_NAMES).data() for r in range(model.rowCount())]


def _type_search(qtbot, page: PatientsPage, text: str) -> None:
    with qtbot.waitSignal(page.search_finished, timeout=5000):
        page.search.clear()
        qtbot.keyClicks(page.search, text)


# --- the table model ------------------------------------------------------------------------

def test_the_patient_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PatientTableModel(TODAY)
    model.set_patients([make_patient(id="a"), make_patient(id="b", birth_name="Émery"),
                        make_patient(id="c", birth_name="Zola", used_name="Abel", ins="")])
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.BIRTH_DATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_the_qt_model_tester_follows_resets_and_sorts(qtmodeltester) -> None:
    model = PatientTableModel(TODAY)
    qtmodeltester.check(model)  # Qt's own tester stays attached and checks each change
    model.set_patients([make_patient(id=str(n), birth_name=name)
                        for n, name in enumerate(("Zola", "Émery", "Aubry"))])
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
    model.set_patients([])


def test_the_empty_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(PatientTableModel(TODAY), force_py=True)


def test_names_sort_the_french_way_with_accents_beside_their_letter() -> None:
    model = PatientTableModel(TODAY)
    model.set_patients([make_patient(id=n, birth_name=n) for n in
                        ("Zola", "émery", "Eva", "Dupont", "Œuvray", "Oscar", "Ellul")])

    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)

    assert [model.patient(r).birth_name for r in range(model.rowCount())] == [
        "Dupont", "Ellul", "émery", "Eva", "Œuvray", "Oscar", "Zola"]


def test_sorting_keeps_the_selection_on_the_same_patient() -> None:
    model = PatientTableModel(TODAY)
    model.set_patients([make_patient(id=n, birth_name=n) for n in ("Aubry", "Zola", "Moreau")])
    kept = QPersistentModelIndex(model.index(0, 0))  # Aubry

    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)

    assert kept.row() == 2
    assert model.data(model.index(kept.row(), 0), PatientRole).birth_name == "Aubry"


def test_the_rows_show_what_the_clinician_reads() -> None:
    model = PatientTableModel(TODAY)
    married = make_patient(birth_name="Dupont", used_name="Martin")
    baby = make_patient(birth_name="Noël", birth_date=date(2026, 8, 1), ins="", sex="M")
    model.set_patients([married, baby])
    row = {model.index(r, Column.NAME).data(): r for r in range(2)}

    married_row = row["MARTIN (born DUPONT)"]
    assert model.index(married_row, Column.BIRTH_DATE).data() == "14/03/1980 (46 year(s))"
    assert model.index(married_row, Column.INS).data() == "2 80 03 75 056 123 " + \
        married.ins[-2:]
    assert model.index(married_row, Column.SEX).data() == "F"
    assert model.index(row["NOËL"], Column.BIRTH_DATE).data() == "01/08/2026 (3 month(s))"
    assert model.headerData(Column.TREATING_GP, Qt.Orientation.Horizontal) == "Treating GP"


# --- searching ------------------------------------------------------------------------------------

def test_typing_in_the_search_field_lists_the_match(qtbot, page: PatientsPage,
                                                    register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "zol")

    assert _names(page) == ["Zoé"]
    assert page.results.currentWidget() is page.table
    assert page.selected_patient().id == register["zoe"].id  # Enter would open her


def test_the_page_opens_with_the_focus_in_the_search_field(qtbot, page: PatientsPage) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search)


def test_the_count_says_how_many_patients_the_search_found(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    """Issue 9 item 14: it said the register's size under a search's results."""
    _type_search(qtbot, page, "zol")
    assert page.count_label.text() == "1 patient(s)"
    _type_search(qtbot, page, " ")
    assert page.count_label.text() == "3 patient(s)"


def test_a_result_of_an_older_query_is_dropped(qtbot, page: PatientsPage,
                                               register: dict[str, Patient]) -> None:
    with qtbot.waitSignal(page.search_finished, timeout=5000):
        page.search.blockSignals(True)
        page.search.setText("dupont")
        page.refresh()
        page.search.setText("zola")
        page.refresh()
        page.search.blockSignals(False)
    qtbot.wait(100)  # the first answer arrives too, and must change nothing

    assert _names(page) == ["Zoé"]


def test_a_long_list_loads_the_next_page_when_scrolled_to_its_end(
        qtbot, page: PatientsPage, register: dict[str, Patient],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9 item 14: the list stopped at the first 200 with no way to the others."""
    monkeypatch.setattr(page_module, "SEARCH_LIMIT", 2)

    _type_search(qtbot, page, " ")

    assert page.model.rowCount() == 2
    assert page.count_label.text() == "3 patient(s)"  # the true total, not the page
    assert page.capped_label.isVisible()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End)  # the view asks the model for more
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert sorted(_names(page)) == ["Hélène Marie", "Zoé", "Émile"]
    assert not page.capped_label.isVisible()
    assert not page.model.canFetchMore()


def test_no_match_says_what_was_searched_and_what_to_try(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "Xyzzy")

    assert page.results.currentWidget() is page.empty
    assert "“Xyzzy”" in page.empty_label.text()
    assert "dd/mm/yyyy" in page.empty_label.text()
    assert not page.first_patient_button.isVisible()


def test_an_empty_register_invites_to_create_the_first_patient(page: PatientsPage) -> None:
    assert page.results.currentWidget() is page.empty
    assert "first" in page.empty_label.text()
    assert page.first_patient_button.isVisible()
    assert page.count_label.text() == "0 patient(s)"


# --- keyboard -------------------------------------------------------------------------------------

def test_ctrl_n_opens_the_new_patient_form(qtbot, page: PatientsPage) -> None:
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert page.editor is not None
    qtbot.waitUntil(page.editor.isVisible)
    assert page.editor.windowTitle() == "New patient"
    assert page.editor.fields["birth_name"].text() == ""


def test_ctrl_f_brings_the_focus_back_to_the_search(qtbot, page: PatientsPage,
                                                    register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "zol")
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)

    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(page.search.hasFocus)
    assert page.search.selectedText() == "zol"


def test_enter_on_the_list_opens_the_selected_patient_and_audits_the_read(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "19")  # nobody: the year needs 4 digits
    _type_search(qtbot, page, "1990")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.waitUntil(page.table.hasFocus)

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)

    assert opened.args[0].id == register["zoe"].id
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.title.text() == "ZOLA Zoé"
    assert page.file_view.identity.values["ins"].text() == "2 90 05 69 123 456 " + \
        register["zoe"].ins[-2:]
    actions = runner.executor.call(lambda db: [
        r.action for r in audit.for_resource(db._conn, "Patient", register["zoe"].id)])  # noqa: SLF001
    assert actions == ["create", "read"]

    qtbot.keyClick(page.file_view.tabs, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.register


def test_enter_in_the_search_field_opens_the_match(qtbot, page: PatientsPage,
                                                   register: dict[str, Patient]) -> None:
    with qtbot.waitSignal(page.patient_opened, timeout=5000) as opened:
        qtbot.keyClicks(page.search, "emer")
        qtbot.keyClick(page.search, Qt.Key.Key_Return)  # before the search pause ends

    assert opened.args[0].id == register["emile"].id


# --- the editor ---------------------------------------------------------------------------

@pytest.fixture
def editor(qtbot, runner: DbRunner, clock: FrozenClock) -> Iterator[PatientEditorDialog]:
    dialog = PatientEditorDialog(runner, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog._initial = dialog._snapshot()  # noqa: SLF001 - close without the question
    dialog.close()


def _fill(qtbot, dialog: PatientEditorDialog, **values: str) -> None:
    defaults = {"birth_name": "Durand", "given_names": "Lea", "birth_date": "02061984",
                "sex": "F", "postal_code": "69003", "city": "Lyon"}
    defaults.update(values)
    for name, text in defaults.items():
        field = dialog.fields[name]
        if name == "sex":
            combo: QComboBox = field  # type: ignore[assignment]
            combo.setCurrentIndex(combo.findData(text))
        elif name == "birth_date":
            dialog.fields["birth_date"].edit.setFocus()
            dialog.fields["birth_date"].edit.setCursorPosition(0)
            qtbot.keyClicks(dialog.fields["birth_date"].edit, text)
        else:
            field.clear()
            qtbot.keyClicks(field, text)


def test_a_wrong_ins_key_is_shown_beside_the_field_and_the_typed_text_stays(
        qtbot, editor: PatientEditorDialog) -> None:
    wrong = valid_ins("2", 1984, 6)[:-2] + "00"
    _fill(qtbot, editor, ins=wrong)

    editor.save_button.click()

    message = editor.errors["ins"].text()
    assert editor.errors["ins"].isVisible()
    assert "key" in message.lower()
    assert editor.fields["ins"].property("invalid") is True
    assert editor.fields["ins"].text() == wrong
    assert editor.fields["birth_name"].text() == "Durand"
    assert editor.fields["ins"].hasFocus()
    assert editor.fields["ins"].accessibleDescription() == message
    assert editor.isVisible()


def test_every_problem_is_marked_and_the_focus_goes_to_the_first(
        qtbot, editor: PatientEditorDialog) -> None:
    _fill(qtbot, editor, birth_name="", birth_date="", email="lea@")
    editor.fields["sex"].setCurrentIndex(-1)

    editor.save_button.click()

    marked = [name for name, label in editor.errors.items() if label.isVisible()]
    assert marked == ["birth_name", "sex", "birth_date", "email"]
    assert editor.fields["birth_name"].hasFocus()
    assert editor.fields["email"].text() == "lea@"
    assert "dd/mm/yyyy" in editor.problem_shown("birth_date")

    qtbot.keyClicks(editor.fields["birth_name"], "D")  # fixing a field clears its mark
    assert not editor.errors["birth_name"].isVisible()
    assert editor.errors["email"].isVisible()


def test_an_impossible_date_is_refused_not_guessed(qtbot, editor: PatientEditorDialog) -> None:
    _fill(qtbot, editor, birth_date="31021984")

    editor.save_button.click()

    assert editor.problem_shown("birth_date").startswith("This date does not exist")
    assert editor.fields["birth_date"].edit.text() == "31/02/1984"


def test_the_birth_date_starts_empty(editor: PatientEditorDialog) -> None:
    assert editor.fields["birth_date"].value() is None
    assert editor.fields["birth_date"].problem() == "required"
    assert editor.fields["sex"].currentIndex() == -1


def test_an_ins_that_contradicts_sex_and_birth_is_refused_with_the_reason_and_nothing_saved(
        qtbot, editor: PatientEditorDialog, runner: DbRunner) -> None:
    """Issue 9 item 2 (RNIV): a man born 1980's INS on a girl born 2020 is not saved; the
    message points to the INSi teleservice and the patient's own identity document."""
    _fill(qtbot, editor, ins=valid_ins("1", 1980, 7))  # a man born in July 1980
    editor.birth_field.edit.setText("10/02/2020")

    assert editor.ins_hint.property("role") == "error"
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.problem_shown("ins")))
    message = editor.problem_shown("ins")
    for fact in ("sex", "year", "month", "INSi", "identity document"):
        assert fact in message
    assert "Vitale" not in message
    assert editor.isVisible()
    assert runner.executor.call(lambda db: service.count(db)) == 0
    assert editor.fields["ins"].text()  # what was typed stays


def test_a_valid_ins_is_confirmed_and_grouped(qtbot, editor: PatientEditorDialog) -> None:
    _fill(qtbot, editor, ins=valid_ins("2", 1984, 6))
    editor.fields["ins"].editingFinished.emit()

    assert editor.ins_hint.property("role") == "ok"
    assert editor.fields["ins"].text().count(" ") == 6


def test_a_new_patient_is_saved_and_the_form_closes(
        qtbot, editor: PatientEditorDialog, runner: DbRunner) -> None:
    _fill(qtbot, editor, ins=valid_ins("2", 1984, 6))

    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        editor.save_button.click()

    assert saved.args[0].birth_name == "Durand"
    assert saved.args[0].ins == valid_ins("2", 1984, 6)
    assert not editor.isVisible()
    assert runner.executor.call(service.count) == 1


def test_a_likely_duplicate_is_shown_and_the_user_can_go_back_then_keep_both(
        qtbot, editor: PatientEditorDialog, runner: DbRunner,
        monkeypatch: pytest.MonkeyPatch) -> None:
    existing = _save(runner, make_patient(birth_name="Durand", given_names="Léa",
                                          birth_date=date(1984, 6, 2), ins=""))
    answers = [DuplicateChoice.BACK, DuplicateChoice.SAVE_ANYWAY]
    shown: list[list[Patient]] = []

    def ask(_parent: QWidget, duplicates: list[Patient]) -> DuplicateChoice:
        shown.append(duplicates)
        return answers.pop(0)

    monkeypatch.setattr(editor_module, "ask_duplicate_choice", ask)
    _fill(qtbot, editor, birth_name="DURAND", given_names="Lea Marie")

    editor.save_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert [p.id for p in shown[0]] == [existing.id]
    assert editor.isVisible()
    assert editor.fields["given_names"].text() == "Lea Marie"
    assert runner.executor.call(service.count) == 1

    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    assert runner.executor.call(service.count) == 2


def test_choosing_the_existing_patient_opens_it_and_saves_nothing(
        qtbot, page: PatientsPage, runner: DbRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    existing = _save(runner, make_patient(birth_name="Durand", given_names="Léa",
                                          birth_date=date(1984, 6, 2), ins=""))
    monkeypatch.setattr(editor_module, "ask_duplicate_choice",
                        lambda _parent, _dups: DuplicateChoice.OPEN_EXISTING)
    page.new_patient()
    dialog = page.editor
    _fill(qtbot, dialog)

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as opened:
        dialog.save_button.click()

    assert opened.args[0].id == existing.id
    assert runner.executor.call(service.count) == 1
    qtbot.waitUntil(lambda: page.editor is None)


def test_a_record_changed_meanwhile_is_reported_and_reloaded_under_the_typed_changes(
        qtbot, runner: DbRunner, clock: FrozenClock) -> None:
    opened = _save(runner, make_patient())
    _save(runner, replace(opened, city="Villeurbanne"))  # saved from another window
    dialog = PatientEditorDialog(runner, clock, opened)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["phone"].clear()
    qtbot.keyClicks(dialog.fields["phone"], "07 11 22 33 44")

    dialog.save_button.click()
    qtbot.waitUntil(dialog.banner.isVisible)
    assert "changed elsewhere" in dialog.banner_text.text()
    assert dialog.reload_button.isVisible()
    assert dialog.fields["phone"].text() == "07 11 22 33 44"

    dialog.reload_button.click()
    qtbot.waitUntil(lambda: "loaded" in dialog.banner_text.text())
    assert dialog.fields["city"].text() == "Villeurbanne"
    assert dialog.fields["phone"].text() == "07 11 22 33 44"

    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert (saved.args[0].city, saved.args[0].phone) == ("Villeurbanne", "07 11 22 33 44")
    assert saved.args[0].meta.local_version == 3


def test_cancel_asks_before_losing_typed_text(qtbot, editor: PatientEditorDialog,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []

    def keep_editing(_parent: QWidget) -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(editor_module, "confirm_discard", keep_editing)
    qtbot.keyClicks(editor.fields["birth_name"], "Durand")

    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    assert asked == [True]
    assert editor.isVisible()
    assert editor.fields["birth_name"].text() == "Durand"


def test_cancel_on_an_untouched_form_closes_without_a_question(
        qtbot, editor: PatientEditorDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(editor_module, "confirm_discard", lambda _p: asked.append(True))

    editor.cancel_button.click()

    assert asked == []
    assert not editor.isVisible()


def test_editing_from_the_patient_file_saves_the_change_and_shows_it(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        page.open_patient(register["helene"].id)
    page.file_view.edit_button.click()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    dialog = page.editor
    assert dialog.fields["ins"].text() == dialog.fields["ins"].text().strip()
    dialog.fields["city"].clear()
    qtbot.keyClicks(dialog.fields["city"], "Bron")

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as reopened:
        dialog.save_button.click()

    assert reopened.args[0].city == "Bron"
    assert page.file_view.identity.values["city"].text() == "Bron"


# --- accessibility ------------------------------------------------------------------------------

def _unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QComboBox, QAbstractButton)):
            if widget.objectName().startswith("qt_") or (
                    widget.parent() is not None and type(widget.parent()).__name__ in (
                        "QComboBox", "QLineEdit", "QCalendarWidget")):
                continue  # parts Qt builds inside a control
            if not widget.accessibleName() and not getattr(widget, "text", lambda: "")():
                missing.append(f"{type(widget).__name__}:{widget.objectName()}")
    return missing


def test_every_editor_control_has_an_accessible_name_and_a_label(
        editor: PatientEditorDialog) -> None:
    assert _unnamed_controls(editor) == []
    buddies = {label.buddy() for label in editor.findChildren(QLabel) if label.buddy()}
    for name, field in editor.fields.items():
        assert field in buddies, name
        assert field.accessibleName(), name


def test_every_page_control_has_an_accessible_name(page: PatientsPage) -> None:
    assert _unnamed_controls(page) == []


def test_the_editor_tab_order_follows_the_form(editor: PatientEditorDialog) -> None:
    def next_tab_stop(widget: QWidget) -> QWidget:
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        return widget

    birth = editor.birth_field
    expected = [editor.fields["birth_name"], editor.fields["given_names"],
                editor.fields["used_name"], editor.sex_combo, birth.edit,
                birth.calendar_button, editor.fields["birth_place"],
                editor.fields["birth_insee"], editor.fields["ins"],
                editor.fields["identity_document"], editor.fields["address"]]
    seen = [expected[0]]
    for _ in expected[1:]:
        seen.append(next_tab_stop(seen[-1]))
    assert seen == expected


# --- translation ------------------------------------------------------------------------------

_FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context><name>PatientsPage</name>
<message><source>Name, date of birth (dd/mm/yyyy) or INS</source>
<translation>Nom, date de naissance (jj/mm/aaaa) ou INS</translation></message>
<message numerus="yes"><source>%Ln patient(s)</source><comment>in the register</comment>
<translation><numerusform>%Ln patient</numerusform><numerusform>%Ln patients</numerusform>
</translation></message>
</context>
<context><name>PatientTexts</name>
<message><source>%1 (born %2)</source><comment>used name (birth name), female</comment>
<translation>%1 née %2</translation></message>
</context>
</TS>
"""


@pytest.fixture
def french(tmp_path, qapp) -> Iterator[None]:
    """A tiny French catalogue built with lrelease, as the real one will be."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QLocale, QTranslator

    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        lrelease = Path(shutil.which("pyside6-lrelease") or "")
    if not lrelease.is_file():
        pytest.skip("pyside6-lrelease not installed")
    (tmp_path / "fr.ts").write_text(_FRENCH_TS, encoding="utf-8")
    subprocess.run([str(lrelease), "-silent", str(tmp_path / "fr.ts"), "-qm",
                    str(tmp_path / "fr.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "fr.qm"))
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def test_the_page_speaks_french_with_the_french_catalogue(
        qtbot, french: None, runner: DbRunner, clock: FrozenClock,
        register: dict[str, Patient]) -> None:
    page = PatientsPage(runner, clock)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.search_finished, timeout=5000):
        page.show()

    assert page.search.placeholderText() == "Nom, date de naissance (jj/mm/aaaa) ou INS"
    assert page.count_label.text() == "3 patients"
    married = PatientTableModel(TODAY)
    married.set_patients([make_patient(used_name="Martin")])
    assert married.index(0, Column.NAME).data() == "MARTIN née DUPONT"
    page.close()


# --- failures keep the user's work ---------------------------------------------------------

def test_double_click_opens_the_patient(qtbot, page: PatientsPage,
                                        register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "zola")
    rect = page.table.visualRect(page.model.index(0, Column.CITY))

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as opened:
        # The view only takes a double click on the row that was pressed first.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())

    assert opened.args[0].id == register["zoe"].id


def test_a_database_error_on_save_keeps_the_form_and_says_what_to_do(
        qtbot, editor: PatientEditorDialog, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(_db: object, _draft: Patient) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(service, "save", broken)
    _fill(qtbot, editor)

    editor.save_button.click()

    qtbot.waitUntil(editor.banner.isVisible)
    assert "try again" in editor.banner_text.text()
    assert editor.fields["birth_name"].text() == "Durand"
    assert editor.save_button.isEnabled()
    assert editor.isVisible()


def test_a_failed_search_says_so_instead_of_an_empty_list(
        qtbot, page: PatientsPage, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken(*_args: object) -> service.SearchPage:
        raise OSError("disk error")

    monkeypatch.setattr(service, "search_page", broken)
    _type_search(qtbot, page, "dupont")

    assert page.results.currentWidget() is page.empty
    assert "could not be run" in page.empty_label.text()


def test_a_patient_deleted_meanwhile_cannot_be_opened_and_the_list_is_refreshed(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "zola")
    runner.executor.call(lambda db: service.delete(db, register["zoe"]))

    with qtbot.waitSignal(page.search_finished, timeout=5000):
        page.open_selected()

    assert page.message_label.isVisible()
    assert "no longer in the register" in page.message_label.text()
    assert page.stack.currentWidget() is page.register
    assert page.model.rowCount() == 0


def test_locking_drops_the_rows_and_the_open_file_and_unlocking_brings_them_back(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        page.open_patient(register["zoe"].id)

    page.on_lock()

    assert page.model.rowCount() == 0
    assert page.file_view.title.text() == ""
    assert page.file_view.identity.values["ins"].text() == ""

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as reopened:
        page.on_unlock()
    assert reopened.args[0].id == register["zoe"].id
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_problems_found_by_the_service_are_shown_beside_their_fields_too(
        qtbot, editor: PatientEditorDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    # The form's own check is skipped: the service, which always validates, must refuse.
    monkeypatch.setattr(editor_module, "validate", lambda _patient, _today: [])
    _fill(qtbot, editor, email="lea@", postal_code="690")

    editor.save_button.click()

    qtbot.waitUntil(editor.errors["postal_code"].isVisible)
    assert editor.errors["email"].isVisible()
    assert editor.fields["postal_code"].hasFocus()  # the first one in the form
    assert editor.fields["email"].text() == "lea@"


def test_the_edit_button_opens_the_current_version_in_the_form(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "zola")
    _save(runner, replace(register["zoe"], city="Oullins"))  # changed since the search

    page.edit_button.click()

    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    assert page.editor.fields["city"].text() == "Oullins"
    assert not page.editor.is_dirty()


def test_a_patient_can_be_created_with_the_keyboard_alone(
        qtbot, page: PatientsPage, runner: DbRunner) -> None:
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.editor
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.fields["birth_name"].hasFocus())

    def type_then_tab(text: str, tabs: int = 1) -> None:
        focused = QApplication.focusWidget()
        if text:
            qtbot.keyClicks(focused, text)
        for _ in range(tabs):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    type_then_tab("Garnier")
    type_then_tab("Paul")
    type_then_tab("")  # used name
    type_then_tab("M")  # the combo box selects "Male" as the letter is typed
    type_then_tab("07021952", tabs=2)  # past the calendar button
    assert QApplication.focusWidget() is dialog.fields["birth_place"]

    with qtbot.waitSignal(page.patient_opened, timeout=5000) as opened:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default button

    assert (opened.args[0].birth_name, opened.args[0].sex,
            opened.args[0].birth_date) == ("Garnier", "M", date(1952, 2, 7))
    assert page.stack.currentWidget() is page.file_view


# --- search helps create, and archived patients can be found (issue 9 items 3, 14) --------

def test_a_failed_search_offers_to_create_the_patient_with_what_was_typed(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    _type_search(qtbot, page, "Moreau Lucas 19/11/78")

    assert page.create_typed_button.isVisible()
    page.create_typed_button.click()
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible())
    editor = page.editor
    assert editor.fields["birth_name"].text() == "Moreau"
    assert editor.fields["given_names"].text() == "Lucas"
    assert editor.birth_field.value() == date(1978, 11, 19)


def test_an_archived_patient_leaves_the_list_and_is_found_with_the_filter(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient]) -> None:
    runner.executor.call(lambda db: service.archive(db, register["zoe"]))
    _type_search(qtbot, page, "zola")
    assert page.model.rowCount() == 0

    with qtbot.waitSignal(page.search_finished, timeout=5000):
        page.scope_combo.setCurrentIndex(page.scope_combo.findData(service.INACTIVE))
    assert _names(page) == ["Zoé"]
    state = page.model.index(0, Column.STATUS).data()
    assert "archived" in state


# --- the file header: identity status, archive, death, merge (issue 9 items 2, 3) ---------

def _open(qtbot, page: PatientsPage, patient_id: str) -> None:
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        page.open_patient(patient_id)


def test_the_file_header_shows_the_rniv_identity_status_and_what_is_left_to_do(
        qtbot, page: PatientsPage, register: dict[str, Patient]) -> None:
    _open(qtbot, page, register["helene"].id)  # INS from INSi, no identity document yet
    header = page.file_view.header
    assert header.status.text() == "Retrieved identity"
    assert "identity document" in header.status_help.text()
    assert "not the carte Vitale" in header.status_help.text()
    _open(qtbot, page, register["emile"].id)
    assert header.status.text() == "Provisional identity"


def test_a_patient_archived_from_the_file_leaves_the_list_and_can_be_put_back(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient]) -> None:
    _open(qtbot, page, register["zoe"].id)
    header = page.file_view.header
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        header.archive_button.click()
    assert page.file_view.patient().archived
    assert header.state.isVisible() and "Archived" in header.state.text()
    qtbot.waitUntil(lambda: "Zoé" not in _names(page))
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        header.archive_button.click()
    assert not page.file_view.patient().archived


def test_marking_a_patient_deceased_asks_the_date_and_shows_it(
        qtbot, page: PatientsPage, register: dict[str, Patient],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tsn_desktop.patients.ui import file_header
    monkeypatch.setattr(file_header, "ask_death_date",
                        lambda _parent, _patient, _today: date(2026, 11, 20))
    _open(qtbot, page, register["helene"].id)
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        page.file_view.header.deceased_button.click()
    assert page.file_view.patient().deceased_date == date(2026, 11, 20)
    assert "20/11/2026" in page.file_view.header.state.text()


def test_a_detected_duplicate_is_merged_from_the_file_and_the_kept_file_opens(
        qtbot, page: PatientsPage, runner: DbRunner, register: dict[str, Patient],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tsn_desktop.patients.ui import file_header
    twin = _save(runner, make_patient(ins="", phone="07 99 99 99 99"))
    monkeypatch.setattr(file_header, "ask_merge", lambda _parent, a, b: (
        (a, b) if a.id == register["helene"].id else (b, a)))
    _open(qtbot, page, twin.id)
    header = page.file_view.header
    qtbot.waitUntil(lambda: header.merge_button.isVisible())
    assert "Possible duplicate" in header.duplicate_label.text()
    with qtbot.waitSignal(page.patient_opened, timeout=5000):
        header.merge_button.click()
    assert page.file_view.patient().id == register["helene"].id
    tombstone = runner.executor.call(lambda db: service.open_file(db, twin.id))
    assert tombstone.replaced_by == register["helene"].id


# --- messages are never cut (issue 9 item 10, share dialog and given names) ---------------

@pytest.fixture(params=["fr", "en"])
def shipped_language(request: pytest.FixtureRequest, qapp) -> Iterator[str]:
    """The shipped catalogues, French (the default) and English."""
    from tsn_desktop.core.i18n import install_translators, remove_translators
    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def _fits(label: QLabel, window: QWidget) -> bool:
    """The whole text is laid out: as tall as its wrapped lines, inside the window."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else \
        label.sizeHint().height()
    inside = window.rect().contains(label.geometry().translated(
        label.mapTo(window, label.rect().topLeft()) - label.geometry().topLeft()))
    return label.isVisible() and label.height() >= needed and inside


def test_the_share_dialog_shows_why_an_rpps_is_refused_in_full(
        qtbot, runner: DbRunner, shipped_language: str) -> None:
    from tsn_desktop.patients.ui.care_team_tab import ShareDialog
    dialog = ShareDialog(runner, "patient-id")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.rpps_edit, "12345")
    dialog.share()
    qtbot.waitUntil(lambda: _fits(dialog.rpps_error, dialog))
    assert "11" in dialog.rpps_error.text()
    # Wide enough that the sentence reads in a few lines, not a word per line.
    assert dialog.rpps_error.height() <= 6 * dialog.rpps_error.fontMetrics().lineSpacing()
    dialog.close()


def test_the_given_names_error_reads_as_a_sentence_in_the_form(
        qtbot, editor: PatientEditorDialog, shipped_language: str) -> None:
    _fill(qtbot, editor, given_names="")
    editor.fields["given_names"].clear()
    editor.save()
    label = editor.errors["given_names"]
    qtbot.waitUntil(lambda: _fits(label, editor))
    assert label.height() <= 2 * label.fontMetrics().lineSpacing() + 4


def test_names_stay_readable_in_a_narrow_list(qtbot, page: PatientsPage) -> None:
    """On a laptop at 125 % the fixed columns used to take all the width and the names
    read "B…": they keep a readable width and the list scrolls sideways instead."""
    page.resize(760, 500)
    qtbot.wait(20)
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(Column.NAME) >= metrics.horizontalAdvance("FERNANDEZ (née")
    assert page.table.columnWidth(Column.GIVEN_NAMES) >= metrics.horizontalAdvance("Marie-Hélène")
