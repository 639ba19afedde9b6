-- The agenda, second part: home-visit rounds, online bookings, user-named types, whose
-- agenda an appointment belongs to.
--
-- A home visit may be "fixed time" (an insulin visit: within ±15 min of its time, placed
-- first in the round) and carries what to do there (synced); its place in the day's round
-- is local to the practitioner who rides it. An online booking made on the hub's portal
-- arrives as a 'proposed' appointment with the person who booked it (name, phone: JSON),
-- until the practitioner confirms or declines it.
ALTER TABLE appointment ADD COLUMN fixed_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointment ADD COLUMN todo TEXT NOT NULL DEFAULT '';
ALTER TABLE appointment ADD COLUMN booker TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(booker));
ALTER TABLE appointment ADD COLUMN round_position INTEGER;
-- Whose agenda it is: the RPPS of the practitioner named on the hub copy; NULL for an
-- appointment made on this computer (the user's own). A colleague's appointments, pulled
-- because both see the patient, show side by side, never as the user's busy time.
ALTER TABLE appointment ADD COLUMN practitioner TEXT;
CREATE INDEX appointment_status_start ON appointment (status, start_utc);
CREATE INDEX appointment_practitioner ON appointment (practitioner, start_utc);

ALTER TABLE appointment_series ADD COLUMN fixed_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointment_series ADD COLUMN todo TEXT NOT NULL DEFAULT '';

-- A type the user added names itself; the five built-in ones ('') are worded by the app.
ALTER TABLE appointment_type ADD COLUMN label TEXT NOT NULL DEFAULT '';
