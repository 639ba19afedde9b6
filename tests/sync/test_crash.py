"""The client process is SIGKILLed in the middle of a push and of a pull (the pass runs
in a subprocess that stops at a named point of the engine); after a restart nothing
is lost and nothing is duplicated, checked record by record on both sides."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from tsn_desktop.patients import fhir, store

from .conftest import PASSPHRASE, ROOT, Client, new_patient, share

SCRIPT = Path(__file__).with_name("run_pass.py")


def run_pass(client: Client, tmp_path: Path, pause: str = "", occurrence: int = 1,
             page: int = 0, batch: int = 0) -> None:
    """Runs a pass in a child process; with `pause`, kills it there (SIGKILL)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), TSN_TEST_PASSPHRASE=PASSPHRASE,
               TSN_TEST_TOKEN=client.token, TSN_TEST_PAGE=str(page), TSN_TEST_BATCH=str(batch))
    marker = tmp_path / f"paused-{time.monotonic_ns()}"
    args = [sys.executable, str(SCRIPT), str(client.profile.vault.directory), client.hub_url]
    if pause:
        args += [pause, str(occurrence), str(marker)]
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    if not pause:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
        return
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()[1].decode()
        assert time.monotonic() < deadline, "the pass never reached the pause point"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL


def local_patients(client: Client) -> dict[str, dict]:
    rows = client.db.query("SELECT id FROM patient")
    return {rid: store.get(client.db, rid).content() for (rid,) in rows}


def hub_patients(hub, token: str, ids) -> dict[str, dict]:
    out = {}
    for rid in ids:
        response = hub.fhir(token, "Patient", rid)
        assert response.status_code == 200
        out[rid] = fhir.from_fhir(response.json()).content()
    return out


def test_killed_after_the_hub_answered_a_push_nothing_lost_nothing_duplicated(
        make_client, hub, tmp_path) -> None:
    gp = make_client()
    saved = [gp.save(new_patient(given_names=f"Prénom{i}")) for i in range(12)]
    for p in saved[:4]:
        gp.save(replace(store.get(gp.db, p.id), phone="06 01 02 03 04"))

    # Batches of 5: killed when the hub has applied the second batch, before the
    # client recorded the answer. The push is pipelined: the third batch (the last 2
    # records) was written down and sent meanwhile, so both are still in flight.
    run_pass(gp, tmp_path, pause="push:answered", occurrence=2, batch=5)
    assert gp.db.query("SELECT count(*) FROM sync_inflight")[0][0] == 5 + 2
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state = 'sent'")[0][0] == 9

    run_pass(gp, tmp_path, batch=5)
    assert gp.db.query("SELECT count(*) FROM sync_inflight")[0][0] == 0
    assert gp.db.query("SELECT count(*) FROM outbox WHERE state != 'sent'")[0][0] == 0
    assert gp.db.query("SELECT count(*) FROM sync_conflict")[0][0] == 0
    local = local_patients(gp)
    assert len(local) == 12
    assert hub_patients(hub, gp.token, local) == local
    versions = {rid: hub.fhir(gp.token, "Patient", rid).json()["meta"]["versionId"]
                for rid in local}
    assert set(versions.values()) == {"1"}  # each pushed once: no duplicate versions

    # The GP's second computer sees exactly the same register.
    other = make_client()
    other.token = gp.token
    other.sync()
    assert local_patients(other) == local


def test_killed_between_two_pull_pages_resumes_without_duplicates(
        make_client, private_hub, tmp_path) -> None:
    gp = make_client(on=private_hub)
    nurse = make_client("Petit Claire", "nurse", on=private_hub)
    saved = [gp.save(new_patient(given_names=f"Prénom{i}")) for i in range(9)]
    gp.sync()
    for p in saved:
        share(gp, p.id, nurse)

    # Pages of 4 changes: killed with the second page fetched but not applied.
    run_pass(nurse, tmp_path, pause="pull:fetched", occurrence=2, page=4)
    partial = local_patients(nurse)
    assert 0 < len(partial) < 9
    run_pass(nurse, tmp_path, page=4)
    # Killed again, this time after the last page was fetched: a replay of it is harmless.
    run_pass(nurse, tmp_path, pause="pull:fetched", occurrence=1, page=4)
    run_pass(nurse, tmp_path, page=4)

    assert local_patients(nurse) == local_patients(gp)
    assert nurse.db.query("SELECT count(*) FROM outbox")[0][0] == 0
    assert nurse.db.query("SELECT count(*) FROM sync_conflict")[0][0] == 0
    creations = nurse.db.query("SELECT actor, count(*) FROM audit_log WHERE action = 'create'"
                               " AND resource_type = 'Patient' GROUP BY actor")
    assert creations == [("hub", 9)]  # each applied once, and not in the nurse's name


def test_killed_in_the_middle_of_a_snapshot_starts_it_again_cleanly(
        make_client, private_hub, tmp_path) -> None:
    gp = make_client(on=private_hub)
    nurse = make_client("Petit Claire", "nurse", on=private_hub)
    saved = [gp.save(new_patient(given_names=f"Prénom{i}")) for i in range(5)]
    gp.sync()
    for p in saved:
        share(gp, p.id, nurse)
    nurse.sync()
    gp.save(replace(store.get(gp.db, saved[0].id), city="Bron"))
    gp.sync()
    # The nurse's cursor becomes unreadable: the next pass takes a snapshot (pages of 3),
    # and is killed with its second page fetched.
    with nurse.db.unit_of_work() as uow:
        uow.execute("UPDATE sync_state SET cursor = 'garbled'")
    run_pass(nurse, tmp_path, pause="snapshot:fetched", occurrence=2, page=3)
    assert nurse.db.query("SELECT cursor FROM sync_state") == [("garbled",)]
    run_pass(nurse, tmp_path, page=3)
    assert local_patients(nurse) == local_patients(gp)
    assert store.get(nurse.db, saved[0].id).city == "Bron"
    assert nurse.db.query("SELECT count(*) FROM outbox") == [(0,)]
    assert nurse.db.query("SELECT count(*) FROM sync_conflict") == [(0,)]
