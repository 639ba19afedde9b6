"""The ordered tuple of features the application is made of, and what is read from it.

Adding a feature is a folder plus one line in `FEATURES`; the navigation follows this
order (Ctrl+1, Ctrl+2... too). Features still to come keep their place as `planned`
entries, so the window shows a placeholder page where they will be.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tsn_desktop.agenda.feature import AGENDA
from tsn_desktop.audit.feature import AUDIT
from tsn_desktop.feature import Feature
from tsn_desktop.network.feature import NETWORK
from tsn_desktop.patients.feature import CARE_TEAM, PATIENTS
from tsn_desktop.readings.feature import READINGS
from tsn_desktop.vaccination.feature import VACCINATION

if TYPE_CHECKING:
    from tsn_desktop.core.settings import Option
    from tsn_desktop.sync.adapters import SyncAdapter


def planned(name: str, title: str) -> Feature:
    """A feature not built yet: a navigation entry with a placeholder page."""
    return Feature(name=name, title=title)


FEATURES: tuple[Feature, ...] = (
    PATIENTS,
    CARE_TEAM,
    VACCINATION,
    READINGS,
    NETWORK,
    AGENDA,
    AUDIT,
)


def page_names(features: Sequence[Feature] = FEATURES) -> tuple[str, ...]:
    """The navigation pages in order (also the `--page` choices)."""
    return tuple(f.name for f in features if f.has_page)


def check(features: Sequence[Feature]) -> None:
    """Two features never share a name (a page, a migration folder, a setting key)."""
    names = [f.name for f in features]
    if len(set(names)) != len(names):
        raise ValueError(f"two features share a name: {names}")
    keys = [o.name for f in features for o in f.options]
    if len(set(keys)) != len(keys):
        raise ValueError("two features declare the same setting")


def migration_packages(features: Sequence[Feature] = FEATURES) -> list[str]:
    return [f.migrations for f in features if f.migrations]


def sync_adapters(features: Sequence[Feature] = FEATURES) -> list[SyncAdapter]:
    return [a for f in features if f.sync_adapters for a in f.sync_adapters()]


def options(features: Sequence[Feature] = FEATURES) -> list[Option[Any]]:
    return [o for f in features for o in f.options]
