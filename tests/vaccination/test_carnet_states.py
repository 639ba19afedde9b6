"""The carnet's state of a vaccine group, from the engine's status and dates, and the demo
carnets that show every state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.demo import build_demo
from tsn_desktop.patients import store as patients_store
from tsn_desktop.vaccination import engine, model, service
from tsn_desktop.vaccination.ui import texts

TODAY = date(2026, 11, 23)


def state(earliest: date, recommended: date, past_due: date | None) -> str:
    return texts.forecast_state(engine.NOT_COMPLETE, earliest, past_due, TODAY, recommended)


def test_a_dose_that_may_be_given_but_is_not_yet_recommended_is_not_due() -> None:
    # The adult pneumococcal dose: allowed from 18, recommended at 65.
    assert state(date(1996, 4, 16), date(2043, 4, 16), date(2044, 4, 15)) == texts.UP_TO_DATE


def test_a_dose_is_due_from_its_recommended_date_and_overdue_from_its_past_due_date() -> None:
    assert state(date(2026, 9, 1), date(2026, 11, 23), date(2026, 12, 23)) == texts.DUE
    assert state(date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 23)) == texts.OVERDUE


def test_complete_immune_and_not_recommended_groups_keep_their_word() -> None:
    assert texts.forecast_state(engine.COMPLETE, None, None, TODAY) == texts.COMPLETE
    assert texts.forecast_state(engine.IMMUNE, None, None, TODAY) == texts.IMMUNE
    assert texts.forecast_state(engine.AGED_OUT, None, None, TODAY) == texts.NOT_RECOMMENDED


def test_the_demo_practice_has_carnets_in_every_state(tmp_path: Path,
                                                     clock: FrozenClock) -> None:
    opened = build_demo(tmp_path, clock, 300)
    try:
        seen: set[str] = set()
        sources: set[str] = set()
        statuses: set[tuple[str, str]] = set()
        ids = [r[0] for r in opened.db.query(
            "SELECT DISTINCT patient_id FROM vaccination_dose")]
        assert len(ids) == 5
        for patient_id in ids:
            patient = patients_store.get(opened.db, patient_id)
            view = service.open_carnet(opened.db, patient_id, patient.birth_date,
                                       patient.sex, clock.today())
            for group in view.assessment.groups.values():
                seen.add(texts.forecast_state(group.status, group.earliest, group.past_due,
                                              clock.today(), group.recommended))
            sources |= {d.source for d in view.doses}
            statuses |= {(d.status, d.outcome) for d in view.doses}
        assert {texts.OVERDUE, texts.DUE, texts.UP_TO_DATE, texts.COMPLETE} <= seen
        assert {model.RECORDED, model.TRANSCRIBED, model.REPORTED} <= sources
        assert (model.ENTERED_IN_ERROR, model.ADMINISTERED) in statuses
        assert (model.COMPLETED, model.NOT_GIVEN) in statuses
        codes = {f.code for pid in ids for f in service.profile_facts(opened.db, pid)}
        assert {"FR-PREMATURE", "FR-RISQUE-GRIPPE"} <= codes
    finally:
        opened.db.close()
