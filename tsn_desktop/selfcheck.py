"""`tsn-desktop --self-check`: proves an installation works (encrypted database, data packs,
worker processes, translations) on invented data, then removes what it made."""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from tsn_desktop.core.clock import SystemClock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

Check = Callable[[Path], str]


def check_version(_work: Path) -> str:
    from tsn_desktop.ui.errors import app_version

    version = app_version()
    if version == "dev":
        raise RuntimeError("the package metadata (version) is not installed")
    return version


def check_database(work: Path) -> str:
    """A keyed SQLCipher file: created with every migration, unreadable without the key or
    with another one, reopened with it."""
    from tsn_desktop.core.db import Database, WrongKey, bundled_migrations

    path, key, clock = work / "check.db", secrets.token_bytes(32), SystemClock()
    db = Database.open(path, key, clock, create=True)
    cipher = db.query_one("PRAGMA cipher_version")
    db.close()
    if path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise RuntimeError("the database file is not encrypted")
    _sqlcipher_log_level("NONE")  # the wrong key is the point: SQLCipher's log would alarm
    try:
        Database.open(path, secrets.token_bytes(32), clock, profile_check=False).close()
    except WrongKey:
        pass
    else:
        raise RuntimeError("another key opened the database")
    finally:
        _sqlcipher_log_level("WARN")
    db = Database.open(path, key, clock, profile_check=False)
    version = db.schema_version()
    db.close()
    expected = max(m.version for m in bundled_migrations())
    if version != expected:
        raise RuntimeError(f"schema {version}, expected {expected}")
    return f"SQLCipher {cipher[0] if cipher else '?'}, schema {version}"


def _sqlcipher_log_level(level: str) -> None:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")  # the level is process-wide
    try:
        conn.execute(f"PRAGMA cipher_log_level = {level}")
    finally:
        conn.close()


def check_forecast(_work: Path) -> str:
    """The checksummed schedule pack, and a forecast spread over two spawned worker
    processes that answers as the same forecast in this process."""
    from tsn_desktop.vaccination.datapack import load_pack
    from tsn_desktop.vaccination.engine import AdministeredDose, CdsiPatient
    from tsn_desktop.vaccination.practice import forecast_practice

    manifest, data = load_pack()
    today = SystemClock().today()
    # Invented patients: infants, a child, adults and seniors, with and without doses.
    patients = []
    for i, age_days in enumerate((70, 130, 400, 2500, 9000, 16000, 25000, 30000)):
        dob = today - timedelta(days=age_days)
        doses = [AdministeredDose(dob + timedelta(days=61), "FR-HEXYON")] if i % 2 else []
        patients.append((f"invented-{i}", CdsiPatient(dob, "FM"[i % 2]), doses))
    pooled = forecast_practice(patients, today, data, workers=2, chunk_size=2)
    alone = forecast_practice(patients, today, data, workers=1)
    if pooled != alone:
        raise RuntimeError("the worker processes' forecast differs from this process's")
    return f"pack {manifest.id} {manifest.version}, {len(pooled)} forecasts on 2 workers"


def check_translations(_work: Path) -> str:
    """Qt's own catalogues (standard buttons) and the app's, in French and English."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from tsn_desktop.core.i18n import QM_DIR

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    missing = [f"{name} ({folder})"
               for language in ("fr", "en")
               for name, folder in ((f"qtbase_{language}", qt_dir),
                                    (f"tsn_desktop_{language}", str(QM_DIR)))
               if not QTranslator().load(name, folder)]
    if missing:
        raise RuntimeError("missing " + ", ".join(missing))
    return "qtbase and tsn_desktop, fr and en"


def check_collation(_work: Path) -> str:
    """Patients sort the French way (QCollator, through the ICU data Qt bundles): accented
    capitals among their letters, not after Z as a byte order puts them."""
    from tsn_desktop.patients.ui.table_model import french_collator

    names = ["Zoé", "Eric", "Émile", "élise", "Dupont", "Œdipe", "Ça"]
    expected = ["Ça", "Dupont", "élise", "Émile", "Eric", "Œdipe", "Zoé"]
    collator = french_collator()
    found = sorted(names, key=collator.sortKey)
    if found != expected:
        raise RuntimeError(f"French order: {found}")
    return "French order (ICU)"


def _gui() -> QApplication:
    """The application object widgets need (the checks run before the app makes one)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def check_standard_buttons(_work: Path) -> str:
    """Qt's standard buttons in French with Qt's own catalogue installed as the app does."""
    from PySide6.QtWidgets import QDialogButtonBox

    from tsn_desktop.core.i18n import install_translators, remove_translators

    app = _gui()
    translators = install_translators(app, "fr")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close)
        words = [box.button(b).text().replace("&", "")
                 for b in (QDialogButtonBox.StandardButton.Cancel,
                           QDialogButtonBox.StandardButton.Close)]
    finally:
        remove_translators(app, translators)
    if words != ["Annuler", "Fermer"]:
        raise RuntimeError(f"standard buttons read {words}")
    return "Annuler, Fermer"


def check_charts_and_pdf(work: Path) -> str:
    """A readings chart drawn as on screen (pyqtgraph, numpy) to PNG, then a PDF with it
    and French text (reportlab; its PNG images go through Pillow)."""
    from datetime import UTC, datetime

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate

    from tsn_desktop.readings import alerts
    from tsn_desktop.readings.model import WEIGHT, Reading
    from tsn_desktop.readings.ui.report_view import render_charts

    _gui()
    end = datetime.now(UTC)
    readings = [Reading(WEIGHT, end - timedelta(days=day), 72.0 + (day % 5) * 0.4)
                for day in range(30, 0, -1)]
    images = render_charts(readings, [], [], alerts.DEFAULTS, end - timedelta(days=31), end)
    png = images.get(WEIGHT, b"")
    if not png.startswith(b"\x89PNG"):
        raise RuntimeError("the chart did not render")
    target = work / "check.pdf"
    styles = getSampleStyleSheet()
    SimpleDocTemplate(str(target), pagesize=A4).build([
        Paragraph("Poids — relevés à domicile, français accentué", styles["Normal"]),
        Image(BytesIO(png), width=17 * cm, height=5.1 * cm, kind="proportional")])
    pdf = target.read_bytes()
    if not pdf.startswith(b"%PDF") or b"/Subtype /Image" not in pdf:
        raise RuntimeError("the PDF has no image")
    return f"chart {len(png) // 1024} KiB PNG, PDF {len(pdf) // 1024} KiB"


CHECKS: tuple[tuple[str, Check], ...] = (
    ("version", check_version),
    ("database", check_database),
    ("forecast", check_forecast),
    ("translations", check_translations),
    ("collation", check_collation),
    ("standard buttons", check_standard_buttons),
    ("charts and PDF", check_charts_and_pdf),
)


def self_check(basedir: Path | None = None) -> int:
    """Runs every check in a temporary folder (under `basedir` when given); prints one line
    per check and returns 0 when all pass."""
    if basedir is not None:
        basedir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tsn-self-check-", dir=basedir))
    failed = 0
    try:
        for name, check in CHECKS:
            try:
                print(f"ok {name}: {check(work)}", flush=True)
            except Exception as exc:  # noqa: BLE001 - each failure is reported, then the rest
                failed += 1
                print(f"FAILED {name}: {type(exc).__name__}: {exc}", file=sys.stderr,
                      flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("self-check passed" if not failed else f"self-check: {failed} check(s) failed",
          flush=True)
    return 1 if failed else 0
