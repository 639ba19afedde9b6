"""The installer's ICU data cut (installers/linux/icu_data.py) on the ICU data PySide6's Qt
brings: the package is read and rewritten item for item, and the cut keeps what French
sorting needs and drops other locales."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from installers.linux import icu_data

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None,
    reason="Linux PySide6 wheels only (binutils' readelf)")


def qt_icu_data() -> Path:
    import PySide6

    [found] = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found


def package_of(library: Path) -> tuple[bytes, list[tuple[str, bytes]]]:
    _symbol, offset, size = icu_data._symbol(library)
    with library.open("rb") as handle:
        handle.seek(offset)
        return icu_data.read_package(handle.read(size))


def test_the_package_rewritten_reads_back_item_for_item() -> None:
    header, items = package_of(qt_icu_data())
    assert len(items) > 1000
    again_header, again = icu_data.read_package(icu_data.write_package(header, items))
    assert again_header == header
    # Items are padded to 16 bytes: each reads back as itself, padding aside.
    assert [name for name, _ in again] == [name for name, _ in items]
    assert all(new[:len(old)] == old and not new[len(old):].strip(b"\0")
               for (_, old), (_, new) in zip(items, again, strict=True))


def test_the_cut_keeps_french_english_and_root_collation_and_drops_other_locales() -> None:
    _header, items = package_of(qt_icu_data())
    prefix = items[0][0].split("/")[0]
    kept = {name for name, _ in items if icu_data.wanted(name)}
    for needed in ("coll/ucadata.icu", "coll/root.res", "coll/fr.res", "root.res", "fr.res",
                   "en.res", "res_index.res", "pool.res", "coll/res_index.res",
                   "zoneinfo64.res", "metaZones.res", "cnvalias.icu"):
        assert f"{prefix}/{needed}" in kept, needed
    for dropped in ("de.res", "coll/zh.res", "coll/de__PHONEBOOK.res", "zone/ja.res",
                    "ibm-943_P15A-2003.cnv"):
        assert f"{prefix}/{dropped}" not in kept, dropped


def test_a_library_without_icu_data_is_refused(tmp_path: Path) -> None:
    import PySide6

    other = tmp_path / "libpyside6.so"
    [library] = (Path(PySide6.__file__).parent).glob("libpyside6.abi3.so.*")
    shutil.copyfile(library, other)
    with pytest.raises(icu_data.IcuDataError):
        icu_data.shrink(other)
