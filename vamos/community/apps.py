from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "vamos.community"
    label = "community"
    verbose_name = _("Peer exchange")

    def ready(self) -> None:
        from vamos.core.privacy import register_personal_data

        from . import personal_data

        register_personal_data(
            "community", export=personal_data.export_community, erase=personal_data.erase_community
        )
