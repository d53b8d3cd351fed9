"""A learner's own progress, read with one query per page.

A person's progress changes with every lesson they open, so whole-model data versions
(vamos.core.versions) would renew every learner's cached pages whenever anyone learns.
Personal results are therefore cached under the learner's *stamp* instead: the number of
modules started and completed and the time of the last activity. Every write of a person's
progress goes through the progress services, and each one sets ``last_activity_at`` of the
module record (a visit, a completed lesson, a quiz, a roll-up), so the stamp changes with
every change of what the learner sees, and with nothing else.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Max, Q

from vamos.core import versions

from .models import ModuleProgress


@dataclass(frozen=True)
class LearnerStamp:
    user_pk: int
    started: int
    completed: int
    last_activity: datetime | None

    @property
    def key(self) -> str:
        """Part of a cache key: the learner and the state of their progress."""
        last = self.last_activity.timestamp() if self.last_activity else 0
        return f"{self.user_pk}:{self.started}:{self.completed}:{last}"


def learner_stamp(*, user: Any) -> LearnerStamp:
    """The learner's module counts and last activity (one query)."""
    row = ModuleProgress.objects.filter(user=user).aggregate(
        started=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        last=Max("last_activity_at"),
    )
    return LearnerStamp(user.pk, row["started"], row["completed"], row["last"])


ProgressRow = tuple[int, int, datetime | None]  # lessons completed, lessons total, completed at


def module_progress(*, stamp: LearnerStamp) -> dict[Any, ProgressRow]:
    """module_key → the learner's progress in it (no query while the stamp is unchanged)."""

    def build() -> dict[Any, ProgressRow]:
        rows = ModuleProgress.objects.filter(user_id=stamp.user_pk).values_list(
            "module_key", "lessons_completed", "lessons_total", "completed_at"
        )
        return {key: (done, total, completed_at) for key, done, total, completed_at in rows}

    if not stamp.started:
        return {}
    return versions.cached(f"learning:progress:{stamp.key}", depends_on=[], build=build)
