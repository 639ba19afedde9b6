"""What the importers share: the result of reading a file, byte counting for progress,
text decoding, header matching, numbers and local times."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from tsn_desktop.readings.model import Reading, Rejection

PARIS = ZoneInfo("Europe/Paris")

# Whole-file reasons (format null, or nothing readable in it).
UNKNOWN_FORMAT = "unknown_format"
UNREADABLE = "unreadable"
DAMAGED_ZIP = "damaged_zip"
NO_HEADER = "no_header"
# Line reasons, besides model.py's.
WRONG_COLUMNS = "wrong_columns"
UNKNOWN_CODE = "unknown_code"
BAD_UNIT = "bad_unit"
NOT_FINAL = "not_final"
NO_TIME = "no_time"
BAD_HEX = "bad_hex"
UNKNOWN_CHARACTERISTIC = "unknown_characteristic"
TRUNCATED = "truncated"
UNSUCCESSFUL = "measurement_unsuccessful"
BAD_LINE = "bad_line"

Progress = Callable[[int, int], None]  # (bytes read, total bytes); may raise to cancel


@dataclass
class FileRead:
    """One file read through: its format (None when it could not be read at all), the
    readings found (no patient yet) and what was rejected."""

    file: str
    format: str | None
    readings: list[Reading] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)

    def take(self, items: Iterator[Reading | Rejection]) -> None:
        for item in items:
            if isinstance(item, Reading):
                self.readings.append(item)
            else:
                self.rejected.append(item)


class Counting(io.RawIOBase):
    """A binary stream that tells `progress` how far it is (so a huge file shows a
    moving bar and can be cancelled between two reads)."""

    def __init__(self, raw: IO[bytes], total: int, progress: Progress | None) -> None:
        self.raw, self.total, self.progress, self.done = raw, total, progress, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        buffer[:len(data)] = data
        self.done += len(data)
        if self.progress is not None:
            self.progress(self.done, self.total)
        return len(data)


def text_stream(raw: io.RawIOBase | io.BufferedReader[Any]) -> io.TextIOWrapper:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252: what
    spreadsheets and vendor exports write."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    head = buffered.peek(65536)[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            head.decode("utf-8")
            encoding = "utf-8-sig"
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the end of the peek is still UTF-8.
            encoding = "utf-8-sig" if exc.start >= len(head) - 3 else "cp1252"
    return io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")


def csv_rows(text: IO[str]) -> Iterator[tuple[int, list[str] | None]]:
    """(line number, cells), the delimiter sniffed from the header (`,` or `;`); cells is
    None for a line the CSV reader cannot split (a stray quote, a NUL byte...)."""
    first = text.readline()
    if not first:
        return
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_chain(first, text), delimiter=delimiter, strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield reader.line_num, None
            continue
        yield reader.line_num, cells


# Given a CSV's header, reads one of its lines: a Reading, a Rejection, or nothing.
LineReader = Callable[[int, list[str]], Iterator[Reading | Rejection]]


def read_device_csv(text: IO[str], source: str, accepts: Callable[[list[str]], bool],
                    reader: Callable[[list[str]], LineReader]) -> Iterator[Reading | Rejection]:
    """A device's CSV export, streamed: a NO_HEADER Rejection (and nothing more) when
    `accepts` does not recognise its header; else each non-blank line through the reader
    made for that header, and a BAD_LINE Rejection for a line that cannot be split."""
    rows = csv_rows(text)
    first = next(rows, None)
    if first is None or first[1] is None or not accepts(first[1]):
        yield Rejection(1, NO_HEADER, source)
        return
    read_line = reader(first[1])
    for line, cells in rows:
        if cells is None:
            yield Rejection(line, BAD_LINE, source)
        elif any(c.strip() for c in cells):
            yield from read_line(line, cells)


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def norm(header: str) -> str:
    """Lower case, no accents, no spaces: 'Fréquence cardiaque' -> 'frequencecardiaque'."""
    plain = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c in "()")


def column(headers: Sequence[str], *names: str) -> int | None:
    """The first column whose normalised header starts with one of `names`."""
    for index, header in enumerate(headers):
        if any(norm(header).startswith(name) for name in names):
            return index
    return None


def number(cell: str) -> float | None:
    """A cell as a number; None when empty ('' or '-'); ValueError when not a number."""
    text = cell.strip().replace("\u202f", "").replace("\xa0", "")
    if text in ("", "-", "--"):
        return None
    return float(text.replace(",", "."))


def local(moment: datetime, zone: ZoneInfo = PARIS) -> datetime:
    """A wall-clock time of the patient's (no offset in the file) as UTC."""
    return moment.replace(tzinfo=zone).astimezone(UTC)


def cell(cells: Sequence[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""
