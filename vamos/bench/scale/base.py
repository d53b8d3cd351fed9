"""What every part of the programme-scale data shares: the scale, the random source, the
clock, bulk inserts with historic time stamps, and the registry of what earlier parts made.

Deterministic: one ``random.Random`` seeded with a fixed value, and every time stamp relative
to ``today`` (an argument of ``seed_scale``), so the same scale and day give the same data.
"""

import datetime
import random
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from wagtail.models import Page

SEED = 20261127
# Rows per INSERT statement: below SQLite's variable limit for every model we insert.
BATCH = 500
DOMAIN = "scale.vamos.test"


@dataclass
class Persona:
    """A person the benchmark signs in as, and the objects of their key pages."""

    email: str
    role: str


@dataclass
class World:
    """What earlier parts created and later parts need (ids, not instances, where large)."""

    topic_fields: list[Any] = field(default_factory=list)
    team_admins: list[Any] = field(default_factory=list)
    coaches: list[Any] = field(default_factory=list)
    editors: list[Any] = field(default_factory=list)
    # Registered (active or paused) organisations, and every organisation's people.
    organisations: list[Any] = field(default_factory=list)
    federations: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    members_of: dict[int, list[int]] = field(default_factory=dict)  # organisation → user ids
    admins_of: dict[int, list[int]] = field(default_factory=dict)
    organisation_of: dict[int, int] = field(default_factory=dict)  # user → first organisation
    user_by_id: dict[int, Any] = field(default_factory=dict)
    # Learning: canonical module pk → (translation key, [lesson keys]); videos by pk.
    modules: list[Any] = field(default_factory=list)
    lesson_keys: dict[int, list[uuid.UUID]] = field(default_factory=dict)
    videos: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    # Who the benchmark signs in as and which objects its key pages show.
    personas: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


class Scale:
    def __init__(self, factor: float, today: datetime.date) -> None:
        self.factor = factor
        self.rng = random.Random(SEED)  # noqa: S311 – reproducible data, not secrets
        self.today = today
        tz = timezone.get_current_timezone()
        self.now = datetime.datetime.combine(today, datetime.time(9, 0), tzinfo=tz)

    def n(self, base: int) -> int:
        """``base`` (the volume at 1×) at this scale; at least one."""
        return max(1, round(base * self.factor))

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick[T](self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def sample[T](self, items: Sequence[T], k: int) -> list[T]:
        return self.rng.sample(list(items), min(k, len(items)))

    def weighted[T](self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.rng.choices(items, weights=weights)[0]

    def days_ago(self, days: float, *, hour: int | None = None) -> datetime.datetime:
        moment = self.now - datetime.timedelta(days=days)
        if hour is not None:
            moment = moment.replace(hour=hour, minute=0, second=0, microsecond=0)
        return moment

    def date_ago(self, days: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days)

    def moment_between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.datetime:
        if end <= start:
            return start
        seconds = (end - start).total_seconds()
        return start + datetime.timedelta(seconds=self.rng.random() * seconds)


def bulk[M: models.Model](model: type[M], objs: Iterable[M], *, now: datetime.datetime) -> list[M]:
    """Insert ``objs`` in batches; time stamps the caller left empty become ``now``."""
    objs = list(objs)
    stamps = _stamp_fields(model)
    if stamps:
        for obj in objs:
            for name in stamps:
                if getattr(obj, name) is None:
                    setattr(obj, name, now)
    created: list[M] = []
    with historic_timestamps(model):
        for start in range(0, len(objs), BATCH):
            created += model.objects.bulk_create(objs[start : start + BATCH])  # type: ignore[attr-defined]
    return created


def bulk_through(manager_field: Any, rows: Iterable[tuple[int, int]]) -> int:
    """Fill a many-to-many table: ``rows`` are (source pk, target pk)."""
    through = manager_field.through
    source, target = _through_columns(manager_field)
    objs = [through(**{source: a, target: b}) for a, b in rows]
    for start in range(0, len(objs), BATCH):
        through.objects.bulk_create(objs[start : start + BATCH])
    return len(objs)


def _through_columns(descriptor: Any) -> tuple[str, str]:
    field_ = descriptor.field
    source, target = field_.m2m_field_name() + "_id", field_.m2m_reverse_field_name() + "_id"
    return (target, source) if descriptor.reverse else (source, target)


def insert_children[M: models.Model](model: type[M], objs: list[M]) -> None:
    """Insert the child-table rows of multi-table-inherited pages whose ``Page`` rows exist.

    ``bulk_create`` refuses multi-table inheritance; this writes only the model's own table
    (the parent pointer and its local fields), exactly what ``Model.save`` does for it.
    """
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(objs), BATCH):
        model._base_manager._insert(  # type: ignore[attr-defined]
            objs[start : start + BATCH], fields=fields, using=connection.alias
        )


def page_rows(
    parent: Page, model: type[Page], specs: list[dict[str, Any]], *, numchild: int
) -> list[Page]:
    """Bulk-insert the ``Page`` rows of ``specs`` below ``parent`` (published)."""
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    depth = parent.depth + 1
    pages = []
    for offset, spec in enumerate(specs):
        published = spec.pop("published_at")
        pages.append(
            Page(
                path=Page._get_path(parent.path, depth, step + offset),
                depth=depth,
                numchild=numchild,
                title=spec["title"],
                draft_title=spec["title"],
                slug=spec["slug"],
                content_type=content_type,
                locale_id=parent.locale_id,
                url_path=f"{parent.url_path}{spec['slug']}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                latest_revision_created_at=published,
                translation_key=spec["translation_key"],
                seo_title="",
                search_description="",
                show_in_menus=False,
            )
        )
    pages = Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return pages


def _stamp_fields(model: type[models.Model]) -> list[str]:
    return [
        f.attname
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]


@contextmanager
def historic_timestamps(model: type[models.Model]) -> Iterator[None]:
    """Let a bulk insert keep the time stamps we give (``auto_now``/``auto_now_add`` would
    overwrite them with the time of seeding). Restored afterwards."""
    saved = []
    for f in model._meta.concrete_fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            saved.append((f, f.auto_now, f.auto_now_add))  # type: ignore[attr-defined]
            f.auto_now = False  # type: ignore[attr-defined]
            f.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now = auto_now
            f.auto_now_add = auto_now_add


# --- Realistic names ---------------------------------------------------------------------------

FIRST_NAMES = [
    "Ayşe",
    "Mehmet",
    "Fatma",
    "Ali",
    "Elif",
    "Yusuf",
    "Zeynep",
    "Hasan",
    "Leyla",
    "Omar",
    "Amina",
    "Karim",
    "Nadia",
    "Samir",
    "Rania",
    "Tarek",
    "Olga",
    "Dmitri",
    "Irina",
    "Sergej",
    "Natalia",
    "Pavel",
    "Ana",
    "Jovan",
    "Milena",
    "Goran",
    "Vesna",
    "Kwame",
    "Abena",
    "Kofi",
    "Ama",
    "Nguyen",
    "Linh",
    "Minh",
    "Thi",
    "Maria",
    "José",
    "Lucía",
    "Carlos",
    "Sofia",
    "Ahmad",
    "Mariam",
    "Bilal",
    "Hiba",
    "Jamal",
    "Laila",
    "Reza",
    "Shirin",
    "Dariush",
    "Parisa",
    "Anna",
    "Jonas",
    "Lena",
    "Lukas",
    "Hanna",
    "Paul",
    "Clara",
    "Felix",
    "Mira",
    "David",
]
LAST_NAMES = [
    "Yılmaz",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Öztürk",
    "Arslan",
    "Doğan",
    "Haddad",
    "Khalil",
    "Mansour",
    "Saleh",
    "Nasser",
    "Ivanova",
    "Petrov",
    "Smirnova",
    "Kuznetsov",
    "Jovanović",
    "Petrović",
    "Nikolić",
    "Mensah",
    "Owusu",
    "Boateng",
    "Asante",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Rodrigues",
    "Hosseini",
    "Ahmadi",
    "Karimi",
    "Rahimi",
    "Rezaei",
    "Schmidt",
    "Müller",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Bakr",
    "Osman",
]
COMMUNITIES = [
    "türkeistämmige Menschen",
    "Menschen aus Syrien",
    "die kurdische Community",
    "russischsprachige Menschen",
    "Menschen aus Westafrika",
    "die vietnamesische Community",
    "spanischsprachige Menschen",
    "Menschen aus dem Iran und Afghanistan",
    "Menschen aus dem ehemaligen Jugoslawien",
    "die polnische Community",
]
CITIES = {
    "BW": ["Stuttgart", "Mannheim", "Karlsruhe", "Freiburg"],
    "BY": ["München", "Nürnberg", "Augsburg", "Regensburg"],
    "BE": ["Berlin"],
    "BB": ["Potsdam", "Cottbus"],
    "HB": ["Bremen", "Bremerhaven"],
    "HH": ["Hamburg"],
    "HE": ["Frankfurt am Main", "Wiesbaden", "Kassel", "Offenbach"],
    "MV": ["Rostock", "Schwerin"],
    "NI": ["Hannover", "Braunschweig", "Osnabrück", "Göttingen"],
    "NW": ["Köln", "Düsseldorf", "Dortmund", "Essen", "Duisburg", "Bielefeld", "Bonn"],
    "RP": ["Mainz", "Ludwigshafen", "Koblenz"],
    "SL": ["Saarbrücken"],
    "SN": ["Leipzig", "Dresden", "Chemnitz"],
    "ST": ["Magdeburg", "Halle (Saale)"],
    "SH": ["Kiel", "Lübeck"],
    "TH": ["Erfurt", "Jena"],
}
# Federal states weighted roughly by population (where migrant organisations are).
STATE_WEIGHTS = {
    "NW": 22,
    "BY": 15,
    "BW": 14,
    "NI": 9,
    "HE": 8,
    "BE": 6,
    "SN": 4,
    "RP": 4,
    "HH": 3,
    "SH": 3,
    "BB": 2,
    "ST": 2,
    "TH": 2,
    "MV": 1,
    "HB": 2,
    "SL": 1,
}

SENTENCES_DE = [
    "Wir haben gemeinsam mit unseren Mitgliedsvereinen eine klare Aufgabenverteilung erarbeitet.",
    "Die Vorstandsarbeit ist überwiegend ehrenamtlich und braucht verlässliche Strukturen.",
    "Fördermittel zu beantragen kostet viel Zeit; eine Vorlage für Anträge hilft sehr.",
    "Unsere Öffentlichkeitsarbeit erreicht vor allem die eigene Community, kaum die Politik.",
    "Im Netzwerk mit anderen Landesverbänden entstehen neue Ideen für gemeinsame Projekte.",
    "Die Mitgliederverwaltung läuft bisher über Tabellen, die nur eine Person pflegt.",
    "Ein Leitbild gibt dem Verband Orientierung und erleichtert Entscheidungen im Vorstand.",
    "Projektplanung mit Meilensteinen macht Fortschritte für alle sichtbar.",
    "Junge Engagierte möchten wir stärker in die Verbandsarbeit einbinden.",
    "Die Zusammenarbeit mit Kommunen und Integrationsräten wollen wir ausbauen.",
    "Digitale Werkzeuge erleichtern die Abstimmung zwischen Haupt- und Ehrenamt.",
    "Eine Finanzplanung über mehrere Jahre macht den Verband unabhängiger von Projektmitteln.",
]


def paragraph(scale: Scale, sentences: int = 3) -> str:
    return " ".join(scale.rng.choice(SENTENCES_DE) for _ in range(sentences))


def person_name(scale: Scale) -> tuple[str, str]:
    return scale.pick(FIRST_NAMES), scale.pick(LAST_NAMES)
