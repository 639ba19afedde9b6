-- Identity safety (RNIV) and the life of a record: the identity document the traits were
-- checked against (with the INS it gives the RNIV status), archiving, death, and merges.
-- A merged duplicate stays as a row pointing at the patient kept: nothing is deleted.
ALTER TABLE patient ADD COLUMN identity_document TEXT NOT NULL DEFAULT '';
-- Stored for the list and its filter; always what model.identity_status derives.
ALTER TABLE patient ADD COLUMN identity_status TEXT NOT NULL DEFAULT 'PROV'
    CHECK (identity_status IN ('PROV', 'RECUP', 'VALI', 'QUAL'));
ALTER TABLE patient ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE patient ADD COLUMN deceased_date TEXT;
ALTER TABLE patient ADD COLUMN replaced_by TEXT NOT NULL DEFAULT '';
-- An INS typed before this version came from the INSi result or the carte Vitale: it
-- was never checked against an identity document, so at best "récupérée".
UPDATE patient SET identity_status = 'RECUP' WHERE ins != '';
CREATE INDEX patient_active ON patient (deleted, archived, replaced_by, identity_key);
