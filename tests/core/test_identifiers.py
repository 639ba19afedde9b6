"""INS (NIR + key), RPPS and ADELI: published examples first, then properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsn_desktop.core.identifiers import (
    Reason,
    format_ins,
    format_rpps,
    ins_matches_patient,
    luhn_check_digit,
    match_warning_message,
    nir_key,
    normalize_nir,
    validate_adeli,
    validate_ins,
    validate_rpps,
)

# --- Published INS / NIR examples ---------------------------------------------------

PUBLISHED_VALID_INS = [
    # fr.wikipedia "Numéro de sécurité sociale en France", worked example of the key.
    "2 55 08 14 168 025 38",
    # lbcd78.fr (2007) "Calcul de la clé du n° de sécurité sociale": a woman born in
    # December 1906 in Paris 11e, key 64.
    "2 06 12 75 111 005 64",
    # trabucaire.free.fr "Le numéro INSEE": two worked divisions by 97 (keys 94 and 77).
    "1 63 12 78 477 042 94",
    "2 62 08 75 032 039 77",
    # mathweb.fr (2022) "Comment calculer la clé d'un numéro": 1891275125012 -> 82.
    "1 89 12 75 125 012 82",
    # python-stdnum stdnum/fr/nir.py doctests (sources: INSEE xml.insee.fr/schema/nir.html):
    "2 95 10 99 126 111 93",  # born abroad: department 99 + country code
    "253072B07300470",  # Corsica, Haute-Corse
    "253072A07300443",  # Corsica, Corse-du-Sud
]


@pytest.mark.parametrize("ins", PUBLISHED_VALID_INS)
def test_published_ins_examples_are_accepted(ins):
    check = validate_ins(ins)
    assert check.ok, check
    assert check.reason is Reason.OK
    assert check.value == normalize_nir(ins)
    assert (check.message_fr, check.message_en) == ("", "")


@pytest.mark.parametrize(
    ("ins", "reason"),
    [
        # python-stdnum doctest: wrong check digits.
        ("295109912611199", Reason.KEY),
        # python-stdnum doctest: "2C" is not a department.
        ("253072C07300443", Reason.CHARACTERS),
        # ANS, IG FHIR "Transfert de données DUI" (ansforge/IG-fhir-medicosocial-transfert-
        # donnees-dui, TDDUIPatientINSExample.fsh): the illustrative INS of "Jean DUPONT"
        # is well formed (month 72 is an INSEE special month) but its key should be 30.
        ("147720425367411", Reason.KEY),
    ],
)
def test_published_invalid_ins_examples_are_refused(ins, reason):
    check = validate_ins(ins)
    assert not check.ok
    assert check.reason is reason


def test_the_key_of_the_wikipedia_example_is_38():
    assert nir_key("2550814168025") == 38


def test_corsica_keys_follow_the_19_and_18_substitution():
    # 2A -> 19 and 2B -> 18 (python-stdnum, INSEE); computed here from the stdnum examples.
    assert nir_key("253072A073004") == 97 - 2530719073004 % 97 == 43
    assert nir_key("253072B073004") == 97 - 2530718073004 % 97 == 70


def test_the_two_published_wordings_of_the_corsica_rule_agree():
    # "Replace 2A by 19" and "read A as 0, subtract 1 000 000" (2B: 2 000 000) are the
    # same number because the department occupies the 10^7 and 10^6 places.
    for body, offset in (("253072A073004", 1_000_000), ("253072B073004", 2_000_000)):
        as_zero = int(body.replace("A", "0").replace("B", "0"))
        assert nir_key(body) == 97 - (as_zero - offset) % 97


# --- Reasons a clinician sees ----------------------------------------------------------


def _with_key(nir13: str) -> str:
    """A 15-character INS with the right key, so only the structure can be wrong."""
    return f"{nir13}{nir_key(nir13):02d}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", Reason.EMPTY),
        ("  - . ", Reason.EMPTY),
        ("2 55 08 14 168 025", Reason.KEY_MISSING),
        ("2 55 08 14 168 025 3", Reason.LENGTH),
        ("2 55 08 14 168 025 388", Reason.LENGTH),
        ("2 55 O8 14 168 025 38", Reason.CHARACTERS),  # letter O typed for a zero
        ("2 55 08 14 168 025 3é", Reason.CHARACTERS),
        ("2 55 08 14 168 025 3*", Reason.CHARACTERS),
        ("2 55 08 14 168 025 39", Reason.KEY),
        (_with_key("5550814168025"), Reason.SEX),
        (_with_key("2551314168025"), Reason.MONTH),
        (_with_key("2550014168025"), Reason.MONTH),
        (_with_key("2554314168025"), Reason.MONTH),
        (_with_key("2550800168025"), Reason.PLACE),
        (_with_key("2550814000025"), Reason.PLACE),
        (_with_key("2550897400025"), Reason.PLACE),  # overseas commune 00
        (_with_key("2550899000025"), Reason.PLACE),  # country 000
        (_with_key("2550814168000"), Reason.ORDER),
    ],
)
def test_each_kind_of_mistake_has_its_reason(text, reason):
    check = validate_ins(text)
    assert not check.ok
    assert check.reason is reason
    assert check.message_fr and check.message_en


@pytest.mark.parametrize(
    "nir13",
    [
        "3550814168025",  # provisional numbers: 3, 4, 7, 8
        "8550814168025",
        "2552014168025",  # INSEE months for unknown birth months
        "2554214168025",
        "2559914168025",
        "2550820168025",  # Corsica before the 1976 split
        "2550897411025",  # La Réunion: department 974, commune 11
        "2550899352025",  # born in Algeria (country 352)
    ],
)
def test_less_common_but_legal_structures_are_accepted(nir13):
    assert validate_ins(_with_key(nir13)).ok


def test_the_key_message_does_not_give_away_the_expected_key():
    # Copying a suggested key would turn the typo into a valid-looking wrong INS.
    check = validate_ins("2 55 08 14 168 026 38")  # order typed 026 instead of 025
    expected = f"{nir_key('2550814168026'):02d}"
    assert check.reason is Reason.KEY
    assert expected not in check.message_fr and expected not in check.message_en
    assert "Clé invalide" in check.message_fr


def test_pasted_separators_and_lower_case_corsica_are_normalized():
    assert normalize_nir(" 2.53-07 2b\u00a0073 004\t70 ") == "253072B07300470"
    assert validate_ins("2 53 07 2b 073 004 70").ok


def test_format_groups_like_the_carte_vitale():
    assert format_ins("255081416802538") == "2 55 08 14 168 025 38"
    assert format_ins("253072b07300470") == "2 53 07 2B 073 004 70"
    assert format_ins("2550814168025") == "2 55 08 14 168 025"
    assert format_ins("25508") == "25508"  # half typed: left alone


# --- Soft check against the patient's traits ---------------------------------------------


def test_an_ins_that_agrees_with_the_patient_gives_no_warning():
    assert ins_matches_patient("2 55 08 14 168 025 38", "F", date(1955, 8, 21)) == []


def test_an_ins_of_the_other_sex_is_flagged():
    assert ins_matches_patient("2 55 08 14 168 025 38", "M", date(1955, 8, 21)) == ["sex"]


def test_birth_year_and_month_disagreements_are_flagged():
    warnings = ins_matches_patient("2 55 08 14 168 025 38", "F", date(1956, 9, 1))
    assert warnings == ["year", "month"]
    assert match_warning_message("year").startswith("L'année")
    assert match_warning_message("month", "en").startswith("The INS birth month")


def test_an_unknown_birth_month_in_the_ins_is_not_compared():
    # Month 72 (ANS DUI example, Jean DUPONT born 1947-04-03): INSEE special month.
    assert ins_matches_patient("147720425367411", "M", date(1947, 4, 3)) == []


def test_provisional_sex_digits_read_odd_as_male():
    ins = _with_key("7550899352025")
    assert ins_matches_patient(ins, "M", date(1955, 8, 1)) == []
    assert ins_matches_patient(ins, "F", date(1955, 8, 1)) == ["sex"]


def test_unknown_patient_sex_or_unreadable_ins_gives_no_warning():
    assert ins_matches_patient("2 55 08 14 168 025 38", "U", date(1955, 8, 21)) == []
    assert ins_matches_patient("2 55 08", "M", date(2000, 1, 1)) == []


# --- Properties -------------------------------------------------------------------------


@st.composite
def valid_nirs(draw: st.DrawFn) -> str:
    sex = draw(st.sampled_from("12"))
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    department = draw(st.sampled_from(
        [f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"]))
    commune = draw(st.integers(1, 999))
    order = draw(st.integers(1, 999))
    return _with_key(f"{sex}{year:02d}{month:02d}{department}{commune:03d}{order:03d}")


@given(valid_nirs())
def test_generated_nirs_validate_and_survive_formatting(nir):
    assert validate_ins(nir).ok
    assert validate_ins(format_ins(nir)).ok
    assert normalize_nir(format_ins(nir)) == nir


@given(valid_nirs(), st.data())
def test_any_single_digit_changed_is_caught(nir, data):
    positions = [i for i, c in enumerate(nir) if c.isdecimal()]
    position = data.draw(st.sampled_from(positions))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != nir[position]]))
    typo = nir[:position] + digit + nir[position + 1:]
    assert not validate_ins(typo).ok


@given(valid_nirs(), st.data())
def test_two_swapped_neighbouring_digits_are_caught(nir, data):
    pairs = [i for i in range(12) if nir[i].isdecimal() and nir[i + 1].isdecimal()
             and nir[i] != nir[i + 1]]
    if not pairs:
        return
    i = data.draw(st.sampled_from(pairs))
    swapped = nir[:i] + nir[i + 1] + nir[i] + nir[i + 2:]
    assert not validate_ins(swapped).ok


@given(st.sampled_from("12"), st.integers(0, 99), st.integers(1, 12),
       st.integers(1, 999), st.integers(1, 999))
def test_corsica_roundtrip(sex, year, month, commune, order):
    body = f"{sex}{year:02d}{month:02d}{{}}{commune:03d}{order:03d}"
    south, north = body.format("2A"), body.format("2B")
    assert nir_key(south) == nir_key(body.format("19"))
    assert nir_key(north) == nir_key(body.format("18"))
    ins = _with_key(south)
    assert validate_ins(ins.lower()).ok
    assert validate_ins(format_ins(ins)).ok
    # Mixing up Corse-du-Sud and Haute-Corse is caught by the key.
    assert validate_ins(ins.replace("2A", "2B", 1)).reason is Reason.KEY


# --- RPPS ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rpps",
    [
        # Example in the README of the rppsapi SDK (packagist qrcommunication/rppsapi).
        "10005173140",
        # Computed (no published fictitious RPPS found): Luhn digit of 1000000000 is 9;
        # the benchmarks' synthetic practitioner uses it.
        "10000000009",
        "100 051 731 40",
    ],
)
def test_luhn_valid_rpps_numbers_are_accepted(rpps):
    check = validate_rpps(rpps)
    assert check.ok and check.reason is Reason.OK


@pytest.mark.parametrize(
    ("rpps", "reason"),
    [
        # FR Core IG (Interop'Santé) Practitioner example "N° RPPS 10101201234": an
        # illustrative number that does not pass the Luhn check.
        ("10101201234", Reason.KEY),
        ("10005173141", Reason.KEY),
        ("1000517314", Reason.LENGTH),
        ("810005173140", Reason.LENGTH),  # the 12-digit idNat_PS, not the RPPS itself
        ("1000517314A", Reason.CHARACTERS),
        ("", Reason.EMPTY),
    ],
)
def test_bad_rpps_numbers_are_refused(rpps, reason):
    check = validate_rpps(rpps)
    assert not check.ok and check.reason is reason
    assert check.message_fr and check.message_en


def test_rpps_formatting():
    assert format_rpps("10005173140") == "100 051 731 40"
    assert format_rpps("1000") == "1000"


@given(st.text("0123456789", min_size=10, max_size=10), st.data())
def test_rpps_single_digit_typos_are_caught(body, data):
    rpps = body + str(luhn_check_digit(body))
    assert validate_rpps(rpps).ok
    position = data.draw(st.integers(0, 10))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != rpps[position]]))
    assert not validate_rpps(rpps[:position] + digit + rpps[position + 1:]).ok


def test_luhn_check_digit_matches_the_textbook_example():
    # Wikipedia "Luhn algorithm": 7992739871 -> check digit 3.
    assert luhn_check_digit("7992739871") == 3


# --- ADELI -----------------------------------------------------------------------------

# SESAM-Vitale test CPS cards (fictitious practitioners BIDE Jean, DUNERF Yan, ...), as
# dumped in MedinTux: Hylandras/medintuxGP Programmes/QFseVitale/bin/Ressources/cps/.
TEST_CARD_ADELI = ["991023763", "991091976", "991086265", "991038431", "991084948",
                   "991011974", "991049453", "991068040", "991098179"]


@pytest.mark.parametrize("adeli", TEST_CARD_ADELI)
def test_adeli_numbers_of_the_test_cps_cards_are_accepted(adeli):
    check = validate_adeli(adeli)
    assert check.ok and check.reason is Reason.OK


@pytest.mark.parametrize(
    ("adeli", "reason"),
    [
        ("991023764", Reason.KEY),
        ("991032763", Reason.KEY),  # two digits swapped
        ("99102376", Reason.LENGTH),
        ("9910237630", Reason.LENGTH),
        ("2C1023763", Reason.CHARACTERS),
        ("99A023763", Reason.CHARACTERS),
        ("", Reason.EMPTY),
    ],
)
def test_bad_adeli_numbers_are_refused(adeli, reason):
    check = validate_adeli(adeli)
    assert not check.ok and check.reason is reason


def test_corsican_adeli_is_accepted_with_its_key_unverified():
    # No published rule for the Luhn digit over 2A/2B: accepted, but the UI is told.
    check = validate_adeli("2A 1 02376 3")
    assert check.ok
    assert check.reason is Reason.KEY_NOT_CHECKED
    assert "Corse" in check.message_fr
