"""The team admin's back office in the platform: the application queue, the decision with
coach assignment, period and hour budget, and later changes to them."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from vamos.core.forms import apply_validation_error

from .. import selectors, services
from ..forms import AcceptForm, DeclineForm, SupportForm
from ..permissions import can_administer_journeys, get_journey_for_user
from .common import journey_flags


def queue(request: HttpRequest) -> HttpResponse:
    if not can_administer_journeys(request.user):
        raise Http404
    return render(
        request,
        "journeys/queue.html",
        {
            "applications": selectors.application_queue(),
            "decided": selectors.applications_recently_decided(),
        },
    )


def decide(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="decide")
    decision = request.POST.get("decision")
    coaches = selectors.coach_choices()
    today = timezone.localdate()
    accept_form = AcceptForm(
        request.POST if decision == "accept" else None,
        coaches=coaches,
        workload=selectors.coach_workload(),
        initial={"start_date": today, "planned_end_date": today + timedelta(days=365)},
    )
    decline_form = DeclineForm(request.POST if decision == "decline" else None)
    if request.method == "POST":
        try:
            if decision == "accept" and accept_form.is_valid():
                services.journey_accept(
                    journey=journey, actor=request.user, **_support(accept_form)
                )
                messages.success(
                    request,
                    _(
                        "The application has been accepted; the organisation and the coaches are "
                        "informed by email."
                    ),
                )
                return redirect("journeys:detail", pk=journey.pk)
            if decision == "decline" and decline_form.is_valid():
                services.journey_decline(
                    journey=journey, actor=request.user, reason=decline_form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("The application has been declined; the organisation is informed by email."),
                )
                return redirect("journeys:queue")
        except ValidationError as error:
            apply_validation_error(accept_form if decision == "accept" else decline_form, error)
    context = journey_flags(request, journey)
    context.update(
        {
            "accept_form": accept_form,
            "decline_form": decline_form,
            "topic_fields": journey.interest_topic_fields.all(),
        }
    )
    return render(request, "journeys/decide.html", context)


def _support(form: SupportForm) -> dict:
    data = form.cleaned_data
    result = {
        "coaches": list(data["coaches"]),
        "lead_coach": data.get("lead_coach"),
        "start_date": data["start_date"],
        "planned_end_date": data["planned_end_date"],
        "hour_budget": data["hour_budget"],
        "review_interval_weeks": data["review_interval_weeks"],
    }
    if "message" in data:
        result["message"] = data["message"]
    return result


def support(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="support")
    assignments = list(journey.assignments.select_related("coach"))
    lead = next((a.coach for a in assignments if a.is_lead), None)
    form = SupportForm(
        request.POST or None,
        coaches=selectors.coach_choices(),
        workload=selectors.coach_workload(),
        initial={
            "coaches": [a.coach for a in assignments],
            "lead_coach": lead,
            "start_date": journey.start_date,
            "planned_end_date": journey.planned_end_date,
            "hour_budget": journey.hour_budget,
            "review_interval_weeks": journey.review_interval_weeks,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.journey_support_update(journey=journey, actor=request.user, **_support(form))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Coaches, period and budget have been saved."))
            return redirect("journeys:detail", pk=journey.pk)
    context = journey_flags(request, journey)
    context["form"] = form
    return render(request, "journeys/support.html", context)
