"""The command line: options, and starting the app, a demo practice or a screenshot."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tsn_desktop.core.settings import LANGUAGES
from tsn_desktop.features import page_names

if TYPE_CHECKING:
    from tsn_desktop.app import TsnApp

# `--help` and the option checks answer without loading Qt widgets: Qt comes in `run`.
PAGES = page_names()
DEMO_PRACTITIONERS = ("gp", "nurse", "pharmacist")
DIALOG_SCREENS = ("wizard", "wizard-identity", "wizard-passphrase", "unlock",
                  "unlock-throttled", "locked", "settings", "error")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tsn-desktop",
        description="TSN Desktop: practice companion for independent health practitioners.")
    parser.add_argument("--basedir", metavar="DIR",
                        help="folder for profiles and settings (default: the user's "
                             "application data folder); tests and demos use their own")
    parser.add_argument("--demo", action="store_true",
                        help="open a throw-away practice with ~300 invented patients")
    parser.add_argument("--demo-as", choices=DEMO_PRACTITIONERS, default="gp",
                        help="with --demo: whose practice it is, an invented GP (default), "
                             "home-visit nurse or pharmacist; demos can share patients "
                             "through a hub")
    parser.add_argument("--hub", metavar="URL",
                        help="with --demo: sync the demo practice with this hub (https://, or "
                             "http:// on this computer, e.g. a local tsn-hub)")
    parser.add_argument("--hub-token", metavar="TOKEN",
                        help="with --hub: the access token `tsn-hub create-practitioner` "
                             "printed (or set TSN_HUB_TOKEN)")
    parser.add_argument("--sign-in-and-sync", action="store_true",
                        help="with --demo --hub: sign the demo practice in with Pro Santé "
                             "Connect (prints the address to open in a browser), sync once, "
                             "sign out and exit, without a window (checks an installation "
                             "against a hub)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render a screen to FILE.png and exit (implies offscreen "
                             "rendering when there is no display)")
    parser.add_argument("--page", choices=PAGES, default="patients",
                        help="page shown by --screenshot (default: patients)")
    parser.add_argument("--screenshot-dialog", choices=DIALOG_SCREENS,
                        help="with --screenshot: render this dialog instead of the main "
                             "window (uses a throw-away demo practice)")
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation (encrypted database, data packs, "
                             "worker processes, translations) on invented data, then exit")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="interface language for this run (default: from settings, fr)")
    args = parser.parse_args(argv)
    if args.screenshot and not (args.demo or args.screenshot_dialog):
        parser.error("--screenshot needs --demo or --screenshot-dialog: it never opens a "
                     "real profile")
    if args.hub and not args.demo:
        parser.error("--hub only preconfigures a demo practice; in a real profile use "
                     "File > Hub account")
    if args.sign_in_and_sync and not (args.demo and args.hub):
        parser.error("--sign-in-and-sync needs --demo and --hub URL")
    if args.sign_in_and_sync and (args.screenshot or args.hub_token):
        parser.error("--sign-in-and-sync signs in with Pro Santé Connect: no --hub-token, "
                     "no --screenshot")
    if args.sign_in_and_sync:
        args.hub_token = None  # a TSN_HUB_TOKEN in the environment is not used
    else:
        args.hub_token = args.hub_token or os.environ.get("TSN_HUB_TOKEN")
    if args.hub and not args.hub_token and not args.sign_in_and_sync:
        parser.error("--hub needs --hub-token TOKEN (or TSN_HUB_TOKEN)")
    if args.hub:
        from tsn_desktop.sync.client import InsecureHubUrl, check_hub_url

        try:
            args.hub = check_hub_url(args.hub)
        except InsecureHubUrl as exc:
            parser.error(f"--hub: {exc} (plain http:// only for a hub on this computer)")
    if args.screenshot_dialog and not args.screenshot:
        parser.error("--screenshot-dialog needs --screenshot FILE.png")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_check:
        from tsn_desktop.selfcheck import self_check

        return self_check(Path(args.basedir) if args.basedir else None)
    if args.sign_in_and_sync:
        from tsn_desktop.hub_check import sign_in_and_sync

        return sign_in_and_sync(Path(args.basedir) if args.basedir else None, args.hub,
                                args.demo_as)
    return run(args)


def default_basedir() -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def run(args: argparse.Namespace) -> int:
    """Starts the app as the options say; returns the exit code."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from tsn_desktop.app import TsnApp
    from tsn_desktop.core import settings as options
    from tsn_desktop.core.clock import SystemClock
    from tsn_desktop.core.i18n import install_translators
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.demo import DEMO_PASSPHRASE, build_demo
    from tsn_desktop.ui.errors import install_excepthook
    from tsn_desktop.ui.gc_thread import GuiThreadCollector
    from tsn_desktop.ui.theme import apply_theme

    _remember_early_signals()
    if (args.screenshot and sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QCoreApplication.setOrganizationName("TSN")
    QCoreApplication.setApplicationName("TSN Desktop")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    basedir = Path(args.basedir) if args.basedir else default_basedir()
    throwaway: Path | None = None
    if args.demo or args.screenshot_dialog:
        # Demos live in their own temporary folder: they never touch a real profile.
        parent = basedir if args.basedir else None
        if parent is not None:
            parent.mkdir(parents=True, exist_ok=True)
        throwaway = Path(tempfile.mkdtemp(prefix="tsn-demo-", dir=parent))
        basedir = throwaway
    try:
        settings = Settings(basedir)
        language = args.lang or settings.get(options.LANGUAGE)
        translators = install_translators(qapp, language)  # noqa: F841 - kept alive
        apply_theme(qapp)
        clock = SystemClock()
        if args.screenshot:
            from tsn_desktop.screenshots import screenshot

            return screenshot(qapp, args, basedir, settings, clock)
        install_excepthook(basedir / "logs")
        demo_passphrase = None
        if args.demo:
            build_demo(basedir, clock, who=args.demo_as, hub_url=args.hub,
                       hub_token=args.hub_token).db.close()
            demo_passphrase = DEMO_PASSPHRASE
        session = TsnApp(qapp, basedir, settings, clock, demo_passphrase=demo_passphrase)
        _quit_on_signals(session)
        collector = GuiThreadCollector(session)  # no collection on the DB or sync thread
        collector.start()
        qapp.aboutToQuit.connect(session.shutdown)  # the OS session ending, too
        session.start()
        code = qapp.exec()
        session.shutdown()
        return code
    finally:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


_early_signals: list[int] = []


def _remember_early_signals() -> None:
    """A shutdown signal before the app runs (a demo takes seconds to build) is kept and
    honoured as soon as it does: the process used to die there, leaving the demo behind."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda number, _frame: _early_signals.append(number))


def _quit_on_signals(session: TsnApp) -> None:
    """Ctrl+C or a shutdown signal quits cleanly: queued writes land, the demo is removed."""
    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        # Posted, not called: a signal before the event loop runs would otherwise be lost
        # (exit() before exec() is ignored) and the process would stay.
        signal.signal(number, lambda *_args: QTimer.singleShot(0, session.quit))
    if _early_signals:
        QTimer.singleShot(0, session.quit)
    # Python only runs signal handlers between bytecodes: wake it up now and then.
    ticker = QTimer(session)
    ticker.timeout.connect(lambda: None)
    ticker.start(500)


