-- The audit log on the hub (FHIR AuditEvent, append-only). Local audit rows of this
-- practitioner are grouped into events: one file opened again and again while the
-- event is still unsent makes one event (first and last time, how many times), so
-- the outbox grows by one row per event, not per click. Events that colleagues
-- sharing a patient recorded arrive from the hub and are kept here too (origin 'hub').
CREATE TABLE audit_event (
    id            TEXT PRIMARY KEY,           -- the AuditEvent id (client-made UUID)
    origin        TEXT NOT NULL CHECK (origin IN ('local', 'hub')),
    actor         TEXT NOT NULL,              -- RPPS number
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT,
    patient_id    TEXT,
    first_at      TEXT NOT NULL,              -- UTC
    last_at       TEXT NOT NULL,              -- UTC
    occurrences   INTEGER NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
    hub_version   TEXT,
    resource      TEXT                        -- hub events: the hub's JSON, as received
);
CREATE INDEX audit_event_group ON audit_event (actor, action, resource_type, resource_id,
                                               first_at);
CREATE INDEX audit_event_patient ON audit_event (patient_id, first_at);
CREATE INDEX audit_event_at ON audit_event (origin, first_at);

-- Which event a local audit row went into (NULL: kept local, e.g. what sync wrote).
ALTER TABLE audit_log ADD COLUMN event_ref TEXT;
CREATE INDEX audit_log_event ON audit_log (event_ref);
CREATE INDEX audit_log_at ON audit_log (at);

-- One row once the app syncs the audit trail (it registered the AuditEvent adapter):
-- from then on every practitioner audit row is queued in the outbox.
CREATE TABLE audit_hub_sync (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    enabled_at    TEXT NOT NULL
);
