"""One sync pass: push the outbox, then pull hub changes (or a snapshot after 410).

Crash safety, step by step:
- push: the batch (op ids and bodies) is committed to `sync_inflight` before it is
  sent; after a crash the same ops go again and the hub answers "duplicate". Ops
  are marked sent only in the transaction that stores the hub's answer.
- pull: each page is applied and the cursor advanced in one transaction; a change
  already seen (same hub version in `hub_base`) is skipped, so replays are harmless.
- hub changes are written through the adapters without outbox rows.

Network calls never run inside a database call: the DB executor stays free for the
GUI while the hub is slow. Logs carry op ids, types and counts only.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any, TypeVar

from tsn_desktop.core import jsontext, outbox
from tsn_desktop.core.audit import HUB_RESOURCE as AUDIT_TRAIL
from tsn_desktop.core.clock import Clock
from tsn_desktop.core.db import Database, UnitOfWork, new_id
from tsn_desktop.sync.adapters import AdapterRegistry, MergeResult, Resource, hub_copy, same
from tsn_desktop.sync.client import HubClient, RequestRefused, ResyncRequired, TransientError
from tsn_desktop.sync.protocol import (
    API,
    HubChange,
    HubMeta,
    Limits,
    PassReport,
    PushOp,
    PushResult,
    log_safe,
    parse_meta,
    parse_pull,
    parse_push,
    parse_snapshot,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
DbRun = Callable[[Callable[[Database], T]], T]

CLOCK_SKEW_WARNING = timedelta(minutes=5)
RPPS_SYSTEM = "https://rpps.esante.gouv.fr"
HUB_ACTOR = "hub"
MAX_PUSH_ROUNDS = 200


@dataclass(frozen=True)
class SyncCounts:
    """What the status bar shows."""

    pending: int
    parked: int
    conflicts: int
    last_sync_at: str | None
    last_error: str | None


class SyncEngine:
    """Runs passes against one hub. `run_db` executes a function on the DB thread
    (DbExecutor.call in the app; a direct call in tools and tests)."""

    def __init__(self, client: HubClient, registry: AdapterRegistry, run_db: DbRun,
                 clock: Clock, *, hook: Callable[[str], None] | None = None,
                 pull_wait: int = 0, page_size: int | None = None,
                 batch_size: int | None = None) -> None:
        self.client = client
        self.registry = registry
        self.run_db = run_db
        self.clock = clock
        # Test seam: called at named points ("push:answered", "pull:fetched",
        # "snapshot:fetched") so a test can kill the process exactly there.
        self._hook = hook or (lambda _point: None)
        self.pull_wait = pull_wait
        self.page_size = page_size
        self.batch_size = batch_size
        self.limits = Limits()
        self._batch_cap: int | None = None   # lowered after a 413 for the rest of the pass
        # op id -> JSON text of the resource, and of the whole op, of the batches in flight
        self._bodies: dict[str, str | None] = {}
        self._texts: dict[str, str] = {}
        self._rpps: str | None = None

    # --- the pass ------------------------------------------------------------------------
    def run_pass(self) -> PassReport:
        report = PassReport()
        meta = parse_meta(self.client.get(API + "/meta"))
        self.limits = meta.limits
        skew = (meta.server_time - self.clock.now()).total_seconds()
        report.clock_skew_seconds = skew
        if abs(skew) > CLOCK_SKEW_WARNING.total_seconds():
            report.warnings.append("clock_skew")
        self.run_db(lambda db: self._check_hub(db, meta))
        self._batch_cap = None
        self._rpps = self.run_db(_own_rpps)
        self.run_db(Database.defer_checkpoints)
        try:
            if self.run_db(_resync_pending):
                # A new hub epoch: learn what the hub holds before pushing onto it.
                self.snapshot(report)
            self.push(report)
            self.pull(report)
            self.patient_snapshots(report)
            self.run_db(self._mark_synced)
        finally:
            try:
                self.run_db(Database.resume_checkpoints)
            except Exception as exc:  # noqa: BLE001 - closed meanwhile: closing checkpoints
                log.warning("WAL checkpoint after the pass not done: %s", type(exc).__name__)
        log.info("sync pass: pushed %d (dup %d), conflicts %d, rejected %d, pulled %d",
                 report.pushed, report.duplicates, report.conflicts, report.rejected,
                 report.pulled)
        return report

    def _check_hub(self, db: Database, meta: HubMeta) -> None:
        row = db.query_one("SELECT hub_id, epoch FROM sync_state WHERE id = 1")
        hub_id, epoch = row if row else (None, None)
        if hub_id == meta.hub_id and epoch == meta.epoch:
            return
        with db.unit_of_work() as uow:
            if epoch is not None and (hub_id, epoch) != (meta.hub_id, meta.epoch):
                # A reset or restored hub: its versions are not ours any more. Keep the
                # copies as merge bases, forget versions and cursor, take a snapshot.
                log.warning("hub epoch changed: full resynchronisation")
                uow.execute("UPDATE hub_base SET hub_version = ''")
                uow.execute("DELETE FROM sync_inflight")
                uow.execute("UPDATE sync_state SET cursor = NULL WHERE id = 1")
            uow.execute("UPDATE sync_state SET hub_id = ?, epoch = ? WHERE id = 1",
                        (meta.hub_id, meta.epoch))

    def _mark_synced(self, db: Database) -> None:
        with db.unit_of_work() as uow:
            uow.execute("UPDATE sync_state SET last_sync_at = ?, last_error = NULL WHERE id = 1",
                        (uow.now_iso(),))

    # --- push ------------------------------------------------------------------------------
    def push(self, report: PassReport) -> None:
        """Ops whose answer was not recorded (an interrupted pass) go first, as they
        were; then new batches, pipelined: while the hub stores one batch, the next is
        read and written down in `sync_inflight` (the records in flight left out), and
        is sent as soon as the first is answered, while that answer is recorded. The hub
        still gets the batches one after the other, in outbox order; after a crash both
        are sent again from `sync_inflight` and the hub answers "duplicate"."""
        self._bodies, self._texts = {}, {}
        for batch in self.run_db(self._unanswered_batches):
            if not self._send(batch, report):
                break  # split after a 413: what is left is pending again
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tsn-push") as pool:
            batch = self.run_db(self._prepare_batch)
            sending = pool.submit(self._exchange, batch) if batch else None
            # Bounded: conflicts requeue merged copies, and a hub that keeps changing
            # the same records must not hold the pass forever (the next pass goes on;
            # a batch written down but not sent goes first then).
            for _round in range(MAX_PUSH_ROUNDS):
                if sending is None:
                    return
                following: list[PushOp] = []
                try:
                    following = self.run_db(self._prepare_batch)
                finally:
                    # (Whatever happened here, the request in flight ends first.)
                    answer = _outcome(sending)
                sending = None
                if not isinstance(answer, list):
                    if isinstance(answer, RequestRefused) and answer.status == 413:
                        # Too big for the hub as a whole (nothing of it was applied):
                        # split; the batch written down meanwhile is pending again too.
                        self.run_db(partial(self._split_after_413, batch=batch))
                        batch = self.run_db(self._prepare_batch)
                        if batch:
                            sending = pool.submit(self._exchange, batch)
                        continue
                    raise answer
                if following:
                    # The hub stores the next batch while this answer is recorded.
                    sending = pool.submit(self._exchange, following)
                self._record_results(batch, answer, report)
                if not following:
                    # The answer may have queued more (a conflict's merged copy).
                    following = self.run_db(self._prepare_batch)
                    if following:
                        sending = pool.submit(self._exchange, following)
                batch = following

    def _send(self, batch: list[PushOp], report: PassReport) -> bool:
        """One batch sent and its answer recorded; False after a 413 (split)."""
        try:
            results = self._exchange(batch)
        except RequestRefused as exc:
            if exc.status != 413:
                raise
            self.run_db(partial(self._split_after_413, batch=batch))
            return False
        self._record_results(batch, results, report)
        return True

    def _exchange(self, batch: list[PushOp]) -> list[PushResult]:
        """The batch sent, its answer read (on the push thread, while the database
        thread prepares the next batch)."""
        return parse_push(self.client.post(API + "/push", self._request_body(batch)), batch)

    def _record_results(self, batch: list[PushOp], results: list[PushResult],
                        report: PassReport) -> None:
        self._hook("push:answered")
        self.run_db(partial(self._commit_results, batch=batch, results=results,
                            report=report))
        for op in batch:
            self._bodies.pop(op.op_id, None)
            self._texts.pop(op.op_id, None)

    def _request_body(self, batch: list[PushOp]) -> bytes:
        """The push request's JSON from each op's text as `_prepare_batch` wrote it (its
        size is what was checked against the hub's limit): encoded once, not again here."""
        return ('{"ops":[' + ",".join(self._texts[op.op_id] for op in batch) + "]}"
                ).encode("utf-8")

    def _max_ops(self) -> int:
        """Ops per push: the hub's limit, this engine's batch size, the cap after a 413."""
        return min(self.batch_size or self.limits.push_max_ops, self.limits.push_max_ops,
                   self._batch_cap or self.limits.push_max_ops)

    def _unanswered_batches(self, db: Database) -> list[list[PushOp]]:
        """The ops still in sync_inflight from an interrupted pass, in the order they
        were written down, cut to the hub's limits (two batches may have been written
        down: the one in flight and the next)."""
        rows = db.query("SELECT op_id, resource_type, resource_id, action, base_version, body"
                        " FROM sync_inflight ORDER BY position")
        if not rows:
            return []
        log.info("resending %d ops whose answer was not recorded", len(rows))
        max_ops = self._max_ops()
        batches: list[list[PushOp]] = [[]]
        size = 0
        for r in rows:
            op = PushOp(r[0], r[1], r[2], r[3], r[4], jsontext.loads(r[5]) if r[5] else None)
            text = _op_text(op, r[5])
            op_size = len(text.encode("utf-8")) + 1
            if batches[-1] and (len(batches[-1]) >= max_ops or
                                size + op_size > self.limits.push_max_bytes):
                batches.append([])
                size = 0
            batches[-1].append(op)
            size += op_size
            self._bodies[op.op_id] = r[5]
            self._texts[op.op_id] = text
        return batches

    def _prepare_batch(self, db: Database) -> list[PushOp]:
        """The next batch, written down in sync_inflight before it is sent. Records of
        the batch in flight (already in sync_inflight) wait for the one after."""
        in_flight = {(str(r[0]), str(r[1])) for r in db.query(
            "SELECT resource_type, resource_id FROM sync_inflight")}
        max_ops = self._max_ops()
        batch: list[PushOp] = []
        covers: list[int] = []
        bodies: list[str | None] = []
        texts: list[str] = []
        size = 0
        settled: list[tuple[str, str, int]] = []
        full = False
        # A window of pending records at a time: their hub copies and FHIR forms are
        # read in a few queries, not several per record.
        for window in _pending_windows(db, lambda: max_ops - len(batch), skip=in_flight):
            hubs = _hub_copies(db, [(r[0], r[1]) for r in window])
            prepared = self._to_fhir_window(db, window)
            for rtype, rid, last_seq, op_id, action in window:
                if len(batch) >= max_ops:
                    full = True
                    break
                adapter = self.registry.get(rtype)
                if adapter is None:
                    continue  # a feature this build does not sync yet: keep it queued
                hub = hubs.get((rtype, rid))
                base_version = hub[0] if hub and hub[0] else None
                try:
                    if (rtype, rid) in prepared:
                        resource = prepared[(rtype, rid)]
                    else:
                        resource = adapter.to_fhir(db, rid)
                except Exception as exc:  # noqa: BLE001 - one bad record must not block the queue
                    log.error("op %s (%s): cannot be written as FHIR: %s", op_id, rtype,
                              type(exc).__name__)
                    self._park_now(db, rtype, rid, last_seq, "client-error",
                                   "this record could not be prepared for the hub")
                    continue
                if action == "delete":
                    if base_version is None or hub is None or hub[1] is None:
                        # Never reached the hub, or already gone there: nothing to send.
                        settled.append((rtype, rid, last_seq))
                        continue
                    resource = None
                elif resource is None:
                    log.warning("op %s: %s record missing locally", op_id, rtype)
                    settled.append((rtype, rid, last_seq))
                    continue
                elif hub is not None and base_version and same(resource, hub[1]):
                    settled.append((rtype, rid, last_seq))  # the hub already has exactly this
                    continue
                op = PushOp(op_id, rtype, rid, action, base_version, resource)
                # The resource is written as JSON once: its text is what the size check
                # counts, what sync_inflight keeps and what hub_base stores on success.
                body = None if resource is None else _dump(resource)
                text = _op_text(op, body)
                op_size = len(text.encode("utf-8")) + 1
                if op_size + 64 > self.limits.push_max_bytes:
                    self._park_now(db, rtype, rid, last_seq, "too-costly",
                                   "the record is too large for the hub")
                    continue
                if size + op_size + 64 > self.limits.push_max_bytes:
                    full = True
                    break
                size += op_size
                batch.append(op)
                covers.append(last_seq)
                bodies.append(body)
                texts.append(text)
            if full:
                break
        with db.unit_of_work(durable=False) as uow:
            for rtype, rid, last_seq in settled:
                _settle(uow, rtype, rid, last_seq, "sent")
            now = uow.now_iso()
            row = uow.execute("SELECT coalesce(max(position), -1) + 1 FROM sync_inflight"
                              ).fetchone()
            first = int(row[0]) if row else 0
            uow.executemany(
                "INSERT INTO sync_inflight (op_id, position, resource_type, resource_id, action,"
                " base_version, body, covers_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(op.op_id, first + i, op.resource_type, op.id, op.action, op.base_version,
                  bodies[i], covers[i], now) for i, op in enumerate(batch)])
        self._bodies.update((op.op_id, body) for op, body in zip(batch, bodies, strict=True))
        self._texts.update((op.op_id, text) for op, text in zip(batch, texts, strict=True))
        return batch

    def _to_fhir_window(self, db: Database, window: list[tuple[str, str, int, str, str]]
                        ) -> dict[tuple[str, str], Resource | None]:
        """FHIR forms of a window's records from the adapters that read many at once
        (`to_fhir_many`); records left out are read one by one by the caller, where a
        record that cannot be written as FHIR is parked alone."""
        ids: dict[str, list[str]] = {}
        for rtype, rid, _seq, _op, action in window:
            if action != "delete":
                ids.setdefault(rtype, []).append(rid)
        found: dict[tuple[str, str], Resource | None] = {}
        for rtype, rids in ids.items():
            many = getattr(self.registry.get(rtype), "to_fhir_many", None)
            if many is None:
                continue
            try:
                resources = many(db, rids)
            except Exception:  # noqa: BLE001 - read one by one instead (see above)
                continue
            found.update(((rtype, rid), resources.get(rid)) for rid in rids)
        return found

    def _split_after_413(self, db: Database, batch: list[PushOp]) -> None:
        with db.unit_of_work() as uow:
            if len(batch) == 1:
                row = uow.execute("SELECT covers_seq FROM sync_inflight WHERE op_id = ?",
                                  (batch[0].op_id,)).fetchone()
                _park(uow, batch[0].resource_type, batch[0].id, int(row[0]) if row else 0,
                      "too-costly", "the record is too large for the hub")
            uow.execute("DELETE FROM sync_inflight")
        self._batch_cap = max(1, len(batch) // 2)

    def _park_now(self, db: Database, rtype: str, rid: str, last_seq: int, code: str,
                  text: str) -> None:
        with db.unit_of_work() as uow:
            _park(uow, rtype, rid, last_seq, code, text)

    def _commit_results(self, db: Database, batch: list[PushOp], results: list[PushResult],
                        report: PassReport) -> None:
        try:
            self._commit_answers(db, batch, results, report, bulk=True)
        except _BulkFailed as exc:
            # Nothing of the answer was written (the unit of work was rolled back):
            # again op by op, which tells which op it was.
            log.warning("answers of %d ops not recorded at once (%s): one by one",
                        len(batch), exc.reason)
            self._commit_answers(db, batch, results, report, bulk=False)

    def _commit_answers(self, db: Database, batch: list[PushOp], results: list[PushResult],
                        report: PassReport, *, bulk: bool) -> None:
        with db.unit_of_work(durable=False) as uow:
            uow.actor = HUB_ACTOR
            covers_of = {str(r[0]): int(r[1]) for r in uow.execute(
                "SELECT op_id, covers_seq FROM sync_inflight").fetchall()}
            pairs = [(op, result) for op, result in zip(batch, results, strict=True)
                     if op.op_id in covers_of]  # (else already recorded: one pass at a time)
            keys = [(op.resource_type, op.id) for op, _ in pairs]
            once = {k for k in keys if keys.count(k) == 1} if len(set(keys)) != len(keys) \
                else set(keys)
            accepted = [(op, result) for op, result in pairs
                        if result.status in ("applied", "duplicate") and result.version is not None
                        and (op.resource_type, op.id) in once]
            if bulk and accepted:
                self._accept_all(uow, accepted, covers_of, report)
                done = {op.op_id for op, _ in accepted}
                pairs = [(op, result) for op, result in pairs if op.op_id not in done]
            for op, result in pairs:
                covers = covers_of[op.op_id]
                uow.execute("SAVEPOINT push_result")
                try:
                    self._record_result(db, uow, op, result, covers, report)
                except Exception as exc:  # noqa: BLE001 - one op must not block the queue
                    uow.execute("ROLLBACK TO push_result")
                    log.error("op %s (%s): answer not applicable here: %s", op.op_id,
                              op.resource_type, type(exc).__name__)
                    _park(uow, op.resource_type, op.id, covers, "client-error",
                          "this change could not be reconciled with the hub's copy")
                    report.rejected += 1
                uow.execute("RELEASE push_result")
                uow.execute("DELETE FROM sync_inflight WHERE op_id = ?", (op.op_id,))

    def _accept_all(self, uow: UnitOfWork, accepted: list[tuple[PushOp, PushResult]],
                    covers_of: dict[str, int], report: PassReport) -> None:
        """`_accepted` for many ops at once (a statement per table, not per op), first
        in the unit of work. Raises _BulkFailed when something failed: the caller rolls
        the unit of work back and goes op by op. (No SAVEPOINT around it: inside one,
        SQLite truncates its in-memory statement journal from the start after every row,
        which made a batch of 1 000 answers cost 5 to 10 times as much.)"""
        known = _hub_versions(uow, [(op.resource_type, op.id) for op, _ in accepted])
        now = uow.now_iso()
        bases: list[tuple[Any, ...]] = []
        acks: dict[str, list[tuple[str, str]]] = {}
        for op, result in accepted:
            version = str(result.version)
            stored = known.get((op.resource_type, op.id))
            if stored is None or _newer(version, stored):
                # (A late duplicate answer must not step back over a newer copy seen since.)
                body = self._bodies.get(op.op_id) if op.op_id in self._bodies else \
                    (None if op.resource is None else _dump(op.resource))
                bases.append((op.resource_type, op.id, version, result.seq,
                              1 if op.resource is None else 0, body, now))
                acks.setdefault(op.resource_type, []).append((op.id, version))
        try:
            uow.executemany(_STORE_BASE, bases)
            for rtype, items in acks.items():
                adapter = self.registry.get(rtype)
                if adapter is None:
                    continue
                many = getattr(adapter, "acknowledge_many", None)
                if many is not None:
                    many(uow, items)
                else:
                    for rid, version in items:
                        adapter.acknowledge(uow, rid, version)
            # Earlier parked ops of each record are settled too: its latest state went
            # through.
            uow.executemany(
                "UPDATE outbox SET state = 'sent', last_error = NULL, attempts = attempts + 1"
                " WHERE resource_type = ? AND resource_id = ? AND seq <= ?"
                " AND state IN ('pending', 'parked')",
                [(op.resource_type, op.id, covers_of[op.op_id]) for op, _ in accepted])
            uow.executemany("DELETE FROM sync_inflight WHERE op_id = ?",
                            [(op.op_id,) for op, _ in accepted])
        except Exception as exc:  # noqa: BLE001 - the one-by-one path tells which op it was
            raise _BulkFailed(type(exc).__name__) from exc
        for _op, result in accepted:
            if result.status == "duplicate":
                report.duplicates += 1
            else:
                report.pushed += 1

    def _record_result(self, db: Database, uow: UnitOfWork, op: PushOp, result: PushResult,
                       covers: int, report: PassReport) -> None:
        if result.status in ("applied", "duplicate") and result.version is not None:
            self._accepted(uow, op, result, covers)
            if result.status == "duplicate":
                report.duplicates += 1
            else:
                report.pushed += 1
        elif result.status == "conflict":
            self._conflict(db, uow, op, result, covers)
            report.conflicts += 1
        else:
            # outcome_code is one of protocol.OUTCOME_CODES; the hub's text is not logged.
            log.warning("op %s (%s) rejected: %s", op.op_id, op.resource_type,
                        result.outcome_code)
            _park(uow, op.resource_type, op.id, covers, result.outcome_code,
                  result.outcome_text)
            report.rejected += 1

    def _accepted(self, uow: UnitOfWork, op: PushOp, result: PushResult, covers: int) -> None:
        version = str(result.version)
        stored = hub_copy(uow, op.resource_type, op.id)
        if stored is None or _newer(version, stored[0]):
            # (A late duplicate answer must not step back over a newer copy seen since.)
            _store_base(uow, op.resource_type, op.id, version, result.seq, op.resource)
            adapter = self.registry.get(op.resource_type)
            if adapter is not None:
                adapter.acknowledge(uow, op.id, version)
        # Earlier parked ops of the record are settled too: its latest state went through.
        uow.execute("UPDATE outbox SET state = 'sent', last_error = NULL, attempts = attempts + 1"
                    " WHERE resource_type = ? AND resource_id = ? AND seq <= ?"
                    " AND state IN ('pending', 'parked')", (op.resource_type, op.id, covers))

    def _conflict(self, db: Database, uow: UnitOfWork, op: PushOp, result: PushResult,
                  covers: int) -> None:
        log.info("op %s (%s) conflict", op.op_id, op.resource_type)
        if result.version is None:
            # The hub has no such record although we had seen it: a hub restored from
            # an older backup. Send ours again as a creation.
            uow.execute("DELETE FROM hub_base WHERE resource_type = ? AND resource_id = ?",
                        (op.resource_type, op.id))
            _settle(uow, op.resource_type, op.id, covers, "sent")
            _requeue(uow, op.resource_type, op.id, op.action)
            return
        remote = None if result.deleted else result.resource
        self._reconcile(db, uow, op.resource_type, op.id, result.version, result.seq, remote,
                        covers)

    def _reconcile(self, db: Database, uow: UnitOfWork, rtype: str, rid: str, version: str,
                   seq: int | None, remote: Resource | None, covers: int | None) -> None:
        """A hub copy met local changes not on the hub: merge by the type's policy,
        keep the loser, and queue what the hub still has to learn."""
        adapter = self.registry.get(rtype)
        stored = hub_copy(uow, rtype, rid)
        base = stored[1] if stored else None
        _store_base(uow, rtype, rid, version, seq, remote)
        if adapter is None:
            return
        local = adapter.to_fhir(db, rid)
        if _is_tombstone(uow, rtype, rid, local):
            local_for_merge: Resource | None = None
        else:
            local_for_merge = local
        outcome: MergeResult = adapter.merge(base, local_for_merge, remote)
        if outcome.local_lost:
            _keep_conflict(uow, rtype, rid, outcome.reason or "conflict", local, remote,
                           version, base=base)
        if not same(outcome.resource, local_for_merge):
            adapter.apply(uow, rid, outcome.resource, version)
        else:
            adapter.acknowledge(uow, rid, version)
        if covers is not None:
            _settle(uow, rtype, rid, covers, "sent")
        if same(outcome.resource, remote):
            # Nothing left for the hub: drop the local ops of this record still queued.
            _settle(uow, rtype, rid, None, "sent")
        elif covers is not None or not _has_pending(uow, rtype, rid):
            _requeue(uow, rtype, rid, "delete" if outcome.resource is None else "upsert")

    # --- pull ------------------------------------------------------------------------------
    def pull(self, report: PassReport) -> None:
        """Pages of changes after the cursor. While one page is applied, the next is
        fetched (the hub is read ahead by one page, never written): the cursor is still
        stored with each page it ends, so an interruption loses nothing."""
        cursor = self.run_db(read_cursor)
        watch = cursor is not None
        limit = min(self.page_size or self.limits.pull_max_limit, self.limits.pull_max_limit)

        def fetch(after: str | None) -> Any:
            params: dict[str, Any] = {"limit": limit}
            if after:
                params["cursor"] = after
            if self.pull_wait:
                params["wait"] = self.pull_wait
            return self.client.get(API + "/pull", params=params,
                                   read_timeout=self.client.timeout[1] + self.pull_wait)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tsn-pull") as pool:
            ahead: Future[Any] | None = None  # the page after `cursor`, being fetched
            while True:
                try:
                    data = ahead.result() if ahead is not None else fetch(cursor)
                except TransientError as exc:
                    # Where it failed, so the worker can tell a hub that fails on this
                    # very page every time (a record it cannot serve) from an outage.
                    exc.failed_at = f"pull:{cursor or ''}"
                    raise
                except (ResyncRequired, RequestRefused) as exc:
                    if isinstance(exc, RequestRefused) and not (exc.status == 400 and cursor):
                        raise
                    if report.snapshot:
                        raise  # a fresh snapshot's cursor refused too: the next pass retries
                    # 410, or a cursor the hub cannot read (400): again from a snapshot.
                    log.warning("hub asked for a snapshot (HTTP %s)", exc.status)
                    ahead = None
                    self.snapshot(report)
                    cursor = self.run_db(read_cursor)
                    watch = True
                    continue
                ahead = None
                page = parse_pull(data)
                self._hook("pull:fetched")
                if page.has_more:
                    ahead = pool.submit(fetch, page.next_cursor)
                # From the very beginning every visible record comes anyway; later, a care
                # team that newly names us opens older records behind the cursor.
                self.run_db(partial(self._apply_changes, changes=page.changes,
                                    cursor=page.next_cursor, report=report,
                                    watch_care_teams=watch))
                cursor = page.next_cursor
                if not page.has_more:
                    return

    def snapshot(self, report: PassReport) -> None:
        """Everything the hub holds for us, page by page; the cursor is stored with the
        last page, so an interrupted snapshot simply starts again."""
        report.snapshot = True
        page_token: str | None = None
        seen: set[tuple[str, str]] = set()
        while True:
            params: dict[str, Any] = {}
            if self.page_size:
                params["limit"] = self.page_size
            if page_token:
                params["page"] = page_token
            snap = parse_snapshot(self.client.get(API + "/snapshot", params=params))
            self._hook("snapshot:fetched")
            seen.update((c.resource_type, c.id) for c in snap.records)
            last = snap.next_page is None
            self.run_db(partial(self._apply_changes, changes=snap.records,
                                cursor=snap.cursor if last else None, report=report,
                                lost_check=seen if last else None))
            if last:
                return
            page_token = snap.next_page

    def patient_snapshots(self, report: PassReport) -> None:
        """Per-patient snapshots for patients newly shared with us (see the queue table);
        a patient leaves the queue with the last page of its snapshot."""
        for patient_id in self.run_db(_queued_patients):
            page_token: str | None = None
            while True:
                params: dict[str, Any] = {"patient": patient_id}
                if self.page_size:
                    params["limit"] = self.page_size
                if page_token:
                    params["page"] = page_token
                snap = parse_snapshot(self.client.get(API + "/snapshot", params=params))
                last = snap.next_page is None
                self.run_db(partial(self._apply_changes, changes=snap.records, cursor=None,
                                    report=report,
                                    done_patient=patient_id if last else None))
                if last:
                    break
                page_token = snap.next_page

    def _apply_changes(self, db: Database, changes: list[HubChange], cursor: str | None,
                       report: PassReport,
                       lost_check: set[tuple[str, str]] | None = None,
                       watch_care_teams: bool = False,
                       done_patient: str | None = None) -> None:
        counts = dataclasses.replace(report, warnings=list(report.warnings))
        args = (db, changes, cursor, report, lost_check, watch_care_teams, done_patient)
        try:
            self._apply_page(*args, bulk=True)
        except _BulkFailed as exc:
            # The page's unit of work was rolled back: the counts go back too, and the
            # page is applied again change by change, which isolates the record.
            log.info("%d hub changes not applied at once (%s): one by one", len(changes),
                     exc.reason)
            for name in ("pulled", "skipped", "conflicts", "rejected"):
                setattr(report, name, getattr(counts, name))
            self._apply_page(*args, bulk=False)

    def _apply_page(self, db: Database, changes: list[HubChange], cursor: str | None,
                    report: PassReport, lost_check: set[tuple[str, str]] | None,
                    watch_care_teams: bool, done_patient: str | None, *, bulk: bool) -> None:
        with db.unit_of_work(durable=False) as uow:
            # What the hub brings is written in the audit log as the hub's doing, not
            # as this practitioner's.
            uow.actor = HUB_ACTOR
            plan = self._plan_page(uow, changes) if bulk else {
                i: "seen" for i, step in self._plan_page(uow, changes).items()
                if step == "seen"}
            plain: list[HubChange] = []
            for i, change in enumerate(changes):
                step = plan.get(i)
                if step == "seen":
                    continue  # seen already (often our own push coming back)
                if step == "plain":
                    plain.append(change)
                    continue
                # In page order: what went before this change is written first.
                self._apply_plain(uow, plain, report)
                plain = []
                if watch_care_teams and change.resource_type == "CareTeam":
                    self._queue_if_newly_shared(uow, change)
                self._apply_checked(db, uow, change, report)
            self._apply_plain(uow, plain, report)
            if lost_check is not None:
                self._requeue_lost(uow, lost_check)
                self._drop_unseen(uow, lost_check)
            if done_patient is not None:
                uow.execute("DELETE FROM sync_patient_resync WHERE patient_id = ?",
                            (done_patient,))
            if cursor is not None:
                uow.execute("UPDATE sync_state SET cursor = ? WHERE id = 1", (cursor,))

    def _apply_checked(self, db: Database, uow: UnitOfWork, change: HubChange,
                       report: PassReport) -> None:
        """One hub change in its own savepoint: an unusable record does not stop sync."""
        uow.execute("SAVEPOINT hub_change")
        try:
            applied = self._apply_one(db, uow, change)
        except Exception as exc:  # noqa: BLE001 - one unusable record must not stop sync
            uow.execute("ROLLBACK TO hub_change")
            # Keep the hub copy so a later version of the app can use it; if our
            # own pending change will now go over it, keep it visible as well.
            if _has_pending(uow, change.resource_type, change.id):
                _keep_conflict(uow, change.resource_type, change.id,
                               "unreadable_hub_copy", None, change.resource,
                               change.version)
            _store_base(uow, change.resource_type, change.id, change.version,
                        change.seq, change.resource)
            log.warning("hub %s %s not applied: %s", log_safe(change.resource_type),
                        log_safe(change.id),
                        type(exc).__name__)
            report.skipped += 1
            applied = False
        uow.execute("RELEASE hub_change")
        if applied:
            report.pulled += 1

    def _plan_page(self, uow: UnitOfWork, changes: list[HubChange]) -> dict[int, str]:
        """What `_apply_one` would do with each change, read for the whole page in a few
        queries: "seen" (a version we hold already: nothing to do) or "plain" (a record
        with no local change pending or parked and no resync: the hub copy is written
        as is, `apply` then hub_base). Other changes (and any record twice in the page,
        and care teams, which can open files) go one by one."""
        keys = [(c.resource_type, c.id) for c in changes]
        unique = list(dict.fromkeys(keys))
        if len(unique) != len(keys):
            twice = {k for k in unique if keys.count(k) > 1}
        else:
            twice = set()
        known = _hub_versions(uow, unique)
        local = {(str(r[0]), str(r[1])) for r in _keyed(
            "SELECT k.t, k.i FROM k WHERE EXISTS (SELECT 1 FROM outbox o"
            " WHERE o.resource_type = k.t AND o.resource_id = k.i"
            " AND o.state IN ('pending', 'parked')) OR EXISTS (SELECT 1 FROM sync_inflight f"
            " WHERE f.resource_type = k.t AND f.resource_id = k.i)", unique, _runner(uow))}
        plan: dict[int, str] = {}
        for i, (change, key) in enumerate(zip(changes, keys, strict=True)):
            if key in twice or change.resource_type == "CareTeam":
                continue
            stored = known.get(key)
            if stored is not None and not _newer(change.version, stored):
                plan[i] = "seen"
            elif stored != "" and key not in local and \
                    self.registry.get(change.resource_type) is not None:
                plan[i] = "plain"
        return plan

    def _apply_plain(self, uow: UnitOfWork, changes: list[HubChange],
                     report: PassReport) -> None:
        """Plain changes (see `_plan_page`), a statement per table for a run of one type.
        Raises _BulkFailed if anything fails: the caller rolls the page back and applies
        it one change at a time. (No SAVEPOINT around it: inside one, SQLite truncates its
        in-memory statement journal from the start after every row, and a page of 2 000
        readings took 5 to 10 times as long.)"""
        if not changes:
            return
        try:
            start = 0
            while start < len(changes):
                end = start
                rtype = changes[start].resource_type
                while end < len(changes) and changes[end].resource_type == rtype:
                    end += 1
                adapter = self.registry.get(rtype)
                assert adapter is not None  # checked by _plan_page
                items = [(c.id, c.resource, c.version) for c in changes[start:end]]
                many = getattr(adapter, "apply_many", None)
                if many is not None:
                    many(uow, items)
                else:
                    for rid, resource, version in items:
                        adapter.apply(uow, rid, resource, version)
                start = end
            now = uow.now_iso()
            uow.executemany(_STORE_BASE, [
                (c.resource_type, c.id, c.version, c.seq, 1 if c.resource is None else 0,
                 None if c.resource is None else _dump(c.resource), now) for c in changes])
        except Exception as exc:  # noqa: BLE001 - the one-by-one path tells which it was
            raise _BulkFailed(type(exc).__name__) from exc
        report.pulled += len(changes)

    def _apply_one(self, db: Database, uow: UnitOfWork, change: HubChange) -> bool:
        stored = hub_copy(uow, change.resource_type, change.id)
        if stored is not None and not _newer(change.version, stored[0]):
            return False  # seen already (often our own push coming back)
        adapter = self.registry.get(change.resource_type)
        if adapter is None:
            _store_base(uow, change.resource_type, change.id, change.version, change.seq,
                        change.resource)
            return False
        if stored is not None and stored[0] == "":
            return self._resync_one(db, uow, change)
        if _has_pending(uow, change.resource_type, change.id):
            self._reconcile(db, uow, change.resource_type, change.id, change.version,
                            change.seq, change.resource, None)
        else:
            if _has_parked(uow, change.resource_type, change.id):
                # The hub refused our last change of this record; before its copy
                # replaces ours, ours is kept where the user can see it.
                local = adapter.to_fhir(db, change.id)
                base = stored[1] if stored else None
                if local is not None and not same(local, change.resource) and \
                        not same(local, base):
                    _keep_conflict(uow, change.resource_type, change.id, "refused_by_hub",
                                   local, change.resource, change.version)
            adapter.apply(uow, change.id, change.resource, change.version)
            _store_base(uow, change.resource_type, change.id, change.version, change.seq,
                        change.resource)
        return True

    def _queue_if_newly_shared(self, uow: UnitOfWork, change: HubChange) -> None:
        if change.resource is None or not self._rpps:
            return
        now_in = self._rpps in _care_team_rpps(change.resource)
        stored = hub_copy(uow, "CareTeam", change.id)
        was_in = stored is not None and stored[1] is not None and \
            self._rpps in _care_team_rpps(stored[1])
        subject = (change.resource.get("subject") or {}).get("reference", "")
        if now_in and not was_in and isinstance(subject, str) and \
                subject.startswith("Patient/"):
            uow.execute("INSERT OR IGNORE INTO sync_patient_resync (patient_id, queued_at)"
                        " VALUES (?, ?)", (subject.split("/", 1)[1], uow.now_iso()))

    def _drop_unseen(self, uow: UnitOfWork, seen: set[tuple[str, str]]) -> None:
        """After a full snapshot: records we hold from the hub that it no longer lists
        were deleted there, or are no longer shared with us. Records with unpushed
        changes stay (their push will tell)."""
        rows = uow.execute("SELECT resource_type, resource_id, hub_version FROM hub_base"
                           " WHERE deleted = 0 AND hub_version != ''").fetchall()
        for rtype, rid, version in rows:
            if (rtype, rid) in seen or _has_pending(uow, rtype, rid):
                continue
            adapter = self.registry.get(rtype)
            if adapter is not None:
                adapter.apply(uow, rid, None, version)
            uow.execute("UPDATE hub_base SET deleted = 1, resource = NULL"
                        " WHERE resource_type = ? AND resource_id = ?", (rtype, rid))

    def _resync_one(self, db: Database, uow: UnitOfWork, change: HubChange) -> bool:
        """A record met again after a hub reset or restore. Versions from before cannot
        be compared, so the hub copy cannot be trusted to be newer: when it differs,
        ours stays (and goes back to the hub) and the hub's is kept as a conflict."""
        adapter = self.registry.get(change.resource_type)
        assert adapter is not None
        local = adapter.to_fhir(db, change.id)
        _store_base(uow, change.resource_type, change.id, change.version, change.seq,
                    change.resource)
        if local is None:
            adapter.apply(uow, change.id, change.resource, change.version)
        elif same(local, change.resource):
            adapter.acknowledge(uow, change.id, change.version)
        else:
            _keep_conflict(uow, change.resource_type, change.id, "hub_restored", local,
                           change.resource, change.version)
            if not _has_pending(uow, change.resource_type, change.id):
                _requeue(uow, change.resource_type, change.id,
                         "delete" if _is_tombstone(uow, change.resource_type, change.id,
                                                   local) else "upsert")
        return True

    def _requeue_lost(self, uow: UnitOfWork, seen: set[tuple[str, str]]) -> None:
        """After a snapshot: records whose hub version was forgotten (epoch change) and
        that the hub no longer has are sent again, so a hub restore loses nothing."""
        rows = uow.execute("SELECT resource_type, resource_id, deleted FROM hub_base"
                           " WHERE hub_version = ''").fetchall()
        for rtype, rid, deleted in rows:
            if (rtype, rid) in seen:
                continue
            uow.execute("DELETE FROM hub_base WHERE resource_type = ? AND resource_id = ?",
                        (rtype, rid))
            if not deleted and self.registry.get(rtype) is not None:
                _requeue(uow, rtype, rid, "upsert")



class _BulkFailed(Exception):
    """A statement of many records failed: its unit of work is rolled back and done
    again record by record. `reason` is the error's type only (messages quote values)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ConflictRecord:
    """A losing copy kept for the user (JSON stays in the DB until shown)."""

    id: str
    resource_type: str
    resource_id: str
    kind: str
    created_at: str


@dataclass(frozen=True)
class ParkedChange:
    """A local change the hub refused: what, when, and the hub's reason."""

    op_id: str
    resource_type: str
    resource_id: str
    created_at: str
    reason: str


def open_conflicts(db: Database) -> list[ConflictRecord]:
    rows = db.query("SELECT id, resource_type, resource_id, kind, created_at FROM sync_conflict"
                    " WHERE resolved_at IS NULL ORDER BY created_at")
    return [ConflictRecord(*row) for row in rows]


def conflict_copies(db: Database, conflict_id: str) -> tuple[Resource | None, Resource | None]:
    """(local copy, hub copy) of one conflict, for the review screen."""
    row = db.query_one("SELECT local_json, hub_json FROM sync_conflict WHERE id = ?",
                       (conflict_id,))
    if row is None:
        raise LookupError("no such conflict")
    return (json.loads(row[0]) if row[0] else None, json.loads(row[1]) if row[1] else None)


def parked_changes(db: Database) -> list[ParkedChange]:
    rows = db.query("SELECT op_id, resource_type, resource_id, created_at,"
                    " coalesce(last_error, '') FROM outbox WHERE state = 'parked' ORDER BY seq")
    return [ParkedChange(*row) for row in rows]


def read_counts(db: Database) -> SyncCounts:
    # "Pending" is the practitioner's own work not sent yet; the audit trail rides along
    # with every pass and would read as unsent work after merely opening files.
    pending = db.query_one("SELECT count(DISTINCT resource_type || '/' || resource_id)"
                           " FROM outbox WHERE state = 'pending' AND resource_type <> ?",
                           (AUDIT_TRAIL,))
    parked = db.query_one("SELECT count(*) FROM outbox WHERE state = 'parked'")
    conflicts = db.query_one("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")
    state = db.query_one("SELECT last_sync_at, last_error FROM sync_state WHERE id = 1")
    return SyncCounts(int(pending[0]) if pending else 0, int(parked[0]) if parked else 0,
                      int(conflicts[0]) if conflicts else 0,
                      state[0] if state else None, state[1] if state else None)


def record_error(db: Database, reason: str) -> None:
    """The last failure in plain words (no data), for the status bar after a restart."""
    with db.unit_of_work() as uow:
        uow.execute("UPDATE sync_state SET last_error = ? WHERE id = 1", (reason[:200],))


def requeue_parked(db: Database, op_ids: list[str] | None = None) -> int:
    """The user asks to try parked ops again (after fixing the record, or the hub)."""
    with db.unit_of_work() as uow:
        if op_ids is None:
            cur = uow.execute("UPDATE outbox SET state = 'pending' WHERE state = 'parked'")
        else:
            cur = uow.executemany("UPDATE outbox SET state = 'pending' WHERE op_id = ?"
                                  " AND state = 'parked'", [(o,) for o in op_ids])
        return int(cur.rowcount)


def resolve_conflict(db: Database, conflict_id: str, resolution: str) -> None:
    with db.unit_of_work() as uow:
        uow.execute("UPDATE sync_conflict SET resolved_at = ?, resolution = ?"
                    " WHERE id = ? AND resolved_at IS NULL",
                    (uow.now_iso(), resolution, conflict_id))


# --- SQL helpers -------------------------------------------------------------------------
def _pending_windows(db: Database, wanted: Callable[[], int] = lambda: 500, window: int = 500,
                     skip: set[tuple[str, str]] | None = None
                     ) -> Iterator[list[tuple[str, str, int, str, str]]]:
    """Coalesced pending changes: one per record, its latest (seq, op_id, action), in the
    order of the record's first pending change (a patient goes before the vaccination
    that names it). Read lazily, a window at a time: a batch from a backlog of 100 000
    changes must not read the whole backlog (that made a large push quadratic); each
    window's latest changes come in one query (outbox_record index), not one per record.
    `wanted()`: how many records the caller still takes (a window is no larger); records
    in `skip` are passed over."""
    after = 0
    seen: set[tuple[str, str]] = set(skip or ())
    while True:
        rows = db.query("SELECT seq, resource_type, resource_id FROM outbox"
                        " WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
                        (after, max(1, min(window, wanted()))))
        if not rows:
            return
        fresh: list[tuple[str, str]] = []
        for seq, rtype, rid in rows:
            after = seq
            if (rtype, rid) in seen:
                continue
            seen.add((rtype, rid))
            fresh.append((rtype, rid))
        latest = {(str(r[0]), str(r[1])): (int(r[2]), str(r[3]), str(r[4])) for r in _keyed(
            "SELECT k.t, k.i, o.seq, o.op_id, o.action FROM k JOIN outbox o"
            " ON o.seq = (SELECT max(seq) FROM outbox WHERE resource_type = k.t"
            " AND resource_id = k.i AND state = 'pending')", fresh, db.query)}
        found = [(key[0], key[1], *latest[key]) for key in fresh if key in latest]
        if found:
            yield found


def _op_text(op: PushOp, body: str | None) -> str:
    """The op's JSON in the push request; `body` is the resource's JSON text."""
    if body is None or op.resource is None:
        return jsontext.dumps(op.to_json())
    envelope = jsontext.dumps({**op.to_json(), "resource": None})
    return envelope[:-len("null}")] + body + "}"  # '..."resource":null}' -> the text


def _outcome(future: Future[T]) -> T | BaseException:
    """The future's result, or the exception it raised (handled by the caller)."""
    try:
        return future.result()
    except BaseException as exc:  # noqa: BLE001 - handed back, never swallowed
        return exc


def _own_rpps(db: Database) -> str | None:
    row = db.query_one("SELECT rpps FROM practitioner_profile WHERE id = 1")
    return str(row[0]) if row else None


def _queued_patients(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT patient_id FROM sync_patient_resync"
                                   " ORDER BY queued_at")]


def _care_team_rpps(team: Resource) -> set[str]:
    if team.get("status") in ("inactive", "entered-in-error"):
        return set()
    found: set[str] = set()
    for part in team.get("participant") or []:
        member = part.get("member") if isinstance(part, dict) else None
        ident = member.get("identifier") if isinstance(member, dict) else None
        if isinstance(ident, dict) and ident.get("system") == RPPS_SYSTEM:
            found.add(str(ident.get("value")))
    return found


def _resync_pending(db: Database) -> bool:
    """Versions forgotten at an epoch change and not yet re-learnt from a snapshot."""
    return db.query_one("SELECT 1 FROM hub_base WHERE hub_version = '' LIMIT 1") is not None


def read_cursor(db: Database) -> str | None:
    row = db.query_one("SELECT cursor FROM sync_state WHERE id = 1")
    return row[0] if row else None


def _newer(version: str, known: str) -> bool:
    if not known:
        return True
    if version.isdigit() and known.isdigit():
        return int(version) > int(known)
    return version != known


_STORE_BASE = (
    "INSERT INTO hub_base (resource_type, resource_id, hub_version, hub_seq, deleted,"
    " resource, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (resource_type, resource_id) DO UPDATE SET"
    " hub_version = excluded.hub_version, hub_seq = excluded.hub_seq,"
    " deleted = excluded.deleted, resource = excluded.resource,"
    " seen_at = excluded.seen_at")


def _dump(resource: Resource) -> str:
    """The JSON text hub_base keeps of a record (and sync_inflight of an op). Only ever
    read back as JSON, so keys stay in their order (sorting them cost a quarter of the
    encoding)."""
    return jsontext.dumps(resource)


def _store_base(uow: UnitOfWork, rtype: str, rid: str, version: str, seq: int | None,
                resource: Resource | None) -> None:
    body = None if resource is None else _dump(resource)
    uow.execute(_STORE_BASE, (rtype, rid, version, seq, 1 if resource is None else 0, body,
                              uow.now_iso()))


def _keyed(sql_after_values: str, keys: list[tuple[str, str]],
           run: Callable[[str, list[str]], list[tuple]], chunk: int = 400) -> list[tuple]:
    """Rows of `WITH k(t, i) AS (VALUES ...) <sql>` over (resource_type, resource_id) keys,
    a chunk at a time (one statement per chunk instead of one per record)."""
    rows: list[tuple] = []
    for start in range(0, len(keys), chunk):
        part = keys[start:start + chunk]
        values = ", ".join("(?, ?)" for _ in part)
        params = [v for key in part for v in key]
        rows.extend(run(f"WITH k(t, i) AS (VALUES {values}) {sql_after_values}", params))
    return rows


def _runner(src: Database | UnitOfWork) -> Callable[[str, list[str]], list[tuple]]:
    if isinstance(src, Database):
        return src.query
    return lambda sql, params: src.execute(sql, params).fetchall()


def _hub_versions(src: Database | UnitOfWork, keys: list[tuple[str, str]]
                  ) -> dict[tuple[str, str], str]:
    """The hub version last seen of each record that has one in hub_base."""
    rows = _keyed("SELECT h.resource_type, h.resource_id, h.hub_version FROM k JOIN hub_base h"
                  " ON h.resource_type = k.t AND h.resource_id = k.i", keys, _runner(src))
    return {(str(r[0]), str(r[1])): str(r[2]) for r in rows}


def _hub_copies(src: Database | UnitOfWork, keys: list[tuple[str, str]]
                ) -> dict[tuple[str, str], tuple[str, Resource | None]]:
    """`hub_copy` of many records: (hub version, hub JSON or None if deleted)."""
    rows = _keyed("SELECT h.resource_type, h.resource_id, h.hub_version, h.deleted, h.resource"
                  " FROM k JOIN hub_base h ON h.resource_type = k.t AND h.resource_id = k.i",
                  keys, _runner(src))
    return {(str(r[0]), str(r[1])): (str(r[2]), None if r[3] or not r[4] else jsontext.loads(r[4]))
            for r in rows}


def _settle(uow: UnitOfWork, rtype: str, rid: str, covers: int | None, state: str) -> None:
    sql = ("UPDATE outbox SET state = ?, attempts = attempts + 1 WHERE resource_type = ?"
           " AND resource_id = ? AND state = 'pending'")
    params: list[Any] = [state, rtype, rid]
    if covers is not None:
        sql += " AND seq <= ?"
        params.append(covers)
    uow.execute(sql, params)


def _park(uow: UnitOfWork, rtype: str, rid: str, covers: int, code: str, text: str) -> None:
    # The hub's diagnostics describe structure, not content; shortened anyway.
    reason = f"{code}: {text}"[:300] if text else code
    uow.execute("UPDATE outbox SET state = 'parked', last_error = ?, attempts = attempts + 1"
                " WHERE resource_type = ? AND resource_id = ? AND seq <= ? AND state = 'pending'",
                (reason, rtype, rid, covers))


def _has_pending(uow: UnitOfWork, rtype: str, rid: str) -> bool:
    row = uow.execute("SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ?"
                      " AND state = 'pending' LIMIT 1", (rtype, rid)).fetchone()
    if row is not None:
        return True
    return uow.execute("SELECT 1 FROM sync_inflight WHERE resource_type = ? AND resource_id = ?",
                       (rtype, rid)).fetchone() is not None


def _has_parked(uow: UnitOfWork, rtype: str, rid: str) -> bool:
    return uow.execute("SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ?"
                       " AND state = 'parked' LIMIT 1", (rtype, rid)).fetchone() is not None


def _requeue(uow: UnitOfWork, rtype: str, rid: str, action: str) -> None:
    """Queues a record for the hub after a merge: sync's own op, so no audit row
    (the merge itself was audited when applied)."""
    outbox.append(uow, rtype, rid, action, _last_queued_version(uow, rtype, rid), None,
                  uow.now_iso())


def _last_queued_version(uow: UnitOfWork, rtype: str, rid: str) -> int:
    """The highest local version the outbox ever held for a record (0: none)."""
    row = uow.execute("SELECT coalesce(max(local_version), 0) FROM outbox"
                      " WHERE resource_type = ? AND resource_id = ?", (rtype, rid)).fetchone()
    return int(row[0]) if row else 0


def _keep_conflict(uow: UnitOfWork, rtype: str, rid: str, kind: str, local: Resource | None,
                   remote: Resource | None, hub_version: str | None, *,
                   base: Resource | None = None) -> None:
    def dump(resource: Resource | None) -> str | None:
        return None if resource is None else json.dumps(resource, ensure_ascii=False,
                                                         sort_keys=True)

    uow.execute(
        "INSERT INTO sync_conflict (id, resource_type, resource_id, kind, local_json, hub_json,"
        " hub_version, created_at, base_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (new_id(), rtype, rid, kind[:64], dump(local), dump(remote), hub_version,
         uow.now_iso(), dump(base)))


def _is_tombstone(uow: UnitOfWork, rtype: str, rid: str, local: Resource | None) -> bool:
    """Is the local record deleted? The latest outbox action tells, for any type."""
    row = uow.execute("SELECT action FROM outbox WHERE resource_type = ? AND resource_id = ?"
                      " ORDER BY seq DESC LIMIT 1", (rtype, rid)).fetchone()
    return local is None or (row is not None and row[0] == "delete")


__all__ = ["ConflictRecord", "ParkedChange", "SyncCounts", "SyncEngine", "conflict_copies",
           "open_conflicts", "parked_changes", "read_counts", "record_error", "requeue_parked",
           "resolve_conflict", "restore_local_copy"]


# --- the review screen: "use my copy again" ----------------------------------------------
def restore_local_copy(db: Database, registry: AdapterRegistry, conflict_id: str) -> str:
    """The user takes back the local copy a conflict kept: it becomes a new local change
    (outbox and audit, one transaction) that the next pass pushes, and the conflict is
    resolved "local". Returns the new op id.

    Goes through the type's merge with the kept copy on the hub's (winning) side and, as
    the base, the common ancestor of the conflict: what this practitioner changed comes
    back, what the colleague changed elsewhere in the record stays. Conflicts kept
    without an ancestor (older ones, refused changes) use the hub copy they recorded:
    the kept copy then wins wherever it differs from it."""
    with db.unit_of_work() as uow:
        row = uow.execute("SELECT resource_type, resource_id, local_json, hub_json, hub_version,"
                          " base_json FROM sync_conflict WHERE id = ? AND resolved_at IS NULL",
                          (conflict_id,)).fetchone()
        if row is None:
            raise LookupError("no such open conflict")
        rtype, rid, local_json, hub_json, conflict_version, base_json = row
        adapter = registry.get(rtype)
        if adapter is None:
            raise LookupError(f"no sync adapter for {rtype}")
        if not local_json:
            raise ValueError("this conflict kept no local copy")
        kept = json.loads(local_json)
        ancestor = base_json or hub_json
        base = json.loads(ancestor) if ancestor else None
        current = adapter.to_fhir(db, rid)
        outcome = adapter.merge(base, current, kept)
        stored = hub_copy(uow, rtype, rid)
        version = stored[0] if stored and stored[0] else (conflict_version or "")
        if not same(outcome.resource, current):
            adapter.apply(uow, rid, outcome.resource, version)
        op_id = uow.record_change(rtype, rid, "delete" if outcome.resource is None else "upsert",
                                  _last_queued_version(uow, rtype, rid) + 1, version or None)
        uow.execute("UPDATE sync_conflict SET resolved_at = ?, resolution = 'local'"
                    " WHERE id = ?", (uow.now_iso(), conflict_id))
    log.info("conflict %s (%s): local copy queued again as op %s", conflict_id, rtype, op_id)
    return op_id

