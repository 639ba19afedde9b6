"""Schedule packs updated from the hub: a newer verified pack changes the next forecast;
a tampered, older or garbled one changes nothing (a real hub process over HTTP)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from tests.sync.conftest import PYTHON, ROOT, HubProcess, random_rpps
from tsn_desktop.core.paths import set_updated_packs_basedir
from tsn_desktop.sync.client import HubClient
from tsn_desktop.vaccination import datapack, service
from tsn_desktop.vaccination.pack_updates import (
    after_sync_pass,
    forget_loaded_packs,
    update_packs,
)

SHIPPED = ROOT / "resources" / "schedules" / "fr-2025"
FLU_2026 = {"start": "2026-10-06", "end": "2027-01-31"}  # a campaign announced later


def flu_season_on(day: date) -> tuple[date, date]:
    season = service.schedule_data().campaigns["grippe"].season_for(day)
    return season.start, season.end


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    workdir = tmp_path / "hub"
    workdir.mkdir()
    process = HubProcess(workdir)
    process.start()
    yield process
    process.drop()


@pytest.fixture
def desktop(basedir: Path) -> Iterator[Path]:
    """The app at start: it tells the loaders its basedir (app.py does the same)."""
    set_updated_packs_basedir(basedir)
    forget_loaded_packs()
    yield basedir
    set_updated_packs_basedir(None)
    forget_loaded_packs()


def client_of(hub: HubProcess) -> HubClient:
    token = hub.create_practitioner(random_rpps(), "Dr Martin", "general_practitioner")
    return HubClient(hub.url, token, max_attempts=1)


def schedule_pack(tmp_path: Path, version: str, flu_2026: dict[str, str] = FLU_2026) -> Path:
    """The shipped schedule pack with the 2026-2027 flu campaign dates, as `version`."""
    folder = tmp_path / version / "schedules" / "fr-2025"
    shutil.copytree(SHIPPED, folder)
    seasons = json.loads((folder / "seasons.json").read_text("utf-8"))
    seasons["campaigns"]["grippe"]["seasons"]["2026-2027"] = flu_2026
    (folder / "seasons.json").write_text(json.dumps(seasons, ensure_ascii=False), "utf-8")
    datapack.rehash(folder, version)
    return folder


def publish(hub: HubProcess, folder: Path) -> None:
    subprocess.run([PYTHON, "-m", "tsn_hub", "publish-pack", "--db", hub.db_url, str(folder)],
                   cwd=ROOT, check=True, capture_output=True, timeout=60)


def test_new_campaign_dates_from_the_hub_are_used_by_the_next_forecast(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    shipped_rule = flu_season_on(date(2026, 11, 15))
    assert shipped_rule == (date(2026, 10, 15), date(2027, 2, 28))  # the rule's dates
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))

    report = update_packs(desktop, client_of(hub))

    assert report == ["schedules/fr-2025 2025.3.0 installed"]
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 6), date(2027, 1, 31))
    assert datapack.load_pack()[0].version == "2025.3.0"
    assert [p.name for p in (desktop / "packs" / "schedules" / "fr-2025").iterdir()] \
        == ["2025.3.0"]  # nothing half-downloaded is left beside it


def test_a_profile_folder_finds_the_packs_beside_the_profiles(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    update_packs(desktop / "profiles" / "cabinet-martin", client_of(hub))
    assert (desktop / "packs" / "schedules" / "fr-2025" / "2025.3.0" / "seasons.json").is_file()


def test_after_a_sync_pass_the_packs_go_where_the_app_said_its_basedir_is(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    assert after_sync_pass(client_of(hub)) == ["schedules/fr-2025 2025.3.0 installed"]
    assert (desktop / "packs" / "schedules" / "fr-2025" / "2025.3.0").is_dir()
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 6), date(2027, 1, 31))


def test_the_vaccination_feature_updates_its_packs_after_each_sync_pass(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    """The sync worker calls every feature's after-sync hook; vaccination's installs the
    hub's newer pack (the worker itself is tested with the agenda's hook)."""
    from tsn_desktop.vaccination.feature import VACCINATION

    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    assert VACCINATION.after_sync is not None
    VACCINATION.after_sync(lambda fn: None, client_of(hub))
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 6), date(2027, 1, 31))


def _tamper_on_the_hub(hub: HubProcess, name: str, text: str) -> None:
    """The hub's stored copy is damaged after publishing (a broken disk, an edit)."""
    with sqlite3.connect(hub.db_url.removeprefix("sqlite:///")) as conn:
        (files,) = conn.execute("SELECT files FROM data_pack").fetchone()
        files = json.loads(files)
        files[name] = text
        conn.execute("UPDATE data_pack SET files = ?", (json.dumps(files),))


def test_a_pack_whose_file_does_not_match_its_checksum_is_refused_and_the_old_stays(
        hub: HubProcess, desktop: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_of(hub)
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    update_packs(desktop, client)
    publish(hub, schedule_pack(tmp_path, "2025.4.0", {"start": "2026-09-01",
                                                     "end": "2026-12-31"}))
    seasons = json.loads((tmp_path / "2025.4.0/schedules/fr-2025/seasons.json").read_text())
    seasons["campaigns"]["grippe"]["seasons"]["2026-2027"]["end"] = "2027-06-30"
    _tamper_on_the_hub(hub, "seasons.json", json.dumps(seasons))

    report = update_packs(desktop, client)

    assert len(report) == 1 and report[0].startswith("schedules/fr-2025 2025.4.0 refused")
    assert "seasons.json: checksum mismatch" in report[0]
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 6), date(2027, 1, 31))
    assert [p.name for p in (desktop / "packs" / "schedules" / "fr-2025").iterdir()] \
        == ["2025.3.0"]


def test_an_unparsable_pack_with_right_checksums_is_refused(
        hub: HubProcess, desktop: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    publish(hub, schedule_pack(tmp_path, "2025.3.0", {"start": "2027-01-31",
                                                     "end": "2026-10-06"}))
    report = update_packs(desktop, client_of(hub))
    assert len(report) == 1 and "refused" in report[0]
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 15), date(2027, 2, 28))
    assert not (desktop / "packs" / "schedules" / "fr-2025" / "2025.3.0").exists()


@pytest.mark.parametrize("older", ["2025.2.5", "2025.1.9", "2024.9.0"])
def test_an_older_version_is_never_installed(
        hub: HubProcess, desktop: Path, tmp_path: Path, older: str) -> None:
    client = client_of(hub)
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    update_packs(desktop, client)
    publish(hub, schedule_pack(tmp_path, older, {"start": "2026-09-01", "end": "2026-12-31"}))

    assert update_packs(desktop, client) == []
    assert datapack.load_pack()[0].version == "2025.3.0"
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 6), date(2027, 1, 31))


def test_a_new_major_version_is_left_for_a_new_release(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    publish(hub, schedule_pack(tmp_path, "2026.0.0"))
    assert update_packs(desktop, client_of(hub)) == []
    assert datapack.load_pack()[0].version == "2025.2.0"


def test_an_installed_pack_damaged_on_disk_falls_back_to_the_shipped_one(
        hub: HubProcess, desktop: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    publish(hub, schedule_pack(tmp_path, "2025.3.0"))
    update_packs(desktop, client_of(hub))
    installed = desktop / "packs" / "schedules" / "fr-2025" / "2025.3.0" / "seasons.json"
    installed.write_text(installed.read_text("utf-8").replace("2027-01-31", "2027-03-31"))
    forget_loaded_packs()  # the next start

    assert datapack.load_pack()[0].version == "2025.2.0"
    assert flu_season_on(date(2026, 11, 15)) == (date(2026, 10, 15), date(2027, 2, 28))
    assert "checksum mismatch" in caplog.text


class _Garbage(BaseHTTPRequestHandler):
    """Stands in for a broken proxy in front of the hub: answers that are not packs."""

    answers: dict[str, bytes] = {
        "/packs/v1": json.dumps({"packs": [{"kind": "schedules", "pack": "fr-2025",
                                            "version": "2025.9.0"},
                                           {"kind": "schedules", "pack": "../../etc",
                                            "version": "2025.9.0"}, "junk"]}).encode(),
        "/packs/v1/schedules/fr-2025": json.dumps({
            "manifest": {"id": "fr-2025", "version": "2025.9.0", "files": {}},
            "files": {"../seasons.json": "{}"}}).encode(),
    }

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = self.answers.get(self.path, b"<html>Bad gateway</html>")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.mark.parametrize("listing", [b"<html>Bad gateway</html>", b'{"packs": 3}', None])
def test_a_hub_answering_garbage_leaves_everything_as_it_was(
        desktop: Path, caplog: pytest.LogCaptureFixture, listing: bytes | None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if listing is not None:
        monkeypatch.setitem(_Garbage.answers, "/packs/v1", listing)
    server = HTTPServer(("127.0.0.1", 0), _Garbage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        client = HubClient(f"http://127.0.0.1:{server.server_port}", "token", max_attempts=1)
        report = update_packs(desktop, client)
    finally:
        server.shutdown()
        server.server_close()
    assert all("installed" not in line for line in report) and report
    assert not any((desktop / "packs").rglob("*.json"))
    assert datapack.load_pack()[0].version == "2025.2.0"
    assert not (desktop.parent / "etc").exists()


def test_a_catalogue_update_brings_a_new_gtin_that_the_scanner_knows(
        hub: HubProcess, desktop: Path, tmp_path: Path) -> None:
    from tsn_desktop.vaccination.catalogue import (
        gs1_check_digit,
        rehash,
        shipped_catalogue,
    )

    folder = tmp_path / "vaccines" / "fr-2025"
    shutil.copytree(ROOT / "resources" / "vaccines" / "fr-2025", folder)
    raw = json.loads((folder / "catalogue.json").read_text("utf-8"))
    new_cip13 = "340093000001" + str(gs1_check_digit("340093000001"))
    hexyon = next(v for v in raw["vaccines"] if v["code"] == "FR-HEXYON")
    hexyon["cip13"] = new_cip13  # the laboratory's new box
    (folder / "catalogue.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    rehash(folder, "2025.2.9")
    publish(hub, folder)
    assert shipped_catalogue().by_gtin("0" + new_cip13) is None

    assert update_packs(desktop, client_of(hub)) == ["vaccines/fr-2025 2025.2.9 installed"]

    assert shipped_catalogue().version == "2025.2.9"
    found = shipped_catalogue().by_gtin("0" + new_cip13)
    assert found is not None and found.code == "FR-HEXYON"
