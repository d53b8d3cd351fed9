"""Writes of the surveys app. Other apps call these; views call them too."""

from .answering import response_save_page, response_start, response_submit
from .authoring import (
    question_delete,
    question_move,
    question_save,
    section_delete,
    section_move,
    section_save,
    survey_create,
    survey_update,
    wave_create,
    wave_update,
)
from .feedback import feedback_form_create, feedback_form_invite
from .invitations import (
    InvitationResult,
    wave_invite_organisations,
    wave_invite_people,
    wave_remind,
    waves_due_for_reminder,
)

__all__ = [
    "InvitationResult",
    "feedback_form_create",
    "feedback_form_invite",
    "question_delete",
    "question_move",
    "question_save",
    "response_save_page",
    "response_start",
    "response_submit",
    "section_delete",
    "section_move",
    "section_save",
    "survey_create",
    "survey_update",
    "wave_create",
    "wave_invite_organisations",
    "wave_invite_people",
    "wave_remind",
    "wave_update",
    "waves_due_for_reminder",
]
