"""What coaches record on a journey: kickoff, goals, activities, notes, reviews, follow-ups
and recommendations. Organisation people read most of these pages, without private notes."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error
from vamos.core.models import TopicField
from vamos.core.services import form_submit_once

from .. import integrations, selectors, services
from ..forms import (
    ActivityEditForm,
    ActivityEventForm,
    ActivityFilterForm,
    ActivityForm,
    FollowUpForm,
    GoalEditForm,
    GoalForm,
    GoalRatingForm,
    KickoffForm,
    KickoffGoalForm,
    NeedForm,
    NoteForm,
    RecommendationForm,
    ReviewForm,
)
from ..models import Activity, Goal, Journey
from ..permissions import (
    can_complete_follow_up,
    can_view_private_notes,
    can_work_on_journey,
    get_activity_for_user,
    get_follow_up_for_user,
    get_goal_for_user,
    get_journey_for_user,
    get_note_for_user,
    get_recommendation_for_user,
    get_review_for_user,
)
from .common import is_htmx, journey_flags, paginate, safe_next

KICKOFF_GOAL_ROWS = 3


def _render(request: HttpRequest, template: str, journey: Journey, **context: Any) -> HttpResponse:
    return render(request, template, {**journey_flags(request, journey), **context})


def _notes(request: HttpRequest, journey: Journey, where: str, **filters: Any) -> Any:
    """Private notes if the user may read them (and the read is logged for team admins)."""
    if not can_view_private_notes(request.user, journey):
        return None
    notes = list(selectors.private_notes(journey, **filters))
    if notes:
        services.private_notes_read(journey=journey, actor=request.user, where=where)
    return notes


# --- Kickoff ------------------------------------------------------------------------------


def kickoff(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    record = selectors.journey_kickoff(journey)
    return _render(
        request,
        "journeys/kickoff.html",
        journey,
        kickoff=record,
        needs=selectors.journey_needs(journey),
        goals=selectors.journey_goals(journey),
        notes=_notes(request, journey, "kickoff", kickoff=True),
        self_assessment=_self_assessment(request, journey),
    )


def _self_assessment(request: HttpRequest, journey: Journey) -> Any:
    """The organisation's Verbands-Check, for the coaches who clarify its needs."""
    if not can_view_private_notes(request.user, journey):
        return None
    return integrations.self_assessment(organisation=journey.organisation)


def kickoff_edit(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    if not journey.is_running:
        raise Http404
    record = selectors.journey_kickoff(journey)
    initial = {}
    if record is not None:
        initial = {
            "scheduled_for": record.scheduled_for and timezone.localtime(record.scheduled_for),
            "held_on": record.held_on,
            "participants": record.participants,
            "participants_count": record.participants_count,
            "summary": record.summary,
        }
    data = request.POST if request.method == "POST" else None
    form = KickoffForm(data, initial=initial)
    existing = {need.topic_field_id: need for need in selectors.journey_needs(journey)}
    need_forms = [
        NeedForm(
            data,
            prefix=f"need-{topic_field.slug}",
            topic_field=topic_field,
            initial=(
                {
                    "priority": existing[topic_field.pk].priority,
                    "situation": existing[topic_field.pk].situation,
                    "notes": existing[topic_field.pk].notes,
                }
                if topic_field.pk in existing
                else {}
            ),
        )
        for topic_field in TopicField.objects.all()
    ]
    goal_forms = [
        KickoffGoalForm(data, prefix=f"goal-{n}", number=n + 1) for n in range(KICKOFF_GOAL_ROWS)
    ]
    if request.method == "POST":
        # Validate every form (no short-circuit), so that all errors show at once.
        results = [f.is_valid() for f in [form, *need_forms, *goal_forms]]
        if all(results):
            try:
                services.kickoff_save(
                    journey=journey,
                    actor=request.user,
                    scheduled_for=form.cleaned_data["scheduled_for"],
                    held_on=form.cleaned_data["held_on"],
                    participants=form.cleaned_data["participants"],
                    participants_count=form.cleaned_data["participants_count"],
                    summary=form.cleaned_data["summary"],
                    private_note=form.cleaned_data["private_note"],
                    needs=[{"topic_field": f.topic_field, **f.cleaned_data} for f in need_forms],
                    goals=[
                        {
                            "topic_field": f.cleaned_data["topic_field"],
                            "description": f.cleaned_data["description"],
                            "success_indicator": f.cleaned_data["success_indicator"],
                            "target_date": f.cleaned_data["target_date"],
                        }
                        for f in goal_forms
                        if f.is_filled
                    ],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The kickoff has been saved."))
                return redirect("journeys:kickoff", pk=journey.pk)
    return _render(
        request,
        "journeys/kickoff_form.html",
        journey,
        form=form,
        need_forms=need_forms,
        goal_forms=goal_forms,
        error_forms=[form, *need_forms, *goal_forms],
        goals=selectors.journey_goals(journey),
        self_assessment=_self_assessment(request, journey),
    )


# --- Goals --------------------------------------------------------------------------------


def goal_create(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(journey=journey, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The goal has been added."))
            return redirect("journeys:goal", pk=journey.pk, goal=goal.pk)
    return _render(request, "journeys/goal_form.html", journey, form=form, goal=None)


def goal_detail(request: HttpRequest, pk: int, goal: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    item = get_goal_for_user(request, journey, goal)
    return _render(
        request,
        "journeys/goal.html",
        journey,
        goal=item,
        history=selectors.goal_history(item),
        activities=item.activities.order_by("-held_on", "-planned_for"),
    )


def goal_edit(request: HttpRequest, pk: int, goal: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    item = get_goal_for_user(request, journey, goal)
    form = GoalEditForm(
        request.POST or None,
        initial={
            "topic_field": item.topic_field,
            "description": item.description,
            "success_indicator": item.success_indicator,
            "target_date": item.target_date,
            "status": item.status,
            "progress": item.progress,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_update(goal=item, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The goal has been changed; its history is kept."))
            return redirect("journeys:goal", pk=journey.pk, goal=item.pk)
    return _render(request, "journeys/goal_form.html", journey, form=form, goal=item)


# --- Activities ---------------------------------------------------------------------------


def activity_list(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    form = ActivityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    activities = selectors.journey_activities(
        journey, format=filters.get("format", ""), status=filters.get("status", "")
    )
    page, query_string = paginate(request, activities)
    by_format = selectors.hours_by_format(journey)
    return _render(
        request,
        "journeys/activities.html",
        journey,
        form=form,
        page_obj=page,
        query_string=query_string,
        hours_by_format=by_format,
        hours_max=max([row["hours"] for row in by_format] + [1]),
    )


def _activity_form(
    request: HttpRequest, journey: Journey, form_class: type, **kwargs: Any
) -> ActivityForm:
    return form_class(
        request.POST or None,
        journey=journey,
        owners=services.follow_up_owner_choices(journey),
        **kwargs,
    )


def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    if not journey.is_running:
        raise Http404
    initial: dict[str, Any] = {"held_on": timezone.localdate(), "status": Activity.Status.HELD}
    if request.GET.get("format") in Activity.Format.values:
        initial["format"] = request.GET["format"]
    form = _activity_form(request, journey, ActivityForm, initial=initial)
    if request.method == "POST" and form.is_valid():

        def create_activity() -> str:
            activity = services.activity_save(
                journey=journey,
                actor=request.user,
                data=form.activity_data(),
                goals=list(form.cleaned_data["goals"]),
                topic_fields=list(form.cleaned_data["topic_fields"]),
                private_note=form.cleaned_data["private_note"],
                follow_up=form.follow_up_data(),
            )
            return reverse("journeys:activity", kwargs={"pk": journey.pk, "activity": activity.pk})

        try:
            # The same form sent twice (double click, back button) records one activity.
            url, created = form_submit_once(
                key=form.cleaned_data["submission_key"], user=request.user, create=create_activity
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if created:
                _budget_message(request, journey)
                messages.success(request, _("The activity has been saved."))
            return redirect(url)
    return _render(request, "journeys/activity_form.html", journey, form=form, activity=None)


def _budget_message(request: HttpRequest, journey: Journey) -> None:
    figures = selectors.figures_of(journey)
    if figures.over_budget:
        messages.warning(
            request,
            _(
                "The hour budget is exceeded: %(used)s of %(budget)s hours used. "
                "Please talk to the team."
            )
            % {"used": figures.hours_used, "budget": figures.hour_budget},
        )


def activity_detail(request: HttpRequest, pk: int, activity: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    item = get_activity_for_user(request, journey, activity)
    note_form = None
    if can_view_private_notes(request.user, journey) and can_work_on_journey(request.user, journey):
        note_form = NoteForm(request.POST or None)
        if request.method == "POST" and note_form.is_valid():
            try:
                services.note_add(
                    journey=journey,
                    actor=request.user,
                    text=note_form.cleaned_data["text"],
                    activity=item,
                )
            except ValidationError as error:
                apply_validation_error(note_form, error)
            else:
                messages.success(request, _("The private note has been saved."))
                return redirect("journeys:activity", pk=journey.pk, activity=item.pk)
    elif request.method == "POST":
        raise Http404
    can_create_event = can_work_on_journey(request.user, journey) and services.can_become_event(
        item
    )
    return _render(
        request,
        "journeys/activity.html",
        journey,
        activity=item,
        linked_event=integrations.event_target(item.event_id),
        linked_module=(
            integrations.targets_resolve([("module", item.module_id)]).get(
                ("module", item.module_id)
            )
            if item.module_id
            else None
        ),
        participation=(
            integrations.event_participation(
                event_id=item.event_id, organisation=journey.organisation
            )
            if item.event_id
            else {}
        ),
        event_form=(
            ActivityEventForm(
                initial={"invite_member_clubs": item.format == Activity.Format.MEMBER_CLUB_EVENT}
            )
            if can_create_event
            else None
        ),
        goals=item.goals.select_related("topic_field"),
        topic_fields=item.topic_fields.all(),
        follow_ups=item.follow_ups.select_related("owner", "done_by").order_by("due_on"),
        notes=_notes(request, journey, "activity", activity=item),
        note_form=note_form,
    )


@require_POST
def activity_event(request: HttpRequest, pk: int, activity: int) -> HttpResponse:
    """Create the event for a planned webinar or member-club event from the activity."""
    journey = get_journey_for_user(request, pk, action="work")
    item = get_activity_for_user(request, journey, activity)
    if not services.can_become_event(item):
        raise Http404
    form = ActivityEventForm(request.POST)
    if form.is_valid():
        try:
            services.activity_event_create(activity=item, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The event has been created; the organisation can now register for it."),
            )
            return redirect("journeys:activity", pk=journey.pk, activity=item.pk)
    return _render(
        request,
        "journeys/activity.html",
        journey,
        activity=item,
        linked_event=None,
        linked_module=None,
        participation={},
        event_form=form,
        goals=item.goals.select_related("topic_field"),
        topic_fields=item.topic_fields.all(),
        follow_ups=item.follow_ups.select_related("owner", "done_by").order_by("due_on"),
        notes=_notes(request, journey, "activity", activity=item),
        note_form=NoteForm(),
    )


def activity_edit(request: HttpRequest, pk: int, activity: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    item = get_activity_for_user(request, journey, activity)
    initial = {
        "format": item.format,
        "status": item.status,
        "held_on": item.held_on,
        "planned_for": item.planned_for and timezone.localtime(item.planned_for),
        "hours": item.hours,
        "participants_count": item.participants_count,
        "title": item.title,
        "goals": list(item.goals.all()),
        "topic_fields": list(item.topic_fields.all()),
        "shared_summary": item.shared_summary,
        "event": item.event_id,
        "module": item.module_id,
    }
    form = _activity_form(
        request, journey, ActivityEditForm, initial=initial, locked=item.event_created_here
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_save(
                journey=journey,
                actor=request.user,
                activity=item,
                data=form.activity_data(),
                goals=list(form.cleaned_data["goals"]),
                topic_fields=list(form.cleaned_data["topic_fields"]),
                private_note=form.cleaned_data["private_note"],
                follow_up=form.follow_up_data(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            _budget_message(request, journey)
            messages.success(request, _("The activity has been saved."))
            return redirect("journeys:activity", pk=journey.pk, activity=item.pk)
    return _render(request, "journeys/activity_form.html", journey, form=form, activity=item)


# --- Private notes ------------------------------------------------------------------------


def notes(request: HttpRequest, pk: int) -> HttpResponse:
    """All private notes of the journey, and new ones not tied to an activity."""
    journey = get_journey_for_user(request, pk, action="view")
    if not can_view_private_notes(request.user, journey):
        raise Http404
    form = NoteForm(request.POST or None) if can_work_on_journey(request.user, journey) else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.note_add(journey=journey, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The private note has been saved."))
                return redirect("journeys:notes", pk=journey.pk)
    all_notes = selectors.private_notes(journey).select_related("activity", "review")
    page, query_string = paginate(request, all_notes)
    if page.object_list:
        services.private_notes_read(journey=journey, actor=request.user, where="notes")
    return _render(
        request,
        "journeys/notes.html",
        journey,
        form=form,
        page_obj=page,
        query_string=query_string,
    )


@require_POST
def note_delete(request: HttpRequest, pk: int, note: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    item = get_note_for_user(request, journey, note)
    services.note_delete(note=item, actor=request.user)
    messages.success(request, _("The private note has been deleted."))
    fallback = (
        reverse("journeys:activity", kwargs={"pk": journey.pk, "activity": item.activity_id})
        if item.activity_id
        else reverse("journeys:notes", kwargs={"pk": journey.pk})
    )
    return redirect(safe_next(request, fallback))


# --- Reviews ------------------------------------------------------------------------------


def review_create(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    if journey.status != Journey.Status.ACTIVE:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = ReviewForm(data, initial={"held_on": timezone.localdate()})
    goals = [g for g in selectors.journey_goals(journey) if g.status != Goal.Status.DROPPED]
    rating_forms = [GoalRatingForm(data, prefix=f"goal-{goal.pk}", goal=goal) for goal in goals]
    if request.method == "POST":
        results = [f.is_valid() for f in [form, *rating_forms]]
        if all(results):
            try:
                review = services.review_create(
                    journey=journey,
                    actor=request.user,
                    held_on=form.cleaned_data["held_on"],
                    summary=form.cleaned_data["summary"],
                    plan_changes=form.cleaned_data["plan_changes"],
                    private_note=form.cleaned_data["private_note"],
                    ratings=[{"goal": f.goal, **f.cleaned_data} for f in rating_forms],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The review has been saved."))
                return redirect("journeys:review", pk=journey.pk, review=review.pk)
    return _render(
        request,
        "journeys/review_form.html",
        journey,
        form=form,
        rating_forms=rating_forms,
        error_forms=[form, *rating_forms],
    )


def review_detail(request: HttpRequest, pk: int, review: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    item = get_review_for_user(request, journey, review)
    return _render(
        request,
        "journeys/review.html",
        journey,
        review=item,
        rows=selectors.review_goal_updates(item),
        notes=_notes(request, journey, "review", review=item),
    )


# --- Follow-ups ---------------------------------------------------------------------------


def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    form = FollowUpForm(request.POST or None, owners=services.follow_up_owner_choices(journey))
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_create(journey=journey, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The follow-up has been added."))
            return redirect(reverse("journeys:detail", kwargs={"pk": journey.pk}) + "#follow-ups")
    return _render(request, "journeys/follow_up_form.html", journey, form=form)


@require_POST
def follow_up_done(request: HttpRequest, pk: int, follow_up: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="view")
    item = get_follow_up_for_user(request, journey, follow_up)
    done = request.POST.get("done") != "0"
    item = services.follow_up_set_done(follow_up=item, actor=request.user, done=done)
    if is_htmx(request):
        return render(
            request,
            "journeys/includes/follow_up_item.html",
            {
                "follow_up": item,
                "journey": journey,
                "can_complete": can_complete_follow_up(request.user, item),
                "today": timezone.localdate(),
                "announce": True,
            },
        )
    if done:
        messages.success(request, _("Marked as done: %(what)s") % {"what": item.description})
    else:
        messages.success(request, _("Open again: %(what)s") % {"what": item.description})
    return redirect(
        safe_next(request, reverse("journeys:detail", kwargs={"pk": journey.pk}) + "#follow-ups")
    )


# --- Recommendations ----------------------------------------------------------------------


def recommendation_create(request: HttpRequest, pk: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    form = RecommendationForm(request.POST or None, journey=journey, user=request.user)
    if request.method == "POST" and form.is_valid():
        kind, target_id = form.target_parts()
        try:
            with transaction.atomic():
                services.recommendation_create(
                    journey=journey,
                    actor=request.user,
                    kind=kind,
                    target_id=target_id,
                    goal=form.cleaned_data["goal"],
                    reason=form.cleaned_data["reason"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The recommendation now appears on the dashboards of the organisation."),
            )
            return redirect(
                reverse("journeys:detail", kwargs={"pk": journey.pk}) + "#recommendations"
            )
    return _render(request, "journeys/recommendation_form.html", journey, form=form)


@require_POST
def recommendation_withdraw(request: HttpRequest, pk: int, recommendation: int) -> HttpResponse:
    journey = get_journey_for_user(request, pk, action="work")
    item = get_recommendation_for_user(request, journey, recommendation)
    services.recommendation_withdraw(recommendation=item, actor=request.user)
    messages.success(request, _("The recommendation has been withdrawn."))
    return redirect(reverse("journeys:detail", kwargs={"pk": journey.pk}) + "#recommendations")
