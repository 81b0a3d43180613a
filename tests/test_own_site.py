"""A sub-alliance's own site: the story search, the suggestions and the feeds keep to it.

``found_sub_alliance --hostname`` roots a Wagtail Site at the alliance page. A request
whose Host is that site's host name sees only stories in that alliance's subtree (its
sub-alliances included, in the requested language); the default site sees every story.
"""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

from alliance_pages.choices import RegionKind
from alliance_pages.founding import FoundingRequest, found_sub_alliance
from alliance_pages.skeleton import regions_index, state_alliance, ticker_index
from alliance_pages.text import german_slugify
from alliance_pages.tree import ensure_translated_child
from tests.factories import region
from ticker.models import TickerStoryPage

pytestmark = pytest.mark.django_db

DUESSELDORF_HOST = "duesseldorf.allianz.example"
DORMAGEN_HOST = "dormagen.allianz.example"

# (ticker, German title, English title)
STORIES = (
    ("state", "Wasserstoff für das Ruhrgebiet", "Hydrogen for the Ruhr"),
    ("duesseldorf", "Grüner Stahl aus Düsseldorf", "Green steel from Düsseldorf"),
    ("dormagen", "Wasserstoffzug in Dormagen", "Hydrogen train in Dormagen"),
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
    cache.clear()


def build_world() -> dict:
    district = region(
        regions_index(), "Regierungsbezirk Düsseldorf", RegionKind.ADMINISTRATIVE_DISTRICT
    )
    state = state_alliance()
    duesseldorf = found_sub_alliance(
        FoundingRequest(
            name="Regionale Allianz Düsseldorf",
            level="regional",
            parent=state,
            region=district,
            hostname=DUESSELDORF_HOST,
        )
    ).alliance
    dormagen = found_sub_alliance(
        FoundingRequest(
            name="Lokale Allianz Dormagen",
            level="local",
            parent=duesseldorf,
            region=region(district, "Dormagen", RegionKind.TOWN),
            hostname=DORMAGEN_HOST,
        )
    ).alliance
    alliances = {"state": state, "duesseldorf": duesseldorf, "dormagen": dormagen}
    for key, title_de, title_en in STORIES:
        ensure_translated_child(
            ticker_index(alliances[key]),
            TickerStoryPage,
            german_slugify(title_de),
            {"title": title_de, "date": datetime.date(2012, 5, 4), "teaser": "Ein Werk zeigt es."},
            {"en": {"title": title_en, "teaser": "A plant shows it."}},
        )
    return alliances


def titles(client, host=None, path="/api/v3/stories/", **params):
    headers = {"HTTP_HOST": host} if host else {}
    response = client.get(path, params, **headers)
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["results"])


def test_founding_made_the_sites(world):
    sites = {site.hostname: site.root_page_id for site in Site.objects.all()}
    assert sites[DUESSELDORF_HOST] == world["duesseldorf"].pk
    assert sites[DORMAGEN_HOST] == world["dormagen"].pk
    assert Site.objects.get(is_default_site=True).root_page_id == world["state"].pk


def test_the_default_site_lists_every_story(client, world):
    assert titles(client) == sorted(title for _key, title, _en in STORIES)
    assert titles(client, "localhost", locale="en") == sorted(en for _k, _de, en in STORIES)


def test_an_own_site_lists_its_subtree_only(client, world):
    assert titles(client, DORMAGEN_HOST) == ["Wasserstoffzug in Dormagen"]
    assert titles(client, DUESSELDORF_HOST) == [
        "Grüner Stahl aus Düsseldorf",
        "Wasserstoffzug in Dormagen",
    ]


def test_an_own_site_in_english_keeps_to_the_english_subtree(client, world):
    assert titles(client, DORMAGEN_HOST, locale="en") == ["Hydrogen train in Dormagen"]


def test_search_and_filters_stay_inside_the_site(client, world):
    assert titles(client, q="Wasserstoff") == [
        "Wasserstoff für das Ruhrgebiet",
        "Wasserstoffzug in Dormagen",
    ]
    assert titles(client, DORMAGEN_HOST, q="Wasserstoff") == ["Wasserstoffzug in Dormagen"]
    # Asking for the state alliance's stories on Dormagen's site does not leave it.
    assert titles(client, DORMAGEN_HOST, alliance="allianz-pro-industrie-und-nachhaltigkeit") == [
        "Wasserstoffzug in Dormagen"
    ]
    response = client.get("/api/v3/stories/", {"q": "Wasserstoff"}, HTTP_HOST=DORMAGEN_HOST)
    assert response.json()["count"] == 1


def test_suggestions_come_from_the_site_only(client, world):
    def suggested(host=None):
        headers = {"HTTP_HOST": host} if host else {}
        response = client.get("/api/v3/stories/suggest/", {"q": "wasser"}, **headers)
        assert response.status_code == 200, response.content
        return sorted(item["text"] for item in response.json()["results"])

    assert suggested() == ["Wasserstoff für das Ruhrgebiet", "Wasserstoffzug in Dormagen"]
    assert suggested(DORMAGEN_HOST) == ["Wasserstoffzug in Dormagen"]


def test_feeds_keep_to_the_site_and_are_named_after_its_alliance(client, world):
    rss = client.get("/feeds/ticker/de/rss/", HTTP_HOST=DORMAGEN_HOST)
    assert rss.status_code == 200, rss.content
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("title") == "Industrieticker – Lokale Allianz Dormagen"
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Wasserstoffzug in Dormagen"
    ]

    document = json.loads(client.get("/feeds/ticker/en/json/", HTTP_HOST=DUESSELDORF_HOST).content)
    assert document["title"].endswith("Düsseldorf")
    assert sorted(item["title"] for item in document["items"]) == [
        "Green steel from Düsseldorf",
        "Hydrogen train in Dormagen",
    ]

    everything = ET.fromstring(client.get("/feeds/ticker/de/rss/").content).find("channel")
    assert len(everything.findall("item")) == len(STORIES)
