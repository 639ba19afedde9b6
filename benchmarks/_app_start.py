"""Child process of startup_search.py: start TSN Desktop on a profile, unlock it with the
passphrase (scrypt included), show the main window, and print READY once the patient
list is filled. Mirrors cli.run without the dialogs a person would click through."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    basedir, passphrase = Path(sys.argv[1]), sys.argv[2]
    from PySide6.QtWidgets import QApplication

    from tsn_desktop.app import TsnApp
    from tsn_desktop.core import settings as options
    from tsn_desktop.core.clock import SystemClock
    from tsn_desktop.core.i18n import install_translators
    from tsn_desktop.core.session import open_with_key
    from tsn_desktop.core.settings import Settings
    from tsn_desktop.core.vault import Vault, list_profiles
    from tsn_desktop.screenshots import settle
    from tsn_desktop.ui.theme import apply_theme

    qapp = QApplication(sys.argv[:1])
    settings = Settings(basedir)
    translators = install_translators(qapp, settings.get(options.LANGUAGE))  # noqa: F841
    apply_theme(qapp)
    clock = SystemClock()
    session = TsnApp(qapp, basedir, settings, clock)
    vault = Vault.load(list_profiles(basedir)[0].directory)
    session.enter(open_with_key(vault, vault.unlock(passphrase, clock), clock,
                                remembered=False))
    assert session.window is not None
    session.window.resize(1280, 800)
    settle(qapp, session, session.window)
    print("READY", flush=True)
    session.close()


if __name__ == "__main__":
    main()
