"""SQL for readings (migration 0010): append-only rows keyed by the measurement itself."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from tsn_desktop.core.db import Database, UnitOfWork
from tsn_desktop.readings.model import (
    ENTERED_IN_ERROR,
    FINAL,
    KINDS,
    Reading,
    parse_utc,
    utc_text,
)

RESOURCE = "Observation"

_COLUMNS = ("kind, at, value, value2, pulse, original, source, device, flags, patient_id,"
            " status, error_reason, unit")
_SELECT = f"SELECT {_COLUMNS} FROM reading"


def _reading(row: Sequence[Any]) -> Reading:
    return Reading(kind=row[0], at=parse_utc(row[1]), value=row[2], value2=row[3],
                   pulse=row[4], original=row[5], source=row[6], device=row[7],
                   flags=int(row[8]), patient_id=row[9], status=row[10],
                   error_reason=row[11])


def _values(reading: Reading) -> tuple[Any, ...]:
    return (reading.kind, utc_text(reading.at), reading.value, reading.value2, reading.pulse,
            reading.original, reading.source, reading.device, reading.flags,
            reading.patient_id, reading.status, reading.error_reason, reading.unit)


def _note_days(uow: UnitOfWork, readings: Sequence[Reading]) -> None:
    """The days whose chart summary is now behind (refresh_rollup sums them again), one
    row per (patient, kind, UTC day) whatever the number of readings."""
    days = {(r.patient_id, r.kind, utc_text(r.at)[:10]) for r in readings if r.status == FINAL}
    sql = "INSERT OR IGNORE INTO reading_rollup_dirty (patient_id, kind, day) VALUES (?, ?, ?)"
    if len(days) == 1:
        uow.execute(sql, days.pop())
    elif days:
        uow.executemany(sql, sorted(days))


def insert(uow: UnitOfWork, reading: Reading, rid: str | None = None) -> bool:
    """Stores a new reading and queues it for the hub; False (nothing written) when the
    same measurement is already stored. `rid`: another id than the measurement's own
    (a reading given back to a patient it was taken from: see `copy_id`)."""
    now = uow.now_iso()
    rid = rid or reading.id  # a uuid5 of the measurement: computed once
    cur = uow.execute(
        # Only the same id is passed over: any other constraint still fails loudly.
        f"INSERT INTO reading (id, {_COLUMNS}, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        (rid, *_values(reading), now, now))
    if not cur.rowcount:
        return False
    _note_days(uow, [reading])
    # Audited one event per patient file on the hub (an import brings thousands).
    uow.record_change(RESOURCE, rid, "upsert", 1, None,
                      in_file_of=reading.patient_id or None)
    return True


def copy_id(reading_id: str) -> str:
    """The id of the next copy of a measurement whose stored copy is entered-in-error
    because it was given to another patient, when it is given back: readings are never
    rewritten, so it comes back as a new reading; every desktop derives the same id."""
    return str(uuid.uuid5(uuid.UUID(reading_id), "given back"))


def get(src: Database | UnitOfWork, reading_id: str) -> tuple[Reading, int, str | None] | None:
    """(reading, local version, hub version) or None."""
    sql = f"SELECT {_COLUMNS}, local_version, hub_version FROM reading WHERE id = ?"
    row = src.query_one(sql, (reading_id,)) if isinstance(src, Database) else \
        src.execute(sql, (reading_id,)).fetchone()
    return (_reading(row), int(row[13]), row[14]) if row else None


def get_many(db: Database, reading_ids: Sequence[str]) -> dict[str, Reading]:
    """The readings of these ids that are stored (a query per 500 ids)."""
    found: dict[str, Reading] = {}
    for start in range(0, len(reading_ids), 500):
        part = reading_ids[start:start + 500]
        rows = db.query(f"SELECT id, {_COLUMNS} FROM reading WHERE id IN"
                        f" ({', '.join('?' * len(part))})", part)
        found.update((row[0], _reading(row[1:])) for row in rows)
    return found


def exists(uow: UnitOfWork, reading_id: str) -> bool:
    return uow.execute("SELECT 1 FROM reading WHERE id = ?", (reading_id,)).fetchone() \
        is not None


def of_patient(db: Database, patient_id: str, kind: str | None = None,
               start: datetime | None = None, end: datetime | None = None,
               include_errors: bool = False) -> list[Reading]:
    """Oldest first, over the (patient, kind, at) index."""
    clauses, params = ["patient_id = ?"], [patient_id]
    if kind is not None:
        clauses.append("kind = ?")
        params.append(kind)
    if start is not None:
        clauses.append("at >= ?")
        params.append(utc_text(start))
    if end is not None:
        clauses.append("at < ?")
        params.append(utc_text(end))
    if not include_errors:
        clauses.append("status = 'final'")
    rows = db.query(f"{_SELECT} WHERE {' AND '.join(clauses)} ORDER BY kind, at", params)
    return [_reading(r) for r in rows]


def count_final(db: Database, patient_id: str) -> int:
    """The patient's final readings (the page's table), counted on the index."""
    row = db.query_one("SELECT count(*) FROM reading WHERE patient_id = ? AND status = 'final'",
                       (patient_id,))
    return int(row[0]) if row else 0


def newest_first(db: Database, patient_id: str, limit: int,
                 after: tuple[str, int] | None = None
                 ) -> tuple[list[Reading], tuple[str, int] | None]:
    """The next `limit` final readings, newest first, after the key `after` returned by
    the previous call (None: from the newest), and the key of the last one. Each kind's
    (patient, kind, at) index is read backwards a page at a time and the four merged, so
    a page costs the same whether the patient has a hundred readings or a million."""
    found: list[tuple[str, int, Reading]] = []
    for kind in KINDS:
        sql = (f"SELECT {_COLUMNS}, pk FROM reading WHERE patient_id = ? AND kind = ?"
               " AND status = 'final'")
        params: list[Any] = [patient_id, kind]
        if after is not None:
            # `at <= ?` bounds the index range (an OR alone would be read from the end).
            sql += " AND at <= ? AND (at < ? OR pk < ?)"
            params += [after[0], after[0], after[1]]
        rows = db.query(sql + " ORDER BY at DESC, pk DESC LIMIT ?", [*params, limit])
        found += [(str(r[1]), int(r[13]), _reading(r)) for r in rows]
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    page = found[:limit]
    return [r for _at, _pk, r in page], ((page[-1][0], page[-1][1]) if page else None)


def mark_entered_in_error(uow: UnitOfWork, reading_id: str, reason: str) -> bool:
    """The only edit of a reading. False when it is unknown or already marked."""
    found = get(uow, reading_id)
    if found is None or found[0].status == ENTERED_IN_ERROR:
        return False
    _, version, hub_version = found
    uow.execute("UPDATE reading SET status = ?, error_reason = ?, local_version = ?,"
                " updated_at = ? WHERE id = ?",
                (ENTERED_IN_ERROR, reason, version + 1, uow.now_iso(), reading_id))
    uow.record_change(RESOURCE, reading_id, "upsert", version + 1, hub_version)
    return True


def apply_from_hub(uow: UnitOfWork, reading_id: str, reading: Reading,
                   hub_version: str) -> None:
    """The hub's copy, without an outbox row: a new reading, or the entered-in-error mark
    (a reading never changes otherwise)."""
    now = uow.now_iso()
    cur = uow.execute(
        "UPDATE reading SET status = ?, error_reason = ?, hub_version = ?, updated_at = ?,"
        " local_version = local_version + (status != ?) WHERE id = ?",
        (reading.status, reading.error_reason, hub_version, now, reading.status, reading_id))
    if cur.rowcount:
        return
    uow.execute(
        f"INSERT INTO reading (id, {_COLUMNS}, hub_version, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (reading_id, *_values(reading), hub_version, now, now))
    _note_days(uow, [reading])


def apply_many_from_hub(uow: UnitOfWork, items: Sequence[tuple[str, Reading, str]]) -> None:
    """`apply_from_hub` for many (id, reading, hub version) in one statement: a new reading
    is inserted, a known one takes the status, reason and hub version (as above)."""
    now = uow.now_iso()
    uow.executemany(
        f"INSERT INTO reading (id, {_COLUMNS}, hub_version, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
        " SET status = excluded.status, error_reason = excluded.error_reason,"
        " hub_version = excluded.hub_version, updated_at = excluded.updated_at,"
        " local_version = local_version + (status != excluded.status)",
        [(rid, *_values(reading), hub_version, now, now) for rid, reading, hub_version in items])
    # A known reading noted again costs a few rows at most: days, not readings.
    _note_days(uow, [reading for _rid, reading, _version in items])


def set_hub_versions(uow: UnitOfWork, items: Sequence[tuple[str, str]]) -> None:
    """(reading id, hub version) pairs."""
    uow.executemany("UPDATE reading SET hub_version = ? WHERE id = ?",
                    [(version, rid) for rid, version in items])


def set_hub_version(uow: UnitOfWork, reading_id: str, hub_version: str) -> None:
    uow.execute("UPDATE reading SET hub_version = ? WHERE id = ?", (hub_version, reading_id))


def count(db: Database, patient_id: str) -> int:
    row = db.query_one("SELECT count(*) FROM reading WHERE patient_id = ?", (patient_id,))
    return int(row[0]) if row else 0


MOVED = "merged_into_another_patient"


def move_patient(uow: UnitOfWork, from_id: str, to_id: str) -> int:
    """Two files merged: each reading of the duplicate is stored again for the kept patient
    (a new id, the same time, values and device) and the old one is marked entered-in-error
    (a reading is never rewritten). Returns how many moved."""
    rows = uow.execute(f"{_SELECT} WHERE patient_id = ? AND status = 'final'",
                       (from_id,)).fetchall()
    moved = 0
    for row in rows:
        reading = _reading(row)
        insert(uow, replace(reading, patient_id=to_id))
        mark_entered_in_error(uow, reading.id, MOVED)
        moved += 1
    return moved


def of_patient_in(uow: UnitOfWork, patient_id: str) -> list[Reading]:
    """The patient's final readings inside a unit of work (what it wrote included)."""
    rows = uow.execute(f"{_SELECT} WHERE patient_id = ? AND status = 'final' ORDER BY kind, at",
                       (patient_id,)).fetchall()
    return [_reading(r) for r in rows]


def for_rules(src: Database | UnitOfWork, patient_id: str, rate_low: float,
              rate_high: float) -> list[Reading]:
    """The final readings the alert rules need, oldest first: all of them but the heart
    rates inside [rate_low, rate_high], which no rule can fire on (a rate is only looked
    at on its own, alerts.heart_rate): two years of minute-level rates stay out of Python."""
    sql = (f"{_SELECT} WHERE patient_id = ? AND status = 'final' AND (kind != 'heart_rate'"
           " OR value < ? OR value > ?) ORDER BY kind, at")
    params = (patient_id, rate_low, rate_high)
    rows = src.query(sql, params) if isinstance(src, Database) else \
        src.execute(sql, params).fetchall()
    return [_reading(r) for r in rows]


def series_arrays(db: Database, patient_id: str, kind: str, start: datetime | None = None,
                  end: datetime | None = None) -> tuple[Any, ...]:
    """One kind's final readings as numpy arrays (x: epoch seconds float64, values...),
    oldest first, over the (patient, kind, at) index: what the chart draws, without
    building a Reading per row (a million minute-level rates stay a few arrays)."""
    import numpy as np

    clauses, params = ["patient_id = ?", "kind = ?", "status = 'final'"], [patient_id, kind]
    if start is not None:
        clauses.append("at >= ?")
        params.append(utc_text(start))
    if end is not None:
        clauses.append("at < ?")
        params.append(utc_text(end))
    # strftime("%s") turns the stored UTC text into epoch seconds inside SQLite.
    rows = db.query(f"SELECT CAST(strftime('%s', at) AS REAL), value, value2 FROM reading"
                    f" WHERE {' AND '.join(clauses)} ORDER BY at", params)
    table = np.array(rows, dtype=np.float64).reshape(-1, 3) if rows else \
        np.empty((0, 3), dtype=np.float64)
    x = np.ascontiguousarray(table[:, 0])
    y = np.ascontiguousarray(table[:, 1])
    if kind == "blood_pressure":
        return x, y, np.ascontiguousarray(table[:, 2])
    return x, y


def extent(db: Database, patient_id: str) -> dict[str, tuple[float, float]]:
    """Each kind's first and last measured-at (epoch seconds): two seeks of the (patient,
    kind, at) index per kind, whatever the number of readings (entered-in-error rows
    included: the chart's span, not a count)."""
    out: dict[str, tuple[float, float]] = {}
    for kind in ("weight", "blood_pressure", "heart_rate", "steps"):
        # Two queries: SQLite seeks the index for a lone min() or max(), and scans the
        # whole range for both in one (a million rows).
        first = db.query_one("SELECT min(at) FROM reading WHERE patient_id = ? AND kind = ?",
                             (patient_id, kind))
        if first and first[0]:
            last = db.query_one("SELECT max(at) FROM reading WHERE patient_id = ?"
                                " AND kind = ?", (patient_id, kind))
            out[kind] = (parse_utc(first[0]).timestamp(), parse_utc(last[0]).timestamp())
    return out


# The summary's resolutions (seconds a bucket), coarsest first: each divides a day.
ROLLUP_LEVELS = (86400, 3600, 300)


def refresh_rollup(db: Database, patient_id: str) -> int:
    """Sums again the patient's days whose readings changed since (migration 0019's
    triggers note them): one write transaction, only when there are some. Returns how
    many days."""
    if db.query_one("SELECT 1 FROM reading_rollup_dirty WHERE patient_id = ? LIMIT 1",
                    (patient_id,)) is None:
        return 0
    with db.unit_of_work() as uow:
        days = uow.execute("SELECT kind, day FROM reading_rollup_dirty WHERE patient_id = ?",
                           (patient_id,)).fetchall()
        for kind, day in days:
            start = datetime.fromisoformat(f"{day}T00:00:00+00:00")
            first = int(start.timestamp())
            for level in ROLLUP_LEVELS:
                uow.execute("DELETE FROM reading_rollup WHERE patient_id = ? AND kind = ?"
                            " AND level = ? AND bucket >= ? AND bucket < ?",
                            (patient_id, kind, level, first // level,
                             (first + 86400) // level))
            uow.execute(
                "INSERT INTO reading_rollup (patient_id, kind, level, bucket, n, first_e,"
                " last_e, lo, hi, lo2, hi2) SELECT ?, ?, l.level, r.e / l.level, count(*),"
                " min(r.e), max(r.e), min(r.value), max(r.value), min(r.value2),"
                " max(r.value2) FROM (SELECT CAST(strftime('%s', at) AS INTEGER) AS e, value,"
                " value2 FROM reading WHERE patient_id = ? AND kind = ? AND status = 'final'"
                " AND at >= ? AND at < ?) AS r, reading_rollup_level AS l"
                " GROUP BY l.level, r.e / l.level",
                (patient_id, kind, patient_id, kind, utc_text(start),
                 utc_text(start + timedelta(days=1))))
        uow.execute("DELETE FROM reading_rollup_dirty WHERE patient_id = ?", (patient_id,))
    return len(days)


def refresh_all_rollups(db: Database) -> int:
    """Every patient's days behind (after a sync pass pulled readings). Returns the days."""
    return sum(refresh_rollup(db, str(pid)) for (pid,) in
               db.query("SELECT DISTINCT patient_id FROM reading_rollup_dirty"))


def series_buckets(db: Database, patient_id: str, kind: str, start: datetime,
                   end: datetime, buckets: int = 2000) -> tuple[Any, ...]:
    """The window [start, end) cut into `buckets` time buckets, peak downsampling done by
    SQLite: a bucket of one reading gives it as it is (its time and values); a fuller one
    gives its lowest and highest value (systolic and diastolic each for blood pressure),
    at its first and last reading's time. A chart `buckets` pixels wide looks the same as
    with every point, and a million rows come back as at most 2 × `buckets` points.
    Returns (x epoch seconds float64, values...) like series_arrays; steps (one a day)
    give the day's highest count once."""
    import numpy as np

    t0, t1 = start.timestamp(), end.timestamp()
    width = max((t1 - t0) / max(buckets, 1), 1.0)
    level = next((lv for lv in ROLLUP_LEVELS if lv <= width), None)
    if level is None:  # finer than 5 minutes a pixel: a few days, from the readings
        rows = db.query(
            "SELECT CAST((e - ?) / ? AS INTEGER) AS b, count(*), min(e), max(e),"
            " min(value), max(value), min(value2), max(value2) FROM (SELECT"
            " CAST(strftime('%s', at) AS INTEGER) AS e, value, value2 FROM reading"
            " WHERE patient_id = ? AND kind = ? AND status = 'final' AND at >= ?"
            " AND at < ?) GROUP BY b ORDER BY b",
            (t0, width, patient_id, kind, utc_text(start), utc_text(end)))
    else:  # from the summary (migration 0019): a row per bucket
        refresh_rollup(db, patient_id)
        rows = db.query(
            "SELECT CAST((first_e - ?) / ? AS INTEGER) AS b, sum(n), min(first_e),"
            " max(last_e), min(lo), max(hi), min(lo2), max(hi2) FROM reading_rollup"
            " WHERE patient_id = ? AND kind = ? AND level = ? AND bucket >= ?"
            " AND bucket < ? GROUP BY b ORDER BY b",
            (t0, width, patient_id, kind, level, int(t0 // level), int(t1 // level) + 1))
    pair = kind == "blood_pressure"
    if not rows:
        empty = np.empty(0, dtype=np.float64)
        return (empty, empty, empty) if pair else (empty, empty)
    table = np.array(rows, dtype=np.float64)
    if kind == "steps":
        return np.ascontiguousarray(table[:, 2]), np.ascontiguousarray(table[:, 5])
    # One point for a bucket of one reading, two (low, high) for a fuller one.
    repeat = np.where(table[:, 1] > 1, 2, 1)
    full = np.repeat(table[:, 1] > 1, repeat)
    second = np.zeros(len(full), dtype=bool)
    second[np.cumsum(repeat) - 1] = full[np.cumsum(repeat) - 1]
    rows_of = np.repeat(np.arange(len(table)), repeat)
    x = np.where(second, table[rows_of, 3], table[rows_of, 2])
    y = np.where(second, table[rows_of, 5], table[rows_of, 4])
    if not pair:
        return np.ascontiguousarray(x), np.ascontiguousarray(y)
    y2 = np.where(second, table[rows_of, 7], table[rows_of, 6])
    return np.ascontiguousarray(x), np.ascontiguousarray(y), np.ascontiguousarray(y2)
