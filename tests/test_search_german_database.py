"""Compounds, spelled-out umlauts and typos on the database backends (issue 4).

The same behaviour is asked of both: run without ``DATABASE_URL`` for SQLite, with it
for PostgreSQL. What each backend does inside is tested in ``test_search_sqlite.py``
and ``test_search_postgres.py``.
"""

from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from alliance_pages.skeleton import ticker_index
from search.models import LexiconWord
from tests.factories import TickerStoryPageFactory
from ticker.models import TickerStoryPage


@pytest.fixture
def stories(state_alliance, locales):
    german_locale, english_locale = locales
    ticker = ticker_index(state_alliance)
    english_ticker = ticker.get_translation(english_locale)
    german = {
        "plastic": ("Straßenbelag aus Kunststoffabfällen", "Ein Asphalt für Nordrhein-Westfalen."),
        "battery": ("Batterierecycling in Köln", "Lithium wird zurückgewonnen."),
        "recycling": ("Recycling von Windradflügeln", "Rotorblätter werden zerkleinert."),
        "factory": ("Batteriefabrik in Münster", "Die Batterie der Zukunft kommt aus Westfalen."),
        "tram": ("Straßenbahn fährt durch Düsseldorf", "Ökostrom für die Rheinbahn."),
        "train": ("Wasserstoffzug verbindet Wuppertal", "Blue Energy aus Duisburg."),
    }
    english = {
        "hydrogen": ("Blue hydrogen for Duisburg", "Hydrogen arrives by pipeline."),
        "exports": ("Kunststoffabfall exports fall", "Fewer shipments leave the port."),
    }
    pages = SimpleNamespace()
    for name, (title, teaser) in german.items():
        setattr(pages, name, TickerStoryPageFactory(parent=ticker, title=title, teaser=teaser))
    for name, (title, teaser) in english.items():
        page = TickerStoryPageFactory(parent=english_ticker, title=title, teaser=teaser)
        setattr(pages, name, page)
    pages.backend = get_search_backend()
    pages.backend.add_bulk(TickerStoryPage, list(TickerStoryPage.objects.all()))
    pages.de = TickerStoryPage.objects.filter(locale=german_locale)
    pages.en = TickerStoryPage.objects.filter(locale=english_locale)
    return pages


def search(stories, query, language="de", **options):
    queryset = stories.de if language == "de" else stories.en
    return stories.backend.search(query, queryset, language_code=language, **options)


def found(results) -> list[int]:
    """The first page of hits, in rank order (as ``search_stories`` reads them)."""
    return [page.pk for page in results[:10]]


# --- Compounds ---------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Abfall", "Abfälle", "Abfaelle"])
def test_a_part_of_a_compound_finds_the_compound(stories, query):
    assert found(search(stories, query)) == [stories.plastic.pk]


def test_a_whole_word_in_the_title_outranks_a_compound_part(stories):
    assert found(search(stories, "Recycling")) == [stories.recycling.pk, stories.battery.pk]


def test_parts_shorter_than_four_letters_are_not_split_off(stories):
    assert found(search(stories, "Zug")) == []
    assert found(search(stories, "Wasserstoffzug")) == [stories.train.pk]


def test_only_german_pages_are_split(stories):
    assert found(search(stories, "Abfall", "en")) == []
    assert found(search(stories, "Kunststoffabfall", "en")) == [stories.exports.pk]


# --- Spelled-out umlauts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "story"),
    [
        ("Muenster", "factory"),
        ("Koeln", "battery"),
        ("Duesseldorf", "tram"),
        ("Strassenbelag", "plastic"),
        ("Strassenbahn Oekostrom", "tram"),
    ],
)
def test_spelled_out_umlauts_find_the_umlauts(stories, query, story):
    assert found(search(stories, query)) == [getattr(stories, story).pk]


def test_english_words_with_ue_still_find_themselves(stories):
    # "Blue" is no "Blü": the German query asks for both spellings.
    assert found(search(stories, "Blue")) == [stories.train.pk]
    assert found(search(stories, "blue", "en")) == [stories.hydrogen.pk]


# --- Typos -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "language", "corrected", "expected"),
    [
        # "Batterie" as a prefix: the whole word first, then Batterierecycling.
        ("Battarie", "de", "Batterie", ["factory", "battery"]),
        ("Duisbrug", "de", "Duisburg", ["train"]),
        ("Wuppertal Wassrstoffzug", "de", "Wuppertal Wasserstoffzug", ["train"]),
        ("Dusseldrof", "de", "Düsseldorf", ["tram"]),
        ("hydorgen", "en", "hydrogen", ["hydrogen"]),
    ],
)
def test_a_word_that_matches_nothing_is_corrected(stories, query, language, corrected, expected):
    results = search(stories, query, language)
    assert results.count() == len(expected)
    assert found(results) == [getattr(stories, name).pk for name in expected]
    assert results.corrected_query == corrected


def test_a_query_that_matches_is_never_corrected(stories):
    results = search(stories, "Batterie")
    assert found(results) == [stories.factory.pk, stories.battery.pk]
    assert results.corrected_query is None
    # Any word: "Battarie" would be corrected, but "Duisburg" matches already.
    either = search(stories, "Battarie Duisburg", operator="or")
    assert set(found(either)) == {stories.train.pk}
    assert either.corrected_query is None


def test_a_correction_that_finds_nothing_either_is_dropped(stories):
    # "Duisburg Batterierecycling" would find nothing: the reader's words stand.
    results = search(stories, "Duisbrug Batterierecycling")
    assert results.count() == 0 and found(results) == []
    assert results.corrected_query is None


def test_words_too_far_from_every_known_word_stay_as_typed(stories):
    results = search(stories, "Xylophon")
    assert results.count() == 0
    assert results.corrected_query is None


def test_corrections_come_from_the_readers_language(stories):
    assert search(stories, "hydorgen", "de").count() == 0


def test_a_search_that_finds_nothing_asks_the_lexicon_once(stories):
    # Both words are known, they just never meet: no correction, one lexicon query.
    results = search(stories, "Batterie Duisburg")
    with CaptureQueriesContext(connection) as queries:
        assert results.count() == 0
        assert found(results) == []
    lexicon = [query for query in queries if LexiconWord._meta.db_table in query["sql"]]
    assert len(lexicon) == 1
    assert len(queries) == 3  # the count, the lexicon, the (empty) page


def test_a_search_that_finds_something_never_asks_the_lexicon(stories):
    with CaptureQueriesContext(connection) as queries:
        assert found(search(stories, "Duisburg")) == [stories.train.pk]
    assert not [query for query in queries if LexiconWord._meta.db_table in query["sql"]]


def test_callers_reading_the_queryset_ask_for_the_correction(stories):
    results = search(stories, "Battarie", order_by_relevance=False)
    assert list(results.get_queryset()) == []
    assert results.correct_typos() is True
    assert results.corrected_query == "Batterie"
    corrected = set(results.get_queryset().values_list("pk", flat=True))
    assert corrected == {stories.factory.pk, stories.battery.pk}
    # Once per search.
    assert results.correct_typos() is False


# --- The lexicon -------------------------------------------------------------------


def test_the_lexicon_holds_the_words_of_live_pages_per_language(stories):
    words = dict(LexiconWord.objects.filter(language="de").values_list("word", "spelling"))
    assert words["dusseldorf"] == "düsseldorf"
    assert words["strassenbelag"] == "straßenbelag"
    assert "hydrogen" not in words
    assert LexiconWord.objects.filter(language="en", word="hydrogen").exists()


def test_drafts_add_no_words(stories, state_alliance):
    draft = TickerStoryPageFactory(
        parent=ticker_index(state_alliance), title="Geheimprojekt Quantenstahl", live=False
    )
    stories.backend.add(draft)
    assert not LexiconWord.objects.filter(word="geheimprojekt").exists()


def test_update_index_rebuilds_the_lexicon(stories):
    stories.exports.delete()
    assert LexiconWord.objects.filter(word="shipments").exists()
    call_command("update_index", verbosity=0)
    assert not LexiconWord.objects.filter(word="shipments").exists()
    assert LexiconWord.objects.filter(language="en", word="hydrogen").exists()
