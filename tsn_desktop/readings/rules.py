"""The alert rules data pack (readings/pack/): rules, default thresholds, home BP
protocols and cited sources, checked against its manifest's SHA-256 before use.

After editing the pack, regenerate the manifest:

    python -m tsn_desktop.readings.rules --rehash
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

PACK_DIR = Path(__file__).with_name("pack")
PACK_FILE = "alert-rules.json"
MANIFEST = "manifest.json"


class RulePackError(Exception):
    """The pack cannot be trusted or read; the message names the file and the fault."""


@dataclass(frozen=True)
class ThresholdDefault:
    name: str
    default: float | None
    unit: str
    source: str


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    pathways: tuple[str, ...]
    thresholds: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Protocol:
    code: str
    per_slot: int      # readings each morning and each evening
    days: int          # days with both slots complete needed
    window_days: int   # within how many days
    source: str


@dataclass(frozen=True)
class RulePack:
    id: str
    version: str
    thresholds: dict[str, ThresholdDefault]
    protocols: dict[str, Protocol]
    rules: tuple[Rule, ...]
    sources: dict[str, str]

    def rules_for(self, pathway: str) -> set[str]:
        return {r.code for r in self.rules if pathway in r.pathways}

    def rule(self, code: str) -> Rule:
        return next(r for r in self.rules if r.code == code)

    def citation(self, code: str) -> str:
        """The cited source of a rule (or of a protocol)."""
        key = self.rule(code).source if any(r.code == code for r in self.rules) \
            else self.protocols[code].source
        return self.sources[key]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse(raw: dict[str, Any]) -> RulePack:
    sources = {str(k): str(v) for k, v in raw["sources"].items()}
    thresholds = {
        name: ThresholdDefault(name, None if t["default"] is None else float(t["default"]),
                               str(t["unit"]), str(t["source"]))
        for name, t in raw["thresholds"].items()}
    protocols = {code: Protocol(code, int(p["per_slot"]), int(p["days"]),
                                int(p["window_days"]), str(p["source"]))
                 for code, p in raw["protocols"].items()}
    rules = tuple(Rule(str(r["code"]), str(r["severity"]), tuple(r["pathways"]),
                       tuple(r["thresholds"]), str(r["source"])) for r in raw["rules"])
    for cited in [*(t.source for t in thresholds.values()),
                  *(p.source for p in protocols.values()), *(r.source for r in rules)]:
        if cited not in sources:
            raise RulePackError(f"{PACK_FILE}: source {cited!r} is cited but not given")
    for rule in rules:
        for name in rule.thresholds:
            if name not in thresholds:
                raise RulePackError(f"{PACK_FILE}: rule {rule.code} names unknown {name!r}")
    return RulePack(str(raw["id"]), str(raw["version"]), thresholds, protocols, rules,
                    sources)


def load_from(directory: Path) -> RulePack:
    """Checks the pack file's checksum against the manifest, then reads it."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        expected = str(manifest["files"][PACK_FILE]).lower()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RulePackError(f"{directory / MANIFEST}: unreadable manifest ({exc})") from exc
    path = directory / PACK_FILE
    if not path.is_file() or sha256_of(path) != expected:
        raise RulePackError(f"{path}: checksum does not match the manifest")
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        raise RulePackError(f"{path}: unreadable pack ({exc})") from exc


@cache
def load() -> RulePack:
    """The shipped pack (read once)."""
    return load_from(PACK_DIR)


def rehash(directory: Path = PACK_DIR) -> None:
    manifest = {"files": {PACK_FILE: sha256_of(directory / PACK_FILE)}}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - maintenance command
    if sys.argv[1:] == ["--rehash"]:
        rehash()
    print(load_from(PACK_DIR).version)
