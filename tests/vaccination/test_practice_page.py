"""The Vaccinations page's service on a real SQLCipher profile: a practice with known
histories gives known due lists and coverage counts; kept summaries are refreshed only
when stale (a dose, a profile change, a new day); recalls and exports are audited and no
patient data goes into an exported file's name."""

from __future__ import annotations

from datetime import date

import pytest

from tests.patients.factories import make_patient
from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.session import OpenProfile
from tsn_desktop.patients import service as patients
from tsn_desktop.patients.model import Patient
from tsn_desktop.vaccination import coverage, due_list, service
from tsn_desktop.vaccination import practice_service as practice
from tsn_desktop.vaccination.due_list import Filters
from tsn_desktop.vaccination.model import Dose, Performer

TODAY = date(2026, 11, 23)  # the `clock` fixture's day


def add(db: Database, birth: date, given: str, sex: str = "F", gp: str = "Dr Anne Martin"
        ) -> Patient:
    return patients.save(db, make_patient(given_names=given, birth_date=birth, sex=sex,
                                          ins="", treating_gp=gp)).patient


def give(db: Database, who: Patient, on: date, product: str, today: date = TODAY) -> Dose:
    me = Performer("Anne MARTIN", "general_practitioner", "")
    return service.record_dose(db, Dose(id="", patient_id=who.id, occurrence=on,
                                        product=product, outcome="historical"),
                               today, who.birth_date, me)


@pytest.fixture
def practice_db(db: Database) -> dict[str, Patient]:
    """Three toddlers aged 30 months or so (none, one, two MMR doses), two teenagers of
    15 (a girl with one HPV dose, a boy with none), a 70-year-old vaccinated for flu on
    2 November and a 68-year-old not vaccinated."""
    people = {
        "none": add(db, date(2024, 5, 10), "Aucun"),
        "one": add(db, date(2024, 6, 1), "Une", gp="Dr Paul Durand"),
        "two": add(db, date(2024, 4, 1), "Deux"),
        "girl": add(db, date(2011, 3, 1), "Fille"),
        "boy": add(db, date(2011, 4, 1), "Garçon", sex="M"),
        "flu": add(db, date(1956, 1, 1), "Grippé"),
        "noflu": add(db, date(1958, 6, 1), "Pasgrippé", sex="M"),
    }
    give(db, people["one"], date(2025, 6, 2), "FR-PRIORIX")
    give(db, people["two"], date(2025, 4, 2), "FR-PRIORIX")
    give(db, people["two"], date(2025, 8, 2), "FR-MMRVAXPRO")
    give(db, people["girl"], date(2023, 5, 2), "FR-GARDASIL9")
    give(db, people["flu"], date(2026, 11, 2), "FR-VAXIGRIPTETRA")
    return people


def ror_rows(page: practice.DuePage, window: str = due_list.NOW) -> list[due_list.DueRow]:
    """Children of 2 to 5 years due for MMR (the teenagers of the practice have no MMR
    dose either: they are in the list too, in their own age band)."""
    return due_list.select(page.table, Filters(window=window, group="ROR", age_band="2-5"))


def test_toddlers_missing_mmr_doses_are_overdue_and_the_complete_one_is_not(
        db: Database, practice_db: dict[str, Patient]) -> None:
    assert practice.refresh_inline(db, TODAY) == len(practice_db)
    page = practice.load_due_page(db, TODAY)
    late = {r.patient.id: r for r in ror_rows(page, due_list.LATE_ONLY)}
    assert set(late) == {practice_db["none"].id, practice_db["one"].id}
    assert late[practice_db["none"].id].item.dose_number == 1
    assert late[practice_db["one"].id].item.dose_number == 2
    assert all(r.compulsory for r in late.values())  # born after 2018
    assert due_list.counts(ror_rows(page, due_list.LATE_ONLY)) == {"ROR": (0, 2)}
    # Most late first: the toddler with no dose at all was due in May 2025.
    assert [r.patient.id for r in ror_rows(page, due_list.LATE_ONLY)] == [
        practice_db["none"].id, practice_db["one"].id]


def test_filters_by_treating_gp_age_band_obligation_and_my_patients(
        db: Database, practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    page = practice.load_due_page(db, TODAY)
    by_gp = due_list.select(page.table, Filters(treating_gp="Dr Paul Durand"))
    assert {r.patient.id for r in by_gp} == {practice_db["one"].id}
    mine = due_list.select(page.table, Filters(mine="Durand"))
    assert {r.patient.id for r in mine} == {practice_db["one"].id}
    toddlers = {practice_db[k].id for k in ("none", "one", "two")}  # none had a hexavalent
    assert {r.patient.id for r in due_list.select(page.table, Filters(age_band="2-5"))} == toddlers
    # Compulsory: the toddlers' (born after 2018), not the teenagers' (born in 2011).
    compulsory = due_list.select(page.table, Filters(obligation=due_list.COMPULSORY))
    assert {r.patient.id for r in compulsory} == toddlers
    recommended = due_list.select(page.table, Filters(obligation=due_list.RECOMMENDED))
    assert practice_db["girl"].id in {r.patient.id for r in recommended}
    assert "Dr Paul Durand" in page.treating_gps


def test_the_window_this_month_adds_doses_coming_before_the_months_end() -> None:
    person = due_list.DuePatient("p", "X", date(2026, 9, 1), "F")
    coming = due_list.DueItem("p", "DTP", 2, date(2026, 11, 1), date(2026, 11, 28),
                              date(2026, 12, 28), None)
    rows = due_list.DueTable.build({"p": person}, [coming], {}, TODAY, date(2027, 12, 1))
    assert due_list.select(rows, Filters(window=due_list.NOW)) == []
    assert [r.state for r in due_list.select(rows, Filters(window=due_list.THIS_MONTH))] == [
        due_list.SOON]
    assert due_list.select(rows, Filters(window=due_list.THIS_WEEK)) != []  # by Sunday 29
    assert due_list.select(rows, Filters(window=due_list.CUSTOM,
                                         until=date(2026, 11, 27))) == []


def test_one_dose_recomputes_that_patient_only_and_the_count_goes_down(
        db: Database, practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    assert practice.refresh_inline(db, TODAY) == 0  # nothing stale: nothing recomputed
    give(db, practice_db["none"], TODAY, "FR-PRIORIX")
    # After doses only (what records_changed says), the dirty marks alone are read.
    assert practice.refresh_inline(db, TODAY, doses_only=True) == 1
    assert practice.refresh_inline(db, TODAY) == 0
    page = practice.load_due_page(db, TODAY)
    late = {r.patient.id for r in ror_rows(page, due_list.LATE_ONLY)}
    assert late == {practice_db["one"].id}


def test_a_changed_birth_date_a_new_day_or_a_new_pack_makes_the_summary_stale(
        db: Database, practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    from dataclasses import replace

    boy = patients.open_file(db, practice_db["boy"].id)
    patients.save(db, replace(boy, birth_date=date(2011, 4, 2)))
    todo, _dropped, _marked, _upto = practice.stale_patients(db, TODAY)
    assert todo == [boy.id]
    practice.refresh_inline(db, TODAY)
    todo, *_ = practice.stale_patients(db, date(2040, 1, 1))
    assert len(todo) == len(practice_db)  # far ahead: every forecast can change
    todo, *_ = practice.stale_patients(db, TODAY, pack="fr-2025@2025.2.0#another")
    assert len(todo) == len(practice_db)  # a new schedule pack: every summary is redone


def test_an_archived_patient_leaves_the_list(db: Database,
                                             practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    patients.archive(db, patients.open_file(db, practice_db["none"].id))
    practice.refresh_inline(db, TODAY)
    page = practice.load_due_page(db, TODAY)
    shown = due_list.select(page.table, Filters(window=due_list.THIS_MONTH))
    assert practice_db["none"].id not in {r.patient.id for r in shown}


def test_recalls_are_kept_shown_and_audited(db: Database, practice_db: dict[str, Patient],
                                             profile: OpenProfile) -> None:
    practice.refresh_inline(db, TODAY)
    pid = practice_db["none"].id
    assert practice.record_recalls(db, [pid], "ROR", "phone", date(2026, 11, 20),
                                   date(2026, 12, 4), TODAY, profile.practitioner.rpps) == 1
    page = practice.load_due_page(db, TODAY)
    [row] = [r for r in ror_rows(page) if r.patient.id == pid]
    assert row.recall is not None and row.recall.method == "phone"
    assert row.recall.retry_on == date(2026, 12, 4)
    assert db.query("SELECT action, resource_type FROM audit_log WHERE resource_type = "
                    "'VaccinationRecall'") == [("create", "VaccinationRecall")]
    with pytest.raises(practice.InvalidRecall) as refused:
        practice.record_recalls(db, [pid], "", "pigeon", date(2026, 12, 1), date(2026, 11, 1),
                                TODAY, "")
    assert refused.value.problems == ("method", "future", "retry_before")


def test_the_csv_export_names_each_patient_in_the_audit_log(
        db: Database, practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    rows = ror_rows(practice.load_due_page(db, TODAY))
    data = practice.export_csv(db, rows, {"overdue": "en retard"})
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("patient;date_de_naissance;vaccin")
    assert "DUPONT Aucun" in text and "en retard" in text
    exported = {r[0] for r in db.query(
        "SELECT resource_id FROM audit_log WHERE action = 'export'")}
    assert exported == {r.patient.id for r in rows}


def test_recall_letters_and_the_list_are_pdfs_with_the_address(
        db: Database, practice_db: dict[str, Patient], profile: OpenProfile) -> None:
    from tsn_desktop.vaccination import letters

    practice.refresh_inline(db, TODAY)
    rows = ror_rows(practice.load_due_page(db, TODAY))
    addresses = practice.postal_addresses(db, [r.patient.id for r in rows])
    pdf = letters.recall_letters(rows, addresses, profile.practitioner, TODAY)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert letters.due_list_pdf(rows, profile.practitioner, TODAY, "ROR",
                                {}).startswith(b"%PDF")


def test_coverage_counts_known_histories(db: Database, practice_db: dict[str, Patient]
                                         ) -> None:
    data = coverage.load_coverage()
    inputs = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)
    results = {r.indicator.id: r for r in practice.practice_coverage(inputs, TODAY, data)}
    ror = results["ror_2_24m"]
    assert (ror.numerator, ror.denominator) == (1, 3)
    assert ror.up_to_date == (practice_db["two"].id,)
    assert ror.bands[0].denominator == 3 and ror.bands[1].denominator == 0
    girls, boys = results["hpv_1_15y_f"], results["hpv_1_15y_m"]
    assert (girls.numerator, girls.denominator) == (1, 1)
    assert (boys.numerator, boys.denominator) == (0, 1)
    flu = results["flu_65_season"]
    assert (flu.numerator, flu.denominator) == (1, 2)
    assert flu.indicator.target == 75 and "2004-806" in flu.indicator.target_source
    for result in results.values():  # every indicator cites its source
        assert result.indicator.source


def test_coverage_from_the_kept_summaries_equals_coverage_from_every_dose(
        db: Database, practice_db: dict[str, Patient]) -> None:
    kept = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)  # refreshes, then reads
    every = practice.coverage_inputs_from_doses(db, kept.refusals)
    assert kept.facts.per_patient() == every.facts.per_patient()
    assert practice.practice_coverage(kept, TODAY) == practice.practice_coverage(every, TODAY)
    give(db, practice_db["boy"], date(2025, 4, 2), "FR-GARDASIL9")  # at 14: counted
    again = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)
    boys = {r.indicator.id: r for r in practice.practice_coverage(again, TODAY)}
    assert boys["hpv_1_15y_m"].numerator == 1


def test_the_season_view_says_vaccinated_not_yet_or_declined(
        db: Database, practice_db: dict[str, Patient]) -> None:
    me = Performer("Anne MARTIN", "general_practitioner", "")
    service.record_dose(db, Dose(id="", patient_id=practice_db["noflu"].id,
                                 occurrence=date(2026, 11, 10), product="FR-VAXIGRIPTETRA",
                                 outcome="not-given", reason="refused"), TODAY,
                        practice_db["noflu"].birth_date, me)
    inputs = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)
    (start, end), rows = practice.practice_campaign(inputs, TODAY)
    assert (start, end) == (date(2026, 10, 1), date(2027, 2, 28))
    flu = {r.patient.id: r.state for r in rows if r.group == "Grippe"}
    assert flu == {practice_db["flu"].id: coverage.VACCINATED,
                   practice_db["noflu"].id: coverage.DECLINED}
    covid = {r.patient.id: r.state for r in rows if r.group == "Covid-19"}
    assert set(covid.values()) == {coverage.NOT_YET}


def test_a_damaged_coverage_pack_is_refused(tmp_path) -> None:
    import shutil

    copy = tmp_path / "fr-2025"
    shutil.copytree(coverage.coverage_dir(), copy)
    path = copy / "indicators.json"
    path.write_text(path.read_text("utf-8").replace('"doses": 2', '"doses": 1', 1), "utf-8")
    with pytest.raises(coverage.CoverageDataError):
        coverage.load_coverage(copy)


def test_the_cold_forecast_reports_progress_and_gives_the_inline_results(
        db: Database, practice_db: dict[str, Patient], clock: FrozenClock) -> None:
    job = practice.prepare_refresh(db, TODAY)
    seen: list[tuple[int, int]] = []
    results = practice.run_forecast(job, workers=1, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (len(practice_db), len(practice_db))
    assert practice.store_refresh(db, job, results) == len(practice_db)
    assert practice.stale_patients(db, TODAY)[0] == []


def test_doses_of_a_merged_duplicate_count_for_the_file_kept(
        db: Database, practice_db: dict[str, Patient]) -> None:
    practice.refresh_inline(db, TODAY)
    kept = patients.open_file(db, practice_db["none"].id)
    twin = add(db, kept.birth_date, "Aucun")  # the same child, typed twice
    give(db, twin, date(2025, 5, 12), "FR-PRIORIX")
    give(db, twin, date(2025, 9, 12), "FR-PRIORIX")
    practice.refresh_inline(db, TODAY)
    patients.merge(db, kept, patients.open_file(db, twin.id))
    practice.refresh_inline(db, TODAY, doses_only=False)
    late = {r.patient.id for r in ror_rows(practice.load_due_page(db, TODAY),
                                          due_list.LATE_ONLY)}
    assert late == {practice_db["one"].id}  # the merged file has its two MMR doses
    page = practice.load_due_page(db, TODAY)
    assert twin.id not in {r.patient.id for r in due_list.select(page.table, Filters())}


def test_the_season_view_takes_the_risk_groups_from_the_patient_profile(
        db: Database, practice_db: dict[str, Patient]) -> None:
    """Calendrier des vaccinations 2025 (grippe saisonnière; Covid-19 automne): besides
    people of 65 and over, pregnant women, people with a chronic condition at risk and
    the immunocompromised are invited; a 40-year-old with none of these is not."""
    from tsn_desktop.vaccination.model import Fact

    me = Performer("Anne MARTIN", "general_practitioner", "")
    chronic = add(db, date(1986, 3, 1), "Asthmatique")
    immuno = add(db, date(1984, 7, 1), "Greffée")
    healthy = add(db, date(1985, 1, 1), "Bienportant", sex="M")
    for who, code in ((chronic, "FR-RISQUE-GRIPPE"), (immuno, "FR-IMMUNODEPRIME")):
        service.record_fact(db, Fact(id="", patient_id=who.id, code=code,
                                     onset=date(2020, 1, 1)), TODAY, who.birth_date, me)
    inputs = practice.coverage_inputs(db, date(2026, 10, 1), TODAY)
    _season, rows = practice.practice_campaign(inputs, TODAY)
    flu = {r.patient.id for r in rows if r.group == "Grippe"}
    covid = {r.patient.id for r in rows if r.group == "Covid-19"}
    assert chronic.id in flu and chronic.id not in covid  # flu risk only
    assert immuno.id in covid
    assert healthy.id not in flu | covid
    assert practice_db["noflu"].id in flu and practice_db["noflu"].id in covid  # 68 years


def test_a_large_refresh_starts_its_workers_while_reading_and_closes_them(
        db: Database, practice_db: dict[str, Patient], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(practice, "MIN_PATIENTS_FOR_POOL", 2)  # the test practice counts as large
    expected = practice.run_forecast(practice.prepare_refresh(db, TODAY), workers=1)
    job = practice.prepare_refresh(db, TODAY, start_workers=2)
    assert job.workers is not None and job.workers.count == 2
    assert practice.run_forecast(job) == expected
    assert job.workers is None  # closed once used
    assert practice.store_refresh(db, job, expected) == len(practice_db)


def test_an_abandoned_large_refresh_can_close_its_workers(
        db: Database, practice_db: dict[str, Patient], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(practice, "MIN_PATIENTS_FOR_POOL", 2)
    job = practice.prepare_refresh(db, TODAY, start_workers=2)
    assert job.workers is not None
    job.close_workers()
    assert job.workers is None
    assert len(practice.run_forecast(job, workers=1)) == len(practice_db)


def test_only_a_refresh_asked_to_starts_workers_for_the_job_it_hands_back(
        db: Database, practice_db: dict[str, Patient], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(practice, "MIN_PATIENTS_FOR_POOL", 2)
    monkeypatch.setattr(practice, "INLINE_REFRESH_LIMIT", 1)  # the test practice is large
    quiet = practice.refresh_inline(db, TODAY)  # e.g. coverage, which never runs the job
    assert isinstance(quiet, practice.RefreshJob) and quiet.workers is None
    job = practice.refresh_inline(db, TODAY, start_workers=True)  # the page's refresh
    assert isinstance(job, practice.RefreshJob) and job.workers is not None
    results = practice.run_forecast(job)
    assert job.workers is None
    assert practice.store_refresh(db, job, results) == len(practice_db)
    assert practice.refresh_inline(db, TODAY) == 0
