"""SQL of the Vaccinations page (migration 0013): kept summaries and their due rows, the
dirty marks the dose triggers leave, recalls, and the practice-wide reads."""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from datetime import date

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.vaccination.due_list import Recall
from tsn_desktop.vaccination.practice import GroupSummary

RECALL_RESOURCE = "VaccinationRecall"  # audit rows only: recalls are not synced


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_ACTIVE = "p.deleted = 0 AND p.replaced_by = '' AND p.archived = 0 AND p.deceased_date IS NULL"
_STAMP = "p.birth_date || '|' || p.sex || '|' || p.local_version"


def patient_rows(db: Database, patient_ids: Sequence[str] | None = None) -> list[tuple]:
    """Active patient files (all, or these): (id, birth_name, used_name, given_names, sex,
    birth_date, treating_gp, stamp)."""
    sql = (f"SELECT p.id, p.birth_name, p.used_name, p.given_names, p.sex, p.birth_date,"
           f" p.treating_gp, {_STAMP} FROM patient p WHERE {_ACTIVE}")
    if patient_ids is None:
        return db.query(sql)
    rows: list[tuple] = []
    ids = list(patient_ids)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows += db.query(sql + f" AND p.id IN ({', '.join('?' for _ in part)})", tuple(part))
    return rows


def stale_ids(db: Database, today: date, pack: str) -> list[str]:
    """Active patients whose kept summary is missing or made from another version of the
    file, another pack, or no longer holds on `today` (its next change has come, or the
    clock went back). One query over the register: only these ids come back."""
    t = today.isoformat()
    return [str(r[0]) for r in db.query(
        "SELECT p.id FROM patient p LEFT JOIN vaccination_summary s ON s.patient_id = p.id"
        f" WHERE {_ACTIVE} AND (s.patient_id IS NULL OR s.patient_stamp != {_STAMP}"
        " OR s.pack != ? OR s.assessment_date > ? OR s.next_change <= ?)", (pack, t, t))]


def dropped_ids(db: Database) -> list[str]:
    """Kept summaries of files no longer in the list (deleted, archived, deceased, merged)."""
    return [str(r[0]) for r in db.query(
        "SELECT s.patient_id FROM vaccination_summary s LEFT JOIN patient p"
        f" ON p.id = s.patient_id WHERE p.id IS NULL OR NOT ({_ACTIVE})")]


def merged(db: Database) -> dict[str, str]:
    """Merged duplicates: id -> the record it was merged into (a few rows at most)."""
    return {str(r[0]): str(r[1]) for r in db.query(
        "SELECT id, replaced_by FROM patient WHERE replaced_by != ''")}


def kept_files(db: Database, patient_ids: Iterable[str]) -> dict[str, str]:
    """For these ids only: the file each was merged into, chains followed (id -> kept)."""
    out = {pid: pid for pid in patient_ids}
    frontier = set(out)
    for _ in range(20):  # a merge chain is a few links long
        if not frontier:
            break
        marks = ", ".join("?" for _ in frontier)
        moved = {str(r[0]): str(r[1]) for r in db.query(
            f"SELECT id, replaced_by FROM patient WHERE id IN ({marks}) AND replaced_by != ''",
            tuple(frontier))}
        for pid, target in out.items():
            if target in moved:
                out[pid] = moved[target]
        frontier = set(moved.values())
    return out


def duplicates_of(db: Database, patient_ids: Sequence[str]) -> dict[str, str]:
    """Merged duplicates of these files (and of their duplicates): id -> file kept.
    `deleted IN (0, 1) AND archived IN (0, 1)` lets SQLite use the patient_active index
    (deleted, archived, replaced_by, ...) instead of reading the whole register."""
    out: dict[str, str] = {}
    frontier = list(patient_ids)
    while frontier:
        marks = ", ".join("?" for _ in frontier)
        rows = db.query("SELECT id, replaced_by FROM patient WHERE deleted IN (0, 1)"
                        f" AND archived IN (0, 1) AND replaced_by IN ({marks})",
                        tuple(frontier))
        frontier = []
        for pid, target in rows:
            if str(pid) not in out:
                out[str(pid)] = out.get(str(target), str(target))
                frontier.append(str(pid))
    return out


def dirty(db: Database) -> tuple[set[str], int]:
    """Patients whose doses changed since their summary, and the newest mark's number
    (only marks up to it are cleared with the summaries made from what was read)."""
    rows = db.query("SELECT patient_id, rowid FROM vaccination_summary_dirty")
    return {str(r[0]) for r in rows}, max((int(r[1]) for r in rows), default=0)


def coverage_rows(db: Database) -> list[tuple[str, str, int, str, str, bytes]]:
    """Every kept summary: (id, name, birth day, sex, treating GP, packed dose facts)."""
    return db.query("SELECT patient_id, name, birth_day, sex, treating_gp, facts"
                    " FROM vaccination_summary")


def page_rows(db: Database) -> list[tuple[str, str, int, str, str, bytes]]:
    """Every kept summary with something due: (id, name, birth day, sex, treating GP,
    packed due groups)."""
    return db.query("SELECT patient_id, name, birth_day, sex, treating_gp, due"
                    " FROM vaccination_summary WHERE length(due) > 0")


def due_groups(db: Database) -> dict[int, str]:
    return {int(r[0]): str(r[1]) for r in db.query(
        "SELECT code, name FROM vaccination_due_group")}


def dose_facts(db: Database) -> list[tuple[str, str, str]]:
    """(patient id, ISO date, product) of every dose the engine counts (coverage)."""
    return db.query("SELECT patient_id, occurrence, product FROM vaccination_dose"
                    " WHERE status = 'completed' AND outcome != 'not-given'")


def counted_dose_rows(db: Database, patient_ids: Sequence[str] | None = None
                      ) -> list[tuple[str, str, str, str | None, str, str]]:
    """(dose id, patient id, ISO date, expiry, product, created at) of the doses the
    engine counts (every patient's when `patient_ids` is None), in no order: sorting
    each patient's few doses in Python (prepare_refresh: by date, then ISO text,
    created_at and id) costs less than an ORDER BY over the whole practice's."""
    sql = ("SELECT id, patient_id, occurrence, expiry, product, created_at"
           " FROM vaccination_dose WHERE status = 'completed' AND outcome != 'not-given'")
    if patient_ids is None:
        return db.query(sql)
    if not patient_ids:
        return []
    return db.query(sql + f" AND patient_id IN ({', '.join('?' for _ in patient_ids)})",
                    tuple(patient_ids))


def refusals(db: Database, since: date) -> list[tuple[str, date, str]]:
    """(patient id, date, product) of doses not given because refused, from `since`."""
    rows = db.query("SELECT patient_id, occurrence, product FROM vaccination_dose"
                    " WHERE status = 'completed' AND outcome = 'not-given'"
                    " AND reason = 'refused' AND occurrence >= ?", (since.isoformat(),))
    return [(str(r[0]), date.fromisoformat(r[1]), str(r[2])) for r in rows]


NONE_DAY = date.max.toordinal() + 1  # a missing date in a packed due row


def _group_codes(uow: UnitOfWork, names: Iterable[str]) -> dict[str, int]:
    wanted = set(names)
    codes = {str(r[1]): int(r[0]) for r in uow.execute(
        "SELECT code, name FROM vaccination_due_group").fetchall()}
    for name in sorted(wanted - set(codes)):
        codes[name] = int(uow.execute("INSERT INTO vaccination_due_group (name) VALUES (?)",
                                      (name,)).lastrowid)
    return codes


def _pack(groups: list[tuple[str, GroupSummary]], codes: dict[str, int]) -> bytes:
    values: list[int] = []
    for name, g in groups:
        if g.recommended is None:
            continue  # nothing the due list could show
        values += [codes[name], g.forecast_dose_number or 0, g.recommended.toordinal(),
                   g.past_due.toordinal() if g.past_due else NONE_DAY,
                   g.latest.toordinal() if g.latest else NONE_DAY]
    return struct.pack(f"<{len(values)}i", *values)


def replace_summaries(uow: UnitOfWork,
                      kept: Iterable[tuple[str, str, str, date, date | None,
                                           tuple[str, date, str, str],
                                           list[tuple[str, GroupSummary]], bytes]],
                      dropped: Iterable[str]) -> None:
    """Stores new summaries (patient id, stamp, pack, assessment date, next change,
    (name, birth date, sex, treating GP), due groups, packed dose facts) in place of the
    old ones, and forgets those of `dropped` patients."""
    kept = list(kept)
    codes = _group_codes(uow, (name for k in kept for name, _g in k[6]))
    uow.executemany("DELETE FROM vaccination_summary WHERE patient_id = ?",
                    [(p,) for p in dropped])
    uow.executemany(
        "INSERT OR REPLACE INTO vaccination_summary (patient_id, patient_stamp, pack,"
        " assessment_date, next_change, name, birth_day, sex, treating_gp, due, facts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(pid, stamp, pack, on.isoformat(), _iso(nxt), name, birth.toordinal(), sex, gp,
          _pack(groups, codes), facts)
         for pid, stamp, pack, on, nxt, (name, birth, sex, gp), groups, facts in kept])


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
    uow.note_kept(RECALL_RESOURCE, recall.id)


def postal_addresses(db: Database, patient_ids: Sequence[str]) -> dict[str, tuple]:
    """id -> (sex, birth_name, used_name, given_names, address, postal_code, city)."""
    if not patient_ids:
        return {}
    marks = ", ".join("?" for _ in patient_ids)
    return {str(r[0]): tuple(r[1:]) for r in db.query(
        "SELECT id, sex, birth_name, used_name, given_names, address, postal_code, city"
        f" FROM patient WHERE id IN ({marks})", tuple(patient_ids))}
