"""French is the default language: every string the code shows must be in the French
catalogue, translated, with real plural forms, and the shipped .qm must be built from it.

A string added in code without its translation shows up in English in a French
practitioner's window; these tests catch it before it ships.
"""

from __future__ import annotations

import ast
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tsn_desktop.i18n.update import QM_DIR, ROOT, TS_DIR, sources, tool

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


# --- what Python itself sees: every translation call, found with the ast module ------------
# pyside6-lupdate has its own, partial Python parser: a call it cannot read is skipped
# without a word, so comparing the catalogue with lupdate's output alone misses it. That
# is how the duplicate warning ("%n patient(s) with the same name...") reached French
# users in English: QCoreApplication.translate("...", "...", "", len(duplicates)) is
# dropped by lupdate (a call as the count), so it was in neither catalogue.

Call = tuple[str, int, Key, bool]  # file, line, key, counted


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


class _TranslationCalls(ast.NodeVisitor):
    def __init__(self, filename: str, lines: list[str] | None = None) -> None:
        self.filename = filename
        self.lines = lines or []
        self.classes: list[str] = []
        self.calls: list[Call] = []
        self.unreadable: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast API
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        args = list(node.args)
        where = f"{self.filename}:{node.lineno}"
        if name == "tr" and isinstance(func, ast.Attribute) and args:
            # self.tr(source, comment, n): lupdate files it under the enclosing class.
            context = self.classes[-1] if self.classes else ""
            self._add(where, context, args[0], args[1] if len(args) > 1 else None,
                      len(args) > 2)
        elif name == "translate" and len(args) >= 2 and _literal(args[0]) is not None:
            if _literal(args[1]) is None and self._marked_elsewhere(node.lineno):
                pass  # a title marked where it is declared, with QT_TRANSLATE_NOOP
            else:
                self._add(where, _literal(args[0]) or "", args[1],
                          args[2] if len(args) > 2 else None, len(args) > 3)
        elif name == "QT_TRANSLATE_NOOP" and len(args) == 2 and _literal(args[0]) is not None:
            self._add(where, _literal(args[0]) or "", args[1], None, False)
        self.generic_visit(node)

    def _marked_elsewhere(self, line: int) -> bool:
        """translate(context, variable) is allowed on a line that says its texts are
        marked with QT_TRANSLATE_NOOP (Feature titles: the catalogue check below sees
        the marks themselves)."""
        return 0 < line <= len(self.lines) and "QT_TRANSLATE_NOOP" in self.lines[line - 1]

    def _add(self, where: str, context: str, source: ast.expr, comment: ast.expr | None,
             counted: bool) -> None:
        text = _literal(source)
        note = "" if comment is None else _literal(comment)
        if text is None or note is None:
            # An f-string, a concatenation or a variable: no tool can collect it.
            self.unreadable.append(where)
            return
        line = int(where.rsplit(":", 1)[1])
        self.calls.append((where.rsplit(":", 1)[0], line, (context, text, note), counted))


@pytest.fixture(scope="module")
def calls_in_code() -> tuple[list[Call], list[str]]:
    calls: list[Call] = []
    unreadable: list[str] = []
    for source in sources():
        text = (ROOT / source).read_text(encoding="utf-8")
        visitor = _TranslationCalls(source, text.splitlines())
        visitor.visit(ast.parse(text, source))
        calls += visitor.calls
        unreadable += visitor.unreadable
    return calls, unreadable


def test_every_translation_call_python_sees_reaches_the_catalogue(
        from_code, calls_in_code) -> None:
    calls, _ = calls_in_code
    assert len(calls) > 100, "the scan found too few calls: it is broken"
    skipped = [f"{file}:{line} {key[1][:50]!r}" for file, line, key, _ in calls
               if key not in from_code]
    assert not skipped, ("pyside6-lupdate skips these calls (move counted strings to a "
                         f"QObject's self.tr(text, comment, n)): {skipped[:10]}")


def test_every_counted_call_is_a_plural_message(from_code, calls_in_code) -> None:
    calls, _ = calls_in_code
    counted = [(file, line, key) for file, line, key, n in calls if n]
    assert counted, "the code has no counted call: the scan found nothing"
    singular = [f"{file}:{line} {key[1][:50]!r}" for file, line, key in counted
                if key in from_code and from_code[key].get("numerus") != "yes"]
    assert not singular, f"counted but not collected as a plural: {singular[:10]}"


def test_no_translation_call_builds_its_text_at_run_time(calls_in_code) -> None:
    _, unreadable = calls_in_code
    assert not unreadable, f"tr()/translate() on a non-literal text: {unreadable[:10]}"


def test_the_scan_catches_the_duplicate_warning_mistake(tmp_path: Path) -> None:
    """The check above, on the very call that shipped in English."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def ask(box, duplicates):\n"
        "    box.setText(QCoreApplication.translate(\n"
        "        'PatientEditorDialog', '%n patient(s) with the same name', '',\n"
        "        len(duplicates)))\n", encoding="utf-8")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), str(sample), "-ts", str(fresh)],
                   check=True, capture_output=True)
    visitor = _TranslationCalls("sample.py")
    visitor.visit(ast.parse(sample.read_text(encoding="utf-8")))
    assert [key for _, _, key, counted in visitor.calls if counted] == [
        ("PatientEditorDialog", "%n patient(s) with the same name", "")]
    assert visitor.calls[0][2] not in _messages(fresh)


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
