"""Wagtail's ``update_index`` with a progress line per chunk and clear errors.

Wagtail prints one dot per chunk; on a 100,000-story archive that says little. This
prints ``done/total (percent)`` per chunk instead. Elasticsearch rebuilds are atomic
(``ATOMIC_REBUILD``, set in ``search.configuration``): the objects go into a new index,
and the alias moves to it only at the end, so searches never see a half-built index.
A finished rebuild of a backend clears the failed updates recorded for it before the
rebuild started, since the rebuild has indexed those objects afresh.
"""

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.models import FailedIndexUpdate
from search.resilience import ENGINE_ERRORS


class Command(WagtailUpdateIndex):
    help = "Rebuild the search indexes, showing progress; Elasticsearch rebuilds are atomic."

    def update_backend(self, backend_name, schema_only=False, chunk_size=1000):
        started = timezone.now()
        try:
            super().update_backend(backend_name, schema_only=schema_only, chunk_size=chunk_size)
        except ENGINE_ERRORS as error:
            raise CommandError(
                f"Search backend {backend_name!r} could not be rebuilt: {error}. Is "
                "Elasticsearch running at ELASTICSEARCH_URL? The live index is unchanged."
            ) from error
        if not schema_only:
            FailedIndexUpdate.objects.filter(
                backend_name=backend_name, last_failed_at__lt=started
            ).delete()

    def queryset_chunks(self, qs, chunk_size=1000):
        self._progress_total = qs.count()
        self._progress_done = 0
        for chunk in super().queryset_chunks(qs, chunk_size):
            self._progress_done += len(chunk)
            yield chunk

    def print_iter_progress(self, iterable):
        for value in iterable:
            yield value
            total = self._progress_total or 1
            self.write(
                f"\n    {self._progress_done}/{self._progress_total} "
                f"({100 * self._progress_done // total}%)",
                ending="",
            )
            self.stdout.flush()
