"""Background work of the peer exchange: announcing new best practices, weekly digests."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.tasks import task

from . import services
from .models import BestPractice


@task()
def best_practice_announce_task(*, best_practice_id: int) -> int:
    practice = BestPractice.objects.filter(pk=best_practice_id).first()
    if practice is None:
        return 0
    return services.best_practice_announce(practice=practice)


@task()
def digest_send_task(*, user_id: int, until: str) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return False
    return services.digest_send(user=user, until=datetime.fromisoformat(until))
