"""Composition root: settings, translations, profile choice, DB worker, main window, lock."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tsn_desktop.core import settings as options
from tsn_desktop.core.clock import Clock, SystemClock
from tsn_desktop.core.db import Database, WrongKey
from tsn_desktop.core.executor import DbRunner
from tsn_desktop.core.i18n import install_translators
from tsn_desktop.core.session import OpenProfile, Practitioner, create_profile, open_with_key
from tsn_desktop.core.settings import Settings
from tsn_desktop.core.suspendable import SuspendableExecutor
from tsn_desktop.core.vault import KdfParams, Vault, list_profiles
from tsn_desktop.sync import settings as sync_settings
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.ui.account import HubAccountDialog
from tsn_desktop.sync.ui.review import SyncReviewDialog
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import SyncWorker, account_engine_factory
from tsn_desktop.ui.errors import ErrorDialog, install_excepthook
from tsn_desktop.ui.lock import IdleWatcher, WindowCover
from tsn_desktop.ui.main_window import MainWindow
from tsn_desktop.ui.settings_dialog import SettingsDialog
from tsn_desktop.ui.theme import apply_theme
from tsn_desktop.ui.unlock import UnlockDialog
from tsn_desktop.ui.wizard import FirstRunWizard

# The demo practice: invented practitioner (RPPS passes the Luhn check), fixed passphrase
# shown on the unlock screen. Never a real person, never real patients.
DEMO_PASSPHRASE = "démo-pascaline-2026"
DEMO_PRACTITIONER = Practitioner(
    family_name="Démo", given_names="Pascaline", profession="general_practitioner",
    rpps="10012345673", address="12 rue des Tilleuls", postal_code="69003", city="Lyon")
DEMO_NURSE = Practitioner(
    family_name="Démo", given_names="Claire", profession="nurse",
    rpps="10012345681", address="3 place Bellecour", postal_code="69002", city="Lyon")
DEMO_PRACTITIONERS = {"gp": DEMO_PRACTITIONER, "nurse": DEMO_NURSE}
DEMO_PATIENTS = 300
SCREENSHOT_SIZE = (1280, 800)


def _damaged_database_text() -> str:
    return QCoreApplication.translate(
        "TsnApp", "The passphrase is right but the practice database does not open: it may "
        "be damaged. Restore the profile folder from your backup.")


def sync_registry() -> AdapterRegistry:
    """Every feature's SyncAdapter; a feature that lands adds its own here."""
    from tsn_desktop.patients.care_team import CareTeamAdapter
    from tsn_desktop.patients.fhir import PatientAdapter

    return AdapterRegistry([PatientAdapter(), CareTeamAdapter()])


class _CommitRelay(QObject):
    """Carries "records were saved" from the DB thread to the GUI thread (queued)."""

    changed = Signal(object)


class TsnApp(QObject):
    """One practitioner session at a time: wizard or unlock, then the main window and lock.

    Everything slow or external is injectable: the clock, scrypt parameters (`kdf`, for
    tests only) and the length of an idle "minute" (`minute_ms`).
    """

    def __init__(self, qapp: QApplication, basedir: Path, settings: Settings, clock: Clock, *,
                 kdf: KdfParams | None = None, demo_passphrase: str | None = None,
                 minute_ms: int = 60_000, remember_possible: bool | None = None) -> None:
        super().__init__()
        self.qapp = qapp
        self.basedir = basedir
        self.settings = settings
        self.clock = clock
        self.kdf = kdf
        self.demo_passphrase = demo_passphrase
        self.remember_possible = remember_possible
        self.vault: Vault | None = None
        self.practitioner: Practitioner | None = None
        self.executor: SuspendableExecutor | None = None
        self.runner: DbRunner | None = None
        self.window: MainWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.hub_dialog: HubAccountDialog | None = None
        self.review_dialog: SyncReviewDialog | None = None
        self._hub_dialog_coming = False
        self.registry = sync_registry()
        self.sync_worker: SyncWorker | None = None
        self.sync_status: SyncStatusWidget | None = None
        # Sync passes get their own thread: quitting never waits on the global pool.
        self.sync_pool = QThreadPool(self)
        self.sync_pool.setMaxThreadCount(1)
        self._commits = _CommitRelay(self)
        self._commits.changed.connect(self._saved_locally)
        self.cover = WindowCover()
        self.idle = IdleWatcher(qapp, settings.get(options.LOCK_AFTER_MINUTES),
                                minute_ms=minute_ms, parent=self)
        self.idle.idle.connect(self.lock)
        self.idle.lock_keys.connect(self.lock)

    # --- start-up ------------------------------------------------------------------------
    def start(self) -> None:
        """First run: the wizard. One profile remembered in the keyring: straight in.
        Otherwise the unlock dialog (several profiles: a shared consulting room)."""
        profiles = list_profiles(self.basedir)
        if not profiles:
            self.show_wizard()
            return
        if len(profiles) == 1 and self._open_remembered(profiles[0].directory):
            return
        self.show_unlock()

    def _open_remembered(self, directory: Path) -> bool:
        vault = Vault.load(directory)
        key = vault.recall_key()
        if key is None:
            return False
        try:
            opened = open_with_key(vault, key, self.clock, remembered=True)
        except WrongKey:
            vault.forget_key()  # a stale key (profile restored from a backup): ask instead
            return False
        self.enter(opened)
        return True

    def show_wizard(self) -> None:
        self.wizard = FirstRunWizard(self.basedir, self.clock, kdf=self.kdf,
                                     remember_possible=self.remember_possible)
        self.wizard.profile_created.connect(self.enter)
        self.wizard.rejected.connect(self._wizard_cancelled)
        self.wizard.show()
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()

    def _wizard_cancelled(self) -> None:
        # Back to the unlock dialog first: at first run there is none, and closing the
        # wizard, the last window, quits the application.
        if self.unlock_dialog is not None:
            self.unlock_dialog.show()
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None

    def show_unlock(self) -> None:
        dialog = UnlockDialog(list_profiles(self.basedir), self.clock,
                              selected_id=self.settings.get(options.LAST_PROFILE_ID),
                              demo_passphrase=self.demo_passphrase,
                              remember_possible=self.remember_possible)
        dialog.unlocked.connect(self._unlocked_at_start)
        dialog.new_profile_requested.connect(self.show_wizard)
        dialog.quit_requested.connect(self.quit)
        self.unlock_dialog = dialog
        dialog.show()

    def _open_or_say_why(self, vault: Vault, key: bytes) -> OpenProfile | None:
        """Opens the database with an unlocked key; a key that opens the vault but not the
        database means damage, said in the unlock dialog (which stays)."""
        assert self.unlock_dialog is not None
        try:
            return open_with_key(vault, key, self.clock, remembered=False)
        except WrongKey:
            self.unlock_dialog.show_failure(_damaged_database_text())
            return None

    def _unlocked_at_start(self, vault: Vault, key: bytes, remember: bool) -> None:
        opened = self._open_or_say_why(vault, key)
        if opened is None:
            return
        if remember:
            try:
                vault.remember_key(key)
                opened.remembered = True
            except Exception:  # noqa: BLE001 - remembering is a comfort, not a must
                opened.remembered = False
        self.enter(opened)

    # --- the session -------------------------------------------------------------------
    def enter(self, opened: OpenProfile) -> None:
        """Builds the DB worker and the main window for an open profile."""
        self.vault = opened.vault
        self.practitioner = opened.practitioner
        self.executor = SuspendableExecutor(opened.db)
        self.runner = DbRunner(self.executor, self)  # type: ignore[arg-type]
        self.settings.set(options.LAST_PROFILE_ID, opened.vault.profile_id)
        self.window = MainWindow(opened.practitioner, self._feature_pages(self.runner))
        self.window.lock_requested.connect(self.lock)
        self.window.settings_requested.connect(self.show_settings)
        self.window.hub_account_requested.connect(self.show_hub_account)
        self.window.closing.connect(self.shutdown)
        geometry = self.settings.get(options.WINDOW_GEOMETRY)
        if geometry:
            self.window.restoreGeometry(geometry)
        # The window shows before the wizard or dialog goes, so that there is never a
        # moment without a window (Qt would take it as "last window closed" and quit).
        self.window.show()
        self.window.show_page(self.window.current_page())  # focus in the page: type at once
        if self.wizard is not None:
            self.wizard.deleteLater()  # it closes itself once this slot returns
            self.wizard = None
        if self.unlock_dialog is not None:
            self.unlock_dialog.accept()
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None
        self._start_sync(opened.db)
        self.idle.start()

    # --- sync with the regional hub --------------------------------------------------------
    def _start_sync(self, db: Database) -> None:
        """The sync worker and its status-bar widget; the first pass starts at once (it
        ends quietly as "no hub account set up" until the practitioner adds one)."""
        assert self.window is not None and self.executor is not None and self.vault is not None
        worker = SyncWorker(self.executor, account_engine_factory(
            self.registry, self.vault.profile_id, self.executor, self.clock),
            pool=self.sync_pool, parent=self)
        status = SyncStatusWidget(self.clock)
        worker.status_changed.connect(status.set_status)
        status.sync_requested.connect(worker.sync_now)
        status.review_requested.connect(self.show_sync_review)
        self.window.sync_now_requested.connect(worker.sync_now)
        worker.sign_in_required.connect(self.show_hub_account)
        self.window.set_sync_widget(status)
        self.sync_worker, self.sync_status = worker, status
        self._watch_commits(db)
        worker.start()

    def _watch_commits(self, db: Database) -> None:
        db.commit_listener = self._commits.changed.emit

    def _saved_locally(self, _changes: Sequence[tuple[str, str]]) -> None:
        if self.sync_worker is not None and not self.locked:
            self.sync_worker.local_change()

    def show_hub_account(self) -> None:
        """The hub address and access token (from the menu, or when the hub asks to sign
        in again); saving starts a pass."""
        if (self.window is None or self.runner is None or self.vault is None
                or self.practitioner is None or self.locked or self.hub_dialog is not None
                or self._hub_dialog_coming):
            return
        self._hub_dialog_coming = True  # a second click while the account is read: no 2nd
        profile_id, rpps = self.vault.profile_id, self.practitioner.rpps

        def open_dialog(account: sync_settings.SyncAccount | None) -> None:
            self._hub_dialog_coming = False
            if self.window is None or self.runner is None or self.locked:
                return
            settings = self.settings_dialog
            # On top of the settings dialog when it leads here, else on the main window.
            parent = settings if settings is not None and settings.isVisible() else self.window
            dialog = HubAccountDialog(self.runner, profile_id, rpps,
                                      account.hub_url if account else "", parent)
            dialog.saved.connect(self._hub_account_saved)
            dialog.finished.connect(self._hub_dialog_closed)
            self.hub_dialog = dialog
            dialog.open()

        def failed(_exc: BaseException) -> None:
            self._hub_dialog_coming = False

        self.runner.run(sync_settings.load_account, on_success=open_dialog, on_failure=failed)

    def show_sync_review(self) -> None:
        """Conflicts to review and changes the hub refused (from the status bar)."""
        if (self.window is None or self.runner is None or self.locked
                or self.review_dialog is not None):
            return
        from tsn_desktop.patients.review import PatientReview

        dialog = SyncReviewDialog(self.runner, self.window, registry=self.registry,
                                  clock=self.clock, describer=PatientReview())
        if self.sync_worker is not None:
            dialog.changed.connect(self.sync_worker.refresh)   # the counts, at once
            dialog.changed.connect(self.sync_worker.sync_now)  # push what was taken back
        dialog.finished.connect(self._review_closed)
        self.review_dialog = dialog
        dialog.open()

    def _review_closed(self) -> None:
        if self.review_dialog is not None:
            self.review_dialog.deleteLater()
            self.review_dialog = None

    def _hub_dialog_closed(self) -> None:
        if self.hub_dialog is not None:
            self.hub_dialog.deleteLater()
            self.hub_dialog = None

    def _hub_account_saved(self, _in_keyring: bool) -> None:
        if self.sync_worker is not None:
            self.sync_worker.stop()   # the listener restarts with the new account
            self.sync_worker.start()

    def _feature_pages(self, runner: DbRunner) -> dict[str, QWidget]:
        from tsn_desktop.patients.ui.page import PatientsPage

        return {"patients": PatientsPage(runner, self.clock)}

    # --- lock ----------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.window is not None and self.window.is_locked

    def lock(self) -> None:
        """Hides every page and open form, closes the database (its key goes with it)
        and shows the unlock dialog; unlocking comes back to the same page and form."""
        if self.window is None or self.locked or self.executor is None or self.vault is None:
            return
        self.idle.stop()
        for page in self.window.page_widgets.values():
            hook = getattr(page, "on_lock", None)
            if callable(hook):
                hook()  # a page may drop the patient rows it holds
        for open_dialog in (self.hub_dialog, self.review_dialog):
            if open_dialog is not None:
                open_dialog.reject()  # both show data from the profile
        if self.sync_worker is not None:
            self.sync_worker.stop()  # a pass under way fails on the closed DB and retries later
        self.window.show_locked()
        self.cover.cover(keep=(self.window,))
        self.executor.suspend()
        dialog = UnlockDialog([], self.clock, locked_profile=self.vault.info,
                              demo_passphrase=self.demo_passphrase,
                              remember_possible=False, parent=self.window)
        dialog.unlocked.connect(self._unlocked_from_lock)
        dialog.quit_requested.connect(self.quit)
        self.unlock_dialog = dialog
        dialog.show()

    def _unlocked_from_lock(self, vault: Vault, key: bytes, _remember: bool) -> None:
        assert self.unlock_dialog is not None and self.window is not None
        assert self.executor is not None
        opened = self._open_or_say_why(vault, key)
        if opened is None:
            return
        self.executor.resume(opened.db)
        self._watch_commits(opened.db)
        dialog, self.unlock_dialog = self.unlock_dialog, None
        dialog.accept()
        dialog.deleteLater()
        self.cover.uncover()
        self.window.show_unlocked()
        self.window.show_page(self.window.current_page())
        for page in self.window.page_widgets.values():
            hook = getattr(page, "on_unlock", None)
            if callable(hook):
                hook()
        if self.sync_worker is not None:
            self.sync_worker.start()
        self.idle.start()

    # --- settings, quitting ---------------------------------------------------------------
    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.window)
        dialog.applied.connect(
            lambda: self.idle.set_minutes(self.settings.get(options.LOCK_AFTER_MINUTES)))
        dialog.hub_account_requested.connect(self.show_hub_account)
        self.settings_dialog = dialog
        dialog.open()

    def quit(self) -> None:
        self.shutdown()
        self.qapp.quit()

    def shutdown(self) -> None:
        """Saves the window's place, finishes queued DB work and closes the database."""
        self.idle.stop()
        if self.window is not None:
            self.settings.set(options.WINDOW_GEOMETRY, bytes(self.window.saveGeometry().data()))
        self.settings.sync()
        if self.sync_worker is not None:
            self.sync_worker.stop()
            # A pass is crash-safe, but letting a short one finish spares a resend.
            self.sync_pool.waitForDone(3_000)
            self.sync_worker = None
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None

    def close(self) -> None:
        """Closes every window this session opened (tests call it at the end)."""
        self.shutdown()
        for widget in (self.unlock_dialog, self.wizard, self.settings_dialog, self.hub_dialog,
                       self.review_dialog, self.window):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        self.idle.remove()
        self.unlock_dialog = self.wizard = self.settings_dialog = self.window = None
        self.hub_dialog = self.review_dialog = None


# --- demo -----------------------------------------------------------------------------
def build_demo(basedir: Path, clock: Clock, patients: int = DEMO_PATIENTS, *,
               who: str = "gp", hub_url: str | None = None,
               hub_token: str | None = None) -> OpenProfile:
    """A throw-away practice with invented patients, opened (normal scrypt parameters);
    with a hub account when `hub_url` is given."""
    from tsn_desktop import demo_data
    from tsn_desktop.patients import service
    from tsn_desktop.patients.model import Patient

    practitioner = DEMO_PRACTITIONERS[who]
    opened = create_profile(basedir, practitioner, DEMO_PASSPHRASE, remember=False,
                            clock=clock)
    seed = 2026 if who == "gp" else 2027  # two demo practices, two patient lists
    for fields in demo_data.generate_patients(patients, seed=seed, today=clock.today()):
        service.save(opened.db, Patient(**fields))  # type: ignore[arg-type]
    if hub_url:
        sync_settings.save_account(opened.db, opened.vault.profile_id, hub_url,
                                   practitioner.rpps, hub_token or "")
    return opened


# --- command line -----------------------------------------------------------------------
def default_basedir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def main(args: argparse.Namespace) -> int:
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
            return _screenshot(qapp, args, basedir, settings, clock)
        install_excepthook()
        demo_passphrase = None
        if args.demo:
            build_demo(basedir, clock, who=args.demo_as, hub_url=args.hub,
                       hub_token=args.hub_token).db.close()
            demo_passphrase = DEMO_PASSPHRASE
        session = TsnApp(qapp, basedir, settings, clock, demo_passphrase=demo_passphrase)
        _quit_on_signals(session)
        session.start()
        code = qapp.exec()
        session.shutdown()
        return code
    finally:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def _quit_on_signals(session: TsnApp) -> None:
    """Ctrl+C or a shutdown signal quits cleanly: queued writes land, the demo is removed."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_args: session.quit())
    # Python only runs signal handlers between bytecodes: wake it up now and then.
    ticker = QTimer(session)
    ticker.timeout.connect(lambda: None)
    ticker.start(500)


# --- screenshots (for reviewing screens, and a smoke test of the whole start-up) ---------
def _screenshot(qapp: QApplication, args: argparse.Namespace, basedir: Path,
                settings: Settings, clock: Clock) -> int:
    screen = args.screenshot_dialog
    if screen in ("wizard", "wizard-identity", "wizard-passphrase"):
        widget: QWidget = _wizard_screen(basedir, clock, screen)
        return _grab(qapp, widget, Path(args.screenshot), None)
    session = TsnApp(qapp, basedir, settings, clock, demo_passphrase=DEMO_PASSPHRASE)
    try:
        opened = build_demo(basedir, clock)
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
        _settle(qapp, session, window)
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
                    _damaged_database_text(), exc, window)
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


def _settle(qapp: QApplication, session: TsnApp, window: QWidget, timeout: float = 15) -> None:
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

