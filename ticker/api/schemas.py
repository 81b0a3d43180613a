"""Response schemas of the story search, and how a search hit becomes one.

Companies, regions and alliances are given as ``{slug, title}``: the slug is the German
page's slug, the same in every language, so a client can filter by it whatever
language it shows; the title is in the requested language.
"""

import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Schema

from alliance_pages.choices import AllianceLevel
from search.stories import (
    IMAGE_RENDITION,
    AllianceRef,
    FacetValue,
    PageRef,
    StoryFacets,
    StoryHit,
    StoryResults,
)
from search.suggest import Suggestion, SuggestionKind

GERMAN_SLUG = "German slug: the same in every language; use it in filters."


class PageRefSchema(Schema):
    slug: str = Field(..., description=GERMAN_SLUG)
    title: str = Field(..., description="Title in the requested language (German if untranslated).")


class AllianceSchema(Schema):
    slug: str = Field(..., description=GERMAN_SLUG)
    title: str
    level: Literal[tuple(AllianceLevel.values)]  # ty: ignore[invalid-type-form]


class ImageSchema(Schema):
    url: str = Field(..., description=f"Full URL of the {IMAGE_RENDITION} rendition.")
    width: int
    height: int
    alt: str


class StorySchema(Schema):
    id: int
    title: str
    teaser: str
    date: datetime.date
    url: str | None = Field(..., description="Full URL of the live page.")
    locale: str
    image: ImageSchema | None
    companies: list[PageRefSchema]
    regions: list[PageRefSchema]
    tags: list[str] = Field(..., description="Tags of the requested language.")
    alliance: AllianceSchema | None = Field(
        ..., description="The alliance whose Industrieticker holds the story."
    )
    snippet: str | None = Field(
        None,
        description="With `q` only: a piece of the story's text, HTML-escaped, with the "
        "matched words in <mark>.",
    )
    promoted: bool = Field(
        False,
        description="An editors' pick for `q`: picks come first, before the ranked results.",
    )


class FacetValueSchema(Schema):
    value: str = Field(
        ..., description="What to pass as the filter: German slug, tag name or year."
    )
    label: str = Field(..., description="What to show, in the requested language.")
    count: int = Field(..., description="Matching stories, over all pages of the result.")


class StoryFacetsSchema(Schema):
    regions: list[FacetValueSchema] = Field(
        ..., description="A story counts for its regions and every region above them."
    )
    companies: list[FacetValueSchema]
    tags: list[FacetValueSchema]
    years: list[FacetValueSchema] = Field(..., description="Newest year first.")


class StoryListSchema(Schema):
    count: int = Field(..., description="Matching stories in all.")
    search_backend: Literal["elasticsearch", "database"] = Field(
        ..., description="The search engine that answered."
    )
    degraded: bool = Field(
        ...,
        description="True when Elasticsearch was unreachable and the database search "
        "answered instead (no typo tolerance; ranking may differ).",
    )
    corrected_query: str | None = Field(
        None,
        description="When the words of q matched nothing, the words searched for instead "
        "(typos corrected from the words of published pages); null otherwise. "
        "Elasticsearch tolerates typos within the search and leaves it null.",
    )
    results: list[StorySchema]
    facets: StoryFacetsSchema = Field(
        ..., description="At most 50 values each, most frequent first (years: newest first)."
    )


class SuggestionSchema(Schema):
    text: str
    kind: Literal[tuple(SuggestionKind)]  # ty: ignore[invalid-type-form]


class SuggestionListSchema(Schema):
    results: list[SuggestionSchema]


def page_ref(ref: PageRef) -> dict:
    return {"slug": ref.slug, "title": ref.title}


def alliance(ref: AllianceRef | None) -> dict | None:
    return None if ref is None else {"slug": ref.slug, "title": ref.title, "level": ref.level}


def image(hit: StoryHit) -> dict | None:
    """The lead image's rendition; renditions were prefetched, so this costs no query."""
    lead_image = hit.page.lead_image
    if lead_image is None:
        return None
    rendition = lead_image.get_rendition(IMAGE_RENDITION)
    return {
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


def story(hit: StoryHit, request: HttpRequest) -> dict:
    page = hit.page
    return {
        "id": page.pk,
        "title": page.title,
        "teaser": page.teaser,
        "date": page.date,
        "url": page.get_full_url(request),
        "locale": page.locale.language_code,
        "image": image(hit),
        "companies": [page_ref(ref) for ref in hit.companies],
        "regions": [page_ref(ref) for ref in hit.regions],
        "tags": hit.tags,
        "alliance": alliance(hit.alliance),
        "snippet": hit.snippet,
        "promoted": hit.promoted,
    }


def facet(values: list[FacetValue]) -> list[dict]:
    return [{"value": v.value, "label": v.label, "count": v.count} for v in values]


def facets(found: StoryFacets) -> dict:
    return {
        "regions": facet(found.regions),
        "companies": facet(found.companies),
        "tags": facet(found.tags),
        "years": facet(found.years),
    }


def story_list(results: StoryResults, request: HttpRequest) -> dict:
    return {
        "count": results.count,
        "search_backend": results.search_backend,
        "degraded": results.degraded,
        "corrected_query": results.corrected_query,
        "results": [story(hit, request) for hit in results.hits],
        "facets": facets(results.facets) if results.facets else None,
    }


def suggestion_list(suggestions: list[Suggestion]) -> dict:
    return {"results": [{"text": s.text, "kind": s.kind} for s in suggestions]}
