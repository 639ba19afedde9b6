"""The settings registry: declared options, defaults, refused values, one file per basedir."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tsn_desktop.core import settings as options
from tsn_desktop.core.settings import SETTINGS_FILE, SETTINGS_VERSION, Option, Settings


def test_defaults_french_and_ten_minutes(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.get(options.LANGUAGE) == "fr"
    assert settings.get(options.LOCK_AFTER_MINUTES) == 10
    assert settings.get(options.LAST_PROFILE_ID) == ""
    assert settings.get(options.WINDOW_GEOMETRY) == b""


def test_values_survive_a_restart_in_the_basedir_file(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set(options.LANGUAGE, "en")
    settings.set(options.LOCK_AFTER_MINUTES, 5)
    settings.set(options.WINDOW_GEOMETRY, b"\x01\x00\xff")
    settings.sync()
    assert (tmp_path / SETTINGS_FILE).is_file()
    again = Settings(tmp_path)
    assert again.get(options.LANGUAGE) == "en"
    assert again.get(options.LOCK_AFTER_MINUTES) == 5
    assert again.get(options.WINDOW_GEOMETRY) == b"\x01\x00\xff"


def test_two_basedirs_do_not_share_settings(tmp_path: Path) -> None:
    Settings(tmp_path / "a").set(options.LANGUAGE, "en")
    assert Settings(tmp_path / "b").get(options.LANGUAGE) == "fr"


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path: Path) -> None:
    Settings(tmp_path).sync()
    raw = QSettings(str(tmp_path / SETTINGS_FILE), QSettings.Format.IniFormat)
    raw.setValue(options.LOCK_AFTER_MINUTES.name, "jamais")
    raw.setValue(options.LANGUAGE.name, "de")
    raw.sync()
    settings = Settings(tmp_path)
    assert settings.get(options.LOCK_AFTER_MINUTES) == 10
    assert settings.get(options.LANGUAGE) == "fr"


@pytest.mark.parametrize(("option", "value"), [
    (options.LOCK_AFTER_MINUTES, 0), (options.LOCK_AFTER_MINUTES, "10"),
    (options.LANGUAGE, "de"),
])
def test_refused_values_are_not_written(tmp_path: Path, option: Option, value: object) -> None:
    with pytest.raises(ValueError):
        Settings(tmp_path).set(option, value)


def test_an_undeclared_option_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        Settings(tmp_path).set(Option("ui/typo", str, ""), "x")


def test_the_file_records_its_version(tmp_path: Path) -> None:
    Settings(tmp_path)
    raw = QSettings(str(tmp_path / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert int(raw.value("meta/settings_version")) == SETTINGS_VERSION


def test_upgrades_run_once_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = QSettings(str(tmp_path / SETTINGS_FILE), QSettings.Format.IniFormat)
    raw.setValue("meta/settings_version", 1)
    raw.setValue("lock_minutes", 7)  # an imagined old key name
    raw.sync()
    ran: list[int] = []

    def rename(qs: QSettings) -> None:
        ran.append(2)
        qs.setValue(options.LOCK_AFTER_MINUTES.name, int(qs.value("lock_minutes")))
        qs.remove("lock_minutes")

    monkeypatch.setattr(options, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(options.UPGRADES, 2, rename)
    assert Settings(tmp_path).get(options.LOCK_AFTER_MINUTES) == 7
    Settings(tmp_path)
    assert ran == [2]
