"""`python -m tsn_desktop` / `tsn-desktop`: hands the command line to tsn_desktop.cli."""

from __future__ import annotations

import sys

from tsn_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
