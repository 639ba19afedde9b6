-- A patient's care team ("équipe de soins"): the practitioners who see the patient's
-- records on the hub (docs/sync-protocol.md §8), synced as a FHIR CareTeam.
--
-- One team per patient is what this app writes. The hub may still hold several for one
-- patient (another client's, or two created offline at the same time), so patient_id is
-- not unique: readers take the union of the patient's active teams.
--
-- Members are one JSON list of {"rpps", "display"} rather than a child table: a CareTeam
-- is created, versioned, pushed, merged (hub order wins) and replaced by the hub as one
-- whole resource, so one row is exactly one version of it. A child table would need its
-- own versioning and joins that nothing here uses, for a handful of people per patient.
--
-- No foreign key to patient: a pulled team may arrive before its Patient does.
CREATE TABLE care_team (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'active',
    members       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(members)),
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX care_team_patient ON care_team (patient_id, deleted);
