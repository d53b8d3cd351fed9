"""Uploads on every path: judged by their content, capped in size, no SVG or HTML that a
browser would run, and served back with headers that keep a file from acting as a page.

Paths: materials of best practices (community), learning videos and captions (back office),
Wagtail images and documents (back office). People have no avatar upload.
"""

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.security.conftest import png_bytes
from vamos.community.models import Resource
from vamos.community.tests.factories import BestPracticeFactory
from vamos.core.downloads import USER_FILE_CSP
from vamos.learning.tests import factories as learning

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def _assert_served_safely(response: Any) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == USER_FILE_CSP
    assert "text/html" not in response["Content-Type"]
    assert "svg" not in response["Content-Type"]


@pytest.fixture
def practice(org_a: Any, member: Any) -> Any:
    return BestPracticeFactory(organisation=org_a, author=member)


def _attach(client: Any, practice: Any, **fields: Any) -> Any:
    return client.post(reverse("community:resources", args=[practice.pk]), fields)


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("image", "logo.svg", SVG),
        ("image", "logo.png", SVG),
        ("image", "seite.png", HTML),
        ("file", "archiv.zip", b"PK\x03\x04" + b"\x00" * 40),
        ("file", "programm.pdf", b"MZ\x90\x00\x03" + b"\x00" * 60),
    ],
)
def test_community_refuses_what_is_not_what_we_accept(
    practice: Any, member: Any, client_for: Any, kind: str, name: str, content: bytes
) -> None:
    field = "image" if kind == "image" else "file"
    response = _attach(
        client_for(member),
        practice,
        kind=kind,
        title="Anhang",
        alt_text="Logo",
        **{field: SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Resource.objects.exists()


@pytest.mark.parametrize("name", ["seite.html", "logo.svg", "liste.pdf"])
def test_community_stores_markup_as_plain_text_and_serves_it_as_an_attachment(
    practice: Any, member: Any, client_for: Any, name: str
) -> None:
    content = HTML if name != "logo.svg" else SVG
    client = client_for(member)
    _attach(client, practice, kind="file", title="Seite", file=SimpleUploadedFile(name, content))
    resource = Resource.objects.get()
    assert (resource.content_type, resource.original_name.rsplit(".", 1)[1]) == (
        "text/plain",
        "txt",
    )
    assert resource.file.name.endswith(".txt") or "." not in resource.file.name.rsplit("/")[-1]
    response = client.get(reverse("community:resource-download", args=[practice.pk, resource.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment;")
    _assert_served_safely(response)


def test_community_caps_the_size(
    practice: Any, member: Any, client_for: Any, settings: Any
) -> None:
    settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB = 1
    response = _attach(
        client_for(member),
        practice,
        kind="file",
        title="Groß",
        file=SimpleUploadedFile("gross.txt", b"a" * (1024 * 1024 + 1)),
    )
    assert response.status_code == 200
    assert not Resource.objects.exists()


def test_community_images_are_served_with_their_detected_type(
    practice: Any, member: Any, client_for: Any
) -> None:
    client = client_for(member)
    _attach(
        client,
        practice,
        kind="image",
        title="Plakat",
        alt_text="Plakat",
        image=SimpleUploadedFile("plakat.svg", png_bytes()),
    )
    resource = Resource.objects.get()
    response = client.get(reverse("community:resource-download", args=[practice.pk, resource.pk]))
    assert response["Content-Type"] == "image/png"
    assert resource.original_name.endswith(".png")
    _assert_served_safely(response)


def test_learning_videos_and_captions_are_served_safely(client_for: Any, member: Any) -> None:
    learning.video(slug="sicher")
    client = client_for(member)
    video = client.get(reverse("learning:video-file", kwargs={"slug": "sicher"}))
    assert video["Content-Type"] == "video/webm"
    _assert_served_safely(video)
    captions = client.get(
        reverse("learning:video-captions", kwargs={"slug": "sicher", "language": "de"})
    )
    assert captions["Content-Type"].startswith("text/vtt")
    _assert_served_safely(captions)


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG), ("seite.html", HTML), ("seite.png", HTML), ("logo.png", SVG)],
)
def test_back_office_images_refuse_svg_and_markup(
    client_for: Any, editor: Any, name: str, content: bytes
) -> None:
    response = client_for(editor).post(
        reverse("wagtailimages:add"), {"title": "Bild", "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200  # the form again, with the error
    assert not Image.objects.exists()


def test_back_office_images_are_capped_in_size(client_for: Any, editor: Any, settings: Any) -> None:
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    big = png_bytes((400, 400))
    assert len(big) > 1024
    response = client_for(editor).post(
        reverse("wagtailimages:add"), {"title": "Bild", "file": SimpleUploadedFile("b.png", big)}
    )
    assert response.status_code == 200
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", ["seite.html", "seite.htm", "logo.svg", "skript.js"])
def test_back_office_documents_refuse_markup_and_scripts(
    client_for: Any, editor: Any, name: str
) -> None:
    response = client_for(editor).post(
        reverse("wagtaildocs:add"),
        {"title": "Dokument", "file": SimpleUploadedFile(name, HTML)},
    )
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_back_office_documents_are_capped_in_size(
    client_for: Any, editor: Any, settings: Any
) -> None:
    assert 0 < settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 100 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = client_for(editor).post(
        reverse("wagtaildocs:add"),
        {"title": "Groß", "file": SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * 1024)},
    )
    assert response.status_code == 200
    assert not Document.objects.exists()


def test_back_office_documents_are_served_with_safe_headers(client: Any) -> None:
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Markup", file=ContentFile(io.BytesIO(HTML).read(), name="markup.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content == HTML
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert "filename=" in response["Content-Disposition"]
