"""The hub administrator publishes a data pack; desktops list and fetch it (signed in)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hub_harness import Hub, hub_command

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "resources" / "vaccines" / "fr-2025"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "vaccines" / "fr-2025"
    shutil.copytree(SHIPPED, folder)
    return folder


def test_a_published_pack_is_listed_and_served_with_its_files(hub: Hub, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    done = hub_command("publish-pack", "--db", hub.db_url, str(folder))
    version = json.loads((folder / "manifest.json").read_text())["version"]
    assert done.returncode == 0, done.stderr
    assert f"published vaccines/fr-2025 {version}" in done.stdout

    gp = hub.practitioner()
    listing = gp.get("/packs/v1")
    assert listing.status_code == 200
    assert listing.json() == {"packs": [{"kind": "vaccines", "pack": "fr-2025",
                                         "version": version}]}
    pack = gp.get("/packs/v1/vaccines/fr-2025").json()
    assert pack["manifest"]["version"] == version
    assert pack["files"]["catalogue.json"] == (folder / "catalogue.json").read_text("utf-8")
    assert set(pack["files"]) == {"catalogue.json", "scope.json"}
    assert gp.get("/packs/v1/vaccines/nope").status_code == 404


def test_packs_are_for_signed_in_practitioners_only(hub: Hub) -> None:
    assert hub.anonymous().get("/packs/v1").status_code == 401
    assert hub.anonymous("not-a-token").get("/packs/v1/vaccines/fr-2025").status_code == 401


def test_a_folder_whose_file_does_not_match_its_checksum_is_not_published(
        hub: Hub, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with (folder / "catalogue.json").open("a", encoding="utf-8") as handle:
        handle.write(" ")
    done = hub_command("publish-pack", "--db", hub.db_url, str(folder))
    assert done.returncode == 2
    assert "catalogue.json: checksum mismatch" in done.stderr
    assert hub.practitioner().get("/packs/v1").json() == {"packs": []}
