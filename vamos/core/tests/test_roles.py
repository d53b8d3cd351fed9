from typing import Any

import pytest
from django.contrib.auth.models import Group

from vamos.core.models import TopicField
from vamos.core.permissions import is_coach, is_editor, is_staff_member, is_team_admin
from vamos.core.roles import COACH, EDITOR, TEAM_ADMIN

pytestmark = pytest.mark.django_db


def test_staff_groups_exist_after_migrate_with_back_office_access() -> None:
    team_admin = Group.objects.get(name=TEAM_ADMIN)
    editor = Group.objects.get(name=EDITOR)
    assert Group.objects.filter(name=COACH).exists()
    assert team_admin.permissions.filter(codename="access_admin").exists()
    assert team_admin.permissions.filter(codename="change_organisation").exists()
    assert editor.permissions.filter(codename="access_admin").exists()
    assert not editor.permissions.filter(codename="change_organisation").exists()


def test_role_checks_per_persona(
    team_admin: Any, coach: Any, editor: Any, member: Any, make_user: Any
) -> None:
    assert is_team_admin(team_admin) and is_editor(team_admin) and not is_coach(team_admin)
    assert is_coach(coach) and is_staff_member(coach) and not is_team_admin(coach)
    assert is_editor(editor) and not is_team_admin(editor)
    assert not is_staff_member(member)
    superuser = make_user(is_superuser=True)
    assert is_team_admin(superuser)


def test_seven_topic_fields_ship_in_both_languages() -> None:
    from django.utils import translation

    slugs = list(TopicField.objects.values_list("slug", flat=True))
    assert slugs == [
        "strategie",
        "projektmanagement",
        "organisation-fuehrung",
        "finanzierung",
        "oeffentlichkeitsarbeit",
        "netzwerk-interessenvertretung",
        "mitgliedermanagement",
    ]
    field = TopicField.objects.get(slug="finanzierung")
    with translation.override("en"):
        assert field.name == "Funding"
    with translation.override("de"):
        assert field.name == "Finanzierung"
    field.name_en = ""
    with translation.override("en"):
        assert field.name == "Finanzierung"  # falls back to German
