"""The public story search: filters, full text, ordering, facets and highlighted snippets.

The v3 API (``/api/v3/stories/``) and the ticker feeds both ask this module, so a filter
means the same in both. Its contract is ``search_stories(StoryFilters) -> StoryResults``;
the search issue may put another engine behind ``_match`` without changing it.

Only live pages outside every view restriction are read, whoever asks: the API and the
feeds are public, and a bearer token (which widens Wagtail's own page API to drafts)
must not widen what they show.

Companies, regions and alliances are named by their German slugs, which stay the same
in every language; their titles come in the requested language, or in German where no
live translation exists. A translated story's companies and regions are synchronised
from its German source and so point to German pages; they are matched by translation
key all the same, so that a relation an editor made to a translated page counts too.
"""

import datetime
import html
import json
import re
import unicodedata
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache, reduce
from operator import or_
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Cast
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modelsearch.utils import get_descendants_content_types_pks
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction

from alliance_pages.models import AlliancePage, CompanyPage, RegionPage
from alliance_pages.text import german_sort_key
from search import story_documents
from search.backends.words import prefix_of, with_umlauts
from search.expressions import IdList, Year
from search.models import StoryDocument
from search.promotions import (
    PICKED_KEYS,
    picks_query_string,
    promoted_story_ids,
    regular_window,
    with_promoted,
)
from search.resilience import get_search_backend, run_search
from search.rows import integer_rows, integers
from ticker.models import TickerStoryPage, TickerStoryTag

SOURCE_LANGUAGE = "de"
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_QUERY_LENGTH = 200
# The most frequent values of each facet; a year facet never gets near it.
FACET_SIZE = 50
# The rendition the listing shows; the same as the page API's ``lead_image_thumbnail``.
IMAGE_RENDITION = "fill-800x450"
SNIPPET_LENGTH = 240
# How much text a snippet keeps before its first match, so the match has context.
SNIPPET_LEAD = 60

STORY_REGIONS = TickerStoryPage.regions.through
STORY_COMPANIES = TickerStoryPage.companies.through
# What the API, the feeds and the snippets read of a loaded story (``get_full_url``
# reads ``url_path``; ``specific`` and the admin's links the rest). Another field is
# read from the database when it is first touched, one query per story: the query
# count tests of the API and the feeds would show it.
LOADED_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "live",
    "locale",
    "translation_key",
    "content_type",
    "last_published_at",
    "date",
    "teaser",
    "lead_image",
    "archive_id",
)


class StoryOrder(StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "-date"
    OLDEST = "date"


# The id breaks ties, so that a page of results never shifts between requests.
DATE_ORDERINGS = {
    StoryOrder.NEWEST: ("-date", "-id"),
    StoryOrder.OLDEST: ("date", "id"),
}


@dataclass(frozen=True)
class StoryFilters:
    """What a reader asks for. Slugs are German slugs; ``locale`` is a language code."""

    locale: str = SOURCE_LANGUAGE
    q: str = ""
    region: str | None = None
    company: str | None = None
    tag: str | None = None
    alliance: str | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    order: StoryOrder | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    # The root page of the Wagtail Site the request came to, when it is not the default
    # site: an alliance's own site shows only that alliance's stories.
    site_root_id: int | None = None

    @property
    def resolved_order(self) -> StoryOrder:
        """Relevance when there is something to be relevant to, otherwise newest first."""
        if self.order is StoryOrder.RELEVANCE and not self.q:
            return StoryOrder.NEWEST
        if self.order is not None:
            return self.order
        return StoryOrder.RELEVANCE if self.q else StoryOrder.NEWEST


class UnknownFilterValue(LookupError):
    """A filter names nothing the public may see; callers answer with a client error."""

    def __init__(self, parameter: str, value: str):
        super().__init__(f"{parameter}={value!r}")
        self.parameter = parameter
        self.value = value

    @property
    def message(self) -> str:
        words = {"value": self.value}
        if self.parameter == "region":
            return _("There is no region with the slug %(value)s.") % words
        if self.parameter == "company":
            return _("There is no company with the slug %(value)s.") % words
        if self.parameter == "alliance":
            return _("There is no alliance with the slug %(value)s.") % words
        if self.parameter == "locale":
            return _("There is no language %(value)s on this site.") % words
        return _("Unknown value %(value)s.") % words


@dataclass(frozen=True)
class PageRef:
    """A company or region: its German slug and its title in the requested language."""

    slug: str
    title: str


@dataclass(frozen=True)
class AllianceRef:
    slug: str
    title: str
    level: str


@dataclass(frozen=True)
class StoryHit:
    """One story of the result page, with everything a listing shows already resolved."""

    page: TickerStoryPage
    companies: list[PageRef]
    regions: list[PageRef]
    tags: list[str]
    alliance: AllianceRef | None
    snippet: str | None
    # An editors' pick for the query (wagtail.contrib.search_promotions), shown first.
    promoted: bool = False


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class StoryFacets:
    regions: list[FacetValue]
    companies: list[FacetValue]
    tags: list[FacetValue]
    years: list[FacetValue]


@dataclass(frozen=True)
class StoryResults:
    count: int
    hits: list[StoryHit]
    facets: StoryFacets | None
    # Which engine answered ("elasticsearch" or "database"), and whether it was the
    # database standing in for an unreachable Elasticsearch (search.resilience).
    search_backend: str = "database"
    degraded: bool = False
    # What was searched for instead when the query's words matched nothing and the
    # database backends corrected their typos (search.backends.typos); None otherwise.
    corrected_query: str | None = None


def search_stories(filters: StoryFilters, *, with_facets: bool = True) -> StoryResults:
    """The page of stories ``filters`` asks for, their total and (optionally) facets.

    Raises UnknownFilterValue when a slug or the language names nothing public.
    The number of queries does not depend on ``filters.limit``.
    """
    scope = Scope.for_language(
        filters.locale, site_root_id=filters.site_root_id, picks_for=filters.q
    )
    conditions = _Conditions.resolve(filters, scope)
    candidates = conditions.stories(scope)
    promoted = promoted_story_ids(scope.picked_keys, candidates)
    if promoted:
        candidates = candidates.exclude(pk__in=promoted)
    regular = replace(filters, **regular_window(filters.offset, filters.limit, len(promoted)))

    def by_documents(compiler=None) -> _Matches:
        documents = conditions.documents(scope)
        return _match_documents(compiler, documents, regular, promoted, scope, with_facets)

    matches, engine = run_search(lambda: _match(candidates, regular, by_documents))
    page_ids = promoted[filters.offset : filters.offset + filters.limit] + matches.page_ids
    stories = _load(page_ids, with_relations=matches.documents is None, with_body=bool(filters.q))
    found = matches.documents
    related = _Related.of(stories) if found is None else _related_by_documents(found, page_ids)
    raw_facets = None
    if with_facets and found is None:
        raw_facets = _RawFacets.collect(with_promoted(matches.every_id, promoted), scope)

    keys: set[Any] = set()
    for story in stories:
        keys.update(related.companies.get(story.pk, ()), related.regions.get(story.pk, ()))
    if raw_facets is not None:
        keys.update(raw_facets.keys())
    elif with_facets:
        keys.update(found.companies)
    with_regions = with_facets and found is not None and bool(found.region_sets)
    alliance_paths = {_alliance_path(story) for story in stories}
    names = _Names.read(keys, alliance_paths, scope, with_regions=with_regions)
    if with_facets and found is not None:
        raw_facets = _RawFacets.from_documents(found, names.german_regions)
    labels = names.labels

    hits = [
        StoryHit(
            page=story,
            companies=labels.refs(related.companies.get(story.pk, ())),
            regions=labels.refs(related.regions.get(story.pk, ())),
            tags=sorted(related.tags.get(story.pk, ()), key=german_sort_key),
            alliance=_alliance_ref(story, names.alliances, labels),
            snippet=_snippet(matches.corrected_query or filters.q, story) if filters.q else None,
            promoted=story.pk in promoted,
        )
        for story in stories
    ]
    facets = raw_facets.labelled(labels) if raw_facets is not None else None
    return StoryResults(
        count=matches.count + len(promoted),
        hits=hits,
        facets=facets,
        search_backend=engine.kind,
        degraded=engine.degraded,
        corrected_query=matches.corrected_query,
    )


# --- Scope and filters -------------------------------------------------------------


LOCALE_FIELDS = ["id", "language_code"]
# The languages asked for, then the path of every page with a view restriction.
SCOPE_ROWS = f"""
SELECT 'locale', id, language_code, CAST(NULL AS integer), CAST(NULL AS integer)
FROM {Locale._meta.db_table} WHERE language_code IN (%s, %s)
UNION ALL
SELECT 'private', NULL, page.path, NULL, NULL FROM {PageViewRestriction._meta.db_table} restriction
JOIN {Page._meta.db_table} page ON page.id = restriction.page_id
"""  # noqa: S608 - table names from the models, values as parameters


@dataclass(frozen=True)
class Scope:
    """What every query of one search shares: its languages and the private sections,
    and the translation keys of the editors' picks for its words, in their order."""

    locale: Locale
    source: Locale
    private: Q
    # The requested language's version of a site's root page and everything below it.
    site_subtree: Q = Q()
    picked_keys: tuple[uuid.UUID, ...] = ()

    @classmethod
    def for_language(
        cls, language_code: str, site_root_id: int | None = None, *, picks_for: str = ""
    ) -> "Scope":
        """One query for the languages, the private sections and the picks for the
        words ``picks_for`` (three took 0.7 ms more)."""
        statement, params = SCOPE_ROWS, [language_code, SOURCE_LANGUAGE]
        if query_string := picks_query_string(picks_for):
            statement, params = f"{statement} UNION ALL {PICKED_KEYS}", [*params, query_string]
        locales, private_paths, picks = {}, [], []
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            for kind, number, text, sort_order, pick_id in cursor.fetchall():
                if kind == "locale":
                    row = [number, text]
                    locales[text] = Locale.from_db(connection.alias, LOCALE_FIELDS, row)
                elif kind == "private":
                    private_paths.append(text)
                else:
                    picks.append((sort_order, pick_id, uuid.UUID(text)))
        if language_code not in locales:
            raise UnknownFilterValue("locale", language_code)
        return cls(
            locale=locales[language_code],
            source=locales.get(SOURCE_LANGUAGE, locales[language_code]),
            # Read once per search rather than once per ``.public()``; as paths, which
            # the story documents have too (Wagtail's ``private_q`` adds the depth).
            private=_below(private_paths),
            site_subtree=_site_subtree(site_root_id, locales[language_code]),
            picked_keys=tuple(key for *_order, key in sorted(picks, key=_pick_order)),
        )

    def public(self, model: type[Page]):
        """``model.objects.live().public()``, sharing the one read of the restrictions."""
        return model.objects.live().exclude(self.private)

    def stories(self):
        """Every story the public may read in the requested language."""
        return self.public(TickerStoryPage).filter(self.site_subtree, locale=self.locale)

    def documents(self):
        """The story documents of ``stories()`` (``search.story_documents``)."""
        return (
            StoryDocument.objects.filter(live=True, locale=self.locale)
            .exclude(self.private)
            .filter(self.site_subtree)
        )


def _pick_order(pick: tuple[int | None, int, uuid.UUID]) -> tuple:
    """The editors' order, as Wagtail sorts picks: by ``sort_order``, unset ones last."""
    sort_order, pick_id, _key = pick
    return (sort_order is None, sort_order or 0, pick_id)


def _site_subtree(site_root_id: int | None, locale: Locale) -> Q:
    """Below the site's root page in ``locale`` (a translation is a tree of its own);
    nothing where the root has no page in that language, everything without a site."""
    if site_root_id is None:
        return Q()
    paths = Page.objects.filter(
        translation_key__in=Page.objects.filter(pk=site_root_id).values("translation_key"),
        locale=locale,
    ).values_list("path", flat=True)
    return _below(paths)


@dataclass(frozen=True)
class _Conditions:
    """A reader's filters, each slug looked up once, for the pages or the story documents.

    Raises UnknownFilterValue (alliance, then region, then company) when a slug names
    nothing public.
    """

    # Dates and the alliance's tree: fields the pages and the documents both have.
    shared: Q
    region_keys: QuerySet | None
    company_keys: list[Any] | None
    # Tags are free words per language: an unknown tag is no error, it matches nothing.
    tag: str | None

    @classmethod
    def resolve(cls, filters: StoryFilters, scope: Scope) -> "_Conditions":
        shared = Q()
        if filters.date_from:
            shared &= Q(date__gte=filters.date_from)
        if filters.date_to:
            shared &= Q(date__lte=filters.date_to)
        if filters.alliance:
            shared &= _alliance_q(filters.alliance, scope)
        region_keys = company_keys = None
        if filters.region:
            region_keys = _region_subtree_keys(filters.region, scope)
        if filters.company:
            pages = _source_pages(CompanyPage, filters.company, scope)
            company_keys = [key for _path, key in pages]
        return cls(shared, region_keys, company_keys, filters.tag or None)

    def stories(self, scope: Scope) -> QuerySet:
        """Live, public stories in the requested language that pass every filter.

        Filters on relations are ``id__in`` subqueries: Wagtail's search backends
        accept filters only on indexed filter fields, and ``id`` is one; the
        relations are not.
        """
        stories = scope.stories().filter(self.shared)
        if self.region_keys is not None:
            stories = stories.filter(id__in=_relating_to("regions", self.region_keys))
        if self.company_keys is not None:
            stories = stories.filter(id__in=_relating_to("companies", self.company_keys))
        if self.tag:
            tagged = TickerStoryTag.objects.filter(
                Q(tag__name__iexact=self.tag) | Q(tag__slug=self.tag)
            ).values("content_object_id")
            stories = stories.filter(id__in=tagged)
        return stories

    def documents(self, scope: Scope) -> QuerySet:
        """The story documents of ``stories()``: relations as arrays of keys and ids."""
        documents = scope.documents().filter(self.shared)
        if self.region_keys is not None:
            documents = documents.filter(region_keys__overlap=ArraySubquery(self.region_keys))
        if self.company_keys is not None:
            documents = documents.filter(company_keys__overlap=self.company_keys)
        if self.tag:
            tags = Tag.objects.filter(Q(name__iexact=self.tag) | Q(slug=self.tag)).values("pk")
            documents = documents.filter(tag_ids__overlap=ArraySubquery(tags))
        return documents


def _relating_to(relation: str, translation_keys) -> QuerySet:
    """Ids of stories whose ``relation`` names one of these pages, in whatever language."""
    lookup = {f"{relation}__translation_key__in": translation_keys}
    return TickerStoryPage.objects.filter(**lookup).values("pk")


def _source_pages(model: type[Page], slug: str, scope: Scope) -> list[tuple[str, Any]]:
    """(path, translation key) of the public German pages with ``slug``.

    Slugs are unique among siblings only; where two pages share one, the filter
    takes both.
    """
    pages = list(
        scope.public(model)
        .filter(locale=scope.source, slug=slug)
        .values_list("path", "translation_key")
    )
    if not pages:
        raise UnknownFilterValue(_PARAMETERS[model], slug)
    return pages


_PARAMETERS = {AlliancePage: "alliance", CompanyPage: "company", RegionPage: "region"}


def _below(paths: Iterable[str]) -> Q:
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def _region_subtree_keys(slug: str, scope: Scope) -> QuerySet:
    """The region and every region below it: a story in Dormagen is a story in NRW."""
    paths = [path for path, _key in _source_pages(RegionPage, slug, scope)]
    return RegionPage.objects.filter(_below(paths), locale=scope.source).values("translation_key")


def _alliance_q(slug: str, scope: Scope) -> Q:
    """Stories under the alliance's tree in the requested language, sub-alliances included."""
    pages = _source_pages(AlliancePage, slug, scope)
    if scope.locale == scope.source:
        return _below(path for path, _key in pages)
    local_paths = AlliancePage.objects.filter(
        translation_key__in=[key for _path, key in pages], locale=scope.locale
    ).values_list("path", flat=True)
    return _below(local_paths)


# --- Matching and loading ----------------------------------------------------------


@dataclass(frozen=True)
class _Matches:
    count: int
    page_ids: list[int]
    every_id: QuerySet | list[int]
    corrected_query: str | None = None
    # What the story documents answered: facets counted with the matches (picks
    # included) and the relations of the stories on the page. None on other paths.
    documents: story_documents.DocumentResults | None = None


def search_text(q: str) -> str:
    """The words of ``q``, without the punctuation a backend may take for its own syntax.

    SQLite's FTS5 fails on an unbalanced quote, for instance; readers type plain words.
    """
    return " ".join(re.findall(r"\w+", q))


def _match(stories, filters: StoryFilters, by_documents) -> _Matches:
    """Order and cut the filtered stories; with ``q``, through Wagtail's search backend.

    Every word of ``q`` must occur (operator "and"), so that adding a word narrows the
    result, as readers expect from the facets beside it. On PostgreSQL the story
    documents answer (``by_documents``), the listing without words as well; a query
    the index table could not rank (no words) and Elasticsearch take the other paths.
    """
    order = filters.resolved_order
    window = slice(filters.offset, filters.offset + filters.limit)
    documents_kept = story_documents.kept(stories.db)
    if not filters.q and documents_kept:
        return by_documents()
    if not filters.q:
        ordered = stories.order_by(*DATE_ORDERINGS[order])
        return _Matches(
            count=stories.count(),
            page_ids=list(ordered.values_list("pk", flat=True)[window]),
            every_id=stories.values("pk"),
        )
    backend = get_search_backend()
    words = search_text(filters.q)
    language = _language_argument(backend, filters.locale)
    found = backend.search(words, stories, operator="and", order_by_relevance=False, **language)
    if not callable(getattr(found, "get_queryset", None)):
        return _match_in_engine(backend, words, stories, found, order, window, language)
    compiler = found.query_compiler
    if documents_kept and hasattr(compiler, "document_match") and compiler.ranks_in_index():
        return by_documents(compiler)
    # The database backends: every match's id, read once. The count and the facets use
    # the list, so the full-text match runs once instead of once per facet query.
    relevance = order is StoryOrder.RELEVANCE
    every, in_rank_order = _every_match_read(found, relevance)
    corrected = None
    if not every and getattr(found, "correct_typos", lambda: False)():
        # Nothing matched: the database backends correct unknown words (search.backends.typos).
        corrected = words = found.corrected_query
        every, in_rank_order = _every_match_read(found, relevance)
    if not every:
        return _Matches(count=0, page_ids=[], every_id=[])
    if in_rank_order:
        page_ids = every[window]
    elif relevance:
        # Ranking looks at the matches only, not at every story of the language.
        matched = stories.filter(pk__in=IdList(every)).only("pk")
        ranked = backend.search(words, matched, operator="and", **language)
        page_ids = [story.pk for story in ranked[window]]
    else:
        ordered = stories.filter(pk__in=IdList(every)).order_by(*DATE_ORDERINGS[order])
        page_ids = list(ordered.values_list("pk", flat=True)[window])
    return _Matches(count=len(every), page_ids=page_ids, every_id=every, corrected_query=corrected)


def _match_documents(
    compiler,
    documents: QuerySet,
    filters: StoryFilters,
    promoted: list[int],
    scope: Scope,
    with_facets: bool,
) -> _Matches:
    """Count, page and facets in one statement over the story documents.

    ``compiler`` is the PostgreSQL backend's query compiler for ``filters.q``, which
    builds the match and the score; None lists every document. The score is worked
    out for an order by relevance only: ranking each match costs 1 µs or more. A query
    that finds nothing is corrected as the other paths correct it (search.backends.typos).
    """
    relevance = filters.resolved_order is StoryOrder.RELEVANCE

    def run() -> story_documents.DocumentResults:
        matched, score = compiler.document_match() if compiler else (None, None)
        return story_documents.search(
            documents,
            matched=matched,
            score=score if relevance else None,
            promoted=promoted,
            order=filters.resolved_order.value,
            offset=filters.offset,
            limit=filters.limit,
            with_facets=with_facets,
        )

    found = run()
    corrected = None
    if compiler is not None and found.count == 0 and compiler.correct_typos():
        corrected = compiler.corrected_query
        found = run()
    return _Matches(
        count=found.count,
        page_ids=found.page_ids,
        every_id=[],
        corrected_query=corrected,
        documents=found,
    )


def _related_by_documents(
    found: story_documents.DocumentResults, page_ids: Sequence[int]
) -> "_Related":
    """The shown stories' relations, from what the statement returned.

    The statement's page brings its stories' relations, tags by name; only editors'
    picks, which it leaves out, are read apart.
    """
    relations = {pk: found.relations[pk] for pk in page_ids if pk in found.relations}
    if picks := [pk for pk in page_ids if pk not in relations]:
        relations.update(story_documents.relations_of(picks))
    return _Related(
        companies={pk: companies for pk, (companies, _regions, _tags) in relations.items()},
        regions={pk: regions for pk, (_companies, regions, _tags) in relations.items()},
        tags={pk: tags for pk, (*_, tags) in relations.items()},
    )


def _every_match_read(found, relevance: bool) -> tuple[list[int], bool]:
    """Every match's id, and whether they come best first.

    PostgreSQL ranks the matches in the query that reads them
    (``every_match_ranked``), which costs less than a second query for the page.
    """
    ranked = getattr(found, "every_match_ranked", None)
    if relevance and ranked is not None:
        every = ranked()
        if every is not None:
            return every, True
    return _every_match(found), False


def _match_in_engine(backend, words, stories, found, order, window, language) -> _Matches:
    """Elasticsearch counts, ranks and cuts the page itself; only the facets need
    every match's id, which it hands over hit by hit."""
    if order is StoryOrder.RELEVANCE:
        ranked = backend.search(words, stories, operator="and", **language)
    else:
        ranked = backend.search(
            words,
            stories.order_by(*DATE_ORDERINGS[order]),
            operator="and",
            order_by_relevance=False,
            **language,
        )
    return _Matches(
        count=ranked.count(),
        page_ids=[story.pk for story in ranked[window]],
        every_id=_every_match(found),
    )


def _language_argument(backend, language_code: str) -> dict[str, str]:
    """``language_code`` for backends that parse a query per language (search.backends).

    They would read it from the stories' locale filter too, at the cost of a query.
    """
    if getattr(backend, "understands_languages", False):
        return {"language_code": language_code}
    return {}


def _every_match(results) -> list[int]:
    """The ids of every match, for the count and the facets.

    Wagtail's database backends can hand over their query, so only ids are read;
    other engines (Elasticsearch) give the hits.
    """
    get_queryset = getattr(results, "get_queryset", None)
    if callable(get_queryset):
        return integers(get_queryset().order_by().values_list("pk"))
    return [story.pk for story in results]


def _load(
    page_ids: Sequence[int], *, with_relations: bool = True, with_body: bool = False
) -> list[TickerStoryPage]:
    """The stories (and their relations), in a fixed number of queries, in ``page_ids`` order.

    The body comes as its stored JSON (``body_json``), for the snippets: as a
    StreamField, 20 bodies took 1.4 ms to convert, and only a snippet whose teaser
    holds no match reads it. Only ``LOADED_FIELDS`` are read: a whole page of 20
    stories took 2.7 ms to build, with those 1.5 ms.
    """
    if not page_ids:
        return []
    stories = (
        TickerStoryPage.objects.filter(pk__in=page_ids)
        .order_by()
        .only(*LOADED_FIELDS)
        .select_related("locale")
    )
    if with_relations:
        stories = stories.prefetch_related(
            Prefetch("companies", queryset=CompanyPage.objects.only("pk", "translation_key")),
            Prefetch("regions", queryset=RegionPage.objects.only("pk", "translation_key")),
            Prefetch("tagged_items", queryset=TickerStoryTag.objects.select_related("tag")),
        )
    if with_body:
        stories = stories.annotate(body_json=Cast("body", TextField()))
    by_pk = {story.pk: story for story in stories}
    loaded = [by_pk[pk] for pk in page_ids if pk in by_pk]
    # Django builds the images' query even when no story has an image (1 ms for 20).
    if any(story.lead_image_id for story in loaded):
        images = get_image_model().objects.prefetch_renditions(IMAGE_RENDITION)
        prefetch_related_objects(loaded, Prefetch("lead_image", queryset=images))
    return loaded


@dataclass(frozen=True)
class _Related:
    """Each shown story's companies and regions (translation keys) and tags (names)."""

    companies: Mapping[int, list[Any]]
    regions: Mapping[int, list[Any]]
    tags: Mapping[int, list[str]]

    @classmethod
    def of(cls, stories: Sequence[TickerStoryPage]) -> "_Related":
        """From the relations ``_load`` prefetched."""
        return cls(
            companies={s.pk: [page.translation_key for page in s.companies.all()] for s in stories},
            regions={s.pk: [page.translation_key for page in s.regions.all()] for s in stories},
            tags={s.pk: [item.tag.name for item in s.tagged_items.all()] for s in stories},
        )


@dataclass(frozen=True)
class _AllianceRow:
    translation_key: Any
    level: str
    title: str


def _alliance_path(story: Page) -> str:
    return story.path[: -2 * Page.steplen]


def _alliance_ref(
    story: TickerStoryPage, alliances: Mapping[str, _AllianceRow], labels: "Labels"
) -> AllianceRef | None:
    row = alliances.get(_alliance_path(story))
    if row is None:
        return None
    slug = labels.slug(row.translation_key)
    return AllianceRef(slug=slug, title=row.title, level=row.level) if slug else None


# --- Labels ------------------------------------------------------------------------


class Labels:
    """German slugs and localised titles of companies, regions and alliances, by translation key.

    Pages that are not live and public have no label, so a draft company never shows,
    neither on a story nor in a facet.
    """

    def __init__(self, rows: Iterable[tuple[Any, int, str, str]], scope: Scope):
        """From (translation key, locale id, slug, title) of public pages."""
        self._slugs: dict[Any, str] = {}
        self._titles: dict[Any, str] = {}
        german_titles: dict[Any, str] = {}
        for key, locale_id, slug, title in rows:
            if locale_id == scope.source.pk:
                self._slugs[key] = slug
                german_titles[key] = title
            if locale_id == scope.locale.pk:
                self._titles[key] = title
        for key, title in german_titles.items():
            self._titles.setdefault(key, title)

    @classmethod
    def read(cls, keys: Iterable[Any], scope: Scope) -> "Labels":
        """The labels of these pages, in one query."""
        keys = list(keys)
        if not keys:
            return cls((), scope)
        rows = (
            scope.public(Page)
            .filter(translation_key__in=keys, locale__in=[scope.locale, scope.source])
            .values_list("translation_key", "locale_id", "slug", "title")
        )
        return cls(rows, scope)

    def slug(self, key: Any) -> str | None:
        return self._slugs.get(key)

    def ref(self, key: Any) -> PageRef | None:
        slug = self._slugs.get(key)
        return PageRef(slug=slug, title=self._titles[key]) if slug is not None else None

    def refs(self, keys: Iterable[Any]) -> list[PageRef]:
        refs = {ref for ref in map(self.ref, keys) if ref is not None}
        return sorted(refs, key=lambda ref: german_sort_key(ref.title))


@dataclass(frozen=True)
class _Names:
    """What a response names besides its stories, read in one query: the labels of the
    stories' and the facets' companies and regions; every region in the two languages
    where a region facet is counted by sets of keys, for the German regions' paths
    and the labels of the regions above; and every alliance, for the one above each
    shown story (by path) and its German slug.

    Read apart (labels, regions, alliances), they took three round trips and 1.5 ms
    more. Regions and alliances are few beside the stories and companies; the
    alliances are read by type because a translation key taken from a subquery in
    the ``OR`` made PostgreSQL scan every page (14 ms at 20,000 pages).
    """

    labels: Labels
    german_regions: list[tuple[Any, str]]
    alliances: dict[str, _AllianceRow]

    @classmethod
    def read(
        cls, keys: set[Any], alliance_paths: set[str], scope: Scope, *, with_regions: bool
    ) -> "_Names":
        """``with_regions``: every region, for a region facet counted by key sets. No
        query when there is nothing to name (a search that found nothing)."""
        region_types = set(get_descendants_content_types_pks(RegionPage))
        types = list(region_types) if with_regions else []
        if alliance_paths:
            types += get_descendants_content_types_pks(AlliancePage)
        if not keys and not types:
            return cls(Labels((), scope), [], {})
        # A region that is not public still counts its stories for the regions above
        # it, as the region filter finds them; it has no label.
        public = Case(When(Q(live=True) & ~scope.private, then=True), default=False)
        rows = (
            Page.objects.filter(
                Q(translation_key__in=keys) | Q(content_type__in=types),
                locale__in=[scope.locale, scope.source],
            )
            .order_by()
            .annotate(public=public, level=F("alliancepage__level"))
            .values_list(
                "translation_key",
                "locale_id",
                "slug",
                "title",
                "path",
                "content_type_id",
                "public",
                "level",
            )
        )
        shown, german_regions, alliances = [], [], {}
        for key, locale_id, slug, title, path, content_type, is_public, level in rows:
            if is_public:
                shown.append((key, locale_id, slug, title))
            if content_type in region_types and locale_id == scope.source.pk:
                german_regions.append((key, path))
            if path in alliance_paths and level is not None:
                alliances[path] = _AllianceRow(key, level, title)
        return cls(Labels(shown, scope), german_regions, alliances)


# --- Facets ------------------------------------------------------------------------


def _ranked(values: Iterable[FacetValue]) -> list[FacetValue]:
    ordered = sorted(values, key=lambda value: (-value.count, german_sort_key(value.label)))
    return ordered[:FACET_SIZE]


@dataclass(frozen=True)
class _RawFacets:
    """Counts over every match, before the labels are known (they come in one query)."""

    regions: dict[Any, int]
    companies: dict[Any, int]
    tags: list[tuple[str, int]]
    years: list[tuple[int, int]]

    @classmethod
    def collect(cls, every_id: QuerySet | list[int], scope: Scope) -> "_RawFacets":
        if isinstance(every_id, list):
            every_id = IdList(every_id)
        years = (
            TickerStoryPage.objects.filter(pk__in=every_id)
            .annotate(year=Year("date"))
            .order_by()
            .values("year")
            .annotate(count=Count("pk"))
            .values_list("year", "count")
        )
        tags = (
            TickerStoryTag.objects.filter(content_object_id__in=every_id)
            .order_by()
            .values("tag__name")
            .annotate(count=Count("content_object_id", distinct=True))
            .values_list("tag__name", "count")
        )
        companies = (
            STORY_COMPANIES.objects.filter(tickerstorypage_id__in=every_id)
            .order_by()
            .values("companypage__translation_key")
            .annotate(count=Count("tickerstorypage_id", distinct=True))
            .values_list("companypage__translation_key", "count")
        )
        return cls(
            regions=_region_counts(every_id, scope),
            companies=dict(companies),
            tags=list(tags),
            years=sorted(years, reverse=True),
        )

    @classmethod
    def from_documents(
        cls, found: story_documents.DocumentResults, german_regions: list[tuple[Any, str]]
    ) -> "_RawFacets":
        """The facets one statement over the story documents counted; region key sets
        become counts per region with every German region (translation key, path)."""
        return cls(
            regions=_region_counts_of_keys(found.region_sets, german_regions),
            companies=dict(found.companies),
            tags=list(found.tags.items()),
            years=sorted(found.years.items(), reverse=True),
        )

    def keys(self) -> set[Any]:
        return set(self.regions) | set(self.companies)

    def labelled(self, labels: Labels) -> StoryFacets:
        def pages(counts: Mapping[Any, int]) -> list[FacetValue]:
            values = []
            for key, count in counts.items():
                ref = labels.ref(key)
                if ref is not None:
                    values.append(FacetValue(value=ref.slug, label=ref.title, count=count))
            return _ranked(values)

        return StoryFacets(
            regions=pages(self.regions),
            companies=pages(self.companies),
            tags=_ranked(FacetValue(value=name, label=name, count=n) for name, n in self.tags),
            years=[FacetValue(value=str(y), label=str(y), count=n) for y, n in self.years],
        )


def regions_of(story_ids: QuerySet | list[int], scope: Scope) -> list[tuple[Any, str]]:
    """The German regions these stories name and every region above them.

    As (translation key, path). A region filter includes the regions below, so a
    region above a named one leads to results as well.
    """
    # The stories' region ids in a query of their own: across a subquery for them
    # PostgreSQL's planner expected to stop a merge join over every page early, and
    # at 10,000 stories walked 5 million row pairs (380 ms) to find a handful of regions.
    region_ids = set(
        STORY_REGIONS.objects.filter(tickerstorypage_id__in=story_ids).values_list(
            "regionpage_id", flat=True
        )
    )
    return _with_regions_above(
        (path for _key, path in _german_regions(region_ids, scope).values()), scope
    )


def _german_regions(region_ids: set[int], scope: Scope) -> dict[int, tuple[Any, str]]:
    """(translation key, German path) of each region page, whatever its language.

    A translated story's regions may be translated pages; facets and filters speak of
    the German ones.
    """
    if not region_ids:
        return {}
    german_path = RegionPage.objects.filter(
        locale=scope.source, translation_key=OuterRef("translation_key")
    ).values("path")[:1]
    rows = (
        Page.objects.filter(pk__in=region_ids)
        .annotate(german_path=Subquery(german_path))
        .values_list("pk", "translation_key", "german_path")
    )
    return {pk: (key, path) for pk, key, path in rows if path is not None}


def _with_regions_above(paths: Iterable[str], scope: Scope) -> list[tuple[Any, str]]:
    """(translation key, path) of the German regions at these paths and above them."""
    step = Page.steplen
    prefixes = {path[:end] for path in paths for end in range(step, len(path) + 1, step)}
    if not prefixes:
        return []
    return list(
        RegionPage.objects.filter(locale=scope.source, path__in=prefixes).values_list(
            "translation_key", "path"
        )
    )


def _region_counts(every_id: QuerySet | list[int], scope: Scope) -> dict[Any, int]:
    """Stories per region, counting a story for each region above its own as well.

    So a facet's count is what filtering by that region would find. The matches'
    (story, region) pairs are read once and counted here: stories that name the same
    regions count together, so the counting grows with the combinations of regions,
    not with the matches. Three queries: the pairs, the German regions they name, and
    every region above those.
    """
    regions_by_story: dict[int, set[int]] = defaultdict(set)
    pairs = STORY_REGIONS.objects.filter(tickerstorypage_id__in=every_id).values_list(
        "tickerstorypage_id", "regionpage_id"
    )
    for story_id, region_id in integer_rows(pairs):
        regions_by_story[story_id].add(region_id)
    stories_naming = Counter(frozenset(ids) for ids in regions_by_story.values())
    named = _german_regions(set().union(*stories_naming), scope)
    stories_in: Counter = Counter()
    for region_ids, stories in stories_naming.items():
        stories_in[frozenset(named[pk][1] for pk in region_ids if pk in named)] += stories
    return _counted_with_regions_above(
        stories_in, _with_regions_above(set().union(*stories_in), scope)
    )


def _region_counts_of_keys(
    stories_naming: Counter, german_regions: list[tuple[Any, str]]
) -> dict[Any, int]:
    """``_region_counts`` from the story documents' counts per set of region keys and
    every German region (translation key, path): the region tree is small beside the
    stories, so the regions the keys name and those above them are picked out here.
    Asked for just those, with an ``EXISTS`` on path prefixes, the search spent 1.6 ms
    on this instead of 0.8, most of it building the query.
    """
    keys = set().union(*stories_naming)
    if not keys:
        return {}
    german_paths = {key: path for key, path in german_regions if key in keys}
    named = set(german_paths.values())
    candidates = [
        (key, path) for key, path in german_regions if any(own.startswith(path) for own in named)
    ]
    stories_in: Counter = Counter()
    for region_keys, stories in stories_naming.items():
        paths = frozenset(german_paths[key] for key in region_keys if key in german_paths)
        stories_in[paths] += stories
    return _counted_with_regions_above(stories_in, candidates)


def _counted_with_regions_above(
    stories_in: Counter, candidates: list[tuple[Any, str]]
) -> dict[Any, int]:
    """Stories per German region, from stories per set of German region paths they name:
    a story counts for each region it names and each region above those, once.
    ``candidates`` are (translation key, path) of those regions."""
    counts: Counter = Counter()
    for paths, stories in stories_in.items():
        for key, path in candidates:
            if any(own.startswith(path) for own in paths):
                counts[key] += stories
    return dict(counts)


# --- Snippets ----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one, so offsets stay valid.

    ``Düsseldorf`` -> ``dusseldorf``: a reader who types no umlauts still sees the match.
    """
    return text.translate(_FOLDED)


class _FoldedCharacters(dict):
    """Each character's folded form, worked out once and then looked up by
    ``str.translate``: folding every character of 20 bodies anew cost a millisecond
    or two per search."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = unicodedata.normalize("NFKD", chr(code))[0].lower()[0]
        return folded


_FOLDED = _FoldedCharacters()


# Worked out once per query, not once per story of the page.
@lru_cache(maxsize=256)
def _terms_pattern(query: str) -> re.Pattern | None:
    """Words that start with a query word's stem, in the text as ``fold`` leaves it.

    The search backends stem ("Innovationen" finds "Innovation") and fold ß ("Strasse"
    finds "Straße"), so the marks do too: one ending off each word, ss matching ß.
    """
    words = re.findall(r"\w{2,}", query)
    # "Muenster" finds "Münster" (search.backends.words.with_umlauts): mark it too.
    spellings = [*words, *filter(None, map(with_umlauts, words))]
    stems = {prefix_of(word) or word for word in map(fold, spellings)}
    if not stems:
        return None
    alternatives = [
        re.escape(stem).replace("ss", "(?:ss|ß)") for stem in sorted(stems, key=len, reverse=True)
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")\w*")


def _snippet(query: str, story: TickerStoryPage) -> str:
    """The teaser, the body or the title, the first with a word of ``query``; the body's
    words are worked out only when the teaser has none."""
    return highlight(
        query, story.teaser, lambda: body_text(json.loads(story.body_json or "[]")), story.title
    )


def highlight(query: str, *texts: str | Callable[[], str], length: int = SNIPPET_LENGTH) -> str:
    """The first of ``texts`` with a word of ``query``, cut around it, with matches in <mark>.

    Everything else is HTML-escaped, so the snippet is safe to insert as HTML. When no
    text contains a query word (the match was in a company's name, say), the first
    text is returned, cut and escaped, without marks. A text may be a function that
    returns it, called only when the texts before it hold no match.
    """
    pattern = _terms_pattern(query)
    chosen, first = None, None
    for text in map(_text, texts):
        if not text:
            continue
        chosen = chosen or text
        first = pattern.search(fold(text)) if pattern is not None else None
        if first is not None:
            chosen = text
            break
        if pattern is None:
            break
    if chosen is None:
        return ""
    start, end = _window(chosen, first.start() if first else 0, length)
    shown = chosen[start:end]
    pieces = ["…" if start > 0 else ""]
    position = 0
    if pattern is not None:
        for match in pattern.finditer(fold(shown)):
            pieces.append(html.escape(shown[position : match.start()]))
            pieces.append(f"<mark>{html.escape(shown[match.start() : match.end()])}</mark>")
            position = match.end()
    pieces.append(html.escape(shown[position:]))
    pieces.append("…" if end < len(chosen) else "")
    return "".join(pieces)


def _text(text: str | Callable[[], str]) -> str:
    return text() if callable(text) else text


def _window(text: str, anchor: int, length: int) -> tuple[int, int]:
    """Up to ``length`` characters around ``anchor``, cut at spaces where possible."""
    if len(text) <= length:
        return 0, len(text)
    start = max(0, anchor - SNIPPET_LEAD)
    if start > 0:
        space = text.find(" ", start, anchor)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", max(anchor, start), end)
        end = space if space > anchor else end
    return start, end


def body_text(body) -> str:
    """The words of a StreamField, without markup: headings, paragraphs, quotes, captions."""
    return " ".join(_strings(getattr(body, "raw_data", body)))


# Block-level tags end a word; strip_tags alone would glue "<p>a</p><p>b</p>" into "ab".
_BLOCK_TAG = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|br|blockquote)\b[^>]*>", re.IGNORECASE)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        text = " ".join(html.unescape(strip_tags(_BLOCK_TAG.sub(" ", value))).split())
        if text:
            yield text
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in {"id", "type"}:
                yield from _strings(item)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)
