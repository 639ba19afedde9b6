"""Who may vaccinate what on their own initiative (issue 10 item 7): the prescriber scope
of the catalogue pack (resources/vaccines/<id>/scope.json, checksummed with the
catalogue), and the pure rule the dose dialog and the service apply. Outside the scope a
dose is given on a physician's prescription: it is recorded with the prescriber."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tsn_desktop.vaccination.catalogue import (
    DEFAULT_CATALOGUE,
    VACCINES_KIND,
    _verify,
    catalogues_dir,
)
from tsn_desktop.vaccination.datapack import DataPackError, load_newest, read_manifest

SCOPE_FILE = "scope.json"

# Why a dose is outside the practitioner's own scope (ui/texts words them).
OUTSIDE_AGE = "scope_age"  # the patient is younger than the profession may vaccinate
OUTSIDE_PATIENT = "scope_patient"  # e.g. a midwife and a man outside the infant's entourage
OUTSIDE_LIVE = "scope_live"  # a live vaccine for an immunocompromised patient
OUTSIDE_PROFESSION = "scope_profession"  # a profession the scope does not name
PRESCRIBER_REQUIRED = "prescriber_required"  # outside scope: name and RPPS of the prescriber


@dataclass(frozen=True)
class Rule:
    """One profession's own scope; `all` for physicians."""

    all: bool = False
    min_age_years: int = 0
    patients: tuple[str, ...] = ()  # "women", "children", or observation codes
    children_under_years: int = 18
    no_live_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scope:
    source: str
    rules: dict[str, Rule]


def age_years(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def outside_scope(scope: Scope, profession: str, live: bool, birth: date, sex: str,
                  observations: frozenset[str], on: date) -> str | None:
    """None when the practitioner may give this vaccine to this patient on `on` on their
    own initiative; otherwise why not (one of the OUTSIDE_* codes)."""
    rule = scope.rules.get(profession)
    if rule is None:
        return OUTSIDE_PROFESSION
    if rule.all:
        return None
    age = age_years(birth, on)
    if age < rule.min_age_years:
        return OUTSIDE_AGE
    if rule.patients:
        allowed = ("women" in rule.patients and sex == "F") or (
            "children" in rule.patients and age < rule.children_under_years) or bool(
            observations & set(rule.patients))
        if not allowed:
            return OUTSIDE_PATIENT
    if live and observations & set(rule.no_live_if):
        return OUTSIDE_LIVE
    return None


def load_scope(pack: str | Path = DEFAULT_CATALOGUE) -> Scope:
    """The scope of a catalogue pack (an id under resources/vaccines, or a folder),
    checksums verified with the rest of the pack (for an id, the catalogue's newest pack)."""
    if not isinstance(pack, Path):
        return load_newest(VACCINES_KIND, pack, catalogues_dir() / pack,
                           lambda d: (read_manifest(d), load_scope(d)))[1]
    directory = pack
    manifest = _verify(directory)
    if SCOPE_FILE not in manifest.files:
        raise DataPackError(f"{SCOPE_FILE}: not listed in manifest.json")
    try:
        raw = json.loads((directory / SCOPE_FILE).read_text(encoding="utf-8"))
        rules = {str(name): Rule(
            all=bool(r.get("all", False)), min_age_years=int(r.get("min_age_years", 0)),
            patients=tuple(str(p) for p in r.get("patients", ())),
            children_under_years=int(r.get("children_under_years", 18)),
            no_live_if=tuple(str(c) for c in r.get("no_live_if", ())))
            for name, r in raw["professions"].items()}
        return Scope(str(raw.get("source", "")), rules)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataPackError(f"{SCOPE_FILE}: unreadable ({exc})") from exc


_LOADED: dict[str, Scope] = {}


def shipped_scope() -> Scope:
    if DEFAULT_CATALOGUE not in _LOADED:
        _LOADED[DEFAULT_CATALOGUE] = load_scope(DEFAULT_CATALOGUE)
    return _LOADED[DEFAULT_CATALOGUE]
