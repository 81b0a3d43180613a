"""Index updates as django-tasks on the database-backed "search" queue.

An editor's publish only writes a task row; the worker (``manage.py db_worker
--backend search``) talks to Elasticsearch. A failed update is recorded as a
``FailedIndexUpdate`` and enqueued again later (30 s, 1, 2, 4, 8 min), so a search
engine that was down catches up by itself, and ``search_status`` shows what is still
missing in the meantime. The task reads the object from the database when it runs,
so the document it sends is what was committed, child relations (tags) included.
"""

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks import task, task_backends
from modelsearch.index import get_indexed_instance
from wagtail.search.backends import get_search_backend

from .models import FailedIndexUpdate, IndexAction

logger = logging.getLogger(__name__)

SEARCH_QUEUE = "search"
MAX_ATTEMPTS = 6
FIRST_RETRY_DELAY = datetime.timedelta(seconds=30)


def queue_alias() -> str:
    """The task backend for index updates: "search" where configured, else "default"."""
    return SEARCH_QUEUE if SEARCH_QUEUE in settings.TASKS else "default"


def enqueue(
    backend_name: str,
    model_label: str,
    object_id: str,
    action: str,
    run_after: datetime.datetime | None = None,
) -> None:
    chosen = update_search_entry if action == IndexAction.UPDATE else remove_search_entry
    chosen = chosen.using(backend=queue_alias(), run_after=run_after)
    chosen.enqueue(backend_name, model_label, str(object_id))


def can_defer() -> bool:
    return task_backends[queue_alias()].supports_defer


@task()
def update_search_entry(backend_name: str, model_label: str, object_id: str) -> bool:
    """Index the object as it is now in the database (or remove it when it is gone)."""
    return apply(backend_name, model_label, object_id, IndexAction.UPDATE)


@task()
def remove_search_entry(backend_name: str, model_label: str, object_id: str) -> bool:
    return apply(backend_name, model_label, object_id, IndexAction.REMOVE)


def apply(backend_name: str, model_label: str, object_id: str, action: str) -> bool:
    """Bring the backend's entry for one object in line with the database.

    Whatever the action asked for, the database decides: an object that exists (and is
    indexable) is indexed as stored, one that is gone is removed. So a late or repeated
    task can never undo a newer change. True when the backend took the update.
    """
    model = apps.get_model(model_label)
    backend = get_search_backend(backend_name)
    try:
        found = model.objects.filter(pk=object_id).first()
        instance = get_indexed_instance(found) if found is not None else None
        if instance is not None:
            backend.add(instance)
        else:
            backend.delete(model(pk=object_id))
    except Exception as error:  # noqa: BLE001 - any failure of the engine is retried
        logger.warning(
            "Search index %s of %s:%s on %r failed: %s",
            action,
            model_label,
            object_id,
            backend_name,
            error,
        )
        record_failure(backend_name, model_label, object_id, action, error)
        return False
    FailedIndexUpdate.objects.filter(
        backend_name=backend_name, model_label=model_label, object_id=object_id
    ).delete()
    return True


def record_failure(
    backend_name: str, model_label: str, object_id: str, action: str, error: Exception
) -> FailedIndexUpdate:
    """Count the failure and, while attempts remain, enqueue the next one for later."""
    failure, _created = FailedIndexUpdate.objects.get_or_create(
        backend_name=backend_name,
        model_label=model_label,
        object_id=object_id,
        defaults={"action": action},
    )
    failure.action = action
    failure.attempts += 1
    failure.error = f"{type(error).__name__}: {error}"[:2000]
    failure.next_attempt_at = None
    if failure.attempts < MAX_ATTEMPTS and can_defer():
        delay = FIRST_RETRY_DELAY * 2 ** (failure.attempts - 1)
        failure.next_attempt_at = timezone.now() + delay
        enqueue(backend_name, model_label, object_id, action, run_after=failure.next_attempt_at)
    failure.save()
    return failure


def retry_failures() -> int:
    """Enqueue every recorded failure once more, now; the number enqueued."""
    failures = list(FailedIndexUpdate.objects.all())
    for failure in failures:
        enqueue(failure.backend_name, failure.model_label, failure.object_id, failure.action)
    return len(failures)
