"""The home-visit round on a real profile: the day's visits with the patients' addresses
(or the visit's own), fixed-time visits kept at their time, the order proposed from the
communes and changed by hand, saved into the agenda; the round window (pytest-qt) and its
printed sheet (PDF)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.patients.factories import make_patient
from tsn_desktop.agenda import service
from tsn_desktop.agenda.model import DONE, Appointment, local_instant
from tsn_desktop.agenda.ui.round_dialog import RoundDialog, RoundModel
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.core.settings import Settings
from tsn_desktop.feature import FeatureContext
from tsn_desktop.patients import service as patients

PARIS = ZoneInfo("Europe/Paris")
DAY = date(2026, 11, 24)  # the day after the frozen clock's


def visit(db: Database, hour: int, minute: int, patient_id: str, *, fixed: bool = False,
          address: str = "", todo: str = "") -> Appointment:
    start = local_instant(DAY, time(hour, minute))
    return service.create(db, Appointment(
        id="", type="home_visit", start=start, end=start + timedelta(minutes=20),
        patient_id=patient_id, fixed_time=fixed, address=address, todo=todo)).appointment


@pytest.fixture
def people(db: Database) -> dict[str, str]:
    out = {}
    for name, street, postal, city, phone in (
            ("BERNARD", "2 rue Paul Bert", "42000", "Saint-Étienne", "04 77 00 00 01"),
            ("THOMAS", "8 rue de la République", "42800", "Rive-de-Gier", "04 77 00 00 02"),
            ("ROBERT", "1 place de l'Église", "42390", "Villars", "04 77 00 00 03"),
            ("PETIT", "5 rue Victor Hugo", "42400", "Saint-Chamond", "04 77 00 00 04")):
        saved = patients.save(db, make_patient(birth_name=name, given_names="Anne",
                                               address=street, postal_code=postal, city=city,
                                               phone=phone)).patient
        out[name] = saved.id
    return out


def test_the_round_uses_the_patients_address_or_the_visits_own(
        db: Database, people: dict[str, str]) -> None:
    visit(db, 9, 0, people["BERNARD"])
    visit(db, 10, 0, people["THOMAS"], address="Chez sa fille, 3 rue Gambetta, 42400 "
                                              "Saint-Chamond")
    plan = service.home_round(db, DAY)
    where = {v.patient_name.split()[0]: (v.address, v.commune, v.phone) for v in plan.visits}
    assert where["BERNARD"] == ("2 rue Paul Bert, 42000 Saint-Étienne", "Saint-Étienne",
                                "04 77 00 00 01")
    assert where["THOMAS"][1] == "Saint-Chamond"


def test_the_proposed_order_keeps_fixed_visits_on_time_and_saving_moves_the_others(
        db: Database, people: dict[str, str]) -> None:
    insulin = visit(db, 8, 0, people["BERNARD"], fixed=True)
    far = visit(db, 8, 30, people["THOMAS"])
    near = visit(db, 8, 45, people["ROBERT"])
    plan = service.home_round(db, DAY, propose=True)
    ids = [v.appointment.id for v in plan.visits]
    assert ids[0] == insulin.id and ids.index(near.id) < ids.index(far.id)
    saved = service.save_round(db, plan)
    assert [v.appointment.id for v in saved.visits] == ids  # the order is kept
    assert service.get(db, insulin.id).start == insulin.start  # a fixed time never moves
    moved = service.get(db, near.id)
    assert moved.start == next(v.planned.arrive for v in plan.visits
                               if v.appointment.id == near.id)
    assert moved.round_position == ids.index(near.id)
    # The hand-made order comes back as saved when the round is read again.
    assert [v.appointment.id for v in service.home_round(db, DAY).visits] == ids


def test_cancelled_visits_and_other_days_stay_out_of_the_round(
        db: Database, people: dict[str, str]) -> None:
    kept = visit(db, 9, 0, people["BERNARD"])
    dropped = visit(db, 10, 0, people["THOMAS"])
    service.set_status(db, dropped.id, "cancelled")
    start = local_instant(DAY + timedelta(days=1), time(9))
    service.create(db, Appointment(id="", type="home_visit", start=start,
                                   end=start + timedelta(minutes=20),
                                   patient_id=people["ROBERT"]))
    assert [v.appointment.id for v in service.home_round(db, DAY).visits] == [kept.id]


@pytest.fixture
def dialog(qtbot: QtBot, runner: DbRunner, profile: OpenProfile, clock: FrozenClock,
           tmp_path: Path) -> RoundDialog:
    context = FeatureContext(runner=runner, clock=clock, settings=Settings(tmp_path / "s"),
                             practitioner=profile.practitioner)
    window = RoundDialog(context, DAY)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.gui
def test_the_round_window_reorders_by_keyboard_marks_done_and_prints_the_sheet(
        qtbot: QtBot, db: Database, people: dict[str, str], dialog: RoundDialog,
        tmp_path: Path) -> None:
    a = visit(db, 8, 0, people["BERNARD"], fixed=True, todo="Insuline 12 UI")
    b = visit(db, 9, 0, people["ROBERT"], todo="Pansement")
    visit(db, 10, 0, people["PETIT"], todo="Prise de sang")
    dialog.load()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    dialog.table.setFocus()
    dialog.select(b.id)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.visits()[0].appointment.id == b.id)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: service.get(db, b.id).round_position == 0)
    dialog.select(a.id)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: service.get(db, a.id).status == DONE)
    sheet = tmp_path / "tournee.pdf"
    dialog.write_sheet(sheet)
    assert sheet.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # poppler, when the machine has it
        text = subprocess.run(["pdftotext", "-layout", str(sheet), "-"],
                              capture_output=True, text=True, check=True).stdout
        for word in ("ROBERT", "BERNARD", "PETIT", "Insuline 12 UI", "04 77 00 00 03",
                     "Saint-Étienne"):
            assert word in text


@pytest.mark.gui
def test_the_round_model_passes_the_model_tester(qtmodeltester, db: Database,
                                                 people: dict[str, str]) -> None:
    visit(db, 9, 0, people["BERNARD"], fixed=True)
    visit(db, 10, 0, people["PETIT"])
    qtmodeltester.check(RoundModel([]), force_py=True)
    qtmodeltester.check(RoundModel(list(service.home_round(db, DAY).visits)), force_py=True)
