"""SQL for the "to assign" inbox (migration 0015): readings kept whole until a
practitioner says whose they are; assigning keeps the measured-at time and device."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.readings.inbox import InboxGroup
from tsn_desktop.readings.model import Reading, parse_utc, utc_text

RESOURCE = "ReadingInbox"
_NS = uuid.UUID("3b8e0d4c-9f1a-5c7e-a2d4-6e8f0b1c3d59")


def _key(r: Reading) -> str:
    values = f"{r.value:.2f}|{'' if r.value2 is None else f'{r.value2:.2f}'}"
    return str(uuid.uuid5(_NS, f"{r.kind}|{utc_text(r.at)}|{values}|{r.user}|{r.device}"))


def add(uow: UnitOfWork, import_id: str, file: str, rows: Iterable[tuple[Reading, str]],
        suggested: str | None) -> tuple[int, int]:
    """(added, already in the inbox): the same file imported twice waits once."""
    now = uow.now_iso()
    added = already = 0
    for r, reason in rows:
        cur = uow.execute(
            "INSERT INTO reading_unassigned (import_id, file, reason, user_label,"
            " suggested_patient_id, kind, at, value, value2, pulse, original, source, device,"
            " flags, created_at, import_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?) ON CONFLICT (import_key) DO NOTHING",
            (import_id, file, reason, r.user, suggested, r.kind, utc_text(r.at), r.value,
             r.value2, r.pulse, r.original, r.source, r.device, r.flags, now, _key(r)))
        if cur.rowcount:
            added += 1
        else:
            already += 1
    if added:
        uow.audit("create", RESOURCE, import_id)
    return added, already


_COLS = "pk, kind, at, value, value2, pulse, original, source, device, flags, user_label," \
        " assigned_to, assigned_reading_id"


def rows_of(src: UnitOfWork, import_id: str, user_label: str) -> list[tuple[int, Reading,
                                                                          str | None,
                                                                          str | None]]:
    """(pk, reading without patient, assigned to, assigned reading id) of one group."""
    out = []
    for row in src.execute(f"SELECT {_COLS} FROM reading_unassigned WHERE import_id = ?"
                           " AND user_label = ? ORDER BY at", (import_id, user_label)):
        out.append((int(row[0]), Reading(row[1], parse_utc(row[2]), row[3], row[4], row[5],
                                         original=row[6], source=row[7], device=row[8],
                                         flags=int(row[9]), user=row[10]), row[11], row[12]))
    return out


def mark_assigned(uow: UnitOfWork, pk: int, patient_id: str, reading_id: str) -> None:
    uow.execute("UPDATE reading_unassigned SET assigned_to = ?, assigned_reading_id = ?,"
                " assigned_by = ?, assigned_at = ? WHERE pk = ?",
                (patient_id, reading_id, uow.actor, uow.now_iso(), pk))


def groups(db: Database, include_assigned: bool = False) -> list[InboxGroup]:
    where = "" if include_assigned else " HAVING max(assigned_to IS NULL) = 1"
    rows: list[Any] = db.query(
        "SELECT import_id, file, user_label, min(reason), count(*), min(at), max(at),"
        " group_concat(DISTINCT kind), max(assigned_to) FROM reading_unassigned"
        f" GROUP BY import_id, user_label{where} ORDER BY max(created_at) DESC, user_label")
    return [InboxGroup(r[0], r[1], r[2], r[3], int(r[4]), parse_utc(r[5]), parse_utc(r[6]),
                       tuple(sorted(str(r[7]).split(","))), r[8]) for r in rows]


def waiting(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM reading_unassigned WHERE assigned_to IS NULL")
    return int(row[0]) if row else 0
