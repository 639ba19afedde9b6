"""First-run wizard: who the practitioner is, then the passphrase that protects the data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tsn_desktop.core import identifiers
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Migration
from tsn_desktop.core.keyring_probe import keyring_usable
from tsn_desktop.core.passphrase import passphrase_problem
from tsn_desktop.core.session import (
    OpenProfile,
    Practitioner,
    ProfileError,
    create_profile,
    personal_words,
)
from tsn_desktop.core.vault import KdfParams, VaultError
from tsn_desktop.ui.profile_dialogs import passphrase_refusal_text
from tsn_desktop.ui.theme import set_style_role
from tsn_desktop.ui.wording import passphrase_problem_text, profession_choices, rpps_problem_text


def _message_label(name: str = "hint") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _set_state(label: QLabel, text: str, state: str) -> None:
    label.setText(text)
    set_style_role(label, state)


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to TSN Desktop"))
        text = QLabel(self.tr(
            "Let us create your practitioner profile. It takes two minutes.\n\n"
            "Your patients' data stay on this computer, encrypted. Only your passphrase "
            "opens them: nobody else, not even the TSN team, can recover it for you.\n\n"
            "Several practitioners sharing a consulting room each create their own profile."))
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addStretch(1)


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who are you?"))
        self.setSubTitle(self.tr("As written in the RPPS directory. Fields marked * are "
                                 "required."))

        self.family_name = QLineEdit()
        self.family_name.setAccessibleName(self.tr("Family name"))
        self.given_names = QLineEdit()
        self.given_names.setAccessibleName(self.tr("Given names"))
        self.profession = QComboBox()
        self.profession.setAccessibleName(self.tr("Profession"))
        for code, label in profession_choices():
            self.profession.addItem(label, code)
        self.rpps = QLineEdit()
        self.rpps.setAccessibleName(self.tr("RPPS number"))
        self.rpps.setPlaceholderText(self.tr("11 digits"))
        self.rpps.setMaxLength(20)  # room for the spaces people paste
        self.rpps_message = _message_label()
        self.rpps_message.setText(rpps_problem_text("empty"))
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("Practice address"))
        self.postal_code = QLineEdit()
        self.postal_code.setAccessibleName(self.tr("Postal code"))
        self.postal_code.setMaxLength(5)
        self.city = QLineEdit()
        self.city.setAccessibleName(self.tr("City"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Family name *"), self.family_name)
        form.addRow(self.tr("&Given names *"), self.given_names)
        form.addRow(self.tr("&Profession *"), self.profession)
        form.addRow(self.tr("&RPPS number *"), self.rpps)
        form.addRow("", self.rpps_message)
        form.addRow(self.tr("Practice &address"), self.address)
        form.addRow(self.tr("P&ostal code"), self.postal_code)
        form.addRow(self.tr("Ci&ty"), self.city)

        for field in (self.family_name, self.given_names):
            field.textChanged.connect(self.completeChanged)
        self.rpps.textChanged.connect(self._check_rpps)

    def _check_rpps(self) -> None:
        text = self.rpps.text()
        check = identifiers.validate_rpps(text)
        if check.ok:
            _set_state(self.rpps_message, self.tr("Valid RPPS number."), "ok")
        elif not text.strip():
            _set_state(self.rpps_message, rpps_problem_text("empty"), "hint")
        elif check.reason == "length" and len(check.value) < 11 and check.value.isdecimal():
            # Still typing: say how many digits are left instead of shouting an error.
            left = 11 - len(check.value)
            _set_state(self.rpps_message, self.tr("%n digit(s) to go.", "", left), "hint")
        else:
            _set_state(self.rpps_message, rpps_problem_text(check.reason), "problem")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return (bool(self.family_name.text().strip()) and bool(self.given_names.text().strip())
                and identifiers.validate_rpps(self.rpps.text()).ok)

    def practitioner(self) -> Practitioner:
        return Practitioner(
            family_name=self.family_name.text().strip(),
            given_names=self.given_names.text().strip(),
            profession=self.profession.currentData(),
            rpps=identifiers.validate_rpps(self.rpps.text()).value,
            address=self.address.text().strip(),
            postal_code=self.postal_code.text().strip(),
            city=self.city.text().strip(),
        )


class PassphrasePage(QWizardPage):
    def __init__(self, remember_possible: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The wizard tells it who the practitioner is: their names are refused inside.
        self.personal: Callable[[], tuple[str, ...]] = tuple
        self.setTitle(self.tr("Your passphrase"))
        self.setSubTitle(self.tr(
            "It encrypts your data. Write it down somewhere safe: if it is lost, the data "
            "on this computer cannot be opened."))

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation.setAccessibleName(self.tr("Passphrase confirmation"))
        self.show_text = QCheckBox(self.tr("S&how what I type"))
        self.show_text.setAccessibleName(self.tr("Show the passphrase"))
        self.show_text.toggled.connect(self._toggle_echo)
        self.message = _message_label()
        self.message.setText(passphrase_problem_text("too_short"))

        self.remember = QCheckBox(self.tr("&Remember on this computer"))
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_note = _message_label()
        if remember_possible:
            self.remember_note.setText(self.tr(
                "The system keyring keeps the key: TSN Desktop opens without asking for the "
                "passphrase. The session still locks when you are away."))
        else:
            self.remember.setEnabled(False)
            self.remember_note.setText(self.tr(
                "No secure keyring is available on this computer, so the passphrase will be "
                "asked at each start. You can go on."))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("&Confirmation"), self.confirmation)
        form.addRow("", self.show_text)
        form.addRow("", self.message)
        self.failure = _message_label("problem")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addStretch(1)
        layout.addWidget(self.failure)

        self.passphrase.textChanged.connect(self._check)
        self.confirmation.textChanged.connect(self._check)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirmation.setEchoMode(mode)

    def problem(self) -> str | None:
        """The text to show, or None when both fields agree on an acceptable passphrase."""
        code = passphrase_problem(self.passphrase.text(), self.personal())
        if code:
            return passphrase_refusal_text(code)
        if self.confirmation.text() != self.passphrase.text():
            if not self.confirmation.text():
                return self.tr("Type it again in Confirmation.")
            return self.tr("The two passphrases differ.")
        return None

    def _check(self) -> None:
        problem = self.problem()
        if problem is None:
            _set_state(self.message, self.tr("Passphrase accepted."), "ok")
        else:
            short = passphrase_problem(self.passphrase.text(),
                                       self.personal()) == "too_short"
            _set_state(self.message, problem,
                       "hint" if short or not self.confirmation.text() else "problem")
        self.failure.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.problem() is None


class FirstRunWizard(QWizard):
    """Creates the profile on Finish; emits `profile_created(OpenProfile)`."""

    profile_created = Signal(object)

    def __init__(self, basedir: Path, clock: Clock, *, kdf: KdfParams | None = None,
                 remember_possible: bool | None = None, parent: QWidget | None = None,
                 migrations: Sequence[Migration] | None = None) -> None:
        super().__init__(parent)
        self.basedir = basedir
        self.migrations = migrations  # the app's features'; None: every shipped one
        self.clock = clock
        self.kdf = kdf  # None: the product default; tests pass cheap scrypt parameters
        self.opened: OpenProfile | None = None
        self.setWindowTitle(self.tr("TSN Desktop — new profile"))
        self.setAccessibleName(self.tr("New profile"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        if remember_possible is None:
            remember_possible = keyring_usable()
        self.welcome = WelcomePage()
        self.identity = IdentityPage()
        self.security = PassphrasePage(remember_possible)
        self.security.personal = lambda: personal_words(self.identity.practitioner())
        for page in (self.welcome, self.identity, self.security):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create my profile"))
        names = {
            QWizard.WizardButton.BackButton: self.tr("Back"),
            QWizard.WizardButton.NextButton: self.tr("Next"),
            QWizard.WizardButton.FinishButton: self.tr("Create my profile"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
        }
        for which, name in names.items():
            self.button(which).setAccessibleName(name)
        self.resize(680, 540)

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        if self.currentPage() is not self.security:
            return super().validateCurrentPage()
        return self._create()

    def _create(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.opened = create_profile(
                self.basedir, self.identity.practitioner(), self.security.passphrase.text(),
                remember=self.security.remember.isEnabled() and self.security.remember.isChecked(),
                clock=self.clock, kdf=self.kdf, migrations=self.migrations)
        except ProfileError as exc:
            self._refuse(exc.field)
            return False
        except (VaultError, OSError):
            _set_state(self.security.failure, self.tr(
                "The profile could not be written in {folder}. Check that the disk is not full "
                "and that you may write there, then click the button again.").format(
                    folder=str(self.basedir)), "problem")
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.profile_created.emit(self.opened)
        return True

    def reject(self) -> None:
        """Cancel or Escape: asks first when something was typed, so nothing is lost by a slip."""
        if self.opened is None and self.has_input() and not self.confirm_discard():
            return
        super().reject()

    def has_input(self) -> bool:
        fields = (self.identity.family_name, self.identity.given_names, self.identity.rpps,
                  self.identity.address, self.identity.postal_code, self.identity.city,
                  self.security.passphrase, self.security.confirmation)
        return any(field.text() for field in fields)

    def confirm_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave the profile creation?"),
                          self.tr("What you typed will not be kept."), parent=self)
        leave = box.addButton(self.tr("&Leave"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Keep typing"), QMessageBox.ButtonRole.RejectRole)
        leave.setAccessibleName(self.tr("Leave the profile creation"))
        stay.setAccessibleName(self.tr("Keep typing"))
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is leave

    def _refuse(self, field: str) -> None:
        """Sends the user back to the identity page on the field the core refused."""
        widget = getattr(self.identity, field, None)
        while self.currentPage() is not self.identity:
            self.back()
        if isinstance(widget, QWidget):
            widget.setFocus()
