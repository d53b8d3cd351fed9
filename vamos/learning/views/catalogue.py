"""The catalogue, module and learning-path overviews: public, so that everyone sees what the
academy offers; lessons behind them need a learner."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from .. import selectors
from ..catalogue import PER_PAGE, catalogue_page
from ..forms import CatalogueFilterForm
from ..learner import learner_stamp
from ..models import Certificate
from ..permissions import can_learn, get_module_for_user, get_path_for_user

FILTER_TEMPLATE = "learning/includes/catalogue_filter.html"


@login_not_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters()
    learner = can_learn(request.user)
    # The learner's progress is read once for the cards and the "continue" box.
    stamp = learner_stamp(user=request.user) if learner else None
    shown = catalogue_page(
        user=request.user,
        stamp=stamp,
        page=request.GET.get("seite"),
        # A form with errors is rendered each time (never cached).
        render_filters=None if form.errors else partial(_filter_form_html, form),
        **filters,
    )
    # The paginator only counts; the page's items come from the (cached) catalogue.
    page = Paginator(range(shown.count), PER_PAGE).page(shown.number)
    page.object_list = shown.items  # type: ignore[assignment]
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "learning/catalogue.html",
        {
            "filter_form": shown.filters_html or _filter_form_html(form),
            "page_obj": page,
            "query_string": query.urlencode(),
            "library": {"intro": shown.intro},
            "can_learn": learner,
            "continue_with": (
                selectors.continue_lesson(user=request.user, stamp=stamp) if stamp else None
            ),
            "active_format": filters.get("kind", ""),
        },
    )


def _filter_form_html(form: CatalogueFilterForm) -> str:
    """The filter form; a valid one without search text is cached with the catalogue's page
    (only the chosen filters, which are part of its key, change its HTML)."""
    return render_to_string(FILTER_TEMPLATE, {"form": form})


@login_not_required
@require_GET
def module_detail(request: HttpRequest, slug: str) -> HttpResponse:
    module = get_module_for_user(request, slug)
    certificate = None
    if request.user.is_authenticated:
        certificate = Certificate.objects.filter(
            user=request.user, module_key=module.key, withdrawn_at__isnull=True
        ).first()
    return render(
        request,
        "learning/module_detail.html",
        {
            "module": module,
            "can_learn": can_learn(request.user),
            "paths": selectors.module_paths(module=module, user=request.user),
            "certificate": certificate,
        },
    )


@login_not_required
@require_GET
def path_detail(request: HttpRequest, slug: str) -> HttpResponse:
    path = selectors.path_resolve(user=request.user, path=get_path_for_user(request, slug))
    return render(
        request,
        "learning/path_detail.html",
        {"path": path, "can_learn": can_learn(request.user)},
    )
