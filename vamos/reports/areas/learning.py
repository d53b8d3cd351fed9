"""Learning: modules, certificates, people learning and videos (definitions in
``docs/reports.md``)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.learning import selectors as learning

from ..data import Area, Figure, Row, Stat
from .base import AreaBuilder


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
    kwargs = {
        "start": scope.start,
        "end": scope.end,
        "learners": scope.learners,
        "topic_field": scope.topic_field,
    }
    figures = learning.learning_report_figures(**kwargs)
    by_field = figures["by_topic_field"]
    modules = figures["top_modules"]
    videos = list(learning.top_videos(**kwargs))
    return Area(
        key="learning",
        title=pgettext("report area", "Learning"),
        stats=[
            Stat("starts", _("Modules started"), figures["starts"]),
            Stat("completions", _("Modules completed"), figures["completions"]),
            Stat("certificates", _("Certificates issued"), figures["certificates"]),
            Stat("learners", _("People who started a module"), figures["learners"]),
            Stat(
                "active_learners",
                _("People learning"),
                figures["active_learners"],
                help=_("People who started or completed a lesson in the period."),
            ),
        ],
        figures=[
            Figure(
                key="learning.by_topic_field",
                title=_("Module starts and completions by topic field"),
                definition=_(
                    "Modules started and completed in the period by people of registered "
                    "organisations. A module in several topic fields counts in each."
                ),
                columns=[_("Started"), _("Completed")],
                series=[0, 1],
                rows=[
                    Row(tf.name, list(by_field.get(tf.pk, (0, 0)))) for tf in builder.topic_fields
                ],
            ),
            Figure(
                key="learning.modules",
                title=_("Most used modules"),
                definition=_("The ten modules started most often in the period."),
                columns=[_("Started"), _("Completed")],
                series=[0, 1],
                rows=[
                    Row(
                        row["page"].title,
                        [row["starts"], row["completions"]],
                        learning.module_url(row["page"]),
                    )
                    for row in modules
                ],
            ),
            Figure(
                key="learning.videos",
                title=_("Most watched videos"),
                definition=_(
                    "People whose latest viewing falls in the period, and people who "
                    "watched the video to the end in the period."
                ),
                columns=[_("Viewers"), _("Watched to the end")],
                series=[0, 1],
                rows=[
                    Row(
                        video.title_de,
                        [video.viewers, video.finished],
                        reverse("learning:video", args=[video.slug]),
                    )
                    for video in videos
                ],
            ),
        ],
    )
