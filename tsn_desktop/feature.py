"""The seam every feature plugs into: one `Feature` description per feature package.

The composition root, the main window, the patient file, the settings dialog, sync
review, the demo builder and the command line loop over `tsn_desktop.features.FEATURES`;
none of them names a feature. This module imports no Qt widget: `--help` and the
`--page` choices read the descriptions without building a window, so pages, tabs and
settings pages are factories that import their widgets when called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # types only: importing them here would load Qt for `--help`
    from PySide6.QtWidgets import QWidget

    from tsn_desktop.core.clock import Clock
    from tsn_desktop.core.db import Database
    from tsn_desktop.core.executor import DbRunner
    from tsn_desktop.core.session import Practitioner
    from tsn_desktop.core.settings import Option, Settings
    from tsn_desktop.sync.adapters import SyncAdapter
    from tsn_desktop.sync.client import HubClient
    from tsn_desktop.sync.ui.review import ReviewDescriber


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a title for the catalogue without loading Qt; words it later with
    `QCoreApplication.translate(context, text)`."""
    return text


# Kinds of the inbox entries other features give the network inbox (its texts word them).
INBOX_RECALL = "vaccination_recall"  # a patient recalled whose try-again date has come
INBOX_READING_ALERT = "reading_alert"  # an urgent or alert-level reading nobody acknowledged


@dataclass(frozen=True)
class InboxEntry:
    """Something of a feature that needs the practitioner, shown in the network's inbox.

    `key` is stable and unique across features (the inbox remembers "done" and "snoozed"
    by it, in its own table: the owning feature's data is never changed); `kind` a code;
    `subject` data shown as it is unless the feature words it (`Feature.inbox_words`,
    with `params`); `page` is the page that deals with it, the patient's file opens first.
    """

    key: str
    kind: str
    subject: str
    patient_id: str | None
    patient_name: str
    since: datetime
    due: date | None = None
    important: bool = False
    page: str = ""
    params: tuple[str | float, ...] = ()


# (db, today, the signed-in practitioner's RPPS) -> entries; runs on the database thread.
InboxProvider = Callable[["Database", date, str], list[InboxEntry]]


@dataclass(frozen=True)
class FeatureContext:
    """What a feature's widgets may use: the DB runner (every database call goes through
    it), the clock, the settings, who is signed in, and the other features' patient-file
    tabs (the register's page shows them without knowing whose they are)."""

    runner: DbRunner
    clock: Clock
    settings: Settings
    practitioner: Practitioner
    features: Sequence[Feature] = ()
    # Shows a patient's file (the page that has one), from any page: a due list's row.
    open_patient: Callable[[str], None] = lambda _patient_id: None

    def patient_tabs(self) -> list[QWidget]:
        """One new tab of each feature that adds one, in feature order."""
        return [make(self) for feature in self.features for make in feature.patient_tabs]

    def inbox_providers(self) -> list[InboxProvider]:
        """What the other features put in the inbox, in feature order."""
        return [f.inbox_items for f in self.features if f.inbox_items]

    def inbox_records(self) -> frozenset[str]:
        """Record types whose changes may change other features' inbox entries."""
        return frozenset(t for f in self.features for t in f.inbox_records)

    def inbox_words(self, entry: InboxEntry) -> str:
        """An entry's subject in words, by the feature that gave it (GUI thread)."""
        for feature in self.features:
            if feature.inbox_items and feature.inbox_words and entry.kind in feature.inbox_kinds:
                return feature.inbox_words(entry)
        return entry.subject


@runtime_checkable
class PatientTab(Protocol):
    """A tab of the patient file (a QWidget that also has these)."""

    def title(self) -> str:
        """The tab's label, translated, with its `&` shortcut."""
        ...

    def show_patient(self, patient: Any, today: date) -> None:
        """Shows this feature's part of the patient's file (`patient`: patients.model.Patient)."""
        ...

    def clear(self) -> None:
        """Forgets the patient (session lock): nothing of the file stays in a hidden widget."""
        ...

    def has_unsaved(self) -> bool:
        """True while the tab holds typed data not yet saved (the file asks before leaving)."""
        ...


@runtime_checkable
class SettingsPage(Protocol):
    """A feature's group in the settings dialog (a QWidget that also has these)."""

    def title(self) -> str:
        ...

    def apply(self) -> None:
        """Writes what the user chose into the settings (the dialog's OK)."""
        ...


@dataclass(frozen=True)
class FeatureAction:
    """A menu entry of the window's "Tools" menu: `title` marked with
    `QT_TRANSLATE_NOOP("Actions", ...)`, an optional shortcut, and what it does."""

    title: str
    run: Callable[[FeatureContext, QWidget], None]
    shortcut: str = ""


PageFactory = Callable[[FeatureContext], "QWidget"]
TabFactory = Callable[[FeatureContext], "QWidget"]
SettingsPageFactory = Callable[["Settings"], "QWidget"]
DemoSeed = Callable[["Database", "Clock", str, int], None]
# After a successful sync pass, off the GUI thread: (run on the DB thread, hub client).
# The hook reads what it needs through the first and talks to the hub with the second.
AfterSync = Callable[[Callable[[Callable[["Database"], Any]], Any], "HubClient"], None]


@dataclass(frozen=True)
class Feature:
    """Everything a feature adds to the application, declared in its own package.

    `name` is its code (the `--page` choice when it has a page); `title` its navigation
    label, marked with `QT_TRANSLATE_NOOP("Navigation", ...)`. A feature with no `page`
    but a title gets a "comes in a later version" placeholder page; one with neither
    adds nothing to the navigation. `migrations` names the package holding its numbered
    .sql files in a `migrations/` folder (one number line for the whole app). `demo`
    seeds the demo practice: (db, clock, "gp" or "nurse", how many patients). `on_open`
    runs on the database each time a profile opens, before sync starts. `actions` go in
    the window's "Tools" menu. `inbox_items` gives the network inbox what of this feature
    needs the practitioner (entries of `inbox_kinds`), `inbox_words` words their subject,
    and a change to a record of `inbox_records` (types) makes the open inbox read them again.
    `after_sync` runs after each successful sync pass (see AfterSync); its failures
    are logged by type and never fail the pass.
    """

    name: str
    title: str = ""
    page: PageFactory | None = None
    patient_tabs: Sequence[TabFactory] = ()
    sync_adapters: Callable[[], Sequence[SyncAdapter]] | None = None
    review: Callable[[], ReviewDescriber] | None = None
    options: Sequence[Option[Any]] = ()
    settings_page: SettingsPageFactory | None = None
    migrations: str | None = None
    demo: DemoSeed | None = None
    on_open: Callable[[Database], None] | None = None
    actions: Sequence[FeatureAction] = ()
    inbox_items: InboxProvider | None = None
    inbox_kinds: Sequence[str] = ()
    inbox_words: Callable[[InboxEntry], str] | None = None
    inbox_records: Sequence[str] = ()
    after_sync: AfterSync | None = None

    @property
    def has_page(self) -> bool:
        return bool(self.title)
