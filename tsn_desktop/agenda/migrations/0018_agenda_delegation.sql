-- Agenda delegation. `given`: the colleagues (RPPS) this practitioner lets book, move and
-- cancel in their agenda, sent to the hub after a sync pass while `pending` is 1.
-- `received`: the colleagues who delegated their agenda to this practitioner, as the hub
-- last said (kept so a delegated agenda stays editable offline).
CREATE TABLE agenda_delegation (
    direction TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    rpps TEXT NOT NULL CHECK (length(rpps) = 11),
    PRIMARY KEY (direction, rpps)
);
CREATE TABLE agenda_delegation_outbox (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pending INTEGER NOT NULL DEFAULT 0
);
INSERT INTO agenda_delegation_outbox (id, pending) VALUES (1, 0);
