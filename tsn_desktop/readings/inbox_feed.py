"""What the readings feature puts in the network inbox: urgent and alert-level alerts
nobody acknowledged yet."""

from __future__ import annotations

from datetime import date

from tsn_desktop.core.db import Database
from tsn_desktop.feature import INBOX_READING_ALERT, InboxEntry
from tsn_desktop.readings import alerts, pathways_store

_SHOWN = (alerts.URGENT, alerts.ALERT)


def inbox_entries(db: Database, _today: date, _me: str) -> list[InboxEntry]:
    """Reads only what is raised (acknowledging stays the Readings page's act)."""
    found = [a for a in pathways_store.practice_alerts(db) if a.severity in _SHOWN]
    names = pathways_store.patient_names(db, [a.patient_id for a in found])
    return [InboxEntry(f"{INBOX_READING_ALERT}:{a.id}", INBOX_READING_ALERT, a.code,
                       a.patient_id, names.get(a.patient_id, ""), a.at,
                       important=a.severity == alerts.URGENT, page="readings",
                       params=(a.code, a.severity, *a.figures))
            for a in found]


def alert_of(entry: InboxEntry) -> alerts.Alert:
    """The alert an entry stands for, for its wording."""
    code, severity, *figures = entry.params
    return alerts.Alert(str(code), str(severity), entry.since,
                        tuple(float(f) for f in figures))
