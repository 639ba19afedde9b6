-- Readings, third part (issue 12): a min/max summary of the readings per time bucket at
-- three resolutions (5 minutes, an hour, a day), kept up to date day by day, so the chart
-- reads
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

-- The days whose summary is behind the readings: a trigger only notes the day (one
-- small insert, so imports and sync pulls stay fast); the summary of those days is
-- computed again when a chart next reads the patient (store.refresh_rollup).
CREATE TABLE reading_rollup_dirty (
    patient_id    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    day           TEXT NOT NULL,               -- UTC day of the reading, YYYY-MM-DD
    PRIMARY KEY (patient_id, kind, day)
) WITHOUT ROWID;

CREATE TRIGGER reading_rollup_insert AFTER INSERT ON reading WHEN NEW.status = 'final'
BEGIN
    INSERT OR IGNORE INTO reading_rollup_dirty (patient_id, kind, day)
    VALUES (NEW.patient_id, NEW.kind, substr(NEW.at, 1, 10));
END;

-- Marked entered-in-error (or back from the hub as final): the day is summed again.
CREATE TRIGGER reading_rollup_status AFTER UPDATE OF status ON reading
WHEN OLD.status IS NOT NEW.status
BEGIN
    INSERT OR IGNORE INTO reading_rollup_dirty (patient_id, kind, day)
    VALUES (NEW.patient_id, NEW.kind, substr(NEW.at, 1, 10));
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
