"""Readers of device and app exports: one entry point that recognises the file and reads it
through (streamed), giving readings without a patient and the rejected lines with reasons."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from tsn_desktop.readings.importers import apple, ble, fhir_bundle, omron, withings
from tsn_desktop.readings.importers.common import (
    DAMAGED_ZIP,
    NO_HEADER,
    UNKNOWN_FORMAT,
    UNREADABLE,
    Counting,
    FileRead,
    Progress,
    csv_rows,
    text_stream,
)
from tsn_desktop.readings.model import Rejection

FORMATS = (withings.FORMAT, omron.FORMAT, apple.FORMAT, fhir_bundle.FORMAT, ble.FORMAT)
_WITHINGS_MEMBERS = ("weight.csv", "bp.csv", withings.STEPS_MEMBER)


def _sniff_csv(buffered: io.BufferedReader[Any]) -> str | None:
    """'withings' or 'omron' from the header line, peeked (nothing consumed)."""
    head = buffered.peek(65536)[:65536].split(b"\n", 1)[0]
    line = head.decode("latin-1")  # the header's words are ASCII in every format read
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            line = head.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = next(csv_rows(io.StringIO(line)), None)
    if first is None or first[1] is None:
        return None
    if omron.is_omron(first[1]):
        return omron.FORMAT
    return withings.FORMAT if withings.kind_of(first[1]) else None


def read_file(path: Path, progress: Progress | None = None) -> FileRead:
    """Reads one file. A file it cannot read at all gives `format` None and one
    rejection; it never raises on bad content (OSError for a missing file does)."""
    name = path.name
    size = path.stat().st_size
    with path.open("rb") as handle:
        raw = Counting(handle, size, progress)
        if zipfile.is_zipfile(path):
            return _read_zip(path, progress)
        result = FileRead(name, None)
        try:
            if path.suffix.lower() == ".ble":
                result.format = ble.FORMAT
                result.take(ble.read(text_stream(raw), name))
            elif path.suffix.lower() == ".xml":
                result.format = apple.FORMAT
                result.take(apple.read(raw, name))
            elif path.suffix.lower() == ".json":
                result.format = fhir_bundle.FORMAT
                result.take(fhir_bundle.read(raw, name))
            else:
                buffered = io.BufferedReader(raw)
                result.format = _sniff_csv(buffered)
                if result.format is None:
                    result.rejected.append(Rejection(0, UNKNOWN_FORMAT, name))
                    return result
                module = omron if result.format == omron.FORMAT else withings
                result.take(module.read_csv(text_stream(buffered), name))
        except UnicodeDecodeError:
            return FileRead(name, None, [], [Rejection(0, UNREADABLE, name)])
        if result.rejected and not result.readings and \
                result.rejected[0].reason == NO_HEADER:
            result.format = None
        return result


def _offset(progress: Progress | None, base: int, total: int) -> Progress | None:
    """Progress over the whole archive while reading one member of it."""
    if progress is None:
        return None
    return lambda done, _member_total: progress(base + done, total)


def _read_zip(path: Path, progress: Progress | None) -> FileRead:
    """A Withings export zip (weight.csv and bp.csv wherever they sit in it) or an Apple
    Health export.zip (its export.xml)."""
    result = FileRead(path.name, withings.FORMAT)
    try:
        with zipfile.ZipFile(path) as archive:
            xml = [i for i in archive.infolist() if i.filename.rsplit("/", 1)[-1] == "export.xml"]
            if xml:
                result.format = apple.FORMAT
                with archive.open(xml[0]) as handle:
                    counted = Counting(handle, xml[0].file_size, progress)
                    result.take(apple.read(counted, "export.xml"))
                if result.rejected and not result.readings and \
                        result.rejected[0].reason == NO_HEADER:
                    result.format = None
                return result
            members = [i for i in archive.infolist()
                       if i.filename.rsplit("/", 1)[-1].lower() in _WITHINGS_MEMBERS]
            if not members:
                return FileRead(path.name, None, [], [Rejection(0, UNKNOWN_FORMAT, path.name)])
            total = sum(i.file_size for i in members)
            done = 0
            for info in members:
                member = info.filename.rsplit("/", 1)[-1]
                read = withings.read_steps_csv if member.lower() == withings.STEPS_MEMBER \
                    else withings.read_csv
                with archive.open(info) as handle:
                    counted = Counting(handle, total, _offset(progress, done, total))
                    result.take(read(text_stream(counted), member))
                done += info.file_size
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError):
        # A truncated or damaged archive: nothing of it is taken.
        return FileRead(path.name, None, [], [Rejection(0, DAMAGED_ZIP, path.name)])
    return result


__all__ = ["FORMATS", "FileRead", "read_file"]
