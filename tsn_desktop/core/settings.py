"""One declarative registry of user settings, stored by QSettings in an INI file under basedir.

Core declares its own options here; each feature declares its own in its `Feature`
description, and the app adds them with `Settings.declare`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

SETTINGS_FILE = "settings.ini"
# Bump when an upgrade step is added to UPGRADES; the file records the version it was written at.
SETTINGS_VERSION = 1
_VERSION_KEY = "meta/settings_version"


@dataclass(frozen=True)
class Option(Generic[T]):
    """A setting: its key in the file, its Python type and default, and what values it accepts.

    Picard's `Option` pattern: every setting is declared once (here for core, in its
    feature's description otherwise) and read through `Settings.get`, so a typo or an
    out-of-range value in the file falls back to the default.
    """

    name: str
    type: type
    default: T
    accepts: Callable[[Any], bool] = lambda _value: True


LANGUAGES = ("fr", "en")

LANGUAGE: Option[str] = Option("ui/language", str, "fr", lambda v: v in LANGUAGES)
LOCK_AFTER_MINUTES: Option[int] = Option(
    "security/lock_after_minutes", int, 10, lambda v: 1 <= v <= 240)
LAST_PROFILE_ID: Option[str] = Option("profiles/last_profile_id", str, "")
WINDOW_GEOMETRY: Option[bytes] = Option("ui/window_geometry", bytes, b"")
# Scheduled encrypted backups of the profile (core.backup): where, and every how many days
# (0: only when asked).
BACKUP_FOLDER: Option[str] = Option("backup/folder", str, "")
BACKUP_INTERVAL_DAYS: Option[int] = Option("backup/interval_days", int, 7,
                                           lambda v: 0 <= v <= 90)

CORE_OPTIONS: tuple[Option[Any], ...] = (LANGUAGE, LOCK_AFTER_MINUTES, LAST_PROFILE_ID,
                                         WINDOW_GEOMETRY, BACKUP_FOLDER, BACKUP_INTERVAL_DAYS)

# Versioned upgrades: UPGRADES[n] turns a file written at version n-1 into version n.
# Version 1 is the first release, so there is nothing to convert yet.
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """Typed access to the registry over one QSettings INI file (so --basedir isolates it)."""

    def __init__(self, basedir: Path, options: Iterable[Option[Any]] = ()) -> None:
        basedir.mkdir(parents=True, exist_ok=True)
        self.registry: dict[str, Option[Any]] = {}
        self.declare(CORE_OPTIONS)
        self.declare(options)
        self.path = basedir / SETTINGS_FILE
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def declare(self, options: Iterable[Option[Any]]) -> None:
        """Adds a feature's options; one key is never declared twice with two meanings."""
        for option in options:
            known = self.registry.get(option.name)
            if known is not None and known is not option:
                raise ValueError(f"setting {option.name} declared twice")
            self.registry[option.name] = option

    def get(self, option: Option[T]) -> T:
        raw = self._qs.value(option.name)
        if raw is None:
            return option.default
        try:
            value = _convert(raw, option.type)
        except (TypeError, ValueError):
            return option.default
        return value if option.accepts(value) else option.default

    def set(self, option: Option[T], value: T) -> None:
        if self.registry.get(option.name) is not option:
            raise KeyError(f"undeclared setting {option.name}")
        if not isinstance(value, option.type) or not option.accepts(value):
            raise ValueError(f"{option.name}: value refused")
        stored = QByteArray(cast(bytes, value)) if option.type is bytes else value
        self._qs.setValue(option.name, stored)

    def sync(self) -> None:
        self._qs.sync()

    def _upgrade(self) -> None:
        stored = self._qs.value(_VERSION_KEY)
        try:
            version = int(stored) if stored is not None else 0
        except (TypeError, ValueError):
            version = 0
        if version == 0 and not self._qs.allKeys():
            version = SETTINGS_VERSION  # a fresh file: nothing to upgrade
        for step in range(version + 1, SETTINGS_VERSION + 1):
            upgrade = UPGRADES.get(step)
            if upgrade is not None:
                upgrade(self._qs)
        if stored is None or version != SETTINGS_VERSION:
            self._qs.setValue(_VERSION_KEY, SETTINGS_VERSION)
            self._qs.sync()


def _convert(raw: Any, kind: type) -> Any:
    # The INI backend hands everything back as strings; QByteArray stays binary.
    if kind is bytes:
        return bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
    if kind is bool:
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
    if kind is int:
        return int(raw)
    return kind(raw)
