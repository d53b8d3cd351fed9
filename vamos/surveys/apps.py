from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "vamos.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from vamos.core.privacy import register_personal_data

        from . import personal_data

        register_personal_data(
            "surveys", export=personal_data.export_surveys, erase=personal_data.erase_surveys
        )
