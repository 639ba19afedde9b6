"""What the importers share: the result of reading a file, byte counting for progress,
text decoding, header matching, numbers and local times."""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
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


HEAD = 65536  # the bytes an encoding or a format is told from


def buffer(raw: io.RawIOBase) -> io.BufferedReader[Any]:
    """A buffered reader whose peek() shows HEAD bytes (the default shows 8 KB)."""
    return io.BufferedReader(raw, buffer_size=HEAD)


def encoding_of(head: bytes, whole: bool = False) -> str:
    """The encoding of a text file from its first bytes: UTF-16 (with a BOM, or the NULs
    of ASCII in UTF-16 without one), UTF-8 (with or without BOM), else Windows-1252, and
    Latin-1 for the five bytes Windows-1252 leaves undefined. `whole`: head is the whole
    file (not cut in the middle of a character)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:200]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):  # ASCII as UTF-16
        return "utf-16-le" if sample[1] == 0 else "utf-16-be"
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the peek is still UTF-8.
        if not whole and exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8-sig"
    try:
        head.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 in a file that was, up to there: the Windows-1252 (else
    Latin-1) character it stands for, as when a spreadsheet appended a line."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), \
        error.end


codecs.register_error("tsn-readings-cp1252", _as_cp1252)


def text_stream(raw: io.RawIOBase | io.BufferedReader[Any]) -> io.TextIOWrapper:
    """The file as text in the encoding of encoding_of(): what spreadsheets and vendor
    exports write. A file UTF-8 in its head and Windows-1252 further on is read too."""
    buffered = raw if isinstance(raw, io.BufferedReader) else buffer(raw)
    head = buffered.peek(HEAD)[:HEAD]
    encoding = encoding_of(head, whole=len(head) < HEAD)
    errors = "tsn-readings-cp1252" if encoding in ("utf-8-sig", "cp1252") else "strict"
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="")


def ble_text(buffered: io.BufferedReader[Any]) -> io.TextIOWrapper:
    """A capture file as text: UTF-8 (as the format says; UTF-16 with a BOM as Windows
    editors save), strictly, so a binary file is unreadable, not lines of noise."""
    head = buffered.peek(4)[:4]
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    return io.TextIOWrapper(buffered, encoding=encoding, errors="strict")


def csv_rows(text: IO[str]) -> Iterator[tuple[int, list[str] | None]]:
    """(line number, cells), the delimiter sniffed from the header (`,`, `;` or tab); cells is
    None for a line the CSV reader cannot split (a stray quote, a NUL byte...)."""
    first = text.readline()
    skipped = 0
    if first.lower().startswith("sep=") and len(first.rstrip("\r\n")) == 5:
        # Excel's hint line ("sep=;") before the header.
        delimiter, first, skipped = first[4], text.readline(), 1
    else:
        # Excel writes `;` in French locales and tabs in "Unicode text"; vendors write `,`.
        delimiter = max((",", ";", "\t"), key=first.count)
    if not first:
        return
    reader = csv.reader(_chain(first, text), delimiter=delimiter, strict=True)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield reader.line_num + skipped, None
            continue
        yield reader.line_num + skipped, cells


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


def finite(text: str) -> float:
    """float() without 'nan', 'inf' or '1e400': ValueError for them (no device says so)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


_THOUSANDS = re.compile(r"\d{1,3}(?:([,. '])\d{3})(?:\1\d{3})*")


def number(cell: str, whole: bool = False) -> float | None:
    """A cell as a number; None when empty ('' or '-'); ValueError when not a number.
    A decimal comma is a decimal point, except in a `whole` count (steps), where
    '8,450', '8.450' and '8 450' are thousands."""
    text = cell.strip().replace("\u202f", " ").replace("\xa0", " ")
    if text in ("", "-", "--"):
        return None
    if whole and _THOUSANDS.fullmatch(text):
        return finite(re.sub(r"[,. ']", "", text))
    return finite(text.replace(" ", "").replace(",", "."))


def local(moment: datetime, zone: ZoneInfo = PARIS) -> datetime:
    """A wall-clock time of the patient's (no offset in the file) as UTC."""
    return moment.replace(tzinfo=zone).astimezone(UTC)


_CLOCK = re.compile(r"(\d{1,2})[:hH.](\d{2})(?:[:.](\d{2}))?\s*([AaPp])?\.?\s*(?:[Mm]\.?)?")


def clock(text: str) -> time:
    """A wall-clock time as devices and spreadsheets write it: '08:12', '8:12:30',
    '8:12 PM', '12:05 a.m.', '08h12'. ValueError for anything else."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if match[4] in "pP" else 0)
    return time(hour, minute, second)


# Day-first forms are French and German spreadsheets re-saving a file (never US order).
_DAY_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


def day(text: str) -> date:
    for form in _DAY_FORMATS:
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    raise ValueError(text)


def moment(text: str) -> datetime:
    """A measured-at time as UTC: ISO-8601 with or without an offset ('2022-01-06T12:50:26
    +01:00', '2025-10-27 09:50:20'), '2025/01/12 08:12', '2025/1/13 8:05 PM', '20/11/2026
    07:40'. Without an offset it is the patient's wall-clock time (Paris)."""
    text = text.strip()
    if ":" in text:  # a date alone is no time of measurement
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return parsed.astimezone(UTC) if parsed.tzinfo else local(parsed)
    date_part, _, clock_part = text.partition(" ")
    return local(datetime.combine(day(date_part), clock(clock_part)))


def cell(cells: Sequence[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""
