"""The team's impact dashboard, its exports, indicators and programme years, and each
organisation's own development report."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error

from . import exports, fragments, selectors, services
from .figures import AREAS, Report
from .forms import IndicatorForm, ProgrammeYearForm, ReportFilterForm
from .models import Indicator, ProgrammeYear
from .organisation import organisation_report
from .permissions import (
    get_indicator_for_user,
    get_organisation_report_for_user,
    get_programme_year_for_user,
    require_team_reports,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(request: HttpRequest) -> tuple[ReportFilterForm, Report | None]:
    form = ReportFilterForm(request.GET or None)
    if not form.is_valid():
        return form, None
    return form, Report(form.scope())


def dashboard(request: HttpRequest) -> HttpResponse:
    require_team_reports(request)
    form, report = _report(request)
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "filter_form": fragments.filter_form_html(form),
            "report": report,
            "area_titles": AREAS,
            "sections": fragments.sections_html(report) if report else "",
            "filters": exports.filter_lines(report) if report else [],
        },
    )


def _export(request: HttpRequest, file_format: str) -> HttpResponse:
    require_team_reports(request)
    _form, report = _report(request)
    if report is None:
        messages.error(request, _("Please correct the period before downloading the report."))
        return redirect(f"{reverse('reports:dashboard')}?{request.GET.urlencode()}")
    indicators = selectors.report_indicator_progress(report)
    services.report_export_logged(actor=request.user, scope=report.scope, file_format=file_format)
    if file_format == "xlsx":
        content, content_type = exports.report_xlsx(report, indicators), XLSX
    else:
        content, content_type = exports.report_pdf(report, indicators), "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    filename = exports.report_filename(report, file_format)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def export_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


def export_pdf(request: HttpRequest) -> HttpResponse:
    return _export(request, "pdf")


RECORD_TITLES = {
    "organisations": "Registered organisations",
    "events": "Events",
    "journeys": "Learning journeys",
    "best-practices": "Best practices published",
}


def records(request: HttpRequest) -> HttpResponse:
    """The records behind a figure, for the team: each links to its page."""
    require_team_reports(request)
    kind = request.GET.get("liste", "")
    if kind not in selectors.RECORD_LISTS:
        raise Http404
    form, report = _report(request)
    page = None
    if report is not None:
        found = selectors.records(report.scope, kind=kind, group=request.GET.get("gruppe", ""))
        page = Paginator(found, 50).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    back = request.GET.copy()
    for name in ("liste", "gruppe", "seite"):
        back.pop(name, None)
    return render(
        request,
        "reports/records.html",
        {
            "form": form,
            "report": report,
            "kind": kind,
            "group": request.GET.get("gruppe", ""),
            "group_label": selectors.group_label(kind, request.GET.get("gruppe", "")),
            "page_obj": page,
            "query_string": query.urlencode(),
            "back_query": back.urlencode(),
        },
    )


# --- Indicators and programme years ---------------------------------------------------------


def indicator_list(request: HttpRequest) -> HttpResponse:
    require_team_reports(request)
    indicators = list(selectors.indicator_list())
    return render(
        request,
        "reports/indicators.html",
        {"progress": selectors.indicator_progress(indicators)},
    )


def _indicator_form(request: HttpRequest, indicator: Indicator) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_save(indicator=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The indicator has been saved."))
            return redirect("reports:indicators")
    return render(request, "reports/indicator_form.html", {"form": form, "indicator": indicator})


def indicator_create(request: HttpRequest) -> HttpResponse:
    require_team_reports(request)
    return _indicator_form(request, Indicator())


def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_team_reports(request)
    return _indicator_form(request, get_indicator_for_user(request, pk))


@require_POST
def indicator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_team_reports(request)
    indicator = get_indicator_for_user(request, pk)
    services.indicator_delete(indicator=indicator, actor=request.user)
    messages.success(request, _("The indicator has been deleted."))
    return redirect("reports:indicators")


def programme_year_list(request: HttpRequest) -> HttpResponse:
    require_team_reports(request)
    return render(
        request, "reports/programme_years.html", {"years": selectors.programme_year_list()}
    )


def _programme_year_form(request: HttpRequest, year: ProgrammeYear) -> HttpResponse:
    form = ProgrammeYearForm(request.POST or None, instance=year)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_year_save(year=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The programme year has been saved."))
            return redirect("reports:programme-years")
    return render(request, "reports/programme_year_form.html", {"form": form, "year": year})


def programme_year_create(request: HttpRequest) -> HttpResponse:
    require_team_reports(request)
    return _programme_year_form(request, ProgrammeYear())


def programme_year_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_team_reports(request)
    return _programme_year_form(request, get_programme_year_for_user(request, pk))


@require_POST
def programme_year_delete(request: HttpRequest, pk: int) -> HttpResponse:
    require_team_reports(request)
    year = get_programme_year_for_user(request, pk)
    try:
        services.programme_year_delete(year=year, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The programme year has been deleted."))
    return redirect("reports:programme-years")


# --- Organisation report --------------------------------------------------------------------


def _organisation_context(request: HttpRequest, slug: str) -> dict[str, Any]:
    organisation = get_organisation_report_for_user(request, slug)
    return {"organisation": organisation, "report": organisation_report(organisation)}


def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    context = _organisation_context(request, slug)
    return render(request, "reports/organisation.html", context)


def organisation_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    context = _organisation_context(request, slug)
    services.organisation_report_logged(
        actor=request.user, organisation=context["organisation"], file_format="pdf"
    )
    response = HttpResponse(
        exports.html_to_pdf(exports.organisation_html(context), tagged=True),
        content_type="application/pdf",
    )
    filename = f"entwicklungsbericht-{context['organisation'].slug}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
