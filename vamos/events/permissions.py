"""Who may see which event, register for it, and run it.

Default deny: lists use :func:`visible_events`, details :func:`get_event_for_user`, which
answers 404 for anything the person may not see (an invited-only event of another
organisation does not reveal that it exists).
"""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from vamos.core.permissions import get_for_user, is_staff_member, is_team_admin
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import REGISTERED

from .models import Event, Registration


def _registered_organisation_ids(user: Any) -> list[int]:
    """The registered organisations ``user`` belongs to (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_vamos_event_org_ids", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, organisation__status__in=REGISTERED).values_list(
                "organisation_id", flat=True
            )
        )
        user._vamos_event_org_ids = cached
    return cached


def visible_events(user: Any) -> QuerySet[Event]:
    """Team admins see everything, drafts included; the rest of the team every published (or
    cancelled) event. Everyone else sees public events and those for registered organisations,
    invited-only events of their own organisations, and any event they registered for."""
    events = Event.objects.all()
    if is_team_admin(user):
        return events
    shown = events.exclude(status=Event.Status.DRAFT)
    if is_staff_member(user):
        # Coaches and editors see what the academy offers, to recommend and prepare it.
        return shown
    # The public calendar also shows what registered organisations can take part in: that is
    # how a new association finds the academy. Invited-only events stay with the invited.
    audience = Q(audience__in=[Event.Audience.PUBLIC, Event.Audience.REGISTERED])
    org_ids = _registered_organisation_ids(user)
    if org_ids:
        invited = Event.invited_organisations.through.objects.filter(
            event=OuterRef("pk"), organisation_id__in=org_ids
        )
        audience |= Q(audience=Event.Audience.INVITED) & Q(Exists(invited))
    if getattr(user, "is_authenticated", False):
        audience |= Q(
            Exists(
                Registration.objects.filter(event=OuterRef("pk"), user=user).exclude(
                    status=Registration.Status.CANCELLED
                )
            )
        )
    # Subqueries rather than joins: no row repeats, and a lookup by slug stays one index hit.
    return shown.filter(audience)


def can_manage_event(user: Any, event: Event | None = None) -> bool:
    """Creating, editing, cancelling and duplicating events is the team admins' job."""
    return is_team_admin(user)


def can_run_event(user: Any, event: Event) -> bool:
    """Participants, exports, check-in and messages: team admins, and the team members who
    facilitate the event (e.g. the coach running a focused webinar for one association)."""
    if is_team_admin(user):
        return True
    if not is_staff_member(user) or event.pk is None:
        return False
    return event.facilitators.filter(user=user).exists()


def allowed_organisations(user: Any, event: Event) -> QuerySet[Organisation]:
    """The organisations ``user`` may register on behalf of for ``event``."""
    organisations = Organisation.objects.filter(pk__in=_registered_organisation_ids(user))
    if event.audience == Event.Audience.INVITED:
        organisations = organisations.filter(pk__in=event.invited_organisations.values("pk"))
    return organisations.order_by("name")


def active_registration(user: Any, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    registration = (
        Registration.objects.filter(event=event, user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    if registration is not None:
        registration.event = event  # the checks that follow read it
    return registration


_UNREAD: Any = object()


def registration_refusal(
    user: Any, event: Event, *, now: Any = None, registration: Any = _UNREAD
) -> str:
    """Why ``user`` cannot register for ``event`` now (a sentence), or "" if they can.
    ``registration``: their active registration, when the caller has read it already."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return _("This event has been cancelled.")
    if event.status != Event.Status.PUBLISHED:
        return _("This event is not open for registration.")
    if event.end <= now:
        return _("This event is over.")
    if event.registration_opens and now < event.registration_opens:
        return _("Registration opens on %(date)s.") % {
            "date": timezone.localtime(event.registration_opens).strftime("%d.%m.%Y %H:%M")
        }
    if now >= event.registration_closes_at:
        return _("Registration for this event has closed.")
    if not getattr(user, "is_authenticated", False):
        return _("Please sign in to register.")
    if registration is _UNREAD:
        registration = active_registration(user, event)
    if registration is not None:
        return _("You are already registered for this event.")
    if event.audience == Event.Audience.PUBLIC:
        return ""
    if not allowed_organisations(user, event).exists():
        if event.audience == Event.Audience.INVITED:
            return _("This event is only open to the invited organisations.")
        return _("This event is open to people of registered organisations.")
    return ""


def can_register(user: Any, event: Event) -> bool:
    return registration_refusal(user, event) == ""


def can_cancel_registration(user: Any, registration: Registration) -> bool:
    """Participants cancel themselves until the deadline; the team at any time before the end."""
    if registration.status not in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED):
        return False
    if registration.event.is_cancelled or registration.event.is_past:
        return False
    if can_run_event(user, registration.event):
        return True
    return (
        registration.user_id == getattr(user, "pk", None)
        and timezone.now() < registration.event.cancellation_deadline_at
    )


def can_change_workshops(user: Any, registration: Registration) -> bool:
    if registration.status not in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED):
        return False
    if registration.event.is_cancelled:
        return False
    if can_run_event(user, registration.event):
        return not registration.event.is_past
    return (
        registration.user_id == getattr(user, "pk", None)
        and timezone.now() < registration.event.workshop_choice_deadline_at
    )


def can_see_online_room(user: Any, event: Event, registration: Registration | None) -> bool:
    """The room link reaches confirmed participants (and the team) only."""
    if not event.online_url and not event.online_access_info:
        return False
    if event.is_cancelled:
        return False
    if can_run_event(user, event):
        return True
    return registration is not None and registration.holds_seat


def can_see_participant_materials(user: Any, registration: Registration | None) -> bool:
    return registration is not None and registration.holds_seat


def can_download_certificate(user: Any, registration: Registration | None) -> bool:
    return (
        registration is not None
        and registration.user_id == getattr(user, "pk", None)
        and registration.status == Registration.Status.ATTENDED
    )


def can_give_feedback(user: Any, registration: Registration | None) -> bool:
    return (
        registration is not None
        and registration.user_id == getattr(user, "pk", None)
        and registration.status == Registration.Status.ATTENDED
        and registration.event.has_started
    )


def visible_registrations(user: Any) -> QuerySet[Registration]:
    """One's own registrations; the team sees all."""
    registrations = Registration.objects.select_related("event", "organisation", "user")
    if is_team_admin(user):
        return registrations
    if not getattr(user, "is_authenticated", False):
        return registrations.none()
    return registrations.filter(user=user)


_EVENT_ACTIONS = {
    "view": None,
    "run": can_run_event,
    "manage": can_manage_event,
}


def get_event_for_user(request: HttpRequest, slug: str, *, action: str = "view") -> Event:
    """The event at ``slug`` if the user may ``action`` it; otherwise 404."""
    return get_for_user(visible_events, request, {"slug": slug}, allowed=_EVENT_ACTIONS[action])


def get_own_registration(request: HttpRequest, event: Event) -> Registration:
    """The signed-in person's active registration for ``event``; 404 if there is none."""
    return get_for_user(
        visible_registrations,
        request,
        {"event": event, "user": request.user, "status__in": Registration.ACTIVE},
    )


def get_registration_for_user(request: HttpRequest, event: Event, pk: int) -> Registration:
    """A registration of ``event`` for the people who run it; 404 otherwise."""
    if not can_run_event(request.user, event):
        raise Http404
    registration = (
        Registration.objects.select_related("event", "organisation", "user")
        .filter(event=event, pk=pk)
        .first()
    )
    if registration is None:
        raise Http404
    return registration
