"""The demo practice: a heart-failure patient with the weight-gain alert and a prevention
patient with the home blood pressure and irregular-pulse alerts, built by the real demo
builder (every feature's seed, in feature order)."""

from __future__ import annotations

from tsn_desktop.demo import build_demo
from tsn_desktop.readings import alerts, service


def test_the_demo_practice_has_a_patient_for_each_pathway_with_its_alerts(tmp_path, clock):
    opened = build_demo(tmp_path, clock, patients=20)
    try:
        rows = opened.db.query("SELECT patient_id, count(*) FROM reading GROUP BY patient_id"
                               " ORDER BY 2")
        assert len(rows) == 2
        codes = [{a.code for a in service.overview(opened.db, pid).alerts} for pid, _ in rows]
        assert alerts.WEIGHT_GAIN in codes[0]
        assert {alerts.BP_HOME_MEAN_HIGH, alerts.IRREGULAR_PULSE} <= codes[1]
    finally:
        opened.db.close()
