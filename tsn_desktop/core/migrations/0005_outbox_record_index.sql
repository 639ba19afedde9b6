-- Per-record outbox lookups (the sync push takes each record's latest pending change,
-- and a pull checks whether a record has local changes waiting): without this index
-- each was a scan of the whole outbox, quadratic over a large backlog.
CREATE INDEX outbox_record ON outbox (resource_type, resource_id, seq);
