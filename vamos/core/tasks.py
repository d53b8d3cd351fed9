from django.db import transaction
from django.tasks import task

from .models import OutgoingEmail
from .services import email_deliver


@task()
def email_deliver_task(*, email_id: int) -> str:
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None:
            return "missing"
        return email_deliver(email=email).status
