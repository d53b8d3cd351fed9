"""The journey's links into other apps, read only through their ``selectors.py`` and written
only through their ``services.py``.

A recommendation stores ``(kind, id)``; a *provider* per kind turns ids into titles and
links, offers choices for the coach's form and reports take-up by the organisation's
people. A kind whose app is not installed has no provider and is not offered. The same
goes for linking activities to events, creating an event from an activity and the
members' learning and event activity on the timeline.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Target:
    kind: str
    id: int
    title: str
    url: str
    detail: str = ""


@dataclass
class Uptake:
    """How the organisation's people took up a recommendation: (label, number) pairs."""

    figures: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class MemberActivity:
    """Learning or event activity of the organisation's people, for the timeline."""

    when: datetime | date
    title: str
    text: str = ""
    url: str = ""


class Provider(Protocol):
    kind: str

    def choices(self, *, journey: Any, user: Any) -> list[tuple[int, str]]: ...

    def get(self, target_id: int, *, journey: Any, user: Any) -> Target | None: ...

    def resolve(self, ids: Iterable[int]) -> dict[int, Target]: ...

    def uptake(self, ids: Iterable[int], *, organisation: Any) -> dict[int, Uptake]: ...


def installed(app: str) -> bool:
    return apps.is_installed(f"vamos.{app}")


# --- Peer organisations (organisations app) ----------------------------------------------


class OrganisationProvider:
    """Peer organisations: registered organisations of the network."""

    kind = "organisation"

    def _queryset(self, user: Any) -> Any:
        from vamos.organisations.selectors import organisation_directory

        return organisation_directory(user=user)

    def choices(self, *, journey: Any, user: Any) -> list[tuple[int, str]]:
        organisations = self._queryset(user).exclude(pk=journey.organisation_id)
        return [(organisation.pk, organisation.name) for organisation in organisations]

    def get(self, target_id: int, *, journey: Any, user: Any) -> Target | None:
        organisation = (
            self._queryset(user).exclude(pk=journey.organisation_id).filter(pk=target_id).first()
        )
        return self._target(organisation) if organisation else None

    def _target(self, organisation: Any) -> Target:
        place = ", ".join(filter(None, [organisation.city, organisation.get_kind_display()]))
        return Target(
            kind=self.kind,
            id=organisation.pk,
            title=organisation.name,
            url=reverse("organisations:detail", kwargs={"slug": organisation.slug}),
            detail=place,
        )

    def resolve(self, ids: Iterable[int]) -> dict[int, Target]:
        from vamos.organisations.models import Organisation
        from vamos.organisations.permissions import REGISTERED

        ids = list(ids)
        if not ids:
            return {}
        # Titles and links of registered organisations; their page checks who may see it.
        registered = Organisation.objects.filter(pk__in=ids, status__in=REGISTERED)
        return {organisation.pk: self._target(organisation) for organisation in registered}

    def uptake(self, ids: Iterable[int], *, organisation: Any) -> dict[int, Uptake]:
        return {}


# --- Events (events app) ------------------------------------------------------------------


def _event_label(event: Any) -> str:
    return f"{event.title} ({date_format(timezone.localtime(event.start), 'SHORT_DATE_FORMAT')})"


class EventProvider:
    """Upcoming published events; take-up is registration and attendance."""

    kind = "event"

    def _upcoming(self) -> Any:
        from vamos.events.selectors import event_choices

        return event_choices().filter(start__gte=timezone.now()).order_by("start")

    def choices(self, *, journey: Any, user: Any) -> list[tuple[int, str]]:
        return [(event.pk, _event_label(event)) for event in self._upcoming()[:300]]

    def get(self, target_id: int, *, journey: Any, user: Any) -> Target | None:
        event = self._upcoming().filter(pk=target_id).first()
        return self._target(event) if event else None

    def _target(self, event: Any) -> Target:
        return Target(
            kind=self.kind,
            id=event.pk,
            title=event.title,
            url=reverse("events:detail", kwargs={"slug": event.slug}),
            detail=date_format(timezone.localtime(event.start), "DATETIME_FORMAT"),
        )

    def resolve(self, ids: Iterable[int]) -> dict[int, Target]:
        from vamos.events.selectors import event_choices

        ids = list(ids)
        if not ids:
            return {}
        return {event.pk: self._target(event) for event in event_choices().filter(pk__in=ids)}

    def uptake(self, ids: Iterable[int], *, organisation: Any) -> dict[int, Uptake]:
        from vamos.events.selectors import (
            event_attendance_for_organisation,
            event_list_for_organisation,
        )

        ids = list(ids)
        registered = set(
            event_list_for_organisation(organisation=organisation)
            .filter(pk__in=ids)
            .exclude(invited_organisations=organisation)
            .values_list("pk", flat=True)
        )
        attended = {
            event.pk: event.attended
            for event in event_attendance_for_organisation(organisation=organisation).filter(
                pk__in=ids
            )
        }
        result = {}
        for pk in ids:
            figures = []
            if pk in registered:
                figures.append((_("signed up"), 1))
            if attended.get(pk):
                figures.append((_("attended (people)"), attended[pk]))
            result[pk] = Uptake(figures=figures)
        return result


# --- Modules and videos (learning app) ----------------------------------------------------


class ModuleProvider:
    """Published e-learning modules; take-up is how many people started or completed."""

    kind = "module"

    def choices(self, *, journey: Any, user: Any) -> list[tuple[int, str]]:
        from vamos.learning.selectors import module_list

        return [(module.pk, module.title) for module in module_list()]

    def get(self, target_id: int, *, journey: Any, user: Any) -> Target | None:
        from vamos.learning.selectors import module_list

        module = module_list().filter(pk=target_id).first()
        return self._target(module) if module else None

    def _target(self, module: Any) -> Target:
        from vamos.learning.selectors import module_url

        topics = ", ".join(str(t) for t in module.topic_fields.all())
        return Target(
            kind=self.kind, id=module.pk, title=module.title, url=module_url(module), detail=topics
        )

    def resolve(self, ids: Iterable[int]) -> dict[int, Target]:
        from vamos.learning.selectors import module_list

        ids = list(ids)
        if not ids:
            return {}
        return {module.pk: self._target(module) for module in module_list().filter(pk__in=ids)}

    def uptake(self, ids: Iterable[int], *, organisation: Any) -> dict[int, Uptake]:
        from vamos.learning.selectors import module_list, organisation_module_counts

        keys = dict(module_list().filter(pk__in=list(ids)).values_list("translation_key", "pk"))
        result = {}
        for row in organisation_module_counts(organisation=organisation):
            pk = keys.get(row.page.translation_key)
            if pk is not None:
                result[pk] = Uptake(
                    figures=[
                        (_("started (people)"), row.started),
                        (_("completed (people)"), row.completed),
                    ]
                )
        return result


class VideoProvider:
    """Published learning videos."""

    kind = "video"

    def choices(self, *, journey: Any, user: Any) -> list[tuple[int, str]]:
        from vamos.learning.selectors import catalogue

        return [(item.key, item.title) for item in catalogue(user=user, kind="video")]

    def get(self, target_id: int, *, journey: Any, user: Any) -> Target | None:
        if target_id not in dict(self.choices(journey=journey, user=user)):
            return None
        return self.resolve([target_id]).get(target_id)

    def resolve(self, ids: Iterable[int]) -> dict[int, Target]:
        from vamos.learning.selectors import videos_by_id

        return {
            pk: Target(
                kind=self.kind,
                id=pk,
                title=video.title,
                url=reverse("learning:video", kwargs={"slug": video.slug}),
            )
            for pk, video in videos_by_id(list(ids)).items()
        }

    def uptake(self, ids: Iterable[int], *, organisation: Any) -> dict[int, Uptake]:
        return {}


def _providers() -> dict[str, Provider]:
    providers: dict[str, Provider] = {}
    if installed("learning"):
        providers["module"] = ModuleProvider()
        providers["video"] = VideoProvider()
    if installed("events"):
        providers["event"] = EventProvider()
    providers["organisation"] = OrganisationProvider()
    return providers


def available_kinds() -> list[str]:
    return list(_providers())


def provider(kind: str) -> Provider | None:
    return _providers().get(kind)


def target_choices(kind: str, *, journey: Any, user: Any) -> list[tuple[int, str]]:
    found = provider(kind)
    return found.choices(journey=journey, user=user) if found else []


def target_get(kind: str, target_id: int | None, *, journey: Any, user: Any) -> Target | None:
    found = provider(kind)
    if found is None or target_id is None:
        return None
    return found.get(target_id, journey=journey, user=user)


def _by_kind(pairs: Iterable[tuple[str, int]]) -> dict[str, set[int]]:
    by_kind: dict[str, set[int]] = {}
    for kind, target_id in pairs:
        by_kind.setdefault(kind, set()).add(target_id)
    return by_kind


def targets_resolve(pairs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Target]:
    """One query per kind for all ``(kind, id)`` pairs."""
    resolved: dict[tuple[str, int], Target] = {}
    for kind, ids in _by_kind(pairs).items():
        found = provider(kind)
        if found is not None:
            for target_id, target in found.resolve(ids).items():
                resolved[(kind, target_id)] = target
    return resolved


def uptake_for(
    pairs: Iterable[tuple[str, int]], *, organisation: Any
) -> dict[tuple[str, int], Uptake]:
    result: dict[tuple[str, int], Uptake] = {}
    for kind, ids in _by_kind(pairs).items():
        found = provider(kind)
        if found is not None:
            for target_id, uptake in found.uptake(ids, organisation=organisation).items():
                result[(kind, target_id)] = uptake
    return result


def kind_label(kind: str) -> str:
    from .models import Recommendation

    try:
        return str(Recommendation.Kind(kind).label)
    except ValueError:
        return _("Other")


# --- Activities and events ----------------------------------------------------------------


def event_link_choices(*, journey: Any) -> list[tuple[int, str]]:
    """Events an activity can refer to: those of the organisation and the academy's events
    of the last and next half year."""
    if not installed("events"):
        return []
    from vamos.events.selectors import event_choices, event_list_for_organisation

    now = timezone.now()
    own = list(event_list_for_organisation(organisation=journey.organisation)[:100])
    recent = list(
        event_choices().filter(
            start__gte=now - timedelta(days=183), start__lte=now + timedelta(days=183)
        )[:200]
    )
    seen: set[int] = set()
    result = []
    for event in [*own, *recent]:
        if event.pk not in seen:
            seen.add(event.pk)
            result.append((event.pk, _event_label(event)))
    return result


def event_target(event_id: int | None) -> Target | None:
    if event_id is None or not installed("events"):
        return None
    from vamos.events.selectors import event_get

    event = event_get(pk=event_id)
    if event is None:
        return None
    return Target(
        kind="event",
        id=event.pk,
        title=event.title,
        url=reverse("events:detail", kwargs={"slug": event.slug}),
        detail=date_format(timezone.localtime(event.start), "DATETIME_FORMAT"),
    )


def event_participation(*, event_id: int, organisation: Any) -> dict[str, int]:
    """How many people of the organisation registered for / attended the event."""
    if not installed("events"):
        return {}
    from vamos.events.selectors import event_get, participant_list

    event = event_get(pk=event_id)
    if event is None:
        return {}
    counts: dict[str, int] = {}
    for registration in participant_list(event=event, organisation=organisation):
        counts[registration.status] = counts.get(registration.status, 0) + 1
    return counts


EVENT_FORMATS = [("online", "online"), ("on_site", "on_site"), ("hybrid", "hybrid")]


def event_create_for_activity(
    *,
    activity: Any,
    actor: Any,
    end: datetime,
    format: str,
    capacity: int | None,
    venue: str,
    online_url: str,
    invite_member_clubs: bool,
) -> int:
    """Create the event for a planned association webinar/seminar or member-club event,
    invited-only for the organisation (and its member clubs), from the activity's data."""
    from vamos.events.services import event_create
    from vamos.organisations.selectors import organisation_member_clubs

    journey = activity.journey
    invited = [journey.organisation]
    if invite_member_clubs:
        invited += [
            club
            for club in organisation_member_clubs(organisation=journey.organisation)
            if club.is_registered
        ]
    kind = (
        "networking"
        if activity.format == "member_club_event"
        else ("webinar" if format == "online" else "training")
    )
    event = event_create(
        title=activity.title,
        kind=kind,
        format=format,
        start=activity.planned_for,
        end=end,
        created_by=actor,
        audience="invited",
        invited_organisations=invited,
        topic_fields=list(activity.topic_fields.all()),
        capacity=capacity,
        summary=activity.shared_summary[:300],
        description=activity.shared_summary,
        venue_name=venue,
        online_url=online_url,
        facilitator_users=[a.coach for a in journey.assignments.select_related("coach")],
    )
    return event.pk


# --- The organisation's people on the timeline --------------------------------------------


def member_activity(*, organisation: Any, since: date | None) -> list[MemberActivity]:
    """Events the organisation's people attended and modules they completed (only people
    who share their learning with the organisation; without names)."""
    items: list[MemberActivity] = []
    start = timezone.make_aware(datetime.combine(since, datetime.min.time())) if since else None
    if installed("events"):
        from vamos.events.selectors import event_attendance_for_organisation

        events = event_attendance_for_organisation(organisation=organisation)
        if start is not None:
            events = events.filter(start__gte=start)
        for event in events[:100]:
            items.append(
                MemberActivity(
                    when=event.start,
                    title=_("Event attended: %(title)s") % {"title": event.title},
                    text=_("%(count)s people of the organisation took part.")
                    % {"count": event.attended},
                    url=reverse("events:detail", kwargs={"slug": event.slug}),
                )
            )
    if installed("learning"):
        from vamos.learning.selectors import member_learning, organisation_sharing_members

        memberships = list(organisation_sharing_members(organisation=organisation))
        for learner in member_learning(memberships=memberships):
            for certificate in learner.certificates:
                if start is not None and certificate.issued_at < start:
                    continue
                items.append(
                    MemberActivity(
                        when=certificate.issued_at,
                        title=_("Module completed: %(title)s")
                        % {"title": certificate.module_title},
                        text=_("A person of the organisation earned the certificate."),
                    )
                )
    return items


# --- What the coach reads from learning and surveys ---------------------------------------


def shared_transfer_answers(*, organisation: Any, limit: int = 10) -> tuple[list[Any], int]:
    """Transfer-task answers the organisation's people shared with its coach (newest first)
    and how many there are. The caller shows them only to the journey's coaches."""
    if not installed("learning"):
        return [], 0
    from vamos.learning.selectors import transfer_answers_shared_with_coach

    answers = transfer_answers_shared_with_coach(organisation=organisation)
    return list(answers[:limit]), answers.count()


@dataclass
class SelfAssessmentRow:
    topic_field: Any
    value: float
    previous: float | None
    average: float | None


@dataclass
class SelfAssessment:
    wave_title: str
    rows: list[SelfAssessmentRow]
    url: str


def self_assessment(*, organisation: Any) -> SelfAssessment | None:
    """The organisation's latest Verbands-Check per topic field (surveys app), if any."""
    if not installed("surveys"):
        return None
    from vamos.surveys.selectors.self_assessment import organisation_self_assessment_history

    history = organisation_self_assessment_history(organisation)
    latest = history.latest
    if latest is None:
        return None
    rows = [
        SelfAssessmentRow(
            topic_field=item.topic_field,
            value=item.value,
            previous=item.previous,
            average=item.average,
        )
        for item in history.summary()
    ]
    return SelfAssessment(
        wave_title=str(getattr(latest.wave, "label", latest.wave)),
        rows=rows,
        url=reverse("surveys:self-assessment", kwargs={"slug": organisation.slug}),
    )
