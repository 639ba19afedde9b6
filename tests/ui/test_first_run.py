"""First start: the wizard creates an encrypted profile; RPPS and passphrase checked live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from tsn_desktop.core.clock import FrozenClock
from tsn_desktop.core.db import Database
from tsn_desktop.core.vault import DB_FILE, VAULT_FILE, Vault, list_profiles
from tsn_desktop.ui.wizard import FirstRunWizard

from .conftest import PASSPHRASE, RPPS, SessionFactory, fill_wizard, first_run

pytestmark = pytest.mark.gui


def test_wizard_creates_an_encrypted_profile_that_opens_with_its_key(
        make_session: SessionFactory, basedir: Path, clock: FrozenClock, french: object) -> None:
    session = first_run(make_session)

    [info] = list_profiles(basedir)
    assert (info.directory / VAULT_FILE).is_file()
    assert (info.directory / DB_FILE).is_file()
    key = Vault.load(info.directory).unlock(PASSPHRASE, clock)
    db = Database.open(info.directory / DB_FILE, key, clock)
    try:
        assert db.query_one("SELECT family_name, rpps FROM practitioner_profile") == (
            "Lefèvre", RPPS)
    finally:
        db.close()
    # Encrypted at rest: the practitioner's name is not readable in the file.
    assert "Lefèvre".encode() not in (info.directory / DB_FILE).read_bytes()
    assert session.window is not None
    assert "Hélène LEFÈVRE" in session.window.practitioner_label.text()
    assert "Médecin généraliste" in session.window.practitioner_label.text()


def test_rpps_is_checked_while_typing(qtbot, basedir: Path, clock: FrozenClock,
                                      french: object) -> None:
    wizard = FirstRunWizard(basedir, clock, remember_possible=False)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.identity
    page.family_name.setText("Lefèvre")
    page.given_names.setText("Hélène")
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    page.rpps.setText("1001234567")
    assert page.rpps_message.text() == "Encore 1 chiffre."
    assert not next_button.isEnabled()

    page.rpps.setText("10012345674")  # one digit off: the Luhn key catches it
    assert "n'est pas valide" in page.rpps_message.text()
    assert not next_button.isEnabled()

    page.rpps.setText("100 123 456 73")  # as read aloud from the CPS card
    assert page.rpps_message.text() == "Numéro RPPS valide."
    assert next_button.isEnabled()
    wizard.close()


@pytest.mark.parametrize(("passphrase", "confirmation", "expected"), [
    ("court", "court",
     "12 caractères au minimum, une phrase de plusieurs mots est plus facile à retenir."),
    (" le chat dort ici", " le chat dort ici", "Retirez les espaces au début ou à la fin"),
    ("abababababababab", "abababababababab", "Trop répétitive"),
    (PASSPHRASE, PASSPHRASE + "!", "Les deux phrases de passe sont différentes."),
])
def test_a_refused_passphrase_says_why(qtbot, basedir: Path, clock: FrozenClock,
                                       french: object, passphrase: str, confirmation: str,
                                       expected: str) -> None:
    wizard = FirstRunWizard(basedir, clock, remember_possible=False)
    qtbot.addWidget(wizard)
    page = wizard.security
    page.passphrase.setText(passphrase)
    page.confirmation.setText(confirmation)
    assert expected in page.message.text()
    assert not page.isComplete()
    page.confirmation.setText(passphrase)
    if passphrase == PASSPHRASE:
        assert page.message.text() == "Phrase de passe acceptée."
        assert page.isComplete()
    wizard.close()


def test_without_a_keyring_the_wizard_says_so_and_goes_on(
        make_session: SessionFactory, basedir: Path, no_keyring: None, french: object) -> None:
    session = make_session()  # keyring availability detected, not injected
    session.start()
    wizard = session.wizard
    assert wizard is not None
    assert not wizard.security.remember.isEnabled()
    assert "Aucun trousseau sécurisé" in wizard.security.remember_note.text()
    assert "Vous pouvez continuer" in wizard.security.remember_note.text()

    wizard.next()
    wizard.identity.family_name.setText("Lefèvre")
    wizard.identity.given_names.setText("Hélène")
    wizard.identity.rpps.setText(RPPS)
    wizard.next()
    wizard.security.passphrase.setText(PASSPHRASE)
    wizard.security.confirmation.setText(PASSPHRASE)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert session.window is not None
    assert len(list_profiles(basedir)) == 1


def test_with_a_keyring_the_second_start_opens_without_asking(
        make_session: SessionFactory, memory_keyring, french: object) -> None:
    first = first_run(make_session, remember=True)
    assert memory_keyring.secrets, "the key was not put in the keyring"
    first.close()

    second = make_session()
    second.start()
    assert second.unlock_dialog is None
    assert second.wizard is None
    assert second.window is not None and second.window.isVisible()


def test_without_remembering_the_second_start_asks_the_passphrase(
        make_session: SessionFactory, memory_keyring, french: object) -> None:
    first_run(make_session, remember=False).close()
    assert not memory_keyring.secrets

    second = make_session()
    second.start()
    assert second.window is None
    assert second.unlock_dialog is not None and second.unlock_dialog.isVisible()


def test_a_colleague_creates_a_profile_from_the_unlock_dialog(
        make_session: SessionFactory, basedir: Path, french: object) -> None:
    first_run(make_session).close()
    session = make_session(remember_possible=False)
    session.start()
    dialog = session.unlock_dialog
    assert dialog is not None
    dialog.new_button.click()
    assert session.wizard is not None and session.wizard.isVisible()
    assert not dialog.isVisible()

    session.wizard.reject()  # changed her mind: back to the unlock dialog
    assert dialog.isVisible()

    dialog.new_button.click()
    assert session.wizard is not None
    fill_wizard(session.wizard, family_name="Bernard", given_names="Luc")
    assert session.window is not None
    assert "Luc BERNARD" in session.window.practitioner_label.text()
    assert len(list_profiles(basedir)) == 2


def test_cancelling_a_filled_wizard_asks_before_dropping_what_was_typed(
        qtbot, basedir: Path, clock: FrozenClock, monkeypatch, french: object) -> None:
    wizard = FirstRunWizard(basedir, clock, remember_possible=False)
    qtbot.addWidget(wizard)
    wizard.show()
    answers: list[bool] = [False]
    monkeypatch.setattr(wizard, "confirm_discard", lambda: answers.pop())
    wizard.next()
    wizard.identity.family_name.setText("Lefèvre")
    wizard.reject()  # Escape by mistake: "keep typing" answered
    assert wizard.isVisible() and wizard.identity.family_name.text() == "Lefèvre"
    assert answers == []
    wizard.identity.family_name.clear()
    wizard.reject()  # nothing typed: closes without asking
    assert not wizard.isVisible()


def test_a_guessable_passphrase_is_refused_with_its_reason(
        qtbot, basedir: Path, clock: FrozenClock, french: object) -> None:
    wizard = FirstRunWizard(basedir, clock, remember_possible=False)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.identity.family_name.setText("Lefèvre")
    wizard.identity.given_names.setText("Hélène")
    wizard.identity.rpps.setText(RPPS)
    wizard.next()
    page = wizard.security
    for weak, reason in (("motdepasse12", "motdepasse"),
                         ("lefevre2026helene", "votre nom")):
        page.passphrase.setText(weak)
        page.confirmation.setText(weak)
        assert "Trop facile à deviner" in page.message.text()
        assert reason in page.message.text()
        assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.close()
    assert list_profiles(basedir) == []


def test_a_profile_with_a_damaged_key_file_is_offered_as_damaged_not_as_a_first_run(
        make_session: SessionFactory, basedir: Path, clock: FrozenClock,
        french: object) -> None:
    first_run(make_session).close()
    [info] = list_profiles(basedir)
    (info.directory / VAULT_FILE).write_bytes(b"")  # the disk lost it
    [damaged] = list_profiles(basedir)
    assert damaged.damage == "key_file_damaged"
    from tsn_desktop.ui.unlock import UnlockDialog

    dialog = UnlockDialog([damaged], clock, remember_possible=False)
    assert "fichier de clés de ce profil (vault.json) est endommagé" in dialog.message.text()
    assert "Restaurer une sauvegarde" in dialog.message.text()
    assert not dialog.unlock_button.isEnabled()
    dialog.close()

