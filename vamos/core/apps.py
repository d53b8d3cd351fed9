from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vamos.core"
    label = "core"
    verbose_name = _("Platform core")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import (
            checks,  # noqa: F401  (registers system checks)
            personal_data,
            versions,
        )
        from .roles import roles_sync_after_migrate

        _run_wagtail_backport_tasks_inline()
        from .privacy import register_personal_data, register_retention_rule
        from .services import form_submissions_expire

        post_migrate.connect(roles_sync_after_migrate, sender=self)
        versions.track_project()
        register_personal_data(
            "emails", export=personal_data.export_emails, erase=personal_data.erase_emails
        )
        register_personal_data(
            "actions", export=personal_data.export_audit, erase=personal_data.erase_audit
        )
        register_retention_rule("form_submissions", lambda now: form_submissions_expire(now=now))


def _run_wagtail_backport_tasks_inline() -> None:
    """Wagtail 8 still enqueues its few small jobs (reference index, image focal points, file
    clean-up) through the ``django_tasks`` backport, whose task objects Django's built-in
    database worker refuses. Both read ``settings.TASKS``; the backport gets its own immediate
    backend instead, so Wagtail's jobs run inline (as Wagtail without a queue does) while the
    platform's own jobs go through ``django.tasks`` and the database queue."""
    import django_tasks

    django_tasks.task_backends._settings = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    django_tasks.task_backends.__dict__.pop("settings", None)
