"""German comes first: every string of the platform has a German translation."""

from pathlib import Path

import polib
from django.conf import settings


def _german_catalogues() -> list[Path]:
    root = Path(settings.BASE_DIR, "vamos")
    return sorted(root.glob("locale/de/LC_MESSAGES/django.po")) + sorted(
        root.glob("*/locale/de/LC_MESSAGES/django.po")
    )


def test_every_app_with_strings_has_a_german_catalogue() -> None:
    apps_with_templates = {
        path.parent.name for path in Path(settings.BASE_DIR, "vamos").glob("*/templates")
    }
    with_catalogue = {path.parents[3].name for path in _german_catalogues()}
    assert apps_with_templates <= with_catalogue | {"vamos"}, apps_with_templates - with_catalogue


def test_german_catalogues_are_complete() -> None:
    gaps = []
    for path in _german_catalogues():
        catalogue = polib.pofile(str(path))
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
            if not entry.obsolete:
                gaps.append(f"{path.relative_to(settings.BASE_DIR)}: {entry.msgid!r}")
    assert not gaps, "German translations missing:\n" + "\n".join(gaps)


def test_a_message_means_the_same_in_every_app() -> None:
    """Django merges the apps' catalogues and the first app in INSTALLED_APPS wins, so one
    msgid translated differently in two apps shows the wrong German in one of them. Give
    such words a context (``{% translate "…" context "…" %}``, ``pgettext``) instead."""
    translations: dict[tuple, dict[str, str]] = {}
    for path in _german_catalogues():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
            value = entry.msgstr or str(sorted(entry.msgstr_plural.items()))
            translations.setdefault(key, {})[str(path.relative_to(settings.BASE_DIR))] = value
    conflicts = {
        key[1]: where for key, where in translations.items() if len(set(where.values())) > 1
    }
    assert not conflicts, f"one msgid, different German: {conflicts}"
