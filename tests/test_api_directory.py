"""The public directory endpoints under /api/v3/ and the typed page records behind them.

One small, bilingual world is built once for the module: regions nested as in NRW,
companies with headquarters and sites, events of the state, regional and local
alliances, a few stories, and next to them a draft and a view-restricted page that
must never show.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from alliance_pages.choices import EventKind, RegionKind, Sector
from alliance_pages.models import CompanyPage, EventPage, RegionPage
from alliance_pages.skeleton import (
    companies_index,
    events_index,
    regions_index,
    state_alliance,
    ticker_index,
)
from alliance_pages.tree import ensure_translated_child
from ticker.models import TickerStoryPage

NOW = timezone.now()


def _region(parent, slug, title, english, kind, **values):
    page, _changed = ensure_translated_child(
        parent,
        RegionPage,
        slug,
        {"title": title, "kind": kind, **values},
        {"en": {"title": english}},
    )
    return page


def _draft(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


@pytest.fixture(scope="module")
def world(sub_alliances, django_db_blocker):
    with django_db_blocker.unblock():
        state = state_alliance()
        duesseldorf, dormagen = sub_alliances["duesseldorf"], sub_alliances["dormagen"]
        nrw = _region(
            regions_index(),
            "nordrhein-westfalen",
            "Nordrhein-Westfalen",
            "North Rhine-Westphalia",
            RegionKind.STATE,
            official_key="05",
        )
        rb_duesseldorf = _region(
            nrw,
            "regierungsbezirk-duesseldorf",
            "Regierungsbezirk Düsseldorf",
            "Administrative district of Düsseldorf",
            RegionKind.ADMINISTRATIVE_DISTRICT,
        )
        neuss = _region(
            rb_duesseldorf,
            "rhein-kreis-neuss",
            "Rhein-Kreis Neuss",
            "Rhine district of Neuss",
            RegionKind.DISTRICT,
        )
        dormagen_town = _region(
            neuss,
            "dormagen",
            "Dormagen",
            "Dormagen",
            RegionKind.TOWN,
            official_key="05162004",
            latitude="51.09639",
            longitude="6.84000",
        )
        rb_koeln = _region(
            nrw,
            "regierungsbezirk-koeln",
            "Regierungsbezirk Köln",
            "Administrative district of Cologne",
            RegionKind.ADMINISTRATIVE_DISTRICT,
        )
        leverkusen = _region(rb_koeln, "leverkusen", "Leverkusen", "Leverkusen", RegionKind.CITY)

        companies = companies_index()
        auenfeld, _ = ensure_translated_child(
            companies,
            CompanyPage,
            "auenfeld-chemie-ag",
            {
                "title": "Auenfeld Chemie AG",
                "sector": Sector.CHEMICALS,
                "headquarters": leverkusen,
                "sites": [dormagen_town, leverkusen],
                "signatory_since": datetime.date(2009, 6, 1),
                "website": "https://auenfeld.example",
            },
            {"en": {"title": "Auenfeld Chemicals"}},
        )
        rheinbogen, _ = ensure_translated_child(
            companies,
            CompanyPage,
            "rheinbogen-polymere-gmbh",
            {
                "title": "Rheinbogen Polymere GmbH",
                "sector": Sector.PLASTICS,
                "headquarters": dormagen_town,
            },
            {"en": {"title": "Rheinbogen Polymers"}},
        )
        koelner, _ = ensure_translated_child(
            companies,
            CompanyPage,
            "koelner-stahl",
            {"title": "Kölner Stahl", "sector": Sector.STEEL, "headquarters": rb_koeln},
            {},
        )
        draft_company = _draft(
            companies,
            CompanyPage(title="Entwurf Chemie", slug="entwurf-chemie", sector=Sector.CHEMICALS),
        )
        secret_company, _ = ensure_translated_child(
            companies,
            CompanyPage,
            "geheim-chemie",
            {"title": "Geheim Chemie", "sector": Sector.CHEMICALS, "headquarters": leverkusen},
            {},
        )
        PageViewRestriction.objects.create(
            page=secret_company, restriction_type=PageViewRestriction.LOGIN
        )

        def event(alliance, slug, title, english, starts_at, **values):
            page, _ = ensure_translated_child(
                events_index(alliance),
                EventPage,
                slug,
                {"title": title, "kind": EventKind.CONGRESS, "starts_at": starts_at, **values},
                {"en": {"title": english}},
            )
            return page

        congress = event(
            state,
            "kongress-2009",
            "Kongress 2009",
            "Congress 2009",
            datetime.datetime(2009, 6, 1, 10, tzinfo=datetime.UTC),
            region=nrw,
        )
        workshop = event(
            duesseldorf,
            "strategieworkshop",
            "Strategieworkshop",
            "Strategy workshop",
            datetime.datetime(2010, 2, 1, 9, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2010, 2, 2, 17, tzinfo=datetime.UTC),
            region=leverkusen,
            kind=EventKind.STRATEGY_WORKSHOP,
        )
        day_of_industry = event(
            dormagen,
            "tag-der-industrie",
            "Tag der Industrie",
            "Day of Industry",
            NOW + datetime.timedelta(days=30),
            region=dormagen_town,
            kind=EventKind.DAY_OF_INDUSTRY,
            venue="Chempark Dormagen",
            documentation=[
                ("heading", "Programm"),
                ("paragraph", "<p>Werkstore offen von 10 bis 17 Uhr.</p>"),
                ("key_fact", {"value": "12", "label": "Betriebe"}),
            ],
        )
        kick_off = event(
            dormagen,
            "auftakt",
            "Auftakt",
            "Kick-off",
            NOW + datetime.timedelta(days=60),
            region=dormagen_town,
            kind=EventKind.KICK_OFF,
        )
        _draft(
            events_index(dormagen),
            EventPage(
                title="Geplanter Entwurf",
                slug="geplanter-entwurf",
                kind=EventKind.CONGRESS,
                starts_at=NOW + datetime.timedelta(days=10),
            ),
        )

        stories = [
            ensure_translated_child(
                ticker_index(dormagen),
                TickerStoryPage,
                f"meldung-{number}",
                {
                    "title": f"Meldung {number}",
                    "teaser": "Neu in Dormagen.",
                    "companies": [auenfeld],
                    "regions": [dormagen_town],
                },
                {"en": {"title": f"Story {number}"}},
                tags=["Chemie"],
                translated_tags={"en": ["chemicals"]},
            )[0]
            for number in range(2)
        ]
        _draft(
            ticker_index(dormagen),
            TickerStoryPage(title="Entwurf", slug="entwurf", teaser="Noch nicht."),
        )

        # Everything outside the sub-alliances, which the conftest fixture removes itself.
        made = [nrw, auenfeld, rheinbogen, koelner, draft_company, secret_company, congress]
    yield {
        "regions": {
            "nrw": nrw,
            "rb-duesseldorf": rb_duesseldorf,
            "neuss": neuss,
            "dormagen": dormagen_town,
            "rb-koeln": rb_koeln,
            "leverkusen": leverkusen,
        },
        "companies": {
            "auenfeld": auenfeld,
            "rheinbogen": rheinbogen,
            "koelner": koelner,
            "draft": draft_company,
            "secret": secret_company,
        },
        "events": {
            "congress": congress,
            "workshop": workshop,
            "day_of_industry": day_of_industry,
            "kick_off": kick_off,
        },
        "stories": stories,
    }
    with django_db_blocker.unblock():
        for page in made:
            for version in Page.objects.filter(translation_key=page.translation_key):
                version.delete()


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


@pytest.mark.django_db
class TestAlliances:
    def test_flat_tree_in_tree_order_with_parents(self, client, world, sub_alliances):
        items = client.get("/api/v3/alliances/").json()["items"]
        assert [(item["slug"], item["level"], item["parent_slug"]) for item in items] == [
            ("allianz-pro-industrie-und-nachhaltigkeit", "state", None),
            ("duesseldorf", "regional", "allianz-pro-industrie-und-nachhaltigkeit"),
            ("dormagen", "local", "duesseldorf"),
        ]
        assert items[1]["parent_id"] == items[0]["id"]
        assert items[2]["founded_on"] == "2010-11-01"

    def test_counts_live_stories_and_events_of_the_alliance_itself(self, client, world):
        counts = {
            item["slug"]: (item["story_count"], item["event_count"])
            for item in client.get("/api/v3/alliances/").json()["items"]
        }
        # Dormagen: two live stories (the draft does not count), two live events.
        assert counts["dormagen"] == (2, 2)
        assert counts["duesseldorf"] == (0, 1)
        assert counts["allianz-pro-industrie-und-nachhaltigkeit"] == (0, 1)

    def test_level_filter(self, client, world):
        assert slugs(client.get("/api/v3/alliances/?level=local")) == ["dormagen"]

    def test_english_titles_german_slugs(self, client, world):
        items = client.get("/api/v3/alliances/?locale=en").json()["items"]
        assert [item["title"] for item in items] == [
            "Alliance pro Industry and Sustainability",
            "Regional alliance Düsseldorf",
            "Local alliance Dormagen",
        ]
        assert items[2]["slug"] == "dormagen"
        assert items[2]["event_count"] == 2
        assert items[2]["html_url"].endswith(
            "/en/regional-alliance-duesseldorf/local-alliance-dormagen/"
        )


@pytest.mark.django_db
class TestCompanies:
    def test_lists_live_public_companies_by_name(self, client, world):
        response = client.get("/api/v3/companies/")
        assert titles(response) == [
            "Auenfeld Chemie AG",
            "Kölner Stahl",
            "Rheinbogen Polymere GmbH",
        ]
        assert response.json()["count"] == 3

    def test_item_carries_links_in_the_requested_language(self, client, world):
        items = client.get("/api/v3/companies/?locale=en&q=auen").json()["items"]
        assert len(items) == 1
        auenfeld = items[0]
        assert auenfeld["title"] == "Auenfeld Chemicals"
        assert auenfeld["slug"] == "auenfeld-chemie-ag"
        assert auenfeld["sector"] == "chemicals"
        assert auenfeld["signatory_since"] == "2009-06-01"
        assert auenfeld["headquarters"]["slug"] == "leverkusen"
        english_leverkusen = world["regions"]["leverkusen"].get_translation(english())
        assert auenfeld["headquarters"]["id"] == english_leverkusen.pk
        assert [site["slug"] for site in auenfeld["sites"]] == ["dormagen", "leverkusen"]
        assert auenfeld["detail_url"].endswith(f"/api/v3/pages/{auenfeld['id']}/")

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("sector=plastics", ["rheinbogen-polymere-gmbh"]),
            ("signatory=true", ["auenfeld-chemie-ag"]),
            ("signatory=false", ["koelner-stahl", "rheinbogen-polymere-gmbh"]),
            ("q=RHEIN", ["rheinbogen-polymere-gmbh"]),
            ("q=Chemie", []),  # a prefix of the name, not a word in it
            # Sub-regions count, by headquarters or by site:
            ("region=rhein-kreis-neuss", ["auenfeld-chemie-ag", "rheinbogen-polymere-gmbh"]),
            ("region=regierungsbezirk-koeln", ["auenfeld-chemie-ag", "koelner-stahl"]),
            ("region=leverkusen", ["auenfeld-chemie-ag"]),
            ("region=nordrhein-westfalen&sector=steel", ["koelner-stahl"]),
            ("region=dormagen&locale=en", ["auenfeld-chemie-ag", "rheinbogen-polymere-gmbh"]),
        ],
    )
    def test_filters(self, client, world, query, expected):
        assert slugs(client.get(f"/api/v3/companies/?{query}")) == expected

    def test_limit_and_offset(self, client, world):
        response = client.get("/api/v3/companies/?limit=1&offset=1")
        assert titles(response) == ["Kölner Stahl"]
        assert response.json()["count"] == 3


@pytest.mark.django_db
class TestRegions:
    def test_nested_regions_with_key_and_coordinates(self, client, world):
        items = client.get("/api/v3/regions/?parent=rhein-kreis-neuss").json()["items"]
        assert items == [
            {
                "id": world["regions"]["dormagen"].pk,
                "title": "Dormagen",
                "slug": "dormagen",
                "html_url": items[0]["html_url"],
                "detail_url": items[0]["detail_url"],
                "kind": "town",
                "official_key": "05162004",
                "latitude": 51.09639,
                "longitude": 6.84,
                "parent_slug": "rhein-kreis-neuss",
            }
        ]

    def test_kind_filter_and_tree_order(self, client, world):
        assert slugs(client.get("/api/v3/regions/?kind=administrative_district")) == [
            "regierungsbezirk-duesseldorf",
            "regierungsbezirk-koeln",
        ]
        assert slugs(client.get("/api/v3/regions/?parent=nordrhein-westfalen")) == [
            "regierungsbezirk-duesseldorf",
            "regierungsbezirk-koeln",
        ]

    def test_english_titles_german_slugs(self, client, world):
        items = client.get("/api/v3/regions/?locale=en&kind=administrative_district").json()
        assert [(item["title"], item["slug"], item["parent_slug"]) for item in items["items"]] == [
            (
                "Administrative district of Düsseldorf",
                "regierungsbezirk-duesseldorf",
                "nordrhein-westfalen",
            ),
            ("Administrative district of Cologne", "regierungsbezirk-koeln", "nordrhein-westfalen"),
        ]


@pytest.mark.django_db
class TestEvents:
    def test_upcoming_by_default_soonest_first(self, client, world):
        assert slugs(client.get("/api/v3/events/")) == ["tag-der-industrie", "auftakt"]

    def test_past_latest_first_and_all_by_start(self, client, world):
        assert slugs(client.get("/api/v3/events/?when=past")) == [
            "strategieworkshop",
            "kongress-2009",
        ]
        assert slugs(client.get("/api/v3/events/?when=all")) == [
            "kongress-2009",
            "strategieworkshop",
            "tag-der-industrie",
            "auftakt",
        ]

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # An alliance's events include those of its sub-alliances.
            ("alliance=duesseldorf", ["strategieworkshop", "tag-der-industrie", "auftakt"]),
            ("alliance=dormagen", ["tag-der-industrie", "auftakt"]),
            ("alliance=dormagen&locale=en", ["tag-der-industrie", "auftakt"]),
            ("region=regierungsbezirk-koeln", ["strategieworkshop"]),
            ("region=rhein-kreis-neuss", ["tag-der-industrie", "auftakt"]),  # sub-regions
            ("kind=day_of_industry", ["tag-der-industrie"]),
            # A two-day workshop takes place on its second day too.
            ("date_from=2010-02-02&date_to=2010-02-02", ["strategieworkshop"]),
            ("date_from=2010-02-03", ["tag-der-industrie", "auftakt"]),
            ("date_to=2009-12-31", ["kongress-2009"]),
        ],
    )
    def test_filters(self, client, world, query, expected):
        assert slugs(client.get(f"/api/v3/events/?when=all&{query}")) == expected

    def test_item(self, client, world):
        item = client.get("/api/v3/events/?locale=en&limit=1").json()["items"][0]
        assert item["title"] == "Day of Industry"
        assert item["kind"] == "day_of_industry"
        assert item["venue"] == "Chempark Dormagen"
        assert item["region"]["slug"] == "dormagen"
        assert item["alliance"] == {
            "id": item["alliance"]["id"],
            "title": "Local alliance Dormagen",
            "slug": "dormagen",
            "level": "local",
        }

    def test_pagination(self, client, world):
        response = client.get("/api/v3/events/?when=all&limit=2&offset=1")
        assert slugs(response) == ["strategieworkshop", "tag-der-industrie"]
        assert response.json()["count"] == 4


@pytest.mark.django_db
class TestNeverDrafts:
    """Drafts and restricted pages stay out, whoever asks."""

    @pytest.fixture(params=["anonymous", "token", "session"])
    def asker(self, request, client, django_user_model):
        from wagtail.models import APIToken

        editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
        if request.param == "token":
            _token, plaintext = APIToken.create_token(user=editor, name="front end")
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
        elif request.param == "session":
            client.force_login(editor)
        return client

    def test_companies(self, asker, world):
        listed = slugs(asker.get("/api/v3/companies/"))
        assert "entwurf-chemie" not in listed
        assert "geheim-chemie" not in listed

    def test_events_and_story_counts(self, asker, world):
        assert "geplanter-entwurf" not in slugs(asker.get("/api/v3/events/?when=all"))
        counts = {
            item["slug"]: item["story_count"]
            for item in asker.get("/api/v3/alliances/").json()["items"]
        }
        assert counts["dormagen"] == 2

    def test_a_draft_or_restricted_region_is_no_filter(self, asker, world):
        response = asker.get("/api/v3/companies/?region=geheim")
        assert response.status_code == 422


BAD_INPUT = [
    ("/api/v3/companies/?locale=fr", "locale"),
    ("/api/v3/alliances/?locale=", "locale"),
    ("/api/v3/events/?date_from=2024-02-30", "date_from"),
    ("/api/v3/events/?date_to=yesterday", "date_to"),
    ("/api/v3/events/?date_from=2024-03-02&date_to=2024-03-01", "date_to"),
    ("/api/v3/companies/?limit=0", "limit"),
    ("/api/v3/companies/?limit=10000", "limit"),
    ("/api/v3/regions/?offset=-1", "offset"),
    ("/api/v3/events/?limit=ten", "limit"),
    ("/api/v3/companies/?region=atlantis", "region"),
    ("/api/v3/events/?region=atlantis", "region"),
    ("/api/v3/events/?alliance=atlantis", "alliance"),
    ("/api/v3/regions/?parent=atlantis", "parent"),
    ("/api/v3/regions/?parent=../etc", "parent"),
    ("/api/v3/events/?when=tomorrow", "when"),
    ("/api/v3/events/?kind=party", "kind"),
    ("/api/v3/regions/?kind=planet", "kind"),
    ("/api/v3/companies/?sector=finance", "sector"),
    ("/api/v3/alliances/?level=global", "level"),
    ("/api/v3/companies/?signatory=perhaps", "signatory"),
    ("/api/v3/companies/?q=%00", "q"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "parameter"), BAD_INPUT)
def test_bad_input_is_a_problem_naming_the_parameter(client, world, url, parameter):
    response = client.get(url)
    assert response.status_code in {400, 422}
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == response.status_code
    assert ["query", parameter] in [error["loc"] for error in problem["errors"]]


LISTINGS = [
    "/api/v3/alliances/?locale=en",
    "/api/v3/companies/?locale=en&region=nordrhein-westfalen",
    "/api/v3/regions/?locale=en",
    "/api/v3/events/?locale=en&when=all&alliance=allianz-pro-industrie-und-nachhaltigkeit",
]


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTINGS)
def test_a_listing_costs_the_same_queries_for_one_item_or_many(client, world, url):
    client.get(url)  # warm Wagtail's site root cache, as any earlier request would
    one = _queries(client, f"{url}&limit=1" if "alliances" not in url else f"{url}&level=local")
    many = _queries(client, f"{url}&limit=100" if "alliances" not in url else url)
    assert one == many
    assert many <= 8


def english_version(page: Page) -> Page:
    return page.get_translation(english()).specific


@pytest.mark.django_db
class TestPageRecords:
    """/api/v3/pages/{id}/ for our page types: typed links, blocks and translations."""

    def test_company_links_are_in_the_pages_language(self, client, world):
        company = english_version(world["companies"]["auenfeld"])
        record = client.get(f"/api/v3/pages/{company.pk}/").json()
        leverkusen = english_version(world["regions"]["leverkusen"])
        assert record["headquarters"] == {
            "id": leverkusen.pk,
            "type": "alliance_pages.RegionPage",
            "title": "Leverkusen",
            "slug": "leverkusen",
            "detail_url": record["headquarters"]["detail_url"],
            "html_url": record["headquarters"]["html_url"],
        }
        assert record["headquarters"]["detail_url"].endswith(f"/api/v3/pages/{leverkusen.pk}/")
        assert record["headquarters"]["html_url"].endswith(
            "/en/regions/north-rhine-westphalia/administrative-district-of-cologne/leverkusen/"
        )
        assert [site["slug"] for site in record["sites"]] == ["dormagen", "leverkusen"]
        assert record["sector"] == "chemicals"
        assert record["alliance"]["slug"] == "allianz-pro-industrie-und-nachhaltigkeit"
        assert record["alliance"]["title"] == "Alliance pro Industry and Sustainability"
        assert record["alliance"]["level"] == "state"

    def test_story_has_its_alliance_links_and_own_tags(self, client, world):
        story = english_version(world["stories"][0])
        record = client.get(f"/api/v3/pages/{story.pk}/").json()
        assert record["alliance"]["slug"] == "dormagen"
        assert record["alliance"]["title"] == "Local alliance Dormagen"
        assert [company["title"] for company in record["companies"]] == ["Auenfeld Chemicals"]
        assert [region["slug"] for region in record["regions"]] == ["dormagen"]
        assert record["tags"] == ["chemicals"]

    def test_streamfield_blocks_are_typed_and_rich_text_rendered(self, client, world):
        event = world["events"]["day_of_industry"]
        record = client.get(f"/api/v3/pages/{event.pk}/").json()
        blocks = [(block["type"], block["value"]) for block in record["documentation"]]
        assert blocks == [
            ("heading", "Programm"),
            ("paragraph", "<p>Werkstore offen von 10 bis 17 Uhr.</p>"),
            ("key_fact", {"value": "12", "label": "Betriebe"}),
        ]
        assert record["region"]["title"] == "Dormagen"
        assert record["organising_alliance"]["slug"] == "dormagen"

    def test_translations_in_sync_until_the_source_changes(self, client, world):
        german = world["companies"]["rheinbogen"]
        english_company = english_version(german)

        def states():
            record = client.get(f"/api/v3/pages/{english_company.pk}/").json()
            return {
                entry["locale"]: (entry["id"], entry["is_source"], entry["in_sync"])
                for entry in record["translations"]
            }

        assert states() == {
            "de": (german.pk, True, None),
            "en": (english_company.pk, False, True),
        }

        german.title = "Rheinbogen Polymere AG"
        german.save_revision().publish()
        assert states()["en"] == (english_company.pk, False, False)

        from alliance_pages.translation import publish_translation

        publish_translation(german, english(), {"title": "Rheinbogen Polymers plc"})
        assert states()["en"] == (english_company.pk, False, True)

    def test_a_missing_string_translation_is_not_in_sync(self, client, world):
        from wagtail_localize.models import StringTranslation

        german = world["companies"]["koelner"]
        from alliance_pages.translation import publish_translation

        english_company = publish_translation(german, english(), {"title": "Cologne Steel"})
        StringTranslation.objects.filter(
            locale=english(), context__object_id=german.translation_key
        ).delete()
        entry = client.get(f"/api/v3/pages/{english_company.pk}/").json()["translations"][1]
        assert entry["locale"] == "en"
        assert entry["in_sync"] is False
        assert entry["progress"]["translated"] < entry["progress"]["total"]

    def test_drafts_are_not_among_the_translations(self, client, world):
        from alliance_pages.translation import publish_translation

        german = world["companies"]["koelner"]
        draft = publish_translation(german, english(), {"title": "Cologne Steel"}, publish=False)
        assert not draft.live
        record = client.get(f"/api/v3/pages/{german.pk}/").json()
        assert [entry["locale"] for entry in record["translations"]] == ["de"]
