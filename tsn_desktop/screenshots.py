"""Renders a screen to a PNG offscreen (`--screenshot`): for reviewing screens, and a smoke
test of the whole start-up on a throw-away demo practice."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tsn_desktop.app import TsnApp, damaged_database_text
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import WrongKey
from tsn_desktop.core.settings import Settings
from tsn_desktop.demo import DEMO_PASSPHRASE, build_demo
from tsn_desktop.ui.errors import ErrorDialog
from tsn_desktop.ui.wizard import FirstRunWizard

SCREENSHOT_SIZE = (1280, 800)


def screenshot(qapp: QApplication, args: argparse.Namespace, basedir: Path,
                settings: Settings, clock: Clock) -> int:
    screen = args.screenshot_dialog
    if screen in ("wizard", "wizard-identity", "wizard-passphrase"):
        widget: QWidget = _wizard_screen(basedir, clock, screen)
        return _grab(qapp, widget, Path(args.screenshot), None)
    session = TsnApp(qapp, basedir, settings, clock, demo_passphrase=DEMO_PASSPHRASE)
    try:
        opened = build_demo(basedir, clock, who=args.demo_as)
        if screen in ("unlock", "unlock-throttled"):
            opened.db.close()
            if screen == "unlock-throttled":
                for _ in range(5):
                    try:
                        opened.vault.unlock("not the demo passphrase", clock)
                    except Exception:  # noqa: BLE001 - the wrong tries are the point
                        pass
            session.show_unlock()
            assert session.unlock_dialog is not None
            if screen == "unlock-throttled":
                session.unlock_dialog.passphrase.setText("x" * 14)
                session.unlock_dialog.try_unlock()
            return _grab(qapp, session.unlock_dialog, Path(args.screenshot), None)
        session.enter(opened)
        window = session.window
        assert window is not None
        window.resize(*SCREENSHOT_SIZE)
        window.show_page(args.page)
        settle(qapp, session, window)
        if screen == "locked":
            session.lock()
            assert session.unlock_dialog is not None
            return _grab(qapp, window, Path(args.screenshot), session.unlock_dialog)
        if screen == "settings":
            session.show_settings()
            assert session.settings_dialog is not None
            return _grab(qapp, session.settings_dialog, Path(args.screenshot), None)
        if screen == "error":
            try:
                raise WrongKey("example")
            except WrongKey as exc:
                dialog = ErrorDialog(
                    QCoreApplication.translate(
                        "TsnApp", "The practice database could not be opened."),
                    damaged_database_text(), exc, window)
            dialog.show_button.setChecked(True)
            return _grab(qapp, dialog, Path(args.screenshot), None)
        return _grab(qapp, window, Path(args.screenshot), None)
    finally:
        session.close()


def _wizard_screen(basedir: Path, clock: Clock, screen: str) -> FirstRunWizard:
    wizard = FirstRunWizard(basedir, clock)
    wizard.show()
    if screen != "wizard":
        wizard.next()
        identity = wizard.identity
        identity.family_name.setText("Démo")
        identity.given_names.setText("Pascaline")
        identity.rpps.setText("1001234567")
        identity.address.setText("12 rue des Tilleuls")
    if screen == "wizard-passphrase":
        wizard.identity.rpps.setText("10012345673")
        wizard.next()
        wizard.security.passphrase.setText("court")
    return wizard


def settle(qapp: QApplication, session: TsnApp, window: QWidget, timeout: float = 15) -> None:
    """Waits until the current page's list has rows and the DB worker has nothing queued."""
    deadline = time.monotonic() + timeout
    views = window.findChildren(QAbstractItemView)
    page_views = [v for v in views if v.isVisibleTo(window) and v.objectName() != "navigation"]
    while time.monotonic() < deadline:
        qapp.processEvents()
        if session.executor is not None:
            session.executor.call(lambda _db: None)  # a barrier: earlier work is done
        qapp.processEvents()
        if not page_views or any(v.model() is not None and v.model().rowCount() > 0
                                 for v in page_views):
            break
        time.sleep(0.05)
    for _ in range(5):  # let layouts and delivered results paint
        qapp.processEvents()
        time.sleep(0.02)


def _grab(qapp: QApplication, widget: QWidget, path: Path, on_top: QWidget | None) -> int:
    widget.show()
    if on_top is not None:
        on_top.show()
    for _ in range(5):
        qapp.processEvents()
        time.sleep(0.02)
    pixmap = widget.grab()
    if on_top is not None:
        # Offscreen windows do not compose: paint the dialog where it would sit.
        from PySide6.QtGui import QColor, QPainter

        painter = QPainter(pixmap)
        shot = on_top.grab()
        x = (pixmap.width() - shot.width()) // 2
        y = (pixmap.height() - shot.height()) // 2
        painter.drawPixmap(x, y, shot)
        painter.setPen(QColor("#8a969c"))
        painter.drawRect(x - 1, y - 1, shot.width() + 1, shot.height() + 1)
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    # hide(), not close(): closing a filled wizard would ask in a modal box.
    widget.hide()
    if not pixmap.save(str(path), "PNG"):
        print(f"could not write {path}", file=sys.stderr)
        return 1
    return 0

