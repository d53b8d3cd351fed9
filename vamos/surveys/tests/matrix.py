"""Who may open which survey page. The world: a needs assessment per organisation with an
open round (org A has a draft) and last year's closed round (org A submitted), and the
Verbands-Check results of org A."""

import datetime

from vamos.core.tests.matrix import DENIED, LOGIN, NOT_ALLOWED, OK, Row, World, expect


def extend_world(world: World) -> None:
    from django.utils import timezone

    from vamos.surveys import services
    from vamos.surveys.models import Response
    from vamos.surveys.tests.factories import needs_wave, question

    today = timezone.localdate()
    world.survey_wave_last = needs_wave(
        label="2025",
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=300),
    )
    survey = world.survey_wave_last.survey
    world.survey = survey
    world.survey_wave = needs_wave(survey=survey, label="2026")
    world.survey_wave.previous = world.survey_wave_last
    world.survey_wave.save()
    world.survey_section = world.survey_wave.sections.order_by("position").first()
    world.survey_question = question(world.survey_wave, "wuensche")
    world.survey_draft = services.response_start(
        wave=world.survey_wave, actor=world.org_admin, organisation=world.org_a
    )
    # Last year's answers, submitted while the round was open.
    world.survey_submitted = Response.objects.create(
        wave=world.survey_wave_last,
        organisation=world.org_a,
        status=Response.Status.SUBMITTED,
        submitted_by=world.org_admin,
        submitted_at=timezone.now() - datetime.timedelta(days=350),
    )


SIGNED_IN = expect(OK, anonymous=LOGIN)
TEAM_ONLY = expect(DENIED, anonymous=LOGIN, team_admin=OK)
GET_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
DRAFT_OWNER = expect(DENIED, anonymous=LOGIN, org_admin=OK)
# The coach coaches org A's learning journey in the shared world (journeys app).
ORG_PEOPLE = expect(DENIED, anonymous=LOGIN, member=OK, org_admin=OK, coach=OK, team_admin=OK)
# Published round for all active organisations: their people see it (admins answer).
ROUND_AUDIENCE = expect(
    DENIED, anonymous=LOGIN, member=OK, org_admin=OK, other_member=OK, team_admin=OK
)


def _wave(w: World) -> dict:
    return {"pk": w.survey_wave.pk}


def _section(w: World) -> dict:
    return {"pk": w.survey_wave.pk, "section_pk": w.survey_section.pk}


def _question(w: World) -> dict:
    return {"pk": w.survey_wave.pk, "question_pk": w.survey_question.pk}


ROWS = [
    Row("surveys:index", get=SIGNED_IN, post=GET_ONLY),
    Row(
        "surveys:wave",
        _wave,
        get=ROUND_AUDIENCE,
        post=ROUND_AUDIENCE,
        data=lambda w: {"organisation": w.org_a.pk},
        note="only the admin starts; others get the form back with a message",
    ),
    Row(
        "surveys:wave",
        lambda w: {"pk": w.survey_wave_last.pk},
        get=ROUND_AUDIENCE,
        post=ROUND_AUDIENCE,
        data=lambda w: {"organisation": w.org_a.pk},
        note="a closed round still shows its status; starting it is refused with a message",
    ),
    Row(
        "surveys:page",
        lambda w: {"pk": w.survey_draft.pk, "page": 1},
        get=DRAFT_OWNER,
        post=DRAFT_OWNER,
        data=lambda w: {"action": "save"},
        note="a draft is the organisation admins' only; the team never sees drafts",
    ),
    Row(
        "surveys:review",
        lambda w: {"pk": w.survey_draft.pk},
        get=DRAFT_OWNER,
        post=DRAFT_OWNER,
        note="submitting with gaps shows the review page with the missing questions",
    ),
    Row(
        "surveys:response",
        lambda w: {"pk": w.survey_submitted.pk},
        get=expect(DENIED, anonymous=LOGIN, org_admin=OK, coach=OK, team_admin=OK),
        post=GET_ONLY,
        note="the coach of org A's journey reads its identified, submitted answers",
    ),
    Row("surveys:self-assessment-index", get=SIGNED_IN, post=GET_ONLY),
    Row(
        "surveys:self-assessment",
        lambda w: {"slug": w.org_a.slug},
        get=ORG_PEOPLE,
        post=GET_ONLY,
        note="the coach of org A's journey sees it; the other coach does not",
    ),
    Row("surveys:team-index", get=TEAM_ONLY, post=GET_ONLY),
    Row(
        "surveys:survey-create",
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "kind": "other",
            "title_de": "Zufriedenheit",
            "respondent": "person",
            "anonymous": "on",
        },
    ),
    Row("surveys:feedback-overview", get=TEAM_ONLY, post=GET_ONLY),
    Row(
        "surveys:survey-detail",
        lambda w: {"pk": w.survey.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "kind": "needs",
            "title_de": "Bedarfserhebung",
            "respondent": "organisation",
        },
    ),
    Row(
        "surveys:wave-create",
        lambda w: {"pk": w.survey.pk},
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "label": "2027",
            "opens_on": "2027-01-10",
            "closes_on": "2027-03-31",
            "audience": "all",
            "start": "copy",
        },
    ),
    Row(
        "surveys:wave-detail",
        _wave,
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "label": "2026",
            "opens_on": w.survey_wave.opens_on.isoformat(),
            "closes_on": w.survey_wave.closes_on.isoformat(),
            "audience": "all",
            "is_published": "on",
        },
    ),
    Row("surveys:wave-preview", _wave, get=TEAM_ONLY, post=GET_ONLY),
    Row(
        "surveys:section-create",
        _wave,
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"title_de": "Neu"},
    ),
    Row(
        "surveys:section-edit",
        _section,
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"title_de": "Ihr Verband"},
    ),
    Row("surveys:section-delete", _section, get=POST_ONLY, post=TEAM_ONLY),
    Row(
        "surveys:section-move",
        _section,
        get=POST_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"direction": "down"},
    ),
    Row(
        "surveys:question-create",
        _wave,
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "section": w.survey_section.pk,
            "kind": "short_text",
            "text_de": "Noch etwas?",
        },
    ),
    Row(
        "surveys:question-edit",
        _question,
        get=TEAM_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {
            "section": w.survey_question.section_id,
            "kind": "long_text",
            "text_de": "Was wünschen Sie sich?",
        },
    ),
    Row("surveys:question-delete", _question, get=POST_ONLY, post=TEAM_ONLY),
    Row(
        "surveys:question-move",
        _question,
        get=POST_ONLY,
        post=TEAM_ONLY,
        data=lambda w: {"direction": "up"},
    ),
    Row("surveys:wave-invitations", _wave, get=TEAM_ONLY, post=TEAM_ONLY),
    Row("surveys:wave-remind", _wave, get=POST_ONLY, post=TEAM_ONLY),
    Row("surveys:wave-results", _wave, get=TEAM_ONLY, post=GET_ONLY),
    Row("surveys:wave-text-answers", _question, get=TEAM_ONLY, post=GET_ONLY),
    Row("surveys:wave-needs", _wave, get=TEAM_ONLY, post=GET_ONLY),
    Row(
        "surveys:wave-export",
        lambda w: {"pk": w.survey_wave_last.pk, "fmt": "xlsx"},
        get=TEAM_ONLY,
        post=GET_ONLY,
    ),
    Row(
        "surveys:wave-export",
        lambda w: {"pk": w.survey_wave_last.pk, "fmt": "csv"},
        get=TEAM_ONLY,
        post=GET_ONLY,
    ),
    Row(
        "surveys:team-response",
        lambda w: {"pk": w.survey_wave_last.pk, "response_pk": w.survey_submitted.pk},
        get=TEAM_ONLY,
        post=GET_ONLY,
    ),
]
