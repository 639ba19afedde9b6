"""The sync review's view of an appointment in conflict: both versions in the agenda's
words, row by row (the sync review dialog shows what the feature says)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tsn_desktop.agenda import fhir
from tsn_desktop.agenda.feature import AGENDA
from tsn_desktop.agenda.model import ARRIVED, CANCELLED, Appointment
from tsn_desktop.agenda.review import AppointmentReview

START = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def resource(**kw: object) -> dict:
    base: dict[str, object] = dict(id="0b0f7c52-5d43-4a0e-9a55-5a8d9b1b1c01",
                                   type="home_visit", start=START,
                                   end=START + timedelta(minutes=30), todo="Pansement")
    base.update(kw)
    return fhir.to_resource(Appointment(**base), "10000517316")  # type: ignore[arg-type]


def test_a_conflict_shows_both_statuses_and_what_differs_in_the_agendas_words(qapp) -> None:
    mine = resource(status=ARRIVED, note="Clé chez la voisine")
    theirs = resource(status=CANCELLED)
    rows = AppointmentReview().compare("Appointment", mine, theirs)
    assert rows is not None
    by_label = {label: (a, b) for label, a, b in rows}
    assert len(by_label) == 6
    when = next(v for k, v in by_label.items() if "08:00–08:30" in v[0])
    assert when[0] == when[1]  # the time did not change: the same on both sides
    statuses = next(v for v in by_label.values() if v[0] != v[1] and "Clé" not in v[0])
    assert statuses[0] != statuses[1]
    assert any(a == "Clé chez la voisine" and b == "" for a, b in by_label.values())


def test_other_types_are_left_to_their_features(qapp) -> None:
    assert AppointmentReview().compare("Patient", {}, {}) is None
    assert AppointmentReview().compare("Appointment", {"resourceType": "Junk"}, None) is None


def test_the_agenda_feature_gives_the_review_its_describer() -> None:
    assert AGENDA.review is not None
    assert isinstance(AGENDA.review(), AppointmentReview)
