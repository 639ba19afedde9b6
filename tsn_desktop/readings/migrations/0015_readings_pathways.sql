-- Readings, second part (issue 12): pathway enrolment with per-patient thresholds, the
-- alerts raised (stored once, with their acknowledgements), the readings waiting for a
-- patient ("to assign" inbox), and the patients whose readings changed since their
-- alerts were last evaluated.

-- One enrolment per patient (its id is the EpisodeOfCare's, derived from the patient).
CREATE TABLE reading_enrolment (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT NOT NULL UNIQUE,
    pathway       TEXT NOT NULL CHECK (pathway IN ('heart_failure', 'prevention')),
    status        TEXT NOT NULL CHECK (status IN ('active', 'finished')),
    since         TEXT NOT NULL,              -- UTC, when enrolled in this pathway
    changed_by    TEXT NOT NULL,              -- RPPS (or 'system')
    changed_by_name TEXT NOT NULL DEFAULT '',
    changed_at    TEXT NOT NULL,
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Every change of a patient's threshold, kept (the latest per name is in force). A NULL
-- value puts the pack's default back. Travels inside the EpisodeOfCare.
CREATE TABLE reading_threshold_change (
    pk            INTEGER PRIMARY KEY,
    change_id     TEXT NOT NULL UNIQUE,       -- the same change from the hub: kept once
    patient_id    TEXT NOT NULL,
    name          TEXT NOT NULL,
    value         REAL,
    changed_by    TEXT NOT NULL,
    changed_by_name TEXT NOT NULL DEFAULT '',
    changed_at    TEXT NOT NULL
);
CREATE INDEX reading_threshold_patient ON reading_threshold_change (patient_id, name, changed_at);

-- An alert raised, once: its id derives from (patient, rule, evidence). Travels as a
-- DetectedIssue; acknowledgements are its mitigations.
CREATE TABLE reading_alert (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT NOT NULL,
    code          TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('urgent', 'alert', 'check')),
    at            TEXT NOT NULL,              -- UTC, the reading that made it fire
    figures       TEXT NOT NULL DEFAULT '[]', -- JSON list of numbers for the wording
    evidence      TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    raised_at     TEXT NOT NULL,
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX reading_alert_patient_at ON reading_alert (patient_id, at);

CREATE TABLE reading_alert_ack (
    alert_id      TEXT NOT NULL REFERENCES reading_alert (id),
    by_id         TEXT NOT NULL,              -- RPPS
    by_name       TEXT NOT NULL DEFAULT '',
    at            TEXT NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (alert_id, by_id, at)
);

-- Patients whose readings arrived (import, sync) since their alerts were evaluated.
CREATE TABLE reading_alert_due (
    patient_id    TEXT PRIMARY KEY
);

-- Readings whose patient is not certain (several users in one file, a name that does not
-- match): kept whole until someone assigns them. Local to this practitioner.
CREATE TABLE reading_unassigned (
    pk            INTEGER PRIMARY KEY,
    import_id     TEXT NOT NULL,              -- one import (file) = one batch
    file          TEXT NOT NULL,
    reason        TEXT NOT NULL,              -- why it is not certain (a code)
    user_label    TEXT NOT NULL DEFAULT '',   -- the file's user / name, as given
    suggested_patient_id TEXT,
    kind          TEXT NOT NULL,
    at            TEXT NOT NULL,
    value         REAL NOT NULL,
    value2        REAL,
    pulse         REAL,
    original      TEXT NOT NULL DEFAULT '',
    source        TEXT NOT NULL,
    device        TEXT NOT NULL DEFAULT '',
    flags         INTEGER NOT NULL DEFAULT 0,
    assigned_to   TEXT,                       -- patient id once assigned
    assigned_reading_id TEXT,
    assigned_by   TEXT,
    assigned_at   TEXT,
    created_at    TEXT NOT NULL,
    import_key    TEXT NOT NULL UNIQUE       -- the measurement and the file's user: once
);

-- This practitioner's readings settings (the home BP protocol: 'rule-of-3' or 'esc-2-2-3').
CREATE TABLE reading_setting (
    name          TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);
