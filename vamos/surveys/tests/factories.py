import datetime

import factory
from django.utils import timezone

from vamos.core.models import TopicField
from vamos.surveys.models import Choice, Question, Section, Survey, Wave


def today() -> datetime.date:
    return timezone.localdate()


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    kind = Survey.Kind.NEEDS
    title_de = factory.Sequence(lambda n: f"Bedarfserhebung {n}")
    title_en = factory.Sequence(lambda n: f"Needs assessment {n}")
    respondent = Survey.Respondent.ORGANISATION
    anonymous = False


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wave

    survey = factory.SubFactory(SurveyFactory)
    label = factory.Sequence(lambda n: f"Runde {n}")
    opens_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=20))
    is_published = True
    audience = Wave.Audience.ALL


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    wave = factory.SubFactory(WaveFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_de = factory.Sequence(lambda n: f"Abschnitt {n}")
    title_en = factory.Sequence(lambda n: f"Section {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    section = factory.SubFactory(SectionFactory)
    wave = factory.SelfAttribute("section.wave")
    key = factory.Sequence(lambda n: f"frage-{n}")
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.SCALE
    text_de = factory.Sequence(lambda n: f"Frage {n}?")
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    required = False

    @factory.post_generation
    def topics(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.topic_fields.set(TopicField.objects.filter(slug__in=extracted))

    @factory.post_generation
    def options(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            for position, value in enumerate(extracted, start=1):
                Choice.objects.create(
                    question=self,
                    value=value,
                    label_de=value.capitalize(),
                    label_en=value.upper(),
                    position=position,
                )


def needs_wave(**wave_kwargs: object) -> Wave:
    """A needs assessment round with two pages that exercises every question type:

    page 1: ``bedarf-strategie`` (scale, required, need indicator, Strategie),
            ``hat-personal`` (single choice ja/nein, required),
            ``personal-anzahl`` (number 0–500, only if ``hat-personal`` = ja)
    page 2: ``ranking`` (ranking of all topic fields, need indicator),
            ``formate`` (multiple choice), ``wuensche`` (long text)
    """
    wave = WaveFactory(**wave_kwargs)
    first = SectionFactory(wave=wave, position=1, title_de="Ihr Verband", title_en="You")
    second = SectionFactory(wave=wave, position=2, title_de="Themen", title_en="Topics")
    QuestionFactory(
        section=first,
        key="bedarf-strategie",
        position=1,
        kind=Question.Kind.SCALE,
        required=True,
        is_need_indicator=True,
        topics=["strategie"],
    )
    staff = QuestionFactory(
        section=first,
        key="hat-personal",
        position=2,
        kind=Question.Kind.SINGLE,
        required=True,
        options=["ja", "nein"],
    )
    QuestionFactory(
        section=first,
        key="personal-anzahl",
        position=3,
        kind=Question.Kind.NUMBER,
        required=True,
        number_min=0,
        number_max=500,
        condition_question=staff,
        condition_values=["ja"],
    )
    QuestionFactory(
        section=second,
        key="ranking",
        position=1,
        kind=Question.Kind.RANKING,
        is_need_indicator=True,
    )
    QuestionFactory(
        section=second,
        key="formate",
        position=2,
        kind=Question.Kind.MULTIPLE,
        options=["webinar", "praesenz", "coaching"],
    )
    QuestionFactory(section=second, key="wuensche", position=3, kind=Question.Kind.LONG_TEXT)
    return wave


def question(wave: Wave, key: str) -> Question:
    return Question.objects.get(wave=wave, key=key)


TOPIC_SLUGS = [
    "strategie",
    "projektmanagement",
    "organisation-fuehrung",
    "finanzierung",
    "oeffentlichkeitsarbeit",
    "netzwerk-interessenvertretung",
    "mitgliedermanagement",
]
