"""Crash reports: what failed and where in the code, written to the profile's log folder,
never what the practitioner typed or read.

A report holds the app and system versions, the UTC time, the thread's name, then for
the exception and each one it was raised from: its type and the file:line in function
of every frame. No exception message (a database or validation error can quote a
patient's name, a KeyError is the key itself), no source line, no local variable, no
`__notes__`, and file paths cut at the package folder (a home folder names the user).
"""

from __future__ import annotations

import os
import platform
import secrets
import threading
import traceback
from datetime import UTC, datetime
from pathlib import Path

from tsn_desktop.core.paths import make_private_dir, write_private_file

# Older reports beyond this many are removed: a crash loop must not fill the disk.
KEEP_REPORTS = 20
PREFIX = "crash-"

_lock = threading.Lock()
_folder: Path | None = None


def set_folder(folder: Path | None) -> None:
    """Where reports go from now on: the open profile's `logs/`, else the base folder's."""
    global _folder
    with _lock:
        _folder = folder


def folder() -> Path | None:
    with _lock:
        return _folder


def _short_path(filename: str) -> str:
    parts = Path(filename).parts
    for anchor in ("tsn_desktop", "tsn_hub", "site-packages", "PySide6"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return Path(filename).name


def code_places(exc: BaseException) -> list[str]:
    """Type and frames of `exc` and of each exception it came from; nothing else."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by:")
    return lines


def report_text(exc: BaseException, version: str, thread_name: str, now: datetime) -> str:
    head = [
        f"TSN Desktop {version} crash report",
        f"time: {now.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"python: {platform.python_version()}; system: {platform.system()} "
        f"{platform.release()} {platform.machine()}",
        # Our threads have fixed names ("tsn-sync-listen", "MainThread", ...).
        f"thread: {thread_name[:60]}",
        "",
    ]
    return "\n".join(head + code_places(exc)) + "\n"


def write_report(exc: BaseException, version: str, thread_name: str = "MainThread",
                 now: datetime | None = None, where: Path | None = None) -> Path | None:
    """Writes one report (0600, in a 0700 folder); None when there is nowhere to write
    or writing failed (a crash report must never crash the crash handling)."""
    target = where or folder()
    if target is None:
        return None
    now = now or datetime.now(UTC)
    try:
        make_private_dir(target)
        name = f"{PREFIX}{now.astimezone(UTC).strftime('%Y%m%d-%H%M%S')}-" \
               f"{secrets.token_hex(3)}.txt"
        path = target / name
        write_private_file(path, report_text(exc, version, thread_name, now).encode("utf-8"))
        _prune(target)
        return path
    except OSError:
        return None


def _prune(target: Path) -> None:
    reports = sorted(p for p in target.glob(f"{PREFIX}*.txt") if p.is_file())
    for old in reports[:-KEEP_REPORTS]:
        try:
            os.remove(old)
        except OSError:
            pass
