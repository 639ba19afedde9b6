-- Readings, third part (issue 12): a min/max summary of the readings per time bucket at
-- three resolutions (5 minutes, an hour, a day), kept by triggers, so the chart reads
-- years of minute-level data as a few thousand rows; alerts withdrawn (kept, with who,
-- when and why) when the readings they came from go to another patient; the home blood
-- pressure protocol carried by the patient's enrolment (one protocol for everyone
-- following the patient).

CREATE TABLE reading_rollup_level (
    level         INTEGER PRIMARY KEY          -- bucket width in seconds
);
INSERT INTO reading_rollup_level (level) VALUES (300), (3600), (86400);

-- One row per (patient, kind, resolution, bucket) holding final readings.
CREATE TABLE reading_rollup (
    patient_id    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    level         INTEGER NOT NULL,
    bucket        INTEGER NOT NULL,            -- epoch seconds / level
    n             INTEGER NOT NULL,
    first_e       INTEGER NOT NULL,            -- epoch seconds of the first and last reading
    last_e        INTEGER NOT NULL,
    lo            REAL NOT NULL,
    hi            REAL NOT NULL,
    lo2           REAL,                        -- diastolic, for blood pressure
    hi2           REAL,
    PRIMARY KEY (patient_id, kind, level, bucket)
) WITHOUT ROWID;

INSERT INTO reading_rollup (patient_id, kind, level, bucket, n, first_e, last_e, lo, hi,
                            lo2, hi2)
SELECT r.patient_id, r.kind, l.level, r.e / l.level, count(*), min(r.e), max(r.e),
       min(r.value), max(r.value), min(r.value2), max(r.value2)
FROM (SELECT patient_id, kind, CAST(strftime('%s', at) AS INTEGER) AS e, value, value2
      FROM reading WHERE status = 'final') AS r, reading_rollup_level AS l
GROUP BY r.patient_id, r.kind, l.level, r.e / l.level;

-- A new final reading widens its three buckets.
CREATE TRIGGER reading_rollup_insert AFTER INSERT ON reading WHEN NEW.status = 'final'
BEGIN
    INSERT INTO reading_rollup (patient_id, kind, level, bucket, n, first_e, last_e, lo, hi,
                                lo2, hi2)
    SELECT NEW.patient_id, NEW.kind, l.level, s.e / l.level, 1, s.e, s.e, NEW.value,
           NEW.value, NEW.value2, NEW.value2
    FROM (SELECT CAST(strftime('%s', NEW.at) AS INTEGER) AS e) AS s, reading_rollup_level AS l
    WHERE true
    ON CONFLICT (patient_id, kind, level, bucket) DO UPDATE SET
        n = n + 1,
        first_e = min(first_e, excluded.first_e),
        last_e = max(last_e, excluded.last_e),
        lo = min(lo, excluded.lo),
        hi = max(hi, excluded.hi),
        lo2 = min(coalesce(lo2, excluded.lo2), coalesce(excluded.lo2, lo2)),
        hi2 = max(coalesce(hi2, excluded.hi2), coalesce(excluded.hi2, hi2));
END;

-- A reading marked entered-in-error (or back from the hub as final): its three buckets
-- are summed again from the readings (a minimum cannot be taken back).
CREATE TRIGGER reading_rollup_status AFTER UPDATE OF status ON reading
WHEN OLD.status IS NOT NEW.status
BEGIN
    DELETE FROM reading_rollup WHERE patient_id = NEW.patient_id AND kind = NEW.kind
        AND (level, bucket) IN (SELECT level, CAST(strftime('%s', NEW.at) AS INTEGER) / level
                                FROM reading_rollup_level);
    INSERT INTO reading_rollup (patient_id, kind, level, bucket, n, first_e, last_e, lo, hi,
                                lo2, hi2)
    SELECT r.patient_id, r.kind, l.level, CAST(strftime('%s', r.at) AS INTEGER) / l.level,
           count(*), min(CAST(strftime('%s', r.at) AS INTEGER)),
           max(CAST(strftime('%s', r.at) AS INTEGER)), min(r.value), max(r.value),
           min(r.value2), max(r.value2)
    FROM reading_rollup_level AS l JOIN reading AS r
        ON r.patient_id = NEW.patient_id AND r.kind = NEW.kind AND r.status = 'final'
        AND r.at >= strftime('%Y-%m-%dT%H:%M:%SZ',
                             CAST(strftime('%s', NEW.at) AS INTEGER) / l.level * l.level,
                             'unixepoch')
        AND r.at < strftime('%Y-%m-%dT%H:%M:%SZ',
                            (CAST(strftime('%s', NEW.at) AS INTEGER) / l.level + 1) * l.level,
                            'unixepoch')
    GROUP BY l.level;
END;

-- Alerts withdrawn: the readings they came from were given to another patient. Kept.
ALTER TABLE reading_alert ADD COLUMN withdrawn_at TEXT;
ALTER TABLE reading_alert ADD COLUMN withdrawn_by TEXT;
ALTER TABLE reading_alert ADD COLUMN withdrawn_by_name TEXT;
ALTER TABLE reading_alert ADD COLUMN withdrawn_reason TEXT;

-- The home BP protocol the patient's alerts use ('rule-of-3' or 'esc-2-2-3'); NULL for
-- an enrolment made before it was carried: the practitioner's setting then applies.
ALTER TABLE reading_enrolment ADD COLUMN protocol TEXT;
-- Enrolments made before: the protocol this practitioner had chosen, when they had.
UPDATE reading_enrolment SET protocol = (SELECT value FROM reading_setting
                                         WHERE name = 'home_bp_protocol');
