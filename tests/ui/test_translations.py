"""French is the default language: every string the code shows must be in the French
catalogue, translated, with real plural forms, and the shipped .qm must be built from it.

A string added in code without its translation shows up in English in a French
practitioner's window; these tests catch it before it ships.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from tsn_desktop.i18n.update import QM_DIR, ROOT, TS_DIR, sources, tool
from tsn_desktop.patients.ui.texts import age_text

Key = tuple[str, str, str]  # context, source, disambiguation comment


def _messages(ts: Path) -> dict[Key, ET.Element]:
    found: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


@pytest.fixture(scope="module")
def from_code(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """What pyside6-lupdate finds in the code today, into a fresh catalogue."""
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(fresh)], cwd=ROOT,
                   check=True, capture_output=True)
    return _messages(fresh)


def test_every_string_of_the_code_is_in_the_french_catalogue(from_code) -> None:
    french = _messages(TS_DIR / "tsn_desktop_fr.ts")
    missing = sorted(set(from_code) - set(french))
    assert not missing, f"run `make translations` and translate: {missing[:10]}"


def test_every_french_message_is_translated(from_code) -> None:
    untranslated = []
    for key, message in _messages(TS_DIR / "tsn_desktop_fr.ts").items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [
            translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
                f.strip() for f in forms):
            untranslated.append(key)
    assert not untranslated, untranslated[:10]


def test_counted_messages_have_plural_forms_in_both_languages(from_code) -> None:
    """"%n" strings must reach the catalogue as plural messages, or Qt shows the source."""
    counted = {k for k in from_code if "%n" in k[1] or "%Ln" in k[1]}
    assert counted, "the code has no counted string: the scan found nothing"
    for language in ("fr", "en"):
        messages = _messages(TS_DIR / f"tsn_desktop_{language}.ts")
        for key in counted:
            forms = messages[key].findall("translation/numerusform")
            assert messages[key].get("numerus") == "yes" and len(forms) == 2, (language, key)
            # The singular may be worded without the number ("Premier résultat"), the
            # plural may not.
            assert all(f.text for f in forms), (language, key)
            assert re.search(r"%L?n", forms[-1].text or ""), (language, key)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_shipped_qm_is_built_from_the_catalogue(language: str, tmp_path: Path) -> None:
    built = tmp_path / f"tsn_desktop_{language}.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS_DIR / f"tsn_desktop_{language}.ts"),
                    "-qm", str(built)], check=True, capture_output=True)
    shipped = QM_DIR / f"tsn_desktop_{language}.qm"
    assert built.read_bytes() == shipped.read_bytes(), "run `make translations`"


TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("birth", "expected"), [
    (date(1992, 3, 23), "34 ans"),
    (date(2024, 11, 23), "2 ans"),
    (date(2025, 11, 24), "11 mois"),
    (date(2026, 10, 23), "1 mois"),
    (date(2026, 11, 22), "1 jour"),
    (date(2026, 11, 18), "5 jours"),
])
def test_ages_read_as_french(french, birth: date, expected: str) -> None:
    assert age_text(birth, TODAY) == expected


@pytest.mark.parametrize(("birth", "expected"), [
    (date(1992, 3, 23), "34 years"),
    (date(2026, 10, 23), "1 month"),
    (date(2026, 11, 18), "5 days"),
])
def test_ages_read_as_english(english, birth: date, expected: str) -> None:
    assert age_text(birth, TODAY) == expected
