"""``/api/v3/stories/`` and ``/api/v3/stories/suggest/``: the public story search.

A small ticker world is built once for the module (seven German stories, four of them
translated, in the state, Düsseldorf and Dormagen tickers) and removed afterwards. The
expected counts below are written out by hand from the table in ``STORIES``.
"""

import datetime
import json
from dataclasses import dataclass

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import APIToken, Page, PageViewRestriction

from alliance_pages.choices import RegionKind, Sector
from alliance_pages.models import CompanyPage, RegionPage
from alliance_pages.skeleton import (
    companies_index,
    content_locales,
    regions_index,
    state_alliance,
    ticker_index,
)
from alliance_pages.text import german_slugify
from alliance_pages.translation import publish_translation
from search.stories import fold, highlight
from ticker.models import TickerStoryPage

STORIES_URL = "/api/v3/stories/"
SUGGEST_URL = "/api/v3/stories/suggest/"

# Each test runs in a transaction on top of the module's ticker world.
pytestmark = pytest.mark.django_db

# (key, parent key, German title, kind, English title or None for "not translated")
REGIONS = [
    ("nrw", None, "Nordrhein-Westfalen", RegionKind.STATE, "North Rhine-Westphalia"),
    (
        "rb_duesseldorf",
        "nrw",
        "Regierungsbezirk Düsseldorf",
        RegionKind.ADMINISTRATIVE_DISTRICT,
        "Düsseldorf Government Region",
    ),
    ("neuss", "rb_duesseldorf", "Rhein-Kreis Neuss", RegionKind.DISTRICT, "Rhine District Neuss"),
    ("dormagen", "neuss", "Dormagen", RegionKind.TOWN, "Dormagen"),
    ("duisburg", "rb_duesseldorf", "Duisburg", RegionKind.CITY, "Duisburg"),
    (
        "rb_koeln",
        "nrw",
        "Regierungsbezirk Köln",
        RegionKind.ADMINISTRATIVE_DISTRICT,
        "Cologne Government Region",
    ),
    ("leverkusen", "rb_koeln", "Leverkusen", RegionKind.CITY, None),
]

# (key, German title, English title or None)
COMPANIES = [
    ("chempark", "Chempark Werke AG", "Chempark Works plc"),
    ("rheinstahl", "Rheinstahl GmbH", None),
    ("vestwind", "Vestwind Wasserstoff GmbH", None),
]


@dataclass(frozen=True)
class StorySpec:
    key: str
    ticker: str  # state, duesseldorf or dormagen
    title: str
    teaser: str
    date: datetime.date
    companies: tuple[str, ...]
    regions: tuple[str, ...]
    tags: tuple[str, ...]
    english: dict | None = None
    image: bool = False


STORIES = [
    StorySpec(
        "S1",
        "state",
        "Abwärme heizt 1.200 Wohnungen",
        "Chempark Werke leiten Prozesswärme in das Fernwärmenetz.",
        datetime.date(2021, 3, 1),
        ("chempark",),
        ("leverkusen",),
        ("Abwärme", "Energie"),
        english={
            "title": "Waste heat warms 1,200 homes",
            "teaser": "Chempark Works feeds process heat into the district heating network.",
            "tags": ["waste heat", "energy"],
        },
    ),
    StorySpec(
        "S2",
        "dormagen",
        "Wasserstoff aus Dormagen",
        "Eine Elektrolyse erzeugt Wasserstoff aus Windstrom.",
        datetime.date(2022, 5, 10),
        ("vestwind",),
        ("dormagen",),
        ("Wasserstoff", "Energie"),
        english={
            "title": "Hydrogen from Dormagen",
            "teaser": "An electrolyser makes hydrogen from wind power.",
            "tags": ["hydrogen", "energy"],
        },
    ),
    StorySpec(
        "S3",
        "duesseldorf",
        "Stahl ohne Kohle",
        "Rheinstahl reduziert Eisenerz mit Erdgas statt Koks.",
        datetime.date(2022, 9, 1),
        ("rheinstahl",),
        ("duisburg",),
        ("Stahl", "Klimaschutz"),
        english={
            "title": "Steel without coal",
            "teaser": "Rheinstahl reduces iron ore with natural gas instead of coke.",
            "tags": ["steel", "climate protection"],
        },
    ),
    StorySpec(
        "S4",
        "duesseldorf",
        "Kunststoffabfälle werden Leuchten",
        "Aus Verpackungsresten entstehen Leuchtenköpfe für Straßenlaternen.",
        datetime.date(2023, 1, 15),
        ("chempark",),
        ("neuss",),
        ("Kreislaufwirtschaft",),
    ),
    StorySpec(
        "S5",
        "dormagen",
        "Neue Elektrolyse in Dormagen",
        "Der zweite Elektrolyseur verdoppelt die Menge an grünem Wasserstoff.",
        datetime.date(2023, 6, 20),
        ("vestwind", "chempark"),
        ("dormagen", "neuss"),
        ("Wasserstoff",),
        english={
            "title": "New electrolyser in Dormagen",
            "teaser": "The second electrolyser doubles the amount of green hydrogen.",
            "tags": ["hydrogen"],
        },
    ),
    StorySpec(
        "S6",
        "state",
        "Energie aus Klärschlamm",
        "Ein Klärwerk gewinnt Biogas & Phosphor zurück.",
        datetime.date(2023, 11, 2),
        (),
        ("nrw",),
        ("Energie", "Kreislaufwirtschaft"),
    ),
    StorySpec(
        "S7",
        "state",
        "Grüner Stahl für Autos",
        "Rheinstahl liefert klimaneutrales Blech an Autowerke.",
        datetime.date(2024, 2, 29),
        ("rheinstahl",),
        ("duisburg", "leverkusen"),
        ("Stahl",),
        image=True,
    ),
]
SPECS = {spec.key: spec for spec in STORIES}
TAG_NAMES = {tag for spec in STORIES for tag in spec.tags} | {
    tag for spec in STORIES if spec.english for tag in spec.english["tags"]
}
IMAGE_ALT = "Blech auf einem Förderband"


def german(*keys: str) -> set[str]:
    return {SPECS[key].title for key in keys}


def english(*keys: str) -> set[str]:
    return {SPECS[key].english["title"] for key in keys}


@dataclass
class World:
    stories: dict[str, TickerStoryPage]
    regions: dict[str, RegionPage]
    companies: dict[str, CompanyPage]
    tickers: dict[str, Page]
    image: object


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def build_world(sub_alliances) -> World:
    """The regions, companies and stories of ``STORIES``, German and (partly) English."""
    _de, en = content_locales()
    regions: dict[str, RegionPage] = {}
    for key, parent_key, title, kind, english_title in REGIONS:
        parent = regions[parent_key] if parent_key else regions_index()
        regions[key] = _publish_child(
            parent, RegionPage(title=title, slug=german_slugify(title), kind=kind)
        )
        if english_title:
            publish_translation(regions[key], en, {"title": english_title})
    companies: dict[str, CompanyPage] = {}
    for key, title, english_title in COMPANIES:
        companies[key] = _publish_child(
            companies_index(),
            CompanyPage(title=title, slug=german_slugify(title), sector=Sector.CHEMICALS),
        )
        if english_title:
            publish_translation(companies[key], en, {"title": english_title})
    tickers = {
        "state": ticker_index(state_alliance()),
        "duesseldorf": ticker_index(sub_alliances["duesseldorf"]),
        "dormagen": ticker_index(sub_alliances["dormagen"]),
    }
    image = wagtail_factories.ImageFactory(
        title="Grüner Stahl", description=IMAGE_ALT, file__width=1600, file__height=900
    )
    stories: dict[str, TickerStoryPage] = {}
    for spec in STORIES:
        page = TickerStoryPage(
            title=spec.title,
            slug=german_slugify(spec.title),
            teaser=spec.teaser,
            date=spec.date,
            lead_image=image if spec.image else None,
        )
        page.companies = [companies[key] for key in spec.companies]
        page.regions = [regions[key] for key in spec.regions]
        page.tags.set(list(spec.tags))
        stories[spec.key] = _publish_child(tickers[spec.ticker], page)
        if spec.english:
            values = {"title": spec.english["title"], "teaser": spec.english["teaser"]}
            publish_translation(stories[spec.key], en, values, tags=spec.english["tags"])
    return World(stories, regions, companies, tickers, image)


def remove_world(world: World) -> None:
    pages = [*world.stories.values(), *world.companies.values(), world.regions["nrw"]]
    for page in pages:
        for translation in list(page.get_translations(inclusive=True)):
            translation.delete()
    world.image.delete()
    Tag.objects.filter(name__in=TAG_NAMES, ticker_tickerstorytag_items__isnull=True).delete()


@pytest.fixture(scope="module")
def world(sub_alliances, django_db_blocker):
    with django_db_blocker.unblock():
        built = build_world(sub_alliances)
    yield built
    with django_db_blocker.unblock():
        remove_world(built)


def stories(client, **params):
    response = client.get(STORIES_URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(payload) -> list[str]:
    return [result["title"] for result in payload["results"]]


def facet(payload, name) -> list[tuple[str, str, int]]:
    return [(value["value"], value["label"], value["count"]) for value in payload["facets"][name]]


# --- Listing and fields --------------------------------------------------------------


def test_lists_live_stories_newest_first(client, world):
    payload = stories(client)
    assert payload["count"] == 7
    assert titles(payload) == [
        "Grüner Stahl für Autos",
        "Energie aus Klärschlamm",
        "Neue Elektrolyse in Dormagen",
        "Kunststoffabfälle werden Leuchten",
        "Stahl ohne Kohle",
        "Wasserstoff aus Dormagen",
        "Abwärme heizt 1.200 Wohnungen",
    ]


def test_story_has_every_field(client, world):
    result = stories(client, limit=1)["results"][0]
    page = world.stories["S7"]
    image = result.pop("image")
    assert result == {
        "id": page.pk,
        "title": "Grüner Stahl für Autos",
        "teaser": "Rheinstahl liefert klimaneutrales Blech an Autowerke.",
        "date": "2024-02-29",
        "url": page.get_full_url(),
        "locale": "de",
        "companies": [{"slug": "rheinstahl-gmbh", "title": "Rheinstahl GmbH"}],
        "regions": [
            {"slug": "duisburg", "title": "Duisburg"},
            {"slug": "leverkusen", "title": "Leverkusen"},
        ],
        "tags": ["Stahl"],
        "alliance": {
            "slug": "allianz-pro-industrie-und-nachhaltigkeit",
            "title": "Allianz pro Industrie und Nachhaltigkeit",
            "level": "state",
        },
        "snippet": None,
        "promoted": False,
    }
    assert result["url"].startswith("http") and result["url"].endswith(
        "/industrieticker/gruener-stahl-fuer-autos/"
    )
    assert image["width"] == 800 and image["height"] == 450
    assert image["url"].startswith("http") and "fill-800x450" in image["url"]
    assert image["alt"] == IMAGE_ALT


def test_story_without_image_has_null_image_and_names_its_sub_alliance(client, world):
    result = stories(client, company="vestwind-wasserstoff-gmbh", order="date")["results"][0]
    assert result["title"] == "Wasserstoff aus Dormagen"
    assert result["image"] is None
    assert result["alliance"] == {
        "slug": "dormagen",
        "title": "Lokale Allianz Dormagen",
        "level": "local",
    }


def test_facets_count_the_whole_result_not_the_page(client, world):
    payload = stories(client, limit=1)
    assert len(payload["results"]) == 1
    assert facet(payload, "years") == [
        ("2024", "2024", 1),
        ("2023", "2023", 3),
        ("2022", "2022", 2),
        ("2021", "2021", 1),
    ]
    assert facet(payload, "tags") == [
        ("Energie", "Energie", 3),
        ("Kreislaufwirtschaft", "Kreislaufwirtschaft", 2),
        ("Stahl", "Stahl", 2),
        ("Wasserstoff", "Wasserstoff", 2),
        ("Abwärme", "Abwärme", 1),
        ("Klimaschutz", "Klimaschutz", 1),
    ]
    assert facet(payload, "companies") == [
        ("chempark-werke-ag", "Chempark Werke AG", 3),
        ("rheinstahl-gmbh", "Rheinstahl GmbH", 2),
        ("vestwind-wasserstoff-gmbh", "Vestwind Wasserstoff GmbH", 2),
    ]
    # A story counts for its regions and every region above them.
    assert facet(payload, "regions") == [
        ("nordrhein-westfalen", "Nordrhein-Westfalen", 7),
        ("regierungsbezirk-duesseldorf", "Regierungsbezirk Düsseldorf", 5),
        ("rhein-kreis-neuss", "Rhein-Kreis Neuss", 3),
        ("dormagen", "Dormagen", 2),
        ("duisburg", "Duisburg", 2),
        ("leverkusen", "Leverkusen", 2),
        ("regierungsbezirk-koeln", "Regierungsbezirk Köln", 2),
    ]


def test_facets_follow_the_filters(client, world):
    payload = stories(client, alliance="duesseldorf")
    assert facet(payload, "years") == [("2023", "2023", 2), ("2022", "2022", 2)]
    assert facet(payload, "companies") == [
        ("chempark-werke-ag", "Chempark Werke AG", 2),
        ("vestwind-wasserstoff-gmbh", "Vestwind Wasserstoff GmbH", 2),
        ("rheinstahl-gmbh", "Rheinstahl GmbH", 1),
    ]


def test_region_facet_count_is_what_its_filter_finds(client, world):
    for value, _label, count in facet(stories(client), "regions"):
        assert stories(client, region=value)["count"] == count, value


# --- Filters -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Regions include the regions below them.
        ({"region": "dormagen"}, german("S2", "S5")),
        ({"region": "rhein-kreis-neuss"}, german("S2", "S4", "S5")),
        ({"region": "regierungsbezirk-duesseldorf"}, german("S2", "S3", "S4", "S5", "S7")),
        ({"region": "regierungsbezirk-koeln"}, german("S1", "S7")),
        ({"region": "nordrhein-westfalen"}, german("S1", "S2", "S3", "S4", "S5", "S6", "S7")),
        ({"company": "chempark-werke-ag"}, german("S1", "S4", "S5")),
        ({"company": "rheinstahl-gmbh"}, german("S3", "S7")),
        ({"tag": "Energie"}, german("S1", "S2", "S6")),
        ({"tag": "energie"}, german("S1", "S2", "S6")),  # the tag's slug
        ({"tag": "Kreislaufwirtschaft"}, german("S4", "S6")),
        # Alliances include their sub-alliances.
        ({"alliance": "dormagen"}, german("S2", "S5")),
        ({"alliance": "duesseldorf"}, german("S2", "S3", "S4", "S5")),
        (
            {"alliance": "allianz-pro-industrie-und-nachhaltigkeit"},
            german("S1", "S2", "S3", "S4", "S5", "S6", "S7"),
        ),
        ({"date_from": "2023-01-01"}, german("S4", "S5", "S6", "S7")),
        ({"date_to": "2022-12-31"}, german("S1", "S2", "S3")),
        ({"date_from": "2022-01-01", "date_to": "2022-12-31"}, german("S2", "S3")),
        ({"date_from": "2024-02-29", "date_to": "2024-02-29"}, german("S7")),
        ({"region": "regierungsbezirk-duesseldorf", "tag": "Stahl"}, german("S3", "S7")),
        ({"alliance": "duesseldorf", "company": "chempark-werke-ag"}, german("S4", "S5")),
        ({"q": "Wasserstoff"}, german("S2", "S5")),
        ({"q": "Wasserstoff", "alliance": "dormagen", "date_from": "2023-01-01"}, german("S5")),
    ],
)
def test_filters(client, world, params, expected):
    payload = stories(client, **params)
    assert set(titles(payload)) == expected
    assert payload["count"] == len(expected)


def test_unknown_tag_finds_nothing_instead_of_failing(client, world):
    """Tags are free words per language: a feed may be subscribed before its first story."""
    payload = stories(client, tag="Gibt es nicht")
    assert payload["count"] == 0
    assert payload["results"] == []
    assert payload["facets"] == {"regions": [], "companies": [], "tags": [], "years": []}


def test_order_by_date_both_ways(client, world):
    assert titles(stories(client, order="date", limit=3)) == [
        "Abwärme heizt 1.200 Wohnungen",
        "Wasserstoff aus Dormagen",
        "Stahl ohne Kohle",
    ]
    assert titles(stories(client, order="-date", limit=2)) == [
        "Grüner Stahl für Autos",
        "Energie aus Klärschlamm",
    ]
    assert titles(stories(client, q="Wasserstoff", order="date")) == [
        "Wasserstoff aus Dormagen",
        "Neue Elektrolyse in Dormagen",
    ]
    assert titles(stories(client, q="Wasserstoff", order="-date")) == [
        "Neue Elektrolyse in Dormagen",
        "Wasserstoff aus Dormagen",
    ]


def test_relevance_is_the_default_with_q(client, world):
    relevance = titles(stories(client, q="Wasserstoff", order="relevance"))
    assert titles(stories(client, q="Wasserstoff")) == relevance
    assert set(relevance) == german("S2", "S5")


def test_limit_and_offset_page_through_the_result(client, world):
    payload = stories(client, limit=2, offset=1)
    assert payload["count"] == 7
    assert titles(payload) == ["Energie aus Klärschlamm", "Neue Elektrolyse in Dormagen"]
    assert stories(client, offset=7)["results"] == []
    assert len(stories(client, limit=100)["results"]) == 7


def test_snippet_marks_the_matched_words(client, world):
    payload = stories(client, q="wasserstoff", order="date")
    assert [result["snippet"] for result in payload["results"]] == [
        "Eine Elektrolyse erzeugt <mark>Wasserstoff</mark> aus Windstrom.",
        "Der zweite Elektrolyseur verdoppelt die Menge an grünem <mark>Wasserstoff</mark>.",
    ]


def test_snippet_escapes_html_and_ignores_case_and_umlauts():
    assert highlight("DUSSELDORF", "Werk in <Düsseldorf> & Neuss") == (
        "Werk in &lt;<mark>Düsseldorf</mark>&gt; &amp; Neuss"
    )
    # A word that starts with the term is marked whole: stemming finds it too.
    assert highlight("Kunststoff", "Kunststoffe aus Zucker") == (
        "<mark>Kunststoffe</mark> aus Zucker"
    )
    # The first text with a match is used; without any match, the first text, unmarked.
    assert highlight("Koks", "Kein Treffer", "Erdgas statt Koks") == (
        "Erdgas statt <mark>Koks</mark>"
    )
    assert highlight("Zebra", "Kein <Treffer>") == "Kein &lt;Treffer&gt;"
    # Spelled-out umlauts find the umlaut (search.backends.words.with_umlauts), and are
    # marked there; "ue" that is no umlaut still marks itself.
    assert highlight("Muenster", "Batteriezellen aus Münster") == (
        "Batteriezellen aus <mark>Münster</mark>"
    )
    assert highlight("blue", "A blue hydrogen plant") == "A <mark>blue</mark> hydrogen plant"
    assert fold("Düsseldorf Straße") == "dusseldorf straße"


def test_snippet_of_a_long_text_is_cut_around_the_match():
    text = "Vorwort " * 60 + "hier steht Wasserstoff im Text " + "Nachwort " * 60
    snippet = highlight("Wasserstoff", text, length=80)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>Wasserstoff</mark>" in snippet
    assert len(snippet) < 80 + len("<mark></mark>") + 2


# --- English -------------------------------------------------------------------------


def test_english_stories_have_english_titles_tags_and_localised_names(client, world):
    payload = stories(client, locale="en", order="date")
    assert payload["count"] == 4
    assert titles(payload) == [
        "Waste heat warms 1,200 homes",
        "Hydrogen from Dormagen",
        "Steel without coal",
        "New electrolyser in Dormagen",
    ]
    first, _second, third, fourth = payload["results"]
    assert first["locale"] == "en"
    assert first["url"].endswith("/en/industry-ticker/waste-heat-warms-1200-homes/")
    assert first["tags"] == ["energy", "waste heat"]
    # Translated names in English, under their German slugs; untranslated ones in German.
    assert first["companies"] == [{"slug": "chempark-werke-ag", "title": "Chempark Works plc"}]
    assert first["regions"] == [{"slug": "leverkusen", "title": "Leverkusen"}]
    assert third["companies"] == [{"slug": "rheinstahl-gmbh", "title": "Rheinstahl GmbH"}]
    assert fourth["regions"] == [
        {"slug": "dormagen", "title": "Dormagen"},
        {"slug": "rhein-kreis-neuss", "title": "Rhine District Neuss"},
    ]
    assert fourth["alliance"] == {
        "slug": "dormagen",
        "title": "Local alliance Dormagen",
        "level": "local",
    }
    assert facet(payload, "tags") == [
        ("energy", "energy", 2),
        ("hydrogen", "hydrogen", 2),
        ("climate protection", "climate protection", 1),
        ("steel", "steel", 1),
        ("waste heat", "waste heat", 1),
    ]
    assert facet(payload, "companies") == [
        ("chempark-werke-ag", "Chempark Works plc", 2),
        ("vestwind-wasserstoff-gmbh", "Vestwind Wasserstoff GmbH", 2),
        ("rheinstahl-gmbh", "Rheinstahl GmbH", 1),
    ]
    assert facet(payload, "regions") == [
        ("nordrhein-westfalen", "North Rhine-Westphalia", 4),
        ("regierungsbezirk-duesseldorf", "Düsseldorf Government Region", 3),
        ("dormagen", "Dormagen", 2),
        ("rhein-kreis-neuss", "Rhine District Neuss", 2),
        ("regierungsbezirk-koeln", "Cologne Government Region", 1),
        ("duisburg", "Duisburg", 1),
        ("leverkusen", "Leverkusen", 1),
    ]
    assert facet(payload, "years") == [
        ("2023", "2023", 1),
        ("2022", "2022", 2),
        ("2021", "2021", 1),
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "rhein-kreis-neuss"}, english("S2", "S5")),
        ({"alliance": "duesseldorf"}, english("S2", "S3", "S5")),
        ({"company": "chempark-werke-ag"}, english("S1", "S5")),
        ({"tag": "hydrogen"}, english("S2", "S5")),
        ({"tag": "Wasserstoff"}, set()),  # German tags belong to German stories
        ({"q": "hydrogen"}, english("S2", "S5")),
        ({"date_from": "2022-06-01"}, english("S3", "S5")),
    ],
)
def test_english_filters_use_german_slugs_and_english_tags(client, world, params, expected):
    assert set(titles(stories(client, locale="en", **params))) == expected


# --- Bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"locale": "fr"}, "locale"),
        ({"locale": ""}, "locale"),
        ({"date_from": "2012-13-01"}, "date_from"),
        ({"date_from": "04.05.2012"}, "date_from"),
        ({"date_to": "gestern"}, "date_to"),
        ({"date_to": "2023-02-29"}, "date_to"),
        ({"date_from": "2024-01-01", "date_to": "2023-01-01"}, "date_to"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"limit": "zehn"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "1.5"}, "offset"),
        ({"region": "gibt-es-nicht"}, "region"),
        ({"region": "kein slug!"}, "region"),
        ({"company": "gibt-es-nicht"}, "company"),
        ({"alliance": "gibt-es-nicht"}, "alliance"),
        ({"q": "x" * 201}, "q"),
        ({"q": "Wasser\x00stoff"}, "q"),
        ({"tag": "x" * 101}, "tag"),
        ({"order": "title"}, "order"),
        ({"order": "relevance"}, "order"),  # relevance to nothing
    ],
)
def test_bad_input_is_a_422_naming_the_parameter(client, world, params, parameter):
    response = client.get(STORIES_URL, params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422
    assert [error["loc"] for error in body["errors"]] == [["query", parameter]]
    assert all(error["msg"] for error in body["errors"])


def test_a_region_that_is_not_live_is_unknown(client, world):
    draft = RegionPage(title="Entwurfsdorf", slug="entwurfsdorf", kind=RegionKind.TOWN, live=False)
    world.regions["nrw"].add_child(instance=draft)
    response = client.get(STORIES_URL, {"region": "entwurfsdorf"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "region"]


def test_draft_and_private_names_never_show_and_a_draft_town_counts_above(client, world):
    """A live story names a draft company, a company in a private section and a draft
    town below Dormagen: none of them shows, on the story or in a facet, and the draft
    town still counts the story for Dormagen and the regions above, as filtering by
    them finds it."""
    draft_company = CompanyPage(
        title="Schattenwerk GmbH", slug="schattenwerk-gmbh", sector=Sector.STEEL, live=False
    )
    companies_index().add_child(instance=draft_company)
    private_company = _publish_child(
        companies_index(),
        CompanyPage(title="Tresorwerk GmbH", slug="tresorwerk-gmbh", sector=Sector.STEEL),
    )
    PageViewRestriction.objects.create(
        page=private_company, restriction_type=PageViewRestriction.LOGIN
    )
    draft_town = RegionPage(
        title="Nebelhausen", slug="nebelhausen", kind=RegionKind.TOWN, live=False
    )
    world.regions["dormagen"].add_child(instance=draft_town)
    story = TickerStoryPage(
        title="Meldung Schneeleopard",
        slug="meldung-schneeleopard",
        teaser="Ein Schneeleopard im Werk.",
        date=datetime.date(2022, 5, 1),
    )
    story.companies = [draft_company, private_company]
    story.regions = [draft_town]
    _publish_child(world.tickers["state"], story)

    for q in ["Schneeleopard", "Schneeleoparden"]:
        payload = client.get(STORIES_URL, {"q": q}).json()
        [hit] = payload["results"]
        assert hit["companies"] == [] and hit["regions"] == []
        assert payload["facets"]["companies"] == []
        regions = {value["value"]: value["count"] for value in payload["facets"]["regions"]}
        above = [world.regions[key].slug for key in ("dormagen", "neuss", "rb_duesseldorf", "nrw")]
        assert regions == dict.fromkeys(above, 1)
    for slug in regions:
        found = client.get(STORIES_URL, {"q": "Schneeleopard", "region": slug}).json()
        assert found["count"] == 1, slug


@pytest.mark.parametrize(
    "q", ['"', "'", "*", "(", "Wasser)", "AND", "OR NOT", "-Stahl", "a:b", "\\", "%", "_", "🙂"]
)
def test_search_syntax_never_fails(client, world, q):
    assert client.get(STORIES_URL, {"q": q}).status_code == 200
    assert client.get(SUGGEST_URL, {"q": q}).status_code == 200


# --- Suggestions ---------------------------------------------------------------------


def suggestions(client, **params) -> list[tuple[str, str]]:
    response = client.get(SUGGEST_URL, params)
    assert response.status_code == 200, response.content
    return [(item["text"], item["kind"]) for item in response.json()["results"]]


@pytest.mark.parametrize("q", ["duess", "Düss", "DUS", "düsseldorf"])
def test_suggest_ignores_case_and_umlauts(client, world, q):
    assert ("Regierungsbezirk Düsseldorf", "region") in suggestions(client, q=q)


def test_suggest_completes_companies_regions_tags_and_titles(client, world):
    assert suggestions(client, q="chem") == [("Chempark Werke AG", "company")]
    found = suggestions(client, q="wasser")
    assert ("Wasserstoff", "tag") in found
    assert ("Vestwind Wasserstoff GmbH", "company") in found
    assert ("Wasserstoff aus Dormagen", "story") in found
    assert ("Rhein-Kreis Neuss", "region") in suggestions(client, q="neu")
    assert suggestions(client, q="xylophon") == []


def test_suggest_in_english(client, world):
    assert suggestions(client, q="chem", locale="en") == [("Chempark Works plc", "company")]
    found = suggestions(client, q="hydro", locale="en")
    assert ("hydrogen", "tag") in found
    assert ("Hydrogen from Dormagen", "story") in found
    assert ("Wasserstoff", "tag") not in suggestions(client, q="wasser", locale="en")


def test_suggest_gives_at_most_ten(client, world):
    parent = world.tickers["state"]
    for number in range(15):
        page = TickerStoryPage(
            title=f"Zinkhütte {number}", slug=f"zinkhuette-{number}", teaser="Zink."
        )
        page.tags.add(f"Zink {number}")
        _publish_child(parent, page)
    found = suggestions(client, q="zink")
    assert len(found) == 10
    assert {kind for _text, kind in found} == {"tag", "story"}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({}, "q"), ({"q": ""}, "q"), ({"q": "x" * 101}, "q"), ({"q": "a", "locale": "fr"}, "locale")],
)
def test_suggest_bad_input_is_a_422(client, world, params, parameter):
    response = client.get(SUGGEST_URL, params)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["errors"]] == [["query", parameter]]


# --- Nothing unpublished, no draft, nothing private ----------------------------------

SECRETS = ["Zebrafink", "Entwurfsmarke", "Geheimwerk", "Quokka", "Wombat"]


@pytest.fixture
def hidden_stories(world):
    """A live story with a newer draft, an unpublished story and a private story.

    Each carries words and names found nowhere else; none may show anywhere public.
    """
    ticker = world.tickers["state"]
    geheimwerk = _publish_child(
        companies_index(),
        CompanyPage(title="Geheimwerk GmbH", slug="geheimwerk-gmbh", sector=Sector.STEEL),
    )
    quokka_company = _publish_child(
        companies_index(),
        CompanyPage(title="Quokka Chemie GmbH", slug="quokka-chemie-gmbh", sector=Sector.STEEL),
    )
    wombat_company = _publish_child(
        companies_index(),
        CompanyPage(title="Wombat Werke GmbH", slug="wombat-werke-gmbh", sector=Sector.STEEL),
    )

    drafted = _publish_child(
        ticker,
        TickerStoryPage(
            title="Sichtbare Meldung Okapi",
            slug="sichtbare-meldung-okapi",
            teaser="Der veröffentlichte Text.",
            date=datetime.date(2020, 1, 1),
        ),
    )
    drafted.title = "Geheimer Entwurf Zebrafink"
    drafted.teaser = "Zebrafink im Entwurf."
    drafted.companies = [geheimwerk]
    drafted.tags.add("Entwurfsmarke")
    drafted.save_revision()

    unpublished = TickerStoryPage(
        title="Unveröffentlichte Meldung Quokka",
        slug="unveroeffentlichte-meldung-quokka",
        teaser="Quokka noch nicht freigegeben.",
        date=datetime.date(2020, 1, 2),
        live=False,
    )
    unpublished.companies = [quokka_company]
    unpublished.tags.add("Quokkamarke")
    ticker.add_child(instance=unpublished)
    unpublished.save_revision()

    private = TickerStoryPage(
        title="Private Meldung Wombat",
        slug="private-meldung-wombat",
        teaser="Wombat nur mit Passwort.",
        date=datetime.date(2020, 1, 3),
    )
    private.companies = [wombat_company]
    private.tags.add("Wombatmarke")
    private = _publish_child(ticker, private)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return drafted


def public_texts(client, headers=None) -> str:
    """Everything the public endpoints say, as one text, with and without searching."""
    headers = headers or {}
    texts = []
    for params in [{"limit": 100}, *({"q": word, "limit": 100} for word in SECRETS)]:
        for locale in ["de", "en"]:
            response = client.get(STORIES_URL, {**params, "locale": locale}, headers=headers)
            assert response.status_code == 200
            texts.append(response.content.decode())
    for word in [*SECRETS, "Geheim", "Unver", "Priv", "Entw"]:
        response = client.get(SUGGEST_URL, {"q": word}, headers=headers)
        assert response.status_code == 200
        texts.append(response.content.decode())
    for kind in ["rss", "atom", "json"]:
        response = client.get(f"/feeds/ticker/de/{kind}/", {"limit": 100}, headers=headers)
        assert response.status_code == 200
        texts.append(response.content.decode())
        # A searched feed repeats the search in its own URL; it must find nothing.
        for word in SECRETS:
            response = client.get("/feeds/ticker/de/json/", {"q": word}, headers=headers)
            assert response.json()["items"] == []
    return json.dumps(texts, ensure_ascii=False)


def test_drafts_unpublished_and_private_stories_never_show(client, world, hidden_stories):
    everything = public_texts(client)
    for secret in SECRETS:
        assert secret not in everything
    for name in ["Quokkamarke", "Wombatmarke", "Unveröffentlichte", "Private Meldung"]:
        assert name not in everything
    # The live version of the drafted story is there, so the test can see what it shows.
    assert "Sichtbare Meldung Okapi" in everything
    assert stories(client, q="Okapi")["count"] == 1


def test_a_bearer_token_does_not_reveal_drafts(client, world, hidden_stories, django_user_model):
    admin = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    _token, plaintext = APIToken.create_token(user=admin, name="Redaktion")
    headers = {"Authorization": f"Bearer {plaintext}"}
    # The token works: Wagtail's page API shows the admin the draft.
    draft = client.get(f"/api/v3/pages/{hidden_stories.pk}/", {"version": "draft"}, headers=headers)
    assert draft.status_code == 200 and "Zebrafink" in draft.content.decode()
    everything = public_texts(client, headers=headers)
    for secret in SECRETS:
        assert secret not in everything


# --- Query count ---------------------------------------------------------------------


@pytest.fixture
def sixty_stories(world, locales):
    """60 stories in German and 60 in English, with relations, tags and shared images.

    Made live directly, without revisions: the listing reads pages, not revisions.
    """
    de, en = locales
    images = [wagtail_factories.ImageFactory(title=f"Bild {n}") for n in range(3)]
    tickers = {"de": world.tickers["state"], "en": world.tickers["state"].get_translation(en)}
    for language, ticker in tickers.items():
        for number in range(60):
            page = TickerStoryPage(
                title=f"Serienmeldung {language} {number}",
                slug=f"serienmeldung-{number}",
                teaser="Serienmeldung über Wasserstoff.",
                date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
                live=True,
                lead_image=images[number % 3] if number % 2 else None,
            )
            page.companies = [world.companies["chempark"], world.companies["vestwind"]]
            page.regions = [world.regions["dormagen"], world.regions["leverkusen"]]
            page.tags.add(f"Serie {number % 5}", f"Folge {number}")
            ticker.add_child(instance=page)
    return tickers


def count_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(STORIES_URL, params)
    assert response.status_code == 200
    assert len(response.json()["results"]) == params["limit"]
    return len(queries)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("q", [None, "Serienmeldung"])
def test_query_count_does_not_grow_with_limit(client, sixty_stories, language, q):
    params = {"locale": language, **({"q": q} if q else {})}
    client.get(STORIES_URL, {**params, "limit": 100})  # renditions are made once, here
    counts = {limit: count_queries(client, {**params, "limit": limit}) for limit in (5, 20, 50)}
    assert counts[5] == counts[20] == counts[50], counts
    assert counts[20] <= 25, counts


# --- OpenAPI -------------------------------------------------------------------------


def test_openapi_documents_the_story_endpoints(client):
    document = client.get("/api/v3/openapi.json").json()
    listing = document["paths"]["/api/v3/stories/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in listing["parameters"]}
    assert set(parameters) == {
        "q",
        "locale",
        "region",
        "company",
        "tag",
        "alliance",
        "date_from",
        "date_to",
        "order",
        "limit",
        "offset",
    }
    for name in ["region", "company", "alliance"]:
        assert "German slug" in parameters[name]["description"]
    assert parameters["limit"]["schema"]["maximum"] == 100
    assert listing["operationId"] == "stories_list"
    assert "200" in listing["responses"]
    suggest = document["paths"]["/api/v3/stories/suggest/"]["get"]
    assert {parameter["name"] for parameter in suggest["parameters"]} == {"q", "locale"}
    schemas = document["components"]["schemas"]
    assert {"StoryListSchema", "StorySchema", "SuggestionListSchema"} <= set(schemas)
    assert "German slug" in schemas["PageRefSchema"]["properties"]["slug"]["description"]


def test_snippet_works_out_a_later_text_only_when_the_earlier_hold_no_match():
    worked_out = []

    def body() -> str:
        worked_out.append("body")
        return "Erdgas statt Koks"

    assert highlight("Koks", "Koks im Teaser", body) == "<mark>Koks</mark> im Teaser"
    assert worked_out == []
    assert highlight("Koks", "Kein Treffer", body) == "Erdgas statt <mark>Koks</mark>"
    assert worked_out == ["body"]
