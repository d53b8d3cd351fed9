from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType

from vamos.core.models import TopicField
from vamos.core.services import audit_log

pytestmark = pytest.mark.django_db

LIST = "/verwaltung/snippets/core/auditentry/"


@pytest.fixture
def log(team_admin: Any, coach: Any, member: Any, org_a: Any) -> dict[str, Any]:
    audit_log(actor=member, action="personal_data.export", obj=member)
    audit_log(actor=coach, action="journey.private_notes_read", obj=org_a, data={"on": "notes"})
    audit_log(actor=team_admin, action="survey.export", obj=org_a, data={"format": "xlsx"})
    audit_log(actor=team_admin, action="topic.edit", obj=TopicField.objects.first())
    return {"member": member, "coach": coach, "team_admin": team_admin, "org_a": org_a}


def _actions(response: Any) -> list[str]:
    return sorted(entry.action for entry in response.context["object_list"])


def test_team_filters_the_audit_log_by_person(client_for: Any, log: dict[str, Any]) -> None:
    client = client_for(log["team_admin"])
    response = client.get(LIST, {"actor": log["coach"].pk})
    assert response.status_code == 200
    assert _actions(response) == ["journey.private_notes_read"]
    response = client.get(LIST, {"actor": [log["coach"].pk, log["member"].pk]})
    assert _actions(response) == ["journey.private_notes_read", "personal_data.export"]


def test_team_filters_the_audit_log_by_object(client_for: Any, log: dict[str, Any]) -> None:
    organisation = log["org_a"]
    kind = ContentType.objects.get_for_model(organisation)
    client = client_for(log["team_admin"])
    response = client.get(LIST, {"content_type": kind.pk, "object_id": str(organisation.pk)})
    assert _actions(response) == ["journey.private_notes_read", "survey.export"]
    response = client.get(LIST, {"content_type": kind.pk, "action": "survey"})
    assert _actions(response) == ["survey.export"]
    # Who was the subject of an export: the person is the object.
    user_kind = ContentType.objects.get_for_model(log["member"])
    response = client.get(LIST, {"content_type": user_kind.pk, "object_id": log["member"].pk})
    assert _actions(response) == ["personal_data.export"]


def test_only_the_team_admin_reads_the_audit_log(client_for: Any, log: dict[str, Any]) -> None:
    assert client_for(log["coach"]).get(LIST, {"actor": log["coach"].pk}).status_code in (
        302,
        403,
    )
