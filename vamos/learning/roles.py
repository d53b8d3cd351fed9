"""Back-office permissions for learning content, granted to the team's role groups.

Core's ``roles_sync`` gives editors and team admins their page permissions (modules, lessons
and learning paths are pages). Videos are snippets; their permissions are added here, after
core has set up the groups.
"""

from typing import Any

from django.contrib.auth.models import Group, Permission

from vamos.core.roles import EDITOR, TEAM_ADMIN

# Editors author videos; certificates and progress are records of the platform itself.
EDITOR_CODENAMES = [
    "add_video",
    "change_video",
    "delete_video",
    "publish_video",
    "lock_video",
    "unlock_video",
    "view_video",
]


def learning_permissions_sync(app_config: Any = None, **kwargs: Any) -> None:
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail.snippets.models import create_extra_permissions

    config = apps.get_app_config("learning")
    create_permissions(config, verbosity=0)
    create_extra_permissions(config)
    learning = Permission.objects.filter(content_type__app_label="learning")
    team_admin = Group.objects.filter(name=TEAM_ADMIN).first()
    if team_admin is not None:
        team_admin.permissions.add(*learning)
    editor = Group.objects.filter(name=EDITOR).first()
    if editor is not None:
        editor.permissions.add(*learning.filter(codename__in=EDITOR_CODENAMES))
