"""SQLite FTS5 search: folded German spellings, prefix matching, ranking in one query.

The pure functions are tested everywhere; the index and the searches only on SQLite.
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from alliance_pages.skeleton import ticker_index
from search.backends.fts5 import match_string, search_words
from search.backends.words import fold, prefix_of
from tests.factories import TickerStoryPageFactory
from ticker.models import TickerStoryPage

only_on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite FTS5 backend; runs without DATABASE_URL"
)


@pytest.mark.parametrize(
    ("spelling", "folded"),
    [
        ("Düsseldorf", "dusseldorf"),
        ("Duesseldorf", "dusseldorf"),
        ("Dusseldorf", "dusseldorf"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("Kunststoffabfälle", "kunststoffabfalle"),
        ("Öl", "ol"),
        ("Oel", "ol"),
        ("Café", "cafe"),
    ],
)
def test_fold_makes_german_spellings_one(spelling, folded):
    assert fold(spelling) == folded


def test_words_lose_one_ending_and_short_words_match_whole():
    assert prefix_of("innovationen") == "innovation"
    assert prefix_of("batteries") == "batter"
    assert prefix_of("battery") == "batter"
    assert prefix_of("kunststoffabfalle") == "kunststoffabfall"
    assert prefix_of("wasserstoff") == "wasserstoff"
    assert prefix_of("tag") is None
    # The stem keeps four letters: "Hafen" becomes "hafe", not "haf".
    assert prefix_of("hafen") == "hafe"


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    assert search_words("Tag der Industrie") == ["tag", "industrie"]
    assert search_words("the and") == ["the", "and"]
    assert search_words('Wasserstoff "Duisburg') == ["wasserstoff", "duisburg"]


def test_match_string_quotes_every_word():
    assert match_string(["tag", "industrie"], "and") == '{title body} : ("tag" AND "industri"*)'
    assert match_string(["tag", "industrie"], "or", prefixes=False) == (
        '{title body} : ("tag" OR "industrie")'
    )


@pytest.fixture
def stories(state_alliance, locales):
    german_locale, _english = locales
    ticker = ticker_index(state_alliance)
    pages = SimpleNamespace(
        steel=TickerStoryPageFactory(
            parent=ticker,
            title="Stahl aus Duisburg",
            teaser="Straßenbahnen in Düsseldorf fahren mit Ökostrom.",
        ),
        trader=TickerStoryPageFactory(
            parent=ticker, title="Stahlhandel in Essen", teaser="Ein Großhändler liefert aus."
        ),
        innovation=TickerStoryPageFactory(
            parent=ticker,
            title="Innovationen im Chempark",
            teaser="Kunststoffabfällen wird ein neues Leben gegeben.",
        ),
    )
    backend = get_search_backend()
    backend.add_bulk(TickerStoryPage, [pages.steel, pages.trader, pages.innovation])
    pages.backend = backend
    pages.german = TickerStoryPage.objects.filter(locale=german_locale)
    return pages


def ranked(stories, query: str) -> list[int]:
    return [page.pk for page in stories.backend.search(query, stories.german)[:10]]


@only_on_sqlite
def test_the_index_holds_folded_text_with_boosted_fields_in_the_title_column(stories):
    entry = IndexEntry.objects.get(object_id=str(stories.steel.pk))
    assert entry.title == "stahl aus duisburg strassenbahnen in dusseldorf fahren mit okostrom."
    assert "Düsseldorf" not in entry.body


@only_on_sqlite
@pytest.mark.parametrize("query", ["Düsseldorf", "Duesseldorf", "Dusseldorf", "Strassenbahn"])
def test_every_spelling_finds_the_story(stories, query):
    assert ranked(stories, query) == [stories.steel.pk]


@only_on_sqlite
@pytest.mark.parametrize("query", ["Innovation", "Innovationen", "Kunststoffabfälle"])
def test_inflected_forms_find_the_story(stories, query):
    assert ranked(stories, query) == [stories.innovation.pk]


@only_on_sqlite
def test_a_whole_word_outranks_a_prefix(stories):
    assert ranked(stories, "Stahl") == [stories.steel.pk, stories.trader.pk]


@only_on_sqlite
def test_a_page_of_ranked_results_takes_one_full_text_query(stories):
    with CaptureQueriesContext(connection) as queries:
        found = list(stories.backend.search("Stahl", stories.german)[:2])
    assert [page.pk for page in found] == [stories.steel.pk, stories.trader.pk]
    assert len(queries) == 2  # the ranked ids, then the pages
    # The match, and the bonuses for whole words anywhere and in the title.
    assert queries[0]["sql"].count(" MATCH ") == 3


@only_on_sqlite
def test_counts_and_unranked_searches_agree(stories):
    results = stories.backend.search("Stahl", stories.german, order_by_relevance=False)
    assert results.count() == 2
    assert {page.pk for page in results} == {stories.steel.pk, stories.trader.pk}


@only_on_sqlite
def test_autocomplete_folds_too(stories):
    found = stories.backend.autocomplete("dussel", stories.german)
    assert [page.pk for page in found] == []  # autocomplete reads titles only
    found = stories.backend.autocomplete("duisb", stories.german)
    assert [page.pk for page in found] == [stories.steel.pk]


@only_on_sqlite
def test_the_match_stands_alone_in_the_innermost_subquery(stories):
    # Joined to the index entries there, SQLite reruns the match once per entry: the
    # facets of a 10,000-story search took seconds instead of milliseconds.
    results = stories.backend.search("Stahl", stories.german, order_by_relevance=False)
    sql = str(results.get_queryset().query)
    innermost = sql[sql.rindex("SELECT") :]
    assert " MATCH " in innermost
    assert "JOIN" not in innermost


@only_on_sqlite
def test_german_pages_hold_their_compound_parts_in_the_body(stories, state_alliance, locales):
    _german, english_locale = locales
    english = TickerStoryPageFactory(
        parent=ticker_index(state_alliance).get_translation(english_locale),
        title="Kunststoffabfälle exported",
    )
    stories.backend.add(english)
    entry = IndexEntry.objects.get(object_id=str(stories.innovation.pk))
    # "Chempark" and "Kunststoffabfällen": their parts, folded, in the body column.
    assert entry.body.split() == ["park", "kunststoff", "stoff", "abfalle"]
    assert IndexEntry.objects.get(object_id=str(english.pk)).body == ""


@only_on_sqlite
def test_typos_are_corrected_from_the_words_that_share_the_first_two_letters(stories):
    corrected = stories.backend.search("Dusseldrof", stories.german)
    assert [page.pk for page in corrected[:10]] == [stories.steel.pk]
    assert corrected.corrected_query == "Düsseldorf"
    # A typo in the first two letters is beyond the candidates SQLite looks at.
    second_letter = stories.backend.search("Dsuseldorf", stories.german)
    assert second_letter.count() == 0
    assert second_letter.corrected_query is None
