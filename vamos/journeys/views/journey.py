"""Lists, the journey overview, the timeline, the PDF summary and the organisation's
own actions (applying, sharing with members, withdrawing)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error
from vamos.core.permissions import is_coach, is_team_admin

from .. import integrations, pdf, selectors, services
from ..forms import ApplyForm, CaseloadFilterForm, SharingForm, StatusForm, TimelineFilterForm
from ..models import Journey
from ..permissions import (
    allowed_status_changes,
    can_complete_follow_up,
    can_view_private_notes,
    get_journey_for_user,
    get_recommendation_for_user,
)
from ..selectors import CASELOAD_READS
from .common import filter_fields_html, journey_flags, paginate, request_key


def index(request: HttpRequest) -> HttpResponse:
    """Coaches and team admins get the caseload; people of organisations their journeys."""
    user = request.user
    if is_coach(user) or is_team_admin(user):
        return _caseload(request)
    journeys = selectors.organisation_journey_list(user=user)
    page, query_string = paginate(request, journeys)
    return render(
        request,
        "journeys/index.html",
        {
            "page_obj": page,
            "query_string": query_string,
            "rows": selectors.caseload_rows(page.object_list),
            "apply_organisations": selectors.apply_organisations(user=user),
        },
    )


def _caseload(request: HttpRequest) -> HttpResponse:
    team = is_team_admin(request.user)
    form = CaseloadFilterForm(
        request.GET or None, coaches=selectors.coach_choices() if team else None
    )
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status")
    today = timezone.localdate()

    def table() -> str:
        journeys = selectors.caseload(
            user=request.user,
            coach=filters.get("coach"),
            statuses=[status] if status else None,
            query=filters.get("q", ""),
        )
        page, query_string = paginate(request, journeys)
        context = {
            "page_obj": page,
            "query_string": query_string,
            "rows": selectors.caseload_rows(page.object_list),
            "is_team_admin": team,
            "today": today,
        }
        return str(render_to_string("journeys/includes/caseload_table.html", context))

    # Per person and day: "next activity" counts from now, so the table is at most ten
    # minutes late when an appointment passes.
    key = ":".join(["caseload", str(request.user.pk), str(team), today.isoformat()])
    return render(
        request,
        "journeys/caseload.html",
        {
            "form": form,
            "form_html": filter_fields_html(form, apps_read={"accounts"}),
            "table": mark_safe(  # noqa: S308 – rendered by our own template
                selectors.versioned(
                    f"{key}:{request_key(request)}",
                    apps_read=CASELOAD_READS,
                    build=table,
                    timeout=600,
                )
            ),
            "is_team_admin": team,
            "queue_count": selectors.application_queue_count() if team else 0,
        },
    )


def apply(request: HttpRequest) -> HttpResponse:
    organisations = selectors.apply_organisations(user=request.user)
    if not organisations:
        raise Http404
    form = ApplyForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            journey = services.journey_apply(
                organisation=form.cleaned_data["organisation"],
                applicant=request.user,
                motivation=form.cleaned_data["motivation"],
                availability=form.cleaned_data["availability"],
                topic_fields=list(form.cleaned_data["topic_fields"]),
                members_can_view=form.cleaned_data["members_can_view"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Thank you! The VAMOs team has received your application and will answer soon."),
            )
            return redirect("journeys:detail", pk=journey.pk)
    return render(request, "journeys/apply.html", {"form": form, "organisations": organisations})


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    journey = selectors.journey_with_figures(journey)
    context = journey_flags(request, journey)
    if context["can_view_notes"]:
        answers, count = integrations.shared_transfer_answers(organisation=journey.organisation)
        context.update({"transfer_answers": answers, "transfer_answer_count": count})
        if answers:
            services.transfer_answers_read(journey=journey, actor=request.user)
    context.update(
        {
            "figures": selectors.figures_of(journey),
            "next_review_due": selectors.next_review_due(journey),
            "coaches": [a.coach for a in journey.assignments.all()],
            "kickoff": selectors.journey_kickoff(journey),
            "needs": selectors.journey_needs(journey),
            "goals": selectors.journey_goals(journey),
            "upcoming": selectors.upcoming_activities(journey),
            "recent_activities": selectors.journey_activities(journey, status="held")[:5],
            "follow_ups": [
                (follow_up, can_complete_follow_up(request.user, follow_up))
                for follow_up in selectors.journey_follow_ups(journey)
            ],
            "reviews": selectors.journey_reviews(journey),
            "recommendations": selectors.journey_recommendations(journey),
            "status_history": selectors.status_history(journey),
            "sharing_form": SharingForm(initial={"members_can_view": journey.members_can_view}),
            "today": timezone.localdate(),
        }
    )
    return render(request, "journeys/detail.html", context)


def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    include_private = can_view_private_notes(request.user, journey)
    kinds = [
        (kind, label)
        for kind, label in selectors.TIMELINE_KINDS
        if include_private or kind != "note"
    ]
    form = TimelineFilterForm(request.GET or None, kinds=kinds)
    chosen = (form.cleaned_data.get("art") or "") if form.is_valid() else ""
    if include_private and (not chosen or chosen == "note"):
        services.private_notes_read(journey=journey, actor=request.user, where="timeline")

    def entries() -> str:
        found = selectors.journey_timeline(
            journey, include_private=include_private, kinds=[chosen] if chosen else None
        )
        page, query_string = paginate(request, found, per_page=30)
        context = {"page_obj": page, "query_string": query_string}
        return str(render_to_string("journeys/includes/timeline_entries.html", context))

    key = ":".join(
        ["timeline-page", str(journey.pk), str(include_private), chosen, request_key(request)]
    )
    context = journey_flags(request, journey)
    context["form"] = form
    context["form_html"] = filter_fields_html(form, apps_read=set())
    context["entries"] = mark_safe(  # noqa: S308 – rendered by our own template
        selectors.versioned(key, apps_read=selectors.TIMELINE_READS, build=entries)
    )
    return render(request, "journeys/timeline.html", context)


def summary_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    internal = request.GET.get("fassung") == "akte"
    if internal and not can_view_private_notes(request.user, journey):
        raise Http404
    document = pdf.journey_summary_pdf(journey, internal=internal, request=request)
    services.journey_summary_exported(journey=journey, actor=request.user, internal=internal)
    response = HttpResponse(document, content_type="application/pdf")
    suffix = "-akte" if internal else ""
    filename = f"lernreise-{journey.organisation.slug}-{timezone.localdate():%Y-%m-%d}{suffix}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def sharing(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="sharing")
    form = SharingForm(request.POST)
    form.is_valid()
    share = bool(form.cleaned_data.get("members_can_view"))
    services.journey_sharing_set(journey=journey, actor=request.user, members_can_view=share)
    if share:
        messages.success(request, _("All members of the organisation can now see the journey."))
    else:
        messages.success(request, _("From now on only the admins see the journey."))
    return redirect("journeys:detail", pk=journey.pk)


def status(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="status")
    statuses = allowed_status_changes(request.user, journey)
    form = StatusForm(request.POST or None, statuses=statuses)
    if request.method == "POST" and form.is_valid():
        try:
            services.journey_status_set(
                journey=journey,
                actor=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The journey is now: %(status)s.")
                % {"status": Journey.Status(form.cleaned_data["status"]).label},
            )
            return redirect("journeys:detail", pk=journey.pk)
    context = journey_flags(request, journey)
    context["form"] = form
    return render(request, "journeys/status.html", context)


def recommendation_open(request: HttpRequest, pk: int, recommendation: int) -> HttpResponse:
    """Follow a recommendation; the first visit of a member counts as taken up."""
    journey = get_journey_for_user(request, pk, action="view")
    item = get_recommendation_for_user(request, journey, recommendation)
    target = integrations.targets_resolve([(item.kind, item.target_id)]).get(
        (item.kind, item.target_id)
    )
    if item.withdrawn_at is not None or target is None:
        messages.info(request, _("This recommendation is no longer available."))
        return redirect("journeys:detail", pk=journey.pk)
    services.recommendation_opened(recommendation=item, user=request.user)
    return redirect(target.url)
