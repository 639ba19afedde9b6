"""Opaque tokens for pull cursors and snapshot pages.

Clients must treat them as opaque; inside they carry the hub epoch, so a token
from a reset or restored hub is recognised and answered with `410 resync_required`.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

# ASCII digits only, and a value a 64-bit column holds on both backends (str.isdigit
# accepts "²", and int() of thousands of digits is slow or refused).
_SEQ_RE = re.compile(r"^[0-9]{1,19}\Z")
MAX_SEQ = 2**63 - 1


def parse_seq(text: str) -> int | None:
    """A sequence or version number written by the hub, or None."""
    if not isinstance(text, str) or not _SEQ_RE.match(text):
        return None
    value = int(text)
    return value if value <= MAX_SEQ else None


class BadToken(ValueError):
    """A token that is not one of ours (garbled or truncated)."""


def _pack(*fields: str) -> str:
    raw = "\x1f".join(fields).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unpack(token: str, kind: str, count: int) -> list[str]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise BadToken("undecodable token") from exc
    fields = raw.split("\x1f")
    if len(fields) != count or fields[0] != kind:
        raise BadToken("not a token of this kind")
    return fields[1:]


def encode_cursor(epoch: str, seq: int) -> str:
    return _pack("c1", epoch, str(seq))


def decode_cursor(token: str) -> tuple[str, int]:
    epoch, seq_text = _unpack(token, "c1", 3)
    seq = parse_seq(seq_text)
    if seq is None:
        raise BadToken("bad sequence")
    return epoch, seq


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
    epoch, at_text, after_type, after_id, patient = _unpack(token, "s1", 6)
    at_seq = parse_seq(at_text)
    if at_seq is None:
        raise BadToken("bad sequence")
    for text in (epoch, after_type, after_id, patient):
        if len(text) > 64 or not text.isprintable():
            raise BadToken("bad field")
    return SnapshotPage(epoch, at_seq, after_type, after_id, patient)
