"""The blocks a lesson is made of (rich text, video, download, quiz, transfer task, checklist).

Interactive blocks (quiz, checklist, transfer task) are identified by their StreamField block
id; questions and answers by their list item ids. Learners' answers and attempts refer to
these ids, so editors can reorder questions without breaking anyone's progress.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("This answer is correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown to the learner who chose this answer, e.g. why it is right or wrong."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"

    question = blocks.TextBlock(label=_("Question"), rows=2)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            (SINGLE, _("Single choice (exactly one answer is correct)")),
            (MULTIPLE, _("Multiple choice (one or more answers are correct)")),
        ],
        default=SINGLE,
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2, max_num=8)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        correct = sum(1 for answer in value["answers"] if answer["correct"])
        if value["kind"] == self.SINGLE and correct != 1:
            raise StructBlockValidationError(
                block_errors={
                    "answers": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(
                                _("Mark exactly one answer as correct in a single-choice question.")
                            )
                        ]
                    )
                }
            )
        if value["kind"] == self.MULTIPLE and correct < 1:
            raise StructBlockValidationError(
                block_errors={
                    "answers": ListBlockValidationError(
                        non_block_errors=[
                            ValidationError(_("Mark at least one answer as correct."))
                        ]
                    )
                }
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Check your knowledge"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, rows=2)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1, max_num=20)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (percent)"),
        min_value=1,
        max_value=100,
        default=80,
        help_text=_(
            "Share of questions that must be answered correctly. The lesson counts as completed "
            "once every quiz in it is passed."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Quiz")


class VideoBlock(blocks.StructBlock):
    video = SnippetChooserBlock("learning.Video", label=_("Video"))
    note = blocks.TextBlock(
        label=_("Note for learners"),
        required=False,
        rows=2,
        help_text=_("Optional: what to pay attention to while watching."),
    )

    class Meta:
        icon = "media"
        label = _("Video")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title.")
    )
    description = blocks.TextBlock(label=_("Description"), required=False, rows=2)

    class Meta:
        icon = "download"
        label = _("Download")


class TransferTaskBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(
        label=_("Task"),
        rows=3,
        default=_("How will you apply this in your association?"),
    )
    hint = blocks.TextBlock(
        label=_("Hint"),
        required=False,
        rows=2,
        help_text=_("Optional questions that help learners to answer."),
    )

    class Meta:
        icon = "edit"
        label = _("Transfer task")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"), min_num=1
    )

    class Meta:
        icon = "list-ul"
        label = _("Checklist")


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)
    video = VideoBlock()
    download = DownloadBlock()
    quiz = QuizBlock()
    transfer_task = TransferTaskBlock()
    checklist = ChecklistBlock()


def item_id(list_value: Any, index: int) -> str:
    """The stable id of a list item (its stored id; its position for legacy data)."""
    bound = list_value.bound_blocks[index]
    return bound.original_id or f"i{index}"


def list_items(list_value: Any) -> list[tuple[str, Any]]:
    return [(item_id(list_value, index), value) for index, value in enumerate(list_value)]
