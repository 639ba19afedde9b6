"""Readings whose patient is not certain: the triage rules (pure) and the inbox records."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tsn_desktop.readings.model import Reading

SEVERAL_USERS = "several_users"      # a file with readings of more than one user
NAME_MISMATCH = "name_mismatch"      # the file names someone else


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def names_match(label: str, family_names: Sequence[str]) -> bool:
    """Does a name the file gives ("DUPONT Jean") carry one of the patient's family
    names (birth or used), accents and case aside? A device user number is no name."""
    words = set(_plain(label).replace("-", " ").split())
    return any(set(_plain(f).replace("-", " ").split()) <= words for f in family_names if f)


def _is_name(label: str) -> bool:
    return bool(label) and not label.startswith(("user ", "Patient/", "urn:"))


def triage(readings: Sequence[Reading], family_names: Sequence[str]
           ) -> tuple[list[Reading], list[tuple[Reading, str]]]:
    """(certain, uncertain with the reason). A file naming several users sends every
    reading to the inbox (which user is this patient?); a file naming someone else sends
    theirs; a file that names nobody, or only this patient, is certain."""
    users = {r.user for r in readings if r.user}
    if len(users) > 1:
        return [], [(r, SEVERAL_USERS) for r in readings]
    certain: list[Reading] = []
    uncertain: list[tuple[Reading, str]] = []
    for r in readings:
        if _is_name(r.user) and not names_match(r.user, family_names):
            uncertain.append((r, NAME_MISMATCH))
        else:
            certain.append(r)
    return certain, uncertain


@dataclass(frozen=True)
class InboxGroup:
    """Readings of one user of one imported file, waiting for (or given) a patient."""

    import_id: str
    file: str
    user_label: str
    reason: str
    count: int
    first: datetime
    last: datetime
    kinds: tuple[str, ...]
    assigned_to: str | None
    assigned_name: str = ""
