"""Reads of the peer exchange, with the joins their pages need already applied.

Other apps may use the functions marked *public API* (website, events, journeys, reports).
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from vamos.core.models import TopicField
from vamos.organisations.models import Membership, Organisation
from vamos.organisations.permissions import REGISTERED

from .models import (
    BestPractice,
    BestPracticeAnnouncement,
    Comment,
    CommentReport,
    ContactRequest,
    Frequency,
    Need,
    NotificationSettings,
    PeerOffer,
    Reaction,
    ReviewNote,
    TopicSubscription,
)
from .needs import NeedSignal, organisation_need_signals
from .permissions import visible_best_practices, visible_comments, visible_peer_offers

S = BestPractice.Status


def _count(model: Any, **filters: Any) -> Coalesce:
    """A correlated COUNT(*) over ``model`` rows pointing at the outer best practice."""
    rows = (
        model.objects.filter(best_practice=OuterRef("pk"), **filters)
        .order_by()
        .values("best_practice")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _with_counts(practices: QuerySet[BestPractice]) -> QuerySet[BestPractice]:
    return practices.annotate(
        useful_count=_count(Reaction),
        comment_count=_count(Comment, is_hidden=False, deleted_at__isnull=True),
    )


def _for_cards(practices: QuerySet[BestPractice]) -> QuerySet[BestPractice]:
    return _with_counts(practices).select_related("organisation").prefetch_related("topic_fields")


# --- Library -------------------------------------------------------------------------------

SORTS = {"newest": ["-published_at", "-pk"], "useful": ["-useful_count", "-published_at", "-pk"]}


def best_practice_library(
    *,
    user: Any,
    query: str = "",
    topic_field: TopicField | None = None,
    kind: str = "",
    federal_state: str = "",
    sort: str = "newest",
) -> QuerySet[BestPractice]:
    practices = visible_best_practices(user).filter(status=S.PUBLISHED)
    if topic_field is not None:
        practices = practices.filter(topic_fields=topic_field)
    if kind:
        practices = practices.filter(organisation__kind=kind)
    if federal_state:
        practices = practices.filter(organisation__federal_state=federal_state)
    for word in query.split()[:8]:
        practices = practices.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(challenge__icontains=word)
            | Q(approach__icontains=word)
            | Q(result__icontains=word)
            | Q(lessons_learned__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(organisation__short_name__icontains=word)
        )
    return _for_cards(practices).order_by(*SORTS.get(sort, SORTS["newest"]))


def public_best_practices(*, topic_field: TopicField | None = None) -> QuerySet[BestPractice]:
    """*Public API*: published public best practices, newest first (for the website)."""
    practices = BestPractice.objects.filter(
        status=S.PUBLISHED,
        visibility=BestPractice.Visibility.PUBLIC,
        organisation__status__in=REGISTERED,
    )
    if topic_field is not None:
        practices = practices.filter(topic_fields=topic_field)
    return _for_cards(practices).order_by("-published_at", "-pk")


def best_practice_detail(*, practice: BestPractice) -> BestPractice:
    return (
        _with_counts(BestPractice.objects.filter(pk=practice.pk))
        .select_related(
            "organisation", "organisation__parent", "contact_person", "author", "reviewed_by"
        )
        .prefetch_related("topic_fields", "resources")
        .get()
    )


def best_practice_comments(*, practice: BestPractice, user: Any) -> QuerySet[Comment]:
    """Top-level comments with their answers (authors joined), oldest first."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    if getattr(user, "is_authenticated", False):
        reported = CommentReport.objects.filter(comment=OuterRef("pk"), reporter=user)
        replies = replies.annotate(reported_by_me=Exists(reported))
    comments = (
        visible_comments(user)
        .filter(best_practice=practice, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )
    if getattr(user, "is_authenticated", False):
        reported = CommentReport.objects.filter(comment=OuterRef("pk"), reporter=user)
        comments = comments.annotate(reported_by_me=Exists(reported))
    return comments


def best_practice_history(*, practice: BestPractice) -> QuerySet[ReviewNote]:
    return ReviewNote.objects.filter(best_practice=practice).select_related("author")


def has_reacted(*, practice: BestPractice, user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Reaction.objects.filter(best_practice=practice, user=user).exists()


def reaction_count(*, practice: BestPractice) -> int:
    return Reaction.objects.filter(best_practice=practice).count()


def organisation_best_practices(*, user: Any) -> QuerySet[BestPractice]:
    """Every entry of the user's organisations, in all states, the ones needing work first."""
    own = Membership.objects.filter(user=user).values("organisation_id")
    return (
        _for_cards(BestPractice.objects.filter(organisation_id__in=own))
        .select_related("author")
        .order_by("-updated_at", "-pk")
    )


def organisation_best_practices_needing_attention(*, user: Any) -> QuerySet[BestPractice]:
    own = Membership.objects.filter(user=user).values("organisation_id")
    return (
        BestPractice.objects.filter(
            organisation_id__in=own, status__in=[S.DRAFT, S.RETURNED, S.SUBMITTED]
        )
        .select_related("organisation")
        .order_by("-updated_at", "-pk")
    )


def other_best_practices_of_organisation(
    *, practice: BestPractice, user: Any, limit: int = 3
) -> list[BestPractice]:
    return list(
        visible_best_practices(user)
        .filter(status=S.PUBLISHED, organisation_id=practice.organisation_id)
        .exclude(pk=practice.pk)
        .order_by("-published_at")[:limit]
    )


# --- Review and moderation -----------------------------------------------------------------


def review_queue() -> QuerySet[BestPractice]:
    return (
        _for_cards(BestPractice.objects.filter(status=S.SUBMITTED))
        .select_related("author")
        .order_by("submitted_at", "pk")
    )


def review_queue_count() -> int:
    return BestPractice.objects.filter(status=S.SUBMITTED).count()


def recently_reviewed(limit: int = 10) -> QuerySet[ReviewNote]:
    return (
        ReviewNote.objects.filter(
            action__in=[
                ReviewNote.Action.PUBLISHED,
                ReviewNote.Action.RETURNED,
                ReviewNote.Action.UNPUBLISHED,
            ]
        )
        .select_related("best_practice", "best_practice__organisation", "author")
        .order_by("-created_at")[:limit]
    )


def _open_reports() -> QuerySet[CommentReport]:
    return CommentReport.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)


def moderation_queue() -> QuerySet[Comment]:
    """Comments with open reports, the most reported first."""
    open_reports = CommentReport.objects.filter(resolved_at__isnull=True).select_related("reporter")
    return (
        Comment.objects.filter(Exists(_open_reports()))
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .select_related("author", "best_practice", "best_practice__organisation")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        .order_by("-open_reports", "created_at")
    )


def moderation_queue_count() -> int:
    return Comment.objects.filter(Exists(_open_reports())).count()


def hidden_comments() -> QuerySet[Comment]:
    return (
        Comment.objects.filter(is_hidden=True)
        .select_related("author", "hidden_by", "best_practice")
        .order_by("-hidden_at")
    )


# --- Peer offers and matching --------------------------------------------------------------


def _offers_for_cards(offers: QuerySet[PeerOffer]) -> QuerySet[PeerOffer]:
    return offers.select_related("organisation", "contact_person").prefetch_related("topic_fields")


FORMAT_FIELDS = {
    "call": "offers_call",
    "visit": "offers_visit",
    "presentation": "offers_presentation",
}


def peer_offer_list(
    *,
    user: Any,
    topic_field: TopicField | None = None,
    offer_format: str = "",
    federal_state: str = "",
    query: str = "",
) -> QuerySet[PeerOffer]:
    offers = visible_peer_offers(user)
    if topic_field is not None:
        offers = offers.filter(topic_fields=topic_field)
    if offer_format in FORMAT_FIELDS:
        offers = offers.filter(**{FORMAT_FIELDS[offer_format]: True})
    if federal_state:
        offers = offers.filter(organisation__federal_state=federal_state)
    for word in query.split()[:8]:
        offers = offers.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return _offers_for_cards(offers).order_by("-updated_at", "-pk")


def organisation_peer_offers(*, organisation: Organisation) -> QuerySet[PeerOffer]:
    """*Public API*: an organisation's active peer offers."""
    return _offers_for_cards(
        PeerOffer.objects.filter(organisation=organisation, is_active=True)
    ).order_by("-updated_at")


def own_peer_offers(*, user: Any) -> QuerySet[PeerOffer]:
    own = Membership.objects.filter(user=user).values("organisation_id")
    return _offers_for_cards(PeerOffer.objects.filter(organisation_id__in=own)).order_by(
        "organisation__name", "-updated_at"
    )


def organisation_needs(*, organisation: Organisation) -> list[NeedSignal]:
    return organisation_need_signals(organisation)


def stated_needs(*, organisation: Organisation) -> dict[int, Need]:
    return {need.topic_field_id: need for need in Need.objects.filter(organisation=organisation)}


@dataclass
class Match:
    offer: PeerOffer
    needs: list[NeedSignal] = field(default_factory=list)

    @property
    def priority(self) -> int:
        return max(signal.priority for signal in self.needs)


def peer_offer_matches(
    *, organisation: Organisation, user: Any, limit: int | None = None
) -> tuple[list[NeedSignal], list[Match]]:
    """Other organisations' offers in the topic fields where ``organisation`` needs the most.

    Ordered by the highest need an offer meets, then by how many needs it meets, then newest.
    """
    signals = organisation_need_signals(organisation)
    if not signals:
        return signals, []
    by_field = {signal.topic_field.pk: signal for signal in signals}
    # Ranked in the database, so that a few matches read a few offers whatever their number.
    priority = Case(
        *[When(topic_fields=pk, then=Value(signal.priority)) for pk, signal in by_field.items()],
        output_field=IntegerField(),
    )
    ranked = (
        visible_peer_offers(user)
        .filter(
            is_active=True,
            organisation__status__in=REGISTERED,
            topic_fields__in=list(by_field),
        )
        .exclude(organisation=organisation)
        .annotate(need_priority=Max(priority), needs_met=Count("topic_fields", distinct=True))
        .order_by("-need_priority", "-needs_met", "-updated_at", "-pk")
        .values_list("pk", flat=True)
    )
    ids = list(ranked[:limit] if limit else ranked)
    offers = _offers_for_cards(PeerOffer.objects.filter(pk__in=ids)).in_bulk(ids)
    matches = []
    for pk in ids:
        offer = offers[pk]
        met = [by_field[f.pk] for f in offer.topic_fields.all() if f.pk in by_field]
        met.sort(key=lambda s: (-s.priority, s.topic_field.sort_order))
        matches.append(Match(offer=offer, needs=met))
    return signals, matches


@dataclass
class Presenter:
    organisation: Organisation
    offers: list[PeerOffer] = field(default_factory=list)
    best_practices: int = 0
    useful: int = 0

    @property
    def presents(self) -> bool:
        return any(offer.offers_presentation for offer in self.offers)


def peer_presenters() -> list[tuple[TopicField, list[Presenter]]]:
    """*Public API*: per topic field, organisations that could present their experience at
    an event: those offering a presentation first, then by published best practices and
    the "useful" reactions they received. Constant number of queries."""
    topic_fields = list(TopicField.objects.all())
    per_field: dict[int, dict[int, Presenter]] = {tf.pk: {} for tf in topic_fields}

    def presenter(topic_field_id: int, organisation: Organisation) -> Presenter:
        bucket = per_field.setdefault(topic_field_id, {})
        if organisation.pk not in bucket:
            bucket[organisation.pk] = Presenter(organisation=organisation)
        return bucket[organisation.pk]

    offers = _offers_for_cards(
        PeerOffer.objects.filter(is_active=True, organisation__status__in=REGISTERED)
    )
    for offer in offers:
        for topic_field in offer.topic_fields.all():
            presenter(topic_field.pk, offer.organisation).offers.append(offer)

    Through = BestPractice.topic_fields.through
    rows = (
        Through.objects.filter(
            bestpractice__status=S.PUBLISHED,
            bestpractice__organisation__status__in=REGISTERED,
        )
        .values("topicfield_id", "bestpractice__organisation_id")
        .annotate(
            practices=Count("bestpractice", distinct=True),
            useful=Count("bestpractice__reactions"),
        )
    )
    rows = list(rows)
    organisations = Organisation.objects.in_bulk(
        {row["bestpractice__organisation_id"] for row in rows}
    )
    for row in rows:
        entry = presenter(row["topicfield_id"], organisations[row["bestpractice__organisation_id"]])
        entry.best_practices = row["practices"]
        entry.useful = row["useful"]
    result = []
    for topic_field in topic_fields:
        presenters = sorted(
            per_field[topic_field.pk].values(),
            key=lambda p: (not p.presents, -p.best_practices, -p.useful, p.organisation.name),
        )
        result.append((topic_field, presenters))
    return result


# --- Contact requests ----------------------------------------------------------------------


def _requests(queryset: QuerySet[ContactRequest]) -> QuerySet[ContactRequest]:
    return queryset.select_related(
        "organisation", "sender", "sender_organisation", "recipient", "best_practice", "peer_offer"
    )


def contact_requests_received(*, user: Any) -> QuerySet[ContactRequest]:
    admin_of = Membership.objects.filter(user=user, role=Membership.Role.ADMIN).values(
        "organisation_id"
    )
    return _requests(
        ContactRequest.objects.filter(Q(recipient=user) | Q(organisation_id__in=admin_of))
    ).order_by("-created_at", "-pk")


def contact_requests_sent(*, user: Any) -> QuerySet[ContactRequest]:
    return _requests(ContactRequest.objects.filter(sender=user)).order_by("-created_at", "-pk")


def open_contact_requests_for(*, user: Any) -> QuerySet[ContactRequest]:
    return contact_requests_received(user=user).filter(status=ContactRequest.Status.OPEN)


# --- Notifications -------------------------------------------------------------------------


def notification_settings_for(*, user: Any) -> NotificationSettings:
    """The saved settings, or unsaved defaults."""
    settings_ = NotificationSettings.objects.filter(user=user).first()
    return settings_ or NotificationSettings(user=user)


def topic_levels_for(*, user: Any) -> dict[int, str]:
    """Topic field id → level (``all``, ``digest``, ``off``); digest where nothing is saved."""
    saved = dict(TopicSubscription.objects.filter(user=user).values_list("topic_field_id", "level"))
    return {
        pk: saved.get(pk, TopicSubscription.Level.DIGEST)
        for pk in TopicField.objects.values_list("pk", flat=True)
    }


def replies_to_user(*, user: Any, since: datetime | None = None) -> QuerySet[Comment]:
    """Answers others wrote to the user's comments, newest first."""
    replies = visible_comments(user).filter(
        parent__author=user, is_hidden=False, deleted_at__isnull=True
    )
    replies = replies.exclude(author=user)
    if since is not None:
        replies = replies.filter(created_at__gte=since)
    return replies.select_related("author", "best_practice", "parent").order_by("-created_at")


@dataclass
class Digest:
    best_practices: list[BestPractice]
    peer_offers: list[PeerOffer]
    replies: list[Comment]
    organisation_comments: list[Comment]
    useful_count: int

    @property
    def is_empty(self) -> bool:
        return not (
            self.best_practices
            or self.peer_offers
            or self.replies
            or self.organisation_comments
            or self.useful_count
        )


def digest_for_user(*, user: Any, since: datetime, until: datetime) -> Digest:
    """What the weekly digest tells ``user`` about the period [since, until)."""
    levels = topic_levels_for(user=user)
    digest_fields = [pk for pk, level in levels.items() if level == TopicSubscription.Level.DIGEST]
    notify = notification_settings_for(user=user)
    own = Membership.objects.filter(user=user).values("organisation_id")

    announced = BestPracticeAnnouncement.objects.filter(user=user, best_practice=OuterRef("pk"))
    practices = (
        visible_best_practices(user)
        .filter(
            status=S.PUBLISHED,
            first_published_at__gte=since,
            first_published_at__lt=until,
            topic_fields__in=digest_fields,
        )
        .exclude(organisation_id__in=own)
        .exclude(Exists(announced))
        .distinct()
    )
    offers = (
        visible_peer_offers(user)
        .filter(
            is_active=True,
            created_at__gte=since,
            created_at__lt=until,
            topic_fields__in=digest_fields,
        )
        .exclude(organisation_id__in=own)
        .distinct()
    )
    replies: list[Comment] = []
    if notify.replies == Frequency.DIGEST:
        replies = list(replies_to_user(user=user, since=since).filter(created_at__lt=until))
    organisation_comments: list[Comment] = []
    useful = 0
    own_practices = BestPractice.objects.filter(organisation_id__in=own, status=S.PUBLISHED)
    if notify.organisation_activity == Frequency.DIGEST:
        organisation_comments = list(
            Comment.objects.filter(
                best_practice__in=own_practices,
                created_at__gte=since,
                created_at__lt=until,
                is_hidden=False,
                deleted_at__isnull=True,
            )
            .exclude(author=user)
            .select_related("author", "best_practice")
            .order_by("created_at")
        )
    if notify.organisation_activity != Frequency.OFF:
        useful = Reaction.objects.filter(
            best_practice__in=own_practices, created_at__gte=since, created_at__lt=until
        ).count()
    return Digest(
        best_practices=list(_for_cards(practices).order_by("-first_published_at")[:20]),
        peer_offers=list(_offers_for_cards(offers).order_by("-created_at")[:20]),
        replies=replies,
        organisation_comments=organisation_comments,
        useful_count=useful,
    )


# --- For reports (public API; aggregates, the query count does not grow with the data) -----


def _day_bounds(start: Any, end: Any) -> tuple[datetime, datetime]:
    """The first moment of ``start`` and the first moment after ``end`` (local time)."""
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def _during(field: str, start: Any, end: Any) -> Q:
    """``field`` (a date and time) falls on one of the days ``start`` … ``end``, compared as a
    range so that the database needs no function call per row."""
    low, high = _day_bounds(start, end)
    return Q(**{f"{field}__gte": low, f"{field}__lt": high})


def best_practices_published_in(
    *, start: Any, end: Any, organisations: Any = None, topic_field: TopicField | None = None
) -> QuerySet[BestPractice]:
    """Best practices first published in the period and still published."""
    practices = BestPractice.objects.filter(
        _during("first_published_at", start, end), status=S.PUBLISHED
    )
    if organisations is not None:
        practices = practices.filter(organisation__in=organisations)
    if topic_field is not None:
        practices = practices.filter(
            pk__in=BestPractice.objects.filter(topic_fields=topic_field).values("pk")
        )
    return practices


def community_report_figures(
    *, start: Any, end: Any, organisations: Any = None, topic_field: TopicField | None = None
) -> dict[str, Any]:
    """Best practices published (publicly, for members, per topic field), peer offers made
    and active, contact requests sent and answered, useful marks – in the period."""
    practices = best_practices_published_in(
        start=start, end=end, organisations=organisations, topic_field=topic_field
    )
    offers = PeerOffer.objects.all()
    requests = ContactRequest.objects.filter(_during("created_at", start, end))
    reactions = Reaction.objects.filter(_during("created_at", start, end))
    until_end = Q(created_at__lt=_day_bounds(start, end)[1])
    if organisations is not None:
        offers = offers.filter(organisation__in=organisations)
        requests = requests.filter(organisation__in=organisations)
        reactions = reactions.filter(best_practice__organisation__in=organisations)
    if topic_field is not None:
        offers = offers.filter(
            pk__in=PeerOffer.objects.filter(topic_fields=topic_field).values("pk")
        )
        requests = requests.filter(
            Q(best_practice__topic_fields=topic_field) | Q(peer_offer__topic_fields=topic_field)
        ).distinct()
        reactions = reactions.filter(best_practice__topic_fields=topic_field)
    published = practices.aggregate(
        total=Count("pk"),
        public=Count("pk", filter=Q(visibility=BestPractice.Visibility.PUBLIC)),
        members=Count("pk", filter=Q(visibility=BestPractice.Visibility.MEMBERS)),
        organisations=Count("organisation", distinct=True),
    )
    tagging = BestPractice.topic_fields.through
    by_topic_field = dict(
        tagging.objects.filter(bestpractice__in=practices)
        .order_by()
        .values("topicfield_id")
        .annotate(n=Count("pk"))
        .values_list("topicfield_id", "n")
    )
    offer_counts = offers.aggregate(
        new=Count("pk", filter=_during("created_at", start, end)),
        active=Count("pk", filter=Q(is_active=True) & until_end),
        organisations=Count("organisation", filter=Q(is_active=True) & until_end, distinct=True),
    )
    request_counts = requests.aggregate(
        sent=Count("pk", distinct=True),
        answered=Count("pk", filter=Q(status=ContactRequest.Status.ANSWERED), distinct=True),
    )
    return {
        "published": published["total"],
        "published_public": published["public"],
        "published_members": published["members"],
        "publishing_organisations": published["organisations"],
        "by_topic_field": by_topic_field,
        "offers_new": offer_counts["new"],
        "offers_active": offer_counts["active"],
        "offering_organisations": offer_counts["organisations"],
        "contacts_sent": request_counts["sent"],
        "contacts_answered": request_counts["answered"],
        "useful_marks": reactions.count(),
    }


def organisation_community_figures(*, organisation: Organisation) -> dict[str, int]:
    """An organisation's part in the peer exchange: published best practices, active peer
    offers, contact requests received."""
    return {
        "published": BestPractice.objects.filter(
            organisation=organisation, status=S.PUBLISHED
        ).count(),
        "offers": PeerOffer.objects.filter(organisation=organisation, is_active=True).count(),
        "contacts": ContactRequest.objects.filter(organisation=organisation).count(),
    }
