-- The test feature's own table (tests/throwaway_feature): proves a feature's migration
-- joins the app's number line without a file in core/migrations.
CREATE TABLE throwaway_note (id TEXT PRIMARY KEY, body TEXT NOT NULL);
