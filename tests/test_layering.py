"""The dependency rules of ../shared/DESIGN.md, checked on the imports of every module
(found by globbing, so a new feature is checked the day it lands): clinical rules stay
plain functions (no Qt, SQL or network), sync/ and core/ import no feature, a feature
imports no other feature's store or ui, ui code imports no store, and the feature
descriptions load no Qt (the command line reads them for `--help`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "tsn_desktop"
SHARED = ("core", "sync", "ui", "i18n")
# A feature is a package of tsn_desktop with a Feature description.
FEATURES = sorted(p.parent.name for p in PACKAGE.glob("*/feature.py"))
PLAIN = ("PySide6", "shiboken6", "sqlcipher3", "sqlite3", "requests", "urllib", "http",
         "socket", "tsn_desktop.core.db", "tsn_desktop.core.executor")
# Modules that hold clinical or domain rules as plain functions, wherever they live.
PURE_NAMES = ("model.py", "engine.py", "schedule.py", "identifiers.py", "alerts.py",
              "recurrence.py", "rules.py")
ALL = sorted(PACKAGE.rglob("*.py"))
PURE = [p for p in ALL if p.name in PURE_NAMES
        and (p.relative_to(PACKAGE).parts[0] in FEATURES or p.parent.name == "core")]


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """Modules imported at run time (an `if TYPE_CHECKING:` block imports nothing)."""
    found: set[str] = set()
    tree = ast.parse(path.read_text("utf-8"))

    def visit(node: ast.AST, depth: int) -> None:
        if _is_type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        if top_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef
                                         | ast.Lambda):
            return
        for child in ast.iter_child_nodes(node):
            visit(child, depth + 1)

    visit(tree, 0)
    return found


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _feature_of(path: Path) -> str | None:
    top = path.relative_to(PACKAGE).parts[0]
    return top if top in FEATURES else None


def test_the_globs_find_the_features_and_the_pure_modules() -> None:
    assert {"patients", "vaccination"} <= set(FEATURES)
    # sync/engine.py is the sync machinery (it writes the database), not a clinical rule.
    assert {"vaccination/engine.py", "patients/model.py", "core/identifiers.py"} <= {
        _name(p) for p in PURE}


@pytest.mark.parametrize("path", [p for p in ALL if p.relative_to(PACKAGE).parts[0]
                                  in ("sync", "core")], ids=_name)
def test_core_and_sync_import_no_feature(path: Path) -> None:
    bad = {m for m in imports(path) for f in FEATURES if _under(m, f"tsn_desktop.{f}")}
    assert not bad, f"{_name(path)} imports {bad}: pass it in through the Feature seam"


@pytest.mark.parametrize("path", [p for p in ALL if _feature_of(p)], ids=_name)
def test_a_feature_imports_no_other_features_store_or_ui(path: Path) -> None:
    own = _feature_of(path)
    bad = {m for m in imports(path) for f in FEATURES if f != own
           for room in ("store", "ui") if _under(m, f"tsn_desktop.{f}.{room}")}
    assert not bad, f"{_name(path)} imports {bad}: use that feature's service"


@pytest.mark.parametrize("path", [p for p in ALL if "ui" in p.relative_to(PACKAGE).parts],
                         ids=_name)
def test_ui_code_imports_no_store(path: Path) -> None:
    bad = {m for m in imports(path) if m.endswith(".store") or ".store." in m}
    assert not bad, f"{_name(path)} imports {bad}: the UI asks the service"


@pytest.mark.parametrize("path", PURE, ids=_name)
def test_models_and_engines_import_no_qt_sql_or_network(path: Path) -> None:
    bad = {m for m in imports(path) for p in PLAIN if _under(m, p)}
    assert not bad, f"{_name(path)} imports {bad}"


@pytest.mark.parametrize("path", [PACKAGE / "feature.py", PACKAGE / "features.py",
                                  *sorted(PACKAGE.glob("*/feature.py"))], ids=_name)
def test_feature_descriptions_load_no_qt_when_imported(path: Path) -> None:
    bad = {m for m in imports(path, top_level_only=True)
           for p in ("PySide6", "shiboken6", "sqlcipher3") if _under(m, p)}
    assert not bad, f"{_name(path)} imports {bad} at import time: import in the factory"
