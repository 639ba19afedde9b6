"""`python -m tsn_desktop` / `tsn-desktop`: hands the command line to tsn_desktop.cli."""

from __future__ import annotations

import multiprocessing
import sys

from tsn_desktop.cli import main

if __name__ == "__main__":
    # In a frozen app the forecast's spawned workers re-run this executable: this turns
    # them into workers instead of a second TSN Desktop (a no-op when not frozen).
    multiprocessing.freeze_support()
    sys.exit(main())
