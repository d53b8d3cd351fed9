"""The team's survey desk: build surveys and rounds, invite and remind, follow response
rates, read results and the needs overview, export. Team admins only; everyone else 404."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vamos.core.forms import apply_validation_error
from vamos.core.services import audit_log

from . import exports, services
from .forms import (
    HeatmapForm,
    InviteForm,
    QuestionForm,
    ResultsFilterForm,
    SectionForm,
    SurveyForm,
    WaveCreateForm,
    WaveForm,
)
from .models import Participation, Question, Survey, Wave
from .permissions import (
    can_manage_surveys,
    get_question_for_team,
    get_section_for_team,
    get_survey_for_team,
    get_team_response_for_user,
    get_wave_for_team,
)
from .presenters import answer_pages
from .questionnaire import wave_pages, wave_questions
from .selectors.feedback import feedback_forms
from .selectors.results import (
    GROUP_STATES,
    min_group_size,
    threshold_for,
)
from .selectors.team_results import (
    RESPONSES_PER_PAGE,
    TEXTS_PER_PAGE,
    feedback_summary,
    heatmap_summary,
    identified_responses,
    page_of,
    rates_summary,
    results_summary,
    status_page,
    text_answers,
)
from .services.answering import response_answers
from .services.common import wave_has_responses


def _require_team(request: HttpRequest) -> None:
    if not can_manage_surveys(request.user):
        raise Http404


def _page(request: HttpRequest, items: Any, per_page: int = 20) -> Any:
    return Paginator(items, per_page).get_page(request.GET.get("seite"))


# --- Surveys ------------------------------------------------------------------------------


@require_GET
def team_index(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    surveys = (
        Survey.objects.exclude(kind=Survey.Kind.FEEDBACK)
        .annotate(wave_count=Count("waves"))
        .prefetch_related(Prefetch("waves", queryset=Wave.objects.order_by("-opens_on", "-pk")))
        .order_by("kind", "title_de")
    )
    return render(request, "surveys/team/index.html", {"page_obj": _page(request, surveys)})


@require_http_methods(["GET", "POST"])
def survey_create(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The survey has been created. Now add its first round."))
            return redirect("surveys:wave-create", pk=survey.pk)
    return render(request, "surveys/team/survey_form.html", {"form": form})


def _count_per_wave(model: Any) -> Coalesce:
    rows = model.objects.filter(wave=OuterRef("pk")).order_by().values("wave")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


@require_http_methods(["GET", "POST"])
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_team(request, pk)
    form = SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(survey=survey, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The survey has been saved."))
            return redirect("surveys:survey-detail", pk=survey.pk)
    # Counted in subqueries: joining both would count every participation per question.
    waves = survey.waves.annotate(
        submitted=_count_per_wave(Participation),
        question_count=_count_per_wave(Question),
    ).order_by("-opens_on", "-pk")
    return render(
        request,
        "surveys/team/survey_detail.html",
        {"survey": survey, "form": form, "waves": waves},
    )


@require_http_methods(["GET", "POST"])
def wave_create(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_team(request, pk)
    form = WaveCreateForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            wave = services.wave_create(
                survey=survey,
                actor=request.user,
                label=data["label"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                audience=data["audience"],
                start=data["start"],
                source=data.get("source"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The round has been created. Check it, then publish it."))
            return redirect("surveys:wave-detail", pk=wave.pk)
    return render(request, "surveys/team/wave_create.html", {"survey": survey, "form": form})


# --- A round ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def wave_detail(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    form = WaveForm(request.POST or None, instance=wave)
    if request.method == "POST" and form.is_valid():
        try:
            services.wave_update(wave=wave, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The round has been saved."))
            return redirect("surveys:wave-detail", pk=wave.pk)
    questions = wave_questions(wave)
    sections = wave.sections.order_by("position", "pk")
    by_section: dict[int, list[Question]] = {}
    for question in questions:
        by_section.setdefault(question.section_id, []).append(question)
    return render(
        request,
        "surveys/team/wave_detail.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "form": form,
            "sections": [(section, by_section.get(section.pk, [])) for section in sections],
            "rate": rates_summary(wave=wave).rate,
            "locked": wave_has_responses(wave),
            "page_count": len(wave_pages(wave, questions)),
        },
    )


@require_http_methods(["GET", "POST"])
def section_form(request: HttpRequest, pk: int, section_pk: int | None = None) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    section = get_section_for_team(request, wave, section_pk) if section_pk else None
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_save(
                wave=wave, actor=request.user, data=form.cleaned_data, section=section
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The section has been saved."))
            return redirect("surveys:wave-detail", pk=wave.pk)
    return render(
        request,
        "surveys/team/section_form.html",
        {"wave": wave, "survey": wave.survey, "section": section, "form": form},
    )


@require_POST
def section_delete(request: HttpRequest, pk: int, section_pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    section = get_section_for_team(request, wave, section_pk)
    try:
        services.section_delete(section=section, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The section and its questions have been deleted."))
    return redirect("surveys:wave-detail", pk=wave.pk)


@require_POST
def section_move(request: HttpRequest, pk: int, section_pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    section = get_section_for_team(request, wave, section_pk)
    try:
        services.section_move(
            section=section, actor=request.user, direction=request.POST.get("direction", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("surveys:wave-detail", pk=wave.pk)


@require_http_methods(["GET", "POST"])
def question_form(request: HttpRequest, pk: int, question_pk: int | None = None) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    question = get_question_for_team(request, wave, question_pk) if question_pk else None
    instance = question or Question(wave=wave)
    if request.headers.get("HX-Request") and "condition_question" in request.GET:
        # The condition's answers follow the chosen question without reloading the page.
        form = QuestionForm(
            initial={"condition_question": request.GET.get("condition_question")},
            instance=instance,
            wave=wave,
        )
        return render(request, "surveys/team/question_form.html#condition-values", {"form": form})
    initial = {}
    if question is None and request.GET.get("abschnitt"):
        initial["section"] = request.GET["abschnitt"]
    form = QuestionForm(request.POST or None, instance=instance, wave=wave, initial=initial)
    form.fields["condition_question"].widget.attrs.update(
        {
            "hx-get": request.path,
            "hx-trigger": "change",
            "hx-target": "#condition-values",
            "hx-swap": "outerHTML",
        }
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(
                wave=wave,
                actor=request.user,
                question=question,
                data=form.service_data(),
                choices=form.cleaned_data["choices"],
                topic_fields=list(form.cleaned_data["topic_fields"]),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The question has been saved."))
            return redirect("surveys:wave-detail", pk=wave.pk)
    return render(
        request,
        "surveys/team/question_form.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "question": question,
            "form": form,
            "locked": wave_has_responses(wave),
        },
    )


@require_POST
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    question = get_question_for_team(request, wave, question_pk)
    try:
        services.question_delete(question=question, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question has been deleted."))
    return redirect("surveys:wave-detail", pk=wave.pk)


@require_POST
def question_move(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    question = get_question_for_team(request, wave, question_pk)
    try:
        services.question_move(
            question=question, actor=request.user, direction=request.POST.get("direction", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("surveys:wave-detail", pk=wave.pk)


@require_GET
def wave_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The questionnaire as respondents will see it, page by page (nothing is saved)."""
    wave = get_wave_for_team(request, pk)
    questions = wave_questions(wave)
    return render(
        request,
        "surveys/team/wave_preview.html",
        {"wave": wave, "survey": wave.survey, "pages": wave_pages(wave, questions)},
    )


# --- Invitations and response rates --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def wave_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.wave_invite_organisations(
                wave=wave,
                actor=request.user,
                kinds=form.cleaned_data["kinds"],
                federal_states=form.cleaned_data["federal_states"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if result.invited:
                messages.success(
                    request,
                    _("%(invited)s invited; %(emails)s emails are on their way.")
                    % {"invited": result.invited, "emails": result.emails},
                )
            else:
                messages.info(request, _("Everyone matching the filter was already invited."))
            if result.without_admin:
                messages.warning(
                    request,
                    _("%(count)s organisations have no admin and received no email.")
                    % {"count": result.without_admin},
                )
            return redirect("surveys:wave-invitations", pk=wave.pk)
    status = status_page(wave=wave, number=request.GET.get("seite"), per_page=25)
    by = GROUP_STATES if request.GET.get("nach") == GROUP_STATES else "kind"
    rates = rates_summary(wave=wave, by=by)
    return render(
        request,
        "surveys/team/wave_invitations.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "form": form,
            "rate": rates.rate,
            "rates_by": rates.by,
            "by": by,
            "rows": status.rows,
            "page_obj": page_of(status.count, status.number, 25),
            "query_string": f"nach={by}",
            "reminder_days": settings.VAMOS_SURVEY_REMINDER_DAYS,
        },
    )


@require_POST
def wave_remind(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    try:
        result = services.wave_remind(wave=wave, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Reminders sent to %(count)s who have not answered yet (%(emails)s emails).")
            % {"count": result.invited, "emails": result.emails},
        )
    return redirect("surveys:wave-invitations", pk=wave.pk)


# --- Results ------------------------------------------------------------------------------


def _results_filters(request: HttpRequest) -> tuple[ResultsFilterForm, str, str]:
    form = ResultsFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, filters.get("kind", ""), filters.get("state", "")


@require_GET
def wave_results_view(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    form, kind, state = _results_filters(request)
    results = results_summary(wave=wave, kind=kind, state=state)
    page_obj = responses = None
    if not wave.survey.anonymous:
        # The results count exactly the responses listed here.
        page_obj = page_of(results.responses, request.GET.get("seite"), RESPONSES_PER_PAGE)
        responses = identified_responses(wave=wave, page=page_obj.number, kind=kind, state=state)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "surveys/team/wave_results.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "form": form,
            "results": results,
            "page_obj": page_obj,
            "responses": responses,
            "query_string": query.urlencode(),
        },
    )


@require_GET
def wave_text_answers(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    """Every free-text answer to one question, a page at a time, with the results' filter."""
    wave = get_wave_for_team(request, pk)
    form, kind, state = _results_filters(request)
    answers = text_answers(wave=wave, question_pk=question_pk, kind=kind, state=state)
    if answers is None:
        raise Http404
    page_obj = page_of(len(answers.texts), request.GET.get("seite"), TEXTS_PER_PAGE)
    start = (page_obj.number - 1) * TEXTS_PER_PAGE
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "surveys/team/text_answers.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "form": form,
            "answers": answers,
            "texts": answers.texts[start : start + TEXTS_PER_PAGE],
            "first": start + 1,
            "last": start + len(page_obj),
            "page_obj": page_obj,
            "query_string": query.urlencode(),
            "min_group": threshold_for(wave.survey),
        },
    )


@require_GET
def wave_needs(request: HttpRequest, pk: int) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    form = HeatmapForm(request.GET or None)
    by = form.cleaned_data.get("by") if form.is_valid() else ""
    heatmap = heatmap_summary(wave=wave, by=by or "kind")
    return render(
        request,
        "surveys/team/wave_needs.html",
        {"wave": wave, "survey": wave.survey, "form": form, "heatmap": heatmap},
    )


@require_GET
def wave_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    wave = get_wave_for_team(request, pk)
    if fmt not in exports.FORMATS:
        raise Http404
    response = exports.wave_export_response(wave=wave, fmt=fmt)
    audit_log(
        actor=request.user,
        action="survey.export",
        obj=wave,
        data={"format": fmt, "anonymous": wave.survey.anonymous},
    )
    return response


@require_GET
def team_response(request: HttpRequest, pk: int, response_pk: Any) -> HttpResponse:
    """One identified response, for the team; reading it is logged."""
    wave = get_wave_for_team(request, pk)
    response = get_team_response_for_user(request, wave, response_pk)
    questions = wave_questions(wave)
    audit_log(actor=request.user, action="survey.response_read", obj=response)
    return render(
        request,
        "surveys/team/response.html",
        {
            "wave": wave,
            "survey": wave.survey,
            "response": response,
            "pages": answer_pages(wave, questions, response_answers(response)),
        },
    )


@require_GET
def feedback_overview(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    feedback = feedback_summary()
    return render(
        request,
        "surveys/team/feedback.html",
        {
            "page_obj": _page(request, feedback_forms()),
            "by_kind": feedback.by_kind,
            "scale_keys": feedback.scale_keys,
            "min_group": min_group_size(),
        },
    )
