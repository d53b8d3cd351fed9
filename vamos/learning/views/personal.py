""" "My learning": progress, certificates, transfer-task answers and what I share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vamos.core import versions
from vamos.organisations.models import Organisation

from .. import selectors, services
from ..learner import learner_stamp
from ..models import Certificate, TransferAnswer
from ..permissions import can_learn

PER_PAGE = 10
OVERVIEW_TEMPLATE = "learning/includes/my_learning_overview.html"
# What the overview reads besides the learner's progress, whose stamp is part of its key
# (vamos.learning.learner): certificates, answers (and the organisations they are shared
# with), and the module and lesson pages for titles and addresses.
OVERVIEW_SOURCES = (Certificate, TransferAnswer, Organisation, *selectors.OUTLINE_SOURCES)


@require_GET
def my_learning(request: HttpRequest) -> HttpResponse:
    user = request.user
    stamp = learner_stamp(user=user)
    modules_number = selectors.page_param(request.GET.get("seite"))
    answers_number = selectors.page_param(request.GET.get("antworten"))
    overview = versions.cached(
        f"learning:my-learning:{stamp.key}:{get_language()}:{modules_number}:{answers_number}",
        depends_on=OVERVIEW_SOURCES,
        build=lambda: render_to_string(
            OVERVIEW_TEMPLATE,
            selectors.my_learning_overview(
                user=user,
                stamp=stamp,
                modules_page=modules_number,
                answers_page=answers_number,
                per_page=PER_PAGE,
            ),
        ),
    )
    return render(
        request,
        "learning/my_learning.html",
        {
            "can_learn": can_learn(user),
            "overview": mark_safe(overview),  # noqa: S308 – rendered by our own template
            "sharing": selectors.sharing_overview(user=user),
        },
    )


@require_POST
def sharing(request: HttpRequest) -> HttpResponse:
    key = request.POST.get("organisation", "")
    organisation = Organisation.objects.filter(pk=key).first() if key.isdigit() else None
    if organisation is None:
        raise Http404
    share = request.POST.get("share") == "1"
    try:
        services.sharing_consent_set(user=request.user, organisation=organisation, share=share)
    except ValidationError as error:
        raise Http404 from error  # not one of the person's organisations: do not reveal it
    if share:
        messages.success(
            request,
            _("The contact persons of %(organisation)s can now see your learning progress.")
            % {"organisation": organisation.name},
        )
    else:
        messages.success(
            request,
            _("%(organisation)s now sees your learning only as part of its totals.")
            % {"organisation": organisation.name},
        )
    return redirect("learning:my-learning")
