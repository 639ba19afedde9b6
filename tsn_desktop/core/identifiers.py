"""French health identifiers: INS matricule (NIR/NIA + key), RPPS and ADELI; pure functions.

Sources for the rules below:
- NIR key = 97 - (13-digit number mod 97); Corsica 2A -> 19, 2B -> 18 before computing:
  python-stdnum `stdnum/fr/nir.py`, which cites INSEE (xml.insee.fr/schema/nir.html) and
  fr.wikipedia "Numéro de sécurité sociale en France". The department sits on the 10^7 and 10^6
  places of the 13-digit number, so "2A" -> "19" is the same as reading A as 0 and
  subtracting 1 000 000 (2B: subtracting 2 000 000); the two wordings found in the
  literature agree, and a test proves it.
- NIR structure (sex 1-4/7/8; month 01-12, 20-42, 50-99; place 2-digit department +
  3-digit commune, 97x/98x + 2-digit commune, 99 + 3-digit country; order 001-999):
  the validation used in production by the Plateforme de l'inclusion (itou `NIR` class).
- RPPS: 11 digits, Luhn over all 11 (the last digit is the Luhn check digit).
- ADELI: 9 characters, Luhn over all 9; verified on the SESAM-Vitale test CPS cards
  shipped with MedinTux (e.g. 99 1 02376 3). Corsica (2A/2B): see `validate_adeli`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# Separators people type or paste: spaces (incl. no-break), dots, hyphens and dashes.
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015]+")


class Reason(StrEnum):
    """Why an identifier was refused; the value is the stable code stored with a problem."""

    OK = "ok"
    EMPTY = "empty"
    CHARACTERS = "characters"
    LENGTH = "length"
    KEY_MISSING = "key_missing"
    SEX = "sex"
    MONTH = "month"
    PLACE = "place"
    ORDER = "order"
    KEY = "key"
    # Accepted, but the check digit could not be verified (Corsican ADELI, see below).
    KEY_NOT_CHECKED = "key_not_checked"


@dataclass(frozen=True, slots=True)
class IdentifierCheck:
    """The verdict on one identifier: `value` is the normalized text either way, `kind`
    which identifier was checked ("ins", "rpps" or "adeli"). The words for the reason
    live in the UI (tsn_desktop/ui/wording.py)."""

    ok: bool
    reason: Reason
    value: str
    kind: str = ""


# The name the patient feature uses for INS results.
InsCheck = IdentifierCheck

INS = "ins"
RPPS = "rpps"
ADELI = "adeli"

_SEX_DIGITS = frozenset("123478")


def normalize_nir(text: str) -> str:
    """Strips spaces, dots and dashes and upper-cases: ' 2 55 08-2a ' -> '255082A'."""
    return _SEPARATORS.sub("", text).upper()


def _nir_number(nir13: str) -> int:
    """The 13 characters as the integer the key is computed on (Corsica rule applied)."""
    department = nir13[5:7]
    if department == "2A":
        nir13 = nir13[:5] + "19" + nir13[7:]
    elif department == "2B":
        nir13 = nir13[:5] + "18" + nir13[7:]
    return int(nir13)


def nir_key(nir13: str) -> int:
    """The 2-digit key (1..97) of a 13-character NIR; 2A/2B departments allowed.

    Raises ValueError when the text is not 13 digits (2A/2B allowed in place 6-7)."""
    nir13 = normalize_nir(nir13)
    if not _nir13_characters_ok(nir13):
        raise ValueError(f"not a 13-character NIR: {nir13!r}")
    return 97 - _nir_number(nir13) % 97


def _nir13_characters_ok(nir13: str) -> bool:
    return (
        len(nir13) == 13
        and nir13[:5].isdecimal()
        and nir13[7:].isdecimal()
        and (nir13[5:7].isdecimal() or nir13[5:7] in ("2A", "2B"))
        and nir13.isascii()
    )


def _structure_problem(nir: str) -> Reason | None:
    """Sex, month, place and order checks on 13+ well-formed characters."""
    if nir[0] not in _SEX_DIGITS:
        return Reason.SEX
    month = int(nir[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return Reason.MONTH
    place = nir[5:10]
    if place.startswith(("2A", "2B")):
        place_ok = place[2:] != "000"
    elif place.startswith(("97", "98")):
        # Overseas: 3-digit department, 2-digit commune.
        place_ok = place[3:] != "00"
    elif place.startswith("99"):
        place_ok = place[2:] != "000"  # 99 + INSEE country code
    else:
        # 01-96: metropolitan departments, 20 before the 1976 Corsica split, and
        # 91-96 also for Algeria, Morocco and Tunisia before independence.
        place_ok = 1 <= int(place[:2]) <= 96 and place[2:] != "000"
    if not place_ok:
        return Reason.PLACE
    if nir[10:13] == "000":
        return Reason.ORDER
    return None


def _ins_result(reason: Reason, value: str) -> IdentifierCheck:
    # The key's words deliberately never reveal the expected key: copying it would turn
    # a detected typo in the 13 digits into a valid-looking, wrong INS.
    return IdentifierCheck(reason is Reason.OK, reason, value, INS)


def validate_ins(text: str) -> IdentifierCheck:
    """Checks an INS matricule (NIR or NIA, 15 characters): characters, length,
    structure, then the key. Only the first problem found is reported."""
    nir = normalize_nir(text)
    if not nir:
        return _ins_result(Reason.EMPTY, nir)
    if not nir.isascii() or not nir.isalnum():
        return _ins_result(Reason.CHARACTERS, nir)
    if len(nir) == 13:
        reason = Reason.KEY_MISSING if _nir13_characters_ok(nir) else Reason.CHARACTERS
        return _ins_result(reason, nir)
    if len(nir) != 15:
        return _ins_result(Reason.LENGTH, nir)
    if not _nir13_characters_ok(nir[:13]) or not nir[13:].isdecimal():
        return _ins_result(Reason.CHARACTERS, nir)
    problem = _structure_problem(nir)
    if problem is not None:
        return _ins_result(problem, nir)
    if int(nir[13:]) != 97 - _nir_number(nir[:13]) % 97:
        return _ins_result(Reason.KEY, nir)
    return _ins_result(Reason.OK, nir)


def format_ins(text: str) -> str:
    """'184127645108946' -> '1 84 12 76 451 089 46', the carte Vitale grouping.

    Text that is not 13 or 15 characters comes back normalized but ungrouped, so a
    field being typed is never mangled."""
    nir = normalize_nir(text)
    if len(nir) not in (13, 15):
        return nir
    groups = [nir[0], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]]
    return " ".join(g for g in groups if g)


def ins_matches_patient(ins: str, sex: str, birth_date: date) -> list[str]:
    """Soft check of an INS against the patient's traits: codes of what disagrees.

    Returns some of "sex", "year", "month" (words: `ui.wording.ins_match_text`). Reads only
    what the INS states: an unknown-month code (20-42, 50-99) or a sex other than F/M is
    not compared. Text that is not a well-formed INS gives [] (`validate_ins` says why)."""
    nir = normalize_nir(ins)
    if len(nir) != 15 or not _nir13_characters_ok(nir[:13]):
        return []
    warnings: list[str] = []
    sex = sex.strip().upper()
    if nir[0] in _SEX_DIGITS and sex in ("F", "M"):
        ins_sex = "M" if int(nir[0]) % 2 else "F"
        if ins_sex != sex:
            warnings.append("sex")
    if int(nir[1:3]) != birth_date.year % 100:
        warnings.append("year")
    month = int(nir[3:5])
    if 1 <= month <= 12 and month != birth_date.month:
        warnings.append("month")
    return warnings


# --- RPPS and ADELI ---------------------------------------------------------------


def luhn_checksum_ok(digits: str) -> bool:
    """True when the digit string (check digit last) passes the Luhn test."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def luhn_check_digit(digits: str) -> int:
    """The Luhn digit to append to `digits` (its last digit will be doubled)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def _result(kind: str, reason: Reason, value: str, ok: bool = False) -> IdentifierCheck:
    return IdentifierCheck(ok, reason, value, kind)


def _refused_shape(kind: str, value: str, characters_ok: bool, length: int
                   ) -> IdentifierCheck | None:
    """The first check of an RPPS or ADELI number: empty, characters, length; None when
    its shape is right."""
    if not value:
        return _result(kind, Reason.EMPTY, value)
    if not characters_ok:
        return _result(kind, Reason.CHARACTERS, value)
    if len(value) != length:
        return _result(kind, Reason.LENGTH, value)
    return None


def validate_rpps(text: str) -> IdentifierCheck:
    """An RPPS number: 11 digits whose last is the Luhn check digit of the whole."""
    value = normalize_nir(text)
    refused = _refused_shape(RPPS, value, value.isascii() and value.isdecimal(), 11)
    if refused is not None:
        return refused
    if not luhn_checksum_ok(value):
        return _result(RPPS, Reason.KEY, value)
    return _result(RPPS, Reason.OK, value, ok=True)


def format_rpps(text: str) -> str:
    """'10005173140' -> '100 051 731 40' for reading aloud; the national directory
    prints it ungrouped, so store and send the normalized form."""
    value = normalize_nir(text)
    if len(value) != 11:
        return value
    return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}"


def validate_adeli(text: str) -> IdentifierCheck:
    """An ADELI number: department (2 digits, or 2A/2B), profession category (1 digit),
    order (5 digits), Luhn check digit over the whole 9.

    Corsica: no published rule says how the Luhn digit treats the letters of 2A/2B,
    so those numbers are accepted on their structure alone with `KEY_NOT_CHECKED`
    (refusing a real practitioner's number would be worse than missing a typo in a
    rare, legacy identifier that RPPS is replacing)."""
    value = normalize_nir(text)
    refused = _refused_shape(ADELI, value, value.isascii() and value.isalnum(), 9)
    if refused is not None:
        return refused
    corsican = value[:2] in ("2A", "2B")
    if not value[2:].isdecimal() or not (corsican or value[:2].isdecimal()):
        return _result(ADELI, Reason.CHARACTERS, value)
    if corsican:
        return _result(ADELI, Reason.KEY_NOT_CHECKED, value, ok=True)
    if not luhn_checksum_ok(value):
        return _result(ADELI, Reason.KEY, value)
    return _result(ADELI, Reason.OK, value, ok=True)
