"""Model fields that exist once per platform language (``name_de``, ``name_en``)."""

from django.conf import settings
from django.utils.translation import get_language


class TranslatedField:
    """Read ``<name>_<language>`` for the active language, falling back to German.

    ``title = TranslatedField("title")`` on a model with ``title_de`` and ``title_en``.
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def __get__(self, instance: object, owner: type | None = None) -> str:
        if instance is None:
            return self  # type: ignore[return-value]
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        value = getattr(instance, f"{self.base}_{language}", "")
        if value:
            return value
        return getattr(instance, f"{self.base}_{settings.LANGUAGE_CODE}", "")
