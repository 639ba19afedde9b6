"""What the vaccination feature puts in the network inbox: recalls to try again."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from tsn_desktop.core.db import Database
from tsn_desktop.feature import INBOX_RECALL, InboxEntry
from tsn_desktop.vaccination import practice_service


def inbox_entries(db: Database, today: date, _me: str) -> list[InboxEntry]:
    """One entry per recall whose try-again date has come; overdue ones are important.
    The key carries the recall: a new recall of the patient is a new entry."""
    return [InboxEntry(f"{INBOX_RECALL}:{recall.id}", INBOX_RECALL, recall.group,
                       recall.patient_id, name,
                       datetime.combine(recall.recalled_on, time(), UTC),
                       due=recall.retry_on, important=recall.retry_on is not None
                       and recall.retry_on < today, page="vaccinations")
            for recall, name in practice_service.recalls_to_try_again(db, today)]
