"""Attachments of discussion posts: what is accepted (PDF and images, told by their content,
never by their name) and how large. Pure rules; the bytes live in the encrypted profile."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# The hub stores a post's text and attachments inline, one string at most 256 KiB
# (protocol §4): base64 makes 4 characters of 3 bytes, so a file stays under 180 kB.
MAX_BYTES = 180_000
MAX_PER_POST = 4

# Leading bytes of each accepted type.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True)
class Attachment:
    name: str  # as the sender's file was called (shown, never used as a path here)
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class RefusedAttachment(ValueError):
    """`code`: not_accepted (not a PDF or an image, whatever its name says), too_large,
    empty, too_many."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def content_type_of(data: bytes) -> str | None:
    """The type the bytes are, or None when they are none of the accepted ones."""
    for signature, content_type in _SIGNATURES:
        if data.startswith(signature):
            return content_type
    return None


def accept(name: str, data: bytes) -> Attachment:
    if not data:
        raise RefusedAttachment("empty")
    if len(data) > MAX_BYTES:
        raise RefusedAttachment("too_large")
    content_type = content_type_of(data)
    if content_type is None:
        raise RefusedAttachment("not_accepted")
    shown = " ".join(name.replace("/", " ").replace("\\", " ").split())[:120] or "fichier"
    return Attachment(shown, content_type, data)


def check_count(count: int) -> None:
    if count > MAX_PER_POST:
        raise RefusedAttachment("too_many")


@dataclass(frozen=True)
class AttachmentInfo:
    """What a thread shows of an attachment (its bytes stay in the database until saved)."""

    id: str
    name: str
    content_type: str
    size: int
