"""Routing of the shared resource base (DocumentReference without a patient): protocols,
leaflets and contact sheets published to everyone or to a group of practitioners, kept
up to date by their publisher only (protocol §17)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tsn_hub import fhir
from tsn_hub.storage import SCOPE_DIRECTORY, SCOPE_PARTICIPANTS, StoredResource

EXT_AUDIENCE = "https://tsn-desktop.fr/fhir/StructureDefinition/audience"
RppsOf = Callable[[list[object]], set[str]]


class DocumentRefused(fhir.InvalidResource):
    """A document the hub does not publish; `code` is the FHIR issue code sent back."""


def authors(document: dict[str, Any]) -> list[object]:
    value = document.get("author")
    return list(value) if isinstance(value, list) else []


def audience(document: dict[str, Any]) -> list[object]:
    """The practitioners a document is published to (none: everyone)."""
    refs: list[object] = []
    for ext in document.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == EXT_AUDIENCE:
            refs.append(ext.get("valueReference"))
    return refs


def document_access(actor: str, document: dict[str, Any], current: StoredResource | None,
                    rpps_of: RppsOf) -> tuple[str, frozenset[str]]:
    """(scope, readers) of a published document; only its publisher writes it."""
    if rpps_of(authors(document)) != {actor}:
        raise DocumentRefused("forbidden", "a document is published by the practitioner "
                                           "who pushes it, named as its only author")
    if current is not None and current.content is not None:
        if rpps_of(authors(current.content)) != {actor}:
            raise DocumentRefused("forbidden", "only its publisher updates a document")
    named = audience(document)
    if not named:
        return SCOPE_DIRECTORY, frozenset()
    readers = rpps_of(named)
    if not readers:
        raise DocumentRefused("value", "the audience names no practitioner by RPPS")
    return SCOPE_PARTICIPANTS, frozenset(readers | {actor})
