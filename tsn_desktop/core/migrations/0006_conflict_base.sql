-- The common ancestor of a merge conflict (the last hub copy both sides started from),
-- so that "use my copy again" takes back only what this practitioner changed and keeps
-- what the colleague changed elsewhere in the record. NULL for older conflicts.
ALTER TABLE sync_conflict ADD COLUMN base_json TEXT;
