"""Cold start to an unlocked main window, and search-as-you-type latency, on 20 000 patients.

Prints figures as ratios against baselines measured in the same run:
- cold start of TSN Desktop (new process -> unlocked main window with the patient list
  filled) against a bare PySide6 window started the same way;
- search latency per keystroke through the database executor (what the UI waits for),
  median and p95, against a plain `SELECT count(*)` round trip through the same executor.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/startup_search.py [--patients 20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._practice import PASSPHRASE, build_practice  # noqa: E402
from tsn_desktop.core.executor import DbExecutor  # noqa: E402
from tsn_desktop.patients import service  # noqa: E402

BARE_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 800); w.show()
app.processEvents()
print("READY", flush=True)
"""

# Words a receptionist types, letter by letter: surnames, given names, a date, an INS start.
TYPED = ["dupont", "martin", "bernard jean", "hélène", "lefèvre", "12/03/1984", "2 55 08 14"]


def _cold_start(argv: list[str], runs: int) -> list[float]:
    times = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=300,
                              cwd=ROOT)
        if "READY" not in proc.stdout:
            raise RuntimeError(f"start failed: {proc.stderr[-2000:]}")
        times.append(time.perf_counter() - started)
    return times


def _keystroke_latencies(executor: DbExecutor) -> tuple[list[float], list[float]]:
    searches, baseline = [], []
    for word in TYPED:
        for end in range(1, len(word) + 1):
            prefix = word[:end]
            started = time.perf_counter()
            executor.call(lambda db, p=prefix: service.search(db, p))
            searches.append(time.perf_counter() - started)
            started = time.perf_counter()
            executor.call(lambda db: db.query_one("SELECT count(*) FROM patient"))
            baseline.append(time.perf_counter() - started)
    return searches, baseline


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tsn-bench-") as tmp:
        basedir = Path(tmp)
        practice = build_practice(basedir, args.patients)
        print(f"practice: {args.patients} patients built in {practice.build_seconds:.1f} s")
        executor = DbExecutor(practice.profile.db)
        searches, baseline = _keystroke_latencies(executor)
        executor.shutdown()

        bare = _cold_start([sys.executable, "-c", BARE_WINDOW], args.runs)
        app = _cold_start([sys.executable, str(ROOT / "benchmarks" / "_app_start.py"),
                           str(basedir), PASSPHRASE], args.runs)

    ms = 1000
    print(f"search per keystroke ({len(searches)} keystrokes): "
          f"median {statistics.median(searches) * ms:.1f} ms, p95 {_p95(searches) * ms:.1f} ms"
          f"; baseline round trip median {statistics.median(baseline) * ms:.2f} ms"
          f" -> ratio {statistics.median(searches) / statistics.median(baseline):.1f}x")
    ratio = statistics.median(app) / statistics.median(bare)
    print(f"cold start: bare PySide6 window median {statistics.median(bare):.2f} s; "
          f"TSN Desktop unlocked with {args.patients} patients median "
          f"{statistics.median(app):.2f} s -> ratio {ratio:.1f}x"
          " (includes scrypt unlock, ~0.4 s by design)")


if __name__ == "__main__":
    main()
