"""Peer exchange: best practices, peer offers and contact requests (definitions in
``docs/reports.md``)."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vamos.community import selectors as community

from ..data import Area, Figure, Row, Stat
from .base import AreaBuilder


def build(builder: AreaBuilder) -> Area:
    scope = builder.scope
    figures = community.community_report_figures(
        start=scope.start,
        end=scope.end,
        organisations=scope.organisations,
        topic_field=scope.topic_field,
    )
    return Area(
        key="exchange",
        title=pgettext("report area", "Peer exchange"),
        stats=[
            Stat("published", _("Best practices published"), figures["published"]),
            Stat("published_public", _("of them public"), figures["published_public"]),
            Stat("offers_new", _("New peer offers"), figures["offers_new"]),
            Stat(
                "offers_active",
                _("Active peer offers"),
                figures["offers_active"],
                help=_("Offers not paused, made by the end of the period."),
            ),
            Stat("contacts", _("Contact requests"), figures["contacts_sent"]),
            Stat(
                "contacts_answered",
                _("Contact requests answered"),
                figures["contacts_answered"],
            ),
            Stat("useful", _("Marked as useful"), figures["useful_marks"]),
        ],
        figures=[
            Figure(
                key="exchange.by_topic_field",
                title=_("Best practices published by topic field"),
                definition=_(
                    "Best practices first published in the period and still published. "
                    "One in several topic fields counts in each."
                ),
                columns=[_("Best practices")],
                rows=[
                    Row(tf.name, [figures["by_topic_field"].get(tf.pk, 0)])
                    for tf in builder.topic_fields
                ],
                records=builder.records("best-practices"),
            ),
            Figure(
                key="exchange.contacts",
                title=_("Offers and contacts"),
                definition=_(
                    "Peer offers made and contact requests sent between organisations in "
                    "the period."
                ),
                columns=[pgettext("report column", "Number")],
                rows=[
                    Row(_("New peer offers"), [figures["offers_new"]]),
                    Row(_("Organisations offering advice"), [figures["offering_organisations"]]),
                    Row(_("Contact requests"), [figures["contacts_sent"]]),
                    Row(_("Contact requests answered"), [figures["contacts_answered"]]),
                ],
            ),
        ],
    )
