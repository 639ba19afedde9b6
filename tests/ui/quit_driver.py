"""Child process of test_quit.py: a demo practice opened in the app, locked, then quit the
way argv[2] says (the lock screen's button, Ctrl+Q, Alt+F4, SIGTERM), as cli.run does."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    basedir, how = Path(sys.argv[1]), sys.argv[2]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tsn_desktop import cli
    from tsn_desktop.app import TsnApp
    from tsn_desktop.core.clock import SystemClock
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.demo import DEMO_PASSPHRASE, build_demo

    qapp = QApplication(sys.argv[:1])
    clock = SystemClock()
    opened = build_demo(basedir, clock, patients=3)
    session = TsnApp(qapp, basedir, Settings(basedir), clock, demo_passphrase=DEMO_PASSPHRASE)
    shutdowns = []
    original = session.shutdown

    def counted() -> None:
        if not session.shut_down:
            shutdowns.append(1)  # this call does the work (later ones find it done)
        original()

    session.shutdown = counted  # type: ignore[method-assign] - counts the runs, then runs
    cli._quit_on_signals(session)
    qapp.aboutToQuit.connect(session.shutdown)
    session.enter(opened)
    session.lock()
    assert session.unlock_dialog is not None and session.window is not None
    actions = {
        "button": session.unlock_dialog.quit_button.click,
        "escape": session.unlock_dialog.reject,
        "ctrl-q": session.window.quit_action.trigger,
        "alt-f4": session.window.close,
        "sigterm": lambda: None,  # the test sends it
    }
    QTimer.singleShot(300, actions[how])
    print("LOCKED", flush=True)
    code = qapp.exec()
    # The right passphrase after quitting must not reach a closed executor.
    session.unlock_dialog.passphrase.setText(DEMO_PASSPHRASE)
    session.unlock_dialog.try_unlock()
    print(f"EXITED {code} shutdowns={len(shutdowns)} executor={session.executor}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
