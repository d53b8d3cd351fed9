"""Cached results that stay correct in every web process.

Pages that aggregate much data (the team's report, survey results, recommendations) keep
their result in the cache under the *versions* of the data it is built from. A version is
a row of :class:`~vamos.core.models.DataVersion` with a random token. Every web process reads
the tokens from the database (one small query), so a write in one process makes every
process rebuild, whether the cache is each process's own memory or a shared Redis.

A new token is written after the transaction that changed the data has committed:

- automatically when a model registered with :func:`track` is saved or deleted, or one of
  its many-to-many relations changes (once per transaction and name);
- explicitly with :func:`bump` after writes that send no signals (``QuerySet.update``,
  ``bulk_create``) and after bulk seeding (:func:`bump_all`).

A reader that meets the old token while the write is committing stores what it read under
the old token, which nobody reads again once the new one is in place.
"""

import hashlib
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

_TRACKED: dict[type[Model], str] = {}
_IGNORED: dict[type[Model], frozenset[str]] = {}
_THROUGH: dict[Any, str] = {}
_NAMES: set[str] = set()
_page_types: list[str] | None = None  # page_types(), worked out once after tracking
_PREFIX = "vamos:v:"
_pending = threading.local()  # names waiting for the commit, per database alias
# The tokens read in the current request (None outside one); _LOADED marks a complete read.
_request_tokens: ContextVar[dict[str, str] | None] = ContextVar("vamos_tokens", default=None)
_LOADED = "__all__"


def track(*models: type[Model], ignore: Iterable[str] = ()) -> None:
    """Write a new token for each of ``models`` (named by its label, ``app.model``) whenever
    one of its rows is saved or deleted. Saves that change only fields in ``ignore`` (such as
    a "last visited" time stamp) keep the token."""
    global _page_types
    _page_types = None
    for model in models:
        name = model._meta.label_lower
        _TRACKED[model] = name
        _IGNORED[model] = frozenset(ignore)
        _NAMES.add(name)
        uid = f"vamos-versions-{name}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=uid + "-delete")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through  # type: ignore[attr-defined]
            _THROUGH[through] = name
            m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"{uid}-{field.name}")


# Written on nearly every request or only by the platform itself: never part of a cached result.
_UNTRACKED = {"core.dataversion", "core.auditentry", "core.outgoingemail", "core.formsubmission"}


def track_project() -> None:
    """Track every model of the platform's apps, every Wagtail page type, images and
    documents. A model may name
    fields whose changes alone keep its token in ``VERSION_IGNORED_FIELDS`` (e.g. a time
    stamp written on each visit)."""
    from django.apps import apps
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.signals import page_unpublished, post_page_move

    media = {get_image_model(), get_document_model()}
    for model in apps.get_models():
        label = model._meta.label_lower
        ours = model.__module__.startswith("vamos.") or issubclass(model, Page) or model in media
        if label in _UNTRACKED or not ours:
            continue
        track(model, ignore=getattr(model, "VERSION_IGNORED_FIELDS", ()))
    from django.contrib.auth.models import Group
    from wagtail.models import Site

    track(Group)  # roles: their permissions decide what a person may open
    track(Site)  # page addresses
    # Moving a page rewrites the paths of its subtree in bulk, unpublishing sets its
    # subtree offline in bulk.
    post_page_move.connect(_pages_changed, dispatch_uid="vamos-versions-page-move")
    page_unpublished.connect(_pages_changed, dispatch_uid="vamos-versions-page-unpublished")


def _pages_changed(**kwargs: Any) -> None:
    from wagtail.models import Page

    bump_on_commit(*(name for model, name in _TRACKED.items() if issubclass(model, Page)))


def page_types() -> list[str]:
    """The data versions of every Wagtail page type and of the sites (for what is built from
    the page tree, such as the menus)."""
    global _page_types
    if _page_types is None:
        from wagtail.models import Page

        pages = sorted(name for model, name in _TRACKED.items() if issubclass(model, Page))
        _page_types = [*pages, "wagtailcore.site"]
    return _page_types


def name_of(source: "type[Model] | str") -> str:
    return source if isinstance(source, str) else source._meta.label_lower


def names() -> set[str]:
    return set(_NAMES)


def _changed(sender: type[Model], **kwargs: Any) -> None:
    if kwargs.get("raw") or sender not in _TRACKED:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and frozenset(update_fields) <= _IGNORED[sender]:
        return
    bump_on_commit(_TRACKED[sender], using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _m2m_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and sender in _THROUGH:
        bump_on_commit(_THROUGH[sender], using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def bump_on_commit(*sources: "type[Model] | str", using: str = DEFAULT_DB_ALIAS) -> None:
    """New tokens for ``sources`` once the current transaction commits (at once outside one).
    However many writes a transaction makes, the first callback after the commit writes all
    pending tokens in one query and the others find nothing left to do. Names of a
    transaction that rolled back are renewed with the next commit, which costs only a
    rebuild."""
    names = {name_of(source) for source in sources}
    if not names:
        return
    _pending.__dict__.setdefault(using, set()).update(names)
    transaction.on_commit(partial(_flush, using), using=using)


def _flush(using: str) -> None:
    names = _pending.__dict__.pop(using, set())
    if names:
        bump(*names, using=using)


def bump(*sources: "type[Model] | str", using: str = DEFAULT_DB_ALIAS) -> None:
    """Write new tokens for ``sources`` (models or names) now (one query)."""
    from .models import DataVersion

    names = {name_of(source) for source in sources}
    if not names:
        return
    DataVersion.objects.using(using).bulk_create(
        [DataVersion(name=name, token=uuid.uuid4().hex) for name in sorted(set(names))],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["token"],
    )
    found = _request_tokens.get()
    if found is not None:
        found.clear()


def bump_all() -> None:
    """New tokens for everything tracked – after bulk seeding or a restore."""
    bump(*_NAMES)


def tokens(*sources: "type[Model] | str") -> str:
    """The current tokens of ``sources`` (models or names), joined. Within a request every
    token is read once, in one query, however many cached parts the page has (see
    :func:`request_scope`); elsewhere each call reads its tokens."""
    from .models import DataVersion

    names = [name_of(source) for source in sources]
    found = _request_tokens.get()
    if found is None:
        found = dict(DataVersion.objects.filter(name__in=names).values_list("name", "token"))
    elif not found:
        found.update(DataVersion.objects.values_list("name", "token"))
        found[_LOADED] = ""
    return ".".join(found.get(name, "0") for name in names)


@contextmanager
def request_scope() -> Iterator[None]:
    """Read the tokens once for the enclosed work (a request). A write in this process
    renews the tokens and makes the next read fetch them again."""
    scope = _request_tokens.set({})
    try:
        yield
    finally:
        _request_tokens.reset(scope)


def cached[T](
    key: str,
    *,
    depends_on: "Iterable[type[Model] | str]",
    build: Callable[[], T],
    timeout: int = 3600,
) -> T:
    """``build()``, kept in the cache until a write changes one of ``depends_on``."""
    # Hashed: forty tokens would exceed the key length every cache backend accepts.
    digest = hashlib.sha256(f"{key}:{tokens(*depends_on)}".encode()).hexdigest()
    versioned = f"{_PREFIX}{digest}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, timeout)
    return value
