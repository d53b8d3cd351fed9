"""Notification settings and the weekly digest built by ``send_community_digest``."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from vamos.community import selectors, services
from vamos.community.models import (
    BestPracticeAnnouncement,
    NotificationSettings,
    Reaction,
    TopicSubscription,
)

from .factories import BestPracticeFactory, CommentFactory, PeerOfferFactory, topic_field

pytestmark = pytest.mark.django_db


def _days_ago(days: float) -> Any:
    return timezone.now() - timedelta(days=days)


def test_the_digest_collects_the_weeks_news_for_the_person(
    org_a: Any, org_b: Any, member: Any, other_member: Any, make_user: Any
) -> None:
    TopicSubscription.objects.create(
        user=member, topic_field=topic_field("strategie"), level=TopicSubscription.Level.OFF
    )
    NotificationSettings.objects.create(
        user=member, replies="digest", organisation_activity="digest"
    )
    new = BestPracticeFactory(
        organisation=org_b, published=True, first_published_at=_days_ago(2), title="Neu"
    )
    BestPracticeFactory(
        organisation=org_b, published=True, first_published_at=_days_ago(10), title="Alt"
    )
    BestPracticeFactory(
        organisation=org_b,
        published=True,
        first_published_at=_days_ago(1),
        title="Abbestellt",
        topics=["strategie"],
    )
    announced = BestPracticeFactory(
        organisation=org_b, published=True, first_published_at=_days_ago(1), title="Schon gemeldet"
    )
    BestPracticeAnnouncement.objects.create(best_practice=announced, user=member)
    BestPracticeFactory(
        organisation=org_a, published=True, first_published_at=_days_ago(1), title="Eigenes"
    )
    BestPracticeFactory(organisation=org_b, submitted=True, title="In Prüfung")
    offer = PeerOfferFactory(organisation=org_b)
    own = BestPracticeFactory(organisation=org_a, author=member, published=True)
    question = CommentFactory(best_practice=new, author=member)
    answer = CommentFactory(best_practice=new, author=other_member, parent=question)
    on_own = CommentFactory(best_practice=own, author=other_member)
    Reaction.objects.create(best_practice=own, user=other_member)

    digest = selectors.digest_for_user(user=member, since=_days_ago(7), until=timezone.now())
    assert [p.title for p in digest.best_practices] == ["Neu"]
    assert digest.peer_offers == [offer]
    assert digest.replies == [answer]
    assert digest.organisation_comments == [on_own]
    assert digest.useful_count == 1


def test_the_digest_is_sent_once_a_week_and_only_when_there_is_news(
    org_a: Any, org_b: Any, member: Any, other_member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    member.language = "en"
    member.save()
    BestPracticeFactory(
        organisation=org_b, published=True, first_published_at=_days_ago(1), title="Tandem-Anträge"
    )
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_community_digest", stdout=out)
    digests = [m for m in mail.outbox if m.to == [member.email]]
    assert len(digests) == 1
    assert digests[0].subject == "Your weekly overview from the VAMOs peer exchange"
    assert "Tandem-Anträge" in digests[0].body
    assert reverse("community:settings").replace("/austausch", "/en/austausch") in digests[0].body
    assert not [m for m in mail.outbox if m.to == [other_member.email]]  # nothing new for B
    assert "queued for" in out.getvalue()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_community_digest", stdout=StringIO())
    assert mail.outbox == []  # not a week yet
    settings_ = NotificationSettings.objects.get(user=member)
    settings_.last_digest_at = _days_ago(7)
    settings_.save()
    BestPracticeFactory._meta.model.objects.update(first_published_at=_days_ago(8))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_community_digest", stdout=StringIO())
    assert [m for m in mail.outbox if m.to == [member.email]] == []  # nothing new since


def test_people_who_want_nothing_get_no_digest(org_b: Any, member: Any) -> None:
    for field in topic_field("finanzierung").__class__.objects.all():
        TopicSubscription.objects.create(user=member, topic_field=field, level="off")
    BestPracticeFactory(organisation=org_b, published=True, first_published_at=_days_ago(1))
    assert services.digest_send(user=member, until=timezone.now()) is False
    assert mail.outbox == []


def test_notification_settings_are_saved_per_topic_field(member: Any, client_for: Any) -> None:
    funding = topic_field("finanzierung")
    client = client_for(member)
    form = client.get(reverse("community:settings")).context["form"]
    data = {name: "digest" for _pk, name in form.topic_names}
    data.update({f"topic_{funding.pk}": "all", "replies": "off", "organisation_activity": "digest"})
    response = client.post(reverse("community:settings"), data)
    assert response.status_code == 302
    assert TopicSubscription.objects.get(user=member, topic_field=funding).level == "all"
    assert NotificationSettings.objects.get(user=member).replies == "off"
    response = client.post(reverse("community:settings"), {**data, "replies": "sometimes"})
    assert response.status_code == 200 and "replies" in response.context["form"].errors
    assert NotificationSettings.objects.get(user=member).replies == "off"
