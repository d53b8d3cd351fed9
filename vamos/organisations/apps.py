from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "vamos.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from vamos.core.privacy import register_deletion_check, register_personal_data

        from . import personal_data

        register_personal_data(
            "organisations",
            export=personal_data.export_memberships,
            erase=personal_data.erase_memberships,
        )
        register_deletion_check(personal_data.last_admin_blockers)
