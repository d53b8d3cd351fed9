"""Who may see and do what in the learning area.

The catalogue, module and path overviews and the video library list are public (they show
what the academy offers); lessons, video files, captions and anything personal need a
learner: a person of a registered organisation or anyone on the team. Organisation admins
see their organisation's learning (details only of members who agreed); the team sees all.
"""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from vamos.core.permissions import get_for_user, is_editor, is_team_admin
from vamos.organisations.models import Organisation
from vamos.organisations.permissions import (
    is_organisation_admin,
    is_platform_member,
    visible_organisations,
)

from .models import (
    Certificate,
    LearningPathPage,
    LessonPage,
    ModulePage,
    TransferAnswer,
    Video,
)


def can_learn(user: Any) -> bool:
    """Take lessons, watch videos, keep progress: registered organisations and the team."""
    return is_platform_member(user)


# --- Content ---------------------------------------------------------------------------------


def visible_modules(user: Any) -> QuerySet[ModulePage]:
    """Published modules; drafts are seen in the back office's preview only."""
    return ModulePage.objects.live()


def visible_lessons(user: Any) -> QuerySet[LessonPage]:
    if not can_learn(user):
        return LessonPage.objects.none()
    return LessonPage.objects.live()


def visible_paths(user: Any) -> QuerySet[LearningPathPage]:
    return LearningPathPage.objects.live()


def visible_videos(user: Any) -> QuerySet[Video]:
    """Published videos; editors also see drafts (to check them in the preview)."""
    if is_editor(user):
        return Video.objects.all()
    return Video.objects.filter(live=True)


def can_view_lesson(user: Any, lesson: LessonPage) -> bool:
    """A live lesson of a live module, for a learner."""
    parent = lesson.get_parent()
    return can_learn(user) and parent is not None and parent.live


def can_watch_video(user: Any, video: Video) -> bool:
    return can_learn(user) and video.live


def get_module_for_user(request: HttpRequest, slug: str) -> Any:
    """The module at ``slug`` (any language version) as a ``ModuleView``; 404 if unpublished."""
    from .selectors import module_resolve

    module = module_resolve(user=request.user, slug=slug)
    if module is None:
        raise Http404
    return module


def get_lesson_for_user(request: HttpRequest, module_slug: str, lesson_slug: str) -> Any:
    """``(ModuleView, LessonView)`` for a learner; 404 for everyone else and for lessons that
    are not published in a published module."""
    from .selectors import module_for_lessons

    if not can_learn(request.user):
        raise Http404
    module = module_for_lessons(user=request.user, slug=module_slug)
    lesson = module.lesson(lesson_slug) if module is not None else None
    if lesson is None:
        raise Http404
    return module, lesson


def get_video_for_user(request: HttpRequest, lookup: dict[str, Any], *, action: str) -> Video:
    allowed = {"view": None, "watch": can_watch_video}[action]
    return get_for_user(visible_videos, request, lookup, allowed=allowed)


def get_path_for_user(request: HttpRequest, slug: str) -> LearningPathPage:
    """A published learning path by the slug of any of its language versions; else 404."""
    from django.utils import translation

    paths = list(visible_paths(request.user).filter(slug=slug).select_related("locale")[:5])
    if not paths:
        raise Http404
    language = (translation.get_language() or "de").split("-")[0]
    return next((p for p in paths if p.locale.language_code == language), paths[0])


# --- Personal records ------------------------------------------------------------------------


def visible_certificates(user: Any) -> QuerySet[Certificate]:
    if is_team_admin(user):
        return Certificate.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Certificate.objects.none()
    return Certificate.objects.filter(user=user)


def can_download_certificate(user: Any, certificate: Certificate) -> bool:
    return certificate.is_valid


def get_certificate_for_verification(code: str) -> Certificate | None:
    """Anyone may verify a certificate by its code (that is what the code is for); the
    verification page shows only what is printed on the certificate."""
    return Certificate.objects.filter(code=code).first()


def get_certificate_for_user(request: HttpRequest, code: str) -> Certificate:
    return get_for_user(
        visible_certificates, request, {"code": code.upper()}, allowed=can_download_certificate
    )


def visible_transfer_answers(user: Any) -> QuerySet[TransferAnswer]:
    """Learners see their own answers (coaches see shared ones through the journeys app)."""
    if not getattr(user, "is_authenticated", False):
        return TransferAnswer.objects.none()
    return TransferAnswer.objects.filter(user=user)


# --- Organisations ---------------------------------------------------------------------------


def can_view_organisation_learning(user: Any, organisation: Organisation) -> bool:
    if is_team_admin(user):
        return True
    return organisation.is_registered and is_organisation_admin(user, organisation)


def get_organisation_for_user(request: HttpRequest, slug: str) -> Organisation:
    return get_for_user(
        visible_organisations,
        request,
        {"slug": slug},
        allowed=can_view_organisation_learning,
    )
