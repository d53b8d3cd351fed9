"""What the surveys app stores about a person, and how it is erased.

A person's own answers (surveys answered per person) are exported in full. Answers given for
an organisation belong to the organisation; the export names them, erasing removes only the
person's name from them. Anonymous answers are not linked to anyone and cannot be found.
"""

from typing import Any

from django.db import transaction

from vamos.core.models import TopicField

from .models import Answer, Participation, Question, Response, WaveInvitation
from .questionnaire import answer_label


def export_surveys(user: Any) -> dict[str, Any]:
    topic_fields = {tf.slug: tf for tf in TopicField.objects.all()}
    own = (
        Response.objects.filter(respondent=user)
        .select_related("wave__survey")
        .prefetch_related("answers__question__choices")
        .order_by("wave__opens_on")
    )
    return {
        "own_responses": [
            {
                "survey": response.wave.survey.title,
                "round": response.wave.label,
                "status": response.status,
                "submitted_at": (
                    response.submitted_at.isoformat() if response.submitted_at else None
                ),
                "answers": [
                    {
                        "question": answer.question.text,
                        "answer": answer_label(answer.question, answer.value, topic_fields),
                    }
                    for answer in sorted(
                        response.answers.all(),
                        key=lambda a: (a.question.section_id, a.question.position),
                    )
                ],
            }
            for response in own
        ],
        "answered_for_organisations": [
            {
                "survey": response.wave.survey.title,
                "round": response.wave.label,
                "organisation": response.organisation.name if response.organisation else None,
                "status": response.status,
            }
            for response in Response.objects.filter(organisation__isnull=False)
            .filter(submitted_by=user)
            .select_related("wave__survey", "organisation")
        ],
        "participations": [
            {
                "survey": participation.wave.survey.title,
                "round": participation.wave.label,
                "submitted_on": participation.submitted_on.isoformat(),
            }
            for participation in Participation.objects.filter(user=user).select_related(
                "wave__survey"
            )
        ],
        "invitations": [
            {
                "survey": invitation.wave.survey.title,
                "round": invitation.wave.label,
                "emailed_at": invitation.emailed_at.isoformat() if invitation.emailed_at else None,
            }
            for invitation in WaveInvitation.objects.filter(user=user).select_related(
                "wave__survey"
            )
        ],
    }


@transaction.atomic
def erase_surveys(user: Any) -> None:
    """Drafts go; submitted answers stay for the figures, without the person and without
    anything they wrote in their own words."""
    Response.objects.filter(respondent=user, status=Response.Status.DRAFT).delete()
    own_submitted = Response.objects.filter(respondent=user, status=Response.Status.SUBMITTED)
    Answer.objects.filter(
        response__in=own_submitted, question__kind__in=Question.TEXT_KINDS
    ).delete()
    own_submitted.update(respondent=None, submitted_by=None, last_edited_by=None)
    Response.objects.filter(submitted_by=user).update(submitted_by=None)
    Response.objects.filter(last_edited_by=user).update(last_edited_by=None)
    Participation.objects.filter(user=user).update(user=None)
    WaveInvitation.objects.filter(user=user).update(user=None)
