"""Where shipped reference data lives (resources/), and private (0700/0600) profile files."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, in _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


# Reference-data packs updated from the hub live in <basedir>/packs/<kind>/<pack>/<version>/,
# beside the profiles (not encrypted: they hold no patient data). None until the app
# (or a test) says where the basedir is: then only the shipped packs are read.
_UPDATED_PACKS: Path | None = None


def set_updated_packs_basedir(basedir: Path | None) -> None:
    """Called once by the app at start with its basedir (tests pass theirs, or None)."""
    global _UPDATED_PACKS
    _UPDATED_PACKS = None if basedir is None else Path(basedir) / "packs"


def updated_packs_dir() -> Path | None:
    return _UPDATED_PACKS


# Profile folders and files are private to the practitioner's login: 0700 / 0600 whatever
# the umask (os.mkdir's and open's modes are masked by it, so the mode is set afterwards).
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_dir(path: Path) -> Path:
    """Creates `path` (and missing parents) and makes it 0700; parents above stay as they are
    unless this call created them."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    path.mkdir(parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, PRIVATE_DIR_MODE)
    os.chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """Makes an existing file 0600 (a no-op where the OS has no such modes)."""
    if sys.platform != "win32":
        os.chmod(path, PRIVATE_FILE_MODE)


def write_private_file(path: Path, data: bytes) -> None:
    """Writes `data` atomically (temporary file, fsync, rename) as a 0600 file."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        if sys.platform != "win32":
            os.fchmod(fd, PRIVATE_FILE_MODE)
        handle.write(data)
        handle.flush()
        os.fsync(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Makes a rename in `path` durable (POSIX only)."""
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
