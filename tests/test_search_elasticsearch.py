"""The Elasticsearch backend, offline: index settings, mapping and story-search requests.

What the backend would send is compared with reviewed snapshots in ``tests/snapshots/``
(``SEARCH_SNAPSHOT_UPDATE=1`` rewrites them). Tests marked ``elasticsearch`` need a
live cluster at ``ELASTICSEARCH_URL`` and are skipped without one.
"""

import datetime
import os

import pytest
from wagtail.search.backends import get_search_backend

from alliance_pages.choices import RegionKind, Sector
from alliance_pages.models import CompanyPage, RegionPage
from alliance_pages.skeleton import companies_index, regions_index, ticker_index
from search.backends.elasticsearch9 import (
    AllianceElasticsearchBackend,
    AllianceElasticsearchMapping,
)
from search.backends.elasticsearch_analysis import (
    german_compound_parts,
    german_normalize,
)
from search.configuration import (
    ELASTICSEARCH_BACKEND,
    FALLBACK_BACKEND_NAME,
    wagtailsearch_backends,
)
from search.stories import StoryFilters, StoryOrder, search_stories
from ticker.models import TickerStoryPage

from .search_es_recording import assert_snapshot, normalise, start_recording

pytestmark = pytest.mark.django_db


@pytest.fixture(name="recording_es")
def recording_es_fixture(settings, monkeypatch):
    return start_recording(settings, monkeypatch)


def test_configuration_uses_our_backend_atomically_and_keeps_a_database_fallback():
    backends = wagtailsearch_backends("http://es:9200")
    default = backends["default"]
    assert default["BACKEND"] == ELASTICSEARCH_BACKEND == "search.backends.elasticsearch9"
    assert default["ATOMIC_REBUILD"] is True
    assert default["AUTO_UPDATE"] is False and default["UPDATE_THROUGH_QUEUE"] is True
    assert backends[FALLBACK_BACKEND_NAME]["BACKEND"].endswith("database")


def test_atomic_rebuild_setting_reaches_the_backend(recording_es):
    backend = get_search_backend()
    assert isinstance(backend, AllianceElasticsearchBackend)
    assert backend.rebuilder_class is AllianceElasticsearchBackend.atomic_rebuilder_class
    assert backend.index_prefix == "alliance_"
    # A rebuild fills a fresh index and only then moves the alias to it.
    index = backend.get_index_for_model(TickerStoryPage)
    rebuilder = backend.rebuilder_class(index)
    new_index = rebuilder.start()
    assert new_index.name.startswith("alliance_wagtailcore_page_")
    rebuilder.finish()
    calls = [name for name, _kwargs in recording_es]
    assert calls[0] == "indices.create"
    assert calls.index("indices.put_alias") > calls.index("indices.refresh")


def test_client_does_not_retry_a_timeout(recording_es):
    options = get_search_backend().es.options
    assert options["request_timeout"] == 5
    assert options["retry_on_timeout"] is False


@pytest.mark.parametrize(
    ("word", "normalised"),
    [
        ("kunststoffabfälle", "kunststoffabfalle"),
        ("kunststoffabfaelle", "kunststoffabfalle"),
        ("straße", "strasse"),
        ("duesseldorf", "dusseldorf"),
        ("quelle", "quelle"),  # "ue" after q stays
        ("blaue", "blaue"),  # "ue" after a vowel stays
    ],
)
def test_german_normalisation_matches_elasticsearch(word, normalised):
    assert german_normalize(word) == normalised


def test_compound_word_list_is_normalised_and_has_the_alliance_words():
    parts = german_compound_parts()
    assert parts == tuple(sorted(set(parts)))
    assert {"abfalle", "kunststoff", "wasserstoff", "warmepumpe", "strasse"} <= set(parts)
    assert all(len(part) >= 4 and part == german_normalize(part) for part in parts)


def test_index_settings_snapshot(recording_es):
    settings = get_search_backend().settings
    analysis = settings["settings"]["analysis"]
    assert analysis["analyzer"]["alliance_german"]["filter"][-1] == "alliance_german_stemmer"
    assert analysis["filter"]["alliance_german_decompounder"]["word_list"] == list(
        german_compound_parts()
    )
    assert_snapshot("es_index_settings.json", settings)


def test_story_mapping_snapshot():
    mapping = AllianceElasticsearchMapping(TickerStoryPage).get_mapping()
    teaser = mapping["properties"]["ticker_tickerstorypage__teaser"]
    assert teaser["analyzer"] == "alliance_folding"
    assert set(teaser["fields"]) == {"de", "en"}
    assert mapping["properties"]["_all_text"]["fields"]["de"]["analyzer"] == "alliance_german"
    assert_snapshot("es_story_mapping.json", mapping)


@pytest.fixture
def story_world(sub_alliances, locales):
    """One Düsseldorf story with a company, a region and a tag; enough to build requests."""
    region = regions_index().add_child(
        instance=RegionPage(title="Duisburg", slug="duisburg", kind=RegionKind.CITY)
    )
    company = companies_index().add_child(
        instance=CompanyPage(title="Hütte Nord AG", slug="huette-nord-ag", sector=Sector.STEEL)
    )
    story = TickerStoryPage(
        title="Wasserstoff für die Hütte",
        slug="wasserstoff-fuer-die-huette",
        teaser="Grüner Stahl aus Duisburg.",
        date=datetime.date(2024, 5, 1),
    )
    story.companies = [company]
    story.regions = [region]
    story.tags.set(["Wasserstoff"])
    ticker_index(sub_alliances["duesseldorf"]).add_child(instance=story)
    story.save_revision().publish()
    return story


def _requests(calls, *names):
    return [normalise({"call": name, **kwargs}) for name, kwargs in calls if name in names]


def test_story_search_with_filters_snapshot(recording_es, story_world):
    recording_es.clear()
    results = search_stories(
        StoryFilters(
            locale="de",
            q="Wasserstoff Duisburg",
            alliance="duesseldorf",
            tag="Wasserstoff",
            date_from=datetime.date(2024, 1, 1),
            date_to=datetime.date(2024, 12, 31),
        )
    )
    assert results.count == 0  # the recorder answers with no hits
    requests = _requests(recording_es, "search", "count")
    ranked = next(request for request in requests if request["call"] == "search")
    must = ranked["query"]["bool"]["must"]["bool"]["must"][0]["multi_match"]
    # German query: German sub-fields beside the folded ones, typo tolerance, "and".
    assert "_all_text.de" in must["fields"] and "_all_text.en" not in must["fields"]
    assert must["fuzziness"] == "AUTO" and must["operator"] == "and"
    assert ranked["highlight"]["pre_tags"] == ["<mark>"]
    # The tag filter (``id__in`` on the story type) reaches Elasticsearch as ids.
    filters = ranked["query"]["bool"]["filter"][1]["bool"]["must"]
    assert {"terms": {"id_filter": "<id_filter>"}} in filters
    assert_snapshot("es_story_search_filtered.json", requests)


def test_english_story_search_by_date_snapshot(recording_es, story_world):
    recording_es.clear()
    search_stories(
        StoryFilters(locale="en", q="hydrogen steel", order=StoryOrder.NEWEST),
        with_facets=True,
    )
    requests = _requests(recording_es, "search", "count")
    ranked = next(request for request in requests if request["call"] == "search")
    assert ranked["sort"] == [
        {"ticker_tickerstorypage__date_filter": "desc"},
        {"id_filter": "desc"},
    ]
    fields = ranked["query"]["bool"]["must"]["bool"]["must"][0]["multi_match"]["fields"]
    assert "_all_text.en" in fields and "_all_text.de" not in fields
    assert_snapshot("es_story_search_english_by_date.json", requests)


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set")
def test_live_cluster_finds_inflected_and_compound_german(settings, story_world):
    """Against a real Elasticsearch 9: German analysis finds what stock Wagtail misses."""
    settings.WAGTAILSEARCH_BACKENDS = wagtailsearch_backends(
        os.environ["ELASTICSEARCH_URL"], index_prefix="alliance_test"
    )
    backend = get_search_backend()
    index = backend.get_index_for_model(TickerStoryPage)
    index.reset()
    index.add_model(TickerStoryPage)
    backend.add(TickerStoryPage.objects.get(pk=story_world.pk))
    index.refresh()
    try:
        stories = TickerStoryPage.objects.live().filter(locale=story_world.locale)
        for query in ["Hütten", "Huette", "Wasserstof", "gruener Stahl"]:
            found = [page.pk for page in backend.search(query, stories)]
            assert found == [story_world.pk], query
    finally:
        index.delete()
