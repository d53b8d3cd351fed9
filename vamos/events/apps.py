from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "vamos.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from vamos.core.privacy import register_personal_data, register_retention_rule

        from . import personal_data, services

        register_personal_data(
            "events",
            export=personal_data.export_registrations,
            erase=personal_data.erase_registrations,
        )
        register_retention_rule(
            "registration_answers", lambda now: services.registration_answers_expire(now=now)
        )
