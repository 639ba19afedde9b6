-- Connected-device readings (issue 12): one row per measurement, append-only. The id
-- is derived from the measurement itself (patient, kind, instant, values), so the same
-- reading imported twice, from two files or by two practitioners, is one row and one
-- FHIR Observation. A mistake is marked entered-in-error, never deleted.
CREATE TABLE reading (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    patient_id    TEXT NOT NULL,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('weight', 'blood_pressure', 'heart_rate', 'steps')),
    at            TEXT NOT NULL,              -- UTC, 'YYYY-MM-DDTHH:MM:SSZ'
    value         REAL NOT NULL,              -- kg, systolic mmHg, /min, steps per day
    value2        REAL,                       -- diastolic mmHg
    pulse         REAL,                       -- pulse taken with a blood pressure
    unit          TEXT NOT NULL,              -- UCUM of `value`
    original      TEXT NOT NULL DEFAULT '',   -- value and unit as the device gave them
    source        TEXT NOT NULL,              -- format and file, app or device
    device        TEXT NOT NULL DEFAULT '',
    flags         INTEGER NOT NULL DEFAULT 0, -- device status bits (irregular pulse...)
    status        TEXT NOT NULL DEFAULT 'final'
                  CHECK (status IN ('final', 'entered-in-error')),
    error_reason  TEXT NOT NULL DEFAULT '',
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX reading_patient_kind_at ON reading (patient_id, kind, at);
