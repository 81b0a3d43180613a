"""Indexing generated pages once per batch instead of once per save.

Wagtail 8 updates the search index and the reference index from ``post_save``
signals, through django-tasks. With the database search backends every such update
also recomputes the title norms over the whole index table (an ``AVG`` and an
``UPDATE`` that scan it), so each save costs more than the one before: stock page
creation slows from about 50 to 110 ms per page between 1,000 and 10,000 pages.
While a corpus is generated, those per-save handlers are switched off and the new
pages are handed to the backends in bulk, which pays the table scan once per batch.
"""

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import models
from django.db.models.signals import post_save
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def suspended_indexing() -> Iterator[None]:
    """Stop per-save search and reference indexing until the block ends, whatever happens in it.

    Whatever is saved inside the block must be passed to :func:`index_pages` (or be
    reindexed with ``update_index`` and ``rebuild_references_index``) to be found.
    Not reentrant: Wagtail's reference-index switch is a flag, not a counter.
    """
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_pages(pages: Sequence[models.Model]) -> None:
    """Add ``pages`` to every auto-updating search backend and record their references.

    One ``add_bulk`` per model and backend. Call it in the transaction that created
    the pages, so a batch is either written and indexed or not there at all. Pages
    carrying their tags, companies and regions in memory are indexed without a query.
    """
    by_model: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for backend in get_search_backends(with_auto_update=True):
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)
    for page in pages:
        if ReferenceIndex.is_indexed(type(page)):
            ReferenceIndex.create_or_update_for_object(page)
