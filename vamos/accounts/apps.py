from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vamos.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from vamos.core.privacy import register_personal_data, register_retention_rule

        from . import personal_data, services

        register_personal_data(
            "account", export=personal_data.export_account, erase=personal_data.erase_account
        )
        register_retention_rule(
            "unactivated_accounts", lambda now: services.users_unactivated_delete(now=now)
        )
