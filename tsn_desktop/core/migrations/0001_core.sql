-- Core tables: the outbox (every local change, for sync) and the audit log.
CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id         TEXT NOT NULL UNIQUE,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('upsert', 'delete')),
    local_version INTEGER NOT NULL,
    base_version  TEXT,
    created_at    TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sent', 'parked')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_pending ON outbox (state, seq);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      TEXT NOT NULL UNIQUE,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT,
    synced        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audit_resource ON audit_log (resource_type, resource_id);

-- The practitioner who owns this profile (one row).
CREATE TABLE practitioner_profile (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    practitioner_id TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    given_names   TEXT NOT NULL,
    profession    TEXT NOT NULL,
    rpps          TEXT NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
