"""French 2025 schedule (resources/schedules/fr-2025) through the CDSi engine.

Each case comes from the "Calendrier des vaccinations et recommandations
vaccinales 2025" (cited as CAL2025 with the section title: section numbers move
between editions) or from the HAS recommendation it applies.  Assessment dates
are always explicit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from tsn_desktop.vaccination.datapack import load_pack, pack_dir
from tsn_desktop.vaccination.engine import AdministeredDose, CdsiPatient, GroupForecast, forecast
from tsn_desktop.vaccination.schedule import SupportingData

NOT_COMPLETE, COMPLETE, IMMUNE, AGED_OUT = "Not Complete", "Complete", "Immune", "Aged Out"


@pytest.fixture(scope="module")
def fr() -> SupportingData:
    return load_pack("fr-2025")[1]


def at(dob: date, years: int = 0, months: int = 0, weeks: int = 0, days: int = 0) -> date:
    return dob + relativedelta(years=years, months=months, weeks=weeks, days=days)


def group(
    data: SupportingData,
    name: str,
    dob: date,
    doses: Iterable[tuple[date, str]],
    on: date,
    *,
    gender: str = "U",
    observations: Iterable[str] = (),
) -> GroupForecast:
    patient = CdsiPatient(dob, gender, frozenset(observations))
    history = [AdministeredDose(d, v) for d, v in doses]
    return forecast(patient, history, on, data, [name]).groups[name]


def statuses(g: GroupForecast) -> list[str]:
    """Evaluation status of each dose of the first antigen, in date order."""
    return [e.status for e in g.antigens[0].evaluations]


BORN = date(2025, 1, 15)  # infants born since 1 January 2025: MenB/MenACWY obligation
HEXA = "FR-HEXYON"
INFANT_PRIMARY = [(at(BORN, months=2), HEXA), (at(BORN, months=4), HEXA)]
INFANT_SERIES = [*INFANT_PRIMARY, (at(BORN, months=11), HEXA)]


def childhood(dob: date) -> list[tuple[date, str]]:
    """DTCaP-containing doses of a child vaccinated on time: 2, 4, 11 months, 6 and 11 years."""
    return [
        (at(dob, months=2), HEXA),
        (at(dob, months=4), HEXA),
        (at(dob, months=11), HEXA),
        (at(dob, years=6), "FR-TETRAVAC"),
        (at(dob, years=11), "FR-REPEVAX"),
    ]


# --------------------------------------------------------------- infants
# CAL2025, tableau synoptique: hexavalent 2, 4, 11 mois; pneumocoque 2, 4, 11
# mois; rotavirus dès 2 mois (HAS, juin 2022).
@pytest.mark.parametrize("name", ["DTP", "Coqueluche", "Hib", "HepB", "Pneumocoque", "Rotavirus"])
def test_infant_first_doses_are_recommended_at_2_months(fr: SupportingData, name: str) -> None:
    g = group(fr, name, BORN, [], at(BORN, months=1))
    assert g.status == NOT_COMPLETE
    assert g.forecast_dose_number == 1
    assert g.recommended == at(BORN, months=2)


def test_infant_missing_4_month_hexavalent_dose_is_overdue_at_6_months(fr: SupportingData) -> None:
    # CAL2025 tableau synoptique: 2e dose à 4 mois.
    g = group(fr, "DTP", BORN, INFANT_PRIMARY[:1], at(BORN, months=6))
    assert g.status == NOT_COMPLETE
    assert g.forecast_dose_number == 2
    assert g.past_due is not None and g.past_due < at(BORN, months=6)


def test_infant_with_2_and_4_month_doses_has_booster_recommended_at_11_months(
    fr: SupportingData,
) -> None:
    # CAL2025 tableau synoptique: rappel à 11 mois.
    for name in ("DTP", "Hib", "HepB", "Coqueluche"):
        g = group(fr, name, BORN, INFANT_PRIMARY, at(BORN, months=5))
        assert (g.forecast_dose_number, g.recommended) == (3, at(BORN, months=11)), name


def test_second_hexavalent_dose_3_weeks_after_the_first_is_not_valid(fr: SupportingData) -> None:
    # CAL2025 schéma 2+1: deux doses à deux mois d'intervalle (minimum 4 semaines).
    doses = [(at(BORN, months=2), HEXA), (at(BORN, months=2, weeks=3), HEXA)]
    g = group(fr, "DTP", BORN, doses, at(BORN, months=4))
    assert statuses(g) == ["Valid", "Not Valid"]


def test_11_month_booster_less_than_6_months_after_second_dose_is_not_valid(
    fr: SupportingData,
) -> None:
    # CAL2025, transition 2013: intervalle minimal de six mois entre la dernière
    # dose de primovaccination et le rappel.
    doses = [(at(BORN, months=4), HEXA), (at(BORN, months=6), HEXA), (at(BORN, months=11), HEXA)]
    g = group(fr, "DTP", BORN, doses, at(BORN, months=11, days=1))
    assert statuses(g) == ["Valid", "Valid", "Not Valid"]
    # CDSi counts the interval from the previous dose administered, valid or not.
    assert g.earliest == at(BORN, months=17)


def test_old_3_plus_1_primary_series_gets_the_booster_at_11_months(fr: SupportingData) -> None:
    # CAL2025, transition 2013: trois doses à un mois d'intervalle -> rappel à 11 mois.
    doses = [(at(BORN, months=m), HEXA) for m in (2, 3, 4)]
    g = group(fr, "DTP", BORN, doses, at(BORN, months=5))
    assert g.recommended == at(BORN, months=11)


def test_toddler_with_full_infant_series_is_next_due_at_6_years(fr: SupportingData) -> None:
    # CAL2025 tableau synoptique: rappel DTCaP à 6 ans.
    g = group(fr, "DTP", BORN, INFANT_SERIES, at(BORN, years=2))
    assert g.status == NOT_COMPLETE
    assert g.recommended == at(BORN, years=6)


@pytest.mark.parametrize("vaccine", ["FR-HEXYON", "FR-INFANRIXHEXA", "FR-VAXELIS", "146"], ids=str)
def test_every_hexavalent_product_and_its_cvx_count_for_all_six_antigens(
    fr: SupportingData, vaccine: str
) -> None:
    # CAL2025 tableau synoptique: vaccins hexavalents interchangeables.
    doses = [(d, vaccine) for d, _ in INFANT_SERIES]
    for name in ("DTP", "Coqueluche", "Hib", "HepB"):
        g = group(fr, name, BORN, doses, at(BORN, years=2))
        assert g.recommended != at(BORN, months=2), name
        assert all(s == "Valid" for a in g.antigens for s in [e.status for e in a.evaluations])
    assert group(fr, "Hib", BORN, doses, at(BORN, years=2)).status == COMPLETE


@pytest.mark.parametrize(
    ("name", "due_now"),
    [("DTP", True), ("Coqueluche", True), ("Hib", True), ("HepB", True), ("ROR", True),
     ("Pneumocoque", False), ("MenB", False), ("MenACWY", False), ("Rotavirus", False)],
)
def test_unvaccinated_2_and_a_half_year_old_catch_up(
    fr: SupportingData, name: str, due_now: bool
) -> None:
    # CAL2025 rattrapage, enfant de 1 à 5 ans jamais vacciné: DTCaP-Hib-HepB et
    # ROR; pas de rattrapage pneumocoque, MenB, MenACWY (obligation jusqu'à 2
    # ans) ni rotavirus à cet âge.
    dob, on = date(2023, 5, 1), date(2025, 11, 10)
    g = group(fr, name, dob, [], on)
    assert (g.status == NOT_COMPLETE and g.recommended is not None and g.recommended <= on) \
        is due_now


# --------------------------------------------------------------- meningococcus
# CAL2025, méningocoques (obligatoires pour les nés depuis le 1er janvier 2025):
# MenB 3, 5, 12 mois; MenACWY 6 et 12 mois; ACWY 11-14 ans, rattrapage 15-24 ans.
def test_menb_first_dose_is_recommended_at_3_months(fr: SupportingData) -> None:
    g = group(fr, "MenB", BORN, [], at(BORN, months=2))
    assert g.recommended == at(BORN, months=3)


def test_menb_booster_is_recommended_at_12_months_after_3_and_5_month_doses(
    fr: SupportingData,
) -> None:
    # CAL2025, méningocoque B (tableau synoptique et rattrapage): 3, 5, 12 mois, jusqu'à 2 ans.
    doses = [(at(BORN, months=3), "FR-BEXSERO"), (at(BORN, months=5), "FR-BEXSERO")]
    g = group(fr, "MenB", BORN, doses, at(BORN, months=6))
    assert (g.forecast_dose_number, g.recommended) == (3, at(BORN, months=12))


def test_menb_never_started_is_overdue_at_9_months(fr: SupportingData) -> None:
    # CAL2025, méningocoque B (tableau synoptique et rattrapage): 3, 5, 12 mois, jusqu'à 2 ans.
    g = group(fr, "MenB", BORN, [], at(BORN, months=9))
    assert g.status == NOT_COMPLETE and g.past_due is not None
    assert g.past_due < at(BORN, months=9)


def test_menb_complete_after_3_5_and_12_month_doses(fr: SupportingData) -> None:
    # CAL2025, méningocoque B (tableau synoptique et rattrapage): 3, 5, 12 mois, jusqu'à 2 ans.
    doses = [(at(BORN, months=m), "FR-BEXSERO") for m in (3, 5, 12)]
    assert group(fr, "MenB", BORN, doses, at(BORN, years=2)).status == COMPLETE


def test_menb_catch_up_of_unvaccinated_child_stops_at_2_years(fr: SupportingData) -> None:
    # CAL2025, méningocoque B (tableau synoptique et rattrapage): 3, 5, 12 mois, jusqu'à 2 ans.
    assert group(fr, "MenB", BORN, [], at(BORN, years=3)).status == AGED_OUT


def test_menb_started_at_7_months_gets_the_booster_at_12_months(fr: SupportingData) -> None:
    # CAL2025 rattrapage MenB, début entre 6 et 11 mois: 2 doses à 2 mois
    # d'intervalle, rappel au cours de la 2e année (au moins 2 mois après).
    doses = [(at(BORN, months=7), "FR-BEXSERO"), (at(BORN, months=9), "FR-BEXSERO")]
    g = group(fr, "MenB", BORN, doses, at(BORN, months=10))
    assert (g.forecast_dose_number, g.recommended) == (3, at(BORN, months=12))


def test_menb_started_at_13_months_gets_the_booster_12_months_after_the_second_dose(
    fr: SupportingData,
) -> None:
    # CAL2025 rattrapage MenB, début entre 12 et 23 mois: rappel 12 à 23 mois après.
    doses = [(at(BORN, months=13), "FR-BEXSERO"), (at(BORN, months=15), "FR-BEXSERO")]
    g = group(fr, "MenB", BORN, doses, at(BORN, months=16))
    assert g.recommended == at(BORN, months=27)


def test_menb_second_catch_up_dose_one_month_after_the_first_is_not_valid(
    fr: SupportingData,
) -> None:
    # CAL2025, méningocoque B (tableau synoptique et rattrapage): 3, 5, 12 mois, jusqu'à 2 ans.
    doses = [(at(BORN, months=13), "FR-BEXSERO"), (at(BORN, months=14), "FR-BEXSERO")]
    g = group(fr, "MenB", BORN, doses, at(BORN, months=15))
    assert statuses(g) == ["Valid", "Not Valid"]


def test_menacwy_first_dose_is_recommended_at_6_months(fr: SupportingData) -> None:
    # CAL2025, méningocoques ACWY: 6 et 12 mois, 11-14 ans, rattrapage 15-24 ans révolus.
    g = group(fr, "MenACWY", BORN, [], at(BORN, months=3))
    assert g.recommended == at(BORN, months=6)


def test_menacwy_booster_is_recommended_at_12_months(fr: SupportingData) -> None:
    # CAL2025, méningocoques ACWY: 6 et 12 mois, 11-14 ans, rattrapage 15-24 ans révolus.
    g = group(fr, "MenACWY", BORN, [(at(BORN, months=6), "FR-NIMENRIX")], at(BORN, months=7))
    assert g.recommended == at(BORN, months=12)


def test_menacwy_first_given_at_14_months_needs_no_second_infant_dose(fr: SupportingData) -> None:
    # CAL2025 rattrapage: une dose unique entre 12 et 24 mois; reste la dose de 11-14 ans.
    doses = [(at(BORN, months=14), "FR-NIMENRIX")]
    g = group(fr, "MenACWY", BORN, doses, at(BORN, months=20))
    assert g.recommended == at(BORN, years=11)


def test_child_born_before_2025_is_next_due_menacwy_at_11_years(fr: SupportingData) -> None:
    # CAL2025, méningocoques ACWY: 6 et 12 mois, 11-14 ans, rattrapage 15-24 ans révolus.
    dob = date(2019, 6, 1)
    g = group(fr, "MenACWY", dob, [(date(2020, 6, 1), "FR-NEISVAC")], date(2025, 11, 10))
    assert g.recommended == at(dob, years=11)


def test_unvaccinated_16_year_old_is_overdue_for_menacwy_catch_up(fr: SupportingData) -> None:
    # CAL2025, méningocoques ACWY: 6 et 12 mois, 11-14 ans, rattrapage 15-24 ans révolus.
    dob = date(2009, 3, 1)
    g = group(fr, "MenACWY", dob, [], date(2025, 11, 10))
    assert g.status == NOT_COMPLETE and g.past_due is not None
    assert g.past_due < date(2025, 11, 10)


def test_menacwy_catch_up_ends_at_25_years(fr: SupportingData) -> None:
    # CAL2025, méningocoques ACWY: 6 et 12 mois, 11-14 ans, rattrapage 15-24 ans révolus.
    dob = date(2000, 3, 1)
    assert group(fr, "MenACWY", dob, [], date(2025, 11, 10)).status == AGED_OUT


# ---------------------------------------------------------------- ROR
# CAL2025 ROR: 12 mois et 16-18 mois; rattrapage 2 doses (1 mois d'intervalle)
# pour les personnes nées depuis 1980.
def test_mmr_first_dose_recommended_at_12_months(fr: SupportingData) -> None:
    assert group(fr, "ROR", BORN, [], at(BORN, months=11)).recommended == at(BORN, months=12)


def test_mmr_second_dose_recommended_at_16_months_and_overdue_after_18(fr: SupportingData) -> None:
    # CAL2025, rougeole-oreillons-rubéole: 12 et 16-18 mois; nés depuis 1980: 2 doses.
    g = group(fr, "ROR", BORN, [(at(BORN, months=12), "FR-PRIORIX")], at(BORN, months=13))
    assert g.recommended == at(BORN, months=16)
    assert g.past_due == at(BORN, months=19) - relativedelta(days=1)


def test_adult_born_1990_with_one_mmr_dose_gets_second_one_month_later(
    fr: SupportingData,
) -> None:
    # CAL2025, rougeole-oreillons-rubéole: 12 et 16-18 mois; nés depuis 1980: 2 doses.
    dob = date(1990, 5, 5)
    g = group(fr, "ROR", dob, [(date(2025, 9, 1), "FR-MMRVAXPRO")], date(2025, 9, 2))
    assert g.status == NOT_COMPLETE
    assert g.earliest == date(2025, 10, 1)


def test_mmr_dose_given_before_12_months_does_not_count(fr: SupportingData) -> None:
    # CAL2025, rougeole-oreillons-rubéole: 12 et 16-18 mois; nés depuis 1980: 2 doses.
    g = group(fr, "ROR", BORN, [(at(BORN, months=9), "FR-PRIORIX")], at(BORN, months=10))
    assert statuses(g) == ["Not Valid"]


def test_adult_born_before_1980_is_considered_immune_to_mmr(fr: SupportingData) -> None:
    # CAL2025, rougeole-oreillons-rubéole: 12 et 16-18 mois; nés depuis 1980: 2 doses.
    assert group(fr, "ROR", date(1975, 1, 1), [], date(2025, 11, 10)).status == IMMUNE


def test_two_live_vaccines_four_weeks_apart_rule_invalidates_mmr_given_2_weeks_after_varicella(
    fr: SupportingData,
) -> None:
    # CAL2025 aspects pratiques: deux vaccins vivants non simultanés sont espacés de 4 semaines.
    dob = date(2008, 1, 1)
    doses = [(date(2025, 1, 6), "FR-VARIVAX"), (date(2025, 1, 20), "FR-PRIORIX")]
    g = group(fr, "ROR", dob, doses, date(2025, 2, 1))
    assert statuses(g) == ["Not Valid"]


# ---------------------------------------------------------------- pneumococcus
def test_pneumococcal_catch_up_at_14_months_needs_two_doses_only(fr: SupportingData) -> None:
    # CAL2025 rattrapage: entre 12 et 23 mois, deux doses à deux mois d'intervalle.
    doses = [(at(BORN, months=14), "FR-PREVENAR13"), (at(BORN, months=16), "FR-PREVENAR13")]
    g = group(fr, "Pneumocoque", BORN, doses, at(BORN, months=18))
    assert g.status == COMPLETE


def test_premature_infant_gets_an_extra_pneumococcal_dose_at_3_months(fr: SupportingData) -> None:
    # CAL2025 pneumocoque, prématurés: schéma 3+1 (2, 3, 4 et 11 mois).
    doses = [(at(BORN, months=2), "FR-PREVENAR13")]
    g = group(fr, "Pneumocoque", BORN, doses, at(BORN, months=2, days=7),
              observations={"FR-PREMATURE"})
    assert (g.forecast_dose_number, g.recommended) == (2, at(BORN, months=3))
    term = group(fr, "Pneumocoque", BORN, doses, at(BORN, months=2, days=7))
    assert term.recommended == at(BORN, months=4)


def test_unvaccinated_3_year_old_is_next_due_pneumococcal_vaccine_at_65(
    fr: SupportingData,
) -> None:
    # CAL2025: pas de rattrapage pneumococcique systématique après 2 ans.
    dob = date(2022, 1, 1)
    g = group(fr, "Pneumocoque", dob, [], date(2025, 11, 10))
    assert g.recommended == at(dob, years=65)


def test_unvaccinated_70_year_old_is_overdue_for_prevenar_20(fr: SupportingData) -> None:
    # HAS 2025 / CAL2025: une dose de VPC20 pour tous les adultes de 65 ans et plus.
    dob = date(1955, 4, 1)
    g = group(fr, "Pneumocoque", dob, [], date(2025, 11, 10))
    assert g.status == NOT_COMPLETE
    assert g.recommended == at(dob, years=65)


def test_prevenar_20_at_66_completes_the_adult_pneumococcal_vaccination(
    fr: SupportingData,
) -> None:
    # CAL2025, pneumocoque: 2, 4, 11 mois, rattrapage jusqu'à 2 ans; HAS 2025: VPC20 >= 65 ans.
    dob = date(1955, 4, 1)
    g = group(fr, "Pneumocoque", dob, [(date(2021, 10, 1), "FR-PREVENAR20")], date(2025, 11, 10))
    assert g.status == COMPLETE


def test_adult_at_risk_is_due_prevenar_20_before_65(fr: SupportingData) -> None:
    # CAL2025 recommandations particulières; HAS juillet 2023 (VPC20 chez l'adulte à risque).
    dob = date(1970, 4, 1)
    g = group(fr, "Pneumocoque", dob, [], date(2025, 11, 10), observations={"FR-RISQUE-PNEUMO"})
    assert g.status == NOT_COMPLETE
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_prevenar_20_received_at_58_for_risk_is_not_repeated_at_65(fr: SupportingData) -> None:
    # HAS 2025 / HAS juillet 2023: une dose unique de VPC20 chez l'adulte.
    dob = date(1958, 4, 1)
    g = group(fr, "Pneumocoque", dob, [(date(2016, 6, 1), "FR-PREVENAR20")], date(2025, 11, 10))
    assert g.status == COMPLETE


# ---------------------------------------------------------------- RSV
# HAS juin 2024 (VRS adulte) repris par CAL2025: >= 75 ans, 65-74 ans à risque.
def test_76_year_old_is_due_a_single_rsv_vaccine(fr: SupportingData) -> None:
    g = group(fr, "VRS", date(1949, 6, 1), [], date(2025, 11, 10))
    assert g.status == NOT_COMPLETE
    assert g.recommended == date(2024, 6, 1)


def test_70_year_old_without_risk_is_recommended_rsv_at_75(fr: SupportingData) -> None:
    # HAS juin 2024 repris par CAL2025 (VRS): >= 75 ans, 65-74 ans à risque.
    g = group(fr, "VRS", date(1955, 6, 1), [], date(2025, 11, 10))
    assert g.recommended == date(2030, 6, 1)


def test_70_year_old_with_chronic_heart_or_lung_disease_is_due_rsv_now(
    fr: SupportingData,
) -> None:
    # HAS juin 2024 repris par CAL2025 (VRS): >= 75 ans, 65-74 ans à risque.
    g = group(fr, "VRS", date(1955, 6, 1), [], date(2025, 11, 10), observations={"FR-RISQUE-VRS"})
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_rsv_vaccine_at_76_completes_the_schedule(fr: SupportingData) -> None:
    # HAS juin 2024 repris par CAL2025 (VRS): >= 75 ans, 65-74 ans à risque.
    g = group(fr, "VRS", date(1948, 6, 1), [(date(2024, 10, 1), "FR-AREXVY")], date(2025, 11, 10))
    assert g.status == COMPLETE


def test_pregnant_woman_at_33_weeks_in_season_is_due_abrysvo(fr: SupportingData) -> None:
    # HAS 2024 / CAL2025: Abrysvo entre 32 et 36 SA (saison VRS); the app sets the
    # FR-GROSSESSE-32-36SA-VRS observation from the pregnancy record.
    g = group(
        fr,
        "VRS",
        date(1995, 2, 1),
        [],
        date(2025, 10, 15),
        gender="F",
        observations={"FR-GROSSESSE-32-36SA-VRS"},
    )
    assert g.status == NOT_COMPLETE
    assert g.recommended is not None and g.recommended <= date(2025, 10, 15)


def test_beyfortus_in_an_infant_record_is_known_but_not_judged_as_an_rsv_vaccine(
    fr: SupportingData,
) -> None:
    # Nirsevimab (Beyfortus) is passive immunisation (CAL2025 VRS section): kept
    # in the record, never evaluated against the adult RSV vaccine series.
    assert "FR-BEYFORTUS" in fr.vaccines
    g = group(fr, "VRS", BORN, [(at(BORN, days=2), "FR-BEYFORTUS")], at(BORN, months=3))
    assert all(not a.evaluations for a in g.antigens)


# ---------------------------------------------------------------- zoster
# HAS 2024 (Shingrix) / CAL2025 zona: 2 doses à 2 mois d'intervalle dès 65 ans.
def test_65_year_old_is_due_shingrix(fr: SupportingData) -> None:
    dob = date(1960, 3, 1)
    g = group(fr, "Zona", dob, [], date(2025, 11, 10))
    assert g.recommended == at(dob, years=65)


def test_second_shingrix_dose_is_recommended_2_months_after_the_first(fr: SupportingData) -> None:
    # HAS 2024 / CAL2025, zona: Shingrix 2 doses à 2 mois d'intervalle.
    g = group(fr, "Zona", date(1955, 3, 1), [(date(2025, 9, 1), "FR-SHINGRIX")], date(2025, 9, 2))
    assert (g.forecast_dose_number, g.recommended) == (2, date(2025, 11, 1))


def test_two_shingrix_doses_complete_zoster_vaccination(fr: SupportingData) -> None:
    # HAS 2024 / CAL2025, zona: Shingrix 2 doses à 2 mois d'intervalle.
    doses = [(date(2025, 1, 6), "FR-SHINGRIX"), (date(2025, 3, 10), "FR-SHINGRIX")]
    assert group(fr, "Zona", date(1955, 3, 1), doses, date(2025, 11, 10)).status == COMPLETE


def test_past_zostavax_does_not_replace_shingrix(fr: SupportingData) -> None:
    # HAS 2024 / CAL2025, zona: Shingrix 2 doses à 2 mois d'intervalle.
    g = group(fr, "Zona", date(1950, 3, 1), [(date(2016, 1, 5), "FR-ZOSTAVAX")], date(2025, 11, 10))
    assert g.status == NOT_COMPLETE


def test_immunocompromised_50_year_old_is_due_shingrix(fr: SupportingData) -> None:
    # HAS 2024 / CAL2025, zona: Shingrix 2 doses à 2 mois d'intervalle.
    g = group(
        fr, "Zona", date(1975, 3, 1), [], date(2025, 11, 10), observations={"FR-IMMUNODEPRIME"}
    )
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


# ---------------------------------------------------------------- HPV
# CAL2025 HPV: filles et garçons 11-14 ans, 2 doses (0, 6-13 mois); rattrapage
# de 15 à 19 ans révolus, 3 doses (0, 2, 6 mois) (HAS 2019 garçons).
@pytest.mark.parametrize("gender", ["F", "M"])
def test_11_year_old_girl_or_boy_is_due_hpv(fr: SupportingData, gender: str) -> None:
    dob = date(2014, 9, 1)
    g = group(fr, "HPV", dob, [], date(2025, 11, 10), gender=gender)
    assert g.recommended == at(dob, years=11)


def test_hpv_second_dose_is_recommended_6_months_after_a_first_dose_at_12(
    fr: SupportingData,
) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus.
    dob = date(2013, 1, 1)
    g = group(fr, "HPV", dob, [(date(2025, 2, 1), "FR-GARDASIL9")], date(2025, 3, 1))
    assert (g.forecast_dose_number, g.recommended) == (2, date(2025, 8, 1))


def test_two_hpv_doses_6_months_apart_before_15_are_complete(fr: SupportingData) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus.
    doses = [(date(2025, 2, 1), "FR-GARDASIL9"), (date(2025, 8, 1), "FR-GARDASIL9")]
    assert group(fr, "HPV", date(2013, 1, 1), doses, date(2025, 11, 10)).status == COMPLETE


def test_hpv_second_dose_3_months_after_the_first_needs_another_dose(fr: SupportingData) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus.
    doses = [(date(2025, 2, 1), "FR-GARDASIL9"), (date(2025, 5, 1), "FR-GARDASIL9")]
    g = group(fr, "HPV", date(2013, 1, 1), doses, date(2025, 6, 1))
    assert g.status == NOT_COMPLETE


def test_hpv_started_at_16_follows_the_three_dose_catch_up(fr: SupportingData) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus.
    dob = date(2009, 1, 1)
    g = group(fr, "HPV", dob, [(date(2025, 9, 1), "FR-GARDASIL9")], date(2025, 9, 2))
    assert (g.forecast_dose_number, g.recommended) == (2, date(2025, 11, 1))


def test_unvaccinated_17_year_old_is_overdue_for_hpv_catch_up(fr: SupportingData) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus.
    g = group(fr, "HPV", date(2008, 5, 1), [], date(2025, 11, 10), gender="M")
    assert g.status == NOT_COMPLETE
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_hpv_catch_up_ends_at_20(fr: SupportingData) -> None:
    # CAL2025, papillomavirus: 2 doses à 11-14 ans, 3 doses de 15 à 19 ans révolus
    # (the HAS extension to 26 years of May 2025 is not in the calendrier 2025).
    assert group(fr, "HPV", date(2005, 5, 1), [], date(2025, 11, 10)).status == AGED_OUT
    assert group(fr, "HPV", date(2006, 5, 1), [], date(2025, 11, 10)).status == NOT_COMPLETE


# ---------------------------------------------------------------- DTP children
def test_6_year_booster_is_recommended_at_6_years(fr: SupportingData) -> None:
    dob = date(2019, 10, 1)
    doses = childhood(dob)[:3]
    g = group(fr, "DTP", dob, doses, date(2025, 9, 1))
    assert g.recommended == at(dob, years=6)


def test_child_of_12_who_missed_the_6_year_booster_gets_the_11_13_booster_now(
    fr: SupportingData,
) -> None:
    # CAL2025 transition/rattrapage: à 11-13 ans le rappel de cet âge remplace celui de 6 ans.
    dob = date(2013, 6, 1)
    g = group(fr, "DTP", dob, childhood(dob)[:3], date(2025, 11, 10))
    assert g.recommended == at(dob, years=11)
    given = [*childhood(dob)[:3], (date(2025, 11, 10), "FR-REPEVAX")]
    g = group(fr, "DTP", dob, given, date(2025, 11, 11))
    assert g.recommended == at(dob, years=25)


def test_11_13_booster_is_recommended_at_11_and_overdue_at_14(fr: SupportingData) -> None:
    # CAL2025, tableau synoptique: DTCaP à 6 ans, dTcaP à 11-13 ans.
    dob = date(2014, 6, 1)
    g = group(fr, "DTP", dob, childhood(dob)[:4], date(2025, 1, 10))
    assert g.recommended == at(dob, years=11)
    assert g.past_due == at(dob, years=14) - relativedelta(days=1)


# ------------------------------------------------------ adult fixed-age boosters
# CAL2025 DTP: rappels à 25, 45, 65 ans puis 75, 85 ans...
ADULT = date(1960, 3, 15)


@pytest.mark.parametrize(
    ("boosters", "next_age"),
    [
        ((), 25),
        ((25,), 45),
        ((25, 45), 65),
        ((25, 45, 65), 75),
        ((25, 45, 65, 75), 85),
    ],
    ids=["due-25", "after-25-due-45", "after-45-due-65", "after-65-due-75", "after-75-due-85"],
)
def test_adult_boosters_follow_the_fixed_ages(
    fr: SupportingData, boosters: tuple[int, ...], next_age: int
) -> None:
    # CAL2025, DTP: rappels de l'adulte à 25, 45, 65 ans puis tous les 10 ans.
    doses = childhood(ADULT) + [(at(ADULT, years=a), "FR-REVAXIS") for a in boosters]
    on = at(ADULT, years=next_age - 1)
    g = group(fr, "DTP", ADULT, doses, on)
    assert g.status == NOT_COMPLETE
    assert g.recommended == at(ADULT, years=next_age)


def test_cvx_coded_history_gives_the_same_adult_booster_as_french_product_codes(
    fr: SupportingData,
) -> None:
    # Imported CVX records: 146 hexavalent, 130 DTaP-IPV, 115 Tdap + 10 IPV, 195 dT-IPV.
    dob = ADULT
    doses = [(at(dob, months=2), "146"), (at(dob, months=4), "146"), (at(dob, months=11), "146"),
             (at(dob, years=6), "130"), (at(dob, years=11), "115"), (at(dob, years=11), "10"),
             (at(dob, years=25), "195")]
    g = group(fr, "DTP", dob, doses, at(dob, years=30))
    assert g.recommended == at(dob, years=45)


# CAL2025 "mise en place du nouveau calendrier" (transition 2013): the worked
# examples of the rules (délai > 5 ans sinon n+1; intervalle <= 25 ans sinon
# rappel immédiat).  Childhood doses declared, not recorded.
DECLARED = {"FR-DTP-ENFANCE-DECLAREE"}


@pytest.mark.parametrize(
    ("age_now", "last_booster", "next_age"),
    [(33, 30, 45), (43, 40, 65), (50, 38, 45), (63, 62, 75)],
    ids=["33-last-30-next-45", "43-last-40-next-65", "50-last-38-overdue-45", "63-last-62-next-75"],
)
def test_transition_next_booster_at_the_right_fixed_age(
    fr: SupportingData, age_now: int, last_booster: int, next_age: int
) -> None:
    # CAL2025, DTP: règles de transition 2013 (délai > 5 ans; intervalle <= 25 ans).
    dob = date(1970, 1, 10)
    doses = [(at(dob, years=last_booster), "FR-REVAXIS")]
    g = group(fr, "DTP", dob, doses, at(dob, years=age_now), observations=DECLARED)
    assert g.recommended == at(dob, years=next_age)


@pytest.mark.parametrize(("age_now", "last_booster"), [(35, 18), (43, 18), (80, 65)])
def test_transition_more_than_25_years_to_next_rendezvous_means_immediate_booster(
    fr: SupportingData, age_now: int, last_booster: int
) -> None:
    # CAL2025, DTP: règles de transition 2013 (délai > 5 ans; intervalle <= 25 ans).
    dob = date(1940, 1, 10)
    on = at(dob, years=age_now)
    g = group(
        fr, "DTP", dob, [(at(dob, years=last_booster), "FR-REVAXIS")], on, observations=DECLARED
    )
    assert g.past_due is not None and g.past_due < on


@pytest.mark.parametrize(
    ("age_now", "next_age"), [(35, 45), (43, 65)], ids=["35-then-45", "43-then-65-not-45"]
)
def test_after_an_immediate_catch_up_booster_the_next_fixed_age_is_at_least_5_years_later(
    fr: SupportingData, age_now: int, next_age: int
) -> None:
    # CAL2025, DTP: règles de transition 2013 (délai > 5 ans; intervalle <= 25 ans).
    dob = date(1970, 1, 10)
    doses = [(at(dob, years=18), "FR-REVAXIS"), (at(dob, years=age_now), "FR-REPEVAX")]
    g = group(fr, "DTP", dob, doses, at(dob, years=age_now, days=1), observations=DECLARED)
    assert g.recommended == at(dob, years=next_age)


def test_booster_at_16_18_under_old_schedule_is_followed_by_the_25_year_booster(
    fr: SupportingData,
) -> None:
    # CAL2025 transition: "dTPolio ou dTcaPolio à 16-18 ans -> dTcaPolio à 25 ans".
    dob = date(2003, 4, 1)
    doses = childhood(dob) + [(at(dob, years=17), "FR-REVAXIS")]
    g = group(fr, "DTP", dob, doses, date(2025, 11, 10))
    assert g.recommended == at(dob, years=25)


def test_old_ten_yearly_boosters_21_31_41_lead_to_the_65_year_booster(fr: SupportingData) -> None:
    # CAL2025, DTP: règles de transition 2013 (ancien rythme décennal).
    doses = childhood(ADULT) + [(at(ADULT, years=a), "FR-REVAXIS") for a in (21, 31, 41)]
    g = group(fr, "DTP", ADULT, doses, at(ADULT, years=50))
    assert g.recommended == at(ADULT, years=65)


def test_adult_with_no_record_and_no_declaration_starts_a_catch_up_primary_series(
    fr: SupportingData,
) -> None:
    # CAL2025 rattrapage: statut inconnu -> rattrapage (dTcaP M0, dTP M2, M8-12).
    g = group(fr, "DTP", date(1980, 1, 1), [], date(2025, 11, 10))
    assert g.forecast_dose_number == 1
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_adult_catch_up_primary_series_then_rejoins_fixed_ages(fr: SupportingData) -> None:
    # CAL2025, rattrapage: statut inconnu -> primovaccination M0, M2, M8-12.
    dob = date(1995, 1, 1)  # three doses at 30 years: next rendez-vous 45 (>= 5 years later)
    doses = [
        (date(2025, 1, 6), "FR-REPEVAX"),
        (date(2025, 3, 10), "FR-REVAXIS"),
        (date(2025, 10, 1), "FR-REVAXIS"),
    ]
    g = group(fr, "DTP", dob, doses, date(2025, 11, 10))
    assert g.recommended == at(dob, years=45)


# ---------------------------------------------------------------- pertussis
# CAL2025 coqueluche: rappel à 25 ans (dTcaP), rattrapage jusqu'à 39 ans
# révolus; femme enceinte: une dose à chaque grossesse entre 20 et 36 SA.
def test_pertussis_booster_is_recommended_at_25(fr: SupportingData) -> None:
    dob = date(2001, 2, 1)
    g = group(fr, "Coqueluche", dob, childhood(dob), date(2025, 11, 10))
    assert g.recommended == at(dob, years=25)


def test_revaxis_at_25_does_not_give_the_pertussis_booster(fr: SupportingData) -> None:
    # CAL2025, coqueluche: rappel à 25 ans, rattrapage jusqu'à 39 ans, grossesse 20-36 SA.
    dob = date(1998, 2, 1)
    doses = childhood(dob) + [(at(dob, years=25), "FR-REVAXIS")]
    assert group(fr, "Coqueluche", dob, doses, date(2025, 11, 10)).status == NOT_COMPLETE
    assert group(fr, "DTP", dob, doses, date(2025, 11, 10)).recommended == at(dob, years=45)


def test_pertussis_catch_up_at_30_after_missed_25_year_booster(fr: SupportingData) -> None:
    # CAL2025, coqueluche: rappel à 25 ans, rattrapage jusqu'à 39 ans, grossesse 20-36 SA.
    dob = date(1995, 2, 1)
    g = group(fr, "Coqueluche", dob, childhood(dob), date(2025, 11, 10))
    assert g.past_due is not None and g.past_due < date(2025, 11, 10)


def test_pertussis_catch_up_ends_at_40(fr: SupportingData) -> None:
    # CAL2025, coqueluche: rappel à 25 ans, rattrapage jusqu'à 39 ans, grossesse 20-36 SA.
    dob = date(1980, 2, 1)
    assert group(fr, "Coqueluche", dob, childhood(dob), date(2025, 11, 10)).status == AGED_OUT


def test_pregnant_woman_between_20_and_36_weeks_is_due_pertussis_even_if_boosted_at_25(
    fr: SupportingData,
) -> None:
    # CAL2025, coqueluche: rappel à 25 ans, rattrapage jusqu'à 39 ans, grossesse 20-36 SA.
    dob = date(1995, 2, 1)
    doses = childhood(dob) + [(at(dob, years=25), "FR-REPEVAX")]
    g = group(
        fr,
        "Coqueluche",
        dob,
        doses,
        date(2025, 11, 10),
        gender="F",
        observations={"FR-GROSSESSE-20-36SA"},
    )
    assert g.status == NOT_COMPLETE
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_pertussis_dose_at_24_weeks_is_not_proposed_again_in_the_same_pregnancy(
    fr: SupportingData,
) -> None:
    # CAL2025, coqueluche: rappel à 25 ans, rattrapage jusqu'à 39 ans, grossesse 20-36 SA.
    dob = date(1995, 2, 1)
    doses = childhood(dob) + [(date(2025, 9, 1), "FR-BOOSTRIXTETRA")]
    on = date(2025, 10, 27)  # 32 SA
    g = group(fr, "Coqueluche", dob, doses, on, gender="F", observations={"FR-GROSSESSE-20-36SA"})
    assert g.earliest is None or g.earliest > on


@pytest.mark.parametrize(
    ("last_pertussis_years_ago", "due"), [(8, True), (3, False)], ids=["8-years-ago", "3-years-ago"]
)
def test_grandparent_of_a_newborn_gets_pertussis_only_if_last_dose_is_over_5_years_old(
    fr: SupportingData, last_pertussis_years_ago: int, due: bool
) -> None:
    # CAL2025 coqueluche, stratégie du cocooning (entourage du nourrisson).
    dob, on = date(1962, 5, 1), date(2025, 11, 10)
    doses = [(on - relativedelta(years=last_pertussis_years_ago), "FR-REPEVAX")]
    g = group(fr, "Coqueluche", dob, doses, on, observations={"FR-COCOONING"})
    assert (g.recommended is not None and g.recommended <= on) is due


# ---------------------------------------------------------------- influenza, covid
# CAL2025 grippe saisonnière: vaccination annuelle >= 65 ans, personnes à risque,
# femmes enceintes; campagne 2025-2026 à partir du 14 octobre 2025.
def test_70_year_old_is_due_flu_vaccine_in_november_2025(fr: SupportingData) -> None:
    g = group(fr, "Grippe", date(1955, 1, 1), [], date(2025, 11, 10))
    assert g.status == NOT_COMPLETE
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_flu_vaccine_in_october_2025_covers_the_2025_2026_season(fr: SupportingData) -> None:
    # CAL2025, grippe saisonnière: >= 65 ans, personnes à risque, campagne 2025-2026.
    g = group(
        fr, "Grippe", date(1955, 1, 1), [(date(2025, 10, 20), "FR-EFLUELDA")], date(2025, 11, 10)
    )
    assert g.status == COMPLETE


def test_last_season_flu_vaccine_does_not_cover_this_season(fr: SupportingData) -> None:
    # CAL2025, grippe saisonnière: >= 65 ans, personnes à risque, campagne 2025-2026.
    g = group(
        fr, "Grippe", date(1955, 1, 1), [(date(2024, 10, 20), "FR-EFLUELDA")], date(2025, 11, 10)
    )
    assert g.status == NOT_COMPLETE


@pytest.mark.parametrize(
    ("observations", "gender"),
    [({"FR-RISQUE-GRIPPE"}, "M"), ({"FR-GROSSESSE"}, "F"), ({"FR-PRO-SANTE"}, "F")],
    ids=["chronic-disease", "pregnant", "health-professional"],
)
def test_adult_under_65_at_risk_is_due_flu_vaccine(
    fr: SupportingData, observations: set[str], gender: str
) -> None:
    # CAL2025, grippe saisonnière: >= 65 ans, personnes à risque, campagne 2025-2026.
    g = group(
        fr,
        "Grippe",
        date(1990, 1, 1),
        [],
        date(2025, 11, 10),
        gender=gender,
        observations=observations,
    )
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_healthy_40_year_old_is_not_due_flu_vaccine_this_season(fr: SupportingData) -> None:
    # CAL2025, grippe saisonnière: >= 65 ans, personnes à risque, campagne 2025-2026.
    g = group(fr, "Grippe", date(1985, 1, 1), [], date(2025, 11, 10))
    assert g.recommended is None or g.recommended > date(2026, 1, 31)


def test_70_year_old_is_due_covid_vaccine_in_autumn_2025(fr: SupportingData) -> None:
    # HAS, stratégie Covid-19 (campagne d'automne, >= 65 ans).
    g = group(fr, "Covid-19", date(1955, 1, 1), [], date(2025, 11, 10))
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


# ---------------------------------------------------------------- rotavirus, Hib, HepB, BCG
def test_two_rotarix_doses_complete_rotavirus_vaccination(fr: SupportingData) -> None:
    # HAS juin 2022: Rotarix 2 doses, RotaTeq 3 doses.
    doses = [(at(BORN, months=2), "FR-ROTARIX"), (at(BORN, months=3), "FR-ROTARIX")]
    assert group(fr, "Rotavirus", BORN, doses, at(BORN, months=4)).status == COMPLETE


def test_two_rotateq_doses_need_a_third(fr: SupportingData) -> None:
    # HAS juin 2022 (rotavirus): Rotarix 2 doses, RotaTeq 3 doses.
    doses = [(at(BORN, months=2), "FR-ROTATEQ"), (at(BORN, months=3), "FR-ROTATEQ")]
    g = group(fr, "Rotavirus", BORN, doses, at(BORN, months=3, days=7))
    assert (g.status, g.forecast_dose_number) == (NOT_COMPLETE, 3)


def test_rotavirus_vaccination_cannot_start_at_6_months(fr: SupportingData) -> None:
    # HAS juin 2022 (rotavirus): première dose au plus tard à 12 semaines.
    assert group(fr, "Rotavirus", BORN, [], at(BORN, months=6)).status == AGED_OUT


def test_unvaccinated_18_month_old_needs_a_single_hib_dose(fr: SupportingData) -> None:
    # CAL2025 rattrapage Hib: une dose unique entre 12 mois et 5 ans.
    doses = [(at(BORN, months=18), "FR-ACTHIB")]
    assert group(fr, "Hib", BORN, doses, at(BORN, months=19)).status == COMPLETE


def test_hib_catch_up_ends_at_5_years(fr: SupportingData) -> None:
    # CAL2025, rattrapage Hib: jusqu'à 5 ans.
    assert group(fr, "Hib", date(2019, 1, 1), [], date(2025, 11, 10)).status == AGED_OUT


def test_engerix_b20_two_dose_schedule_between_11_and_15_is_complete(fr: SupportingData) -> None:
    # CAL2025 hépatite B: schéma à deux doses (0, 6 mois) de 11 à 15 ans révolus.
    dob = date(2012, 1, 1)
    doses = [(date(2024, 1, 8), "FR-ENGERIXB20"), (date(2024, 7, 8), "FR-ENGERIXB20")]
    assert group(fr, "HepB", dob, doses, date(2025, 11, 10)).status == COMPLETE


def test_hepatitis_b_catch_up_ends_at_16_without_risk(fr: SupportingData) -> None:
    # CAL2025, hépatite B: rattrapage jusqu'à 15 ans révolus.
    assert group(fr, "HepB", date(2008, 1, 1), [], date(2025, 11, 10)).status == AGED_OUT


def test_health_professional_without_hepatitis_b_vaccination_is_due(fr: SupportingData) -> None:
    # CSP L3111-4: obligation hépatite B des professionnels de santé exposés.
    g = group(fr, "HepB", date(1995, 1, 1), [], date(2025, 11, 10), observations={"FR-PRO-SANTE"})
    assert g.recommended is not None and g.recommended <= date(2025, 11, 10)


def test_bcg_is_recommended_from_1_month_for_a_child_at_high_risk(fr: SupportingData) -> None:
    # CAL2025 tuberculose: vaccination ciblée des enfants à risque élevé.
    g = group(fr, "BCG", BORN, [], at(BORN, days=10), observations={"FR-RISQUE-TB"})
    assert g.recommended == at(BORN, months=1)


def test_bcg_is_not_recommended_without_risk(fr: SupportingData) -> None:
    # CAL2025, tuberculose: BCG ciblé sur les enfants à risque élevé.
    g = group(fr, "BCG", BORN, [], at(BORN, days=10))
    assert g.status != NOT_COMPLETE


# ---------------------------------------------------------------- legal obligation
# LOI2017 (11 vaccinations for children born since 1 January 2018) and
# DEC2024MEN (MenB, MenACWY for infants born since 1 January 2025): carried by
# <tsn:obligation> on the infant doses; the engine ignores it, the app reads it.
OBLIGATION = "{urn:tsn-desktop:schedule-ext:1}obligation"


@pytest.mark.parametrize(
    ("filename", "born_on_or_after", "doses"),
    [
        ("Pertussis.xml", "2018-01-01", 3),
        ("Hib.xml", "2018-01-01", 3),
        ("HepB.xml", "2018-01-01", 3),
        ("Pneumococcal.xml", "2018-01-01", 3),
        ("Measles.xml", "2018-01-01", 2),
        ("Mumps.xml", "2018-01-01", 2),
        ("Rubella.xml", "2018-01-01", 2),
        ("Meningococcal-B.xml", "2025-01-01", 3),
        ("Meningococcal.xml", "2025-01-01", 2),
    ],
)
def test_infant_doses_are_flagged_as_legal_obligations_from_the_birth_cohort(
    filename: str, born_on_or_after: str, doses: int
) -> None:
    # Loi n° 2017-1836 art. 49 (nés depuis 2018); décret n° 2024-694 (nés depuis 2025).
    root = ET.parse(pack_dir("fr-2025") / filename).getroot()
    first_series = root.find("series")
    assert first_series is not None
    flagged = [
        d for d in first_series.findall("seriesDose")
        if (o := d.find(OBLIGATION)) is not None and o.get("bornOnOrAfter") == born_on_or_after
    ]
    assert len(flagged) == doses
