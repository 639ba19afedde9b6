-- The agenda: appointment types, appointments (synced as FHIR Appointment), recurring
-- series (local: their occurrences are materialised as appointments, each with its own
-- status, and those sync), the weekly opening template and its exceptions.
--
-- Times are UTC instants (ISO 8601 with Z) with the IANA zone they are shown in; a
-- series keeps its first start as local wall time, so its occurrences stay at the same
-- local hour across DST changes.
CREATE TABLE appointment_type (
    code            TEXT PRIMARY KEY,
    colour          TEXT NOT NULL CHECK (colour GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
    default_minutes INTEGER NOT NULL CHECK (default_minutes BETWEEN 1 AND 1440),
    position        INTEGER NOT NULL DEFAULT 0
);
INSERT INTO appointment_type (code, colour, default_minutes, position) VALUES
    ('consultation', '#3d7cc9', 20, 1),
    ('vaccination', '#2e9d5b', 15, 2),
    ('home_visit', '#d98a1f', 30, 3),
    ('teleconsultation', '#8a5cc2', 15, 4),
    ('personal', '#7d8790', 60, 5);

CREATE TABLE appointment_series (
    id            TEXT PRIMARY KEY,
    start_local   TEXT NOT NULL,               -- naive wall time of the first occurrence
    minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    rule          TEXT NOT NULL,               -- RRULE without DTSTART
    zone          TEXT NOT NULL DEFAULT 'Europe/Paris',
    exdates       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exdates)),
    type          TEXT NOT NULL,
    patient_id    TEXT,
    address       TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    horizon       TEXT NOT NULL,               -- UTC: occurrences exist up to here
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointment_series_horizon ON appointment_series (deleted, horizon);

CREATE TABLE appointment (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    start_utc     TEXT NOT NULL,
    end_utc       TEXT NOT NULL CHECK (end_utc > start_utc),
    zone          TEXT NOT NULL DEFAULT 'Europe/Paris',
    patient_id    TEXT,
    address       TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'booked',
    history       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history)),
    series_id     TEXT,
    occurrence    TEXT,                        -- local date of the occurrence in its series
    detached      INTEGER NOT NULL DEFAULT 0,  -- edited on its own: the series leaves it be
    local_version INTEGER NOT NULL DEFAULT 1,
    hub_version   TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX appointment_start ON appointment (deleted, start_utc);
CREATE INDEX appointment_series_day ON appointment (series_id, occurrence);
CREATE INDEX appointment_patient ON appointment (patient_id, start_utc);

CREATE TABLE agenda_opening (
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    start_local   TEXT NOT NULL,               -- HH:MM
    end_local     TEXT NOT NULL CHECK (end_local > start_local)
);
INSERT INTO agenda_opening (weekday, start_local, end_local) VALUES
    (0, '08:30', '12:30'), (1, '08:30', '12:30'), (2, '08:30', '12:30'),
    (3, '08:30', '12:30'), (4, '08:30', '12:30'),
    (0, '14:00', '19:00'), (1, '14:00', '19:00'), (2, '14:00', '19:00'),
    (3, '14:00', '19:00'), (4, '14:00', '19:00'),
    (5, '09:00', '12:00');

CREATE TABLE agenda_closure (
    id            TEXT PRIMARY KEY,
    start_utc     TEXT NOT NULL,
    end_utc       TEXT NOT NULL CHECK (end_utc > start_utc),
    reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agenda_closure_start ON agenda_closure (start_utc);
