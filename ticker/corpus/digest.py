"""A fingerprint of a generated corpus as stored, to show that a seed reproduces it.

Two databases generated with the same seed (on the same tree) must give the same
digest; database IDs and timestamps are left out because they legitimately differ.
"""

import hashlib
import json
from collections import defaultdict

from ticker.models import TickerStoryPage, TickerStoryTag

from .generator import archive_prefix


def _linked_titles(name: str, page_ids: list[int]) -> dict[int, list[str]]:
    field = TickerStoryPage._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    titles: dict[int, list[str]] = defaultdict(list)
    rows = through.objects.filter(**{f"{source}_id__in": page_ids}).values_list(
        f"{source}_id", f"{target}__title"
    )
    for page_id, title in rows:
        titles[page_id].append(title)
    return titles


def corpus_records(seed: int) -> list[dict]:
    """Every generated page of ``seed``, both languages, as plain comparable data."""
    pages = list(
        TickerStoryPage.objects.filter(archive_id__startswith=archive_prefix(seed))
        .select_related("locale")
        .order_by("archive_id", "locale__language_code")
    )
    ids = [page.pk for page in pages]
    tags: dict[int, list[str]] = defaultdict(list)
    for page_id, name in TickerStoryTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        tags[page_id].append(name)
    companies = _linked_titles("companies", ids)
    regions = _linked_titles("regions", ids)
    return [
        {
            "archive_id": page.archive_id,
            "language": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "url_path": page.url_path,
            "title": page.title,
            "teaser": page.teaser,
            "body": list(page.body.raw_data),
            "date": page.date.isoformat(),
            "live": page.live,
            "tags": sorted(tags[page.pk]),
            "companies": sorted(companies[page.pk]),
            "regions": sorted(regions[page.pk]),
        }
        for page in pages
    ]


def corpus_digest(seed: int) -> str:
    """SHA-256 over :func:`corpus_records`."""
    data = json.dumps(corpus_records(seed), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
