"""Nothing unpublished, no draft and nothing private leaves through any public endpoint.

Three stories carry words found nowhere else: a live story with a newer draft revision
(German and English), a story that was never published, and a published story behind
a password (a view restriction). Beside them one ordinary live story shows what an
endpoint does show, so each check can fail. Every public reader is asked: the story
search and its suggestions, the directory (alliances with their story counts,
companies, regions, events), Wagtail's v2 and v3 page APIs read anonymously, and the
RSS, Atom and JSON feeds, in both languages, listing and searching.
"""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import APIToken, PageViewRestriction

from alliance_pages.choices import Sector
from alliance_pages.models import CompanyPage
from alliance_pages.skeleton import companies_index, ticker_index
from alliance_pages.translation import publish_translation
from ticker.models import TickerStoryPage

pytestmark = pytest.mark.django_db

# Words of the hidden stories: in their titles, teasers and tags only.
STORY_SECRETS = [
    "Zebrafink",  # the draft of a live story (German)
    "Zebrafinch",  # the draft of its English translation
    "Entwurfsmarke",  # a tag added in that draft
    "Quokka",  # the unpublished story
    "Wombat",  # the private story
]
# Companies only the hidden stories name: live pages of their own (the company
# directory lists them), but no story facet, suggestion or feed may.
RELATION_SECRETS = ["Geheimwerk", "Beutelwerk", "Nachtwerk"]
VISIBLE = "Okapi"
SEARCHES = [*STORY_SECRETS, *RELATION_SECRETS, "Entw", "Geheim", "Priv", "Unver"]
FEED_KINDS = ["rss", "atom", "json"]
LANGUAGES = ["de", "en"]


def _company(title: str) -> CompanyPage:
    company = CompanyPage(title=title, slug=title.lower().replace(" ", "-"), sector=Sector.STEEL)
    companies_index().add_child(instance=company)
    company.save_revision().publish()
    return company


def _story(parent, title: str, teaser: str, day: int, **fields) -> TickerStoryPage:
    story = TickerStoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        teaser=teaser,
        date=datetime.date(2021, 4, day),
        **fields,
    )
    parent.add_child(instance=story)
    return story


@pytest.fixture
def hidden(locales, sub_alliances):
    """The visible story and the three hidden ones, in the Dormagen ticker."""
    _de, en = locales
    ticker = ticker_index(sub_alliances["dormagen"])

    visible = _story(ticker, "Sichtbare Meldung Okapi", "Okapi ist veröffentlicht.", 1)
    visible.tags.add("Okapimarke")
    visible.save_revision().publish()
    publish_translation(
        visible, en, {"title": "Visible story Okapi", "teaser": "Okapi is live."}, tags=["okapi"]
    )

    drafted = _story(ticker, "Zweite Meldung Okapi", "Der veröffentlichte Text zu Okapi.", 2)
    drafted.save_revision().publish()
    drafted_en = publish_translation(
        drafted, en, {"title": "Second story Okapi", "teaser": "The published Okapi text."}
    )
    drafted = TickerStoryPage.objects.get(pk=drafted.pk)
    drafted.title = "Geheimer Entwurf Zebrafink"
    drafted.teaser = "Zebrafink steht nur im Entwurf."
    drafted.companies = [_company("Geheimwerk GmbH")]
    drafted.tags.add("Entwurfsmarke")
    drafted.save_revision()
    drafted_en = TickerStoryPage.objects.get(pk=drafted_en.pk)
    drafted_en.title = "Secret draft Zebrafinch"
    drafted_en.teaser = "Zebrafinch only in the draft."
    drafted_en.save_revision()

    unpublished = _story(
        ticker,
        "Unveröffentlichte Meldung Quokka",
        "Quokka ist noch nicht freigegeben.",
        3,
        live=False,
    )
    unpublished.companies = [_company("Beutelwerk GmbH")]
    unpublished.tags.add("Quokkamarke")
    unpublished.save_revision()

    private = _story(ticker, "Private Meldung Wombat", "Wombat nur mit Passwort.", 4)
    private.companies = [_company("Nachtwerk GmbH")]
    private.tags.add("Wombatmarke")
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return {
        "visible": visible,
        "drafted": drafted,
        "drafted_en": drafted_en,
        "unpublished": unpublished,
        "private": private,
    }


def hidden_ids(hidden) -> set[int]:
    return {hidden["unpublished"].pk, hidden["private"].pk}


def _get(client, url: str, params: dict | None = None, headers: dict | None = None):
    response = client.get(url, params or {}, headers=headers or {})
    assert response.status_code == 200, (url, params, response.content[:300])
    return response


def story_texts(client, headers=None) -> list[str]:
    """The story search, the suggestions and the feeds: all built from stories."""
    texts = []
    for language in LANGUAGES:
        for params in [{"limit": 100}, *({"q": word} for word in SEARCHES)]:
            response = _get(client, "/api/v3/stories/", {**params, "locale": language}, headers)
            texts.append(response.content.decode())
        for word in SEARCHES:
            response = _get(
                client, "/api/v3/stories/suggest/", {"q": word, "locale": language}, headers
            )
            texts.append(response.content.decode())
        for kind in FEED_KINDS:
            url = f"/feeds/ticker/{language}/{kind}/"
            texts.append(_get(client, url, {"limit": 100}, headers).content.decode())
            # A searched feed names its search in its own URL, so it is counted, not read.
            for word in STORY_SECRETS:
                assert feed_entries(_get(client, url, {"q": word}, headers), kind) == 0, word
    return texts


def feed_entries(response, kind: str) -> int:
    if kind == "json":
        return len(response.json()["items"])
    root = ET.fromstring(response.content)
    if kind == "rss":
        return len(root.find("channel").findall("item"))
    return len(root.findall("{http://www.w3.org/2005/Atom}entry"))


def directory_texts(client, headers=None) -> list[str]:
    texts = []
    for language in LANGUAGES:
        for url in ["alliances", "companies", "regions", "events"]:
            params = {"locale": language, **({"when": "all"} if url == "events" else {})}
            texts.append(_get(client, f"/api/v3/{url}/", params, headers).content.decode())
    return texts


def page_api_texts(client) -> list[str]:
    """Wagtail's own page APIs, anonymous: listings, searches, details of every story."""
    texts = []
    story_ids = set()
    for url in ["/api/v2/pages/", "/api/v3/pages/"]:
        for language in LANGUAGES:
            params = {"type": "ticker.TickerStoryPage", "locale": language, "limit": 20}
            if url == "/api/v2/pages/":
                params["fields"] = "*"
            listing = _get(client, url, params)
            body = listing.json()
            total = body["meta"]["total_count"] if "meta" in body else body["count"]
            assert total == len(body["items"]), "the test expects one page of stories"
            story_ids |= {item["id"] for item in body["items"]}
            texts.append(listing.content.decode())
        for word in SEARCHES:
            texts.append(_get(client, url, {"search": word}).content.decode())
        texts.append(_get(client, url, {"limit": 20, "order": "-id"}).content.decode())
    for page_id in story_ids:
        texts.append(_get(client, f"/api/v2/pages/{page_id}/").content.decode())
        texts.append(_get(client, f"/api/v3/pages/{page_id}/").content.decode())
        # Anonymous readers get the live version even when they ask for the draft.
        texts.append(
            _get(client, f"/api/v3/pages/{page_id}/", {"version": "draft"}).content.decode()
        )
    return texts


def assert_hidden(texts: list[str], secrets: list[str]) -> None:
    everything = json.dumps(texts, ensure_ascii=False)
    leaked = [secret for secret in secrets if secret in everything]
    assert not leaked, leaked
    assert VISIBLE in everything  # the endpoints do show what is public


@pytest.fixture(params=["anonymous", "token"])
def headers(request, django_user_model):
    """Our public endpoints answer the same whether or not a token comes along."""
    if request.param == "anonymous":
        return {}
    editor = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    _token, plaintext = APIToken.create_token(user=editor, name="Redaktion")
    return {"Authorization": f"Bearer {plaintext}"}


def test_story_search_suggestions_and_feeds(client, hidden, headers):
    assert_hidden(story_texts(client, headers), STORY_SECRETS + RELATION_SECRETS)
    for language, visible in [("de", 2), ("en", 2)]:
        payload = _get(client, "/api/v3/stories/", {"locale": language}, headers).json()
        assert payload["count"] == visible
        assert {result["id"] for result in payload["results"]}.isdisjoint(hidden_ids(hidden))
        assert sum(value["count"] for value in payload["facets"]["years"]) == visible


def test_the_drafted_story_shows_its_live_version(client, hidden, headers):
    found = _get(client, "/api/v3/stories/", {"q": "Okapi"}, headers).json()
    assert {result["title"] for result in found["results"]} == {
        "Sichtbare Meldung Okapi",
        "Zweite Meldung Okapi",
    }
    drafted = next(r for r in found["results"] if r["id"] == hidden["drafted"].pk)
    assert drafted["companies"] == [] and drafted["tags"] == []


def test_directory(client, hidden, headers, sub_alliances):
    texts = directory_texts(client, headers)
    everything = json.dumps(texts, ensure_ascii=False)
    leaked = [secret for secret in STORY_SECRETS if secret in everything]
    assert not leaked, leaked
    for language in LANGUAGES:
        items = _get(client, "/api/v3/alliances/", {"locale": language}, headers).json()["items"]
        counts = {item["slug"]: item["story_count"] for item in items}
        assert counts["dormagen"] == 2, counts  # the visible and the drafted story


def test_page_apis_read_anonymously(client, hidden):
    assert_hidden(page_api_texts(client), STORY_SECRETS)


def test_hidden_stories_have_no_page_record(client, hidden):
    for page_id in hidden_ids(hidden):
        for url in [f"/api/v2/pages/{page_id}/", f"/api/v3/pages/{page_id}/"]:
            assert client.get(url).status_code == 404, url
        assert client.get(f"/api/v3/pages/{page_id}/", {"version": "draft"}).status_code == 404
        response = client.get("/api/v3/pages/find/", {"id": page_id})
        assert response.status_code == 404


def test_a_private_section_hides_everything_below_it(client, hidden, sub_alliances):
    """A restriction on the ticker hides its stories too, not only the page it is on."""
    for ticker in ticker_index(sub_alliances["dormagen"]).get_translations(inclusive=True):
        PageViewRestriction.objects.create(page=ticker, restriction_type=PageViewRestriction.LOGIN)
    texts = story_texts(client) + page_api_texts_without_stories(client)
    everything = json.dumps(texts, ensure_ascii=False)
    assert VISIBLE not in everything
    counts = {
        item["slug"]: item["story_count"]
        for item in _get(client, "/api/v3/alliances/").json()["items"]
    }
    assert counts["dormagen"] == 0


def page_api_texts_without_stories(client) -> list[str]:
    return [
        _get(client, url, {"type": "ticker.TickerStoryPage", "locale": language}).content.decode()
        for url in ["/api/v2/pages/", "/api/v3/pages/"]
        for language in LANGUAGES
    ]
