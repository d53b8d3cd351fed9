import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error
from vamos.core.permissions import is_staff_member

from . import ical, selectors, services
from .forms import CalendarFilterForm, FeedbackForm, RegistrationForm, WorkshopChangeForm
from .models import CalendarFeed, Event, Registration, Session
from .permissions import (
    active_registration,
    allowed_organisations,
    can_cancel_registration,
    can_change_workshops,
    can_download_certificate,
    can_give_feedback,
    can_manage_event,
    can_run_event,
    can_see_online_room,
    can_see_participant_materials,
    get_event_for_user,
    get_own_registration,
    registration_refusal,
)


def _filters(request: HttpRequest, *, with_month: bool = True) -> tuple[CalendarFilterForm, dict]:
    form = CalendarFilterForm(request.GET or None, with_month=with_month)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, filters


def _query_string(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("seite", None)
    return query.urlencode()


@login_not_required
def event_list(request: HttpRequest) -> HttpResponse:
    """The calendar as a list: upcoming events by default, filterable."""
    form, filters = _filters(request)
    events = selectors.event_calendar_list(
        user=request.user,
        kind=filters.get("kind", ""),
        format=filters.get("format", ""),
        topic_field=filters.get("thema"),
        month=filters.get("monat"),
        past=filters.get("zeit") == "vergangen",
    )
    today = timezone.localdate()
    return render(
        request,
        "events/list.html",
        {
            "form": form,
            # Read only when the cached list (below the form) has to be rendered again.
            "page_obj": SimpleLazyObject(
                lambda: Paginator(events, 20).get_page(request.GET.get("seite"))
            ),
            "list_version": selectors.calendar_version(),
            "viewer": request.user.pk if request.user.is_authenticated else "",
            "request_query": request.GET.urlencode(),
            "query_string": _query_string(request),
            "month_url": reverse("events:month", kwargs={"year": today.year, "month": today.month}),
            "can_manage": can_manage_event(request.user),
        },
    )


@login_not_required
def event_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """The calendar as a month grid (a list of days on small screens)."""
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404
    first = datetime.date(year, month, 1)
    form, filters = _filters(request, with_month=False)
    events = list(
        selectors.event_calendar_list(
            user=request.user,
            kind=filters.get("kind", ""),
            format=filters.get("format", ""),
            topic_field=filters.get("thema"),
            month=first,
        )
    )
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "events/month.html",
        {
            "form": form,
            "month": first,
            "weeks": selectors.month_grid(first, events),
            "events": events,
            "previous": previous,
            "following": following,
            "query_string": _query_string(request),
        },
    )


@login_not_required
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_detail(event=get_event_for_user(request, slug))
    registration = active_registration(request.user, event)
    refusal = registration_refusal(request.user, event, registration=registration)
    sessions = SimpleLazyObject(lambda: list(selectors.session_list_with_counts(event=event)))
    is_participant = can_see_participant_materials(request.user, registration)
    seats_left = None if event.capacity is None else max(event.capacity - event.seats_taken, 0)
    context = {
        "event": event,
        "registration": registration,
        "waitlist_position": selectors.waitlist_position(registration) if registration else None,
        "refusal": refusal,
        "needs_organisation": event.audience == Event.Audience.REGISTERED
        and registration is None
        and not is_staff_member(request.user)
        and not allowed_organisations(request.user, event).exists(),
        "seats_left": seats_left,
        # Read only when the cached description, facilitators and programme are rebuilt.
        "programme": SimpleLazyObject(lambda: selectors.programme_days(sessions)),
        "facilitators": SimpleLazyObject(lambda: list(selectors.event_facilitators(event=event))),
        "programme_version": selectors.event_programme_version(),
        "materials": [
            m for m in event.materials.all() if is_participant or not m.participants_only
        ],
        "show_recording": bool(event.recording_url) and is_participant and event.has_started,
        "show_online_room": can_see_online_room(request.user, event, registration),
        "can_cancel": registration is not None
        and can_cancel_registration(request.user, registration),
        "can_change_workshops": registration is not None
        and event.has_workshops
        and can_change_workshops(request.user, registration),
        "can_download_certificate": can_download_certificate(request.user, registration),
        "can_give_feedback": can_give_feedback(request.user, registration),
        "feedback_url": services.feedback_link(registration=registration)
        if can_give_feedback(request.user, registration)
        else "",
        "can_manage": can_manage_event(request.user, event),
        "can_run": can_run_event(request.user, event),
        "now": timezone.now(),
        "team_email": settings.VAMOS_TEAM_EMAIL,
    }
    return render(request, "events/detail.html", context)


@login_not_required
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug)
    registration = active_registration(request.user, event)
    content = ical.calendar_for(
        [event],
        name=event.title,
        online_room_for={event.pk}
        if can_see_online_room(request.user, event, registration)
        else set(),
        tentative={event.pk}
        if registration and registration.status == Registration.Status.WAITLISTED
        else set(),
    )
    return _ics_response(content, f"{event.slug}.ics")


def _ics_response(content: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_not_required
def public_feed(request: HttpRequest) -> HttpResponse:
    content = ical.calendar_for(selectors.public_events(), name=_("VAMOs – public events"))
    return _ics_response(content, "vamos-veranstaltungen.ics", inline=True)


@login_not_required
@never_cache
def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's events for calendar subscriptions; the secret token is the key."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    services.calendar_feed_touch(feed=feed)
    registrations = list(selectors.event_feed_registrations(user=feed.user))
    content = ical.calendar_for(
        [registration.event for registration in registrations],
        name=_("My VAMOs events"),
        online_room_for={r.event_id for r in registrations if r.holds_seat},
        tentative={r.event_id for r in registrations if r.status == Registration.Status.WAITLISTED},
        language=feed.user.language,
    )
    return _ics_response(content, "meine-veranstaltungen.ics", inline=True)


def feed_settings(request: HttpRequest) -> HttpResponse:
    """Create, renew or switch off one's personal calendar subscription."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_feed_revoke(user=request.user)
            messages.success(request, _("Your calendar address has been switched off."))
        else:
            services.calendar_feed_renew(user=request.user)
            messages.success(
                request,
                _("Your new calendar address is ready. Addresses used before no longer work."),
            )
        return redirect("events:feed-settings")
    feed = services.calendar_feed_get(user=request.user)
    feed_url = (
        request.build_absolute_uri(reverse("events:feed-personal", kwargs={"token": feed.token}))
        if feed
        else ""
    )
    return render(request, "events/feed_settings.html", {"feed": feed, "feed_url": feed_url})


def my_registrations(request: HttpRequest) -> HttpResponse:
    past = request.GET.get("zeit") == "vergangen"
    registrations = selectors.user_registrations(user=request.user, upcoming=not past)
    page = Paginator(registrations, 20).get_page(request.GET.get("seite"))
    return render(
        request,
        "events/my_registrations.html",
        {
            "page_obj": page,
            "past": past,
            "query_string": _query_string(request),
            "now": timezone.localdate(),
        },
    )


def _registration_context(event: Event) -> tuple[list, list]:
    sessions = list(selectors.session_list_with_counts(event=event))
    return sessions, selectors.workshop_slots(sessions)


def register(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug)
    existing = active_registration(request.user, event)
    if existing is not None:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:registration", slug=event.slug)
    refusal = registration_refusal(request.user, event)
    _sessions, slots = _registration_context(event)
    seats_taken = selectors.seats_taken(event)
    has_seat = event.capacity is None or seats_taken < event.capacity
    form = RegistrationForm(
        request.POST or None,
        event=event,
        user=request.user,
        questions=list(event.questions.all()),
        slots=slots,
        has_seat=has_seat,
    )
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            registration = services.registration_create(
                event=event,
                user=request.user,
                organisation=form.cleaned_data.get("organisation"),
                answers=form.answers(),
                workshops=Session.objects.filter(pk__in=form.chosen_workshops(), event=event),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request,
                    _("You are registered. We have sent you a confirmation by email."),
                )
            else:
                messages.info(
                    request,
                    _(
                        "The event is full: you are on the waitlist. We will email you as "
                        "soon as a seat is free for you."
                    ),
                )
            return redirect("events:registration", slug=event.slug)
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "refusal": refusal,
            "has_seat": has_seat,
            "slot_keys": [slot.key for slot in slots],
        },
    )


def registration(request: HttpRequest, slug: str) -> HttpResponse:
    """My registration: status, workshop choice (changeable until the deadline), answers."""
    event = get_event_for_user(request, slug)
    registration = get_own_registration(request, event)
    _sessions, slots = _registration_context(event)
    may_change = bool(slots) and can_change_workshops(request.user, registration)
    form = (
        WorkshopChangeForm(request.POST or None, slots=slots, registration=registration)
        if may_change
        else None
    )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.workshops_change(
                    registration=registration,
                    workshops=Session.objects.filter(pk__in=form.chosen_workshops(), event=event),
                    actor=request.user,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Your workshop choice has been saved."))
                return redirect("events:registration", slug=event.slug)
    return render(
        request,
        "events/registration.html",
        {
            "event": event,
            "registration": registration,
            "waitlist_position": selectors.waitlist_position(registration),
            "workshops": list(registration.workshops.order_by("start")),
            "answers": list(registration.answers.all()),
            "form": form,
            "can_cancel": can_cancel_registration(request.user, registration),
            "show_online_room": can_see_online_room(request.user, event, registration),
            "can_download_certificate": can_download_certificate(request.user, registration),
            "contact_email": event.contact_email or settings.VAMOS_TEAM_EMAIL,
        },
    )


@require_POST
def registration_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug)
    registration = get_own_registration(request, event)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events:registration", slug=event.slug)
    messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:detail", slug=event.slug)


def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    """The attendance certificate (PDF), for people marked as attended only."""
    from .exports import certificate_pdf

    event = get_event_for_user(request, slug)
    registration = active_registration(request.user, event)
    if not can_download_certificate(request.user, registration):
        raise Http404
    sessions = list(Session.objects.filter(event=event))
    with translation.override(request.user.language or translation.get_language()):
        pdf = certificate_pdf(
            {
                "event": event,
                "registration": registration,
                "person": request.user,
                "hours": selectors.duration_hours(event, sessions),
                "topic_fields": list(event.topic_fields.all()),
                "facilitators": list(event.facilitators.select_related("user", "organisation")),
                "issued_on": timezone.localdate(),
                "LANGUAGE_CODE": translation.get_language(),
            }
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bescheinigung-{event.slug}.pdf"'
    return response


def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug)
    registration = active_registration(request.user, event)
    if not can_give_feedback(request.user, registration):
        raise Http404
    existing = getattr(registration, "feedback", None)
    initial = {"rating": existing.rating, "comment": existing.comment} if existing else None
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(
                registration=registration,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Thank you for your feedback!"))
            return redirect("events:detail", slug=event.slug)
    return render(
        request, "events/feedback.html", {"event": event, "form": form, "existing": existing}
    )
