"""INS (NIR + key), RPPS and ADELI: published examples first, then properties.

The checks return codes; the tests that read the words a clinician sees take them from
tsn_desktop/ui/wording.py under the French or English catalogue."""

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
    nir_key,
    normalize_nir,
    validate_adeli,
    validate_ins,
    validate_rpps,
)
from tsn_desktop.ui.wording import (
    adeli_check_text,
    identifier_check_text,
    ins_check_text,
    ins_match_text,
    rpps_check_text,
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


@pytest.mark.gui  # reads the Qt catalogue
def test_an_accepted_ins_has_no_problem_to_say(french):
    assert ins_check_text(validate_ins(PUBLISHED_VALID_INS[0]).reason) == ""
    assert identifier_check_text(validate_ins(PUBLISHED_VALID_INS[0])) == ""


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


# The words a clinician reads for each reason, (French, English).
INS_WORDS = {
    Reason.EMPTY: ("Matricule INS vide.", "The INS number is empty."),
    Reason.CHARACTERS: (
        "Caractères invalides : seuls des chiffres sont attendus (2A ou 2B pour la Corse).",
        "Invalid characters: digits only (2A or 2B for Corsica).",
    ),
    Reason.LENGTH: (
        "Le matricule INS comporte 15 caractères (13 + une clé de 2 chiffres).",
        "An INS number has 15 characters (13 + a 2-digit key).",
    ),
    Reason.KEY_MISSING: (
        "Clé manquante : ajoutez les 2 derniers chiffres du matricule.",
        "Key missing: add the last 2 digits of the number.",
    ),
    Reason.SEX: (
        "Premier chiffre invalide (1 ou 2 attendu ; 3, 4, 7 ou 8 pour un numéro provisoire).",
        "Invalid first digit (1 or 2; 3, 4, 7 or 8 for a provisional number).",
    ),
    Reason.MONTH: ("Mois de naissance invalide.", "Invalid birth month."),
    Reason.PLACE: ("Lieu de naissance invalide.", "Invalid place of birth."),
    Reason.ORDER: ("Numéro d'ordre invalide (000).", "Invalid order number (000)."),
    Reason.KEY: (
        "Clé invalide : un chiffre a probablement été mal saisi, relisez le matricule.",
        "Invalid key: a digit was probably mistyped, check the number again.",
    ),
}


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("reason", list(INS_WORDS))
def test_each_ins_reason_reads_in_french(french, reason):
    assert ins_check_text(reason) == INS_WORDS[reason][0]


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("reason", list(INS_WORDS))
def test_each_ins_reason_reads_in_english(english, reason):
    assert ins_check_text(reason) == INS_WORDS[reason][1]


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


@pytest.mark.gui  # reads the Qt catalogue
def test_the_key_message_does_not_give_away_the_expected_key_in_french(french):
    # Copying a suggested key would turn the typo into a valid-looking wrong INS.
    check = validate_ins("2 55 08 14 168 026 38")  # order typed 026 instead of 025
    expected = f"{nir_key('2550814168026'):02d}"
    assert check.reason is Reason.KEY
    assert expected not in identifier_check_text(check)
    assert "Clé invalide" in identifier_check_text(check)


@pytest.mark.gui  # reads the Qt catalogue
def test_the_key_message_does_not_give_away_the_expected_key_in_english(english):
    check = validate_ins("2 55 08 14 168 026 38")
    assert f"{nir_key('2550814168026'):02d}" not in identifier_check_text(check)
    assert identifier_check_text(check).startswith("Invalid key")


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


@pytest.mark.gui  # reads the Qt catalogue
def test_the_year_disagreement_reads_in_french(french):
    assert ins_match_text("year").startswith("L'année")


@pytest.mark.gui  # reads the Qt catalogue
def test_the_month_disagreement_reads_in_english(english):
    assert ins_match_text("month").startswith("The INS birth month")


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


RPPS_WORDS = {
    "10005173141": ("Numéro RPPS invalide : un chiffre a probablement été mal saisi.",
                    "Invalid RPPS number: a digit was probably mistyped."),
    "1000517314": ("Le numéro RPPS comporte 11 chiffres.", "An RPPS number has 11 digits."),
    "1000517314A": ("Le numéro RPPS ne contient que des chiffres.",
                    "An RPPS number has digits only."),
    "": ("Numéro RPPS vide.", "The RPPS number is empty."),
}


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("rpps", list(RPPS_WORDS))
def test_each_refused_rpps_says_why_in_french(french, rpps):
    assert identifier_check_text(validate_rpps(rpps)) == RPPS_WORDS[rpps][0]


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("rpps", list(RPPS_WORDS))
def test_each_refused_rpps_says_why_in_english(english, rpps):
    check = validate_rpps(rpps)
    assert identifier_check_text(check) == rpps_check_text(check.reason) == RPPS_WORDS[rpps][1]


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


@pytest.mark.gui  # reads the Qt catalogue
def test_corsican_adeli_is_accepted_with_its_key_unverified(french):
    # No published rule for the Luhn digit over 2A/2B: accepted, but the UI is told.
    check = validate_adeli("2A 1 02376 3")
    assert check.ok
    assert check.reason is Reason.KEY_NOT_CHECKED
    assert "Corse" in identifier_check_text(check)


ADELI_WORDS = {
    "991023764": ("Numéro ADELI invalide : un chiffre a probablement été mal saisi.",
                  "Invalid ADELI number: a digit was probably mistyped."),
    "99102376": ("Le numéro ADELI comporte 9 caractères.", "An ADELI number has 9 characters."),
    "99A023763": ("Le numéro ADELI ne contient que des chiffres (2A ou 2B pour la Corse).",
                  "An ADELI number has digits only (2A or 2B for Corsica)."),
    "": ("Numéro ADELI vide.", "The ADELI number is empty."),
    "2A1023763": ("Numéro ADELI de Corse : la clé n'a pas pu être vérifiée, relisez-le.",
                  "Corsican ADELI number: its check digit could not be verified, check it "
                  "again."),
}


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("adeli", list(ADELI_WORDS))
def test_each_adeli_verdict_reads_in_french(french, adeli):
    assert identifier_check_text(validate_adeli(adeli)) == ADELI_WORDS[adeli][0]


@pytest.mark.gui  # reads the Qt catalogue
@pytest.mark.parametrize("adeli", list(ADELI_WORDS))
def test_each_adeli_verdict_reads_in_english(english, adeli):
    check = validate_adeli(adeli)
    assert identifier_check_text(check) == adeli_check_text(check.reason) == ADELI_WORDS[adeli][1]
