"""Unlock dialog: choose a profile (shared room), type the passphrase, wait when throttled."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.clock import Clock
from tsn_desktop.core.keyring_probe import keyring_usable
from tsn_desktop.core.vault import (
    NEWER_APP,
    KeyFileTooNew,
    ProfileInfo,
    UnlockThrottled,
    Vault,
    VaultError,
    WrongPassphrase,
)
from tsn_desktop.ui.errors import profile_damage_text
from tsn_desktop.ui.fit import grow_to_content
from tsn_desktop.ui.theme import set_style_role
from tsn_desktop.ui.wording import profession_label


class UnlockDialog(QDialog):
    """Emits `unlocked(vault, key, remember)`; whoever opens the profile then calls accept().

    At start-up it lists the profiles of this computer and offers a new one. As the lock
    screen (`locked_profile` given) it only unlocks that profile and cannot be dismissed.
    """

    unlocked = Signal(object, bytes, bool)
    new_profile_requested = Signal()
    restore_requested = Signal()
    quit_requested = Signal()

    def __init__(self, profiles: list[ProfileInfo], clock: Clock, *,
                 selected_id: str = "", locked_profile: ProfileInfo | None = None,
                 demo_passphrase: str | None = None, remember_possible: bool | None = None,
                 tick_ms: int = 1000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.locked = locked_profile is not None
        self.profiles = [locked_profile] if locked_profile is not None else list(profiles)
        self._vault: Vault | None = None
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAccessibleName(self.tr("Unlock"))
        self.setWindowTitle(self.tr("TSN Desktop — session locked") if self.locked
                            else self.tr("TSN Desktop — open your profile"))

        heading = QLabel(self.tr("Session locked") if self.locked
                         else self.tr("Open your profile"))
        heading.setObjectName("pageTitle")
        intro = QLabel(self.tr("Patient data are hidden. Type your passphrase to carry on "
                               "where you left off.") if self.locked
                       else self.tr("Type your passphrase to open your patients' data."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)

        self.profile_list = QListWidget()
        self.profile_list.setAccessibleName(self.tr("Profiles on this computer"))
        for info in self.profiles:
            item = QListWidgetItem(profile_title(info))
            item.setData(Qt.ItemDataRole.UserRole, info.profile_id)
            self.profile_list.addItem(item)
        # Tall enough to show every profile of a shared room (up to five) without scrolling.
        row = max(self.profile_list.sizeHintForRow(0), self.fontMetrics().height() + 10)
        self.profile_list.setFixedHeight(
            min(5, len(self.profiles)) * row + 2 * self.profile_list.frameWidth() + 6)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        font = self.profile_label.font()
        font.setBold(True)
        self.profile_label.setFont(font)
        # One profile: its name as text; several (a shared consulting room): a list.
        several = len(self.profiles) > 1
        self.profile_list.setVisible(several)
        self.profile_label.setVisible(not several)
        if several:
            layout.addWidget(QLabel(self.tr("&Profile:"), buddy=self.profile_list))
        layout.addWidget(self.profile_list)
        layout.addWidget(self.profile_label)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.try_unlock)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("P&assphrase:"), self.passphrase)
        layout.addLayout(form)

        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        if remember_possible is None:
            remember_possible = keyring_usable()
        self.remember.setEnabled(remember_possible)
        self.remember.setVisible(not self.locked)
        if not remember_possible:
            self.remember.setToolTip(self.tr("No secure keyring is available on this computer."))
        layout.addWidget(self.remember)

        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.setVisible(False)  # no empty gap until there is something to say
        layout.addWidget(self.message)

        if demo_passphrase:
            demo = QLabel(self.tr("Demonstration practice with invented patients. "
                                  "The passphrase is: {passphrase}").format(
                                      passphrase=demo_passphrase))
            demo.setObjectName("demoBanner")
            demo.setWordWrap(True)
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(demo)

        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.new_button = QPushButton(self.tr("&New profile…"))
        self.new_button.setAccessibleName(self.tr("New profile"))
        self.new_button.clicked.connect(self.new_profile_requested)
        self.new_button.setVisible(not self.locked)
        self.restore_button = QPushButton(self.tr("&Restore a backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore a backup as a new profile"))
        self.restore_button.clicked.connect(self.restore_requested)
        self.restore_button.setVisible(not self.locked)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit TSN Desktop"))
        self.quit_button.clicked.connect(self.quit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout.addSpacing(8)
        layout.addLayout(buttons)

        self.countdown = QTimer(self)
        self.countdown.setInterval(tick_ms)
        self.countdown.timeout.connect(self.refresh_throttle)
        self.profile_list.currentRowChanged.connect(self._select)
        start = next((i for i, p in enumerate(self.profiles) if p.profile_id == selected_id), 0)
        self.profile_list.setCurrentRow(start)
        self._select(start)
        self.passphrase.setFocus()
        self.setMinimumWidth(480)

    # --- profile and throttle -------------------------------------------------------
    def _select(self, row: int) -> None:
        if row < 0:
            return
        info = self.profiles[row]
        self.profile_label.setText(profile_title(info))
        self._clear_message()
        self._vault = None
        damage = info.damage
        if damage is None:
            try:
                self._vault = Vault.load(info.directory)
            except KeyFileTooNew:  # upgraded by a newer app since the list was read
                damage = NEWER_APP
            except VaultError:
                damage = "key_file_damaged"
        if damage is not None:
            self._problem(" ".join(profile_damage_text(damage)))
        elif self._vault is not None and self._vault.counter_damaged:
            self._problem(self.tr(
                "The count of wrong passphrases of this profile is unreadable (the file was "
                "edited or damaged): for safety, the next try waits 15 minutes."))
        self.refresh_throttle()

    def refresh_throttle(self) -> None:
        """Disables the button while the vault makes the next try wait; shows the countdown."""
        wait = self._vault.throttle_wait(self.clock) if self._vault else timedelta(0)
        seconds = int(wait.total_seconds() + 0.999)
        if seconds > 0:
            self.unlock_button.setEnabled(False)
            self._problem(self.tr(
                "Too many wrong passphrases in a row. For your patients' safety, wait "
                "{time} before the next try.").format(time=_minutes_seconds(seconds)))
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            self.unlock_button.setEnabled(self._vault is not None)
            if self.countdown.isActive():
                self.countdown.stop()
                self._clear_message()

    @property
    def throttled(self) -> bool:
        return self.countdown.isActive()

    # --- unlocking --------------------------------------------------------------------
    def try_unlock(self) -> None:
        if self._vault is None or not self.unlock_button.isEnabled():
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            key = self._vault.unlock(self.passphrase.text(), self.clock)
        except WrongPassphrase:
            self._problem(self.tr("Wrong passphrase. Check Caps Lock and the keyboard "
                                  "language, then try again."))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            self.refresh_throttle()
            return
        except UnlockThrottled:
            self.refresh_throttle()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self._clear_message()
        self.unlocked.emit(self._vault, key,
                           self.remember.isEnabled() and self.remember.isChecked())

    def show_failure(self, text: str) -> None:
        """For the opener: the key was right but the profile could not be opened."""
        self._problem(text)

    def _problem(self, text: str) -> None:
        set_style_role(self.message, "problem")
        self.message.setText(text)
        self.message.setVisible(True)
        grow_to_content(self)  # the message never overlaps the intro nor is cut

    def _clear_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        grow_to_content(self)

    # --- closing ------------------------------------------------------------------------
    def reject(self) -> None:
        # Escape on the lock screen must not reveal anything: only unlocking or quitting.
        if self.locked:
            return
        self.quit_requested.emit()


def profile_title(info: ProfileInfo) -> str:
    """The practitioner and profession; a damaged profile whose key file is unreadable has
    neither, so its folder's short id says which one it is."""
    if info.label:
        return f"{info.label} — {profession_label(info.profession)}"
    return QCoreApplication.translate("UnlockDialog", "Damaged profile ({folder})").format(
        folder=info.directory.name[:8])


def _minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
