-- The electronic carnet: one row per dose (FHIR Immunization), append-only. A dose is
-- never rewritten: marking it entered-in-error (with who, when, why) is its one edit.
-- Performer and recorder are copied onto the dose (name, profession, RPPS as they were
-- that day), not referenced: a colleague's dose pulled from the hub names them too.
-- No foreign key to patient: a pulled dose may arrive before its Patient does.
CREATE TABLE vaccination_dose (
    id                 TEXT PRIMARY KEY,
    patient_id         TEXT NOT NULL,
    occurrence         TEXT NOT NULL,           -- ISO date
    product            TEXT NOT NULL,           -- catalogue / schedule pack code
    outcome            TEXT NOT NULL DEFAULT 'administered'
                       CHECK (outcome IN ('administered', 'historical', 'not-given')),
    lot                TEXT NOT NULL DEFAULT '',
    expiry             TEXT,                    -- ISO date
    site               TEXT NOT NULL DEFAULT '',
    route              TEXT NOT NULL DEFAULT '',
    performer_name     TEXT NOT NULL DEFAULT '',
    performer_profession TEXT NOT NULL DEFAULT '',
    performer_rpps     TEXT NOT NULL DEFAULT '',
    place              TEXT NOT NULL DEFAULT '',
    place_name         TEXT NOT NULL DEFAULT '',
    source             TEXT NOT NULL DEFAULT 'recorded'
                       CHECK (source IN ('recorded', 'hub', 'transcribed', 'reported')),
    recorder_name      TEXT NOT NULL DEFAULT '',
    recorder_profession TEXT NOT NULL DEFAULT '',
    recorder_rpps      TEXT NOT NULL DEFAULT '',
    reason             TEXT NOT NULL DEFAULT '',
    note               TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'completed'
                       CHECK (status IN ('completed', 'entered-in-error')),
    error_by_name      TEXT NOT NULL DEFAULT '',
    error_by_profession TEXT NOT NULL DEFAULT '',
    error_by_rpps      TEXT NOT NULL DEFAULT '',
    error_at           TEXT NOT NULL DEFAULT '',
    error_why          TEXT NOT NULL DEFAULT '',
    local_version      INTEGER NOT NULL DEFAULT 1,
    hub_version        TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX vaccination_dose_patient ON vaccination_dose (patient_id, occurrence);

-- GTINs a user assigned to a catalogue product after a scan the catalogue did not know
-- (the next scan of that pack fills the product by itself).
CREATE TABLE vaccination_gtin (
    gtin       TEXT PRIMARY KEY,
    product    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
