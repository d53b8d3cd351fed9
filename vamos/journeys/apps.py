from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "vamos.journeys"
    label = "journeys"
    verbose_name = _("Learning journeys")

    def ready(self) -> None:
        from vamos.core.privacy import register_deletion_check, register_personal_data

        from . import personal_data

        register_personal_data(
            "learning_journeys",
            export=personal_data.export_journey_data,
            erase=personal_data.erase_journey_data,
        )
        register_deletion_check(personal_data.sole_coach_blockers)
