"""The catalogue: modules, learning paths and videos, filtered, sorted and paginated.

Everything the catalogue shows except the learner's own progress follows from the content
(pages, videos, captions, topic fields). It is kept in the cache under the data versions of
that content (:mod:`vamos.core.versions`), in two layers:

- the *index* per language: every item with its sort key and filter attributes, as plain
  data (built only when the content changed);
- per language, filter combination and page number: the dozen items that page shows and how
  many items match.

A request without a search text reads one page from the cache (one query for the versions)
and then only the learner's progress and the cover images of the shown items, so its cost
does not grow with the number of modules, paths and videos. A search text is matched live
(full-text search plus substring) and filters the cached index.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Q, QuerySet
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from vamos.core import versions
from vamos.core.models import TopicField

from .learner import LearnerStamp, learner_stamp, module_progress
from .models import (
    LearningLibraryPage,
    LearningPathModule,
    LearningPathPage,
    LessonPage,
    ModulePage,
    Video,
    VideoCaption,
    VideoProgress,
)
from .models.content import Level

logger = logging.getLogger(__name__)

CARD_IMAGE = "fill-480x270"
DEFAULT_LANGUAGE = "de"
PER_PAGE = 12

# What the cached catalogue is built from: a write to any of them makes every process rebuild.
SOURCES = (
    Page,
    LearningLibraryPage,
    ModulePage,
    LearningPathPage,
    LearningPathModule,
    Video,
    VideoCaption,
    TopicField,
)

DURATIONS = {
    "short": (0, 20),
    "medium": (21, 60),
    "long": (61, 100_000),
}
_KIND_ORDER = {"path": 0, "module": 1, "video": 2}


@dataclass
class CatalogueItem:
    """One card of the catalogue (plain data, so that it can be cached)."""

    kind: str  # "module", "path", "video"
    key: Any  # translation_key (modules, paths) or primary key (videos)
    title: str
    summary: str
    url: str
    topic_fields: list[str]  # names, in the topic fields' order
    duration_minutes: int | None
    languages: list[str]
    level: str = ""
    module_count: int = 0
    image_id: int | None = None
    topic_slugs: list[str] = field(default_factory=list)
    module_keys: list[Any] = field(default_factory=list)  # a path's modules, for progress
    # The learner's progress and the cover image, filled in for the shown items only.
    status: str = ""  # "", "started", "completed"
    percent: int = 0
    image: Any = None

    @property
    def sort_key(self) -> tuple[int, str]:
        return (_KIND_ORDER[self.kind], self.title.casefold())


@dataclass
class CataloguePage:
    """What one page of the catalogue shows: its items, how many match, the page number and
    the library's introduction."""

    items: list[CatalogueItem]
    count: int
    number: int
    intro: str = ""
    # The filter form's HTML for these filters (``render_filters``), cached with the page:
    # its options are the topic fields.
    filters_html: str = ""


def _cached[T](key: str, build: Callable[[], T]) -> T:
    return versions.cached(key, depends_on=SOURCES, build=build)


def _language() -> str:
    from .selectors import language_code

    return language_code()


# --- The index -------------------------------------------------------------------------------


def catalogue_index(language: str) -> list[CatalogueItem]:
    """Every published module, path and video as shown in ``language``, paths first, then by
    title (cached until the content changes)."""
    return _cached(f"learning:catalogue-index:{language}", lambda: _build_index(language))


def _build_index(language: str) -> list[CatalogueItem]:
    topics = {
        topic.pk: topic
        for topic in TopicField.objects.only("slug", "sort_order", "name_de", "name_en")
    }
    items = _module_items(language, topics) + _path_items(language, topics) + _video_items(topics)
    return sorted(items, key=lambda item: item.sort_key)


def _tagged(model: Any, pks: Iterable[Any], topics: dict[int, TopicField]) -> dict[Any, list[Any]]:
    """pk → its topic fields in their order (one query)."""
    relation = model._meta.get_field("topic_fields")
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    found: dict[Any, list[TopicField]] = defaultdict(list)
    for source_pk, topic_pk in relation.remote_field.through.objects.filter(
        **{f"{source}__in": list(pks)}
    ).values_list(source, target):
        if topic_pk in topics:
            found[source_pk].append(topics[topic_pk])
    return {
        pk: sorted(tagged, key=lambda t: (t.sort_order, t.slug)) for pk, tagged in found.items()
    }


def _page_groups(
    live: QuerySet[Any], fields: list[str], language: str
) -> list[tuple[dict, dict, list[str]]]:
    """(canonical version, version shown in ``language``, languages) per translation
    group, as rows."""
    rows = list(live.values("pk", "translation_key", "locale__language_code", *fields))
    by_key: dict[Any, dict[str, dict]] = defaultdict(dict)
    for row in rows:
        by_key[row["translation_key"]][row["locale__language_code"]] = row
    groups = []
    for versions_ in by_key.values():
        canonical = versions_.get(DEFAULT_LANGUAGE) or min(
            versions_.values(), key=lambda r: r["pk"]
        )
        groups.append((canonical, versions_.get(language, canonical), sorted(versions_)))
    return groups


def _module_items(language: str, topics: dict[int, TopicField]) -> list[CatalogueItem]:
    groups = _page_groups(
        ModulePage.objects.live(),
        ["title", "summary", "slug", "duration_minutes", "level", "cover_image_id"],
        language,
    )
    tagged = _tagged(ModulePage, [canonical["pk"] for canonical, _s, _l in groups], topics)
    levels = dict(Level.choices)
    items = []
    for canonical, shown, languages in groups:
        fields = tagged.get(canonical["pk"], [])
        items.append(
            CatalogueItem(
                kind="module",
                key=canonical["translation_key"],
                title=shown["title"],
                summary=shown["summary"],
                url=reverse("learning:module", kwargs={"slug": shown["slug"]}),
                topic_fields=[str(topic.name) for topic in fields],
                topic_slugs=[topic.slug for topic in fields],
                duration_minutes=canonical["duration_minutes"],
                languages=languages,
                level=str(levels.get(canonical["level"], canonical["level"])),
                image_id=canonical["cover_image_id"],
            )
        )
    return items


def _path_items(language: str, topics: dict[int, TopicField]) -> list[CatalogueItem]:
    groups = _page_groups(
        LearningPathPage.objects.live(), ["title", "intro", "slug", "cover_image_id"], language
    )
    pks = [canonical["pk"] for canonical, _s, _l in groups]
    tagged = _tagged(LearningPathPage, pks, topics)
    entries: dict[int, list[tuple[Any, int]]] = defaultdict(list)
    for path_id, module_key, minutes in (
        LearningPathModule.objects.filter(path_id__in=pks, module__live=True)
        .order_by("sort_order", "pk")
        .values_list("path_id", "module__translation_key", "module__duration_minutes")
    ):
        entries[path_id].append((module_key, minutes or 0))
    items = []
    for canonical, shown, languages in groups:
        fields = tagged.get(canonical["pk"], [])
        modules = entries.get(canonical["pk"], [])
        items.append(
            CatalogueItem(
                kind="path",
                key=canonical["translation_key"],
                title=shown["title"],
                summary=shown["intro"],
                url=reverse("learning:path", kwargs={"slug": shown["slug"]}),
                topic_fields=[str(topic.name) for topic in fields],
                topic_slugs=[topic.slug for topic in fields],
                duration_minutes=sum(minutes for _key, minutes in modules),
                languages=languages,
                module_count=len(modules),
                module_keys=[key for key, _minutes in modules],
                image_id=canonical["cover_image_id"],
            )
        )
    return items


def _video_items(topics: dict[int, TopicField]) -> list[CatalogueItem]:
    shown = _language()
    videos = list(
        Video.objects.filter(live=True).values(
            "pk",
            "slug",
            "language",
            "duration_seconds",
            "poster_id",
            "title_de",
            f"title_{shown}",
            "description_de",
            f"description_{shown}",
        )
    )
    captions: dict[int, set[str]] = defaultdict(set)
    for video_id, caption_language in VideoCaption.objects.filter(video__live=True).values_list(
        "video_id", "language"
    ):
        captions[video_id].add(caption_language)
    tagged = _tagged(Video, [video["pk"] for video in videos], topics)
    items = []
    for video in videos:
        seconds = video["duration_seconds"]
        minutes = round(seconds / 60) if seconds else None
        fields = tagged.get(video["pk"], [])
        items.append(
            CatalogueItem(
                kind="video",
                key=video["pk"],
                # As Video.title: the shown language, else German.
                title=video[f"title_{shown}"] or video["title_de"],
                summary=video[f"description_{shown}"] or video["description_de"],
                url=reverse("learning:video", kwargs={"slug": video["slug"]}),
                topic_fields=[str(topic.name) for topic in fields],
                topic_slugs=[topic.slug for topic in fields],
                duration_minutes=max(minutes, 1) if minutes is not None else None,
                languages=sorted({video["language"], *captions[video["pk"]]}),
                image_id=video["poster_id"],
            )
        )
    return items


# --- Filtering -------------------------------------------------------------------------------


def _matches_duration(minutes: int | None, duration: str) -> bool:
    if not duration:
        return True
    if minutes is None:
        return False
    low, high = DURATIONS[duration]
    return low <= minutes <= high


def _filtered(
    items: list[CatalogueItem],
    *,
    topic: str,
    kind: str,
    duration: str,
    language: str,
    found: dict[str, set[Any]] | None = None,
) -> list[CatalogueItem]:
    # A path's duration is the sum of its modules; a path without modules has none.
    return [
        item
        for item in items
        if (not kind or item.kind == kind)
        and (not topic or topic in item.topic_slugs)
        and (not language or language in item.languages)
        and _matches_duration(
            item.duration_minutes if item.kind != "path" or item.module_count else None,
            duration,
        )
        and (found is None or item.key in found[item.kind])
    ]


def _search_keys(model: Any, pages: QuerySet[Any], query: str, fields: list[str]) -> set[Any]:
    """translation_keys (or pks for videos) matching ``query``: Wagtail's full-text search
    plus a substring match, so that the start of a long German compound word finds it too."""
    substring = Q()
    for name in fields:
        substring |= Q(**{f"{name}__icontains": query})
    key = "pk" if model is Video else "translation_key"
    found = set(pages.filter(substring).values_list(key, flat=True))
    try:
        hits = get_search_backend().search(query, pages, operator="and")[:200]
        found |= {getattr(hit, key) for hit in hits}
    except DatabaseError:  # the full-text index is unavailable: substring hits still count
        logger.warning("Full-text search failed for %s", model.__name__, exc_info=True)
    return found


def _search_lessons(query: str) -> list[LessonPage]:
    pages = LessonPage.objects.live()
    hits = list(pages.filter(Q(title__icontains=query) | Q(summary__icontains=query)))
    try:
        hits += list(get_search_backend().search(query, pages, operator="and")[:200])
    except DatabaseError:  # see _search_keys
        logger.warning("Full-text search failed for lessons", exc_info=True)
    return hits


def _search(query: str, kind: str) -> dict[str, set[Any]]:
    """Keys per kind of the items matching the search text."""
    found: dict[str, set[Any]] = {"module": set(), "path": set(), "video": set()}
    if kind in ("", "module"):
        live = ModulePage.objects.live()
        keys = _search_keys(ModulePage, live, query, ["title", "summary", "objectives"])
        # A hit in a lesson finds its module (the lesson's parent in the page tree).
        parents = {lesson.path[: -ModulePage.steplen] for lesson in _search_lessons(query)}
        keys |= set(live.filter(path__in=parents).values_list("translation_key", flat=True))
        found["module"] = keys
    if kind in ("", "path"):
        live = LearningPathPage.objects.live()
        found["path"] = _search_keys(LearningPathPage, live, query, ["title", "intro"])
    if kind in ("", "video"):
        videos = Video.objects.filter(live=True)
        found["video"] = _search_keys(
            Video, videos, query, ["title_de", "title_en", "description_de", "description_en"]
        )
    return found


# --- Reading ---------------------------------------------------------------------------------


def catalogue(
    *,
    user: Any,
    query: str = "",
    topic: str = "",
    kind: str = "",
    duration: str = "",
    language: str = "",
) -> list[CatalogueItem]:
    """Every item matching the filters, paths first, with the learner's progress."""
    items = _filtered(
        catalogue_index(_language()),
        topic=topic,
        kind=kind,
        duration=duration,
        language=language,
        found=_search(query, kind) if query else None,
    )
    catalogue_personalise(items, user=user)
    return items


def _page_number(value: Any) -> int:
    """The requested page; out of range means the last page (as ``Paginator.get_page``)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 100_000 else 100_000


def _one_page(items: list[CatalogueItem], number: int, intro: str) -> CataloguePage:
    page = Paginator(items, PER_PAGE).get_page(number)
    return CataloguePage(
        items=list(page.object_list), count=page.paginator.count, number=page.number, intro=intro
    )


def _library_intro(language: str) -> str:
    libraries = LearningLibraryPage.objects.live()
    library = (
        libraries.filter(locale__language_code=language).values("intro").first()
        or libraries.values("intro").first()
    )
    return library["intro"] if library else ""


def catalogue_page(
    *,
    user: Any,
    page: Any = None,
    query: str = "",
    topic: str = "",
    kind: str = "",
    duration: str = "",
    language: str = "",
    render_filters: Callable[[], str] | None = None,
    stamp: LearnerStamp | None = None,
) -> CataloguePage:
    """One page of the catalogue with the learner's progress and the cover images.
    ``render_filters`` renders the filter form; without a search text its HTML is cached
    with the page (rendering each option is slow)."""
    shown = _language()
    number = _page_number(page)
    filters: dict[str, Any] = {
        "topic": topic,
        "kind": kind,
        "duration": duration,
        "language": language,
    }
    if query:
        index = catalogue_index(shown)
        matches = _filtered(index, **filters, found=_search(query, kind))
        result = _one_page(matches, number, _library_intro(shown))
        result.filters_html = render_filters() if render_filters else ""
    else:

        def build() -> CataloguePage:
            found = _filtered(catalogue_index(shown), **filters)
            result = _one_page(found, number, _library_intro(shown))
            result.filters_html = render_filters() if render_filters else ""
            return result

        cached = "filters" if render_filters else "plain"
        result = _cached(
            f"learning:catalogue:{shown}:{topic}:{kind}:{duration}:{language}:{number}:{cached}",
            build,
        )
    catalogue_personalise(result.items, user=user, stamp=stamp)
    catalogue_images(result.items)
    return result


def catalogue_personalise(
    items: list[CatalogueItem], *, user: Any, stamp: LearnerStamp | None = None
) -> None:
    """The learner's status on each of ``items`` (at most two queries; none for modules
    and paths while the learner's ``stamp`` is unchanged)."""
    if not getattr(user, "is_authenticated", False) or not items:
        return
    module_keys = {key for item in items for key in (item.module_keys or [item.key])}
    module_keys -= {item.key for item in items if item.kind == "video"}
    progress: dict[Any, tuple[int, int, Any]] = {}
    if module_keys:
        progress = module_progress(stamp=stamp or learner_stamp(user=user))
    video_ids = [item.key for item in items if item.kind == "video"]
    watched = {}
    if video_ids:
        watched = dict(
            VideoProgress.objects.filter(user=user, video_id__in=video_ids).values_list(
                "video_id", "watched_at"
            )
        )
    for item in items:
        if item.kind == "video":
            if item.key in watched:
                item.status = "completed" if watched[item.key] else "started"
        elif item.kind == "module":
            record = progress.get(item.key)
            if record is not None:
                done, total, completed_at = record
                item.status = "completed" if completed_at else "started"
                item.percent = round(100 * done / total) if total else 0
        else:
            completed = sum(1 for key in item.module_keys if (progress.get(key) or (0, 0, None))[2])
            started = any(key in progress for key in item.module_keys)
            if item.module_keys and completed == len(item.module_keys):
                item.status = "completed"
            elif started:
                item.status = "started"
            item.percent = round(100 * completed / len(item.module_keys)) if item.module_keys else 0


@dataclass(frozen=True)
class Cover:
    """A card's cover: its rendition's address and size (plain data, so it can be cached)."""

    url: str
    width: int
    height: int


def catalogue_images(items: list[CatalogueItem]) -> None:
    """The cover renditions of ``items`` (cached until an image changes; two queries and
    any missing renditions when not)."""
    wanted = sorted({item.image_id for item in items if item.image_id})
    if not wanted:
        return
    image_model = get_image_model()

    def build() -> dict[int, Cover]:
        images = image_model.objects.prefetch_renditions(CARD_IMAGE).in_bulk(wanted)
        covers = {}
        for pk, image in images.items():
            rendition = image.get_rendition(CARD_IMAGE)
            covers[pk] = Cover(rendition.url, rendition.width, rendition.height)
        return covers

    covers = versions.cached(
        f"learning:covers:{','.join(map(str, wanted))}", depends_on=[image_model], build=build
    )
    for item in items:
        item.image = covers.get(item.image_id) if item.image_id else None
