"""The catalogue, module and learning-path overviews: public, so that everyone sees what the
academy offers; lessons behind them need a learner."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import selectors
from ..forms import CatalogueFilterForm
from ..models import Certificate, LearningLibraryPage
from ..permissions import can_learn, get_module_for_user, get_path_for_user

PER_PAGE = 12


@login_not_required
@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    items = selectors.catalogue(user=request.user, **form.filters())
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("seite"))
    selectors.catalogue_hydrate(page.object_list)
    query = request.GET.copy()
    query.pop("seite", None)
    language = selectors.language_code()
    library = (
        LearningLibraryPage.objects.live().filter(locale__language_code=language).first()
        or LearningLibraryPage.objects.live().first()
    )
    learner = can_learn(request.user)
    return render(
        request,
        "learning/catalogue.html",
        {
            "form": form,
            "page_obj": page,
            "query_string": query.urlencode(),
            "library": library,
            "can_learn": learner,
            "continue_with": selectors.continue_lesson(user=request.user) if learner else None,
            "active_format": form.filters().get("kind", ""),
        },
    )


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
