"""Passphrase strength: zxcvbn's estimate, with a French word list, as refusal codes."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tsn_desktop.core.paths import resources_dir

MIN_PASSPHRASE_LENGTH = 12
# 10^10 guesses: over a century of offline guessing at the ~2 guesses/s one core gets
# through scrypt n=2**17 (and still months for a rig of a thousand cores).
MIN_GUESSES_LOG10 = 10.0
# zxcvbn refuses longer input; what lies past it can only add strength.
_ZXCVBN_MAX = 72
WORD_LIST = "passphrase/fr_words.txt"


@dataclass(frozen=True)
class Strength:
    guesses_log10: float
    # Why it is guessable, most telling first: common_word, personal, keyboard, sequence,
    # repeat, date. Empty when nothing in particular.
    weaknesses: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.guesses_log10 >= MIN_GUESSES_LOG10


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def french_words() -> tuple[str, ...]:
    """The shipped French list, in rank order, with each word also without its accents."""
    words: list[str] = []
    seen: set[str] = set()
    text = (resources_dir() / WORD_LIST).read_text("utf-8")
    for line in text.splitlines():
        word = line.strip().casefold()
        if not word or word.startswith("#"):
            continue
        for variant in (word, _plain(word)):
            if variant not in seen:
                seen.add(variant)
                words.append(variant)
    return tuple(words)


@functools.cache
def _zxcvbn():  # noqa: ANN202 - zxcvbn ships no types
    from zxcvbn import matching, zxcvbn

    matching.add_frequency_lists({"french": list(french_words())})
    return zxcvbn


_PATTERN_CODES = {"spatial": "keyboard", "sequence": "sequence", "repeat": "repeat",
                  "date": "date", "regex": "date"}


def estimate(passphrase: str, personal: Iterable[str] = ()) -> Strength:
    """How many guesses the passphrase would take, and what makes it guessable.

    `personal`: the practitioner's own names, RPPS, city: counted as the first words an
    attacker who knows the practice would try."""
    personal_words = [v for text in personal for w in _words(text) for v in {w, _plain(w)}]
    result = _zxcvbn()(passphrase[:_ZXCVBN_MAX], user_inputs=personal_words)
    found: list[str] = []
    for match in result["sequence"]:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            code = "personal" if match.get("dictionary_name") == "user_inputs" else "common_word"
        else:
            code = _PATTERN_CODES.get(pattern, "")
        if code and code not in found:
            found.append(code)
    order = ("personal", "common_word", "keyboard", "sequence", "repeat", "date")
    return Strength(float(result["guesses_log10"]),
                    tuple(sorted(found, key=order.index)))


def _words(text: str) -> Sequence[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split() if len(w) > 2]


def passphrase_problem(passphrase: str, personal: Iterable[str] = ()) -> str | None:
    """Why a passphrase is refused (a code the UI words), or None when acceptable.

    Codes: too_short, surrounding_spaces, too_repetitive, and for a long but guessable
    one the first weakness found prefixed by "guessable:" (guessable:common_word, ...)."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return "too_short"
    if passphrase.strip() != passphrase:
        return "surrounding_spaces"
    if len(set(passphrase)) < 5:
        return "too_repetitive"
    strength = estimate(passphrase, personal)
    if not strength.acceptable:
        return "guessable:" + (strength.weaknesses[0] if strength.weaknesses else "short_words")
    return None
