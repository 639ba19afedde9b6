"""The home-visit round planner and the commune pack: fixed-time visits first, the others
by nearest commune, travel buffers per distance band, a tampered pack refused."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tsn_desktop.agenda import communes, rounds
from tsn_desktop.agenda.rounds import Stop
from tsn_desktop.core.paths import resources_dir

PACK = communes.load()
SAINT_ETIENNE = PACK.find("42000 Saint-Étienne")
DAY = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)  # 07:00 in Paris


def at(minutes: int) -> datetime:
    return DAY + timedelta(minutes=minutes)


def stop(sid: str, where: str, start: int, minutes: int = 20, fixed: bool = False) -> Stop:
    return Stop(sid, at(start), minutes, fixed, PACK.find(where))


def test_the_pack_holds_the_27_loire_communes_and_lyon():
    assert len([c for c in PACK.rows if c.insee.startswith("42")]) == 27
    assert SAINT_ETIENNE is not None and SAINT_ETIENNE.insee == "42218"


def test_an_address_finds_its_commune_by_postal_code_or_name():
    assert PACK.find("3 rue des Lilas, 69003 Lyon").insee == "69383"
    assert PACK.find("12 rue Gambetta, 42100 SAINT-ETIENNE").insee == "42218"
    assert PACK.find("chemin du Lavoir, Saint-Chamond").insee == "42207"
    assert PACK.find("1 rue de Rivoli, 75001 Paris") is None
    assert PACK.find("") is None


def test_a_tampered_pack_is_refused(tmp_path: Path):
    copy = tmp_path / "pack"
    shutil.copytree(resources_dir() / "communes" / "aura-2022", copy)
    text = (copy / "communes.csv").read_text(encoding="utf-8")
    (copy / "communes.csv").write_text(text.replace("45.43012", "48.85"), encoding="utf-8")
    with pytest.raises(communes.CommunePackError, match="checksum"):
        communes.read_pack(copy)


def test_travel_buffer_grows_with_the_distance_band():
    firminy, rive = PACK.find("42700 Firminy"), PACK.find("42800 Rive-de-Gier")
    assert rounds.travel_minutes(SAINT_ETIENNE, SAINT_ETIENNE) == 5
    assert rounds.travel_minutes(SAINT_ETIENNE, firminy) == 20  # about 9 km
    assert rounds.travel_minutes(firminy, rive) == 30  # across the valley, ~30 km
    assert rounds.travel_minutes(SAINT_ETIENNE, None) == rounds.UNKNOWN_MINUTES


def test_fixed_insulin_visits_keep_their_time_and_others_fill_around_them():
    visits = [
        stop("dressing-firminy", "42700 Firminy", 60),
        stop("insulin-1", "42000 Saint-Étienne", 60, 15, fixed=True),  # 08:00
        stop("wash-villars", "42390 Villars", 90),
        stop("insulin-2", "42400 Saint-Chamond", 240, 15, fixed=True),  # 11:00
    ]
    plan = rounds.propose(visits, at(30), SAINT_ETIENNE)
    ids = [p.stop.id for p in plan]
    assert ids.index("insulin-1") < ids.index("insulin-2")
    for p in plan:
        if p.stop.fixed:
            assert abs(p.arrive - p.stop.start) <= timedelta(minutes=15), p.stop.id
            assert not p.late
    assert set(ids) == {v.id for v in visits}


def test_the_nearest_commune_comes_next():
    visits = [stop("far", "42800 Rive-de-Gier", 60), stop("near", "42390 Villars", 60),
              stop("mid", "42400 Saint-Chamond", 60)]
    plan = rounds.propose(visits, at(0), SAINT_ETIENNE)
    assert [p.stop.id for p in plan] == ["near", "mid", "far"]


def test_a_hand_made_order_that_makes_a_fixed_visit_late_is_flagged():
    insulin = stop("insulin", "42000 Saint-Étienne", 60, 15, fixed=True)
    long_one = stop("long", "42800 Rive-de-Gier", 0, 60)
    plan = rounds.schedule([long_one, insulin], at(0), SAINT_ETIENNE)
    assert plan[1].late
    assert plan[0].travel == 30 and plan[1].arrive == at(30 + 60 + 30)
