"""Shared test fixtures: offscreen Qt, a throw-away basedir, a frozen clock, fake keyrings."""

from __future__ import annotations

import gc
import logging
import os

# Before anything imports Qt: tests never need (or touch) a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402
from PySide6.QtCore import QLocale, QStandardPaths, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.helpers import FAST_KDF  # noqa: E402
from tsn_desktop.core import keyring_probe  # noqa: E402
from tsn_desktop.core.clock import FrozenClock  # noqa: E402
from tsn_desktop.core.i18n import install_translators, remove_translators  # noqa: E402
from tsn_desktop.core.vault import KdfParams  # noqa: E402

# Belt and braces: even a test that forgot --basedir writes under Qt's test locations.
QStandardPaths.setTestModeEnabled(True)



def pytest_configure(config: pytest.Config) -> None:
    # The offscreen platform plugin (tests only) cannot pass window size hints on and says
    # so at warning level each time a dialog with a layout is shown; no real platform does.
    config.addinivalue_line("qt_log_ignore", r"This plugin does not support propagateSizeHints")




class MemoryKeyring(KeyringBackend):
    """An in-memory keyring. The OS keyring (Secret Service, Keychain, Credential Locker)
    is outside the project: tests fake it rather than write into the developer's own."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("nothing stored")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_main_thread_only() -> Iterator[None]:
    """As the app does (tsn_desktop.ui.gc_thread): Python's automatic collector, left on,
    finalised a test's Qt object on the DB thread and deadlocked the suite."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _log_warnings_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    """A Python log record at WARNING or above fails the test, as Qt warnings already do
    (qutebrowser's logfail): a test that expects one says so by taking `caplog`."""
    handler = _Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    if "caplog" in request.fixturenames or not handler.records:
        return
    lines = [f"{r.levelname} {r.name}: {r.getMessage()}" for r in handler.records[:5]]
    pytest.fail("unexpected log records at WARNING or above (take `caplog` if the test "
                "expects them):\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Every test starts with no keyring backend, so none can reach the real one."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    # It stands in for an OS store: only those may keep a key (core.keyring_probe).
    monkeypatch.setattr(keyring_probe, "OS_STORES", (
        *keyring_probe.OS_STORES, (MemoryKeyring.__module__, MemoryKeyring.__qualname__)))
    yield backend


@pytest.fixture
def no_keyring() -> Iterator[None]:
    keyring.set_keyring(fail.Keyring())
    yield


@pytest.fixture
def basedir(tmp_path: Path) -> Path:
    path = tmp_path / "tsn"
    path.mkdir()
    return path


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 11, 23, 9, 30, tzinfo=UTC))


@pytest.fixture
def fast_kdf() -> KdfParams:
    return FAST_KDF


def _in_language(qapp: QApplication, language: str) -> Iterator[list[QTranslator]]:
    """The app's and Qt's own catalogues for `language` for one test, then as before."""
    previous = QLocale()
    translators = install_translators(qapp, language)
    yield translators
    remove_translators(qapp, translators)
    QLocale.setDefault(previous)  # the language choice sets the default locale too


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The app's default language, with Qt's own strings (standard buttons) in French."""
    yield from _in_language(qapp, "fr")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    yield from _in_language(qapp, "en")
