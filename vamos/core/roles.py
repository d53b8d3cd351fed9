"""The VAMOs team's roles (SPEC §3) as Django groups, kept in sync after every migrate.

Team admins may do everything in the back office; editors author pages and media;
coaches work on the journeys assigned to them (in the platform, not the back office).
Assign a person a role by adding them to the group in the back office (Settings → Users).
"""

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TEAM_ADMIN = "team-admin"
COACH = "coach"
EDITOR = "editor"

ROLE_LABELS = {
    TEAM_ADMIN: _("Team admin"),
    COACH: _("Coach"),
    EDITOR: _("Editor"),
}

# Apps whose every permission the team admin holds (besides all of the platform's own apps).
_TEAM_ADMIN_APPS = [
    "wagtailcore",
    "wagtailadmin",
    "wagtailimages",
    "wagtaildocs",
    "wagtailforms",
    "wagtailredirects",
    "wagtailsnippets",
    "wagtailusers",
    "wagtaillocales",
    "wagtailsearch",
    "wagtailembeds",
    "taggit",
    "auth",
    "account",
    "django_tasks_db",
]

# (app_label, codename) pairs editors hold in addition to page permissions.
_EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("core", "view_topicfield"),
    ("core", "change_topicfield"),
    ("wagtailforms", "view_formsubmission"),
]

_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    query = Q()
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query)) if pairs else []


def roles_sync() -> None:
    """Create the three staff groups and give them their permissions (idempotent)."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    team_admin, _created = Group.objects.get_or_create(name=TEAM_ADMIN)
    editor, _created = Group.objects.get_or_create(name=EDITOR)
    Group.objects.get_or_create(name=COACH)

    platform_apps = [
        config.label for config in global_apps.get_app_configs() if config.name.startswith("vamos.")
    ]
    team_admin.permissions.set(
        Permission.objects.filter(content_type__app_label__in=[*_TEAM_ADMIN_APPS, *platform_apps])
    )
    editor.permissions.set(_permissions(_EDITOR_PERMISSIONS))

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    page_permissions = _permissions([("wagtailcore", name) for name in _PAGE_PERMISSIONS])
    if root_page is not None:
        for group in (team_admin, editor):
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
    if root_collection is not None:
        for group in (team_admin, editor):
            for permission in _permissions(_COLLECTION_PERMISSIONS):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


def roles_sync_after_migrate(*, apps: Any = global_apps, **kwargs: Any) -> None:
    """``post_migrate`` receiver: permissions of every app must exist before groups get them."""
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    roles_sync()
