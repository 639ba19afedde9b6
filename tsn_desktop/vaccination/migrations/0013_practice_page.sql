-- The Vaccinations page: kept forecast summaries (so the page opens at once whatever the
-- practice size), the recalls made, and adverse events following immunisation.

-- One row per patient file kept: when it was forecast, on which pack, from which
-- versions of the file (the patient's and its merged duplicates'), and the first date
-- the forecast can change (practice.next_change_date). Local only: recomputed from
-- the doses and the patient, never synced.
CREATE TABLE vaccination_summary (
    patient_id      TEXT PRIMARY KEY,
    patient_stamp   TEXT NOT NULL,          -- birth_date|sex|local_version it was made from
    pack            TEXT NOT NULL,          -- schedule pack id, version and digest
    assessment_date TEXT NOT NULL,          -- ISO date
    next_change     TEXT,                   -- ISO date, NULL: nothing changes any more
    -- What the due list shows of the patient, copied with the summary (any change to the
    -- patient bumps its version, so the stamp no longer matches and the copy is redone):
    -- the page reads this table only, whatever the practice size.
    name            TEXT NOT NULL,
    birth_day       INTEGER NOT NULL,       -- date.toordinal() of the birth date
    sex             TEXT NOT NULL,
    treating_gp     TEXT NOT NULL DEFAULT '',
    -- The vaccine groups still to give (status "Not Complete"), packed: little-endian
    -- int32 quintuples (group code, dose number or 0, recommended, past due, latest) as
    -- day numbers (3652060: none). Absolute dates: they do not move with the day. Read
    -- in bulk into numpy, where a filter over the practice is a few vector operations.
    due             BLOB NOT NULL,
    -- The doses counted, for coverage: int32 pairs (day number, bit mask of the pack's
    -- antigens, sorted by name). Coverage reads these instead of every dose row.
    facts           BLOB NOT NULL DEFAULT x''
);

-- The codes of the vaccine groups in `due` (group names come from the schedule pack).
CREATE TABLE vaccination_due_group (
    code  INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
);

-- Patients whose doses changed since their summary was kept (a local save or a pull):
-- filled by these triggers in the dose's own transaction (REPLACE: a newer mark gets a
-- newer rowid), emptied by the refresh up to the marks it read.
CREATE TABLE vaccination_summary_dirty (patient_id TEXT PRIMARY KEY);
CREATE TRIGGER vaccination_summary_dose_added AFTER INSERT ON vaccination_dose BEGIN
    INSERT OR REPLACE INTO vaccination_summary_dirty (patient_id) VALUES (new.patient_id);
END;
CREATE TRIGGER vaccination_summary_dose_changed AFTER UPDATE ON vaccination_dose BEGIN
    INSERT OR REPLACE INTO vaccination_summary_dirty (patient_id) VALUES (new.patient_id);
    INSERT OR REPLACE INTO vaccination_summary_dirty (patient_id) VALUES (old.patient_id);
END;

-- A recall made outside the app (phone, letter, SMS), so the list shows who was
-- contacted, when, and when to try again. Local to this practice: not synced.
CREATE TABLE vaccination_recall (
    id          TEXT PRIMARY KEY,
    patient_id  TEXT NOT NULL,
    vgroup      TEXT NOT NULL DEFAULT '',   -- '' = every vaccine due
    method      TEXT NOT NULL CHECK (method IN ('phone', 'letter', 'sms')),
    recalled_on TEXT NOT NULL,              -- ISO date
    retry_on    TEXT,                       -- ISO date
    by_rpps     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX vaccination_recall_patient ON vaccination_recall (patient_id, recalled_on);

-- An adverse event following immunisation, on one dose (FHIR R4 AdverseEvent, synced,
-- linked to the Immunization). Reported facts: a correction is a new version of the
-- record (local_version), never a silent overwrite; no hard delete.
CREATE TABLE vaccination_adverse_event (
    id                TEXT PRIMARY KEY,
    dose_id           TEXT NOT NULL,
    patient_id        TEXT NOT NULL,
    onset             TEXT NOT NULL,          -- ISO date the first sign appeared
    onset_delay_hours INTEGER,                -- after the injection, when known
    symptoms          TEXT NOT NULL DEFAULT '',  -- codes of the short list, comma separated
    description       TEXT NOT NULL DEFAULT '',
    seriousness       TEXT NOT NULL DEFAULT '',  -- criteria codes, comma separated ('': not serious)
    outcome           TEXT NOT NULL DEFAULT 'unknown',
    care              TEXT NOT NULL DEFAULT '',
    recorder_name     TEXT NOT NULL DEFAULT '',
    recorder_rpps     TEXT NOT NULL DEFAULT '',
    local_version     INTEGER NOT NULL DEFAULT 1,
    hub_version       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX vaccination_adverse_event_dose ON vaccination_adverse_event (dose_id);
