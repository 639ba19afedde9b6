"""The demo practice: heart-failure and prevention patients whose readings make every alert
rule fire in the last weeks, built by the real demo builder (every feature's seed, in
feature order)."""

from __future__ import annotations

from tsn_desktop.demo import build_demo
from tsn_desktop.readings import alerts, rules, service


def test_the_demo_practice_raises_every_rule_of_the_pack(tmp_path, clock):
    opened = build_demo(tmp_path, clock, patients=20)
    try:
        raised = service.practice_alerts(opened.db)
        codes = {p.alert.code for p in raised}
        assert codes == {r.code for r in rules.load().rules}
        assert raised[0].alert.severity == alerts.URGENT  # urgent first
        pathways = {p.pathway for p in service.pathways_store.enrolled(opened.db)}
        assert pathways == {alerts.HEART_FAILURE, alerts.PREVENTION}
        waiting = service.inbox_groups(opened.db)
        assert [(g.user_label, g.count) for g in waiting] == [("user 1", 3), ("user 2", 3)]
    finally:
        opened.db.close()


def test_the_heart_failure_demo_patient_shows_the_weight_gain_against_the_dry_weight(
        tmp_path, clock):
    opened = build_demo(tmp_path, clock, patients=20)
    try:
        [hf] = [e.patient_id for e in service.pathways_store.enrolled(opened.db)
                if service.pathway_of(opened.db, e.patient_id).thresholds.dry_weight_kg]
        view = service.overview(opened.db, hf)
        codes = {a.code for a in view.stored}
        assert {alerts.WEIGHT_GAIN, alerts.DRY_WEIGHT_GAIN} <= codes
        assert view.table is not None and view.table.total > 300
    finally:
        opened.db.close()
