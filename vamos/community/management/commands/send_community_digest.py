"""Weekly digest of the peer exchange. Schedule it once a week (e.g. Monday 7:00):

    manage.py send_community_digest

It enqueues one background task per person whose last digest is a week old; each task
builds the person's digest and queues the email (nothing is sent when nothing is new).
Running it twice in a week sends nothing twice.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from vamos.community.services import digest_due
from vamos.community.tasks import digest_send_task
from vamos.core.roles import COACH, EDITOR, TEAM_ADMIN
from vamos.organisations.permissions import REGISTERED


class Command(BaseCommand):
    help = "Queue the weekly peer-exchange digest for everyone whose last one is a week old."

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        people = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(memberships__organisation__status__in=REGISTERED)
                | Q(groups__name__in=[TEAM_ADMIN, COACH, EDITOR])
            )
            .distinct()
        )
        queued = 0
        for person in people.iterator():
            if digest_due(user=person, now=now):
                digest_send_task.enqueue(user_id=person.pk, until=now.isoformat())
                queued += 1
        self.stdout.write(f"Weekly digest queued for {queued} people.")
