from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "vamos.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from vamos.core.privacy import register_personal_data

        from . import personal_data
        from .roles import learning_permissions_sync

        # After core's roles_sync (core is migrated first): editors and team admins get the
        # permissions for videos; page permissions come from core already.
        post_migrate.connect(learning_permissions_sync, sender=self)
        register_personal_data(
            "learning", export=personal_data.export_learning, erase=personal_data.erase_learning
        )
