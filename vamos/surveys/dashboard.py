"""The surveys' part of "Mein VAMOs": surveys waiting, drafts, the Verbands-Check status,
and for team admins the response rates of open rounds."""

from django.http import HttpRequest

from vamos.dashboard.panels import Panel
from vamos.organisations.models import Organisation

from .models import Survey
from .permissions import can_manage_surveys, member_organisation_ids
from .selectors.respondent import open_waves, user_survey_tasks
from .selectors.results import response_rates_for
from .selectors.self_assessment import self_assessment_status, self_assessment_waves


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    user = request.user
    panels = []
    tasks = [task for task in user_survey_tasks(user=user) if task.status != "submitted"]
    organisations = list(
        Organisation.objects.filter(pk__in=member_organisation_ids(user)).order_by("name")
    )
    waves = self_assessment_waves()
    check = []
    if organisations and waves:
        statuses = self_assessment_status(organisations=organisations)
        check = [
            (organisation, statuses.get(organisation.pk, "")) for organisation in organisations
        ]
    if tasks or check:
        panels.append(
            Panel(
                template="surveys/dashboard/panel.html",
                data={"tasks": tasks, "check": check, "check_wave": waves[-1] if waves else None},
                order=40,
            )
        )
    if can_manage_surveys(user):
        # Event feedback forms have their own overview; here the organisation-wide rounds.
        waves = list(
            open_waves()
            .exclude(survey__kind__in=[Survey.Kind.FEEDBACK, Survey.Kind.FEEDBACK_TEMPLATE])
            .select_related("survey")
            .order_by("closes_on")
        )
        rates = response_rates_for(waves)
        rounds = [(wave, rates[wave.pk]) for wave in waves]
        panels.append(
            Panel(template="surveys/dashboard/team_panel.html", data={"rounds": rounds}, order=41)
        )
    return panels
