-- Patient register, with a full-text index over the names (accent-blind,
-- prefix-indexed) kept in step by triggers so search-as-you-type stays fast.
CREATE TABLE patient (
    -- An explicit rowid alias: the full-text index points at it, and VACUUM may
    -- renumber implicit rowids.
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0,
    birth_name    TEXT NOT NULL,
    used_name     TEXT NOT NULL DEFAULT '',
    given_names   TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U')),
    birth_date    TEXT NOT NULL,
    birth_place   TEXT NOT NULL DEFAULT '',
    birth_insee   TEXT NOT NULL DEFAULT '',
    ins           TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    treating_gp   TEXT NOT NULL DEFAULT '',
    -- Upper case, no accents, no punctuation: the key for likely duplicates.
    identity_key  TEXT NOT NULL
);
CREATE INDEX patient_birth_date ON patient (birth_date);
CREATE INDEX patient_ins ON patient (ins);
CREATE INDEX patient_identity ON patient (identity_key, birth_date);

CREATE VIRTUAL TABLE patient_fts USING fts5(
    names, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE TRIGGER patient_fts_insert AFTER INSERT ON patient BEGIN
    INSERT INTO patient_fts (rowid, names)
    VALUES (new.rowid, new.birth_name || ' ' || new.used_name || ' ' || new.given_names);
END;
CREATE TRIGGER patient_fts_update AFTER UPDATE OF birth_name, used_name, given_names ON patient
BEGIN
    UPDATE patient_fts SET names = new.birth_name || ' ' || new.used_name || ' ' || new.given_names
    WHERE rowid = new.rowid;
END;
