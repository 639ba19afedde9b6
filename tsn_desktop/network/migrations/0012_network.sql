-- The professional network: the directory kept for offline search (the hub's Practitioner
-- entries), discussion posts (synced as FHIR Communication, append-only), and what this
-- desktop alone remembers: which inbox items are done or snoozed.
CREATE TABLE directory_entry (
    id            TEXT PRIMARY KEY,            -- the hub's id, derived from the RPPS
    rpps          TEXT NOT NULL UNIQUE,
    family_name   TEXT NOT NULL DEFAULT '',
    given_names   TEXT NOT NULL DEFAULT '',
    profession    TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    secure_mail   TEXT NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    sort_key      TEXT NOT NULL DEFAULT '',    -- folded "family given", for the order
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX directory_entry_sort ON directory_entry (sort_key);
-- Search as you type: every word of name, profession, RPPS and town, folded, by prefix.
CREATE VIRTUAL TABLE directory_search USING fts5(
    words, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');

CREATE TABLE network_post (
    id             TEXT PRIMARY KEY,
    thread_id      TEXT NOT NULL,              -- the opening post's id
    kind           TEXT NOT NULL CHECK (kind IN ('opening', 'reply', 'joined', 'decision', 'receipt')),
    sender         TEXT NOT NULL,              -- RPPS
    recipients     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
    patient_id     TEXT,
    in_response_to TEXT,
    replaces       TEXT,                       -- an edit names the post it replaces
    title          TEXT NOT NULL DEFAULT '',
    question       TEXT NOT NULL DEFAULT '',
    context        TEXT NOT NULL DEFAULT '',
    expected       TEXT NOT NULL DEFAULT '',
    due            TEXT,                       -- date
    body           TEXT NOT NULL DEFAULT '',
    sent_at        TEXT NOT NULL,              -- the author's clock, UTC
    received_at    TEXT,                       -- the hub's receipt time
    withdrawn      INTEGER NOT NULL DEFAULT 0,
    read_here      INTEGER NOT NULL DEFAULT 1,
    local_version  INTEGER NOT NULL DEFAULT 1,
    hub_version    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX network_post_thread ON network_post (thread_id, sent_at, id);
CREATE INDEX network_post_patient ON network_post (patient_id, kind);
CREATE INDEX network_post_unread ON network_post (read_here, thread_id);

CREATE TABLE network_inbox_state (
    item_key      TEXT PRIMARY KEY,
    done          INTEGER NOT NULL DEFAULT 0,
    snoozed_until TEXT                         -- UTC
);

-- Return home after day surgery: a pathway's tasks (synced as FHIR Task, one per line of
-- the checklist, grouped by pathway_id), owner by RPPS, due date, who ticked it and when.
CREATE TABLE network_task (
    id             TEXT PRIMARY KEY,
    pathway_id     TEXT NOT NULL,
    patient_id     TEXT NOT NULL,
    pathway_title  TEXT NOT NULL DEFAULT '',
    operation_day  TEXT NOT NULL,              -- date
    what           TEXT NOT NULL,
    owner          TEXT NOT NULL,              -- RPPS
    due            TEXT NOT NULL,              -- date
    status         TEXT NOT NULL DEFAULT 'requested'
                   CHECK (status IN ('requested', 'completed', 'cancelled')),
    done_by        TEXT NOT NULL DEFAULT '',
    done_at        TEXT,
    comment        TEXT NOT NULL DEFAULT '',
    local_version  INTEGER NOT NULL DEFAULT 1,
    hub_version    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX network_task_patient ON network_task (patient_id, due);
CREATE INDEX network_task_open ON network_task (status, due);

-- Attachments of posts (PDF, images), kept inside this encrypted database only: they are
-- written out in clear only when the user saves one somewhere ("Save as").
CREATE TABLE network_attachment (
    id            TEXT PRIMARY KEY,
    post_id       TEXT NOT NULL,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    data          BLOB NOT NULL,
    UNIQUE (post_id, position)
);

-- The shared resource base (synced as FHIR DocumentReference): the document's file is kept
-- in this encrypted database, as attachments are.
CREATE TABLE network_document (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    version       TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    author        TEXT NOT NULL,               -- RPPS
    audience      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(audience)),
    file_name     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    data          BLOB NOT NULL,
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);

-- The practitioner's own return-home checklist template (none: the shipped one), local.
CREATE TABLE network_pathway_template (
    position   INTEGER PRIMARY KEY,
    what       TEXT NOT NULL,
    profession TEXT NOT NULL DEFAULT '',
    day        INTEGER NOT NULL
);
