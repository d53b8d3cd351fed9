"""Materials: uploads checked by content and size, images re-encoded with alt text, files
served only through the permission check; people's texts escaped and sanitised."""

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from vamos.community import markup
from vamos.community.models import Resource

from .factories import BestPracticeFactory

pytestmark = pytest.mark.django_db


def _png(exif: bool = False) -> bytes:
    image = Image.new("RGB", (40, 30), "#004b87")
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Kamera mit GPS"
        image.save(buffer, "JPEG", exif=data)
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def practice(org_a: Any, member: Any) -> Any:
    return BestPracticeFactory(organisation=org_a, author=member)


def _post(client: Any, practice: Any, data: dict[str, Any]) -> Any:
    return client.post(reverse("community:resources", args=[practice.pk]), data)


def test_documents_are_recognised_by_their_content(
    practice: Any, member: Any, client_for: Any
) -> None:
    client = client_for(member)
    response = _post(
        client,
        practice,
        {"kind": "file", "title": "", "file": SimpleUploadedFile("a.docx", _docx())},
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.content_type.endswith("wordprocessingml.document")
    assert resource.file.name.endswith(".docx") and resource.title == "a.docx"
    response = _post(
        client,
        practice,
        {
            "kind": "file",
            "title": "Tarnung",
            "file": SimpleUploadedFile("bericht.pdf", b"MZ\x90\x00\x03"),
        },
    )
    assert response.status_code == 200
    assert "Dateiart wird nicht angenommen" in response.content.decode()
    assert 'value="Tarnung"' in response.content.decode()
    assert Resource.objects.count() == 1


def test_files_above_the_limit_are_refused(
    practice: Any, member: Any, client_for: Any, settings: Any
) -> None:
    settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("gross.txt", b"a" * (1024 * 1024 + 1))
    response = _post(client_for(member), practice, {"kind": "file", "title": "", "file": big})
    assert "größer als 1 MB" in response.content.decode()
    assert not Resource.objects.exists()


def test_images_need_alt_text_and_lose_their_metadata(
    practice: Any, member: Any, client_for: Any
) -> None:
    client = client_for(member)
    photo = SimpleUploadedFile("foto.jpg", _png(exif=True))
    response = _post(client, practice, {"kind": "image", "image": photo, "alt_text": ""})
    assert response.status_code == 200 and "alt_text" in response.context["image_form"].errors
    assert not Resource.objects.exists()
    photo = SimpleUploadedFile("foto.jpg", _png(exif=True))
    _post(client, practice, {"kind": "image", "image": photo, "alt_text": "Vorstand beim Workshop"})
    resource = Resource.objects.get()
    with Image.open(resource.file.path) as stored:
        assert stored.format == "JPEG" and not stored.getexif()
    fake = SimpleUploadedFile("bild.png", b"<svg onload=alert(1)>")
    response = _post(client, practice, {"kind": "image", "image": fake, "alt_text": "Bild"})
    assert "Dieses Bild können wir nicht annehmen" in response.content.decode()


def test_links_and_removal(practice: Any, member: Any, client_for: Any) -> None:
    client = client_for(member)
    response = _post(
        client, practice, {"kind": "link", "link_title": "Leitfaden", "url": "javascript:alert(1)"}
    )
    assert response.status_code == 200 and "url" in response.context["link_form"].errors
    _post(
        client,
        practice,
        {"kind": "link", "link_title": "Leitfaden", "url": "example.org/leitfaden"},
    )
    link = Resource.objects.get()
    assert link.url == "https://example.org/leitfaden"
    client.post(reverse("community:resource-remove", args=[practice.pk, link.pk]))
    assert not Resource.objects.exists()


def test_files_are_served_only_to_those_who_may_see_the_entry(
    org_a: Any, member: Any, client: Any, client_for: Any, other_member: Any
) -> None:
    from vamos.community import services

    practice = BestPracticeFactory(organisation=org_a, author=member, published=True)
    resource = services.resource_add_file(
        practice=practice,
        actor=member,
        title="Liste",
        upload=SimpleUploadedFile("liste.txt", "Punkt 1 – Übersicht\n".encode()),
    )
    url = reverse("community:resource-download", args=[practice.pk, resource.pk])
    assert client.get(url).status_code == 404
    response = client_for(other_member).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "Punkt 1 – Übersicht\n".encode()
    assert response["Content-Disposition"].startswith('attachment; filename="liste.txt"')
    assert response["Cache-Control"] == "private, no-store"


def test_typed_text_is_escaped_and_sanitised() -> None:
    html = markup.render(
        "Hallo <script>alert(1)</script> **fett**\n\n- eins\n- [x](javascript:alert(1))\n\n"
        "Mehr unter https://example.org/?a=1&b=2"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>fett</strong>" in html
    assert "<ul><li>eins</li>" in html
    assert "javascript:" not in html.split("href=")[-1].split(">")[0]
    assert 'href="https://example.org/?a=1&amp;b=2" rel="nofollow noopener ugc"' in html
