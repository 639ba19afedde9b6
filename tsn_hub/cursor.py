"""Opaque tokens for pull cursors and snapshot pages.

Clients must treat them as opaque; inside they carry the hub epoch, so a token
from a reset or restored hub is recognised and answered with `410 resync_required`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass


class BadToken(ValueError):
    """A token that is not one of ours (garbled or truncated)."""


def _pack(*fields: str) -> str:
    raw = "\x1f".join(fields).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unpack(token: str, kind: str, count: int) -> list[str]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadToken("undecodable token") from exc
    fields = raw.split("\x1f")
    if len(fields) != count or fields[0] != kind:
        raise BadToken("not a token of this kind")
    return fields[1:]


def encode_cursor(epoch: str, seq: int) -> str:
    return _pack("c1", epoch, str(seq))


def decode_cursor(token: str) -> tuple[str, int]:
    epoch, seq = _unpack(token, "c1", 3)
    if not seq.isdigit():
        raise BadToken("bad sequence")
    return epoch, int(seq)


@dataclass(frozen=True)
class SnapshotPage:
    epoch: str
    at_seq: int
    after_type: str
    after_id: str
    patient: str


def encode_page(page: SnapshotPage) -> str:
    return _pack("s1", page.epoch, str(page.at_seq), page.after_type, page.after_id, page.patient)


def decode_page(token: str) -> SnapshotPage:
    epoch, at_seq, after_type, after_id, patient = _unpack(token, "s1", 6)
    if not at_seq.isdigit():
        raise BadToken("bad sequence")
    return SnapshotPage(epoch, int(at_seq), after_type, after_id, patient)
