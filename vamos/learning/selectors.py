"""Reads of the learning area, with their joins applied (query counts do not grow with data).

Language: a module, lesson or path exists once per language as a Wagtail page; the versions
share a ``translation_key``. The *canonical* version is the German one where it exists (else
the only one); progress, completion and certificates refer to the canonical keys. Learners
see the version in their language and fall back to German, page by page.

Other apps use :func:`module_list`, :func:`module_get`, :func:`module_url`,
:func:`organisation_learning_summary`, :func:`user_learning_summary` and
:func:`transfer_answers_shared_with_coach`.
"""

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Page

from vamos.core import versions
from vamos.core.models import TopicField
from vamos.organisations.models import Membership, Organisation

from .catalogue import catalogue as catalogue  # the catalogue lives in its own module
from .learner import LearnerStamp, learner_stamp
from .models import (
    Certificate,
    LearningPathModule,
    LearningPathPage,
    LessonPage,
    LessonProgress,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    Video,
    VideoProgress,
)
from .permissions import visible_modules, visible_paths

logger = logging.getLogger(__name__)

CARD_IMAGE = "fill-480x270"
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def language_code() -> str:
    return (translation.get_language() or DEFAULT_LANGUAGE).split("-")[0]


def _with_cover(pages: QuerySet[Any]) -> QuerySet[Any]:
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
    return pages.prefetch_related(Prefetch("cover_image", queryset=images))


# --- Canonical versions and translations -----------------------------------------------------


def canonical_pages(pages: QuerySet[Any]) -> QuerySet[Any]:
    """One page per translation group: the German version, or the only existing one."""
    german = pages.filter(locale__language_code=DEFAULT_LANGUAGE)
    return pages.filter(
        Q(locale__language_code=DEFAULT_LANGUAGE)
        | ~Q(translation_key__in=german.values("translation_key"))
    )


def translations(pages: QuerySet[Any], keys: list[uuid.UUID], language: str) -> dict[Any, Any]:
    """translation_key → the live page in ``language`` (one query)."""
    if language == DEFAULT_LANGUAGE or not keys:
        return {}
    return {
        page.translation_key: page
        for page in pages.filter(translation_key__in=keys, locale__language_code=language)
    }


def languages_of(pages: QuerySet[Any], keys: list[uuid.UUID]) -> dict[Any, list[str]]:
    """translation_key → language codes with a live version (one query)."""
    found: dict[Any, list[str]] = defaultdict(list)
    for key, code in (
        pages.filter(translation_key__in=keys)
        .order_by("locale__language_code")
        .values_list("translation_key", "locale__language_code")
    ):
        found[key].append(code)
    return found


# --- Modules and lessons ---------------------------------------------------------------------


class LessonView:
    """A lesson as the learner sees it (in their language, else the canonical version). Its
    page, with the content, is read only when it is used: the lesson lists of a module need
    titles and addresses only."""

    def __init__(
        self,
        *,
        number: int,
        key: uuid.UUID,
        slug: str,
        title: str,
        duration_minutes: int | None = None,
        canonical_slug: str = "",
        page_pk: int | None = None,
        page: LessonPage | None = None,
        progress: LessonProgress | None = None,
    ) -> None:
        self.number = number
        self.key = key  # the canonical version's translation_key
        self.slug = slug
        self.title = title
        self.duration_minutes = duration_minutes
        self.canonical_slug = canonical_slug or slug
        self._page_pk = page_pk if page is None else page.pk
        self._page = page
        self.progress = progress

    @classmethod
    def of(cls, *, canonical: LessonPage, page: LessonPage, number: int) -> "LessonView":
        return cls(
            number=number,
            key=canonical.translation_key,
            slug=page.slug,
            title=page.title,
            duration_minutes=page.duration_minutes,
            canonical_slug=canonical.slug,
            page=page,
        )

    @property
    def page(self) -> LessonPage:
        if self._page is None:
            self._page = LessonPage.objects.select_related("locale").get(pk=self._page_pk)
        return self._page

    @page.setter
    def page(self, page: LessonPage) -> None:
        self._page = page

    @property
    def completed(self) -> bool:
        return bool(self.progress and self.progress.completed_at)

    @property
    def started(self) -> bool:
        return self.progress is not None

    @property
    def has_quiz(self) -> bool:
        return bool(self.page.blocks_of("quiz"))


class ModuleView:
    """A module as the learner sees it, with its lessons and the learner's progress. Its
    pages (canonical and shown version) are read only when they are used: a lesson needs the
    module's title and address only."""

    def __init__(
        self,
        *,
        key: uuid.UUID,
        slug: str,
        title: str,
        languages: list[str],
        canonical_pk: int | None = None,
        page_pk: int | None = None,
        canonical: ModulePage | None = None,
        page: ModulePage | None = None,
        lessons: list[LessonView] | None = None,
        progress: ModuleProgress | None = None,
    ) -> None:
        self.key = key
        self.slug = slug
        self.title = title
        self.languages = languages
        self._canonical_pk = canonical_pk if canonical is None else canonical.pk
        self._page_pk = page_pk if page is None else page.pk
        self._canonical = canonical
        self._page = page
        self.lessons = lessons if lessons is not None else []
        self.progress = progress

    @classmethod
    def of(cls, *, canonical: ModulePage, page: ModulePage, languages: list[str]) -> "ModuleView":
        return cls(
            key=canonical.translation_key,
            slug=page.slug,
            title=page.title,
            languages=languages,
            canonical=canonical,
            page=page,
        )

    @property
    def canonical(self) -> ModulePage:
        if self._canonical is None:
            self._canonical = (
                ModulePage.objects.select_related("locale")
                .prefetch_related("topic_fields")
                .get(pk=self._canonical_pk)
            )
        return self._canonical

    @property
    def page(self) -> ModulePage:
        if self._page is None:
            if self._page_pk == self._canonical_pk:
                self._page = self.canonical
            else:
                self._page = ModulePage.objects.select_related("locale").get(pk=self._page_pk)
        return self._page

    @property
    def completed_count(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.completed)

    @property
    def percent(self) -> int:
        if not self.lessons:
            return 0
        return round(100 * self.completed_count / len(self.lessons))

    @property
    def is_complete(self) -> bool:
        return bool(self.lessons) and self.completed_count == len(self.lessons)

    @property
    def next_lesson(self) -> LessonView | None:
        """Where to continue: the first lesson not completed (else the first)."""
        for lesson in self.lessons:
            if not lesson.completed:
                return lesson
        return self.lessons[0] if self.lessons else None

    def lesson(self, slug: str) -> LessonView | None:
        for lesson in self.lessons:
            if slug in (lesson.slug, lesson.canonical_slug):
                return lesson
        return None


def _module_group(found: ModulePage, language: str) -> tuple[ModulePage, ModulePage, list[str]]:
    versions_ = list(
        ModulePage.objects.live()
        .filter(translation_key=found.translation_key)
        .select_related("locale", "cover_image")
        .prefetch_related("topic_fields")
    )
    by_language = {page.locale.language_code: page for page in versions_}
    canonical = by_language.get(DEFAULT_LANGUAGE, found)
    shown = by_language.get(language, canonical)
    return canonical, shown, sorted(by_language)


def module_resolve(*, user: Any, slug: str, with_lessons: bool = True) -> ModuleView | None:
    """The module at ``slug`` (a slug of any of its language versions) as ``user`` sees it,
    with its pages (for the module's overview)."""
    language = language_code()
    candidates = list(
        visible_modules(user).filter(slug=slug).select_related("locale").order_by("pk")
    )
    if not candidates:
        return None
    found = next((p for p in candidates if p.locale.language_code == language), candidates[0])
    canonical, shown, languages = _module_group(found, language)
    module = ModuleView.of(canonical=canonical, page=shown, languages=languages)
    if with_lessons:
        outline = module_outline(key=module.key, language=language)
        module.lessons = _outline_lessons(outline) if outline else []
        if getattr(user, "is_authenticated", False):
            _attach_progress(user, module)
    return module


def module_for_lessons(*, user: Any, slug: str) -> ModuleView | None:
    """The module at ``slug`` (any language version) with its lessons and the learner's
    progress, for a lesson: the module's pages are not read (three queries when the
    module's outline is cached)."""
    language = language_code()
    candidates = list(
        visible_modules(user)
        .filter(slug=slug)
        .order_by("pk")
        .values_list("translation_key", "locale__language_code")
    )
    if not candidates:
        return None
    key = next((k for k, code in candidates if code == language), candidates[0][0])
    outline = module_outline(key=key, language=language)
    if outline is None:
        return None
    module = ModuleView(
        key=outline.key,
        slug=outline.slug,
        title=outline.title,
        languages=outline.languages,
        canonical_pk=outline.canonical_pk,
        page_pk=outline.pk,
        lessons=_outline_lessons(outline),
    )
    if getattr(user, "is_authenticated", False):
        _attach_progress(user, module)
    return module


def _outline_lessons(outline: "ModuleOutline") -> list[LessonView]:
    return [
        LessonView(
            number=number,
            key=lesson.key,
            slug=lesson.slug,
            title=lesson.title,
            duration_minutes=lesson.duration_minutes,
            canonical_slug=lesson.canonical_slug,
            page_pk=lesson.pk,
        )
        for number, lesson in enumerate(outline.lessons, start=1)
    ]


def module_lessons(*, canonical: ModulePage, language: str) -> list[LessonView]:
    lessons = list(LessonPage.objects.child_of(canonical).live().order_by("path"))
    shown = translations(
        LessonPage.objects.live(), [lesson.translation_key for lesson in lessons], language
    )
    return [
        LessonView.of(canonical=lesson, page=shown.get(lesson.translation_key, lesson), number=n)
        for n, lesson in enumerate(lessons, start=1)
    ]


def _attach_progress(user: Any, module: ModuleView) -> None:
    """The learner's progress in the module and its lessons (two queries)."""
    progress = {
        item.lesson_key: item
        for item in LessonProgress.objects.filter(
            user=user, lesson_key__in=[lesson.key for lesson in module.lessons]
        )
    }
    for lesson in module.lessons:
        lesson.progress = progress.get(lesson.key)
    module.progress = ModuleProgress.objects.filter(user=user, module_key=module.key).first()


def module_paths(*, module: ModuleView, user: Any) -> list[LearningPathPage]:
    """Learning paths (in the learner's language) that contain the module."""
    language = language_code()
    paths = list(
        canonical_pages(visible_paths(user))
        .filter(path_modules__module__translation_key=module.key)
        .distinct()
        .order_by("title")
    )
    shown = translations(visible_paths(user), [p.translation_key for p in paths], language)
    return [shown.get(path.translation_key, path) for path in paths]


def quiz_attempt_history(*, user: Any, lesson_key: uuid.UUID) -> list[QuizAttempt]:
    """Every attempt at the quizzes of one lesson, newest first."""
    return list(
        QuizAttempt.objects.filter(user=user, lesson_key=lesson_key).order_by("-created_at", "-id")
    )


def latest_attempts(history: Iterable[QuizAttempt]) -> dict[str, QuizAttempt]:
    """Latest attempt per quiz block of a lesson's history (newest first)."""
    latest: dict[str, QuizAttempt] = {}
    for attempt in history:
        latest.setdefault(attempt.block_id, attempt)
    return latest


def quiz_attempts(*, user: Any, lesson_key: uuid.UUID) -> dict[str, QuizAttempt]:
    """Latest attempt per quiz block of one lesson."""
    return latest_attempts(quiz_attempt_history(user=user, lesson_key=lesson_key))


def quizzes_passed(*, user: Any, lesson_key: uuid.UUID) -> set[str]:
    return set(
        QuizAttempt.objects.filter(user=user, lesson_key=lesson_key, passed=True).values_list(
            "block_id", flat=True
        )
    )


def transfer_answers_for_lesson(*, user: Any, lesson_key: uuid.UUID) -> dict[str, TransferAnswer]:
    return {
        answer.block_id: answer
        for answer in TransferAnswer.objects.filter(user=user, lesson_key=lesson_key)
    }


def video_positions(*, user: Any, video_ids: list[int]) -> dict[int, VideoProgress]:
    if not getattr(user, "is_authenticated", False) or not video_ids:
        return {}
    return {
        item.video_id: item
        for item in VideoProgress.objects.filter(user=user, video_id__in=video_ids)
    }


def videos_by_id(ids: list[int]) -> dict[int, Video]:
    """Live videos with what the player needs (captions, chapters, poster renditions), kept
    in the cache until a video, its captions, chapters, topic fields or poster change."""
    if not ids:
        return {}
    wanted = sorted(set(ids))
    return versions.cached(
        "videos:" + ",".join(map(str, wanted)),
        depends_on=[
            Video,
            "learning.videocaption",
            "learning.videochapter",
            TopicField,
            get_image_model(),
        ],
        # Without prefetched renditions: a cached empty list would make every request draw
        # the poster anew; the image tag finds the rendition through Wagtail's own cache.
        build=lambda: {
            video.pk: video
            for video in Video.objects.filter(pk__in=wanted, live=True)
            .select_related("poster")
            .prefetch_related("captions", "chapters", "topic_fields")
        },
    )


def _video_queryset(videos: QuerySet[Video]) -> QuerySet[Video]:
    images = get_image_model().objects.prefetch_renditions("fill-1280x720")
    return videos.filter(live=True).prefetch_related(
        "captions", "chapters", "topic_fields", Prefetch("poster", queryset=images)
    )


def _module_progress_map(user: Any, keys: list[Any]) -> dict[Any, ModuleProgress]:
    if not getattr(user, "is_authenticated", False) or not keys:
        return {}
    return {
        record.module_key: record
        for record in ModuleProgress.objects.filter(user=user, module_key__in=keys)
    }


# --- Learning paths --------------------------------------------------------------------------


@dataclass
class PathView:
    canonical: LearningPathPage
    page: LearningPathPage
    modules: list[tuple[ModulePage, str, ModuleProgress | None]]  # shown module, note, progress

    @property
    def completed_count(self) -> int:
        return sum(1 for _m, _n, record in self.modules if record and record.completed_at)

    @property
    def percent(self) -> int:
        return round(100 * self.completed_count / len(self.modules)) if self.modules else 0


def path_resolve(*, user: Any, path: LearningPathPage) -> PathView:
    language = language_code()
    versions = {
        page.locale.language_code: page
        for page in visible_paths(user)
        .filter(translation_key=path.translation_key)
        .select_related("locale", "cover_image")
        .prefetch_related("topic_fields")
    }
    canonical = versions.get(DEFAULT_LANGUAGE, path)
    shown = versions.get(language, canonical)
    entries = list(
        LearningPathModule.objects.filter(path=canonical, module__live=True)
        .select_related("module")
        .prefetch_related("module__topic_fields")
        .order_by("sort_order")
    )
    live = visible_modules(user)
    module_keys = [entry.module.translation_key for entry in entries]
    shown_modules = translations(live, module_keys, language)
    notes = {}
    if shown.pk != canonical.pk:
        notes = {
            entry.module.translation_key: entry.note
            for entry in LearningPathModule.objects.filter(path=shown).select_related("module")
        }
    progress = _module_progress_map(user, module_keys)
    return PathView(
        canonical=canonical,
        page=shown,
        modules=[
            (
                shown_modules.get(entry.module.translation_key, entry.module),
                notes.get(entry.module.translation_key) or entry.note,
                progress.get(entry.module.translation_key),
            )
            for entry in entries
        ],
    )


# --- Personal overview -----------------------------------------------------------------------


@dataclass
class PageRef:
    """Title and address of a page as the learner sees it (plain data)."""

    title: str
    slug: str


@dataclass
class MyModule:
    page: PageRef
    record: ModuleProgress
    certificate: Certificate | None


def page_param(value: str | None) -> str:
    """A page number from the address as part of a cache key: digits (at most six), else
    "1"; the paginator turns a number past the end into the last page."""
    return value if value and value.isdigit() and len(value) < 7 else "1"


def my_learning_overview(
    *, user: Any, stamp: LearnerStamp, modules_page: str, answers_page: str, per_page: int
) -> dict[str, Any]:
    """What "My learning" shows above the sharing choices: one page of the learner's modules
    and of their transfer-task answers (each with the address of its lesson), all valid
    certificates, the lesson to continue with and the counts."""
    modules = Paginator(my_module_records(user=user), per_page).get_page(modules_page)
    certificates = list(my_certificates(user=user))
    modules.object_list = my_modules(  # type: ignore[assignment]
        user=user, records=modules.object_list, certificates=certificates
    )
    answers = Paginator(my_transfer_answers(user=user), per_page).get_page(answers_page)
    urls = lesson_urls(lesson_keys=[answer.lesson_key for answer in answers])
    for answer in answers:
        answer.url = urls.get(answer.lesson_key, "")
    return {
        "modules_page": modules,
        "answers_page": answers,
        "certificates": certificates,
        "continue_with": continue_lesson(user=user, stamp=stamp),
        "summary": {
            "started": stamp.started,
            "completed": stamp.completed,
            "certificates": len(certificates),
        },
    }


def my_module_records(*, user: Any) -> QuerySet[ModuleProgress]:
    """The learner's progress in published modules, most recent activity first (for a
    paginator: the database counts and slices)."""
    live = ModulePage.objects.live().filter(translation_key=OuterRef("module_key"))
    return (
        ModuleProgress.objects.filter(user=user)
        .filter(Exists(live))
        .order_by("-last_activity_at", "-pk")
    )


def my_modules(
    *,
    user: Any,
    records: Iterable[ModuleProgress] | None = None,
    certificates: Iterable[Certificate] | None = None,
) -> list[MyModule]:
    """The learner's started and completed modules (``records``, else all of them), most
    recent activity first, with titles in the active language and certificates (from
    ``certificates``, the learner's valid ones, if the caller has read them already)."""
    if records is None:
        records = ModuleProgress.objects.filter(user=user).order_by("-last_activity_at")
    records = list(records)
    titles = module_titles(language=language_code())
    if certificates is None:
        certificates = Certificate.objects.filter(
            user=user,
            withdrawn_at__isnull=True,
            module_key__in=[record.module_key for record in records],
        )
    by_module = {certificate.module_key: certificate for certificate in certificates}
    result = []
    for record in records:
        found = titles.get(str(record.module_key))
        if found is not None:
            result.append(MyModule(PageRef(*found), record, by_module.get(record.module_key)))
    return result


@dataclass
class OutlineLesson:
    key: uuid.UUID  # the canonical version's translation_key
    pk: int  # the version shown in the language of the outline
    slug: str
    title: str
    duration_minutes: int | None
    canonical_slug: str


@dataclass
class ModuleOutline:
    """A published module and its published lessons as shown in one language (plain data:
    cached under the pages' data versions)."""

    key: uuid.UUID
    canonical_pk: int
    pk: int
    slug: str
    title: str
    language: str  # of the shown version
    languages: list[str]
    lessons: list[OutlineLesson]


OUTLINE_SOURCES = (Page, ModulePage, LessonPage)


def module_outline(*, key: Any, language: str) -> ModuleOutline | None:
    """The module with translation_key ``key`` in ``language`` (falling back to German),
    with its lessons in order; ``None`` if it is not published. One query when cached."""
    return versions.cached(
        f"learning:module-outline:{key}:{language}",
        depends_on=OUTLINE_SOURCES,
        build=lambda: _build_outline(key, language),
    )


def _build_outline(key: Any, language: str) -> ModuleOutline | None:
    versions_ = {
        row["locale__language_code"]: row
        for row in ModulePage.objects.live()
        .filter(translation_key=key)
        .order_by("-pk")
        .values("pk", "slug", "title", "path", "depth", "locale__language_code")
    }
    if not versions_:
        return None
    canonical = versions_.get(DEFAULT_LANGUAGE) or min(versions_.values(), key=lambda r: r["pk"])
    shown = versions_.get(language, canonical)
    fields = ("translation_key", "pk", "slug", "title", "duration_minutes")
    lessons = list(
        LessonPage.objects.live()
        .filter(path__startswith=canonical["path"], depth=canonical["depth"] + 1)
        .order_by("path")
        .values(*fields)
    )
    translated = {}
    if language != DEFAULT_LANGUAGE and lessons:
        translated = {
            row["translation_key"]: row
            for row in LessonPage.objects.live()
            .filter(
                translation_key__in=[row["translation_key"] for row in lessons],
                locale__language_code=language,
            )
            .values(*fields)
        }
    return ModuleOutline(
        key=key,
        canonical_pk=canonical["pk"],
        pk=shown["pk"],
        slug=shown["slug"],
        title=shown["title"],
        language=shown["locale__language_code"],
        languages=sorted(versions_),
        lessons=[
            OutlineLesson(
                key=row["translation_key"],
                pk=page["pk"],
                slug=page["slug"],
                title=page["title"],
                duration_minutes=page["duration_minutes"],
                canonical_slug=row["slug"],
            )
            for row in lessons
            for page in [translated.get(row["translation_key"], row)]
        ],
    )


def continue_lesson(
    *, user: Any, stamp: LearnerStamp | None = None
) -> tuple[ModuleOutline, OutlineLesson, ModuleProgress] | None:
    """The lesson to continue with: the first lesson not completed of the most recently
    active unfinished module (module and lesson as shown in the active language). Cached
    under the learner's ``stamp`` (read here if not given) and the pages' data versions."""
    if not getattr(user, "is_authenticated", False):
        return None
    stamp = stamp or learner_stamp(user=user)
    if stamp.started == stamp.completed:
        return None
    language = language_code()
    return versions.cached(
        f"learning:continue:{stamp.key}:{language}",
        depends_on=OUTLINE_SOURCES,
        build=lambda: _continue_lesson(user, language),
    )


def _continue_lesson(
    user: Any, language: str
) -> tuple[ModuleOutline, OutlineLesson, ModuleProgress] | None:
    record = (
        ModuleProgress.objects.filter(user=user, completed_at__isnull=True)
        .order_by("-last_activity_at")
        .first()
    )
    if record is None:
        return None
    outline = module_outline(key=record.module_key, language=language)
    if outline is None or not outline.lessons:
        return None
    completed = set(
        LessonProgress.objects.filter(
            user=user, module_key=record.module_key, completed_at__isnull=False
        ).values_list("lesson_key", flat=True)
    )
    lesson = next((item for item in outline.lessons if item.key not in completed), None)
    return outline, lesson or outline.lessons[0], record


def lesson_urls(*, lesson_keys: list[Any]) -> dict[Any, str]:
    """translation_key → the learner's address of a published lesson (two queries)."""
    if not lesson_keys:
        return {}
    versions_: dict[Any, dict[str, tuple[int, str, str]]] = defaultdict(dict)
    for key, code, pk, slug, path in (
        LessonPage.objects.live()
        .filter(translation_key__in=lesson_keys)
        .values_list("translation_key", "locale__language_code", "pk", "slug", "path")
    ):
        versions_[key][code] = (pk, slug, path)
    lessons = {
        key: found.get(DEFAULT_LANGUAGE) or min(found.values()) for key, found in versions_.items()
    }
    parents = dict(
        ModulePage.objects.live()
        .filter(path__in=[path[: -LessonPage.steplen] for _pk, _slug, path in lessons.values()])
        .values_list("path", "slug")
    )
    urls = {}
    for key, (_pk, slug, path) in lessons.items():
        module_slug = parents.get(path[: -LessonPage.steplen])
        if module_slug:
            urls[key] = reverse(
                "learning:lesson", kwargs={"module_slug": module_slug, "lesson_slug": slug}
            )
    return urls


def my_certificates(*, user: Any) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user=user, withdrawn_at__isnull=True).order_by("-issued_at")


def my_transfer_answers(*, user: Any) -> QuerySet[TransferAnswer]:
    return TransferAnswer.objects.filter(user=user).select_related("shared_with")


def sharing_choices(*, user: Any) -> list[tuple[Organisation, bool]]:
    """The learner's registered organisations and whether they share details with each."""
    memberships = (
        Membership.objects.filter(user=user, organisation__status__in=["active", "paused"])
        .select_related("organisation")
        .annotate(
            sharing=Exists(
                SharingConsent.objects.filter(user=user, organisation=OuterRef("organisation"))
            )
        )
        .order_by("organisation__name")
    )
    return [(m.organisation, m.sharing) for m in memberships]


@dataclass(frozen=True)
class OrganisationRef:
    pk: int
    name: str


def sharing_overview(*, user: Any) -> list[tuple[OrganisationRef, bool]]:
    """:func:`sharing_choices` as plain data, cached until memberships, organisations or
    consents change."""
    return versions.cached(
        f"learning:sharing:{user.pk}",
        depends_on=[Membership, Organisation, SharingConsent],
        build=lambda: [
            (OrganisationRef(organisation.pk, organisation.name), shares)
            for organisation, shares in sharing_choices(user=user)
        ],
    )


def learner_organisations(*, user: Any) -> list[Organisation]:
    return [organisation for organisation, _sharing in sharing_choices(user=user)]


def user_module_counts(*, user: Any) -> dict[str, int]:
    """Modules the learner started and completed (one query)."""
    stamp = learner_stamp(user=user)
    return {"started": stamp.started, "completed": stamp.completed}


def user_learning_summary(*, user: Any) -> dict[str, Any]:
    """Counts for the dashboard and other apps: modules started and completed, certificates."""
    return {
        **user_module_counts(user=user),
        "certificates": Certificate.objects.filter(user=user, withdrawn_at__isnull=True).count(),
    }


# --- Organisations ---------------------------------------------------------------------------


@dataclass
class ModuleCount:
    page: ModulePage
    started: int
    completed: int


class CertificateLine(NamedTuple):
    code: str
    module_title: str
    issued_at: datetime


@dataclass
class MemberLearning:
    membership: Membership
    started: int
    completed: int
    last_activity: datetime | None
    certificates: list["CertificateLine"]


def organisation_module_counts(*, organisation: Organisation) -> list[ModuleCount]:
    """Per module: how many members started and completed it (counts only, no names)."""
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    rows = (
        ModuleProgress.objects.filter(user_id__in=members)
        .values("module_key")
        .annotate(
            started=Count("user_id", distinct=True),
            completed=Count("user_id", filter=Q(completed_at__isnull=False), distinct=True),
        )
    )
    counts = {row["module_key"]: row for row in rows}
    live = ModulePage.objects.live()
    pages = {
        page.translation_key: page
        for page in canonical_pages(live).filter(translation_key__in=list(counts))
    }
    shown = translations(live, list(pages), language_code())
    result = [
        ModuleCount(
            page=shown.get(key) or pages[key],
            started=counts[key]["started"],
            completed=counts[key]["completed"],
        )
        for key in counts
        if key in pages
    ]
    return sorted(result, key=lambda row: (-row.started, row.page.title.casefold()))


def module_titles(*, language: str) -> dict[str, tuple[str, str]]:
    """translation_key (as text) → title and slug of every published module in ``language``
    (else its canonical version); cached until a page changes."""

    def build() -> dict[str, tuple[str, str]]:
        found: dict[str, dict[str, tuple[int, str, str]]] = defaultdict(dict)
        for key, code, pk, title, slug in ModulePage.objects.live().values_list(
            "translation_key", "locale__language_code", "pk", "title", "slug"
        ):
            found[str(key)][code] = (pk, title, slug)
        titles = {}
        for key, versions_ in found.items():
            chosen = versions_.get(language) or versions_.get(DEFAULT_LANGUAGE)
            chosen = chosen or min(versions_.values())
            titles[key] = (chosen[1], chosen[2])
        return titles

    return versions.cached(
        f"learning:module-titles:{language}", depends_on=OUTLINE_SOURCES, build=build
    )


def organisation_module_rows(*, organisation: Organisation) -> list[dict[str, Any]]:
    """Per published module: how many members started and completed it (counts only, no
    names), with its title and address in the active language; most started first."""
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    counts = (
        ModuleProgress.objects.filter(user_id__in=members)
        .order_by()
        .values("module_key")
        .annotate(
            started=Count("user_id", distinct=True),
            completed=Count("user_id", filter=Q(completed_at__isnull=False), distinct=True),
        )
    )
    titles = module_titles(language=language_code())
    rows = []
    for row in counts:
        found = titles.get(str(row["module_key"]))
        if found is not None:
            url = reverse("learning:module", kwargs={"slug": found[1]})
            rows.append({**row, "title": found[0], "slug": found[1], "url": url})
    return sorted(rows, key=lambda row: (-row["started"], row["title"].casefold()))


def organisation_learning_summary(*, organisation: Organisation) -> dict[str, int]:
    """Counts for an organisation: members, learners, completed modules, certificates."""
    members = Membership.objects.filter(organisation=organisation).values("user_id")
    progress = ModuleProgress.objects.filter(user_id__in=members).aggregate(
        learners=Count("user_id", distinct=True),
        completions=Count("pk", filter=Q(completed_at__isnull=False)),
    )
    return {
        "members": Membership.objects.filter(organisation=organisation).count(),
        "learners": progress["learners"],
        "completions": progress["completions"],
        "certificates": Certificate.objects.filter(
            user_id__in=members, withdrawn_at__isnull=True
        ).count(),
        "sharing": SharingConsent.objects.filter(
            organisation=organisation, user_id__in=members
        ).count(),
    }


ORGANISATION_SOURCES = (
    Membership,
    ModuleProgress,
    Certificate,
    SharingConsent,
    *OUTLINE_SOURCES,
)


def organisation_learning_figures(*, organisation: Organisation) -> dict[str, Any]:
    """The organisation's counts (:func:`organisation_learning_summary`) and its modules
    (:func:`organisation_module_rows`) in the active language, cached until one of the
    members, their progress, certificates or consents or a module changes. Counts only:
    nothing in it names a person."""
    language = language_code()
    return versions.cached(
        f"learning:organisation:{organisation.pk}:{language}",
        depends_on=ORGANISATION_SOURCES,
        build=lambda: {
            "summary": organisation_learning_summary(organisation=organisation),
            "modules": organisation_module_rows(organisation=organisation),
        },
    )


def organisation_sharing_members(*, organisation: Organisation) -> QuerySet[Membership]:
    """Memberships of people who agreed to share their learning with this organisation."""
    consents = SharingConsent.objects.filter(organisation=organisation, user=OuterRef("user"))
    return (
        Membership.objects.filter(organisation=organisation)
        .filter(Exists(consents))
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def member_learning(*, memberships: list[Membership]) -> list[MemberLearning]:
    """Learning details for one page of consenting members (constant number of queries)."""
    user_ids = [m.user_id for m in memberships]
    stats = {
        row["user_id"]: row
        for row in ModuleProgress.objects.filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(
            started=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
            last=Max("last_activity_at"),
        )
    }
    certificates: dict[int, list[CertificateLine]] = defaultdict(list)
    for user_id, code, title, issued_at in (
        Certificate.objects.filter(user_id__in=user_ids, withdrawn_at__isnull=True)
        .order_by("-issued_at")
        .values_list("user_id", "code", "module_title", "issued_at")
    ):
        certificates[user_id].append(CertificateLine(code, title, issued_at))
    return [
        MemberLearning(
            membership=m,
            started=stats.get(m.user_id, {}).get("started", 0),
            completed=stats.get(m.user_id, {}).get("completed", 0),
            last_activity=stats.get(m.user_id, {}).get("last"),
            certificates=certificates[m.user_id],
        )
        for m in memberships
    ]


@dataclass(frozen=True)
class MemberRow:
    """One consenting member's learning, as the organisation view shows it (plain data)."""

    name: str
    started: int
    completed: int
    last_activity: datetime | None
    certificates: list["CertificateLine"]


@dataclass(frozen=True)
class PageInfo:
    """What a pagination control needs of a page (plain data, unlike a Paginator page)."""

    number: int
    num_pages: int

    @property
    def paginator(self) -> "PageInfo":
        return self

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def organisation_member_rows(
    *, organisation: Organisation, page: str | None, per_page: int
) -> tuple[PageInfo, list[MemberRow]]:
    """One page of the consenting members' learning, kept in the cache until memberships,
    consents, progress, certificates or names change."""
    number = page_param(page)

    def build() -> tuple[PageInfo, list[MemberRow]]:
        found = Paginator(organisation_sharing_members(organisation=organisation), per_page)
        shown = found.get_page(number)
        rows = [
            MemberRow(
                name=row.membership.user.display_name,
                started=row.started,
                completed=row.completed,
                last_activity=row.last_activity,
                certificates=list(row.certificates),
            )
            for row in member_learning(memberships=list(shown.object_list))
        ]
        return PageInfo(number=shown.number, num_pages=found.num_pages), rows

    return versions.cached(
        f"organisation-members:{organisation.pk}:{number}:{per_page}",
        depends_on=[Membership, SharingConsent, ModuleProgress, Certificate, get_user_model()],
        build=build,
        timeout=600,
    )


def transfer_answers_shared_with_coach(*, organisation: Organisation) -> QuerySet[TransferAnswer]:
    """Transfer-task answers members shared with the coach of ``organisation`` (for the
    journeys app, which decides which coach may read them)."""
    return (
        TransferAnswer.objects.filter(shared_with=organisation, shared_at__isnull=False)
        .select_related("user")
        .order_by("-shared_at")
    )


# --- For other apps --------------------------------------------------------------------------


def module_list(*, topic_field: TopicField | None = None) -> QuerySet[ModulePage]:
    """Published modules, one per translation group (the canonical version), by title."""
    modules = canonical_pages(ModulePage.objects.live()).prefetch_related("topic_fields")
    if topic_field is not None:
        modules = modules.filter(topic_fields=topic_field)
    return modules.order_by("title")


def module_get(*, pk: int) -> ModulePage | None:
    """A published module by primary key (any language version), or ``None``."""
    return ModulePage.objects.live().filter(pk=pk).first()


def module_url(module: ModulePage) -> str:
    """The learner's address of a module, in the active language."""
    return reverse("learning:module", kwargs={"slug": module.slug})


# --- For reports (aggregates; the query count does not grow with the data) -----------------


def _in_period(field: str, start: Any, end: Any) -> Q:
    """``field`` falls on one of the days ``start`` … ``end`` (local time), compared as a
    range so that the database needs no function call per row."""
    low = timezone.make_aware(datetime.combine(start, time.min))
    high = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})


def _module_keys(topic_field: TopicField | None) -> Any:
    modules = ModulePage.objects.all()
    if topic_field is not None:
        modules = modules.filter(topic_fields=topic_field)
    return modules.values("translation_key")


def learning_report_figures(
    *, start: Any, end: Any, learners: QuerySet[Any], topic_field: TopicField | None = None
) -> dict[str, Any]:
    """Module starts and completions (in total and per topic field – a module with several
    topic fields counts in each), certificates issued and active learners in the period,
    for the people in ``learners`` (a queryset of user ids)."""
    progress = ModuleProgress.objects.filter(user_id__in=learners)
    if topic_field is not None:
        progress = progress.filter(module_key__in=_module_keys(topic_field))
    totals = progress.aggregate(
        starts=Count("pk", filter=_in_period("started_at", start, end)),
        completions=Count("pk", filter=_in_period("completed_at", start, end)),
        learners=Count("user_id", filter=_in_period("started_at", start, end), distinct=True),
        completers=Count("user_id", filter=_in_period("completed_at", start, end), distinct=True),
    )
    certificates = Certificate.objects.filter(
        user_id__in=learners, withdrawn_at__isnull=True
    ).filter(_in_period("issued_at", start, end))
    if topic_field is not None:
        certificates = certificates.filter(module_key__in=_module_keys(topic_field))
    lessons = _lessons_in_period(start, end).filter(user_id=OuterRef("pk"))
    if topic_field is not None:
        lessons = lessons.filter(module_key__in=_module_keys(topic_field))
    # Per module (grouped in the database), then per topic field over the few modules.
    per_module = _starts_and_completions_per_module(progress, start=start, end=end)
    fields_of: dict[Any, set[int]] = defaultdict(set)
    for key, field_id in ModulePage.topic_fields.through.objects.values_list(
        "modulepage__translation_key", "topicfield_id"
    ):
        fields_of[key].add(field_id)
    by_topic_field: dict[int, tuple[int, int]] = {}
    for key, (starts, completions) in per_module.items():
        for field_id in fields_of.get(key, ()):
            before = by_topic_field.get(field_id, (0, 0))
            by_topic_field[field_id] = (before[0] + starts, before[1] + completions)
    return {
        **totals,
        "certificates": certificates.count(),
        "active_learners": get_user_model()
        .objects.filter(pk__in=learners)
        .filter(Exists(lessons))
        .count(),
        "by_topic_field": by_topic_field,
        "top_modules": _top_modules(per_module, limit=10),
    }


def _starts_and_completions_per_module(
    progress: QuerySet[ModuleProgress], *, start: Any, end: Any
) -> dict[Any, tuple[int, int]]:
    """``{module_key: (starts, completions)}`` in the period, grouped by the database over
    the period's rows only."""
    return {
        row["module_key"]: (row["starts"], row["completions"])
        for row in progress.filter(
            _in_period("started_at", start, end) | _in_period("completed_at", start, end)
        )
        .order_by()
        .values("module_key")
        .annotate(
            starts=Count("pk", filter=_in_period("started_at", start, end)),
            completions=Count("pk", filter=_in_period("completed_at", start, end)),
        )
    }


def _top_modules(per_module: dict[Any, tuple[int, int]], *, limit: int) -> list[dict[str, Any]]:
    """The most started of ``per_module`` (ties: more completions, then the key) with their
    canonical pages (one query)."""
    ranked = sorted(per_module.items(), key=lambda item: (-item[1][0], -item[1][1], str(item[0])))
    pages: dict[Any, ModulePage] = {}
    for page in canonical_pages(ModulePage.objects.all()).filter(
        translation_key__in=[key for key, _counts in ranked]
    ):
        pages[page.translation_key] = page
    return [
        {"page": pages[key], "starts": starts, "completions": completions}
        for key, (starts, completions) in ranked
        if key in pages
    ][:limit]


def top_modules(
    *,
    start: Any,
    end: Any,
    learners: QuerySet[Any],
    topic_field: TopicField | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """The most started modules of the period: canonical page, starts, completions (also in
    ``learning_report_figures(...)["top_modules"]``)."""
    progress = ModuleProgress.objects.filter(user_id__in=learners)
    if topic_field is not None:
        progress = progress.filter(module_key__in=_module_keys(topic_field))
    per_module = _starts_and_completions_per_module(progress, start=start, end=end)
    return _top_modules(per_module, limit=limit)


def top_videos(
    *,
    start: Any,
    end: Any,
    learners: QuerySet[Any],
    topic_field: TopicField | None = None,
    limit: int = 10,
) -> QuerySet[Video]:
    """The most watched videos: people whose last viewing falls in the period, and people
    who watched to the end in the period."""
    viewed = _in_period("progress__updated_at", start, end)
    finished = _in_period("progress__watched_at", start, end)
    videos = Video.objects.all()
    if topic_field is not None:
        videos = videos.filter(pk__in=Video.objects.filter(topic_fields=topic_field).values("pk"))
    # One filter() before annotate(): the counts run over the joined positions of the period's
    # learners only, not over every position ever saved.
    return (
        videos.filter(viewed | finished, progress__user_id__in=learners)
        .annotate(
            viewers=Count("progress", filter=viewed, distinct=True),
            finished=Count("progress", filter=finished, distinct=True),
        )
        .filter(Q(viewers__gt=0) | Q(finished__gt=0))
        .order_by("-viewers", "-finished", "title_de")[:limit]
    )


def _lessons_in_period(start: Any, end: Any) -> QuerySet[LessonProgress]:
    return LessonProgress.objects.filter(
        _in_period("started_at", start, end) | _in_period("completed_at", start, end)
    )


def lesson_activity_in_period(*, start: Any, end: Any, user: Any) -> Exists:
    """Whether the person ``user`` (an ``OuterRef``, e.g. to a membership's ``user_id``)
    started or completed a lesson in the period, for filters in reports. Asked per person
    through the (user, module) index: listing the period's lessons instead scans every lesson
    ever started."""
    return Exists(_lessons_in_period(start, end).filter(user_id=user))
