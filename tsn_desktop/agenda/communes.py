"""Commune positions for home-visit rounds: the checksummed data pack of
resources/communes/, and finding a visit's commune from its address."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tsn_desktop.core.paths import resources_dir

DEFAULT_PACK = "aura-2022"
_POSTAL = re.compile(r"\b(\d{5})\b")


class CommunePackError(Exception):
    """The pack cannot be trusted (checksum, missing file, bad row): never used half-read."""


@dataclass(frozen=True)
class Commune:
    insee: str
    name: str
    postal_codes: tuple[str, ...]
    latitude: float
    longitude: float


def _key(name: str) -> str:
    """Accents, case, hyphens and apostrophes do not matter: 'st-etienne' finds it."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"[^a-z0-9]+", " ", plain).strip()
    return re.sub(r"^st ", "saint ", re.sub(r" st ", " saint ", plain))


class Communes:
    """The communes of a pack, found by postal code and name."""

    def __init__(self, rows: list[Commune]) -> None:
        self.rows = rows
        self._by_postal: dict[str, list[Commune]] = {}
        self._by_name: dict[str, Commune] = {}
        for c in rows:
            for code in c.postal_codes:
                self._by_postal.setdefault(code, []).append(c)
            self._by_name.setdefault(_key(c.name), c)
        # Lyon's arrondissements answer to "Lyon" too (addresses name the city).
        for c in rows:
            if c.name.startswith("Lyon ") and "lyon" not in self._by_name:
                self._by_name["lyon"] = c

    def find(self, address: str) -> Commune | None:
        """The commune an address is in: its postal code (and the name after it when the
        code is shared), else a commune name it ends with; None when not in the pack."""
        text = address.strip()
        if not text:
            return None
        codes = _POSTAL.findall(text)
        for code in reversed(codes):
            found = self._by_postal.get(code, [])
            if len(found) == 1:
                return found[0]
            rest = _key(text.split(code, 1)[1])
            for c in found:
                if rest.startswith(_key(c.name)):
                    return c
            if found:
                return found[0]
        key = _key(text.split(",")[-1])
        if key in self._by_name:
            return self._by_name[key]
        return next((c for k, c in self._by_name.items() if key.endswith(" " + k)), None)


def distance_km(a: Commune, b: Commune) -> float:
    """Great-circle distance between two communes' reference points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude,
                                                b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def read_pack(directory: Path) -> Communes:
    """Verify the manifest's checksum, then read the rows (all or nothing)."""
    try:
        manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
        expected = str(manifest["files"]["communes.csv"]).lower()
        data = (directory / "communes.csv").read_bytes()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CommunePackError(f"{directory.name}: unreadable pack") from exc
    if hashlib.sha256(data).hexdigest() != expected:
        raise CommunePackError(f"{directory.name}/communes.csv: checksum does not match")
    rows: list[Commune] = []
    try:
        for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
            rows.append(Commune(row["insee"], row["name"],
                                tuple(row["postal_codes"].split()),
                                float(row["latitude"]), float(row["longitude"])))
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise CommunePackError(f"{directory.name}/communes.csv: bad row") from exc
    return Communes(rows)


@lru_cache(maxsize=2)
def load(pack: str = DEFAULT_PACK) -> Communes:
    return read_pack(resources_dir() / "communes" / pack)
