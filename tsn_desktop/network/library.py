"""The shared resource base: documents (protocols, leaflets, contact sheets) published to
everyone or to a group, with a version and a date, readable offline once pulled. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_TITLE = 200


@dataclass(frozen=True)
class SharedDocument:
    id: str
    title: str
    version: str
    published_at: datetime
    author: str  # RPPS of the publisher, the only one who updates it
    audience: tuple[str, ...] = ()  # RPPS; empty: everyone
    file_name: str = ""
    content_type: str = ""
    size: int = 0
    waiting: bool = False  # written here, not yet on the hub


class InvalidDocument(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_document(title: str, version: str) -> None:
    if not title.strip():
        raise InvalidDocument("no_title")
    if len(title) > MAX_TITLE or len(version) > 40:
        raise InvalidDocument("too_long")
    if not version.strip():
        raise InvalidDocument("no_version")
