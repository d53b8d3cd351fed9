"""What the areas of one scope share: the scope, k, the topic fields (read once for all
areas) and how a figure points to the records behind it."""

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from vamos.core.selectors import topic_field_list
from vamos.organisations.models import Organisation

from ..data import Row
from ..scope import Scope


def kind_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Organisation.Kind.choices}


class AreaBuilder:
    def __init__(self, scope: Scope, *, k: int) -> None:
        self.scope = scope
        self.k = k

    @staticmethod
    def records(kind: str, group: str = "") -> str:
        """The records list behind a figure or one of its rows, as the query the page adds
        to the scope's own (so that one cached area serves every way of choosing the same
        period)."""
        query = {"liste": kind, "gruppe": group} if group else {"liste": kind}
        return urlencode(query)

    def count_rows(
        self, counts: dict[Any, int], choices: Iterable[tuple[Any, Any]], *, kind: str, group: str
    ) -> list[Row]:
        """One row per choice: its count and the records behind it (``group:value``)."""
        return [
            Row(str(label), [counts.get(value, 0)], records=self.records(kind, f"{group}:{value}"))
            for value, label in choices
        ]

    @cached_property
    def topic_fields(self) -> list[Any]:
        fields = list(topic_field_list())
        if self.scope.topic_field is not None:
            fields = [tf for tf in fields if tf.pk == self.scope.topic_field.pk]
        return fields

    def topic_field_note(self) -> str:
        return _("The topic field filter does not apply to these figures.")
