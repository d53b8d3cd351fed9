"""The learning area in the back office: the library's pages, videos, certificates.

Editors author modules, lessons and learning paths as pages below "Learning library" (drafts,
preview, revisions, scheduled publishing and "Translate" are Wagtail's), and videos as
snippets. Publishing a video without captions, or a lesson that shows one, warns the editor.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import LiveStatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from vamos.core.wagtail_hooks import ReadOnlyPermissionPolicy

from .forms import VideoAdminForm
from .media import inspect_video
from .models import Certificate, LearningLibraryPage, LessonPage, Video

# Certificates are written by the platform; the team may look them up, never edit them.
register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = gettext_lazy("Learning videos")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title_de",
        "language",
        "caption_summary",
        "duration_seconds",
        LiveStatusTagColumn(),
    ]
    list_filter = ["language", "live"]
    search_fields = ["title_de", "title_en"]
    ordering = ["title_de"]
    edit_handler = ObjectList(Video.panels, base_form_class=VideoAdminForm)


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["code", "learner_name", "module_title", "issued_at", "withdrawn_at"]
    list_filter = ["withdrawn_at"]
    search_fields = ["code", "learner_name", "module_title", "organisation_name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "code",
        "learner_name",
        "organisation_name",
        "module_title",
        "topic_fields",
        "duration_minutes",
        "issued_at",
        "language",
        "withdrawn_at",
    ]
    copy_view_enabled = False
    panels: list[Any] = []


register_snippet(VideoViewSet)
register_snippet(CertificateViewSet)


class LibraryMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("wagtailadmin.access_admin")

    def get_context(self, request: HttpRequest) -> dict[str, Any]:
        context = super().get_context(request)
        library = LearningLibraryPage.objects.filter(locale__language_code="de").first()
        if library is not None:
            context["url"] = reverse("wagtailadmin_explore", args=[library.pk])
        return context


@hooks.register("register_admin_menu_item")
def register_library_menu_item() -> MenuItem:
    return LibraryMenuItem(
        gettext_lazy("Learning library"),
        reverse("wagtailadmin_explore_root"),
        icon_name="folder-open-inverse",
        order=215,
    )


def _caption_warning(video: Video) -> str:
    if video.is_external:
        if video.external_has_captions:
            return ""
        return _(
            "“%(title)s” is published, but you have not confirmed that the external video has "
            "captions. Learners who cannot hear it are excluded."
        ) % {"title": video.title_de}
    if video.captions.exists():
        return ""
    return _(
        "“%(title)s” is published without captions. Please add a WebVTT file so that deaf and "
        "hard-of-hearing learners can follow it."
    ) % {"title": video.title_de}


@hooks.register("after_publish")
def warn_video_without_captions(request: HttpRequest, instance: Any) -> None:
    if not isinstance(instance, Video):
        return
    warning = _caption_warning(instance)
    if warning:
        messages.warning(request, warning)
    if instance.file:
        try:
            facts = inspect_video(instance.file.open("rb"))
        except OSError:
            facts = None
        finally:
            instance.file.close()
        if facts is not None and not facts.streamable:
            messages.warning(
                request,
                _(
                    "This MP4 file keeps its index at the end, so it starts playing only after "
                    "it has loaded completely. Export it with “fast start” (web optimised)."
                ),
            )


@hooks.register("after_publish_page")
def warn_lesson_videos(request: HttpRequest, page: Any) -> None:
    page = page.specific
    if not isinstance(page, LessonPage):
        return
    for block in page.blocks_of("video"):
        video = block.value["video"]
        if video is None:
            continue
        if not video.live:
            messages.warning(
                request,
                _("The video “%(title)s” is not published yet; learners do not see it.")
                % {"title": video.title_de},
            )
        elif warning := _caption_warning(video):
            messages.warning(request, warning)
