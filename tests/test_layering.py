"""The dependency rules of ../shared/DESIGN.md, checked on the imports themselves:
clinical rules stay plain functions (no Qt, SQL or network), sync/ imports no feature."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tsn_desktop"
FEATURES = ("patients", "vaccination", "readings", "network", "agenda")
PLAIN = ("PySide6", "shiboken6", "sqlcipher3", "sqlite3", "requests", "urllib", "http",
         "socket", "tsn_desktop.core.db", "tsn_desktop.core.executor")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("path", sorted((PACKAGE / "sync").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sync_imports_no_feature(path: Path) -> None:
    bad = {m for m in imports(path) for f in FEATURES if _under(m, f"tsn_desktop.{f}")}
    assert not bad, f"{path.name} imports {bad}: pass it in from app.py instead"


PURE = [PACKAGE / "patients" / "model.py", PACKAGE / "vaccination" / "engine.py",
        PACKAGE / "vaccination" / "schedule.py", PACKAGE / "core" / "identifiers.py"]


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_models_and_engines_import_no_qt_sql_or_network(path: Path) -> None:
    bad = {m for m in imports(path) for p in PLAIN if _under(m, p)}
    assert not bad, f"{path.name} imports {bad}"
