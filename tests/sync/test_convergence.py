"""Random edits by a GP and a nurse on shared patients, synced through a faulty network:
once the network heals, both desktops and the hub hold the same records, nothing is
left queued, and no record exists twice. Seeds are fixed so a failure replays."""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest

from tsn_desktop.patients import service, store
from tsn_desktop.sync.client import HubError
from tsn_desktop.sync.protocol import ProtocolError

from .conftest import new_patient, share
from .fault_proxy import FaultProxy
from .test_crash import hub_patients, local_patients

# More seeds on demand: TSN_SYNC_SEEDS=$(seq -s, 1 40) (37 more passed when written).
SEEDS = [int(s) for s in os.environ.get("TSN_SYNC_SEEDS", "1,2,3").split(",")]
FAULTS = ["500", "close", "garbage", "truncate", "forward+garbage", "forward+close", "429"]
FIELDS = {
    "phone": ["06 11 11 11 11", "06 22 22 22 22", "07 33 33 33 33"],
    "city": ["Lyon", "Bron", "Vénissieux", "Caluire"],
    "email": ["a@example.org", "b@example.org"],
    "used_name": ["", "Bernard", "Roux"],
}


@pytest.mark.parametrize("seed", SEEDS)
def test_random_edits_through_a_faulty_network_converge(make_client, hub, seed) -> None:
    rng = random.Random(seed)
    proxies = [FaultProxy(hub.url, hang_seconds=1.0), FaultProxy(hub.url, hang_seconds=1.0)]
    try:
        gp = make_client(hub_url=proxies[0].url)
        nurse = make_client("Petit Claire", "nurse", hub_url=proxies[1].url)
        clients = [gp, nurse]
        patients = [gp.save(new_patient(given_names=f"Patient{i}")) for i in range(3)]
        gp.sync()
        for p in patients:
            share(gp, p.id, nurse)
        nurse.sync()

        for _step in range(14):
            index = rng.randrange(2)
            client, proxy = clients[index], proxies[index]
            if rng.random() < 0.6:
                current = store.get(client.db, rng.choice(patients).id)
                if current is None or current.meta.deleted:
                    continue
                if rng.random() < 0.08:
                    service.delete(client.db, current)
                    continue
                field = rng.choice(sorted(FIELDS))
                client.save(replace(current, **{field: rng.choice(FIELDS[field])}))
            else:
                proxy.then(*rng.sample(FAULTS, rng.randrange(0, 3)))
                try:
                    client.sync(max_attempts=2, timeout=(1.0, 0.5))
                except (HubError, ProtocolError):
                    pass  # the network lost this round; the next pass goes on

        for proxy in proxies:
            proxy.script.clear()
        for _round in range(2):
            gp.sync()
            nurse.sync()

        for client in clients:
            assert client.db.query("SELECT count(*) FROM outbox WHERE state != 'sent'") \
                == [(0,)]
            assert client.db.query("SELECT count(*) FROM sync_inflight") == [(0,)]
        at_gp, at_nurse = local_patients(gp), local_patients(nurse)
        assert set(at_gp) == {p.id for p in patients} == set(at_nurse)
        deleted = {c.rpps: {r[0] for r in c.db.query("SELECT id FROM patient WHERE deleted = 1")}
                   for c in clients}
        assert deleted[gp.rpps] == deleted[nurse.rpps]
        # A tombstone keeps whatever it held locally; live records must be identical.
        live = {rid: v for rid, v in at_gp.items() if rid not in deleted[gp.rpps]}
        assert live == {rid: v for rid, v in at_nurse.items() if rid in live}
        assert hub_patients(hub, gp.token, live) == live
        for rid in deleted[gp.rpps]:
            assert hub.fhir(gp.token, "Patient", rid).status_code == 410
    finally:
        for proxy in proxies:
            proxy.close()
