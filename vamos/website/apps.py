from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "vamos.website"
    label = "website"
    verbose_name = _("Website")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
        )

        from .navigation import navigation_reset, page_deleted

        # The cached menu and footer must follow what editors publish.
        for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
            signal.connect(navigation_reset, dispatch_uid=f"navigation-{signal}")
        post_delete.connect(page_deleted, dispatch_uid="navigation-delete")
