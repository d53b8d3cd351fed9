"""Checks and facts about uploaded media: video containers and WebVTT captions.

Uploads are judged by their content, never by their file name: a WebM file starts with the
EBML magic number and names the ``webm`` doc type, an MP4 file has an ``ftyp`` box with an
MP4 brand. Captions must be valid WebVTT; a broken file is rejected with the line that is
wrong, so an editor can fix it in any text editor.
"""

import re
import struct
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

VIDEO_MAX_MB = 500
CAPTIONS_MAX_KB = 512
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
    b"msnv",
    b"mmp4",
}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"


def video_max_bytes() -> int:
    return int(getattr(settings, "VAMOS_LEARNING_VIDEO_MAX_MB", VIDEO_MAX_MB)) * 1024 * 1024


@dataclass
class VideoFacts:
    container: str  # "webm" or "mp4"
    mime_type: str
    duration_seconds: float | None
    # MP4 files whose index ("moov") comes after the media data cannot start playing
    # before they are loaded completely on slow connections.
    streamable: bool = True


def _read_head(file: Any, size: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def _file_size(file: Any) -> int:
    size = getattr(file, "size", None)
    if size is not None:
        return int(size)
    position = file.tell()
    file.seek(0, 2)
    size = file.tell()
    file.seek(position)
    return size


def inspect_video(file: IO[bytes]) -> VideoFacts | None:
    """What the bytes say the file is, or ``None`` for anything but WebM and MP4."""
    head = _read_head(file, 64)
    if head.startswith(EBML_MAGIC):
        if b"webm" not in head:
            return None
        return VideoFacts("webm", "video/webm", _webm_duration(file))
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        duration, streamable = _mp4_facts(file)
        return VideoFacts("mp4", "video/mp4", duration, streamable)
    return None


def validate_video_file(value: Any) -> None:
    """Model field validator: a WebM or MP4 video within the size limit."""
    if not value or getattr(value, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    file = getattr(value, "file", value)
    size = _file_size(file)
    limit = video_max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; a video may be at most %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": limit // 1024 // 1024},
            code="too_large",
        )
    if inspect_video(file) is None:
        raise ValidationError(
            _(
                "This file is not an MP4 or WebM video (its content was checked, not its name). "
                "Please export the video as MP4 (H.264) or WebM."
            ),
            code="not_a_video",
        )


# --- MP4 -------------------------------------------------------------------------------------


def _mp4_facts(file: Any) -> tuple[float | None, bool]:
    """Duration from the ``mvhd`` box and whether ``moov`` precedes ``mdat``."""
    file.seek(0, 2)
    end = file.tell()
    offset = 0
    seen_mdat = False
    duration = None
    streamable = True
    while offset + 8 <= end:
        file.seek(offset)
        header = file.read(8)
        if len(header) < 8:
            break
        size, kind = struct.unpack(">I4s", header)
        header_size = 8
        if size == 1:
            size = struct.unpack(">Q", file.read(8))[0]
            header_size = 16
        elif size == 0:
            size = end - offset
        if size < header_size:
            break
        if kind == b"mdat":
            seen_mdat = True
        if kind == b"moov":
            streamable = not seen_mdat
            duration = _mvhd_duration(file, offset + header_size, offset + size)
            break
        offset += size
    file.seek(0)
    return duration, streamable


def _mvhd_duration(file: Any, start: int, end: int) -> float | None:
    offset = start
    while offset + 8 <= end:
        file.seek(offset)
        size, kind = struct.unpack(">I4s", file.read(8))
        if size < 8:
            return None
        if kind == b"mvhd":
            version = file.read(1)[0]
            file.read(3)  # flags
            if version == 1:
                file.read(16)  # creation and modification time
                timescale, length = struct.unpack(">IQ", file.read(12))
            else:
                file.read(8)
                timescale, length = struct.unpack(">II", file.read(8))
            return round(length / timescale, 2) if timescale else None
        offset += size
    return None


# --- WebM (EBML) -----------------------------------------------------------------------------


def _ebml_vint(file: Any, *, keep_marker: bool) -> tuple[int, int] | None:
    first = file.read(1)
    if not first:
        return None
    byte = first[0]
    length = 1
    mask = 0x80
    while length <= 8 and not byte & mask:
        mask >>= 1
        length += 1
    if length > 8:
        return None
    value = byte if keep_marker else byte & (mask - 1)
    for extra in file.read(length - 1):
        value = (value << 8) | extra
    return value, length


def _webm_duration(file: Any) -> float | None:
    """Segment → Info → Duration × TimestampScale, in seconds."""
    file.seek(0)
    scale = 1_000_000
    duration = None
    info_end = None
    try:
        for _step in range(10_000):
            element = _ebml_vint(file, keep_marker=True)
            size = _ebml_vint(file, keep_marker=False)
            if element is None or size is None:
                break
            element_id, length = element[0], size[0]
            if element_id == 0x18538067:  # Segment: descend
                continue
            if element_id == 0x1549A966:  # Info: descend, remember where it ends
                info_end = file.tell() + length
                continue
            if element_id == 0x2AD7B1:  # TimestampScale
                scale = int.from_bytes(file.read(length), "big")
            elif element_id == 0x4489:  # Duration (float)
                payload = file.read(length)
                duration = struct.unpack(">d" if length == 8 else ">f", payload)[0]
            else:
                file.seek(length, 1)
            if info_end is not None and file.tell() >= info_end:
                break
        return round(duration * scale / 1_000_000_000, 2) if duration is not None else None
    except (struct.error, ValueError, OverflowError, OSError):
        return None
    finally:
        file.seek(0)


# --- WebVTT ----------------------------------------------------------------------------------

_TIMESTAMP = re.compile(r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")


@dataclass
class Cue:
    start: float
    end: float
    text: str


def _timestamp(text: str) -> float | None:
    match = _TIMESTAMP.match(text)
    if match is None:
        return None
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_webvtt(content: str) -> list[Cue]:
    """The cues of a WebVTT document; ``ValidationError`` naming the first wrong line."""

    def fail(number: int, message: str) -> ValidationError:
        return ValidationError(
            _("Line %(line)s: %(problem)s") % {"line": number, "problem": message},
            code="invalid_webvtt",
        )

    lines = content.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise fail(1, _('a caption file must start with "WEBVTT".'))
    cues: list[Cue] = []
    index = 1
    while index < len(lines) and lines[index].strip():
        index += 1  # header lines after WEBVTT
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        first = block[0]
        if first.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first:
            continue
        timing_offset = 0 if "-->" in first else 1
        if timing_offset == 1 and (len(block) < 2 or "-->" not in block[1]):
            raise fail(
                block_start + 2 if len(block) > 1 else block_start + 1,
                _('a cue needs a timing line such as "00:00:01.000 --> 00:00:04.000".'),
            )
        timing_line = block[timing_offset]
        line_number = block_start + timing_offset + 1
        parts = timing_line.split("-->")
        start_text = parts[0].strip()
        end_text = parts[1].strip().split()[0] if parts[1].strip() else ""
        start, end = _timestamp(start_text), _timestamp(end_text)
        if start is None or end is None:
            wrong = start_text if start is None else end_text
            raise fail(
                line_number,
                _('"%(time)s" is not a valid time; write hh:mm:ss.ttt or mm:ss.ttt.')
                % {"time": wrong},
            )
        if end <= start:
            raise fail(line_number, _("the cue ends before it starts."))
        text = "\n".join(block[timing_offset + 1 :]).strip()
        if not text:
            raise fail(line_number, _("the cue has no text."))
        cues.append(Cue(start=start, end=end, text=text))
    if not cues:
        raise ValidationError(_("The caption file contains no captions."), code="empty_webvtt")
    return cues


def validate_webvtt_file(value: Any) -> None:
    """Model field validator for caption uploads."""
    if not value or getattr(value, "_committed", False):
        return  # already stored: it was checked when it was uploaded
    file = getattr(value, "file", value)
    if _file_size(file) > CAPTIONS_MAX_KB * 1024:
        raise ValidationError(
            _("A caption file may be at most %(limit)s KB.") % {"limit": CAPTIONS_MAX_KB},
            code="too_large",
        )
    raw = _read_head(file, CAPTIONS_MAX_KB * 1024 + 1)
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ValidationError(
            _("Line %(line)s: the file is not saved as UTF-8 text.") % {"line": line},
            code="invalid_webvtt",
        ) from error
    parse_webvtt(content)


# --- External embeds -------------------------------------------------------------------------

_YOUTUBE = re.compile(
    r"^https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:.*&)?v=|embed/|shorts/)|youtu\.be/)"
    r"(?P<id>[A-Za-z0-9_-]{11})"
)
_VIMEO = re.compile(r"^https?://(?:www\.|player\.)?vimeo\.com/(?:video/)?(?P<id>\d{6,12})")


@dataclass
class ExternalEmbed:
    provider: str  # display name
    embed_url: str  # loaded only after the learner clicks
    watch_url: str  # the provider's own page, for people who prefer to go there
    origin: str  # for the Content-Security-Policy frame-src of the page


def external_embed(url: str) -> ExternalEmbed | None:
    """YouTube (privacy-enhanced domain) and Vimeo (do-not-track) embeds; others ``None``."""
    url = (url or "").strip()
    if match := _YOUTUBE.match(url):
        video_id = match["id"]
        return ExternalEmbed(
            provider="YouTube",
            embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
            watch_url=f"https://www.youtube.com/watch?v={video_id}",
            origin="https://www.youtube-nocookie.com",
        )
    if match := _VIMEO.match(url):
        video_id = match["id"]
        return ExternalEmbed(
            provider="Vimeo",
            embed_url=f"https://player.vimeo.com/video/{video_id}?dnt=1&autoplay=1",
            watch_url=f"https://vimeo.com/{video_id}",
            origin="https://player.vimeo.com",
        )
    return None
