"""Parts of the dashboard kept in the cache as HTML, under the data versions of what they
show (``vamos.core.versions``): drawing about 30 tables and charts and the filter form's
selects costs many times what reading the cached figures does."""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from vamos.core.models import TopicField

from . import selectors
from .figures import Report, cached
from .forms import ReportFilterForm
from .models import Indicator, ProgrammeYear


def sections_html(report: Report) -> SafeString:
    """The indicators and every area as the dashboard draws them (about 30 tables and
    charts: most of the page's cost), kept in the cache with the figures they show. Their
    links repeat how the period was chosen, so that is part of the key."""
    html = cached(
        f"{report.cache_key('sections')}:{report.scope.querystring}",
        depends_on=[*report.sources, Indicator, ProgrammeYear],
        build=lambda: str(
            render_to_string(
                "reports/includes/sections.html",
                {"report": report, "indicators": selectors.report_indicator_progress(report)},
            )
        ),
    )
    return mark_safe(html)  # noqa: S308 – our own template, rendered from the figures


def filter_form_html(form: ReportFilterForm) -> SafeString:
    """The filter form as HTML. For a valid query it is kept in the cache by what was asked
    (its options are the programme years and topic fields); drawing its selects costs as
    much as the rest of the page."""

    def build() -> str:
        context = {"form": form, "programme_years": selectors.programme_year_list()}
        return str(render_to_string("reports/includes/filter_form.html", context))

    if not form.is_valid():
        return mark_safe(build())  # noqa: S308 – our own template
    data = form.data
    asked = sorted(data.lists()) if hasattr(data, "lists") else sorted(data.items())
    digest = hashlib.sha256(repr(asked).encode()).hexdigest()[:32]
    language = translation.get_language() or settings.LANGUAGE_CODE
    html = cached(
        f"reports:filter-form:{language}:{digest}",
        depends_on=[ProgrammeYear, TopicField],
        build=build,
    )
    return mark_safe(html)  # noqa: S308 – our own template
