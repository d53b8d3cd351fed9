"""Checking uploaded material by its content, not by its name.

A file's type is read from its first bytes (and, for office formats, from the ZIP's table of
contents); the name's extension is ignored and replaced by the detected one. Images are
opened and re-encoded with Pillow, which also drops metadata such as GPS positions.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# Limit Pillow to images a phone camera produces; larger ones are refused, not decoded.
MAX_IMAGE_PIXELS = 40_000_000

_OFFICE = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
_OPEN_DOCUMENT = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
_IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
}


@dataclass(frozen=True)
class CheckedUpload:
    content: ContentFile
    extension: str
    content_type: str
    original_name: str
    size: int


def max_upload_bytes() -> int:
    return settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB * 1024 * 1024


def _read(upload: UploadedFile) -> bytes:
    if upload.size is not None and upload.size > max_upload_bytes():
        raise ValidationError(
            _("The file is larger than %(size)s MB.")
            % {"size": settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_upload_bytes() + 1)
    if len(data) > max_upload_bytes():
        raise ValidationError(
            _("The file is larger than %(size)s MB.")
            % {"size": settings.VAMOS_COMMUNITY_MAX_UPLOAD_MB},
            code="too_large",
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _zip_kind(data: bytes) -> tuple[str, str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in _OPEN_DOCUMENT:
                    return _OPEN_DOCUMENT[mimetype], mimetype
                return None
            if "[Content_Types].xml" in names:
                for prefix, kind in _OFFICE.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    return None


def _document_kind(data: bytes) -> tuple[str, str] | None:
    if data.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    sample = data[:65536]
    if b"\x00" not in sample:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the sample's end is still text.
            if error.start < len(sample) - 4:
                return None
        return "txt", "text/plain"
    return None


def _clean_name(name: str, extension: str) -> str:
    stem = get_valid_filename(name.rsplit(".", 1)[0])[:150] or "datei"
    return f"{stem}.{extension}"


def check_document(upload: UploadedFile) -> CheckedUpload:
    """A PDF, office document (Word, Excel, PowerPoint, OpenDocument) or plain text file."""
    data = _read(upload)
    kind = _document_kind(data)
    if kind is None:
        raise ValidationError(
            _(
                "This file type is not accepted. Please upload a PDF, an office document "
                "(Word, Excel, PowerPoint, OpenDocument) or a text file."
            ),
            code="file_type",
        )
    extension, content_type = kind
    return CheckedUpload(
        content=ContentFile(data),
        extension=extension,
        content_type=content_type,
        original_name=_clean_name(upload.name or "datei", extension),
        size=len(data),
    )


def check_image(upload: UploadedFile) -> CheckedUpload:
    """A JPEG, PNG, WebP or GIF image, re-encoded without its metadata."""
    data = _read(upload)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            width, height = probe.size
            if image_format not in _IMAGE_FORMATS:
                raise UnidentifiedImageError(image_format)
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image is too large (at most 40 megapixels)."), code="too_many_pixels"
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            output = io.BytesIO()
            if image_format == "JPEG":
                image.convert("RGB").save(output, "JPEG", quality=88, optimize=True)
            elif image_format == "GIF":
                image.save(output, "GIF", save_all=getattr(image, "is_animated", False))
            else:
                image.save(output, image_format)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(
            _("This is not an image we accept. Please upload a JPEG, PNG, WebP or GIF file."),
            code="image_type",
        ) from error
    extension, content_type = _IMAGE_FORMATS[image_format]
    encoded = output.getvalue()
    return CheckedUpload(
        content=ContentFile(encoded),
        extension=extension,
        content_type=content_type,
        original_name=_clean_name(upload.name or "bild", extension),
        size=len(encoded),
    )
