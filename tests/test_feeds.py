"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the Industrieticker, per language.

The feeds take the filters of ``/api/v3/stories/``; they run on the same ticker world
as the API tests (``tests.test_api_stories.build_world``), built once for this module.
"""

import datetime
import email.utils
import json
import re
import xml.etree.ElementTree as ET

import pytest

from tests.test_api_stories import build_world, english, german, remove_world

ATOM = "{http://www.w3.org/2005/Atom}"

# Each test runs in a transaction on top of the module's ticker world.
pytestmark = pytest.mark.django_db
HUB_URL = "https://hub.example.org/"
NEWEST_FIRST = [
    "Grüner Stahl für Autos",
    "Energie aus Klärschlamm",
    "Neue Elektrolyse in Dormagen",
    "Kunststoffabfälle werden Leuchten",
    "Stahl ohne Kohle",
    "Wasserstoff aus Dormagen",
    "Abwärme heizt 1.200 Wohnungen",
]


@pytest.fixture(scope="module")
def world(sub_alliances, django_db_blocker):
    with django_db_blocker.unblock():
        built = build_world(sub_alliances)
    yield built
    with django_db_blocker.unblock():
        remove_world(built)


def feed(client, kind: str, language: str = "de", **params):
    response = client.get(f"/feeds/ticker/{language}/{kind}/", params)
    assert response.status_code == 200, response.content
    return response


def rss_items(client, language: str = "de", **params) -> list[ET.Element]:
    channel = ET.fromstring(feed(client, "rss", language, **params).content).find("channel")
    return channel.findall("item")


def atom_entries(client, language: str = "de", **params) -> list[ET.Element]:
    root = ET.fromstring(feed(client, "atom", language, **params).content)
    return root.findall(f"{ATOM}entry")


def json_items(client, language: str = "de", **params) -> list[dict]:
    return json.loads(feed(client, "json", language, **params).content)["items"]


def test_rss_has_the_required_elements(client, world):
    response = feed(client, "rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == (
        "Industrieticker – Allianz pro Industrie und Nachhaltigkeit"
    )
    assert channel.findtext("link").startswith("http")
    assert channel.findtext("description")
    assert channel.findtext("language") == "de"
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "http://testserver/feeds/ticker/de/rss/"
    assert channel.find(f"{ATOM}link[@rel='hub']") is None
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == NEWEST_FIRST
    for item in items:
        guid = item.find("guid")
        assert guid.text.startswith("tag:") and guid.get("isPermaLink") == "false"
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
        assert item.findtext("link").startswith("http")
        assert item.findtext("description")
    assert len({item.findtext("guid") for item in items}) == 7
    newest = items[0]
    assert email.utils.parsedate_to_datetime(newest.findtext("pubDate")).date().isoformat() == (
        "2024-02-29"
    )
    assert [category.text for category in newest.findall("category")] == ["Stahl"]


def test_rss_escapes_text(client, world):
    items = rss_items(client, q="Klärschlamm")
    assert items[0].findtext("description") == "Ein Klärwerk gewinnt Biogas & Phosphor zurück."


def test_atom_has_the_required_elements(client, world):
    response = feed(client, "atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id")
    assert root.findtext(f"{ATOM}title") == (
        "Industrieticker – Allianz pro Industrie und Nachhaltigkeit"
    )
    assert root.findtext(f"{ATOM}updated")
    assert root.find(f"{ATOM}author/{ATOM}name").text
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/feeds/ticker/de/atom/"
    )
    assert root.find(f"{ATOM}link[@rel='hub']") is None
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == NEWEST_FIRST
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("tag:")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")


def test_json_feed_has_the_required_members(client, world):
    response = feed(client, "json")
    assert response["Content-Type"].startswith("application/feed+json")
    document = json.loads(response.content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Industrieticker – Allianz pro Industrie und Nachhaltigkeit"
    assert document["feed_url"] == "http://testserver/feeds/ticker/de/json/"
    assert document["home_page_url"].startswith("http")
    assert document["language"] == "de"
    assert "hubs" not in document
    items = document["items"]
    assert [item["title"] for item in items] == NEWEST_FIRST
    for item in items:
        assert isinstance(item["id"], str) and item["id"].startswith("tag:")
        assert item["content_text"] or item["content_html"]
        assert item["url"].startswith("http")
        assert item["date_published"][:4].isdigit()
    assert items[0]["date_published"].startswith("2024-02-29T00:00:00")
    assert items[0]["tags"] == ["Stahl"]
    assert "fill-800x450" in items[0]["image"]


def test_the_three_feeds_agree_on_ids(client, world):
    rss = [item.findtext("guid") for item in rss_items(client)]
    atom = [entry.findtext(f"{ATOM}id") for entry in atom_entries(client)]
    assert rss == atom == [item["id"] for item in json_items(client)]


def test_feeds_advertise_the_websub_hub_when_configured(client, world, settings):
    settings.WEBSUB_HUB_URL = HUB_URL
    channel = ET.fromstring(feed(client, "rss").content).find("channel")
    assert channel.find(f"{ATOM}link[@rel='hub']").get("href") == HUB_URL
    atom = ET.fromstring(feed(client, "atom").content)
    assert atom.find(f"{ATOM}link[@rel='hub']").get("href") == HUB_URL
    document = json.loads(feed(client, "json").content)
    assert document["hubs"] == [{"type": "WebSub", "url": HUB_URL}]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "rhein-kreis-neuss"}, german("S2", "S4", "S5")),
        ({"alliance": "duesseldorf"}, german("S2", "S3", "S4", "S5")),
        ({"company": "rheinstahl-gmbh"}, german("S3", "S7")),
        ({"tag": "Energie"}, german("S1", "S2", "S6")),
        ({"date_from": "2023-01-01", "date_to": "2023-12-31"}, german("S4", "S5", "S6")),
        ({"q": "Wasserstoff"}, german("S2", "S5")),
        ({"tag": "Gibt es nicht"}, set()),
    ],
)
def test_feeds_take_the_api_filters(client, world, params, expected):
    assert {item.findtext("title") for item in rss_items(client, **params)} == expected
    assert {entry.findtext(f"{ATOM}title") for entry in atom_entries(client, **params)} == (
        expected
    )
    assert {item["title"] for item in json_items(client, **params)} == expected


def test_self_link_keeps_the_filters(client, world):
    channel = ET.fromstring(feed(client, "rss", tag="Stahl", limit="5").content).find("channel")
    href = channel.find(f"{ATOM}link[@rel='self']").get("href")
    assert href == "http://testserver/feeds/ticker/de/rss/?tag=Stahl&limit=5"


def test_a_feed_is_newest_first_even_when_searching(client, world):
    titles = [item.findtext("title") for item in rss_items(client, q="Wasserstoff")]
    assert titles == ["Neue Elektrolyse in Dormagen", "Wasserstoff aus Dormagen"]
    titles = [item.findtext("title") for item in rss_items(client, order="date", limit="2")]
    assert titles == ["Abwärme heizt 1.200 Wohnungen", "Wasserstoff aus Dormagen"]


def test_a_feed_of_an_alliance_is_named_after_it(client, world):
    root = ET.fromstring(feed(client, "atom", "en", alliance="dormagen").content)
    assert root.findtext(f"{ATOM}title") == "Industry ticker – Local alliance Dormagen"
    assert {entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")} == (
        english("S2", "S5")
    )


def test_english_feeds(client, world):
    channel = ET.fromstring(feed(client, "rss", "en").content).find("channel")
    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "Industry ticker – Alliance pro Industry and Sustainability"
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "New electrolyser in Dormagen",
        "Steel without coal",
        "Hydrogen from Dormagen",
        "Waste heat warms 1,200 homes",
    ]
    item = json_items(client, "en", region="rhein-kreis-neuss")[-1]
    assert item["title"] == "Hydrogen from Dormagen"
    assert item["tags"] == ["energy", "hydrogen"]
    assert item["url"].endswith(
        "/en/regional-alliance-duesseldorf/local-alliance-dormagen/industry-ticker/"
        "hydrogen-from-dormagen/"
    )


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"date_from": "2012-13-01"}, "date_from"),
        ({"date_from": "2024-01-01", "date_to": "2023-01-01"}, "date_to"),
        ({"region": "gibt-es-nicht"}, "region"),
        ({"alliance": "gibt-es-nicht"}, "alliance"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(client, world, kind, params, parameter):
    response = client.get(f"/feeds/ticker/de/{kind}/", params)
    assert response.status_code == 400
    body = response.json()
    assert [error["loc"] for error in body["errors"]] == [["query", parameter]]
    assert body["errors"][0]["msg"]


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
@pytest.mark.parametrize("locale", ["fr", "xx", "DE"])
def test_unknown_language_is_a_404(client, world, kind, locale):
    assert client.get(f"/feeds/ticker/{locale}/{kind}/").status_code == 404


def test_locale_in_the_query_cannot_override_the_path(client, world):
    titles = [item.findtext("title") for item in rss_items(client, "en", locale="de")]
    assert "Steel without coal" in titles and "Stahl ohne Kohle" not in titles


# RFC 3339 date-times (Atom's and JSON Feed's), RFC 822 dates (RSS), RFC 4151 tag URIs.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TAG_URI = re.compile(r"^tag:[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?,\d{4}(-\d{2}(-\d{2})?)?:\S+$")


@pytest.mark.parametrize("language", ["de", "en"])
def test_dates_ids_and_links_follow_the_specifications(client, world, language):
    channel = ET.fromstring(feed(client, "rss", language).content).find("channel")
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")).tzinfo
    for item in channel.findall("item"):
        assert TAG_URI.match(item.findtext("guid"))

    root = ET.fromstring(feed(client, "atom", language).content)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    entries = root.findall(f"{ATOM}entry")
    assert entries
    newest_update = max(entry.findtext(f"{ATOM}updated") for entry in entries)
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}updated") == newest_update
    for entry in entries:
        assert TAG_URI.match(entry.findtext(f"{ATOM}id"))
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        assert RFC3339.match(entry.findtext(f"{ATOM}published"))
        # Without atom:content an entry needs an alternate link and a summary (RFC 4287 4.1.2).
        assert entry.find(f"{ATOM}content") is None
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("http")
        assert entry.find(f"{ATOM}summary").text
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == len(entries)

    document = json.loads(feed(client, "json", language).content)
    assert set(document) >= {"version", "title", "items"}
    for item in document["items"]:
        assert TAG_URI.match(item["id"])
        assert RFC3339.match(item["date_published"])
        assert RFC3339.match(item["date_modified"])
        modified = datetime.datetime.fromisoformat(item["date_modified"])
        assert modified >= datetime.datetime.fromisoformat(item["date_published"])
    assert len({item["id"] for item in document["items"]}) == len(document["items"])


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_an_empty_feed_stays_the_same_so_it_keeps_its_etag(client, world, kind):
    """Django dates a feed without items "now"; ours by its ticker, so a revalidation gets 304."""
    first = feed(client, kind, tag="Gibt es nicht")
    assert feed(client, kind, tag="Gibt es nicht").content == first.content
    again = client.get(
        f"/feeds/ticker/de/{kind}/", {"tag": "Gibt es nicht"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
