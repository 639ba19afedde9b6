"""Rebuilds the ICU data library Qt brings (libicudata, 32 MB) with only what TSN Desktop
needs: Qt Core links ICU (PySide6's Qt is built with it) and the app sorts patients with
QCollator (French), so ICU itself stays; the data of ~800 other locales, the legacy
code-page converters (.cnv: the app reads and writes UTF-8 only) and the parts of ICU Qt
never calls go (32 MB -> under 3 MB).

The library is one symbol (`icudt<version>_dat`) holding ICU's "common data" package
(format CmnD: a table of contents of named items). The kept items are written as a new
package, assembled into a shared library of the same soname with binutils' `as` and `ld`
(already needed by the build: PyInstaller and strip use binutils).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# Locales whose data stays: French and English (the app's languages) and the root they
# fall back to; anything else falls back to root (never an error).
KEEP_LOCALES = frozenset({"root", "fr", "fr_FR", "en", "en_US", "en_US_POSIX", "en_GB",
                          "en_001", "en_150"})
# Item names shaped like a locale id (language, then region or script subtags)...
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
# ...except these, which are tables every locale uses.
NOT_LOCALES = frozenset({"res_index", "pool"})
# What Qt never asks ICU for: Qt Core calls ICU for collation (QCollator), case mapping,
# time-zone names and codec aliases only. Locale display names (lang, region, curr, unit:
# QLocale has its own CLDR tables), spelled-out numbers (rbnf), transliterators, break
# iterators (Qt has its own text boundaries), StringPrep profiles, spoof checks and
# character names stay out.
DROP_FOLDERS = frozenset({"translit", "brkitr", "lang", "region", "curr", "unit", "rbnf"})
DROP_EXTENSIONS = frozenset({".cnv", ".dict", ".spp", ".cfu"})
DROP_ITEMS = frozenset({"unames.icu"})


class IcuDataError(RuntimeError):
    pass


def wanted(item: str) -> bool:
    """`item` is a package path like icudt73l/coll/fr.res."""
    parts = item.split("/")
    folder = parts[1] if len(parts) > 2 else ""
    name = parts[-1]
    stem, dot, ext = name.rpartition(".")
    if folder in DROP_FOLDERS or f"{dot}{ext}" in DROP_EXTENSIONS or name in DROP_ITEMS:
        return False
    if ext == "res" and stem not in NOT_LOCALES and LOCALE_NAME.match(stem):
        return stem in KEEP_LOCALES
    return True


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of a CmnD package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise IcuDataError("not a little-endian ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", blob, toc)
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(blob) - toc
        name_end = blob.index(b"\0", toc + name_at)
        items.append((blob[toc + name_at:name_end].decode("ascii"),
                      blob[toc + data_at:toc + end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with `items` in their (sorted: ICU searches it by bisection) order;
    each item starts on a 16-byte boundary, as ICU's own tools lay it out."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = -(-(toc_size + len(names)) // 16) * 16
    entries, data, name_at = [], bytearray(), toc_size
    for name, item in items:
        entries.append(struct.pack("<II", name_at, data_start + len(data)))
        name_at += len(name) + 1
        data += item
        data += b"\0" * (-len(data) % 16)
    toc = struct.pack("<I", len(items)) + b"".join(entries) + names
    return header + toc + b"\0" * (data_start - len(toc)) + bytes(data)


def _symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's icudt*_dat symbol."""
    out = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)], check=True,
                         capture_output=True, text=True).stdout
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+"
                      r"(icudt\d+_dat)$", out, re.M)
    if found is None:
        raise IcuDataError(f"{library.name}: no icudt*_dat symbol")
    address, size, section = int(found.group(1), 16), int(found.group(2), 0), found.group(3)
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], check=True,
                              capture_output=True, text=True).stdout
    row = re.search(rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections,
                    re.M)
    if row is None:
        raise IcuDataError(f"{library.name}: section {section} not found")
    return found.group(4), address - int(row.group(1), 16) + int(row.group(2), 16), size


def _soname(library: Path) -> str:
    out = subprocess.run(["readelf", "-W", "-d", str(library)], check=True,
                         capture_output=True, text=True).stdout
    found = re.search(r"\(SONAME\)\s+Library soname: \[(.+)\]", out)
    return found.group(1) if found else library.name


def shrink(library: Path) -> tuple[int, int]:
    """Replaces `library` (a libicudata.so.N) by one with the wanted items only; returns
    (size before, size after) in bytes."""
    if shutil.which("as") is None or shutil.which("ld") is None:
        raise IcuDataError("binutils' as and ld are needed")
    before = library.stat().st_size
    symbol, offset, size = _symbol(library)
    with library.open("rb") as handle:
        handle.seek(offset)
        blob = handle.read(size)
    header, items = read_package(blob)
    kept = [(name, data) for name, data in items if wanted(name)]
    if not any(name.endswith("/coll/ucadata.icu") for name, _ in kept):
        raise IcuDataError("the collation tables are missing from the package")
    with tempfile.TemporaryDirectory(prefix="tsn-icu-") as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(write_package(header, kept))
        (work / "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{work / "data.bin"}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n', "ascii")
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        subprocess.run(["ld", "-shared", "-soname", _soname(library), "-o",
                        str(work / library.name), str(work / "data.o")], check=True)
        shutil.copyfile(work / library.name, library)
    return before, library.stat().st_size
