"""Editors' picks in the story search, and the record of what readers searched for.

Picks are Wagtail's own ``wagtail.contrib.search_promotions``: an editor promotes
pages for a query under Settings > Promoted search results. A picked story is shown
first in ``/api/v3/stories/`` for that query, marked ``promoted``, in the reader's
language (a pick of the German page promotes its live English translation too), and
only where the reader's filters would let it through anyway.

Every search with words is counted in Wagtail's ``Query``/``QueryDailyHits``, and a
search that found nothing also in ``ZeroResultDailyHits``, for the admin report
(``search.reports``).
"""

from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .models import ZeroResultDailyHits

# The translation keys of the pages editors picked for a query string, with their
# order: a part of the query that starts a story search (``search.stories.Scope``),
# in the columns of the parts before it.
PICKED_KEYS = f"""
SELECT 'pick', NULL, CAST(page.translation_key AS text), promotion.sort_order, promotion.id
FROM {SearchPromotion._meta.db_table} promotion
JOIN {Query._meta.db_table} searched ON searched.id = promotion.query_id
JOIN {Page._meta.db_table} page ON page.id = promotion.page_id
WHERE searched.query_string = %s
"""  # noqa: S608 - table names from the models, the query string as a parameter


def picks_query_string(q: str) -> str:
    """The form picks are stored under (Wagtail's), empty for no words."""
    return normalise_query_string(q or "")


def promoted_story_ids(picked_keys: Sequence[Any], stories: QuerySet) -> list[int]:
    """Ids of the picked stories (by translation key, in the editors' order) among
    ``stories``."""
    if not picked_keys:
        return []
    found = dict(
        stories.filter(translation_key__in=picked_keys).values_list("translation_key", "pk")
    )
    ordered = [found[key] for key in picked_keys if key in found]
    return list(dict.fromkeys(ordered))


def regular_window(offset: int, limit: int, promoted: int) -> dict[str, int]:
    """Offset and limit among the other results, when ``promoted`` picks come first."""
    shown = max(0, min(limit, promoted - offset))
    return {"offset": max(0, offset - promoted), "limit": limit - shown}


def with_promoted(every_id: QuerySet | list[int], promoted: list[int]) -> QuerySet | list[int]:
    """All matches plus the picks, for facets that count what the reader is shown."""
    if not promoted:
        return every_id
    if isinstance(every_id, list):
        return every_id + promoted
    model = every_id.model
    return model.objects.filter(Q(pk__in=every_id) | Q(pk__in=promoted)).values("pk")


def record_search(q: str, found: int) -> None:
    """Count one search for ``q`` today, and one without results if it found nothing.

    Two queries in the usual case (find the query, bump today's row), as this runs on
    every first page of a search; Wagtail's ``Query.add_hit`` would take more.
    """
    query_string = normalise_query_string(q or "")
    if not query_string:
        return
    query, _created = Query.objects.get_or_create(query_string=query_string)
    today = timezone.now().date()
    _count_today(QueryDailyHits, query, today)
    if found == 0:
        _count_today(ZeroResultDailyHits, query, today)


def _count_today(model, query: Query, today) -> None:
    """Add one to today's row of ``model`` for ``query``, creating it on the first hit."""
    if model.objects.filter(query=query, date=today).update(hits=F("hits") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(query=query, date=today, hits=1)
    except IntegrityError:  # another request created today's row meanwhile
        model.objects.filter(query=query, date=today).update(hits=F("hits") + 1)
