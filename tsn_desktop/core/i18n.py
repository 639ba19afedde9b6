"""Loads the app's translations and Qt's own (qtbase) for the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from tsn_desktop.core.settings import LANGUAGES

# Built .qm files ship inside the package (tsn_desktop/i18n); the .ts sources live in i18n/.
QM_DIR = Path(__file__).resolve().parent.parent / "i18n"
_LOCALES = {
    "fr": QLocale(QLocale.Language.French, QLocale.Country.France),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Installs translators for `language` and returns them (keep them alive with the app).

    English also loads a .qm: source strings are English, but plural forms
    ("%n patient(s)") only read well through a translation file.
    """
    if language not in LANGUAGES:
        language = LANGUAGES[0]
    QLocale.setDefault(_LOCALES[language])
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir),
                         (f"tsn_desktop_{language}", str(QM_DIR))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
