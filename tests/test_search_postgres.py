"""PostgreSQL full-text search in the page's language and in the reader's.

Runs with ``DATABASE_URL`` naming a PostgreSQL database; on SQLite it is skipped.
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import Phrase
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from alliance_pages.skeleton import ticker_index
from search.backends.postgres import AlliancePostgresSearchBackend
from tests.factories import TickerStoryPageFactory
from ticker.models import TickerStoryPage

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search; run with DATABASE_URL=postgres://…",
)


@pytest.fixture
def stories(state_alliance, locales):
    german_locale, english_locale = locales
    ticker = ticker_index(state_alliance)
    german = TickerStoryPageFactory(
        parent=ticker,
        title="Neue Innovationen aus Düsseldorf",
        teaser="Kunststoffabfälle werden zu Straßen. Zum Tag der Industrie.",
    )
    english = TickerStoryPageFactory(
        parent=ticker.get_translation(english_locale),
        title="Batteries recycled in Cologne",
        teaser="Old batteries become new ones.",
    )
    backend = get_search_backend()
    backend.add_bulk(TickerStoryPage, [german, english])
    return SimpleNamespace(
        backend=backend, german=german, english=english, de=german_locale, en=english_locale
    )


def vector(page) -> str:
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type_id=page.content_type_id)
    return f"{entry.title} {entry.body}"


def found(results) -> set[int]:
    return {page.pk for page in results}


def test_the_database_backend_is_the_alliance_one(db):
    assert isinstance(get_search_backend(), AlliancePostgresSearchBackend)


def test_the_migration_creates_a_configuration_per_language(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'alliance_%%'")
        names = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT to_tsvector('alliance_german', 'Straßen in Düsseldorf')")
        (folded,) = cursor.fetchone()
    assert names == {"alliance_german", "alliance_english", "alliance_simple"}
    assert folded == "'dusseldorf':3 'strass':1"


def test_each_page_is_analysed_in_its_own_language(stories):
    german, english = vector(stories.german), vector(stories.english)
    # German rules: "Innovationen" -> innovation, umlauts and ß folded by unaccent.
    assert "'innovation'" in german and "'innovationen'" not in german
    assert "'kunststoffabfall'" in german and "'dusseldorf'" in german
    # English rules: "recycled" -> recycl, which German rules leave whole.
    assert "'recycl'" in english and "'batteri'" in english


def test_a_query_is_parsed_in_the_language_asked_for(stories):
    everything = TickerStoryPage.objects.all()
    german = stories.backend.search("Innovation", everything, language_code="de")
    english = stories.backend.search("recycling", everything, language_code="en")
    assert found(german) == {stories.german.pk}
    assert found(english) == {stories.english.pk}
    # Each search keeps its own language: the backend object holds no request state.
    assert "alliance_german" in str(german.get_queryset().query)
    assert "alliance_english" not in str(german.get_queryset().query)
    assert "alliance_english" in str(english.get_queryset().query)


def test_without_a_language_argument_the_locale_filter_decides(stories):
    german = stories.backend.search(
        "Innovationen", TickerStoryPage.objects.filter(locale=stories.de)
    )
    english = stories.backend.search("batteries", TickerStoryPage.objects.filter(locale=stories.en))
    assert german.query_compiler.language_code == "de"
    assert english.query_compiler.language_code == "en"
    assert found(german) == {stories.german.pk}
    assert found(english) == {stories.english.pk}


def test_a_queryset_in_every_language_is_searched_in_every_language(stories):
    everything = TickerStoryPage.objects.all()
    results = stories.backend.search("Tag der Industrie", everything)
    assert results.query_compiler.language_code is None
    assert found(results) == {stories.german.pk}
    assert found(stories.backend.search("batteries", everything)) == {stories.english.pk}


@pytest.mark.parametrize(
    "query", ["Dusseldorf", "Düsseldorf", "Strasse", "Straße", "Kunststoffabfall"]
)
def test_german_spellings_and_inflections_find_the_story(stories, query):
    german = TickerStoryPage.objects.filter(locale=stories.de)
    assert found(stories.backend.search(query, german)) == {stories.german.pk}


def test_autocomplete_folds_accents(stories):
    german = TickerStoryPage.objects.filter(locale=stories.de)
    assert found(stories.backend.autocomplete("dusseld", german)) == {stories.german.pk}


def test_the_migration_enables_trigrams_for_the_lexicon(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() is not None
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'alliance_search_lexicon_trigram'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "gin_trgm_ops" in definition


def test_german_compound_parts_are_body_words_of_german_pages_only(stories):
    def weighted(page, weight) -> str:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_filter(title || body, %s) FROM wagtailsearch_indexentry "
                "WHERE object_id = %s",
                [[weight], str(page.pk)],
            )
            return cursor.fetchone()[0]

    # "Kunststoffabfälle" in the teaser (weight B) adds kunststoff, stoff, abfall (D).
    assert "'abfall'" in weighted(stories.german, "d")
    assert "'abfall'" not in weighted(stories.german, "b")
    assert "'kunststoffabfall'" in weighted(stories.german, "b")
    assert "'abfall'" not in vector(stories.english)


def test_a_german_query_asks_for_both_spellings_of_an_umlaut(stories):
    def sql(language: str) -> str:
        results = stories.backend.search(
            "Duesseldorf", TickerStoryPage.objects.all(), language_code=language
        )
        return str(results.get_queryset().query)

    assert "('Duesseldorf' | 'düsseldorf')" in sql("de")
    # English words keep their "ue" ("blue", "queue"): no second spelling.
    assert "düsseldorf" not in sql("en")


def test_typo_candidates_come_from_the_trigram_index(stories):
    with CaptureQueriesContext(connection) as queries:
        results = stories.backend.search(
            "Dusseldrof", TickerStoryPage.objects.all(), language_code="de"
        )
        assert found(results) == {stories.german.pk}
    assert results.corrected_query == "Düsseldorf"
    (lookup,) = [query["sql"] for query in queries if "alliance_search_lexiconword" in query["sql"]]
    assert " % " in lookup and "similarity(" in lookup


def test_a_typo_in_the_second_letter_is_corrected(stories):
    # SQLite needs the first two letters; trigrams need only the first.
    results = stories.backend.search(
        "Dsuseldorf", TickerStoryPage.objects.all(), language_code="de"
    )
    assert found(results) == {stories.german.pk}


def test_every_match_is_read_in_one_query_ranked_like_a_page_of_hits(stories, state_alliance):
    ticker = ticker_index(state_alliance)
    in_title = TickerStoryPageFactory(parent=ticker, title="Wasserstoff aus Duisburg")
    in_teaser = TickerStoryPageFactory(
        parent=ticker, title="Ein Zug fährt", teaser="Mit Wasserstoff durch das Ruhrgebiet."
    )
    in_both = TickerStoryPageFactory(
        parent=ticker, title="Wasserstoff im Hafen", teaser="Wasserstoff für Schiffe."
    )
    stories.backend.add_bulk(TickerStoryPage, [in_title, in_teaser, in_both])
    candidates = TickerStoryPage.objects.live().filter(locale=stories.de)

    page = stories.backend.search("Wasserstoff", candidates, language_code="de")[:10]
    results = stories.backend.search(
        "Wasserstoff", candidates, language_code="de", order_by_relevance=False
    )
    with CaptureQueriesContext(connection) as queries:
        every = results.every_match_ranked()

    assert every == [story.pk for story in page]
    assert every == [in_both.pk, in_title.pk, in_teaser.pk]
    assert len(queries) == 1


def test_a_query_that_is_not_plain_text_is_not_ranked_in_the_index(stories):
    results = stories.backend.search(
        Phrase("Tag der Industrie"), TickerStoryPage.objects.all(), language_code="de"
    )
    assert results.every_match_ranked() is None


def test_the_year_and_tag_facets_read_covering_indexes(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ticker_%%_cover'"
        )
        indexes = dict(cursor.fetchall())
    assert "INCLUDE (date)" in indexes["ticker_story_date_cover"]
    assert "INCLUDE (tag_id)" in indexes["ticker_storytag_tag_cover"]
