"""Nothing a practitioner types about a patient reaches the disk in clear."""

from __future__ import annotations

from pathlib import Path

from tsn_desktop.core.session import OpenProfile
from tsn_desktop.patients import service

from .factories import make_patient

MARKER = "ZQXMARKER"


def _files_with_marker(folder: Path) -> list[str]:
    needles = [MARKER.encode(), MARKER.lower().encode(), MARKER.capitalize().encode(),
               MARKER.encode("utf-16-le"), MARKER.capitalize().encode("utf-16-le")]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                found.append(path.name)
    return found


def test_a_patient_leaves_no_clear_text_in_the_profile_folder_open_or_closed(
        profile: OpenProfile, tmp_path: Path) -> None:
    db = profile.db
    patient = service.save(db, make_patient(
        birth_name=MARKER, used_name=f"{MARKER}-Used", given_names=f"{MARKER.capitalize()}ine",
        address=f"3 rue {MARKER}", city=MARKER, treating_gp=f"Dr {MARKER}",
        email=f"{MARKER.lower()}@example.org")).patient
    service.open_file(db, patient.id)
    assert [p.id for p in service.search(db, MARKER.lower()[:5])] == [patient.id]

    folder = profile.vault.db_path.parent
    names = {p.name for p in folder.iterdir()}
    assert profile.vault.db_path.name + "-wal" in names  # the write-ahead log is there
    assert (folder / (profile.vault.db_path.name + "-wal")).stat().st_size > 0
    assert _files_with_marker(tmp_path) == []

    db.close()
    assert _files_with_marker(tmp_path) == []
    assert profile.vault.db_path.stat().st_size > 0
