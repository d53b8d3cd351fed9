"""What the surveys app reads from its neighbours, in one place.

Journeys (which coach works with which organisation), learning (modules), events (upcoming
events) and community (peer organisations) are read only through those apps'
``selectors.py``. An app that is not installed – or does not offer the selector yet –
simply contributes nothing.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class Suggestion:
    """A module, event or peer organisation that matches a topic field."""

    kind: str
    title: str
    url: str
    detail: str = ""


def _installed(label: str) -> bool:
    return apps.is_installed(f"vamos.{label}")


def coached_organisation_ids(user: Any) -> set[int]:
    """Organisations whose learning journey ``user`` coaches."""
    if not _installed("journeys"):
        return set()
    try:
        from vamos.journeys.selectors import coached_organisation_ids as lookup
    except ImportError:
        return set()
    return set(lookup(user))


# What the suggestions are read from; writes to any of them build them anew.
SUGGESTION_SOURCES = (
    "core.topicfield",
    "learning.modulepage",
    "events.event",
    "events.registration",
    "community.peeroffer",
    "organisations.organisation",
    "organisations.membership",
    "accounts.user",
)


def suggestions_for(
    *, topic_fields: list[Any], organisation: Any, user: Any, per_app: int = 2
) -> dict[int, list[Suggestion]]:
    """Topic field id → published modules, upcoming events and peer organisations' offers
    that match it, as far as those apps are installed and ``user`` may see them.

    Kept for a few minutes per person, organisation and language (what a person may see
    differs), and built anew after a write to what they are read from; an event that has
    just ended may stay listed until then."""
    from django.utils import timezone
    from django.utils.translation import get_language

    from vamos.core import versions

    key = ":".join(
        [
            "surveys:suggestions",
            str(getattr(user, "pk", "") or ""),
            str(getattr(organisation, "pk", "") or ""),
            ",".join(str(tf.pk) for tf in topic_fields),
            str(per_app),
            get_language() or "de",
            timezone.localdate().isoformat(),
        ]
    )
    return versions.cached(
        key,
        depends_on=[name for name in SUGGESTION_SOURCES if name in versions.names()],
        build=lambda: _suggestions(
            topic_fields=topic_fields, organisation=organisation, user=user, per_app=per_app
        ),
        timeout=600,
    )


def _suggestions(
    *, topic_fields: list[Any], organisation: Any, user: Any, per_app: int
) -> dict[int, list[Suggestion]]:
    from django.urls import NoReverseMatch, reverse
    from django.utils.formats import date_format
    from django.utils.timezone import localtime
    from django.utils.translation import gettext as _

    found: dict[int, list[Suggestion]] = {tf.pk: [] for tf in topic_fields}
    for topic_field in topic_fields:
        items = found[topic_field.pk]
        if _installed("learning"):
            try:
                from vamos.learning.selectors import module_list, module_url
            except ImportError:
                pass
            else:
                for module in module_list(topic_field=topic_field)[:per_app]:
                    items.append(
                        Suggestion(_("E-learning module"), module.title, module_url(module))
                    )
        if _installed("events"):
            try:
                from vamos.events.selectors import event_calendar_list
            except ImportError:
                pass
            else:
                for event in event_calendar_list(user=user, topic_field=topic_field)[:per_app]:
                    try:
                        url = reverse("events:detail", kwargs={"slug": event.slug})
                    except NoReverseMatch:
                        continue
                    items.append(
                        Suggestion(
                            _("Event"),
                            event.title,
                            url,
                            date_format(localtime(event.start), "DATE_FORMAT"),
                        )
                    )
        if _installed("community"):
            try:
                from vamos.community.selectors import peer_offer_list
            except ImportError:
                pass
            else:
                offers = peer_offer_list(user=user, topic_field=topic_field).exclude(
                    organisation=organisation
                )
                for offer in offers[:per_app]:
                    try:
                        url = reverse("community:offer-detail", kwargs={"pk": offer.pk})
                    except NoReverseMatch:
                        continue
                    items.append(
                        Suggestion(
                            _("Peer organisation"), offer.title, url, offer.organisation.name
                        )
                    )
    return found
