"""Uploads are judged by their content; broken captions are reported with their line."""

import io
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from vamos.learning.media import (
    external_embed,
    inspect_video,
    parse_webvtt,
    validate_video_file,
    validate_webvtt_file,
)

from .factories import MEDIA

pytestmark = pytest.mark.usefixtures("english")


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def mp4(*, moov_first: bool = True, seconds: int = 90) -> bytes:
    """A minimal MP4 container: ftyp, moov/mvhd (timescale 1000) and mdat."""
    mvhd = _box(b"mvhd", bytes(4) + bytes(8) + struct.pack(">II", 1000, seconds * 1000))
    parts = [_box(b"ftyp", b"isom" + bytes(4) + b"isommp41")]
    media = [_box(b"moov", mvhd), _box(b"mdat", b"\x00" * 64)]
    return b"".join(parts + (media if moov_first else media[::-1]))


def test_webm_is_recognised_with_its_duration() -> None:
    facts = inspect_video(io.BytesIO((MEDIA / "foerdermittel-finden.webm").read_bytes()))
    assert facts is not None
    assert (facts.container, facts.mime_type, facts.duration_seconds) == ("webm", "video/webm", 15)


def test_mp4_is_recognised_with_duration_and_streaming_layout() -> None:
    fast = inspect_video(io.BytesIO(mp4(seconds=90)))
    slow = inspect_video(io.BytesIO(mp4(moov_first=False)))
    assert fast is not None and slow is not None
    assert fast.duration_seconds == 90 and fast.streamable
    assert not slow.streamable


def test_a_renamed_image_is_not_accepted_as_video() -> None:
    upload = SimpleUploadedFile("clip.mp4", b"\x89PNG\r\n\x1a\n" + bytes(200), "video/mp4")
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload)
    assert error.value.code == "not_a_video"
    assert "content was checked" in error.value.messages[0]


def test_matroska_that_is_not_webm_is_rejected() -> None:
    upload = SimpleUploadedFile("clip.webm", b"\x1a\x45\xdf\xa3" + b"matroska" + bytes(60))
    with pytest.raises(ValidationError):
        validate_video_file(upload)


def test_video_over_the_size_limit_is_rejected_with_sizes(settings: object) -> None:
    settings.VAMOS_LEARNING_VIDEO_MAX_MB = 1  # type: ignore[attr-defined]
    upload = SimpleUploadedFile("big.mp4", mp4() + bytes(2 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload)
    assert error.value.code == "too_large"
    assert "at most 1 MB" in error.value.messages[0]


def test_valid_webvtt_gives_cues() -> None:
    cues = parse_webvtt((MEDIA / "foerdermittel-finden.de.vtt").read_text(encoding="utf-8"))
    assert len(cues) == 3
    assert cues[1].start == 4 and cues[1].end == 9.5
    assert cues[0].text.startswith("Wo finden Vereine")


def test_webvtt_with_identifiers_notes_and_bom_is_accepted() -> None:
    content = "\ufeffWEBVTT - Untertitel\n\nNOTE Entwurf\n\n" + (
        "intro\n00:01.000 --> 00:02.500 line:0\nHallo\n"
    )
    assert parse_webvtt(content)[0].end == 2.5


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ("Hallo\n", 1, "WEBVTT"),
        ("WEBVTT\n\n00:01.000 --> 00:0x.000\nHallo\n", 3, "00:0x.000"),
        ("WEBVTT\n\n1\n00:05.000 --> 00:04.000\nHallo\n", 4, "ends before it starts"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\n\n", 3, "no text"),
        ("WEBVTT\n\nintro\nHallo\n", 4, "timing line"),
    ],
)
def test_broken_webvtt_names_the_wrong_line(content: str, line: int, problem: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_webvtt(content)
    message = error.value.messages[0]
    assert message.startswith(f"Line {line}:"), message
    assert problem in message


def test_caption_file_that_is_not_utf8_is_rejected_with_its_line() -> None:
    upload = SimpleUploadedFile(
        "de.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nGrüße\n".encode("latin-1")
    )
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(upload)
    assert error.value.messages[0].startswith("Line 4:")


def test_empty_caption_file_is_rejected() -> None:
    with pytest.raises(ValidationError) as error:
        validate_webvtt_file(SimpleUploadedFile("de.vtt", b"WEBVTT\n"))
    assert error.value.code == "empty_webvtt"


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/123456789", "https://player.vimeo.com/video/123456789"),
    ],
)
def test_external_videos_embed_privacy_friendly(url: str, embed: str) -> None:
    result = external_embed(url)
    assert result is not None
    assert result.embed_url.startswith(embed)


def test_other_external_hosts_cannot_be_embedded() -> None:
    assert external_embed("https://example.org/video.mp4") is None
