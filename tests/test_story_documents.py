"""The story documents on PostgreSQL: rows equal to the pages, searches equal to the pages'.

Every PostgreSQL story search is answered from ``alliance_search_storydocument``
(``search.story_documents``). These tests hold it to the pages it copies: after each
way a story changes (publish with new tags, unpublish, a subtree moved in SQL, a
date changed without a save, a translation, a delete) the rows equal what the page
tables say; and ``search_stories`` answers every kind of request exactly as it does
from the pages themselves. Runs on the ticker world of ``test_api_stories``.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.search.models import IndexEntry

from alliance_pages.skeleton import content_locales, state_alliance
from alliance_pages.translation import publish_translation
from search import story_documents
from search.models import IndexLexeme, StoryDocument
from search.resilience import get_search_backend
from search.stories import StoryFilters, StoryOrder, search_stories
from tests import test_api_stories
from ticker.models import TickerStoryPage

# The ticker world of the API tests, built once for this module as well.
world = test_api_stories.world

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="The story documents are PostgreSQL's; run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.django_db,
]


# --- Rows equal to the pages -----------------------------------------------------------


def rows() -> dict[int, tuple]:
    return {
        document.page_id: (
            document.locale_id,
            document.live,
            document.path,
            document.date,
            document.region_keys,
            document.company_keys,
            document.tag_ids,
            str(document.title),
            str(document.body),
        )
        for document in StoryDocument.objects.all()
    }


def pages() -> dict[int, tuple]:
    """What the rows should say, read from the page tables and the index, by the ORM."""
    story_type = ContentType.objects.get_for_model(TickerStoryPage)
    entries = {
        int(entry.object_id): entry for entry in IndexEntry.objects.filter(content_type=story_type)
    }
    stories = TickerStoryPage.objects.filter(pk__in=entries).prefetch_related(
        "regions", "companies", "tagged_items"
    )
    return {
        story.pk: (
            story.locale_id,
            story.live,
            story.path,
            story.date,
            sorted({page.translation_key for page in story.regions.all()}),
            sorted({page.translation_key for page in story.companies.all()}),
            sorted({item.tag_id for item in story.tagged_items.all()}),
            str(entries[story.pk].title),
            str(entries[story.pk].body),
        )
        for story in stories
    }


def test_every_indexed_story_has_its_row(world):
    assert len(rows()) >= 11  # seven German stories, four translations
    assert rows() == pages()


def test_a_publish_with_new_tags_regions_and_companies_rewrites_the_row(world):
    story = TickerStoryPage.objects.get(pk=world.stories["S4"].pk)
    story.tags.add("Leuchtenkopf")
    story.regions = [world.regions["duisburg"]]
    story.companies = [world.companies["rheinstahl"], world.companies["vestwind"]]
    story.save_revision().publish()
    row = rows()[story.pk]
    assert row == pages()[story.pk]
    assert row[4] == [world.regions["duisburg"].translation_key]
    assert len(row[5]) == 2 and len(row[6]) == 2


def test_unpublish_and_delete_follow_the_page(world):
    unpublished = world.stories["S6"]
    unpublished.unpublish()
    assert rows()[unpublished.pk][1] is False
    deleted = TickerStoryPage.objects.get(pk=world.stories["S7"].pk)
    deleted.delete()
    assert deleted.pk not in rows()
    assert rows() == pages()


def test_live_and_language_changed_in_sql_reach_the_row(world):
    """No save, no index update: the trigger on the page table copies them."""
    _de, en = content_locales()
    story = world.stories["S4"]  # not translated: English is free for it
    Page.objects.filter(pk=story.pk).update(live=False, locale=en)
    assert rows()[story.pk][:2] == (en.pk, False)
    assert rows() == pages()


def test_a_moved_subtree_moves_its_rows(world, sub_alliances):
    """treebeard rewrites the paths below a moved page in one UPDATE: the trigger follows."""
    dormagen = sub_alliances["dormagen"]
    dormagen.move(state_alliance(), pos="last-child")
    moved = rows()
    assert moved == pages()
    assert moved[world.stories["S2"].pk][2].startswith(state_alliance().path)


def test_a_date_changed_in_sql_reaches_the_row(world):
    story = world.stories["S1"]
    TickerStoryPage.objects.filter(pk=story.pk).update(date=datetime.date(2020, 2, 2))
    assert rows()[story.pk][3] == datetime.date(2020, 2, 2)


def test_a_published_translation_gets_its_row(world):
    _de, en = content_locales()
    english = publish_translation(world.stories["S4"], en, {"title": "Plastic waste becomes lamps"})
    row = rows()[english.pk]
    assert row[0] == en.pk and row[1] is True
    assert row == pages()[english.pk]


def test_the_rows_can_be_written_again_from_the_index(world):
    expected = rows()
    StoryDocument.objects.all().delete()
    story_type = ContentType.objects.get_for_model(TickerStoryPage)
    story_documents.write_documents(connection, story_type.pk)
    assert rows() == expected


def test_the_migration_fills_the_table_from_the_index_and_takes_it_back(world):
    """Migrated back, the table and its triggers go; migrated again, every indexed
    story has its row once more, written from the index entries."""
    expected = rows()
    executor = MigrationExecutor(connection)
    executor.migrate([("alliance_search", "0003_lexicon")])
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'alliance_search_%%'")
        (triggers,) = cursor.fetchone()
    assert StoryDocument._meta.db_table not in tables and triggers == 0
    executor = MigrationExecutor(connection)
    executor.migrate([("alliance_search", "0005_index_lexemes")])
    assert rows() == expected
    assert lexemes_missing() == 0 and IndexLexeme.objects.exists()


def lexemes_missing() -> int:
    """Lexemes of the story documents' vectors that ``IndexLexeme`` lacks."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM (
                SELECT unnest(tsvector_to_array(title || body)) AS lexeme
                FROM alliance_search_storydocument
            ) used
            WHERE NOT EXISTS (
                SELECT 1 FROM alliance_search_indexlexeme kept WHERE kept.lexeme = used.lexeme
            )
            """
        )
        return cursor.fetchone()[0]


def test_the_lexemes_follow_the_documents(world):
    """Every lexeme a story's vectors hold is kept, also after an edit brings new
    words, so that a prefix written out as lexemes finds what the prefix finds."""
    assert lexemes_missing() == 0
    story = world.stories["S1"]
    story.teaser = "Quarzsandstrahlmaschinen für Zwölftonorgeln"
    story.save_revision().publish()
    assert IndexLexeme.objects.filter(lexeme="zwolftonorgeln").exists()
    assert lexemes_missing() == 0


# --- Searches equal to the pages' ------------------------------------------------------


def summary(results) -> tuple:
    return (
        results.count,
        [
            (hit.page.pk, hit.promoted, hit.snippet, hit.companies, hit.regions, hit.tags)
            for hit in results.hits
        ],
        results.facets,
        results.corrected_query,
    )


@pytest.fixture
def both_ways(monkeypatch):
    """``search_stories`` from the documents, and from the pages (documents not kept)."""
    statements = []
    search = story_documents.search

    def counted(*args, **kwargs):
        statements.append(kwargs)
        return search(*args, **kwargs)

    def answer(filters: StoryFilters, **keywords):
        monkeypatch.setattr(story_documents, "search", counted)
        from_documents = search_stories(filters, **keywords)
        assert statements, "the story documents did not answer"
        statements.clear()
        with monkeypatch.context() as patched:
            patched.setattr(story_documents, "kept", lambda using="default": False)
            from_pages = search_stories(filters, **keywords)
        assert not statements
        return summary(from_documents), summary(from_pages)

    return answer


REQUESTS = [
    StoryFilters(),
    StoryFilters(limit=2, offset=3),
    StoryFilters(order=StoryOrder.OLDEST),
    StoryFilters(q="Wasserstoff"),
    StoryFilters(q="Wasserstoff", order=StoryOrder.NEWEST),
    StoryFilters(q="Wasserstoff", order=StoryOrder.OLDEST, limit=1, offset=1),
    StoryFilters(q="Energie Dormagen"),
    StoryFilters(q="Stahl", region="regierungsbezirk-duesseldorf"),
    StoryFilters(q="Elektrolyse", company="chempark-werke-ag"),
    StoryFilters(tag="energie"),
    StoryFilters(q="Energie", tag="Kreislaufwirtschaft"),
    StoryFilters(tag="gibt-es-nicht"),
    StoryFilters(alliance="duesseldorf", date_from=datetime.date(2022, 6, 1)),
    StoryFilters(date_to=datetime.date(2022, 12, 31), region="nordrhein-westfalen"),
    StoryFilters(q="Kunststoff"),  # a compound's first part, as a prefix
    StoryFilters(q="Strassenlaternen"),  # ß folded
    StoryFilters(q="Wasserstof Dormagne"),  # typos, corrected
    StoryFilters(q="Quagga"),  # nothing, not even corrected
    StoryFilters(locale="en", q="hydrogen"),
    StoryFilters(locale="en"),
    StoryFilters(locale="en", region="dormagen", q="electrolyser"),
]


@pytest.mark.parametrize("filters", REQUESTS, ids=repr)
def test_the_documents_answer_as_the_pages_do(world, both_ways, filters):
    from_documents, from_pages = both_ways(filters)
    assert from_documents == from_pages


def test_ties_go_to_the_larger_id_as_a_number(world, both_ways):
    """Stories of one day, or of one score, come highest id first: 100001 before 99999."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), 99998)")
    day = datetime.date(2019, 5, 5)
    ids = []
    for number in range(3):
        page = TickerStoryPage(
            title=f"Gleichstand {number}", slug=f"gleichstand-{number}", teaser="Gleich.", date=day
        )
        world.tickers["state"].add_child(instance=page)
        page.save_revision().publish()
        ids.append(page.pk)
    assert ids == [99999, 100000, 100001]
    for filters in [
        StoryFilters(date_to=day, limit=1),
        StoryFilters(date_to=day, order=StoryOrder.OLDEST, limit=1, offset=1),
        StoryFilters(q="Gleichstand", limit=1),
    ]:
        from_documents, from_pages = both_ways(filters)
        assert from_documents == from_pages
    assert both_ways(StoryFilters(q="Gleichstand", limit=1))[0][1][0][0] == 100001


def test_without_facets_too(world, both_ways):
    from_documents, from_pages = both_ways(StoryFilters(q="Stahl"), with_facets=False)
    assert from_documents == from_pages and from_documents[2] is None


def test_editors_picks_are_counted_once_and_shown_first(world, both_ways):
    query = Query.get("Energie")
    SearchPromotion.objects.create(query=query, page=world.stories["S3"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=world.stories["S1"], sort_order=1)
    from_documents, from_pages = both_ways(StoryFilters(q="Energie"))
    assert from_documents == from_pages
    first, second = from_documents[1][:2]
    assert first[:2] == (world.stories["S3"].pk, True)
    assert second[:2] == (world.stories["S1"].pk, True)
    # Three stories are about energy; one of them is picked, and so is a steel story.
    assert from_documents[0] == 4
    assert [pk for pk, *_ in from_documents[1]].count(world.stories["S1"].pk) == 1


def test_private_sections_and_a_sites_subtree(world, both_ways, sub_alliances):
    PageViewRestriction.objects.create(
        page=world.tickers["dormagen"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    for filters in [StoryFilters(), StoryFilters(q="Wasserstoff")]:
        from_documents, from_pages = both_ways(filters)
        assert from_documents == from_pages
        assert world.stories["S2"].pk not in [pk for pk, *_ in from_documents[1]]
    site = Site.objects.create(
        hostname="duesseldorf.example", root_page=sub_alliances["duesseldorf"]
    )
    for filters in [
        StoryFilters(site_root_id=site.root_page_id),
        StoryFilters(q="Stahl", site_root_id=site.root_page_id),
    ]:
        from_documents, from_pages = both_ways(filters)
        assert from_documents == from_pages


def test_a_search_takes_a_fixed_number_of_queries(world):
    """The count, the page and four facets in one statement: the queries around it
    (languages, private sections, picks, labels, loading the page) do not grow."""
    with CaptureQueriesContext(connection) as broad:
        search_stories(StoryFilters(q="Energie", limit=20))
    with CaptureQueriesContext(connection) as narrow:
        search_stories(StoryFilters(q="Klärschlamm", limit=20))
    statements = [q["sql"] for q in broad.captured_queries if "MATERIALIZED" in q["sql"]]
    assert len(statements) == 1
    # The languages with the private sections and the picks, the prefixes' lexemes,
    # the statement, the page of stories, and the labels with the regions and
    # alliances: the page's relations and the tags' names come with the statement.
    assert len(broad.captured_queries) == len(narrow.captured_queries) == 5
    assert Locale.objects.count() >= 2


def settings_in_force(raw_connection) -> tuple[str, str]:
    """work_mem and jit of this connection, read past Django's cursor and its wrappers."""
    return raw_connection.execute(
        "SELECT current_setting('work_mem'), current_setting('jit')"
    ).fetchone()


def test_the_listing_counts_in_memory_and_compiles_nothing(world):
    """The listing without words counts every story of a language: it runs with the
    memory its counts need and without JIT compilation, whatever the connection's
    settings. (They are ``SET LOCAL``: they end with the transaction, the listing's
    own or, as here, the test's.)"""
    with connection.cursor() as cursor:
        cursor.execute("SET jit = on")
    before = settings_in_force(connection.connection)
    during = []

    def watch(execute, sql, params, many, context):
        if "MATERIALIZED" in sql:
            during.append(settings_in_force(context["connection"].connection))
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(watch):
            search_stories(StoryFilters())
        assert before[1] == "on"
        assert during == [(story_documents.WORK_MEM, "off")]
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")


def test_the_sites_connections_compile_nothing():
    """The reference site turns JIT off for every connection (a search with words
    runs outside a transaction, with the connection's settings)."""
    with connection.cursor() as cursor:
        cursor.execute("RESET jit")
    assert settings_in_force(connection.connection)[1] == "off"


def compiler_for(words: str, language: str):
    stories = TickerStoryPage.objects.live()
    found = get_search_backend().search(words, stories, operator="and", language_code=language)
    return found.query_compiler


def scores(score) -> dict[int, float]:
    return dict(StoryDocument.objects.annotate(score=score).values_list("pk", "score"))


@pytest.mark.parametrize(
    ("words", "language", "prefixes_are_words", "phrase_is_words"),
    [
        ("Elektrolyse", "de", False, False),  # also "Elektrolyseur"
        ("Klärschlamm", "de", True, False),
        ("hydrogen", "en", True, False),
        ("Energie Dormagen", "de", False, True),
        ("Klärschlamm Dormagen", "de", False, True),  # a prefix stands for more
        ("Muenster Klärschlamm", "de", True, False),  # the words have "münster" too
        ("hydrogen electrolyser", "en", True, True),
    ],
)
def test_ranks_known_to_equal_the_words_rank_are_taken_from_it(
    world, words, language, prefixes_are_words, phrase_is_words
):
    """A prefix that stands for its own word alone, and a phrase of the words, rank
    as the words do, to the last bit: the story search ranks the words once and
    takes that for them (``search.backends.postgres``), no score and no order moves."""
    compiler = compiler_for(words, language)
    _match, score = compiler.document_match()
    config = compiler.get_config(None)
    matched = compiler.words_query(compiler.query, config)
    every_rank = compiler.rank(F("title"), matched, config) + compiler.rank(
        F("body"), matched, config
    )
    taken = scores(score)
    assert taken == scores(every_rank)
    assert any(taken.values())
    alike = alike_of(compiler)
    assert (alike.prefixes_are_words, alike.phrase_is_words) == (
        prefixes_are_words,
        phrase_is_words,
    )


def alike_of(compiler):
    """The shortcuts ``document_match`` took, read back from the ranks it built."""
    taken = {}
    original = compiler.rank

    def rank(document, matched, config, alike=None):
        taken["alike"] = alike
        return original(document, matched, config, alike)

    compiler.rank = rank
    compiler.document_match()
    return taken["alike"]
