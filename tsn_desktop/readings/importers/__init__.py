"""Readers of device and app exports: one entry point that recognises the file and reads it
through (streamed), giving readings without a patient and the rejected lines with reasons."""

from __future__ import annotations

import io
import lzma
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from tsn_desktop.readings.importers import apple, ble, fhir_bundle, omron, withings
from tsn_desktop.readings.importers.common import (
    DAMAGED_ZIP,
    HEAD,
    NO_HEADER,
    UNKNOWN_FORMAT,
    UNREADABLE,
    Counting,
    FileRead,
    Progress,
    ble_text,
    buffer,
    csv_rows,
    encoding_of,
    text_stream,
)
from tsn_desktop.readings.model import Rejection

FORMATS = (withings.FORMAT, omron.FORMAT, apple.FORMAT, fhir_bundle.FORMAT, ble.FORMAT)
# An archive that fails this way is damaged, encrypted or packed with a method Python
# lacks (Deflate64): refused whole, never a traceback.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError,
                   UnicodeDecodeError, zlib.error, lzma.LZMAError, NotImplementedError,
                   RuntimeError, ValueError, struct.error)
# Apple Health folders that hold no export.xml (GPX, CDA, FHIR JSON, ECG CSV).
_APPLE_SIDE_FOLDERS = ("workout-routes", "electrocardiograms", "clinical-records")


def _sniff_csv(buffered: io.BufferedReader[Any]) -> str | None:
    """'withings' or 'omron' from the header line, peeked (nothing consumed)."""
    head = buffered.peek(HEAD)[:HEAD]
    text = head.decode(encoding_of(head, whole=len(head) < HEAD), errors="ignore")
    lines = text.lstrip("\ufeff").split("\n", 2)
    first = next(csv_rows(io.StringIO("\n".join(lines[:2]))), None)
    if first is None or first[1] is None:
        return None
    if omron.is_omron(first[1]):
        return omron.FORMAT
    return withings.FORMAT if withings.kind_of(first[1]) else None


def _sniff_content(buffered: io.BufferedReader[Any]) -> str | None:
    """A file whose suffix says nothing: an Apple Health export or a FHIR Bundle from its
    first bytes, else None (then it may be a CSV)."""
    head = buffered.peek(HEAD)[:HEAD]
    text = head.decode(encoding_of(head, whole=len(head) < HEAD), errors="ignore")
    text = text.lstrip("\ufeff \t\r\n")
    if text.startswith("<") and "<HealthData" in text:
        return apple.FORMAT
    if text.startswith("{") and '"Bundle"' in text:
        return fhir_bundle.FORMAT
    return None


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
        suffix = path.suffix.lower()
        if suffix == ".zip" or handle.read(4) == b"PK\x03\x04":
            # A zip cut short has lost its directory (at its end): damaged, not unknown.
            return FileRead(name, None, [], [Rejection(0, DAMAGED_ZIP, name)])
        handle.seek(0)
        try:
            buffered = buffer(raw)
            kind = {".ble": ble.FORMAT, ".xml": apple.FORMAT, ".json": fhir_bundle.FORMAT
                    }.get(suffix) or _sniff_content(buffered)
            if kind == ble.FORMAT:
                result.format = ble.FORMAT
                result.take(ble.read(ble_text(buffered), name))
            elif kind == apple.FORMAT:
                result.format = apple.FORMAT
                result.take(apple.read(buffered, name))
            elif kind == fhir_bundle.FORMAT:
                result.format = fhir_bundle.FORMAT
                result.take(fhir_bundle.read(buffered, name))
            else:
                result.format = _sniff_csv(buffered)
                if result.format is None:
                    result.rejected.append(Rejection(0, UNKNOWN_FORMAT, name))
                    return result
                module = omron if result.format == omron.FORMAT else withings
                result.take(module.read_csv(text_stream(buffered), name))
        except UnicodeDecodeError:
            return FileRead(name, None, [], [Rejection(0, UNREADABLE, name)])
        return _whole(result)


def _whole(result: FileRead) -> FileRead:
    """A file none of whose content was recognised is of no known format: format None
    and its one rejection."""
    if result.rejected and not result.readings and \
            result.rejected[0].reason in (NO_HEADER, UNKNOWN_FORMAT, UNREADABLE):
        return FileRead(result.file, None, [], [result.rejected[0]])
    return result


def _offset(progress: Progress | None, base: int, total: int) -> Progress | None:
    """Progress over the whole archive while reading one member of it."""
    if progress is None:
        return None
    return lambda done, _member_total: progress(base + done, total)


def _base(info: zipfile.ZipInfo) -> str:
    return info.filename.rsplit("/", 1)[-1].lower()


def _apple_export(archive: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The export.xml of an Apple Health zip, whatever the folder and the file are called
    in the phone's language (`apple_health_export/export.xml`, `export/Export.xml`...):
    an .xml member outside the side folders, not the CDA, whose head is a HealthData."""
    candidates = [i for i in archive.infolist()
                  if _base(i).endswith(".xml") and not _base(i).endswith("_cda.xml")
                  and not any(part in _APPLE_SIDE_FOLDERS
                              for part in i.filename.lower().split("/")[:-1])]
    candidates.sort(key=lambda i: (_base(i) != "export.xml", i.filename.count("/")))
    for info in candidates:
        with archive.open(info) as handle:
            head = handle.read(HEAD)
        if b"<HealthData" in head or b"DOCTYPE HealthData" in head:
            return info
    return None


def _withings_members(archive: zipfile.ZipFile) -> list[tuple[zipfile.ZipInfo, Any]]:
    """The CSVs of a Withings export to read, with their reader: the steps files by name
    (their `date,value` header is shared with distance and calories), the others by
    header, so localised file names are read too. The raw tracker's steps only when the
    daily aggregates are missing (they count the same steps)."""
    members: list[tuple[zipfile.ZipInfo, Any]] = []
    names = {_base(i) for i in archive.infolist()}
    for info in archive.infolist():
        base = _base(info)
        if base == withings.STEPS_MEMBER:
            members.append((info, withings.read_steps_csv))
        elif base == withings.RAW_STEPS_MEMBER:
            if withings.STEPS_MEMBER not in names:
                members.append((info, withings.read_raw_steps_csv))
        elif base.endswith((".csv", ".txt")) and not base.startswith(("aggregates_", "raw_")):
            with archive.open(info) as handle:
                kind = _sniff_csv(buffer(Counting(handle, info.file_size, None)))
            if kind is not None:
                members.append((info, omron.read_csv if kind == omron.FORMAT
                                else withings.read_csv))
    return members


def _read_zip(path: Path, progress: Progress | None) -> FileRead:
    """A Withings export zip (its CSVs wherever they sit in it) or an Apple Health
    export.zip (its export.xml)."""
    result = FileRead(path.name, withings.FORMAT)
    try:
        with zipfile.ZipFile(path) as archive:
            xml = _apple_export(archive)
            if xml is not None:
                result.format = apple.FORMAT
                with archive.open(xml) as handle:
                    counted = Counting(handle, xml.file_size, progress)
                    result.take(apple.read(counted, _base(xml)))
                return _whole(result)
            members = _withings_members(archive)
            if not members:
                return FileRead(path.name, None, [], [Rejection(0, UNKNOWN_FORMAT, path.name)])
            if all(read is omron.read_csv for _, read in members):
                result.format = omron.FORMAT
            total = sum(i.file_size for i, _ in members)
            done = 0
            for info, read in members:
                with archive.open(info) as handle:
                    counted = Counting(handle, total, _offset(progress, done, total))
                    result.take(read(text_stream(counted), _base(info)))
                done += info.file_size
    except _ARCHIVE_ERRORS:
        # A truncated or damaged archive: nothing of it is taken.
        return FileRead(path.name, None, [], [Rejection(0, DAMAGED_ZIP, path.name)])
    return result


__all__ = ["FORMATS", "FileRead", "read_file"]
