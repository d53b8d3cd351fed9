"""Running an event, for team admins in the platform front end (usable on a phone at the
door): participant list with filters and exports, check-in, messages, cancel, duplicate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vamos.core.forms import apply_validation_error

from . import exports, selectors, services
from .forms import (
    CancelEventForm,
    CheckinSearchForm,
    DuplicateEventForm,
    MessageForm,
    ParticipantFilterForm,
)
from .models import Event, Registration
from .permissions import get_event_for_user, get_registration_for_user


def _participants(request: HttpRequest, event: Event) -> tuple[ParticipantFilterForm, object]:
    form = ParticipantFilterForm(
        request.GET or None, organisations=selectors.participant_organisations(event=event)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    registrations = selectors.participant_list(
        event=event,
        status=filters.get("status", ""),
        organisation=filters.get("organisation"),
        query=filters.get("q", ""),
    )
    return form, registrations


def participants(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    form, registrations = _participants(request, event)
    page = Paginator(registrations, 50).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "events/manage/participants.html",
        {
            "event": event,
            "form": form,
            "page_obj": page,
            "query_string": query.urlencode(),
            "counts": selectors.participant_status_counts(event=event),
            "questions": list(event.questions.all()),
            "sent_messages": event.messages.select_related("sent_by")[:10],
            "feedback": selectors.event_feedback_summary(event=event),
        },
    )


def _export(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    _form, registrations = _participants(request, event)
    registrations = list(registrations)
    header, rows = exports.participant_rows(event, registrations, list(event.questions.all()))
    services.participants_export_logged(
        event=event, actor=request.user, file_format=file_format, count=len(rows)
    )
    if file_format == "csv":
        content = exports.participants_csv(header, rows)
        content_type = "text/csv; charset=utf-8"
    else:
        content = exports.participants_xlsx(event.title, header, rows)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    filename = f"teilnehmende-{event.slug}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def participants_csv(request: HttpRequest, slug: str) -> HttpResponse:
    return _export(request, slug, "csv")


def participants_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    return _export(request, slug, "xlsx")


def checkin(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    form = CheckinSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    registrations = selectors.checkin_list(event=event, query=query)
    counts = selectors.participant_status_counts(event=event)
    page = Paginator(registrations, 100).get_page(request.GET.get("seite"))
    return render(
        request,
        "events/manage/checkin.html",
        {
            "event": event,
            "form": form,
            "page_obj": page,
            "query_string": request.GET.urlencode(),
            "attended": counts[Registration.Status.ATTENDED],
            "seated": sum(counts[status] for status in Registration.SEATED),
        },
    )


@require_POST
def checkin_mark(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    registration = get_registration_for_user(request, event, pk)
    try:
        registration = services.registration_check_in(
            registration=registration, status=request.POST.get("status", ""), actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events:checkin", slug=event.slug)
    if request.headers.get("HX-Request"):
        counts = selectors.participant_status_counts(event=event)
        return render(
            request,
            "events/manage/checkin_htmx.html",
            {
                "event": event,
                "registration": registration,
                "announce": True,
                "attended": counts[Registration.Status.ATTENDED],
                "seated": sum(counts[status] for status in Registration.SEATED),
            },
        )
    messages.success(
        request,
        _("%(name)s: %(status)s")
        % {"name": registration.user.display_name, "status": registration.get_status_display()},
    )
    next_url = reverse("events:checkin", kwargs={"slug": event.slug})
    if request.POST.get("q"):
        next_url += "?q=" + request.POST["q"]
    return redirect(f"{next_url}#registration-{registration.pk}")


@require_POST
def registration_cancel_by_team(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    registration = get_registration_for_user(request, event, pk)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s has been cancelled; the person is informed.")
            % {"name": registration.user.display_name},
        )
    return redirect("events:participants", slug=event.slug)


def message(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="run")
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.event_message_send(event=event, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("Your message is on its way to %(count)s people.")
                % {"count": sent.recipient_count},
            )
            return redirect("events:participants", slug=event.slug)
    counts = selectors.participant_status_counts(event=event)
    return render(
        request,
        "events/manage/message.html",
        {
            "event": event,
            "form": form,
            "seated": sum(counts[status] for status in Registration.SEATED),
            "waitlisted": counts[Registration.Status.WAITLISTED],
        },
    )


def cancel(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="manage")
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(
                event=event, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The event has been cancelled; all participants are informed.")
            )
            return redirect("events:detail", slug=event.slug)
    counts = selectors.participant_status_counts(event=event)
    return render(
        request,
        "events/manage/cancel.html",
        {
            "event": event,
            "form": form,
            "affected": sum(counts[status] for status in Registration.ACTIVE),
        },
    )


def duplicate(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_event_for_user(request, slug, action="manage")
    form = DuplicateEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        copy = services.event_duplicate(
            event=event, start=form.cleaned_data["start"], actor=request.user
        )
        messages.success(
            request,
            _("The copy has been created as a draft. Check it and publish it when ready."),
        )
        return redirect("wagtailsnippets_events_event:edit", copy.pk)
    return render(request, "events/manage/duplicate.html", {"event": event, "form": form})
