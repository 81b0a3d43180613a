"""Keeping the search indexes equal to what is published.

Two problems of stock Wagtail 8 are solved here:

* **Stale child relations.** Wagtail indexes in ``post_save``, before modelcluster has
  saved the page's child relations, so an edit of tags reaches the index one publish
  late. On ``page_published`` the page is indexed again, read back from the database
  after everything was saved: inline for the database backends (same database, same
  transaction), through the queue for the others.
* **A slow or dead Elasticsearch in the editor's request.** Backends configured with
  ``UPDATE_THROUGH_QUEUE`` (see ``search.configuration``) are never called here: each
  save, publish, unpublish, move and delete only enqueues a task (``search.tasks``),
  once per object and transaction, after the transaction commits. The task reads
  the committed object, so the document always matches what was published.

Database backends keep Wagtail's own ``post_save`` updates; this module adds the
re-index on publish for them.
"""

import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch.index import get_indexed_instance, get_indexed_models
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import IndexAction
from .tasks import enqueue

QUEUE_OPTION = "UPDATE_THROUGH_QUEUE"


def queued_backend_names() -> list[str]:
    """Backends updated only through the task queue (Elasticsearch)."""
    return [
        name for name, conf in settings.WAGTAILSEARCH_BACKENDS.items() if conf.get(QUEUE_OPTION)
    ]


def inline_backend_names() -> list[str]:
    """Backends Wagtail updates itself in ``post_save`` (the database backends)."""
    return [
        name
        for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()
        if not conf.get(QUEUE_OPTION) and conf.get("AUTO_UPDATE", True)
    ]


class _PendingUpdates(threading.local):
    """Index updates collected during a transaction, enqueued once it commits."""

    def __init__(self):
        self.keys: dict[tuple[str, str, str], str] = {}


_pending = _PendingUpdates()


def queue_update(model_label: str, object_id, action: str = IndexAction.UPDATE) -> None:
    """Enqueue an update of every queued backend once the current transaction commits.

    Several saves of one object in a transaction (a publish saves the page more than
    once) become one task. Updates left over from a rolled-back transaction go out
    with the next commit; that is harmless, as a task only brings the index in line
    with the database.
    """
    names = queued_backend_names()
    if not names:
        return
    for name in names:
        _pending.keys[(name, model_label, str(object_id))] = action
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    pending, _pending.keys = _pending.keys, {}
    for (backend_name, model_label, object_id), action in pending.items():
        enqueue(backend_name, model_label, object_id, action)


def reindex_inline(page: Page) -> None:
    """Index the page as stored now into the database backends.

    Read back from the database: the instance a signal carries may still hold the
    relations it had before the save.
    """
    names = inline_backend_names()
    if not names:
        return
    specific_class = page.specific_class or type(page)
    stored = specific_class.get_indexed_objects().filter(pk=page.pk).first()
    instance = get_indexed_instance(stored, check_exists=False) if stored else None
    if instance is None:
        return
    for name in names:
        get_search_backend(name).add(instance)


def _label(instance) -> str:
    return type(instance)._meta.label_lower


def _on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        queue_update(_label(instance), instance.pk)


def _on_delete(sender, instance, **kwargs):
    queue_update(_label(instance), instance.pk, IndexAction.REMOVE)


def _on_published(sender, instance, **kwargs):
    reindex_inline(instance)
    queue_update(_label(instance.specific_deferred), instance.pk)


def _on_unpublished(sender, instance, **kwargs):
    queue_update(_label(instance.specific_deferred), instance.pk)


def _on_moved(sender, instance, **kwargs):
    """A move changes the paths of the page and everything below it."""
    for page_id, model_label in _subtree(instance):
        queue_update(model_label, page_id)


def _subtree(page: Page) -> Iterable[tuple[int, str]]:
    rows = (
        Page.objects.filter(path__startswith=page.path)
        .select_related("content_type")
        .values_list("pk", "content_type__app_label", "content_type__model")
    )
    for page_id, app_label, model in rows:
        yield page_id, f"{app_label}.{model}"


def connect() -> None:
    """Connect the handlers; called from ``AllianceSearchConfig.ready``."""
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(_on_save, sender=model, dispatch_uid=f"alliance_search_save_{model}")
            post_delete.connect(
                _on_delete, sender=model, dispatch_uid=f"alliance_search_delete_{model}"
            )
    page_published.connect(_on_published, dispatch_uid="alliance_search_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="alliance_search_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="alliance_search_moved")
