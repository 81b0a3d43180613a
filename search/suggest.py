"""Completions for the story search box: story titles, companies, regions and tags.

A word of a name must start with what the reader typed; case and umlauts need not
match, so ``duess``, ``Düss`` and ``dus`` all find Düsseldorf. Companies, regions and
tags come from the stories the public can read in the requested language (regions
with the regions above them, as the region filter includes the regions below), so
every suggestion leads to at least one story and nothing unpublished is suggested.
Story titles come from Wagtail's autocomplete, through the search backend.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from alliance_pages.text import GERMAN_TRANSLITERATION, german_sort_key
from ticker.models import TickerStoryTag

from .resilience import get_search_backend, run_search
from .stories import STORY_COMPANIES, Labels, Scope, fold, regions_of, search_text

MAX_SUGGESTIONS = 10


class SuggestionKind(StrEnum):
    STORY = "story"
    COMPANY = "company"
    REGION = "region"
    TAG = "tag"


@dataclass(frozen=True)
class Suggestion:
    text: str
    kind: SuggestionKind


def suggest(
    q: str, locale: str, limit: int = MAX_SUGGESTIONS, *, site_root_id: int | None = None
) -> list[Suggestion]:
    """Up to ``limit`` completions of ``q``: names first, then story titles.

    Names (companies, regions, tags) come first because they are what a reader most
    likely means by a few letters; story titles get at least half of the places when
    there are enough of them. Raises UnknownFilterValue for an unknown language.
    ``site_root_id`` keeps them to an alliance's own site (``StoryFilters.site_root_id``).
    """
    scope = Scope.for_language(locale, site_root_id=site_root_id)
    words = search_text(q)
    # Through run_search: an unreachable Elasticsearch falls back to the database.
    found, _engine = run_search(
        lambda: list(
            get_search_backend().autocomplete(words, scope.stories(), operator="and")[:limit]
        )
    )
    titles = [Suggestion(story.title, SuggestionKind.STORY) for story in found]
    names = sorted(_matching_names(q, scope), key=lambda ranked: ranked[0])
    room_for_names = limit - min(len(titles), limit // 2)
    suggestions: list[Suggestion] = []
    seen: set[str] = set()
    for suggestion in [name for _rank, name in names][:room_for_names] + titles:
        key = fold(suggestion.text)
        if key not in seen:
            seen.add(key)
            suggestions.append(suggestion)
    return suggestions[:limit]


def _matching_names(q: str, scope: Scope) -> Iterable[tuple[tuple, Suggestion]]:
    """(rank, suggestion) for each name with a word starting with ``q``."""
    story_ids = scope.stories().values("pk")
    company_keys = set(
        STORY_COMPANIES.objects.filter(tickerstorypage_id__in=story_ids).values_list(
            "companypage__translation_key", flat=True
        )
    )
    regions = regions_of(story_ids, scope)
    region_keys = {key for key, _path in regions}
    tags = set(
        TickerStoryTag.objects.filter(content_object_id__in=story_ids).values_list(
            "tag__name", flat=True
        )
    )
    labels = Labels.read(company_keys | region_keys, scope)
    candidates = [
        *((ref.title, SuggestionKind.COMPANY) for ref in labels.refs(company_keys)),
        *((ref.title, SuggestionKind.REGION) for ref in labels.refs(region_keys)),
        *((name, SuggestionKind.TAG) for name in tags),
    ]
    needles = _needles(q)
    for text, kind in candidates:
        position = _word_start(needles, text)
        if position is not None:
            # At the very start before inside; then alphabetically, as a German reader sorts.
            yield (position > 0, german_sort_key(text)), Suggestion(text, kind)


def _needles(q: str) -> list[re.Pattern]:
    """``Düss`` is typed as ``duss`` or ``duess``; look for both spellings."""
    spellings = {fold(q), fold(q.translate(GERMAN_TRANSLITERATION))}
    return [re.compile(r"(?<!\w)" + re.escape(spelling)) for spelling in spellings if spelling]


def _word_start(needles: list[re.Pattern], text: str) -> int | None:
    """Where a word of ``text`` starts with a needle, in either spelling; None if nowhere."""
    positions = [
        match.start()
        for haystack in {fold(text), fold(text.translate(GERMAN_TRANSLITERATION))}
        for needle in needles
        if (match := needle.search(haystack)) is not None
    ]
    return min(positions) if positions else None
