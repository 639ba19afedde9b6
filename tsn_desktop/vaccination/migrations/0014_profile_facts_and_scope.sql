-- The patient's profile for recommendations (FHIR Condition): one row per fact, a code of
-- the schedule pack's observations (pregnancy, immunodepression, occupational exposure...).
-- Append-only: a fact is never rewritten; ending it (abatement: the day it stopped) or
-- retracting it (entered-in-error, with why) is its one edit, who and when kept.
-- Recorder and ender are copied onto the row (name, profession, RPPS as they were that day).
-- No foreign key to patient: a pulled fact may arrive before its Patient does.
CREATE TABLE vaccination_fact (
    id                  TEXT PRIMARY KEY,
    patient_id          TEXT NOT NULL,
    code                TEXT NOT NULL,           -- the pack's observation code
    onset               TEXT NOT NULL,           -- ISO date (pregnancy: first day of amenorrhoea)
    source              TEXT NOT NULL DEFAULT 'examination'
                        CHECK (source IN ('examination', 'document', 'declared')),
    note                TEXT NOT NULL DEFAULT '',
    recorder_name       TEXT NOT NULL DEFAULT '',
    recorder_profession TEXT NOT NULL DEFAULT '',
    recorder_rpps       TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'resolved', 'entered-in-error')),
    abatement           TEXT,                    -- ISO date, when resolved
    ended_by_name       TEXT NOT NULL DEFAULT '',
    ended_by_profession TEXT NOT NULL DEFAULT '',
    ended_by_rpps       TEXT NOT NULL DEFAULT '',
    ended_at            TEXT NOT NULL DEFAULT '',
    end_why             TEXT NOT NULL DEFAULT '',
    local_version       INTEGER NOT NULL DEFAULT 1,
    hub_version         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX vaccination_fact_patient ON vaccination_fact (patient_id, onset);

-- Who may vaccinate what (scope.json of the catalogue pack): a dose given outside the
-- practitioner's own scope names the physician who prescribed it, and why it was outside.
ALTER TABLE vaccination_dose ADD COLUMN prescriber_name TEXT NOT NULL DEFAULT '';
ALTER TABLE vaccination_dose ADD COLUMN prescriber_rpps TEXT NOT NULL DEFAULT '';
ALTER TABLE vaccination_dose ADD COLUMN scope_reason TEXT NOT NULL DEFAULT '';
