"""The main window: navigation between features, menus, status bar, and the locked state."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.paths import resources_dir
from tsn_desktop.core.session import Practitioner
from tsn_desktop.ui.errors import app_version
from tsn_desktop.ui.wording import profession_label

PREFERRED_SIZE = QSize(1280, 800)
# Room left around the window for its frame and title bar, and the taskbar of some desktops.
_FRAME = QSize(16, 48)


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE) -> QRect:
    """The window's rectangle: the preferred size, shrunk to the available room, centred."""
    room = available.size() - _FRAME
    size = QSize(min(preferred.width(), room.width()), min(preferred.height(), room.height()))
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def screen_key(screen: QScreen) -> str:
    """Places are remembered per screen: its name and its size in points (a laptop on its
    own and docked to a monitor get one place each)."""
    size = screen.availableGeometry().size()
    return f"{screen.name()}:{size.width()}x{size.height()}"


def saved_places(saved: bytes) -> dict[str, bytes]:
    """Screen key -> Qt geometry, from the setting (an older single geometry is dropped)."""
    try:
        raw = json.loads(saved.decode("utf-8")) if saved else {}
        return {str(k): base64.b64decode(v) for k, v in raw.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


class PlaceholderPage(QWidget):
    """A feature not built yet: says so plainly instead of showing an empty page."""

    def __init__(self, title: str, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.text = QLabel(sentence)
        self.text.setObjectName("placeholderText")
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(720)  # long lines are hard to read
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.text)
        layout.addStretch(1)


class LockedPage(QWidget):
    """What the window shows while locked: no patient data, only the unlock dialog on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # At the top: the unlock dialog sits in the middle of the window.
        title = QLabel(self.tr("Session locked"))
        title.setObjectName("pageTitle")
        text = QLabel(self.tr("Patient data are hidden until you type your passphrase."))
        text.setObjectName("placeholderText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Navigation entries and pages come from the features (tsn_desktop.features, through
    app.py): `navigation` is (name, title) in order, `pages` the built pages by name; an
    entry without a built page gets a placeholder. Ctrl+1, Ctrl+2... follow the order.

    A page may define `on_lock()` (drop the patient rows it holds) and `on_unlock()`
    (read them again): the session lock calls them around hiding the pages.
    """

    lock_requested = Signal()
    settings_requested = Signal()
    hub_account_requested = Signal()
    sync_now_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal()
    change_passphrase_requested = Signal()
    forget_key_requested = Signal()
    closing = Signal()

    def __init__(self, practitioner: Practitioner, pages: dict[str, QWidget],
                 navigation: Sequence[tuple[str, str]], parent: QWidget | None = None, *,
                 tools: Sequence[tuple[str, str, Callable[[], None]]] = ()) -> None:
        """`tools`: the features' actions (title marked in context "Actions", shortcut,
        what to do), in the Tools menu."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("TSN Desktop"))
        self.setAccessibleName(self.tr("TSN Desktop main window"))
        self.practitioner = practitioner
        self.is_locked = False
        self.page_names = tuple(name for name, _title in navigation)
        titles = {name: QCoreApplication.translate("Navigation", title)  # QT_TRANSLATE_NOOP
                  for name, title in navigation}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(self.tr("Current page"))
        self.page_widgets: dict[str, QWidget] = {}
        for number, name in enumerate(self.page_names, start=1):
            page = pages.get(name) or PlaceholderPage(titles[name], self.tr(
                "This feature comes in a later version of TSN Desktop. Nothing is missing "
                "from your data: this page is simply not available yet."))
            self.page_widgets[name] = page
            self.pages.addWidget(page)
            item = QListWidgetItem(titles[name])
            item.setToolTip(self.tr("{page} (Ctrl+{number})").format(
                page=titles[name], number=number))
            self.navigation.addItem(item)
            badge = getattr(page, "navigation_badge", None)  # a page's count (unread...)
            if badge is not None:
                badge.connect(lambda n, item=item, title=titles[name]:
                              item.setText(f"{title} ({n})" if n else title))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._page_changed)

        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.locked_page = LockedPage()
        self.central = QStackedWidget()
        self.central.addWidget(self.workspace)
        self.central.addWidget(self.locked_page)
        self.setCentralWidget(self.central)

        self._build_menus(titles, tools)
        self._build_status_bar()
        self.navigation.setCurrentRow(0)
        self.fit_to_screen()

    # --- menus and status bar -------------------------------------------------------
    def _build_menus(self, titles: dict[str, str],
                     tools: Sequence[tuple[str, str, Callable[[], None]]]) -> None:
        bar = self.menuBar()
        bar.setAccessibleName(self.tr("Menu bar"))
        file_menu = bar.addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.sync_now_action = QAction(self.tr("S&ync now"), self)
        self.sync_now_action.setShortcut(QKeySequence("F5"))
        self.sync_now_action.triggered.connect(self.sync_now_requested)
        self.hub_account_action = QAction(self.tr("&Hub account…"), self)
        self.hub_account_action.triggered.connect(self.hub_account_requested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sync_now_action)
        file_menu.addAction(self.hub_account_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        profile_menu = bar.addMenu(self.tr("&Profile"))
        self.backup_action = QAction(self.tr("&Back up now…"), self)
        self.backup_action.triggered.connect(self.backup_requested)
        self.restore_action = QAction(self.tr("&Restore a backup…"), self)
        self.restore_action.triggered.connect(self.restore_requested)
        self.change_passphrase_action = QAction(self.tr("&Change the passphrase…"), self)
        self.change_passphrase_action.triggered.connect(self.change_passphrase_requested)
        self.forget_key_action = QAction(self.tr("&Forget on this computer…"), self)
        self.forget_key_action.triggered.connect(self.forget_key_requested)
        for action in (self.backup_action, self.restore_action,
                       self.change_passphrase_action, self.forget_key_action):
            profile_menu.addAction(action)

        go_menu = bar.addMenu(self.tr("&Go"))
        self.page_actions: list[QAction] = []
        for number, name in enumerate(self.page_names, start=1):
            action = QAction(titles[name], self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, n=name: self.show_page(n))
            go_menu.addAction(action)
            self.page_actions.append(action)

        self.tool_actions: list[QAction] = []
        if tools:
            tools_menu = bar.addMenu(self.tr("&Tools"))
            for title, shortcut, run in tools:
                action = QAction(QCoreApplication.translate("Actions", title),  # QT_TRANSLATE_NOOP
                                 self)
                if shortcut:
                    action.setShortcut(QKeySequence(shortcut))
                action.triggered.connect(lambda _checked=False, r=run: r())
                tools_menu.addAction(action)
                self.tool_actions.append(action)

        # A page's own commands (a page with `menu_actions()`): in a menu named after the
        # page, window-wide (whatever has the focus, even nothing after a message box),
        # enabled only while the page is shown.
        self.page_menus: dict[str, list[QAction]] = {}
        for name in self.page_names:
            page = self.page_widgets[name]
            actions = page.menu_actions() if hasattr(page, "menu_actions") else []
            if not actions:
                continue
            menu = bar.addMenu(titles[name])
            for action in actions:
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                menu.addAction(action)
                self.addAction(action)
            self.page_menus[name] = actions

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(self.tr("&About TSN Desktop"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        self.sync_label = QLabel(self.tr("Synchronisation: never — hub not configured"))
        self.sync_label.setAccessibleName(self.tr("Synchronisation status"))
        self.practitioner_label = QLabel(self.tr("{name} — {profession}").format(
            name=self.practitioner.display_name,
            profession=profession_label(self.practitioner.profession)))
        self.practitioner_label.setAccessibleName(self.tr("Practitioner"))
        status.addWidget(self.sync_label, 1)
        self.sync_widget: QWidget | None = None
        status.addPermanentWidget(self.practitioner_label)

    # --- size and place -----------------------------------------------------------------
    def fit_to_screen(self, screen: QScreen | None = None) -> None:
        """The preferred size where the screen has room, else the room there is (a 1366×768
        laptop at 125 % has 1093×614 points): the status bar and "Sync now" stay visible."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        self.setGeometry(fitted_geometry(screen.availableGeometry()))

    def restore_place(self, saved: bytes) -> None:
        """Geometry saved on this screen (see `place_to_save`); a saved place that no longer
        fits (another monitor, another scaling) gives way to fitting the screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        geometry = saved_places(saved).get(screen_key(screen))
        if geometry and self.restoreGeometry(QByteArray(geometry)):
            if screen.availableGeometry().contains(self.frameGeometry()):
                return
        self.fit_to_screen(screen)

    def place_to_save(self, saved: bytes) -> bytes:
        """The saved places with this screen's updated (other screens' kept)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        places = saved_places(saved)
        if screen is not None:
            places[screen_key(screen)] = bytes(self.saveGeometry().data())
        return json.dumps({k: base64.b64encode(v).decode("ascii")
                           for k, v in places.items()}).encode("utf-8")

    def set_sync_widget(self, widget: QWidget) -> None:
        """Puts the sync feature's status widget where the "never synced" text stands."""
        status = self.statusBar()
        status.removeWidget(self.sync_label)
        self.sync_label.deleteLater()
        status.insertWidget(0, widget, 1)
        widget.show()
        self.sync_widget = widget

    def shortcut_list(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) of every menu entry with a shortcut, as the menus hold them:
        the list can never drift from what the keys do."""
        rows: list[tuple[str, str, str]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            for action in menu.actions():
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                        for k in action.shortcuts() if not k.isEmpty()]
                if keys and action.text():
                    rows.append((menu_action.text().replace("&", ""),
                                 action.text().replace("&", "").rstrip("…"),
                                 self.tr(" or ").join(keys)))
        return rows

    def show_shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"), "",
                          QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        rows = "".join(
            f"<tr><td>{html.escape(menu)}</td><td>{html.escape(command)}</td>"
            f"<td><b>{html.escape(keys)}</b></td></tr>"
            for menu, command, keys in self.shortcut_list())
        heads = "".join(f"<th align='left'>{html.escape(h)}</th>"
                        for h in (self.tr("Menu"), self.tr("Command"), self.tr("Keys")))
        box.setText(f"<table cellspacing='6'><tr>{heads}</tr>{rows}</table>")
        box.setAccessibleName(self.tr("Keyboard shortcuts"))
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        packs = "\n".join(self.tr("• {title}: version {version}").format(title=title,
                                                                         version=version)
                          for title, version in data_packs())
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About TSN Desktop"), self.tr(
            "TSN Desktop {version}\n\nThe practice companion of independent health "
            "practitioners: patients, vaccinations, readings, network and agenda.\n\n"
            "Your data stay encrypted on this computer.").format(version=app_version())
            + "\n\n" + self.tr("Reference data:") + "\n" + packs,
            QMessageBox.StandardButton.Ok, self)
        box.setAccessibleName(self.tr("About TSN Desktop"))
        box.open()
        self.about_box = box

    # --- pages ------------------------------------------------------------------------
    def current_page(self) -> str:
        return self.page_names[max(self.navigation.currentRow(), 0)]

    def show_page(self, name: str) -> None:
        if self.is_locked:
            return
        self.navigation.setCurrentRow(self.page_names.index(name))
        page = self.page_widgets[name]
        # Keyboard users land in the page, not on the navigation list.
        target = page.focusProxy() or page.nextInFocusChain()
        if target is not None and page.isAncestorOf(target):
            target.setFocus()

    def _page_changed(self, row: int) -> None:
        current = self.page_names[row] if 0 <= row < len(self.page_names) else ""
        for name, actions in self.page_menus.items():
            for action in actions:
                action.setEnabled(name == current and not self.is_locked)

    def focus_page(self) -> None:
        """Puts the keyboard focus in the current page (its own choice of field)."""
        self.show_page(self.current_page())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Back from a message box or another window, the focus may be nowhere: it goes
        to the page, so the keyboard works at once."""
        super().changeEvent(event)
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and not self.is_locked and QApplication.focusWidget() is None):
            self.focus_page()

    # --- locking ----------------------------------------------------------------------
    def show_locked(self) -> None:
        """Hides every page (the unlock dialog sits on top); the current page is kept."""
        self._set_locked(True)

    def show_unlocked(self) -> None:
        self._set_locked(False)
        self._page_changed(self.navigation.currentRow())

    def _set_locked(self, locked: bool) -> None:
        """The locked page instead of the workspace, and the session's controls off."""
        self.is_locked = locked
        self.central.setCurrentWidget(self.locked_page if locked else self.workspace)
        if self.sync_widget is not None:
            self.sync_widget.setEnabled(not locked)
        for action in self._session_actions():
            action.setEnabled(not locked)

    def _session_actions(self) -> list[QAction]:
        """What a locked window must not offer."""
        return [self.lock_action, self.settings_action, self.sync_now_action,
                self.hub_account_action, self.backup_action, self.restore_action,
                self.change_passphrase_action, self.forget_key_action,
                *self.page_actions, *self.tool_actions,
                *(a for actions in self.page_menus.values() for a in actions)]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.closing.emit()
        super().closeEvent(event)


def data_packs() -> list[tuple[str, str]]:
    """(title, version) of every data pack shipped under resources/ (any feature's: read
    from their manifest.json, so the shell names none)."""
    found = []
    for manifest in sorted(resources_dir().glob("*/*/manifest.json")):
        try:
            raw = json.loads(manifest.read_text("utf-8"))
            found.append((str(raw.get("title") or raw["id"]), str(raw["version"])))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue  # a pack that cannot be read is refused where it is loaded
    return found
