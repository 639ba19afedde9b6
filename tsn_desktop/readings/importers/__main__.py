"""`python -m tsn_desktop.readings.importers [--today YYYY-MM-DD] FILE...`: reads device
files without any profile and prints one JSON object per file (for support staff and
scripts). Implausible values and dates after --today are listed as rejected."""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from tsn_desktop.readings.importers import read_file
from tsn_desktop.readings.importers.common import PARIS, UNREADABLE
from tsn_desktop.readings.model import BLOOD_PRESSURE, KINDS, STEPS, Rejection, problem


def _name(path: Path) -> str:
    """The file's name as valid text: a name in another encoding than the system's (a
    Latin-1 name on a UTF-8 system) gets U+FFFD for what cannot be shown."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unreadable(path: Path) -> dict[str, Any]:
    return {"file": _name(path), "format": None, "readings": {k: 0 for k in KINDS},
            "first": None, "last": None, "values": [],
            "rejected": [{"line": 0, "reason": UNREADABLE}]}


def summary(path: Path, now: datetime) -> dict[str, Any]:
    try:
        read = read_file(path)
    except OSError:
        return _unreadable(path)
    except Exception:  # noqa: BLE001 - support staff get a line per file, never a traceback
        # Kept for a debugger, not printed: the file's content stays out of the output.
        logging.getLogger(__name__).debug("could not read a %s file", path.suffix,
                                          exc_info=True)
        return _unreadable(path)
    rejected = list(read.rejected)
    kept = []
    for reading in read.readings:
        reason = problem(reading, now)
        if reason:
            rejected.append(Rejection(reading.line, reason, reading.member))
        else:
            kept.append(reading)
    kept.sort(key=lambda r: r.at)
    counts = Counter(r.kind for r in kept if r.kind != STEPS)
    # Steps are counted as days (a daily total, or the day's intervals of a FHIR bundle).
    counts[STEPS] = len({r.at.astimezone(PARIS).date() for r in kept if r.kind == STEPS})
    return {
        "file": _name(path),
        "format": read.format,
        "readings": {kind: counts.get(kind, 0) for kind in KINDS},
        "first": kept[0].at.isoformat() if kept else None,
        "last": kept[-1].at.isoformat() if kept else None,
        "values": [{"kind": r.kind, "at": r.at.isoformat(),
                    "value": [r.value, r.value2] if r.kind == BLOOD_PRESSURE else r.value,
                    "source": r.source} for r in kept],
        "rejected": [{"line": r.line, "reason": r.reason} for r in
                     sorted(rejected, key=lambda r: (r.member, r.line))],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsn_desktop.readings.importers",
                                     description=__doc__)
    parser.add_argument("--today", type=date.fromisoformat,
                        help="the day readings may not be after (default: today)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    args = parser.parse_args(argv)
    if args.today:
        # The end of that day in Paris: a reading that evening is not in the future.
        now = datetime.combine(args.today + timedelta(days=1), time(),
                               tzinfo=PARIS).astimezone(UTC) - timedelta(minutes=10)
    else:
        now = datetime.now(UTC)
    # JSON is UTF-8 whatever the terminal's locale (a Latin-1 console must not crash).
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        for path in args.files:
            print(json.dumps(summary(path, now), ensure_ascii=False), flush=True)
    except BrokenPipeError:  # `... | head`: the reader has what it wanted
        sys.stdout = None  # no flush error at exit
    return 0


if __name__ == "__main__":
    sys.exit(main())
