from django.tasks import task

from .models import OutgoingEmail
from .services import email_deliver


@task()
def email_deliver_task(*, email_id: int) -> str:
    # No transaction around it: the claim must be committed before the mail server is asked.
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:
        return "missing"
    return email_deliver(email=email).status


@task()
def retention_apply_task() -> dict[str, int]:
    """The same as ``manage.py apply_retention``, for schedulers that enqueue tasks."""
    from .services import retention_apply

    return retention_apply()
