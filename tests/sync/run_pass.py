"""One sync pass in a process of its own, for the crash tests: opens a real profile,
and (optionally) stops dead at a named point of the engine so the test can SIGKILL it.

usage: run_pass.py PROFILE_DIR HUB_URL [PAUSE_POINT PAUSE_OCCURRENCE MARKER_FILE]
(passphrase and token come through the environment, not the command line).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from tsn_desktop.core.clock import SystemClock
from tsn_desktop.core.session import open_with_key
from tsn_desktop.core.vault import Vault
from tsn_desktop.patients.fhir import PatientAdapter
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.client import HubClient
from tsn_desktop.sync.engine import SyncEngine


def main() -> int:
    profile_dir, hub_url = Path(sys.argv[1]), sys.argv[2]
    pause_point = sys.argv[3] if len(sys.argv) > 3 else ""
    occurrence = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    marker = Path(sys.argv[5]) if len(sys.argv) > 5 else None
    clock = SystemClock()
    vault = Vault.load(profile_dir)
    key = vault.unlock(os.environ["TSN_TEST_PASSPHRASE"], clock)
    profile = open_with_key(vault, key, clock, remembered=False)
    seen = {"count": 0}

    def hook(point: str) -> None:
        if point != pause_point:
            return
        seen["count"] += 1
        if seen["count"] == occurrence and marker is not None:
            marker.write_text(point)
            time.sleep(120)  # the test kills us here

    engine = SyncEngine(HubClient(hub_url, os.environ["TSN_TEST_TOKEN"]),
                        AdapterRegistry([PatientAdapter()]), lambda fn: fn(profile.db), clock,
                        hook=hook, page_size=int(os.environ.get("TSN_TEST_PAGE", "0")) or None,
                        batch_size=int(os.environ.get("TSN_TEST_BATCH", "0")) or None)
    report = engine.run_pass()
    print(f"pushed={report.pushed} duplicates={report.duplicates} pulled={report.pulled}")
    profile.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
