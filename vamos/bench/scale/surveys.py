"""Surveys at 1×: three yearly waves of the needs assessment with 300 responses each (the
latest still open, with some drafts), and the Verbands-Check in the same three years, answered
by a third of the organisations.

The questionnaires are built as the team builds them (the demo's needs assessment, copied
year by year with ``wave_create``); responses, answers, participations and invitations are
bulk-inserted.
"""

import datetime
from typing import Any

from vamos.demo.surveys import COACHING_TOPICS, WISHES, needs_structure
from vamos.surveys.models import (
    Answer,
    Participation,
    Question,
    Response,
    Survey,
    Wave,
    WaveInvitation,
)
from vamos.surveys.questionnaire import wave_questions
from vamos.surveys.services.authoring import wave_create

from .base import Scale, World, bulk


def seed(scale: Scale, world: World) -> None:
    years = [scale.today.year - 2, scale.today.year - 1, scale.today.year]
    needs = _waves(scale, Survey.Kind.NEEDS, years)
    check = _waves(scale, Survey.Kind.SELF_ASSESSMENT, years)
    responses = scale.n(300)
    for wave in needs:
        _answer(scale, world, wave, responses, _needs_answers)
    for wave in check:
        _answer(scale, world, wave, max(1, responses // 3), _check_answers)
    closed = [w for w in needs if w.closes_on < scale.today]
    world.personas["wave"] = closed[-1] if closed else needs[-1]


def _waves(scale: Scale, kind: str, years: list[int]) -> list[Wave]:
    if kind == Survey.Kind.NEEDS:
        survey = Survey.objects.create(
            kind=kind,
            title_de="Bedarfserhebung",
            title_en="Needs assessment",
            intro_de="Jedes Jahr fragen wir alle Verbände, was sie brauchen.",
            intro_en="Every year we ask all organisations what they need.",
            respondent=Survey.Respondent.ORGANISATION,
        )
    else:
        survey = Survey.objects.filter(kind=kind).first() or Survey.objects.create(
            kind=kind,
            title_de="Verbands-Check",
            title_en="Organisation check (Verbands-Check)",
            respondent=Survey.Respondent.ORGANISATION,
        )
    waves: list[Wave] = []
    for year in years:
        opens = datetime.date(year, 10, 1)
        closes = datetime.date(year, 12, 15)
        if waves:
            wave = wave_create(
                survey=survey,
                actor=None,
                label=str(year),
                opens_on=opens,
                closes_on=closes,
                start="copy",
                source=waves[-1],
            )
        elif kind == Survey.Kind.NEEDS:
            wave = Wave.objects.create(
                survey=survey, label=str(year), opens_on=opens, closes_on=closes
            )
            needs_structure(wave)
        else:
            wave = wave_create(
                survey=survey,
                actor=None,
                label=str(year),
                opens_on=opens,
                closes_on=closes,
                start="competences",
            )
        wave.is_published = True
        wave.invitations_sent_at = datetime.datetime.combine(
            opens, datetime.time(9), tzinfo=scale.now.tzinfo
        )
        wave.save(update_fields=["is_published", "invitations_sent_at"])
        waves.append(wave)
    return waves


def _needs_answers(scale: Scale, questions: list[Question], slugs: list[str]) -> dict[int, Any]:
    rng = scale.rng
    answers: dict[int, Any] = {}
    weights = {slug: rng.randint(1, 5) for slug in slugs}
    for question in questions:
        if question.key == "hauptamtliche":
            answers[question.pk] = str(rng.choice([0, 0, 1, 2, 3, 5, 8, 12]))
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
            answers[question.pk] = rng.choice(COACHING_TOPICS)
        elif question.key == "wuensche" and rng.random() < 0.7:
            answers[question.pk] = rng.choice(WISHES)
    return answers


def _check_answers(scale: Scale, questions: list[Question], slugs: list[str]) -> dict[int, Any]:
    rng = scale.rng
    base = rng.choice([2, 2, 3, 3, 4])
    return {
        q.pk: max(1, min(5, base + rng.choice([-1, 0, 0, 1])))
        for q in questions
        if q.competence_id is not None
    }


def _answer(scale: Scale, world: World, wave: Wave, count: int, answer: Any) -> None:
    questions = wave_questions(wave)
    slugs = [t.slug for t in world.topic_fields]
    is_open = wave.opens_on <= scale.today <= wave.closes_on
    persona = world.personas["organisation"]
    candidates = [o for o in world.organisations if o.pk != persona.pk]
    # The benchmark's organisation answers closed rounds; the open round is still to do.
    organisations = scale.sample(candidates, count - 1)
    if not is_open:
        organisations.append(persona)
    else:
        organisations = scale.sample(candidates, count)
    # An open round is about halfway: some drafts, the rest not yet started.
    span = (min(scale.today, wave.closes_on) - wave.opens_on).days
    responses: list[Response] = []
    values: list[dict[int, Any]] = []
    participations: list[Participation] = []
    for organisation in organisations:
        draft = is_open and scale.chance(0.15)
        day = wave.opens_on + datetime.timedelta(days=scale.rng.randint(0, max(0, span)))
        moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=scale.now.tzinfo)
        admin = world.admins_of[organisation.pk][0]
        responses.append(
            Response(
                id=scale.uuid(),
                wave_id=wave.pk,
                organisation_id=organisation.pk,
                status=Response.Status.DRAFT if draft else Response.Status.SUBMITTED,
                last_page=2 if draft else 1,
                started_at=moment - datetime.timedelta(days=2),
                saved_at=moment,
                submitted_at=None if draft else moment,
                submitted_by_id=None if draft else admin,
                last_edited_by_id=admin,
                segment_kind="" if draft else organisation.kind,
                segment_state="" if draft else organisation.federal_state,
            )
        )
        given = answer(scale, questions, slugs)
        if draft:
            first_page = {q.pk for q in questions if q.section.position == 1}
            given = {pk: v for pk, v in given.items() if pk in first_page}
        values.append(given)
        if not draft:
            participations.append(
                Participation(wave_id=wave.pk, organisation_id=organisation.pk, submitted_on=day)
            )
    responses = bulk(Response, responses, now=scale.now)
    bulk(
        Answer,
        [
            Answer(response_id=response.pk, question_id=pk, value=value)
            for response, given in zip(responses, values, strict=True)
            for pk, value in given.items()
        ],
        now=scale.now,
    )
    bulk(Participation, participations, now=scale.now)
    emailed = datetime.datetime.combine(wave.opens_on, datetime.time(9), tzinfo=scale.now.tzinfo)
    bulk(
        WaveInvitation,
        [
            WaveInvitation(
                wave_id=wave.pk,
                organisation_id=o.pk,
                invited_by_id=world.team_admins[0].pk,
                created_at=emailed,
                emailed_at=emailed,
            )
            for o in world.organisations
        ],
        now=scale.now,
    )
    key = "survey responses" if wave.survey.kind == Survey.Kind.NEEDS else "self-assessments"
    world.counts[key] = world.counts.get(key, 0) + len(responses)
