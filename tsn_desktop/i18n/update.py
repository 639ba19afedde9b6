"""Refreshes i18n/*.ts from the code (pyside6-lupdate) and builds tsn_desktop/i18n/*.qm.

Run from anywhere: `python -m tsn_desktop.i18n.update` (or `make translations`). Then
translate the new entries with Qt Linguist (`pyside6-linguist i18n/tsn_desktop_fr.ts`) and
run it again to rebuild the .qm files, which are committed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
ROOT = PACKAGE.parent
TS_DIR = ROOT / "i18n"
QM_DIR = PACKAGE / "i18n"
LANGUAGES = ("fr", "en")


def tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    """What pyside6-lupdate scans (relative to the project root)."""
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def main() -> int:
    ts_files = [str((TS_DIR / f"tsn_desktop_{lang}.ts").relative_to(ROOT)) for lang in LANGUAGES]
    TS_DIR.mkdir(exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), "-locations", "relative", "-no-obsolete", *sources(),
                    "-ts", *ts_files], cwd=ROOT, check=True)
    for lang, ts in zip(LANGUAGES, ts_files, strict=True):
        subprocess.run([tool("pyside6-lrelease"), ts, "-qm",
                        str(QM_DIR / f"tsn_desktop_{lang}.qm")], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
