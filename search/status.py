"""What ``search_status`` reports: which engine, and whether the index holds what is live.

Per language, the live stories in the database beside the stories the index holds
as live, for each configured backend, and on PostgreSQL the live story documents
the story search reads (``search.story_documents``); and the index updates still
queued or failed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from ticker.models import TickerStoryPage

from . import story_documents
from .models import FailedIndexUpdate, StoryDocument
from .resilience import ENGINE_ERRORS, backend_kind
from .tasks import queue_alias


@dataclass(frozen=True)
class LocaleCount:
    language_code: str
    live_in_database: int
    live_in_index: int | None  # None: the backend could not be asked
    error: str = ""
    # The story search documents of the database backend on PostgreSQL; None elsewhere.
    live_documents: int | None = None


@dataclass(frozen=True)
class BackendStatus:
    name: str
    kind: str
    counts: list[LocaleCount]

    @property
    def reachable(self) -> bool:
        return all(count.live_in_index is not None for count in self.counts)


def live_stories(locale: Locale):
    return TickerStoryPage.objects.live().filter(locale=locale)


def indexed_live_count(backend_name: str, locale: Locale) -> int:
    """How many live stories of ``locale`` the backend's index holds."""
    if backend_kind(backend_name) == "elasticsearch":
        backend = get_search_backend(backend_name)
        return backend.search(MATCH_ALL, live_stories(locale)).count()
    # The database backends keep one IndexEntry per object, keyed by its own model.
    from wagtail.search.models import IndexEntry

    ids = [str(pk) for pk in live_stories(locale).values_list("pk", flat=True)]
    content_types = ContentType.objects.get_for_models(
        TickerStoryPage, *TickerStoryPage._meta.get_parent_list()
    )
    return (
        IndexEntry.objects.filter(content_type__in=content_types.values(), object_id__in=ids)
        .values("object_id")
        .distinct()
        .count()
    )


def backend_status(backend_name: str) -> BackendStatus:
    counts = []
    documents = backend_kind(backend_name) == "database" and story_documents.kept()
    for locale in Locale.objects.order_by("pk"):
        in_database = live_stories(locale).count()
        try:
            in_index = indexed_live_count(backend_name, locale)
            live_documents = (
                StoryDocument.objects.filter(live=True, locale=locale).count()
                if documents
                else None
            )
            counts.append(
                LocaleCount(locale.language_code, in_database, in_index, "", live_documents)
            )
        except ENGINE_ERRORS as error:
            counts.append(LocaleCount(locale.language_code, in_database, None, str(error)))
    return BackendStatus(backend_name, backend_kind(backend_name), counts)


def all_backend_status() -> list[BackendStatus]:
    return [backend_status(name) for name in settings.WAGTAILSEARCH_BACKENDS]


@dataclass(frozen=True)
class QueueStatus:
    queue: str
    pending: int | None  # None: the queue keeps no rows (immediate backend)
    failed: int
    given_up: int


def queue_status() -> QueueStatus:
    alias = queue_alias()
    pending = None
    if settings.TASKS[alias]["BACKEND"].startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        pending = (
            DBTaskResult.objects.filter(backend_name=alias, task_path__startswith="search.tasks.")
            .filter(status__in=["READY", "RUNNING"])
            .count()
        )
    failures = FailedIndexUpdate.objects.all()
    return QueueStatus(
        queue=alias,
        pending=pending,
        failed=failures.count(),
        given_up=failures.filter(next_attempt_at__isnull=True).count(),
    )
