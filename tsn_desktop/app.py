"""Composition root: one practitioner session (profile choice, DB worker, the features'
pages in the main window, sync, lock). The demo, screenshots and the command line live in
demo.py, screenshots.py and cli.py."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tsn_desktop.core import crash
from tsn_desktop.core import settings as options
from tsn_desktop.core.backup import backup_if_due
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database, DatabaseDamaged, WrongKey, migrations_in
from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.core.paths import set_updated_packs_basedir
from tsn_desktop.core.session import (
    ChangeInterrupted,
    OpenProfile,
    Practitioner,
    open_with_key,
    personal_words,
)
from tsn_desktop.core.settings import Settings
from tsn_desktop.core.suspendable import SuspendableExecutor
from tsn_desktop.core.vault import KdfParams, ProfileInfo, Vault, list_profiles
from tsn_desktop.feature import Feature, FeatureAction, FeatureContext
from tsn_desktop.features import FEATURES, migration_packages, sync_adapters
from tsn_desktop.features import check as check_features
from tsn_desktop.features import options as feature_options
from tsn_desktop.sync import settings as sync_settings
from tsn_desktop.sync.adapters import AdapterRegistry
from tsn_desktop.sync.ui.account import HubAccountDialog
from tsn_desktop.sync.ui.review import CombinedReview, SyncReviewDialog
from tsn_desktop.sync.ui.status import SyncStatusWidget
from tsn_desktop.sync.worker import SyncWorker, account_engine_factory
from tsn_desktop.ui.errors import profile_damage_text
from tsn_desktop.ui.failures import report_failure
from tsn_desktop.ui.lock import IdleWatcher, WindowCover
from tsn_desktop.ui.main_window import MainWindow
from tsn_desktop.ui.profile_dialogs import (
    BackupDialog,
    ChangePassphraseDialog,
    ForgetKeyDialog,
    RestoreDialog,
)
from tsn_desktop.ui.settings_dialog import SettingsDialog
from tsn_desktop.ui.unlock import UnlockDialog
from tsn_desktop.ui.wizard import FirstRunWizard


def damaged_database_text() -> str:
    return QCoreApplication.translate(
        "TsnApp", "The passphrase is right but the practice database does not open: it may "
        "be damaged. Restore the profile folder from your backup.")


BACKUP_CHECK_MS = 60 * 60 * 1000  # is a scheduled backup due? hourly
BACKUP_FIRST_CHECK_MS = 30_000  # and once start-up has settled

log = logging.getLogger(__name__)


class TsnApp(QObject):
    """One practitioner session at a time: wizard or unlock, then the main window and lock.

    Everything slow or external is injectable: the clock, scrypt parameters (`kdf`, for
    tests only) and the length of an idle "minute" (`minute_ms`).
    """

    def __init__(self, qapp: QApplication, basedir: Path, settings: Settings, clock: Clock, *,
                 kdf: KdfParams | None = None, demo_passphrase: str | None = None,
                 minute_ms: int = 60_000, remember_possible: bool | None = None,
                 features: Sequence[Feature] = FEATURES) -> None:
        super().__init__()
        check_features(features)
        self.features = tuple(features)
        settings.declare(feature_options(features))
        self.migrations = migrations_in(migration_packages(features))
        self.qapp = qapp
        self.basedir = basedir
        set_updated_packs_basedir(basedir)  # packs updated from the hub (vaccination)
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
        self.quitting = False
        self.shut_down = False
        # How quitting leaves the event loop; in-process tests record it instead (a real
        # exit() would stop every later test's event loop too), tests/ui/test_quit.py
        # checks the real one in a child process.
        self.leave_event_loop: Callable[[int], None] = qapp.exit
        self.registry = AdapterRegistry(sync_adapters(features))
        self.sync_worker: SyncWorker | None = None
        self.sync_status: SyncStatusWidget | None = None
        # Sync passes get their own thread: quitting never waits on the global pool.
        self.sync_pool = QThreadPool(self)
        self.sync_pool.setMaxThreadCount(1)
        self.cover = WindowCover()
        self.idle = IdleWatcher(qapp, settings.get(options.LOCK_AFTER_MINUTES),
                                minute_ms=minute_ms, parent=self)
        self.idle.idle.connect(self.lock)
        self.profile_dialogs: list[QDialog] = []
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.idle.lock_keys.connect(self.lock)

    # --- start-up ------------------------------------------------------------------------
    def start(self) -> None:
        """First run: the wizard. One profile remembered in the keyring: straight in.
        Otherwise the unlock dialog (several profiles: a shared consulting room)."""
        profiles = list_profiles(self.basedir)
        if not profiles:
            self.show_wizard()
            return
        # A damaged profile is never opened straight away: the unlock dialog says what is
        # damaged (and a missing key file is never taken for a first run).
        if (len(profiles) == 1 and profiles[0].damage is None
                and self._open_remembered(profiles[0].directory)):
            return
        self.show_unlock()

    def _open_remembered(self, directory: Path) -> bool:
        vault = Vault.load(directory)
        key = vault.recall_key()
        if key is None:
            return False
        try:
            opened = open_with_key(vault, key, self.clock, remembered=True,
                                   migrations=self.migrations)
        except (DatabaseDamaged, ChangeInterrupted):
            return False  # the unlock dialog says what is wrong; the key is not stale
        except WrongKey:
            vault.forget_key()  # a stale key (profile restored from a backup): ask instead
            return False
        self.enter(opened)
        return True

    def show_wizard(self) -> None:
        self.wizard = FirstRunWizard(self.basedir, self.clock, kdf=self.kdf,
                                     remember_possible=self.remember_possible,
                                     migrations=self.migrations)
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
        dialog.restore_requested.connect(self.show_restore)
        dialog.quit_requested.connect(self.quit)
        self.unlock_dialog = dialog
        dialog.show()

    def _open_or_say_why(self, vault: Vault, key: bytes) -> OpenProfile | None:
        """Opens the database with an unlocked key; a key that opens the vault but not the
        database means damage, said in the unlock dialog (which stays)."""
        assert self.unlock_dialog is not None
        try:
            return open_with_key(vault, key, self.clock, remembered=False,
                                 migrations=self.migrations)
        except ChangeInterrupted:
            self.unlock_dialog.show_failure(" ".join(profile_damage_text("change_interrupted")))
            return None
        except DatabaseDamaged as exc:
            self.unlock_dialog.show_failure(" ".join(profile_damage_text(exc.code)))
            return None
        except WrongKey:
            self.unlock_dialog.show_failure(damaged_database_text())
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
        crash.set_folder(opened.vault.directory / "logs")  # crash reports: this profile's
        self.practitioner = opened.practitioner
        self.executor = SuspendableExecutor(opened.db)
        self.runner = DbRunner(self.executor, self, on_unhandled=self._unhandled_failure)
        self.runner.records_changed.connect(self._records_changed)
        self.settings.set(options.LAST_PROFILE_ID, opened.vault.profile_id)
        context = FeatureContext(self.runner, self.clock, self.settings, opened.practitioner,
                                 self.features, open_patient=self.open_patient)
        pages = {f.name: f.page(context) for f in self.features if f.page is not None}
        navigation = [(f.name, f.title) for f in self.features if f.has_page]
        tools = [(a.title, a.shortcut, partial(self._run_action, a, context))
                 for f in self.features for a in f.actions]
        self.window = MainWindow(opened.practitioner, pages, navigation, tools=tools)
        self.window.lock_requested.connect(self.lock)
        self.window.settings_requested.connect(self.show_settings)
        self.window.hub_account_requested.connect(self.show_hub_account)
        self.window.backup_requested.connect(self.show_backup)
        self.window.restore_requested.connect(self.show_restore)
        self.window.change_passphrase_requested.connect(self.show_change_passphrase)
        self.window.forget_key_requested.connect(self.show_forget_key)
        self.window.forget_key_action.setEnabled(opened.vault.is_remembered())
        self.window.closing.connect(self.quit)  # Alt+F4, Ctrl+Q, the title bar's ×
        self.window.restore_place(self.settings.get(options.WINDOW_GEOMETRY))
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
        self._features_opened()
        self._start_sync(opened.db)
        self.idle.start()
        self.backup_timer.start()
        QTimer.singleShot(BACKUP_FIRST_CHECK_MS, self.backup_if_due)

    def open_patient(self, patient_id: str) -> None:
        """Shows a patient's file from any page: the page that opens files (one with an
        `open_patient(id)`, the register's) comes up with it."""
        if self.window is None or self.locked:
            return
        for name, page in self.window.page_widgets.items():
            if hasattr(page, "open_patient"):
                self.window.show_page(name)
                page.open_patient(patient_id)
                return

    def _features_opened(self) -> None:
        """Each feature's `on_open` on the database, before sync starts (on the DB thread,
        waited for: a few milliseconds, and sync must see what they set up)."""
        assert self.executor is not None
        for feature in self.features:
            if feature.on_open is not None:
                self.executor.call(feature.on_open)

    def _run_action(self, action: FeatureAction, context: FeatureContext) -> None:
        if self.window is not None and not self.locked:
            action.run(context, self.window)

    # --- sync with the regional hub --------------------------------------------------------
    def _start_sync(self, db: Database) -> None:
        """The sync worker and its status-bar widget; the first pass starts at once (it
        ends quietly as "no hub account set up" until the practitioner adds one)."""
        assert self.window is not None and self.executor is not None and self.vault is not None
        worker = SyncWorker(self.executor, account_engine_factory(
            self.registry, self.vault.profile_id, self.executor, self.clock),
            pool=self.sync_pool, parent=self,
            after_sync=tuple(f.after_sync for f in self.features if f.after_sync))
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
        assert self.runner is not None
        db.commit_listener = self.runner.committed

    def _records_changed(self, changed: RecordsChanged) -> None:
        if changed.local and self.sync_worker is not None and not self.locked:
            self.sync_worker.local_change()

    def _unhandled_failure(self, exc: BaseException, owner: QObject | None) -> None:
        """A database call failed and its caller had no word for it: the error dialog,
        over the window of the widget that asked."""
        if self.locked:
            return  # a call cut short by the lock; it is not the user's problem
        parent = owner.window() if isinstance(owner, QWidget) else self.window
        report_failure(parent, exc)

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
        describer = CombinedReview([f.review() for f in self.features if f.review])
        dialog = SyncReviewDialog(self.runner, self.window, registry=self.registry,
                                  clock=self.clock, describer=describer)
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
        if self.unlock_dialog is None or self.window is None or self.executor is None:
            return  # quitting already: nothing to unlock into
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

    # --- the profile: backups, passphrase, keyring ---------------------------------------
    def show_backup(self) -> None:
        if self.window is None or self.runner is None or self.vault is None or self.locked:
            return
        dialog = BackupDialog(self.runner.run, self.vault, self.clock,
                              folder=self.settings.get(options.BACKUP_FOLDER),
                              parent=self.window)
        dialog.backed_up.connect(self._backed_up)
        self._open_profile_dialog(dialog)

    def _backed_up(self, path: Path) -> None:
        self.settings.set(options.BACKUP_FOLDER, str(path.parent))  # the next ones go there
        self.settings.sync()

    def show_restore(self) -> None:
        """Restores a backup as a new profile (from the window or the unlock dialog)."""
        parent: QWidget | None = (self.window if self.window is not None and not self.locked
                                  else self.unlock_dialog)
        dialog = RestoreDialog(self.basedir, self.clock, parent)
        dialog.restored.connect(self._restored)
        self._open_profile_dialog(dialog)

    def _restored(self, info: ProfileInfo) -> None:
        """At start, the unlock dialog comes again with the restored profile chosen."""
        if self.unlock_dialog is not None and self.window is None:
            old, self.unlock_dialog = self.unlock_dialog, None
            self.settings.set(options.LAST_PROFILE_ID, info.profile_id)
            self.show_unlock()
            old.hide()
            old.deleteLater()

    def show_change_passphrase(self) -> None:
        if (self.window is None or self.runner is None or self.vault is None
                or self.practitioner is None or self.locked):
            return
        dialog = ChangePassphraseDialog(
            self.runner.run, self.vault, self.clock,
            personal=personal_words(self.practitioner),
            remembered=self.vault.is_remembered(), parent=self.window)
        dialog.changed.connect(self._remembered_changed)
        self._open_profile_dialog(dialog)

    def show_forget_key(self) -> None:
        if self.window is None or self.vault is None or self.locked:
            return
        dialog = ForgetKeyDialog(self.vault, self.window)
        dialog.forgotten.connect(lambda: self._remembered_changed(False))
        self._open_profile_dialog(dialog)

    def _remembered_changed(self, remembered: bool) -> None:
        if self.window is not None:
            self.window.forget_key_action.setEnabled(remembered)

    def _open_profile_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.profile_dialogs.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._profile_dialog_gone(d))
        dialog.open()

    def _profile_dialog_gone(self, dialog: QDialog) -> None:
        if dialog in self.profile_dialogs:
            self.profile_dialogs.remove(dialog)

    def backup_if_due(self) -> None:
        """The scheduled backup, when a folder is set and the interval has passed (after
        start-up, then hourly); a folder that is not there (USB key away) is said in the
        status bar, quietly: the next check tries again."""
        folder = self.settings.get(options.BACKUP_FOLDER)
        days = self.settings.get(options.BACKUP_INTERVAL_DAYS)
        if (not folder or days == 0 or self.runner is None or self.vault is None
                or self.locked or self.window is None):
            return
        vault, clock, window = self.vault, self.clock, self.window

        def failed(exc: BaseException) -> None:
            log.info("scheduled backup not made: %s", type(exc).__name__)
            window.statusBar().showMessage(QCoreApplication.translate(
                "TsnApp", "The automatic backup could not be made (is the backup folder or "
                "USB key there?). It will be tried again in an hour."), 30_000)

        self.runner.run(lambda db: backup_if_due(db, vault, Path(folder), days, clock),
                        on_failure=failed, owner=window)

    # --- settings, quitting ---------------------------------------------------------------
    def show_settings(self) -> None:
        pages = [f.settings_page(self.settings) for f in self.features
                 if f.settings_page is not None]
        dialog = SettingsDialog(self.settings, self.window, pages)
        dialog.applied.connect(
            lambda: self.idle.set_minutes(self.settings.get(options.LOCK_AFTER_MINUTES)))
        dialog.hub_account_requested.connect(self.show_hub_account)
        self.settings_dialog = dialog
        dialog.open()

    def quit(self) -> None:
        """Quits from any state, the lock screen included: shuts down once, then leaves the
        event loop with exit(), which does not ask the windows (Qt 6's quit() does, and the
        lock screen refuses to close: the process then stayed, shut down, forever)."""
        if self.quitting:
            return
        self.quitting = True
        self.shutdown()
        self.leave_event_loop(0)

    def shutdown(self) -> None:
        """Saves the window's place, finishes queued DB work and closes the database; runs
        once, whichever of quitting, closing the window or the OS session ending asks."""
        if self.shut_down:
            return
        self.shut_down = True
        self.idle.stop()
        self.backup_timer.stop()
        if self.window is not None:
            self.settings.set(options.WINDOW_GEOMETRY, self.window.place_to_save(
                self.settings.get(options.WINDOW_GEOMETRY)))
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
        """Closes every window this session opened (tests call it at the end); the event
        loop is left running (closing the window here is not the user quitting)."""
        self.quitting = True
        self.shutdown()
        for widget in (self.unlock_dialog, self.wizard, self.settings_dialog, self.hub_dialog,
                       self.review_dialog, self.window):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        self.idle.remove()
        self.unlock_dialog = self.wizard = self.settings_dialog = self.window = None
        self.hub_dialog = self.review_dialog = None
