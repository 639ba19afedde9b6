"""The professional network on a directory of 100 000 colleagues and a 1 000-post thread.

Prints figures as ratios against baselines measured in the same run:
- directory search per keystroke through the database executor (what the UI waits for),
  median and p95, against a bare `SELECT 1` round trip through the same executor;
- opening a thread of 1 000 posts (read, built, shown in the thread panel's list view)
  against reading the same rows with one plain SELECT; the goal is <= 200 ms.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/network.py [--entries 100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._practice import CLOCK, PASSPHRASE, RPPS  # noqa: E402
from tsn_desktop.core.db import Database, new_id  # noqa: E402
from tsn_desktop.core.executor import DbExecutor  # noqa: E402
from tsn_desktop.core.session import Practitioner, create_profile  # noqa: E402
from tsn_desktop.network import fhir, service, store  # noqa: E402
from tsn_desktop.network.demo import demo_directory  # noqa: E402
from tsn_desktop.network.model import OPENING, REPLY, Opening, Post  # noqa: E402

# What a practitioner types, letter by letter: names, a profession, a town, an RPPS start.
TYPED = ["dupont", "martin claire", "infirm lyon", "villeurbanne", "pharmacien bron",
         "1009004", "lefèvre hél"]


def _fill_directory(db: Database, count: int) -> float:
    started = time.perf_counter()
    with db.unit_of_work() as uow:
        for entry in demo_directory(count, seed=29):
            store.put_entry(uow, fhir.directory_id(entry.rpps), entry, "1",
                            fhir.profession_words(entry.profession))
    return time.perf_counter() - started


def _thread(db: Database, posts: int) -> str:
    colleague = "10090000010"
    tid = new_id()
    start = CLOCK.now() - timedelta(days=30)
    with db.unit_of_work() as uow:
        store.apply_post_from_hub(uow, Post(tid, tid, OPENING, RPPS, (colleague,), start,
                                            opening=Opening("Cas complexe", "Avis ?")),
                                  "1", mine=True)
        for n in range(posts - 1):
            sender = colleague if n % 2 else RPPS
            store.apply_post_from_hub(uow, Post(
                new_id(), tid, REPLY, sender, (RPPS if sender == colleague else colleague,),
                start + timedelta(minutes=n + 1), body=f"Message {n} " + "texte " * 30,
                in_response_to=tid), "1", mine=sender == RPPS)
    return tid


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from tsn_desktop.network.ui.page import ThreadPanel

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="tsn-bench-") as tmp:
        profile = create_profile(Path(tmp), Practitioner("Benchmark", "Camille",
                                                         "general_practitioner", RPPS),
                                 PASSPHRASE, remember=False, clock=CLOCK)
        built = _fill_directory(profile.db, args.entries)
        print(f"directory: {args.entries} entries written and indexed in {built:.1f} s")
        thread_id = _thread(profile.db, args.posts)
        executor = DbExecutor(profile.db)

        searches, baseline = [], []
        for word in TYPED:
            for end in range(1, len(word) + 1):
                prefix = word[:end]
                started = time.perf_counter()
                executor.call(partial(service.search_directory, text=prefix))
                searches.append(time.perf_counter() - started)
                started = time.perf_counter()
                executor.call(lambda db: db.query_one("SELECT 1"))
                baseline.append(time.perf_counter() - started)

        panel = ThreadPanel()
        panel.resize(1000, 700)
        panel.show()
        opens, raw = [], []
        for _ in range(args.runs):
            panel.set_view(None, RPPS)
            app.processEvents()
            started = time.perf_counter()
            view = executor.call(lambda db: service.view(db, thread_id))
            panel.set_view(view, RPPS)
            app.processEvents()
            opens.append(time.perf_counter() - started)
            started = time.perf_counter()
            executor.call(lambda db: db.query("SELECT * FROM network_post WHERE thread_id = ?",
                                              (thread_id,)))
            raw.append(time.perf_counter() - started)
        shown = panel.model.rowCount()
        started = time.perf_counter()
        panel.show_all()
        app.processEvents()
        all_shown = time.perf_counter() - started
        everything = panel.model.rowCount()
        panel.close()
        executor.shutdown()

    ms = 1000
    print(f"directory search per keystroke ({len(searches)} keystrokes, {args.entries} "
          f"entries): median {statistics.median(searches) * ms:.1f} ms, "
          f"p95 {_p95(searches) * ms:.1f} ms; baseline round trip median "
          f"{statistics.median(baseline) * ms:.2f} ms -> p95 ratio "
          f"{_p95(searches) / statistics.median(baseline):.0f}x")
    verdict = "ok" if statistics.median(opens) <= 0.2 else "OVER the 200 ms goal"
    print(f"thread of {args.posts} posts ({shown} shown) opens in median "
          f"{statistics.median(opens) * ms:.0f} ms (max {max(opens) * ms:.0f} ms, {verdict});"
          f" plain SELECT of its rows median {statistics.median(raw) * ms:.1f} ms -> ratio "
          f"{statistics.median(opens) / statistics.median(raw):.1f}x")
    print(f"showing all {everything} earlier messages then takes {all_shown * ms:.0f} ms")


if __name__ == "__main__":
    main()
