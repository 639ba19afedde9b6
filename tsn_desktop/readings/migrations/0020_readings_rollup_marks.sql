-- The days a new reading touches are noted by the store, once per batch (store.py,
-- _note_days), instead of by a trigger on every inserted row: on an encrypted file the
-- trigger cost ~30 µs a row and halved the speed of a bulk pull of readings. The
-- entered-in-error trigger stays (a rare update).
DROP TRIGGER reading_rollup_insert;
