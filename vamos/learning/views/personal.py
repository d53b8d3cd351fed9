""" "My learning": progress, certificates, transfer-task answers and what I share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vamos.organisations.models import Organisation

from .. import selectors, services
from ..permissions import can_learn

PER_PAGE = 10


@require_GET
def my_learning(request: HttpRequest) -> HttpResponse:
    user = request.user
    modules = Paginator(selectors.my_module_records(user=user), PER_PAGE).get_page(
        request.GET.get("seite")
    )
    certificates = list(selectors.my_certificates(user=user))
    modules.object_list = selectors.my_modules(  # type: ignore[assignment]
        user=user, records=modules.object_list, certificates=certificates
    )
    answers = Paginator(selectors.my_transfer_answers(user=user), PER_PAGE).get_page(
        request.GET.get("antworten")
    )
    urls = selectors.lesson_urls(lesson_keys=[answer.lesson_key for answer in answers])
    for answer in answers:
        answer.url = urls.get(answer.lesson_key, "")
    return render(
        request,
        "learning/my_learning.html",
        {
            "can_learn": can_learn(user),
            "modules_page": modules,
            "answers_page": answers,
            "certificates": certificates,
            "sharing": selectors.sharing_choices(user=user),
            "continue_with": selectors.continue_lesson(user=user),
            "summary": {
                **selectors.user_module_counts(user=user),
                "certificates": len(certificates),
            },
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
