"""Ready-made survey situations for tests: a needs assessment with last year's round and
this year's, and the Verbands-Check with two rounds answered by several organisations."""

import datetime
from typing import Any

from django.utils import timezone

from vamos.organisations.models import Membership, Organisation
from vamos.organisations.tests.factories import MembershipFactory, OrganisationFactory
from vamos.surveys.models import Answer, Participation, Response, Survey, Wave
from vamos.surveys.questionnaire import wave_questions
from vamos.surveys.services.authoring import wave_create


def today() -> datetime.date:
    return timezone.localdate()


def submit_directly(
    *,
    wave: Wave,
    organisation: Organisation | None,
    values: dict[str, Any],
    person: Any = None,
    status: str = Response.Status.SUBMITTED,
) -> Response:
    """A response with answers by question key, stored as the services would store it."""
    anonymous = wave.survey.anonymous and status == Response.Status.SUBMITTED
    submitted = status == Response.Status.SUBMITTED
    response = Response.objects.create(
        wave=wave,
        organisation=None if anonymous else organisation,
        respondent=None if anonymous or organisation else person,
        status=status,
        submitted_at=timezone.now() if submitted and not anonymous else None,
        submitted_by=person if submitted and not anonymous else None,
        segment_kind=organisation.kind if organisation and submitted else "",
        segment_state=organisation.federal_state if organisation and submitted else "",
    )
    by_key = {question.key: question for question in wave_questions(wave)}
    Answer.objects.bulk_create(
        Answer(response=response, question=by_key[key], value=value)
        for key, value in values.items()
    )
    if submitted:
        Participation.objects.create(
            wave=wave,
            organisation=organisation if wave.survey.per_organisation else None,
            user=None if wave.survey.per_organisation else person,
            submitted_on=today(),
        )
    return response


def other_organisations(count: int, *, prefix: str = "Verband") -> list[Organisation]:
    """``count`` active organisations, each with an admin."""
    organisations = []
    kinds = ["landesverband", "bundesverband", "mitgliedsverein"]
    states = ["NW", "BE", "HH", "SN", "BY", "HE", "NI"]
    for index in range(count):
        organisation = OrganisationFactory(
            name=f"{prefix} {index + 1}",
            kind=kinds[index % len(kinds)],
            federal_state=states[index % len(states)],
        )
        MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)
        organisations.append(organisation)
    return organisations


def self_assessment_rounds(
    *, answered_last: list[Organisation], answered_now: list[Organisation], rating: int = 3
) -> tuple[Wave, Wave]:
    """The Verbands-Check: 2025 (closed) and 2026 (open), built from the shipped
    competences; the given organisations have rated every competence ``rating`` (2025) and
    ``rating + 1`` (2026)."""
    survey = Survey.objects.create(
        kind=Survey.Kind.SELF_ASSESSMENT,
        title_de="Verbands-Check",
        title_en="Organisation check",
        respondent=Survey.Respondent.ORGANISATION,
    )
    last = wave_create(
        survey=survey,
        actor=None,
        label="2025",
        opens_on=today() - datetime.timedelta(days=400),
        closes_on=today() - datetime.timedelta(days=300),
        start="competences",
    )
    now = wave_create(
        survey=survey,
        actor=None,
        label="2026",
        opens_on=today() - datetime.timedelta(days=20),
        closes_on=today() + datetime.timedelta(days=30),
        start="copy",
        source=last,
    )
    Wave.objects.filter(pk__in=[last.pk, now.pk]).update(is_published=True)
    last.refresh_from_db()
    now.refresh_from_db()
    for wave, organisations, value in (
        (last, answered_last, rating),
        (now, answered_now, rating + 1),
    ):
        keys = [q.key for q in wave_questions(wave)]
        for organisation in organisations:
            submit_directly(
                wave=wave,
                organisation=organisation,
                values=dict.fromkeys(keys, min(5, value)),
            )
    return last, now


def needs_rounds(*, organisation: Organisation, others: list[Organisation]) -> tuple[Wave, Wave]:
    """The needs assessment of the demo (see vamos/demo/surveys.py): 2025 closed and answered
    by ``organisation`` and ``others``; 2026 open and answered by ``others`` only."""
    from vamos.demo.surveys import needs_structure

    survey = Survey.objects.create(
        kind=Survey.Kind.NEEDS,
        title_de="Bedarfserhebung",
        title_en="Needs assessment",
        respondent=Survey.Respondent.ORGANISATION,
    )
    last = Wave.objects.create(
        survey=survey,
        label="2025",
        opens_on=today() - datetime.timedelta(days=400),
        closes_on=today() - datetime.timedelta(days=300),
        is_published=True,
    )
    needs_structure(last)
    now = wave_create(
        survey=survey,
        actor=None,
        label="2026",
        opens_on=today() - datetime.timedelta(days=10),
        closes_on=today() + datetime.timedelta(days=20),
        start="copy",
        source=last,
    )
    Wave.objects.filter(pk=now.pk).update(is_published=True)
    now.refresh_from_db()
    slugs = [
        "finanzierung",
        "strategie",
        "oeffentlichkeitsarbeit",
        "projektmanagement",
        "mitgliedermanagement",
        "organisation-fuehrung",
        "netzwerk-interessenvertretung",
    ]
    for wave in (last, now):
        for index, current in enumerate([organisation, *others]):
            if wave is now and current is organisation:
                continue
            values: dict[str, Any] = {
                "hauptamtliche": str(2 + index),
                "lernzeit": "2-5",
                "rangfolge": slugs,
                "lernbegleitung": "ja",
                "lernbegleitung-thema": "Fördermittel",
                "formate": ["webinar", "coaching"],
                "wuensche": f"Mehr Webinare am Abend ({current.name})",
            }
            for slug in slugs:
                values[f"bedarf-{slug}"] = 5 if slug == "finanzierung" else 3
            submit_directly(wave=wave, organisation=current, values=values)
    return last, now
