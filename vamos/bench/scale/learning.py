"""Learning at 1×: 60 modules × 6 lessons (one in six also in English), 8 learning paths,
150 captioned videos, and the learners' records – 200,000 lesson-progress rows with their
module roll-ups, quiz attempts, certificates, video positions, transfer answers and sharing
consents.

Modules, lessons and paths are Wagtail pages: their ``Page`` rows are bulk-inserted with
computed tree paths, their own tables with :func:`insert_children`. Every video shares one
small WebM clip and its captions (copied once into the media storage).
"""

import datetime
import uuid
from io import BytesIO
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from vamos.learning.models import (
    Certificate,
    LearningLibraryPage,
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
    VideoCaption,
    VideoChapter,
    VideoProgress,
)
from vamos.learning.models.progress import CODE_ALPHABET

from .base import Scale, World, bulk, bulk_through, insert_children, page_rows, paragraph

DEMO_MEDIA = Path(__file__).resolve().parents[2] / "learning" / "demo_media"
CLIP = "learning/videos/bench-clip.webm"
CAPTIONS = {
    "de": "learning/captions/bench-clip.de.vtt",
    "en": "learning/captions/bench-clip.en.vtt",
}
LESSONS_PER_MODULE = 6
QUIZ_LESSONS = {2, 5}  # zero-based: lessons 3 and 6 end with a quiz
VIDEO_LESSONS = {0, 3}
TRANSFER_LESSON = 4
CHECKLIST_LESSON = 1

MODULE_TOPICS = {
    "strategie": [
        "Leitbild entwickeln",
        "Strategieworkshop planen",
        "Ziele formulieren",
        "Wirkung planen",
        "Zukunftswerkstatt",
    ],
    "projektmanagement": [
        "Projekte planen",
        "Meilensteine setzen",
        "Risiken erkennen",
        "Projektabschluss",
        "Agile Methoden",
    ],
    "organisation-fuehrung": [
        "Vorstandsarbeit",
        "Ehrenamt führen",
        "Aufgaben verteilen",
        "Konflikte lösen",
        "Generationenwechsel",
    ],
    "finanzierung": [
        "Fördermittel finden",
        "Anträge schreiben",
        "Finanzplanung",
        "Spenden gewinnen",
        "Verwendungsnachweis",
    ],
    "oeffentlichkeitsarbeit": [
        "Pressearbeit",
        "Social Media",
        "Website pflegen",
        "Jahresbericht",
        "Kampagnen",
    ],
    "netzwerk-interessenvertretung": [
        "Netzwerke aufbauen",
        "Lobbyarbeit",
        "Politische Gespräche",
        "Bündnisse schmieden",
        "Stellungnahmen",
    ],
    "mitgliedermanagement": [
        "Mitglieder gewinnen",
        "Mitglieder binden",
        "Mitgliederdaten",
        "Beiträge verwalten",
        "Mitgliederversammlung",
    ],
}


def seed(scale: Scale, world: World) -> None:
    _media()
    images = _images(scale, world)
    videos = _videos(scale, world, images)
    library_de, library_en = _libraries()
    modules = _modules(scale, world, library_de, library_en, videos, images)
    _paths(scale, world, library_de, modules)
    _progress(scale, world, modules)


def _media() -> None:
    """One clip and its captions in the media storage, shared by every video."""
    if not default_storage.exists(CLIP):
        default_storage.save(
            CLIP, ContentFile((DEMO_MEDIA / "foerdermittel-finden.webm").read_bytes())
        )
    for language, name in CAPTIONS.items():
        if not default_storage.exists(name):
            default_storage.save(
                name,
                ContentFile((DEMO_MEDIA / f"foerdermittel-finden.{language}.vtt").read_bytes()),
            )


def _images(scale: Scale, world: World) -> dict[int, Any]:
    """A cover image per topic field (what editors upload: a 1280×720 picture)."""
    image_model = get_image_model()
    images = {}
    colours = ["#004b76", "#7a2e8e", "#00704a", "#b3541e", "#a4123f", "#1d5d9b", "#5a5a00"]
    for topic, colour in zip(world.topic_fields, colours, strict=False):
        name = f"bench-{topic.slug}.png"
        picture = PILImage.new("RGB", (1280, 720), colour)
        buffer = BytesIO()
        picture.save(buffer, "PNG")
        image = image_model(title=f"Titelbild {topic.name_de}", file=ImageFile(buffer, name=name))
        image.save()
        images[topic.pk] = image
    return images


def _libraries() -> tuple[LearningLibraryPage, LearningLibraryPage]:
    german = Locale.objects.get_or_create(language_code="de")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    library_de = LearningLibraryPage.objects.filter(locale=german).first()
    if library_de is None:
        library_de = root.add_child(
            instance=LearningLibraryPage(
                title="Lernbibliothek",
                slug="lernbibliothek",
                locale=german,
                intro="E-Learning-Module, Lernpfade und Lernvideos in sieben Themenfeldern.",
            )
        )
    library_en = LearningLibraryPage.objects.filter(locale=english).first()
    if library_en is None:
        library_en = root.add_child(
            instance=LearningLibraryPage(
                title="Learning library",
                slug="learning-library",
                locale=english,
                translation_key=library_de.translation_key,
                intro="E-learning modules, learning paths and videos in seven topic fields.",
            )
        )
    return library_de, library_en


def _videos(scale: Scale, world: World, images: dict[int, Any]) -> list[Video]:
    videos = []
    topics = world.topic_fields
    for index in range(scale.n(150)):
        topic = scale.pick(topics)
        title = f"{scale.pick(MODULE_TOPICS[topic.slug])}: kurz erklärt ({index + 1})"
        published = scale.days_ago(scale.rng.randint(10, 1000))
        videos.append(
            Video(
                title_de=title,
                title_en=f"{title} (English)" if scale.chance(0.5) else "",
                slug=f"video-{index + 1}",
                description_de=paragraph(scale, 2),
                description_en="",
                language="de",
                file=CLIP,
                poster_id=images[topic.pk].pk,
                duration_seconds=scale.rng.randint(90, 900),
                transcript_de=paragraph(scale, 8),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
            )
        )
        videos[-1]._bench_topic = topic.pk  # type: ignore[attr-defined]
    videos = bulk(Video, videos, now=scale.now)
    bulk_through(Video.topic_fields, [(v.pk, v._bench_topic) for v in videos])  # type: ignore[attr-defined]
    bulk(
        VideoCaption,
        [
            VideoCaption(video_id=v.pk, language=language, file=name, sort_order=n)
            for v in videos
            for n, (language, name) in enumerate(CAPTIONS.items())
        ],
        now=scale.now,
    )
    bulk(
        VideoChapter,
        [
            VideoChapter(video_id=v.pk, start=start, title_de=title, title_en="", sort_order=n)
            for v in videos
            for n, (start, title) in enumerate(
                [("00:00", "Einführung"), ("01:30", "Beispiel aus der Praxis"), ("04:10", "Fazit")]
            )
        ],
        now=scale.now,
    )
    world.videos = videos
    world.counts["videos"] = len(videos)
    return videos


def _block_id(scale: Scale) -> str:
    return str(scale.uuid())


def _text(scale: Scale, heading: str) -> dict[str, Any]:
    body = "".join(f"<p>{paragraph(scale, 4)}</p>" for _ in range(3))
    return {
        "type": "text",
        "value": f"<h2>{heading}</h2>{body}<ul><li>{paragraph(scale, 1)}</li>"
        f"<li>{paragraph(scale, 1)}</li></ul>",
        "id": _block_id(scale),
    }


def _quiz(scale: Scale) -> dict[str, Any]:
    questions = []
    for number in range(3):
        correct = scale.rng.randrange(3)
        questions.append(
            {
                "type": "item",
                "id": _block_id(scale),
                "value": {
                    "question": f"Frage {number + 1}: {paragraph(scale, 1)}",
                    "kind": "single",
                    "answers": [
                        {
                            "type": "item",
                            "id": _block_id(scale),
                            "value": {
                                "text": paragraph(scale, 1)[:200],
                                "correct": n == correct,
                                "feedback": "Genau." if n == correct else "Nicht ganz.",
                            },
                        }
                        for n in range(3)
                    ],
                },
            }
        )
    return {
        "type": "quiz",
        "id": _block_id(scale),
        "value": {
            "title": "Prüfen Sie Ihr Wissen",
            "intro": "",
            "pass_mark": 80,
            "questions": questions,
        },
    }


def _lesson_body(scale: Scale, index: int, title: str, videos: list[Video]) -> list[dict]:
    body = [_text(scale, title)]
    if index in VIDEO_LESSONS:
        body.append(
            {
                "type": "video",
                "value": {"video": scale.pick(videos).pk, "note": ""},
                "id": _block_id(scale),
            }
        )
    body.append(_text(scale, "Aus der Praxis"))
    if index == CHECKLIST_LESSON:
        body.append(
            {
                "type": "checklist",
                "id": _block_id(scale),
                "value": {
                    "title": "Checkliste",
                    "items": [
                        {"type": "item", "value": paragraph(scale, 1)[:200], "id": _block_id(scale)}
                        for _ in range(5)
                    ],
                },
            }
        )
    if index == TRANSFER_LESSON:
        body.append(
            {
                "type": "transfer_task",
                "id": _block_id(scale),
                "value": {"prompt": "Wie setzen Sie das in Ihrem Verband um?", "hint": ""},
            }
        )
    if index in QUIZ_LESSONS:
        body.append(_quiz(scale))
    return body


class ModuleInfo:
    """A canonical (German) module and what learners' records refer to."""

    def __init__(self, page: ModulePage, lesson_keys: list[uuid.UUID], quizzes: dict) -> None:
        self.page = page
        self.key = page.translation_key
        self.lesson_keys = lesson_keys
        self.quizzes = quizzes  # lesson key → quiz block id
        self.transfer: tuple[uuid.UUID, str] | None = None
        self.title = page.title
        self.duration = page.duration_minutes
        self.topic_fields = ""


def _modules(
    scale: Scale,
    world: World,
    library_de: Page,
    library_en: Page,
    videos: list[Video],
    images: dict[int, Any],
) -> list[ModuleInfo]:
    topics = world.topic_fields
    count = scale.n(60)
    specs = []
    fields = []
    for index in range(count):
        topic = topics[index % len(topics)]
        title = f"{MODULE_TOPICS[topic.slug][(index // len(topics)) % 5]} – Teil {index // 35 + 1}"
        if index >= 35:
            title = f"{title} ({index + 1})"
        slug = f"modul-{index + 1}"
        specs.append(
            {
                "title": title,
                "slug": slug,
                "translation_key": scale.uuid(),
                "published_at": scale.days_ago(scale.rng.randint(30, 1000)),
            }
        )
        extra_topic = scale.pick(topics)
        fields.append(
            {
                "summary": paragraph(scale, 2)[:600],
                "level": scale.pick(["introductory", "intermediate", "advanced"]),
                "duration_minutes": scale.rng.choice([30, 45, 60, 90, 120]),
                "objectives": "\n".join(paragraph(scale, 1) for _ in range(4)),
                "cover_image_id": images[topic.pk].pk,
                "topics": sorted({topic.pk, extra_topic.pk}),
            }
        )
    pages = page_rows(library_de, ModulePage, specs, numchild=LESSONS_PER_MODULE)
    modules = [
        ModulePage(page_ptr_id=page.pk, **{k: v for k, v in data.items() if k != "topics"})
        for page, data in zip(pages, fields, strict=True)
    ]
    insert_children(ModulePage, modules)
    bulk_through(
        ModulePage.topic_fields,
        [
            (page.pk, topic)
            for page, data in zip(pages, fields, strict=True)
            for topic in data["topics"]
        ],
    )
    names = {t.pk: t.name_de for t in topics}
    infos = []
    lesson_specs_by_module = []
    for page, data in zip(pages, fields, strict=True):
        page.duration_minutes = data["duration_minutes"]
        lesson_specs = []
        for index in range(LESSONS_PER_MODULE):
            lesson_specs.append(
                {
                    "title": f"Lektion {index + 1}: {paragraph(scale, 1)[:60].rstrip('.')}",
                    "slug": f"lektion-{index + 1}",
                    "translation_key": scale.uuid(),
                    "published_at": page.first_published_at,
                }
            )
        lesson_specs_by_module.append(lesson_specs)
        info = ModuleInfo(page, [s["translation_key"] for s in lesson_specs], {})
        info.topic_fields = ", ".join(names[t] for t in data["topics"])
        infos.append(info)
    # Lessons: Page rows per module (one parent each), then their own table at once.
    lessons: list[LessonPage] = []
    for page, info, lesson_specs in zip(pages, infos, lesson_specs_by_module, strict=True):
        titles = [s["title"] for s in lesson_specs]
        rows = _lesson_rows(scale, page, lesson_specs)
        for index, (row, title) in enumerate(zip(rows, titles, strict=True)):
            body = _lesson_body(scale, index, title, videos)
            for block in body:
                if block["type"] == "quiz":
                    info.quizzes[row.translation_key] = block["id"]
                if block["type"] == "transfer_task":
                    info.transfer = (row.translation_key, block["id"])
            lessons.append(
                LessonPage(
                    page_ptr_id=row.pk,
                    summary=paragraph(scale, 1)[:400],
                    duration_minutes=scale.rng.choice([5, 10, 15, 20]),
                    body=body,
                )
            )
    insert_children(LessonPage, lessons)
    _translations(scale, library_en, pages, fields, infos, lesson_specs_by_module, videos)
    world.modules = infos
    world.counts["modules"] = len(infos)
    world.counts["lessons"] = len(lessons)
    return infos


def _lesson_rows(scale: Scale, module: Page, specs: list[dict[str, Any]]) -> list[Page]:
    return page_rows(module, LessonPage, [dict(s) for s in specs], numchild=0)


def _translations(
    scale: Scale,
    library_en: Page,
    pages: list[Page],
    fields: list[dict[str, Any]],
    infos: list[ModuleInfo],
    lesson_specs_by_module: list[list[dict[str, Any]]],
    videos: list[Video],
) -> None:
    """One module in six also exists in English (same translation keys)."""
    chosen = [i for i in range(len(pages)) if i % 6 == 0]
    specs = [
        {
            "title": f"{pages[i].title} (English)",
            "slug": f"module-{i + 1}",
            "translation_key": pages[i].translation_key,
            "published_at": pages[i].first_published_at,
        }
        for i in chosen
    ]
    english = page_rows(library_en, ModulePage, specs, numchild=LESSONS_PER_MODULE)
    insert_children(
        ModulePage,
        [
            ModulePage(page_ptr_id=page.pk, **{k: v for k, v in fields[i].items() if k != "topics"})
            for page, i in zip(english, chosen, strict=True)
        ],
    )
    bulk_through(
        ModulePage.topic_fields,
        [
            (page.pk, topic)
            for page, i in zip(english, chosen, strict=True)
            for topic in fields[i]["topics"]
        ],
    )
    lessons = []
    for page, i in zip(english, chosen, strict=True):
        lesson_specs = [
            {
                "title": f"Lesson {n + 1}",
                "slug": f"lesson-{n + 1}",
                "translation_key": spec["translation_key"],
                "published_at": spec["published_at"],
            }
            for n, spec in enumerate(lesson_specs_by_module[i])
        ]
        for n, row in enumerate(_lesson_rows(scale, page, lesson_specs)):
            lessons.append(
                LessonPage(
                    page_ptr_id=row.pk,
                    summary="",
                    duration_minutes=10,
                    body=_lesson_body(scale, n, row.title, videos),
                )
            )
    insert_children(LessonPage, lessons)


def _paths(scale: Scale, world: World, library_de: Page, modules: list[ModuleInfo]) -> None:
    count = scale.n(8)
    specs = [
        {
            "title": f"Lernpfad {n + 1}: "
            f"{scale.pick(MODULE_TOPICS[world.topic_fields[n % 7].slug])}",
            "slug": f"lernpfad-{n + 1}",
            "translation_key": scale.uuid(),
            "published_at": scale.days_ago(scale.rng.randint(30, 600)),
        }
        for n in range(count)
    ]
    pages = page_rows(library_de, LearningPathPage, specs, numchild=0)
    insert_children(
        LearningPathPage,
        [LearningPathPage(page_ptr_id=p.pk, intro=paragraph(scale, 2)) for p in pages],
    )
    bulk_through(
        LearningPathPage.topic_fields,
        [(p.pk, world.topic_fields[n % 7].pk) for n, p in enumerate(pages)],
    )
    bulk(
        LearningPathModule,
        [
            LearningPathModule(path_id=p.pk, module_id=m.page.pk, sort_order=order, note="")
            for p in pages
            for order, m in enumerate(scale.sample(modules, scale.rng.randint(4, 6)))
        ],
        now=scale.now,
    )


def _code(scale: Scale) -> str:
    raw = "".join(scale.rng.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _progress(scale: Scale, world: World, modules: list[ModuleInfo]) -> None:
    """About 200,000 lesson-progress rows at 1×: each learner starts a few to many modules;
    a little over half of the started modules are finished."""
    target = scale.n(200_000)
    learners = [u for u in world.people if scale.chance(0.85) or u.pk in _persona_ids(world)]
    mean_modules = target / max(1, len(learners)) / 4.3
    member = world.personas["member"]
    lesson_rows: list[LessonProgress] = []
    module_rows: list[ModuleProgress] = []
    quiz_rows: list[QuizAttempt] = []
    certificates: list[Certificate] = []
    transfers: list[TransferAnswer] = []
    for user in learners:
        if user.pk == member.pk:
            started = 14
        else:
            started = min(len(modules), int(scale.rng.expovariate(1 / mean_modules)))
        chosen = scale.sample(modules, started)
        for position, module in enumerate(chosen):
            if user.pk == member.pk and position == 0:
                done = 2  # the module the benchmark's learner is working on
            else:
                done = LESSONS_PER_MODULE if scale.chance(0.55) else scale.rng.randint(1, 5)
            begun = scale.days_ago(scale.rng.uniform(3, 700))
            last = begun
            completions = 0
            for n, key in enumerate(module.lesson_keys[:done]):
                visited = last + datetime.timedelta(hours=scale.rng.uniform(0.2, 72))
                completed = n < done - 1 or done == LESSONS_PER_MODULE or scale.chance(0.7)
                completions += completed
                lesson_rows.append(
                    LessonProgress(
                        user_id=user.pk,
                        lesson_key=key,
                        module_key=module.key,
                        started_at=visited,
                        last_visited_at=visited,
                        completed_at=visited if completed else None,
                        checklists={},
                    )
                )
                if completed and key in module.quizzes:
                    quiz_rows.append(
                        QuizAttempt(
                            user_id=user.pk,
                            lesson_key=key,
                            block_id=module.quizzes[key],
                            answers={},
                            correct=3,
                            questions=3,
                            pass_mark=80,
                            passed=True,
                            created_at=visited,
                        )
                    )
                if module.transfer and module.transfer[0] == key and scale.chance(0.3):
                    organisation = world.organisation_of.get(user.pk)
                    shared = scale.chance(0.4)
                    transfers.append(
                        TransferAnswer(
                            user_id=user.pk,
                            lesson_key=key,
                            module_key=module.key,
                            block_id=module.transfer[1],
                            module_title=module.title,
                            lesson_title="Lektion 5",
                            prompt="Wie setzen Sie das in Ihrem Verband um?",
                            answer=paragraph(scale, 3),
                            shared_with_id=organisation if shared else None,
                            shared_at=visited if shared else None,
                            created_at=visited,
                            updated_at=visited,
                        )
                    )
                last = visited
            finished = done == LESSONS_PER_MODULE
            module_rows.append(
                ModuleProgress(
                    user_id=user.pk,
                    module_key=module.key,
                    started_at=begun,
                    last_activity_at=last,
                    last_lesson_key=module.lesson_keys[done - 1],
                    lessons_completed=completions,
                    lessons_total=LESSONS_PER_MODULE,
                    completed_at=last if finished else None,
                )
            )
            if finished:
                certificates.append(
                    Certificate(
                        user_id=user.pk,
                        module_key=module.key,
                        code=_code(scale),
                        issued_at=last,
                        language=user.language,
                        learner_name=f"{user.first_name} {user.last_name}",
                        organisation_name="",
                        module_title=module.title,
                        topic_fields=module.topic_fields,
                        duration_minutes=module.duration,
                    )
                )
    bulk(LessonProgress, lesson_rows, now=scale.now)
    bulk(ModuleProgress, module_rows, now=scale.now)
    bulk(QuizAttempt, quiz_rows, now=scale.now)
    bulk(Certificate, certificates, now=scale.now)
    bulk(TransferAnswer, transfers, now=scale.now)
    videos = world.videos
    bulk(
        VideoProgress,
        [
            VideoProgress(
                user_id=user.pk,
                video_id=video.pk,
                position_seconds=position,
                duration_seconds=video.duration_seconds,
                watched_at=scale.now if position >= (video.duration_seconds or 0) else None,
                updated_at=scale.days_ago(scale.rng.uniform(1, 400)),
            )
            for user in learners
            if scale.chance(0.5)
            for video in scale.sample(videos, scale.rng.randint(1, 6))
            for position in [float(scale.rng.randint(0, video.duration_seconds or 60))]
        ],
        now=scale.now,
    )
    # Two in five people let their organisation's contact persons see their learning.
    consents = [
        SharingConsent(user_id=user_id, organisation_id=org_id, given_at=scale.days_ago(100))
        for org_id, user_ids in world.members_of.items()
        for user_id in user_ids
        if scale.chance(0.4)
    ]
    bulk(SharingConsent, consents, now=scale.now)
    world.counts["lesson progress"] = len(lesson_rows)
    world.counts["module progress"] = len(module_rows)
    world.counts["quiz attempts"] = len(quiz_rows)
    world.counts["certificates"] = len(certificates)
    world.counts["transfer answers"] = len(transfers)


def _persona_ids(world: World) -> set[int]:
    return {world.personas["member"].pk, world.personas["org_admin"].pk}
