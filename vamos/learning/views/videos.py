"""The video library: a video's page, its file (with HTTP Range, so seeking works), its
captions, and the learner's position (saved by the player, resumed on any device)."""

import re
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from vamos.core.downloads import protect_user_file

from .. import selectors, services
from ..media import inspect_video
from ..models import Video
from ..permissions import can_learn, get_video_for_user
from .lessons import _with_embeds

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@login_not_required
@require_GET
def video_detail(request: HttpRequest, slug: str) -> HttpResponse:
    video = get_video_for_user(request, {"slug": slug}, action="view")
    video = selectors.videos_by_id([video.pk])[video.pk]
    learner = can_learn(request.user)
    position = selectors.video_positions(user=request.user, video_ids=[video.pk]).get(video.pk)
    response = render(
        request,
        "learning/video_detail.html",
        {"video": video, "can_learn": learner, "position": position},
    )
    return _with_embeds(response, [video.embed.origin] if video.embed and learner else [])


def _read(field_file: Any, start: int, length: int) -> Iterator[bytes]:
    """The bytes ``start`` … ``start + length``; the file is opened only when the response is
    sent (and always closed)."""
    with field_file.storage.open(field_file.name, "rb") as file:
        file.seek(start)
        remaining = length
        while remaining > 0:
            chunk = file.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def ranged_file_response(request: HttpRequest, field_file: Any, content_type: str) -> Any:
    """Serve a stored file, honouring a single ``Range: bytes=…`` request (206 / 416)."""
    size = field_file.size
    header = request.headers.get("Range", "").strip()
    match = _RANGE.match(header) if header else None
    start, end, status = 0, size - 1, 200
    if header and match and (match[1] or match[2]):
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:
            start, end = max(size - int(match[2]), 0), size - 1
        if start >= size or start > end:
            response: Any = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        status = 206
    # No range, or one we do not serve (several ranges): the whole file, as RFC 9110 allows.
    length = end - start + 1
    response = StreamingHttpResponse(
        _read(field_file, start, length), status=status, content_type=content_type
    )
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=86400"
    return protect_user_file(response)


@require_GET
def video_file(request: HttpRequest, slug: str) -> Any:
    video = get_video_for_user(request, {"slug": slug}, action="watch")
    if not video.file:
        raise Http404
    try:
        with video.file.storage.open(video.file.name, "rb") as file:
            facts = inspect_video(file)
    except FileNotFoundError as error:
        raise Http404 from error
    return ranged_file_response(request, video.file, facts.mime_type if facts else "video/mp4")


@require_GET
def video_captions(request: HttpRequest, slug: str, language: str) -> HttpResponse:
    video = get_video_for_user(request, {"slug": slug}, action="watch")
    caption = video.captions.filter(language=language).first()
    if caption is None:
        raise Http404
    try:
        with caption.file.storage.open(caption.file.name, "rb") as file:
            content = file.read()
    except FileNotFoundError as error:
        raise Http404 from error
    response = HttpResponse(content, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = "private, max-age=3600"
    return protect_user_file(response)


@require_POST
def video_position(request: HttpRequest, slug: str) -> HttpResponse:
    video: Video = get_video_for_user(request, {"slug": slug}, action="watch")
    try:
        services.video_position_save(
            user=request.user,
            video=video,
            position=request.POST.get("position"),
            duration=request.POST.get("duration"),
            ended=request.POST.get("ended") == "1",
        )
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain")
    return HttpResponse(status=204)
