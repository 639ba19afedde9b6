-- Hub sync: where this profile stands with its hub, the last hub copy of every
-- record (the base of three-way merges), conflicts kept for the user, the account.
CREATE TABLE sync_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    hub_id        TEXT,
    epoch         TEXT,
    cursor        TEXT,
    last_sync_at  TEXT,
    last_error    TEXT
);
INSERT INTO sync_state (id) VALUES (1);

-- The last version of each record this client saw on the hub, with its JSON.
-- Also holds hub records no adapter handles yet, so a later version can use them.
CREATE TABLE hub_base (
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    hub_version   TEXT NOT NULL,
    hub_seq       INTEGER,
    deleted       INTEGER NOT NULL DEFAULT 0,
    resource      TEXT,
    seen_at       TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_id)
);

-- Ops sent to the hub whose answer is not yet committed here: after a crash
-- the very same ops (same op_id, same body) are sent again, so the hub answers
-- "duplicate" instead of a conflict with ourselves.
CREATE TABLE sync_inflight (
    op_id         TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('upsert', 'delete')),
    base_version  TEXT,
    body          TEXT,
    covers_seq    INTEGER NOT NULL,
    created_at    TEXT NOT NULL
);

-- The losing side of a conflict, kept whole until the user resolves it.
CREATE TABLE sync_conflict (
    id            TEXT PRIMARY KEY,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    local_json    TEXT,
    hub_json      TEXT,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    resolved_at   TEXT,
    resolution    TEXT
);
CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at, resource_type, resource_id);

-- One hub account per profile; the token sits here only when no OS keyring exists.
CREATE TABLE sync_account (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    hub_url       TEXT NOT NULL,
    rpps          TEXT NOT NULL,
    token         TEXT,
    updated_at    TEXT NOT NULL
);

-- Patients newly shared with this practitioner (a pulled CareTeam names them): their
-- older records lie behind the cursor and come by a per-patient snapshot. Kept here
-- so a crash between the CareTeam and that snapshot does not skip them.
CREATE TABLE sync_patient_resync (
    patient_id    TEXT PRIMARY KEY,
    queued_at     TEXT NOT NULL
);
