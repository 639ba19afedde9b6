"""Attachments of discussion posts: PDF and images told by their content (not their name),
a size said up front, kept in the encrypted profile; what a hub copy carries is checked
again when it arrives."""

from __future__ import annotations

import base64

import pytest

from tsn_desktop.core.db import Database
from tsn_desktop.network import service
from tsn_desktop.network.attachments import MAX_BYTES, RefusedAttachment, accept
from tsn_desktop.network.fhir import attachments_from_fhir, post_to_fhir
from tsn_desktop.network.model import Opening

from .conftest import NURSE

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("compte-rendu.pdf", PDF, "application/pdf"), ("plaie.png", PNG, "image/png"),
    ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "image/jpeg"),
    ("sans-extension", PDF, "application/pdf"),
])
def test_a_pdf_or_an_image_is_accepted_by_what_it_contains(name, data, kind) -> None:
    assert accept(name, data).content_type == kind


@pytest.mark.parametrize(("name", "data", "code"), [
    ("ordonnance.pdf", b"MZ\x90\x00 this is a program", "not_accepted"),
    ("page.pdf", b"<html><script>alert(1)</script></html>", "not_accepted"),
    ("vide.pdf", b"", "empty"),
    ("scanner.pdf", PDF + b"\x00" * MAX_BYTES, "too_large"),
])
def test_anything_else_is_refused_whatever_its_name(name, data, code) -> None:
    with pytest.raises(RefusedAttachment) as refused:
        accept(name, data)
    assert refused.value.code == code


def test_a_file_name_never_carries_a_path() -> None:
    assert accept("../../etc/passwd.pdf", PDF).name == ".. .. etc passwd.pdf"


def test_a_reply_keeps_its_attachment_in_the_profile_and_sends_it_inline(
        db: Database, colleagues) -> None:
    thread = service.open_discussion(db, Opening("Plaie", "Avis ?"), [NURSE.rpps])
    post = service.reply(db, thread.id, "", files=[accept("plaie.png", PNG)])

    [info] = service.view(db, thread.id).thread.messages[0].post.attachments
    assert (info.name, info.content_type, info.size) == ("plaie.png", "image/png", len(PNG))
    assert service.attachment(db, info.id).data == PNG
    resource = post_to_fhir(post, files=[service.attachment(db, info.id)])
    assert "payload" in resource
    assert base64.b64decode(resource["payload"][0]["contentAttachment"]["data"]) == PNG


def test_a_disguised_file_in_a_hub_copy_is_not_kept() -> None:
    disguised = {"payload": [
        {"contentString": "voir pièce jointe"},
        {"contentAttachment": {"contentType": "application/pdf", "title": "cr.pdf",
                               "data": base64.b64encode(b"MZ program").decode()}},
        {"contentAttachment": {"contentType": "application/pdf", "title": "vrai.pdf",
                               "data": base64.b64encode(PDF).decode()}},
        {"contentAttachment": {"contentType": "application/pdf", "data": "%%%not base64"}}]}

    assert [(a.name, a.data) for a in attachments_from_fhir(disguised)] == [("vrai.pdf", PDF)]


def test_too_many_attachments_are_refused_and_nothing_is_written(db, colleagues) -> None:
    thread = service.open_discussion(db, Opening("Plaie", "Avis ?"), [NURSE.rpps])
    with pytest.raises(RefusedAttachment):
        service.reply(db, thread.id, "photos", files=[accept(f"{n}.png", PNG)
                                                      for n in range(5)])
    assert db.query_one("SELECT count(*) FROM network_attachment")[0] == 0
    assert service.view(db, thread.id).thread.messages == ()
