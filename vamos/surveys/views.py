"""Pages for respondents: my surveys, answering page by page, review, the read-only copy,
and the Verbands-Check results of an organisation."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vamos.core.forms import apply_validation_error
from vamos.organisations.models import Organisation

from . import services
from .charts import radar
from .forms import AnswerPageForm, StartForm
from .integrations import suggestions_for
from .models import Response, Survey, Wave
from .permissions import (
    admin_organisation_ids,
    answerable_organisations,
    can_answer_as_person,
    can_edit_response,
    can_manage_surveys,
    can_view_response,
    get_assessed_organisation_for_user,
    get_response_for_user,
    get_wave_for_user,
    member_organisation_ids,
    visible_assessed_organisations,
)
from .presenters import answer_pages, displayable_questions, page_items, page_numbers
from .questionnaire import all_topic_fields, missing_required, wave_pages, wave_questions
from .selectors.respondent import (
    previous_answers,
    submitted_responses_for,
    user_participations,
    user_survey_tasks,
)
from .selectors.results import min_group_size
from .selectors.self_assessment import organisation_self_assessment_history
from .services.answering import response_answers


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """My surveys: what waits for me (and my organisations), and what was answered."""
    participations = Paginator(user_participations(user=request.user), 20).get_page(
        request.GET.get("seite")
    )
    copies = submitted_responses_for(participations=list(participations), user=request.user)
    for participation in participations:
        participation.copy = copies.get((participation.wave_id, participation.organisation_id or 0))  # type: ignore[attr-defined]
    organisations = Organisation.objects.filter(
        pk__in=member_organisation_ids(request.user)
    ).order_by("name")
    return render(
        request,
        "surveys/index.html",
        {
            "tasks": [
                task for task in user_survey_tasks(user=request.user) if task.status != "submitted"
            ],
            "page_obj": participations,
            "organisations": organisations,
        },
    )


def _wave_context(request: HttpRequest, wave: Wave) -> dict[str, Any]:
    tasks = [task for task in user_survey_tasks(user=request.user) if task.wave.pk == wave.pk]
    organisations = answerable_organisations(request.user, wave)
    return {
        "wave": wave,
        "survey": wave.survey,
        "tasks": tasks,
        "organisations": organisations,
        "can_answer": (
            organisations.exists()
            if wave.survey.per_organisation
            else can_answer_as_person(request.user, wave)
        ),
        "member_only": wave.survey.per_organisation
        and not organisations.exists()
        and bool(member_organisation_ids(request.user)),
        "page_count": len(wave_pages(wave)),
        "min_group": min_group_size(),
    }


@require_http_methods(["GET", "POST"])
def wave(request: HttpRequest, pk: int) -> HttpResponse:
    """The start page of a round: what it is about, for whom, until when; start or resume."""
    wave = get_wave_for_user(request, pk)
    context = _wave_context(request, wave)
    form = None
    if wave.survey.per_organisation:
        pending = [t.organisation for t in context["tasks"] if t.status != "submitted"]
        form = StartForm(
            request.POST if request.method == "POST" else None,
            organisations=Organisation.objects.filter(
                pk__in=admin_organisation_ids(request.user)
            ).order_by("name"),
            initial={"organisation": pending[0].pk} if pending else None,
        )
    if request.method == "POST":
        organisation = None
        if form is not None:
            if not form.is_valid():
                context["form"] = form
                return render(request, "surveys/wave.html", context)
            organisation = form.cleaned_data["organisation"]
        try:
            response = services.response_start(
                wave=wave, actor=request.user, organisation=organisation
            )
        except ValidationError as error:
            if form is not None:
                apply_validation_error(form, error)
            else:
                context["errors"] = error.messages
        else:
            return redirect(_resume_url(response))
    context["form"] = form
    return render(request, "surveys/wave.html", context)


def _resume_url(response: Response) -> str:
    pages = wave_pages(response.wave)
    if response.last_page > len(pages):
        return reverse("surveys:review", kwargs={"pk": response.pk})
    return reverse("surveys:page", kwargs={"pk": response.pk, "page": response.last_page})


def _editable_response(request: HttpRequest, pk: Any) -> Response | HttpResponse:
    """The response if the user may change it; otherwise where to go instead."""
    response = get_response_for_user(request, pk)
    if response.is_submitted:
        messages.info(request, _("These answers have been submitted and can only be read now."))
        return redirect("surveys:response", pk=response.pk)
    if not can_edit_response(request.user, response):
        if not response.wave.is_open:
            return render(
                request, "surveys/closed.html", {"wave": response.wave, "response": response}
            )
        raise Http404
    return response


@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, pk: Any, page: int) -> HttpResponse:
    """One page of the questionnaire. Every way off the page saves it as a draft."""
    response = _editable_response(request, pk)
    if isinstance(response, HttpResponse):
        return response
    wave = response.wave
    questions = wave_questions(wave)
    pages = wave_pages(wave, questions)
    if not 1 <= page <= len(pages):
        raise Http404
    stored = response_answers(response)
    shown = displayable_questions(pages[page - 1], stored)
    numbers = page_numbers(pages, stored)
    if not shown:
        # Conditions hide every question of this page: go on to the next page that has one.
        following = [n for n in numbers if n > page]
        if following:
            return redirect("surveys:page", pk=response.pk, page=following[0])
        return redirect("surveys:review", pk=response.pk)
    topic_fields = all_topic_fields()
    action = request.POST.get("action", "next")
    form = AnswerPageForm(
        request.POST if request.method == "POST" else None,
        questions=shown,
        topic_fields=topic_fields,
        stored=stored,
        enforce_required=action in {"next", "review"},
    )
    if request.method == "POST" and form.is_valid():
        earlier = [n for n in numbers if n < page]
        later = [n for n in numbers if n > page]
        if action == "back":
            target = earlier[-1] if earlier else page
        elif action == "save":
            target = page
        else:
            target = later[0] if later else len(pages) + 1
        try:
            services.response_save_page(
                response=response,
                page=page,
                values=form.values,
                actor=request.user,
                continue_to=target,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if action == "save":
                messages.success(
                    request,
                    _(
                        "Your draft is saved. You can continue later – on this or any other "
                        "device – from “My surveys”."
                    ),
                )
                return redirect("surveys:wave", pk=wave.pk)
            if target > len(pages):
                return redirect("surveys:review", pk=response.pk)
            # A later page may now be hidden; the page view skips it.
            return redirect("surveys:page", pk=response.pk, page=target)
    previous_wave, earlier_answers = previous_answers(response)
    position = numbers.index(page) + 1 if page in numbers else page
    return render(
        request,
        "surveys/page.html",
        {
            "response": response,
            "wave": wave,
            "survey": wave.survey,
            "section": pages[page - 1].section,
            "form": form,
            "items": page_items(
                form,
                shown,
                earlier_answers=earlier_answers,
                has_previous=previous_wave is not None,
                topic_fields=topic_fields,
            ),
            "page": page,
            "position": position,
            "total": len(numbers),
            "is_first": position == 1,
            "previous_wave": previous_wave,
        },
    )


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: Any) -> HttpResponse:
    """All answers at a glance before submitting; required gaps link to their page."""
    response = _editable_response(request, pk)
    if isinstance(response, HttpResponse):
        return response
    wave = response.wave
    questions = wave_questions(wave)
    stored = response_answers(response)
    missing = missing_required(questions, stored)
    errors: list[str] = []
    if request.method == "POST":
        try:
            submitted = services.response_submit(response=response, actor=request.user)
        except ValidationError as error:
            errors = error.messages
            missing = missing_required(questions, response_answers(response))
        else:
            if wave.survey.anonymous:
                # Shown once: an anonymous response cannot be found again afterwards.
                return render(
                    request,
                    "surveys/thanks_anonymous.html",
                    {
                        "wave": wave,
                        "survey": wave.survey,
                        "pages": answer_pages(wave, questions, stored),
                    },
                )
            messages.success(request, _("Thank you! Your answers have been submitted."))
            return redirect("surveys:response", pk=submitted.pk)
    return render(
        request,
        "surveys/review.html",
        {
            "response": response,
            "wave": wave,
            "survey": wave.survey,
            "pages": answer_pages(wave, questions, stored, response=response),
            "missing": _page_of(wave, questions, missing),
            "errors": errors,
        },
    )


def _page_of(wave: Wave, questions: list, missing: list) -> list[tuple[int, Any]]:
    pages = wave_pages(wave, questions)
    where = {q.pk: page.number for page in pages for q in page.questions}
    return [(where[q.pk], q) for q in missing]


@require_GET
def response_detail(request: HttpRequest, pk: Any) -> HttpResponse:
    """The read-only copy of submitted answers (a draft opens where it was left)."""
    response = get_response_for_user(request, pk)
    if not response.is_submitted:
        if can_edit_response(request.user, response):
            return redirect(_resume_url(response))
        return render(request, "surveys/closed.html", {"wave": response.wave, "response": response})
    questions = wave_questions(response.wave)
    return render(
        request,
        "surveys/response.html",
        {
            "response": response,
            "wave": response.wave,
            "survey": response.wave.survey,
            "pages": answer_pages(response.wave, questions, response_answers(response)),
        },
    )


@require_GET
def self_assessment_index(request: HttpRequest) -> HttpResponse:
    """The Verbands-Check of my organisation – or a choice: my organisations, those whose
    journey I coach, and for the team every organisation that has taken part."""
    if can_manage_surveys(request.user):
        organisations = (
            Organisation.objects.filter(
                survey_responses__wave__survey__kind=Survey.Kind.SELF_ASSESSMENT,
                survey_responses__status=Response.Status.SUBMITTED,
            )
            .distinct()
            .order_by("name")
        )
    else:
        organisations = visible_assessed_organisations(request.user).order_by("name")
        if len(organisations) == 1:
            return redirect("surveys:self-assessment", slug=organisations[0].slug)
    page_obj = Paginator(organisations, 30).get_page(request.GET.get("seite"))
    return render(request, "surveys/self_assessment_index.html", {"page_obj": page_obj})


SERIES_CLASSES = ["surveys-series--latest", "surveys-series--earlier", "surveys-series--oldest"]


@require_GET
def self_assessment(request: HttpRequest, slug: str) -> HttpResponse:
    """An organisation's Verbands-Check: radar and table by topic field, this round against
    earlier ones and the average of all organisations, strengths and what to work on."""
    organisation = get_assessed_organisation_for_user(request, slug)
    history = organisation_self_assessment_history(organisation)
    submitted = history.submitted[-3:]
    labels = [tf.name for tf in history.topic_fields]
    series = []
    for index, assessment in enumerate(reversed(submitted)):
        series.append(
            (
                assessment.wave.label,
                [assessment.fields.get(tf.pk) for tf in history.topic_fields],
                SERIES_CLASSES[min(index, len(SERIES_CLASSES) - 1)],
            )
        )
    latest = history.latest
    average = latest.average if latest else None
    if latest and average and not average.suppressed and average.values:
        series.append(
            (
                _("Average of all organisations %(round)s") % {"round": latest.wave.label},
                [average.values.get(tf.pk) for tf in history.topic_fields],
                "surveys-series--average",
            )
        )
    newest_first = list(reversed(submitted))
    rows = []
    for topic_field in history.topic_fields:
        values = [a.fields.get(topic_field.pk) for a in newest_first]
        if all(value is None for value in values):
            continue
        change = None
        if len(values) > 1 and values[0] is not None and values[1] is not None:
            change = round(values[0] - values[1], 2)
        rows.append(
            {
                "topic_field": topic_field,
                "values": values,
                "change": change,
                "average": average.values.get(topic_field.pk) if average else None,
            }
        )
    competence_rows = [
        {"competence": competence, "values": [a.ratings.get(competence.key) for a in newest_first]}
        for competence in history.competences
        if any(competence.key in a.ratings for a in newest_first)
    ]
    weakest = history.weakest()
    suggestions = suggestions_for(
        topic_fields=[item.topic_field for item in weakest],
        organisation=organisation,
        user=request.user,
    )
    return render(
        request,
        "surveys/self_assessment.html",
        {
            "organisation": organisation,
            "history": history,
            "submitted": submitted,
            "latest": latest,
            "average": average,
            "min_group": min_group_size(),
            "rows": rows,
            "competence_rows": competence_rows,
            "chart": radar(labels=labels, series=series) if series else None,
            "strengths": history.strengths(),
            "weakest": [(item, suggestions.get(item.topic_field.pk, [])) for item in weakest],
            "can_read_answers": latest is not None
            and can_view_response(request.user, Response(pk=latest.response_id)),
            "can_answer": history.open_wave is not None
            and organisation.pk in admin_organisation_ids(request.user),
        },
    )
