"""Child process of test_small_screens.py: the demo practice's main window on the screen
the offscreen platform was configured with; prints what fits, and saves a picture."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    basedir, picture, lang = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    from PySide6.QtWidgets import QApplication

    from tsn_desktop.app import TsnApp
    from tsn_desktop.core.clock import SystemClock
    from tsn_desktop.core.i18n import install_translators
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.demo import build_demo
    from tsn_desktop.screenshots import settle

    qapp = QApplication(sys.argv[:1])
    translators = install_translators(qapp, lang)  # noqa: F841 - kept alive
    clock = SystemClock()
    session = TsnApp(qapp, basedir, Settings(basedir), clock)
    session.enter(build_demo(basedir, clock, patients=30))
    window = session.window
    assert window is not None and session.sync_status is not None
    settle(qapp, session, window)
    available = window.screen().availableGeometry()
    button = session.sync_status.button
    corner = button.mapTo(window, button.rect().bottomRight())
    window.grab().save(str(picture), "PNG")
    print(json.dumps({
        "available": [available.width(), available.height()],
        "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
        "fits": available.contains(window.frameGeometry()),
        "sync_button_visible": window.rect().contains(corner) and button.isVisible(),
    }), flush=True)
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
