"""Demo surveys: the needs assessment 2025 (closed) and 2026 (open until mid-December), the
Verbands-Check in both rounds, and feedback for past events – answered by most demo
organisations. LaMO NRW (Ayşe) has answered 2025 but not yet 2026, so its admin can try
answering, drafts and "last year's answers" herself."""

import datetime
import random
from typing import Any

from django.utils import timezone

from vamos.core.models import TopicField
from vamos.organisations.models import Membership, Organisation
from vamos.surveys.models import (
    Answer,
    Choice,
    Participation,
    Question,
    Response,
    Section,
    Survey,
    Wave,
    WaveInvitation,
)
from vamos.surveys.questionnaire import wave_questions
from vamos.surveys.services.authoring import wave_create

NEEDS_TITLE = "Bedarfserhebung"
CHECK_TITLE = "Verbands-Check"
# Organisations that keep the 2026 rounds open for trying them out.
NOT_YET_2026 = {"lv-migrantenorganisationen-nrw", "ghanaian-union-hamburg"}
DRAFT_2026 = {"dachverband-migrantenorganisationen-sachsen"}
NEVER = {"stiftung-vielfalt-teilhabe"}

NEED_LABELS_DE = [
    "kein Bedarf",
    "geringer Bedarf",
    "mittlerer Bedarf",
    "großer Bedarf",
    "sehr großer Bedarf",
]
NEED_LABELS_EN = ["no need", "small need", "medium need", "great need", "very great need"]

WISHES = [
    "Mehr Webinare am Abend, damit Ehrenamtliche teilnehmen können.",
    "Eine Schulung zur Abrechnung von Fördermitteln wäre sehr hilfreich.",
    "Wir wünschen uns einen Austausch mit anderen Landesverbänden zur Mitgliedergewinnung.",
    "Praxisbeispiele zur Zusammenarbeit mit Kommunen und Integrationsräten.",
    "Unterstützung beim Aufbau einer Social-Media-Strategie.",
    "Ein Workshop zur Nachfolge im Vorstand.",
    "Mehr Angebote auf Arabisch und Türkisch.",
    "Hilfe bei der Digitalisierung unserer Mitgliederverwaltung.",
]
COACHING_TOPICS = [
    "Strategieentwicklung für die nächsten drei Jahre",
    "Fördermittelakquise",
    "Aufbau einer Geschäftsstelle",
    "Öffentlichkeitsarbeit und Pressekontakte",
]


def needs_structure(wave: Wave) -> None:
    """The questions of the needs assessment (built once, then copied year by year)."""
    fields = list(TopicField.objects.order_by("sort_order"))
    today_section = Section.objects.create(
        wave=wave,
        position=1,
        title_de="Ihr Verband heute",
        title_en="Your organisation today",
        intro_de="Ein paar Angaben helfen uns, die Antworten einzuordnen.",
        intro_en="A few facts help us understand the answers.",
    )
    Question.objects.create(
        wave=wave,
        section=today_section,
        position=1,
        key="hauptamtliche",
        kind=Question.Kind.NUMBER,
        text_de="Wie viele hauptamtliche Mitarbeitende hat Ihr Verband?",
        text_en="How many paid staff does your organisation have?",
        help_de="Personen, nicht Stellen. Wenn niemand bezahlt arbeitet: 0.",
        help_en="People, not positions. If nobody is paid: 0.",
        required=True,
        number_min=0,
        number_max=500,
    )
    time = Question.objects.create(
        wave=wave,
        section=today_section,
        position=2,
        key="lernzeit",
        kind=Question.Kind.SINGLE,
        text_de="Wie viel Zeit können Ihre Aktiven im Monat für Weiterbildung aufwenden?",
        text_en="How much time per month can your active people spend on learning?",
        required=True,
    )
    for position, (value, de, en) in enumerate(
        [
            ("unter-2", "weniger als 2 Stunden", "less than 2 hours"),
            ("2-5", "2 bis 5 Stunden", "2 to 5 hours"),
            ("5-10", "5 bis 10 Stunden", "5 to 10 hours"),
            ("ueber-10", "mehr als 10 Stunden", "more than 10 hours"),
        ],
        start=1,
    ):
        Choice.objects.create(
            question=time, value=value, label_de=de, label_en=en, position=position
        )
    needs_section = Section.objects.create(
        wave=wave,
        position=2,
        title_de="Ihr Unterstützungsbedarf",
        title_en="Your need for support",
        intro_de="Wie groß ist Ihr Bedarf an Unterstützung in den sieben Themenfeldern?",
        intro_en="How much support do you need in the seven topic fields?",
    )
    for position, field in enumerate(fields, start=1):
        question = Question.objects.create(
            wave=wave,
            section=needs_section,
            position=position,
            key=f"bedarf-{field.slug}",
            kind=Question.Kind.SCALE,
            text_de=f"Unterstützungsbedarf im Themenfeld „{field.name_de}“",
            text_en=f"Need for support in “{field.name_en}”",
            required=True,
            scale_labels_de=NEED_LABELS_DE,
            scale_labels_en=NEED_LABELS_EN,
            is_need_indicator=True,
        )
        question.topic_fields.set([field])
    priorities = Section.objects.create(
        wave=wave,
        position=3,
        title_de="Prioritäten und Formate",
        title_en="Priorities and formats",
    )
    Question.objects.create(
        wave=wave,
        section=priorities,
        position=1,
        key="rangfolge",
        kind=Question.Kind.RANKING,
        text_de="Wo braucht Ihr Verband im kommenden Jahr am dringendsten Unterstützung?",
        text_en="Where does your organisation most urgently need support next year?",
        help_de="Platz 1 = am dringendsten.",
        help_en="Place 1 = most urgent.",
        required=True,
        is_need_indicator=True,
    )
    formats = Question.objects.create(
        wave=wave,
        section=priorities,
        position=2,
        key="formate",
        kind=Question.Kind.MULTIPLE,
        text_de="Welche Formate passen am besten zu Ihrem Verband?",
        text_en="Which formats suit your organisation best?",
        help_de="Mehrere Antworten möglich.",
        help_en="Several answers possible.",
    )
    for position, (value, de, en) in enumerate(
        [
            ("webinar", "Webinare", "Webinars"),
            ("praesenz", "Schulungen vor Ort", "On-site trainings"),
            ("e-learning", "E-Learning im eigenen Tempo", "Self-paced e-learning"),
            ("coaching", "Lernbegleitung für unseren Verband", "Coaching for our organisation"),
            ("vernetzung", "Vernetzungstreffen", "Networking meetings"),
        ],
        start=1,
    ):
        Choice.objects.create(
            question=formats, value=value, label_de=de, label_en=en, position=position
        )
    coaching = Question.objects.create(
        wave=wave,
        section=priorities,
        position=3,
        key="lernbegleitung",
        kind=Question.Kind.SINGLE,
        text_de="Interessiert sich Ihr Verband für eine Lernbegleitung durch VAMOs?",
        text_en="Is your organisation interested in coaching by VAMOs?",
        required=True,
    )
    for position, (value, de, en) in enumerate(
        [("ja", "Ja", "Yes"), ("vielleicht", "Vielleicht", "Maybe"), ("nein", "Nein", "No")],
        start=1,
    ):
        Choice.objects.create(
            question=coaching, value=value, label_de=de, label_en=en, position=position
        )
    Question.objects.create(
        wave=wave,
        section=priorities,
        position=4,
        key="lernbegleitung-thema",
        kind=Question.Kind.SHORT_TEXT,
        text_de="Zu welchem Thema vor allem?",
        text_en="On which topic above all?",
        condition_question=coaching,
        condition_values=["ja", "vielleicht"],
    )
    ideas = Section.objects.create(
        wave=wave, position=4, title_de="Ihre Anregungen", title_en="Your suggestions"
    )
    Question.objects.create(
        wave=wave,
        section=ideas,
        position=1,
        key="wuensche",
        kind=Question.Kind.LONG_TEXT,
        text_de="Welche Veranstaltungen oder Inhalte wünschen Sie sich von VAMOs?",
        text_en="Which events or content would you like from VAMOs?",
    )


def _admin(organisation: Organisation) -> Any:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _needs_answers(questions: list[Question], rng: random.Random, year: int) -> dict[int, Any]:
    answers: dict[int, Any] = {}
    slugs = [tf.slug for tf in TopicField.objects.order_by("sort_order")]
    weights = {slug: rng.randint(1, 5) for slug in slugs}
    for question in questions:
        if question.key == "hauptamtliche":
            answers[question.pk] = str(rng.choice([0, 0, 1, 2, 3, 5, 8, 12]) + (year - 2025))
        elif question.key == "lernzeit":
            answers[question.pk] = rng.choice(["unter-2", "2-5", "2-5", "5-10", "ueber-10"])
        elif question.key.startswith("bedarf-"):
            slug = question.key.removeprefix("bedarf-")
            answers[question.pk] = max(1, min(5, weights[slug] + rng.choice([-1, 0, 0, 1])))
        elif question.key == "rangfolge":
            answers[question.pk] = sorted(slugs, key=lambda s: (-weights[s], rng.random()))
        elif question.key == "formate":
            answers[question.pk] = sorted(
                rng.sample(["webinar", "praesenz", "e-learning", "coaching", "vernetzung"], 2)
            )
        elif question.key == "lernbegleitung":
            answers[question.pk] = rng.choice(["ja", "vielleicht", "nein"])
        elif question.key == "lernbegleitung-thema":
            continue
        elif question.key == "wuensche" and rng.random() < 0.7:
            answers[question.pk] = rng.choice(WISHES)
    coaching = next((q for q in questions if q.key == "lernbegleitung"), None)
    topic = next((q for q in questions if q.key == "lernbegleitung-thema"), None)
    if coaching and topic and answers.get(coaching.pk) in {"ja", "vielleicht"}:
        answers[topic.pk] = rng.choice(COACHING_TOPICS)
    return answers


# A profile per organisation: how mature it is overall, and where it is strong.
def _check_answers(questions: list[Question], rng: random.Random, *, year: int) -> dict[int, Any]:
    base = rng.choice([2, 2, 3, 3, 4])
    strong = rng.sample([tf.pk for tf in TopicField.objects.all()], 2)
    answers = {}
    for question in questions:
        if question.competence_id is None:
            continue
        field = question.competence.topic_field_id
        value = base + (1 if field in strong else 0) + rng.choice([-1, 0, 0, 0])
        # A year of work shows: fields rated low in 2025 often improve in 2026.
        if year >= 2026 and value <= 3 and rng.random() < 0.6:
            value += 1
        answers[question.pk] = max(1, min(5, value))
    return answers


def _submit(
    *,
    wave: Wave,
    organisation: Organisation,
    answers: dict[int, Any],
    submitted_at: datetime.datetime,
    status: str = Response.Status.SUBMITTED,
) -> None:
    if Response.objects.filter(wave=wave, organisation=organisation).exists():
        return
    admin = _admin(organisation)
    response = Response.objects.create(
        wave=wave,
        organisation=organisation,
        status=status,
        started_at=submitted_at - datetime.timedelta(days=2),
        saved_at=submitted_at,
        submitted_at=submitted_at if status == Response.Status.SUBMITTED else None,
        submitted_by=admin if status == Response.Status.SUBMITTED else None,
        last_edited_by=admin,
        last_page=2 if status == Response.Status.DRAFT else 1,
        segment_kind=organisation.kind if status == Response.Status.SUBMITTED else "",
        segment_state=organisation.federal_state if status == Response.Status.SUBMITTED else "",
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_id=pk, value=value) for pk, value in answers.items()
    )
    if status == Response.Status.SUBMITTED:
        Participation.objects.get_or_create(
            wave=wave,
            organisation=organisation,
            user=None,
            defaults={"submitted_on": timezone.localdate(submitted_at)},
        )


def _answer_rounds(
    *,
    waves: list[Wave],
    organisations: list[Organisation],
    answer: Any,
) -> None:
    today = timezone.localdate()
    for wave in waves:
        questions = wave_questions(wave)
        year = int(wave.label)
        for index, organisation in enumerate(organisations):
            if organisation.slug in NEVER:
                continue
            rng = random.Random(f"{wave.survey.kind}-{organisation.slug}-{year}")  # noqa: S311 – demo
            if wave.opens_on <= today <= wave.closes_on:
                if organisation.slug in NOT_YET_2026:
                    continue
                status = (
                    Response.Status.DRAFT
                    if organisation.slug in DRAFT_2026
                    else Response.Status.SUBMITTED
                )
                day = min(today, wave.opens_on + datetime.timedelta(days=3 + index * 2))
            else:
                status = Response.Status.SUBMITTED
                day = wave.opens_on + datetime.timedelta(days=5 + index * 3)
            values = answer(questions, rng, year=year)
            if status == Response.Status.DRAFT:
                first_page = {q.pk for q in questions if q.section.position == 1}
                values = {pk: v for pk, v in values.items() if pk in first_page}
            submitted_at = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(10 + index % 8, 15))
            )
            _submit(
                wave=wave,
                organisation=organisation,
                answers=values,
                submitted_at=submitted_at,
                status=status,
            )


def seed_needs_assessment(organisations: list[Organisation]) -> list[Wave]:
    survey, _created = Survey.objects.get_or_create(
        kind=Survey.Kind.NEEDS,
        title_de=NEEDS_TITLE,
        defaults={
            "title_en": "Needs assessment",
            "intro_de": (
                "Jedes Jahr fragen wir alle Verbände, was sie brauchen – damit Veranstaltungen, "
                "E-Learning und Lernbegleitung im nächsten Programmjahr passen. Die Ansprechperson "
                "beantwortet die Fragen für den ganzen Verband; das dauert etwa zehn Minuten."
            ),
            "intro_en": (
                "Every year we ask all organisations what they need, so that events, e-learning "
                "and coaching fit in the next programme year. The contact person answers for the "
                "whole organisation; it takes about ten minutes."
            ),
            "respondent": Survey.Respondent.ORGANISATION,
        },
    )
    last = Wave.objects.filter(survey=survey, label="2025").first()
    if last is None:
        last = Wave.objects.create(
            survey=survey,
            label="2025",
            opens_on=datetime.date(2025, 10, 1),
            closes_on=datetime.date(2025, 12, 15),
            is_published=True,
        )
        needs_structure(last)
    current = Wave.objects.filter(survey=survey, label="2026").first()
    if current is None:
        current = wave_create(
            survey=survey,
            actor=None,
            label="2026",
            opens_on=datetime.date(2026, 10, 15),
            closes_on=datetime.date(2026, 12, 18),
            start="copy",
            source=last,
        )
        current.is_published = True
        current.invitations_sent_at = timezone.make_aware(datetime.datetime(2026, 10, 15, 9))
        current.save(update_fields=["is_published", "invitations_sent_at"])
    for wave in (last, current):
        for organisation in organisations:
            WaveInvitation.objects.get_or_create(
                wave=wave,
                organisation=organisation,
                user=None,
                defaults={
                    "emailed_at": timezone.make_aware(
                        datetime.datetime.combine(wave.opens_on, datetime.time(9))
                    )
                },
            )
    _answer_rounds(
        waves=[last, current],
        organisations=organisations,
        answer=lambda questions, rng, year: _needs_answers(questions, rng, year),
    )
    return [last, current]


def seed_self_assessment(organisations: list[Organisation]) -> list[Wave]:
    survey = Survey.objects.filter(kind=Survey.Kind.SELF_ASSESSMENT).first()
    if survey is None:
        survey = Survey.objects.create(
            kind=Survey.Kind.SELF_ASSESSMENT,
            title_de=CHECK_TITLE,
            title_en="Organisation check (Verbands-Check)",
            intro_de=(
                "Einmal im Jahr schätzt Ihr Verband 21 Kompetenzen in den sieben Themenfeldern "
                "ein. So sehen Sie, wo Sie stehen und wie Sie sich entwickeln. Ihre Coachin oder "
                "Ihr Coach kann die Ergebnisse beim Auftaktgespräch nutzen."
            ),
            intro_en=(
                "Once a year your organisation rates 21 competences in the seven topic fields. "
                "You see where you stand and how you develop. Your coach can use the results at "
                "the kickoff."
            ),
            respondent=Survey.Respondent.ORGANISATION,
        )
    last = Wave.objects.filter(survey=survey, label="2025").first()
    if last is None:
        last = wave_create(
            survey=survey,
            actor=None,
            label="2025",
            opens_on=datetime.date(2025, 9, 1),
            closes_on=datetime.date(2025, 12, 31),
            start="competences",
        )
        last.is_published = True
        last.save(update_fields=["is_published"])
    current = Wave.objects.filter(survey=survey, label="2026").first()
    if current is None:
        current = wave_create(
            survey=survey,
            actor=None,
            label="2026",
            opens_on=datetime.date(2026, 10, 1),
            closes_on=datetime.date(2026, 12, 31),
            start="copy",
            source=last,
        )
        current.is_published = True
        current.save(update_fields=["is_published"])
    _answer_rounds(
        waves=[last, current],
        organisations=organisations,
        answer=lambda questions, rng, year: _check_answers(questions, rng, year=year),
    )
    return [last, current]


def seed_event_feedback() -> None:
    """Feedback forms for past events, answered anonymously by most of those who attended."""
    from django.apps import apps

    if not apps.is_installed("vamos.events"):
        return
    from vamos.events.selectors import event_choices, participant_list
    from vamos.surveys.services import feedback_form_create

    now = timezone.now()
    for event in event_choices(past_only=True).filter(end__lt=now)[:6]:
        attended = [r.user for r in participant_list(event=event, status="attended")]
        if not attended:
            continue
        survey = feedback_form_create(event=event)
        wave = survey.waves.first()
        if wave is None or Participation.objects.filter(wave=wave).exists():
            continue
        questions = wave_questions(wave)
        rng = random.Random(f"feedback-{event.pk}")  # noqa: S311 – demo data
        for person in attended:
            WaveInvitation.objects.get_or_create(
                wave=wave, user=person, defaults={"emailed_at": now}
            )
            if rng.random() < 0.2:
                continue
            answers: dict[int, Any] = {}
            for question in questions:
                if question.kind == Question.Kind.SCALE:
                    answers[question.pk] = rng.choice([3, 4, 4, 5, 5])
                elif question.key == "weiterempfehlung":
                    answers[question.pk] = rng.choice(["ja", "ja", "ja", "vielleicht"])
                elif question.key == "hilfreich" and rng.random() < 0.5:
                    answers[question.pk] = rng.choice(
                        [
                            "Die Praxisbeispiele aus anderen Verbänden.",
                            "Die Checkliste zum Mitnehmen.",
                            "Der Austausch in den Kleingruppen.",
                        ]
                    )
                elif question.key == "themenwuensche":
                    answers[question.pk] = rng.sample(
                        ["finanzierung", "strategie", "oeffentlichkeitsarbeit"], 1
                    )
            # Anonymous: no organisation, no person, no time on the response.
            response = Response.objects.create(wave=wave, status=Response.Status.SUBMITTED)
            Answer.objects.bulk_create(
                Answer(response=response, question_id=pk, value=value)
                for pk, value in answers.items()
            )
            Participation.objects.create(wave=wave, user=person, submitted_on=wave.opens_on)


def seed_surveys() -> None:
    organisations = list(
        Organisation.objects.filter(status=Organisation.Status.ACTIVE).order_by("name")
    )
    seed_needs_assessment(organisations)
    seed_self_assessment(organisations)
    seed_event_feedback()
