"""One row per story on PostgreSQL, so that one statement answers a story search.

Searched through the index table, a story search reads each match's page to keep
drafts, other languages and private sections out, and then counts four facets in
queries of their own, one index probe per match each: at 100,000 stories its cost
grew by about 25 µs per match, 235 ms at p95. A ``StoryDocument`` holds what the
search reads of a story (language, live flag, path, date, the title and body vectors
of its index entry, the translation keys of its regions and companies, its tag ids),
so one statement over the matching rows gives the count, the page and every facet.

Keeping the rows equal to the pages:

* The PostgreSQL index writes a story's row right after its index entry, from the
  database rows (``follow_index``), so the relations are those that were saved; a
  publish indexes again once modelcluster has saved them (``search.indexing``).
* A trigger on the page table copies ``live``, ``path`` and ``locale`` on every
  change, and one on the story table its ``date``: treebeard moves a subtree with
  one ``UPDATE`` of paths that no Python code sees. A foreign key deletes the row
  with its page (migration 0004).
* A related page that is deleted or unpublished later may leave its key in a row;
  it has no public label, so facets and filters never show it.

On SQLite the table does not exist; story search reads the pages there.
"""

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import connections, transaction
from django.db.models import F, FloatField, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from ticker.models import TickerStoryPage, TickerStoryTag

from . import prefixes
from .configuration import DATABASE_BACKEND
from .models import StoryDocument

TABLE = StoryDocument._meta.db_table
STORY_REGIONS = TickerStoryPage.regions.through._meta
STORY_COMPANIES = TickerStoryPage.companies.through._meta

# The row of each story among ``page_ids``, from its page, its index entry and its
# relations; every relation as a sorted array without repeats, so that stories that
# name the same regions have equal arrays.
WRITE = f"""
INSERT INTO {TABLE} AS document (page_id, locale_id, live, path, date, title, body,
    region_keys, company_keys, tag_ids)
SELECT page.id, page.locale_id, page.live, page.path, story.date, entry.title, entry.body,
    ARRAY(SELECT DISTINCT region.translation_key
          FROM {STORY_REGIONS.db_table} named
          JOIN wagtailcore_page region ON region.id = named.regionpage_id
          WHERE named.tickerstorypage_id = page.id ORDER BY 1),
    ARRAY(SELECT DISTINCT company.translation_key
          FROM {STORY_COMPANIES.db_table} named
          JOIN wagtailcore_page company ON company.id = named.companypage_id
          WHERE named.tickerstorypage_id = page.id ORDER BY 1),
    ARRAY(SELECT DISTINCT tagged.tag_id
          FROM {TickerStoryTag._meta.db_table} tagged
          WHERE tagged.content_object_id = page.id ORDER BY 1)
FROM wagtailcore_page page
JOIN {TickerStoryPage._meta.db_table} story ON story.page_ptr_id = page.id
JOIN {IndexEntry._meta.db_table} entry
    ON entry.content_type_id = %(content_type)s AND entry.object_id = page.id::text
WHERE %(every)s OR page.id = ANY(%(page_ids)s)
ON CONFLICT (page_id) DO UPDATE SET
    locale_id = EXCLUDED.locale_id, live = EXCLUDED.live, path = EXCLUDED.path,
    date = EXCLUDED.date, title = EXCLUDED.title, body = EXCLUDED.body,
    region_keys = EXCLUDED.region_keys, company_keys = EXCLUDED.company_keys,
    tag_ids = EXCLUDED.tag_ids
"""  # noqa: S608 - table names from the models, values as parameters


def kept(using: str = "default") -> bool:
    """Whether the rows follow the pages here: PostgreSQL, with the database search
    backend updated on every save (as the site's configuration always has it)."""
    if connections[using].vendor != "postgresql":
        return False
    return any(
        conf.get("BACKEND") == DATABASE_BACKEND and conf.get("AUTO_UPDATE", True)
        for conf in settings.WAGTAILSEARCH_BACKENDS.values()
    )


def follow_index(model, page_ids: Iterable[int], content_type: int, connection) -> None:
    """Write the rows of these stories, whose index entries were just written."""
    if not issubclass(model, TickerStoryPage) or connection.vendor != "postgresql":
        return
    ids = [int(pk) for pk in page_ids]
    if ids:
        write_documents(connection, content_type, ids)


def write_documents(
    connection, content_type: int, page_ids: list[int] | None = None, *, lexemes: bool = True
) -> None:
    """The rows of ``page_ids``, or of every indexed story (``None``), and their
    lexemes (``search.prefixes``; not in migration 0004, which comes before their
    table)."""
    with connection.cursor() as cursor:
        cursor.execute(
            WRITE,
            {"content_type": content_type, "every": page_ids is None, "page_ids": page_ids or []},
        )
        if lexemes:
            prefixes.record_lexemes(cursor, page_ids)


def forget(item, connection) -> None:
    """Delete the row of a page whose index entry was deleted (a page deleted from
    the database loses it through the foreign key already)."""
    if connection.vendor != "postgresql" or not isinstance(item, Page):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE page_id = %s", [item.pk])  # noqa: S608


def forget_all(connection) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TABLE}, {prefixes.TABLE}")


# --- The search ----------------------------------------------------------------------

# Memory for one statement's matches and counts. The listing without words holds every
# story of a language (15 MB at 100,000 stories), which PostgreSQL's default (4 MB)
# spilled to disk and read back for each count: 80 ms of its 290.
WORK_MEM = "32MB"
# The listing's settings, for its transaction alone, in one round trip. No JIT, which
# costs it more than it saves once it passes the threshold (README, "No JIT
# compilation on PostgreSQL"): the reference site turns JIT off for every connection,
# another site using these apps may not.
LISTING_SETTINGS = "SELECT set_config('work_mem', %s, true), set_config('jit', 'off', true)"
HIT_COLUMNS = ("page_id", "date", "region_keys", "company_keys", "tag_ids", "_score_")
TAG_TABLE = TickerStoryTag._meta.get_field("tag").related_model._meta.db_table
# The names of a row's tags (the response sorts them).
TAG_NAMES = f"ARRAY(SELECT tag.name FROM {TAG_TABLE} tag WHERE tag.id = ANY(tag_ids))"
ORDERS = {
    # (SQL order of the page, the sort key it returns, newest or best first)
    "relevance": ("_score_ DESC, page_id DESC", "_score_", True),
    "-date": ("date DESC, page_id DESC", "(date - DATE '1970-01-01')::float8", True),
    "date": ("date ASC, page_id ASC", "(date - DATE '1970-01-01')::float8", False),
}


@dataclass
class DocumentResults:
    """What one statement found: the count and page of the matches (picks apart), and
    the facets over the matches and the picks."""

    count: int = 0
    page_ids: list[int] = field(default_factory=list)
    years: Counter = field(default_factory=Counter)
    companies: Counter = field(default_factory=Counter)
    # Stories per tag name.
    tags: Counter = field(default_factory=Counter)
    # Stories per set of region translation keys they name.
    region_sets: Counter = field(default_factory=Counter)
    # The relations of each story on the page: (company keys, region keys, tag names).
    relations: dict[int, tuple[list, list, list[str]]] = field(default_factory=dict)


def search(
    documents: QuerySet,
    *,
    matched=None,
    score=None,
    promoted: list[int],
    order: str,
    offset: int,
    limit: int,
    with_facets: bool,
) -> DocumentResults:
    """Count, page and facets of ``documents`` matching ``matched`` (all without it).

    ``documents`` are the rows the reader's filters let through; ``promoted`` stories
    are left out of the count and the page (they come first, from the caller) and
    counted in the facets. ``score`` ranks the page when ``order`` is relevance.
    """
    hits = documents.exclude(pk__in=promoted)
    if matched is not None:
        hits = hits.annotate(_document_=F("title")._combine(F("body"), "||", False)).filter(
            _document_=matched
        )
    hits = hits.annotate(_score_=score if score is not None else Value(0.0, FloatField()))
    sql, params = _sql(hits.values_list(*HIT_COLUMNS))
    ctes = [f"hits ({', '.join(HIT_COLUMNS)}) AS MATERIALIZED ({sql})"]
    counted = "hits"
    if promoted and with_facets:
        picks = documents.filter(pk__in=promoted).annotate(_score_=Value(0.0, FloatField()))
        picks_sql, picks_params = _sql(picks.values_list(*HIT_COLUMNS))
        ctes.append(f"counted AS (SELECT * FROM hits UNION ALL {picks_sql})")
        params = (*params, *picks_params)
        counted = "counted"
    ordering, sort_key, descending = ORDERS[order]
    # The page is cut from the matches' ids and sort keys alone, and its rows read
    # again by primary key for the relations the response shows, the tags by name, as
    # the tag facet gives them (a query of their own for the names cost 1 ms). Sorting
    # the matches with their arrays cost 17 ms more in the listing without words
    # (100,000 stories of a language). ``_results`` puts the page's rows in order.
    parts = [
        "SELECT 'count', NULL::text, count(*)::float8, NULL::uuid[], NULL::uuid[], "
        "NULL::text[] FROM hits",
        f"SELECT 'page', page.page_id::text, page.sort_key, company_keys, region_keys, "
        f"{TAG_NAMES} FROM (SELECT page_id, {sort_key} AS sort_key FROM hits "
        f"ORDER BY {ordering} LIMIT {int(limit)} OFFSET {int(offset)}) page "
        f"JOIN {TABLE} document ON document.page_id = page.page_id",
    ]
    if with_facets:
        # Grouped by the values themselves, unnested in the select list: grouping the
        # text of each value, or unnesting in a lateral join, cost twice as much. Years
        # and sets of regions are counted in one pass, per pair, and added up here: a
        # pass of its own cost 1.5 to 2 ms at 6,500 matches.
        parts += [
            f"SELECT 'company', key::text, count(*), NULL, NULL, NULL FROM (SELECT "
            f"unnest(company_keys) AS key FROM {counted}) companies GROUP BY key",
            f"SELECT 'tag', tag.name, counts.stories, NULL, NULL, NULL FROM (SELECT key, "
            f"count(*) AS stories FROM (SELECT unnest(tag_ids) AS key FROM {counted}) tags "
            f"GROUP BY key) counts JOIN {TAG_TABLE} tag ON tag.id = counts.key",
            f"SELECT 'year regions', year || ' ' || array_to_string(region_keys, ' '), "
            f"count(*), NULL, NULL, NULL FROM (SELECT date_part('year', date)::int AS year, "
            f"region_keys FROM {counted}) stories GROUP BY year, region_keys",
        ]
    statement = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)
    return _results(_fetch(documents.db, statement, params, every=matched is None), descending)


def relations_of(page_ids: list[int]) -> dict[int, tuple[list, list, list[str]]]:
    """(company keys, region keys, tag names) of these stories, as the statement's page
    rows give them: for editors' picks, which the statement leaves out of its page."""
    rows = (
        StoryDocument.objects.filter(pk__in=page_ids)
        .annotate(tag_names=RawSQL(TAG_NAMES, (), output_field=ArrayField(TextField())))
        .values_list("pk", "company_keys", "region_keys", "tag_names")
    )
    return {pk: (companies, regions, tags) for pk, companies, regions, tags in rows}


def _fetch(using: str, statement: str, params, *, every: bool) -> list[tuple]:
    """The statement's rows; the listing without words with the memory its counts
    need and no JIT (``LISTING_SETTINGS``). A search with words holds its matches only
    (the broadest benchmark query, 10,376 of 100,000 stories, about 2 MB), which the
    default memory holds: it runs without the transaction and the settings around it,
    three round trips to the server fewer."""
    connection = connections[using]
    if not every:
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()
    with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
        cursor.execute(LISTING_SETTINGS, [WORK_MEM])
        cursor.execute(statement, params)
        return cursor.fetchall()


class _Keys(dict):
    """Translation keys by their text, each parsed on first sight."""

    def __missing__(self, text: str) -> uuid.UUID:
        key = self[text] = uuid.UUID(text)
        return key


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def _results(rows, descending: bool) -> DocumentResults:
    results = DocumentResults()
    page = []
    # A region's key comes once per year and set of regions that name it: parsed once.
    keys = _Keys()
    for kind, key, number, companies, regions, tags in rows:
        if kind == "count":
            results.count = int(number)
        elif kind == "page":
            page.append((number, int(key)))
            results.relations[int(key)] = (companies, regions, tags)
        elif kind == "company":
            results.companies[uuid.UUID(key)] = int(number)
        elif kind == "tag":
            results.tags[key] = int(number)
        else:
            year, *regions = key.split()
            results.years[int(year)] += int(number)
            if regions:
                results.region_sets[frozenset(map(keys.__getitem__, regions))] += int(number)
    page.sort(reverse=descending)
    results.page_ids = [pk for _key, pk in page]
    return results
