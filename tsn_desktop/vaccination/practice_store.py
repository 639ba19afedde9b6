"""SQL of the Vaccinations page (migration 0013): kept summaries and their due rows, the
dirty marks the dose triggers leave, recalls, and the practice-wide reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.vaccination.due_list import DueItem, Recall
from tsn_desktop.vaccination.practice import GroupSummary

RECALL_RESOURCE = "VaccinationRecall"  # audit rows only: recalls are not synced


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def patient_rows(db: Database) -> list[tuple]:
    """Every patient record not deleted: (id, birth_name, used_name, given_names, sex,
    birth_date, treating_gp, local_version, replaced_by, archived, deceased_date)."""
    return db.query(
        "SELECT id, birth_name, used_name, given_names, sex, birth_date, treating_gp,"
        " local_version, replaced_by, archived, deceased_date FROM patient WHERE deleted = 0")


def summaries(db: Database) -> dict[str, tuple[str, str, date, date | None]]:
    """patient id -> (patient stamp, pack, assessment date, next change)."""
    return {str(r[0]): (str(r[1]), str(r[2]), date.fromisoformat(r[3]), _d(r[4]))
            for r in db.query("SELECT patient_id, patient_stamp, pack, assessment_date,"
                              " next_change FROM vaccination_summary")}


def dirty(db: Database) -> tuple[set[str], int]:
    """Patients whose doses changed since their summary, and the newest mark's number
    (only marks up to it are cleared with the summaries made from what was read)."""
    rows = db.query("SELECT patient_id, rowid FROM vaccination_summary_dirty")
    return {str(r[0]) for r in rows}, max((int(r[1]) for r in rows), default=0)


def due_items(db: Database) -> list[DueItem]:
    return [DueItem(str(r[0]), str(r[1]), r[2], _d(r[3]), _d(r[4]), _d(r[5]), _d(r[6]))
            for r in db.query("SELECT patient_id, vgroup, dose_number, earliest,"
                              " recommended, past_due, latest FROM vaccination_due")]


def counted_doses(db: Database, patient_ids: Sequence[str] | None = None
                  ) -> list[tuple[str, str, date, str | None, str]]:
    """(dose id, patient id, date, expiry, product) of the doses the engine counts (given,
    not in error), oldest first; every patient's when `patient_ids` is None."""
    sql = ("SELECT id, patient_id, occurrence, expiry, product FROM vaccination_dose"
           " WHERE status = 'completed' AND outcome != 'not-given'")
    params: tuple[Any, ...] = ()
    if patient_ids is not None:
        if not patient_ids:
            return []
        sql += f" AND patient_id IN ({', '.join('?' for _ in patient_ids)})"
        params = tuple(patient_ids)
    rows = db.query(sql + " ORDER BY occurrence, created_at, id", params)
    return [(str(r[0]), str(r[1]), date.fromisoformat(r[2]), r[3], str(r[4])) for r in rows]


def refusals(db: Database, since: date) -> list[tuple[str, date, str]]:
    """(patient id, date, product) of doses not given because refused, from `since`."""
    rows = db.query("SELECT patient_id, occurrence, product FROM vaccination_dose"
                    " WHERE status = 'completed' AND outcome = 'not-given'"
                    " AND reason = 'refused' AND occurrence >= ?", (since.isoformat(),))
    return [(str(r[0]), date.fromisoformat(r[1]), str(r[2])) for r in rows]


def replace_summaries(uow: UnitOfWork,
                      kept: Iterable[tuple[str, str, str, date, date | None,
                                           list[tuple[str, GroupSummary]]]],
                      dropped: Iterable[str], dirty_upto: int) -> None:
    """Stores new summaries (patient id, stamp, pack, assessment date, next change, due
    groups) in place of the old ones, forgets those of `dropped` patients, and clears
    the dirty marks of these patients made up to `dirty_upto`."""
    kept = list(kept)
    ids = [(k[0],) for k in kept] + [(p,) for p in dropped]
    uow.executemany("DELETE FROM vaccination_due WHERE patient_id = ?", ids)
    uow.executemany("DELETE FROM vaccination_summary WHERE patient_id = ?", ids)
    uow.executemany(
        "INSERT INTO vaccination_summary (patient_id, patient_stamp, pack, assessment_date,"
        " next_change) VALUES (?, ?, ?, ?, ?)",
        [(pid, stamp, pack, on.isoformat(), _iso(nxt)) for pid, stamp, pack, on, nxt, _ in kept])
    uow.executemany(
        "INSERT INTO vaccination_due (patient_id, vgroup, dose_number, earliest,"
        " recommended, past_due, latest) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(pid, name, g.forecast_dose_number, _iso(g.earliest), _iso(g.recommended),
          _iso(g.past_due), _iso(g.latest))
         for pid, _s, _p, _o, _n, groups in kept for name, g in groups])
    uow.executemany("DELETE FROM vaccination_summary_dirty WHERE patient_id = ? AND rowid <= ?",
                    [(pid, dirty_upto) for (pid,) in ids])


def clear_dirty(uow: UnitOfWork, patient_ids: Iterable[str], upto: int) -> None:
    uow.executemany("DELETE FROM vaccination_summary_dirty WHERE patient_id = ? AND rowid <= ?",
                    [(pid, upto) for pid in patient_ids])


def recalls(db: Database) -> list[Recall]:
    return [Recall(str(r[0]), str(r[1]), str(r[2]), str(r[3]), date.fromisoformat(r[4]),
                   _d(r[5]))
            for r in db.query("SELECT id, patient_id, vgroup, method, recalled_on, retry_on"
                              " FROM vaccination_recall ORDER BY recalled_on")]


def insert_recall(uow: UnitOfWork, recall: Recall, by_rpps: str) -> None:
    uow.execute("INSERT INTO vaccination_recall (id, patient_id, vgroup, method, recalled_on,"
                " retry_on, by_rpps, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (recall.id, recall.patient_id, recall.group, recall.method,
                 recall.recalled_on.isoformat(), _iso(recall.retry_on), by_rpps,
                 uow.now_iso()))
    uow.audit("create", RECALL_RESOURCE, recall.id)


def postal_addresses(db: Database, patient_ids: Sequence[str]) -> dict[str, tuple]:
    """id -> (sex, birth_name, used_name, given_names, address, postal_code, city)."""
    if not patient_ids:
        return {}
    marks = ", ".join("?" for _ in patient_ids)
    return {str(r[0]): tuple(r[1:]) for r in db.query(
        "SELECT id, sex, birth_name, used_name, given_names, address, postal_code, city"
        f" FROM patient WHERE id IN ({marks})", tuple(patient_ids))}
