"""What editors see in the back office's preview: the learner's page, built from the draft.

Preview shows content only; nothing is recorded and the learner's forms are switched off.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..models import (
    LearningLibraryPage,
    LearningPathPage,
    LessonPage,
    ModulePage,
    Video,
)
from ..selectors import LessonView, ModuleView, PathView


def _module_view(page: ModulePage) -> ModuleView:
    lessons = [
        LessonView.of(canonical=lesson, page=lesson, number=number)
        for number, lesson in enumerate(LessonPage.objects.child_of(page).order_by("path"), 1)
    ]
    module = ModuleView.of(canonical=page, page=page, languages=[page.locale.language_code])
    module.lessons = lessons
    return module


def render_preview(request: HttpRequest, page: Any) -> HttpResponse:
    from .lessons import lesson_context

    context: dict[str, Any] = {"preview": True, "can_learn": False}
    if isinstance(page, ModulePage):
        context.update(module=_module_view(page), paths=[], certificate=None)
        return render(request, "learning/module_detail.html", context)
    if isinstance(page, LessonPage):
        module_page = page.get_parent().specific
        module = _module_view(module_page)
        lesson = next((item for item in module.lessons if item.page.pk == page.pk), None)
        if lesson is None:  # a new lesson that is not saved yet
            lesson = LessonView.of(canonical=page, page=page, number=len(module.lessons) + 1)
            module.lessons.append(lesson)
        lesson.page = page  # the draft's content, not the saved one
        lesson.title = page.title
        context.update(lesson_context(request, module, lesson))
        context["preview"] = True
        return render(request, "learning/lesson.html", context)
    if isinstance(page, LearningPathPage):
        path = PathView(
            canonical=page,
            page=page,
            modules=[(entry.module, entry.note, None) for entry in page.path_modules.all()],
        )
        context["path"] = path
        return render(request, "learning/path_detail.html", context)
    if isinstance(page, LearningLibraryPage):
        context.update(library=page, page_obj=None, form=None)
        return render(request, "learning/catalogue.html", context)
    raise TypeError(type(page))


def video_preview_context(request: HttpRequest, video: Video) -> dict[str, Any]:
    return {
        "video": video,
        "can_learn": True,
        "preview": True,
        "position": None,
        "request": request,
    }
