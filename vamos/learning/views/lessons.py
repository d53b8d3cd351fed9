"""A lesson and what learners do in it: quizzes, checklists, transfer tasks.

Interactive blocks post to their own URL. With htmx the answer replaces the block and updates
the module's progress bar and lesson list in place (out-of-band swaps); without JavaScript the
form posts normally and the learner lands back at the block.
"""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vamos.core.forms import apply_validation_error

from .. import selectors, services
from ..blocks import QuestionBlock, list_items
from ..forms import TransferAnswerForm
from ..models import QuizAttempt, TransferAnswer
from ..permissions import get_lesson_for_user
from ..selectors import LessonView, ModuleView


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _block(lesson: LessonView, kind: str, block_id: str) -> Any:
    for block in lesson.page.body:
        if block.block_type == kind and block.id == block_id:
            return block
    raise Http404


def _lesson_url(module: ModuleView, lesson: LessonView, block_id: str = "") -> str:
    url = reverse(
        "learning:lesson", kwargs={"module_slug": module.slug, "lesson_slug": lesson.slug}
    )
    return f"{url}#block-{block_id}" if block_id else url


# --- Building what the templates show --------------------------------------------------------


def quiz_state(
    block: Any,
    attempt: QuizAttempt | None,
    *,
    errors: dict[str, list[str]] | None = None,
    posted: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """Questions with the learner's choices and, after an attempt, feedback per choice."""
    value = block.value
    show_result = attempt is not None and errors is None
    chosen_by_question = posted if posted is not None else (attempt.answers if attempt else {})
    questions = []
    for number, (question_id, question) in enumerate(list_items(value["questions"]), start=1):
        chosen = set(chosen_by_question.get(question_id, []))
        options = list_items(question["answers"])
        correct = {key for key, option in options if option["correct"]}
        answers = []
        for answer_id, option in options:
            picked = answer_id in chosen
            answers.append(
                {
                    "id": answer_id,
                    "text": option["text"],
                    "checked": picked,
                    "show": show_result and picked,
                    "correct": option["correct"],
                    "feedback": option["feedback"],
                }
            )
        result = (chosen == correct) if show_result else None
        questions.append(
            {
                "id": question_id,
                "number": number,
                "text": question["question"],
                "multiple": question["kind"] == QuestionBlock.MULTIPLE,
                "answers": answers,
                "error": " ".join((errors or {}).get(question_id, [])),
                "result": result,
                "missing_some": bool(show_result and not result and chosen and chosen < correct),
            }
        )
    return {
        "id": block.id,
        "title": value["title"],
        "intro": value["intro"],
        "pass_mark": value["pass_mark"],
        "questions": questions,
        "attempt": attempt if show_result else None,
        "has_errors": bool(errors),
    }


def checklist_state(block: Any, ticked: list[str]) -> dict[str, Any]:
    return {
        "id": block.id,
        "title": block.value["title"],
        "items": [
            {"id": key, "text": text, "checked": key in ticked}
            for key, text in list_items(block.value["items"])
        ],
    }


def transfer_state(
    request: HttpRequest,
    block: Any,
    answer: TransferAnswer | None,
    organisations: list[Any],
    *,
    form: TransferAnswerForm | None = None,
) -> dict[str, Any]:
    if form is None:
        initial = {}
        if answer is not None:
            initial = {
                "answer": answer.answer,
                "share_with": str(answer.shared_with_id or ""),
            }
        form = TransferAnswerForm(
            initial=initial, organisations=organisations, prefix=f"transfer-{block.id}"
        )
    return {
        "id": block.id,
        "prompt": block.value["prompt"],
        "hint": block.value["hint"],
        "answer": answer,
        "form": form,
    }


def lesson_context(
    request: HttpRequest,
    module: ModuleView,
    lesson: LessonView,
    *,
    attempts: dict[str, QuizAttempt] | None = None,
) -> dict[str, Any]:
    user = request.user
    signed_in = user.is_authenticated  # the back office's preview may render without a user
    kinds = {block.block_type for block in lesson.page.body}
    # Only what the lesson's blocks need is read.
    if attempts is None:
        attempts = {}
        if signed_in and "quiz" in kinds:
            attempts = selectors.quiz_attempts(user=user, lesson_key=lesson.key)
    answers: dict[str, Any] = {}
    organisations: list[Any] = []
    if signed_in and "transfer_task" in kinds:
        answers = selectors.transfer_answers_for_lesson(user=user, lesson_key=lesson.key)
        organisations = selectors.learner_organisations(user=user)
    checklists = lesson.progress.checklists if lesson.progress else {}
    video_ids = [
        block.value["video"].pk for block in lesson.page.blocks_of("video") if block.value["video"]
    ]
    videos = selectors.videos_by_id(video_ids)
    positions = selectors.video_positions(user=user, video_ids=list(videos))
    items = []
    embeds = []
    for block in lesson.page.body:
        item: dict[str, Any] = {"kind": block.block_type, "block": block, "id": block.id}
        if block.block_type == "quiz":
            item["quiz"] = quiz_state(block, attempts.get(block.id))
        elif block.block_type == "checklist":
            item["checklist"] = checklist_state(block, checklists.get(block.id, []))
        elif block.block_type == "transfer_task":
            item["transfer"] = transfer_state(request, block, answers.get(block.id), organisations)
        elif block.block_type == "video":
            video = videos.get(block.value["video"].pk) if block.value["video"] else None
            if video is None:
                continue  # an unpublished video is left out (the editor was warned)
            item["video"] = video
            item["position"] = positions.get(video.pk)
            if video.embed:
                embeds.append(video.embed.origin)
        items.append(item)
    index = lesson.number - 1
    return {
        "module": module,
        "lesson": lesson,
        "items": items,
        "previous": module.lessons[index - 1] if index > 0 else None,
        "next": module.lessons[index + 1] if index + 1 < len(module.lessons) else None,
        "quiz_count": len(lesson.page.blocks_of("quiz")),
        "embed_origins": embeds,
    }


def _with_embeds(response: HttpResponse, origins: list[str]) -> HttpResponse:
    """Allow exactly the external players of this page to be framed (after consent)."""
    if origins:
        config = dict(settings.SECURE_CSP)
        config["frame-src"] = sorted(set(origins))
        response._csp_config = config  # type: ignore[attr-defined]
    return response


# --- Views -----------------------------------------------------------------------------------


@require_GET
def lesson(request: HttpRequest, module_slug: str, lesson_slug: str) -> HttpResponse:
    module, lesson = get_lesson_for_user(request, module_slug, lesson_slug)
    # One read of the quiz attempts serves completion and the quizzes' state.
    history = []
    if lesson.page.blocks_of("quiz"):
        history = selectors.quiz_attempt_history(user=request.user, lesson_key=lesson.key)
    services.lesson_visit(
        user=request.user,
        module=module,
        lesson=lesson,
        passed_quizzes={attempt.block_id for attempt in history if attempt.passed},
    )
    context = lesson_context(request, module, lesson, attempts=selectors.latest_attempts(history))
    return _with_embeds(render(request, "learning/lesson.html", context), context["embed_origins"])


def _htmx_block(
    request: HttpRequest,
    template: str,
    module: ModuleView,
    lesson: LessonView,
    item: dict[str, Any],
) -> HttpResponse:
    return render(
        request,
        "learning/htmx/block_response.html",
        {"template": template, "item": item, "module": module, "lesson": lesson, "oob": True},
    )


@require_POST
def quiz(request: HttpRequest, module_slug: str, lesson_slug: str, block_id: str) -> HttpResponse:
    module, lesson = get_lesson_for_user(request, module_slug, lesson_slug)
    block = _block(lesson, "quiz", block_id)
    posted = {
        key.removeprefix("q-"): request.POST.getlist(key)
        for key in request.POST
        if key.startswith("q-")
    }
    try:
        attempt = services.quiz_submit(
            user=request.user, module=module, lesson=lesson, block=block, answers=posted
        )
    except ValidationError as error:
        state = quiz_state(block, None, errors=error.message_dict, posted=posted)
        if _is_htmx(request):
            item = {"kind": "quiz", "id": block.id, "quiz": state}
            return _htmx_block(request, "learning/blocks/quiz.html", module, lesson, item)
        context = lesson_context(request, module, lesson)
        for item in context["items"]:
            if item["id"] == block.id:
                item["quiz"] = state
        return render(request, "learning/lesson.html", context)
    if _is_htmx(request):
        item = {"kind": "quiz", "id": block.id, "quiz": quiz_state(block, attempt)}
        return _htmx_block(request, "learning/blocks/quiz.html", module, lesson, item)
    if attempt.passed:
        messages.success(request, _("Quiz passed."))
    else:
        messages.warning(request, _("Not passed yet – please try again."))
    return redirect(_lesson_url(module, lesson, block.id))


@require_POST
def checklist(
    request: HttpRequest, module_slug: str, lesson_slug: str, block_id: str
) -> HttpResponse:
    module, lesson = get_lesson_for_user(request, module_slug, lesson_slug)
    block = _block(lesson, "checklist", block_id)
    try:
        progress = services.checklist_save(
            user=request.user,
            module=module,
            lesson=lesson,
            block=block,
            ticked=request.POST.getlist("item"),
        )
    except ValidationError as error:
        raise Http404 from error  # only a forged form names an item that does not exist
    if _is_htmx(request):
        item = {
            "kind": "checklist",
            "id": block.id,
            "checklist": checklist_state(block, progress.checklists.get(block.id, [])),
            "saved": True,
        }
        return _htmx_block(request, "learning/blocks/checklist.html", module, lesson, item)
    messages.success(request, _("Your checklist has been saved."))
    return redirect(_lesson_url(module, lesson, block.id))


@require_POST
def transfer(
    request: HttpRequest, module_slug: str, lesson_slug: str, block_id: str
) -> HttpResponse:
    module, lesson = get_lesson_for_user(request, module_slug, lesson_slug)
    block = _block(lesson, "transfer_task", block_id)
    organisations = selectors.learner_organisations(user=request.user)
    form = TransferAnswerForm(
        request.POST, organisations=organisations, prefix=f"transfer-{block.id}"
    )
    answer = None
    if form.is_valid():
        try:
            answer = services.transfer_answer_save(
                user=request.user,
                module=module,
                lesson=lesson,
                block=block,
                answer=form.cleaned_data["answer"],
                share_with=form.cleaned_data.get("share_with"),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
    if answer is None:
        existing = selectors.transfer_answers_for_lesson(
            user=request.user, lesson_key=lesson.key
        ).get(block.id)
        state = transfer_state(request, block, existing, organisations, form=form)
        if _is_htmx(request):
            item = {"kind": "transfer_task", "id": block.id, "transfer": state}
            return _htmx_block(request, "learning/blocks/transfer.html", module, lesson, item)
        context = lesson_context(request, module, lesson)
        for item in context["items"]:
            if item["id"] == block.id:
                item["transfer"] = state
        return render(request, "learning/lesson.html", context)
    if _is_htmx(request):
        item = {
            "kind": "transfer_task",
            "id": block.id,
            "transfer": transfer_state(request, block, answer, organisations),
            "saved": True,
        }
        return _htmx_block(request, "learning/blocks/transfer.html", module, lesson, item)
    messages.success(request, _("Your answer has been saved."))
    return redirect(_lesson_url(module, lesson, block.id))
