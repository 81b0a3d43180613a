"""Bad input on every public endpoint: a 4xx that names the parameter, never a 500.

The issue's list (an unknown language, a malformed date, ``limit=0`` and
``limit=10000``, a negative offset, an unknown region or company, an over-long search)
is asked of each endpoint that takes the parameter, plus the inputs that used to
reach the database as server errors: an offset beyond any integer, and search text
with a double quote or of blanks only on Wagtail's own v2 and v3 listings.
"""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
LONG_TEXT = "x" * 1000

# What every listing of ours refuses: (parameters, the parameter the error must name).
LISTING_INPUT = [
    ({"locale": "fr"}, "locale"),
    ({"limit": "0"}, "limit"),
    ({"limit": "10000"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"offset": HUGE}, "offset"),
]


def listing(url: str, *own_input) -> list:
    """(url, parameters, parameter) for a listing: the common cases and its own."""
    return [(url, params, name) for params, name in [*LISTING_INPUT, *own_input]]


# (url, parameters, the parameter the error must name)
OURS = [
    *listing(
        "/api/v3/stories/",
        ({"date_from": "2021-02-30"}, "date_from"),
        ({"date_to": "04.05.2012"}, "date_to"),
        ({"region": "atlantis"}, "region"),
        ({"company": "atlantis"}, "company"),
        ({"q": LONG_TEXT}, "q"),
    ),
    ("/api/v3/stories/suggest/", {"q": "stahl", "locale": "fr"}, "locale"),
    ("/api/v3/stories/suggest/", {"q": LONG_TEXT}, "q"),
    ("/api/v3/alliances/", {"locale": "fr"}, "locale"),
    *listing(
        "/api/v3/companies/",
        ({"region": "atlantis"}, "region"),
        ({"q": LONG_TEXT}, "q"),
    ),
    *listing("/api/v3/regions/", ({"parent": "atlantis"}, "parent")),
    *listing(
        "/api/v3/events/",
        ({"date_from": "2021-02-30"}, "date_from"),
        ({"date_to": "morgen"}, "date_to"),
        ({"region": "atlantis"}, "region"),
        ({"alliance": "atlantis"}, "alliance"),
    ),
    # Wagtail's own v3 listings: the offset guard (alliance_pages.api.guards).
    ("/api/v3/pages/", {"offset": HUGE}, "offset"),
    ("/api/v3/pages/", {"offset": "1000001"}, "offset"),
    ("/api/v3/images/", {"offset": HUGE}, "offset"),
    ("/api/v3/documents/", {"offset": HUGE}, "offset"),
    # NUL cannot be stored in PostgreSQL text; found by schemathesis on PostgreSQL.
    ("/api/v3/pages/find/", {"html_path": "/\x00"}, "html_path"),
    ("/api/v3/pages/", {"search": "Stahl\x00"}, "search"),
    # Wagtail hands what follows the colon to the integer port; found by schemathesis.
    ("/api/v3/pages/find/", {"html_path": "/", "site": "(?<!\\w)(?:"}, "site"),
    ("/api/v3/pages/find/", {"html_path": "/", "site": "localhost:"}, "site"),
    ("/api/v3/pages/", {"site": "localhost:http"}, "site"),
    ("/api/v3/pages/", {"site": "localhost:99999"}, "site"),
    ("/api/v3/pages/", {"site": "localhost:²"}, "site"),
]

FEED_INPUT = [
    ({"date_from": "2021-02-30"}, "date_from"),
    ({"limit": "0"}, "limit"),
    ({"limit": "10000"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"offset": HUGE}, "offset"),
    ({"region": "atlantis"}, "region"),
    ({"company": "atlantis"}, "company"),
    ({"q": LONG_TEXT}, "q"),
]


def problem(response) -> dict:
    assert response["Content-Type"] == "application/problem+json", response.content[:200]
    body = response.json()
    assert body["status"] == response.status_code
    assert body["errors"] and all(error["msg"] for error in body["errors"])
    return body


@pytest.mark.parametrize(("url", "params", "parameter"), OURS)
def test_v3_refuses_with_a_problem_naming_the_parameter(
    client, state_alliance, url, params, parameter
):
    response = client.get(url, params)
    assert response.status_code == 422, response.content[:300]
    assert ["query", parameter] in [error["loc"] for error in problem(response)["errors"]]


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
@pytest.mark.parametrize(("params", "parameter"), FEED_INPUT)
def test_feeds_refuse_with_a_400_naming_the_parameter(
    client, state_alliance, kind, params, parameter
):
    response = client.get(f"/feeds/ticker/de/{kind}/", params)
    assert response.status_code == 400, response.content[:300]
    assert [error["loc"] for error in problem(response)["errors"]] == [["query", parameter]]


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_a_feed_in_an_unknown_language_is_a_404_naming_it(client, state_alliance, kind):
    response = client.get(f"/feeds/ticker/fr/{kind}/")
    assert response.status_code == 404
    errors = problem(response)["errors"]
    assert [error["loc"] for error in errors] == [["path", "locale"]]
    assert "de, en" in errors[0]["msg"]


def test_the_offset_message_states_the_bound(client, state_alliance):
    response = client.get("/api/v3/stories/", {"offset": HUGE}, HTTP_ACCEPT_LANGUAGE="en")
    assert problem(response)["errors"][0]["msg"] == "offset may be at most 1000000."


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_v2_refuses_a_huge_offset_with_a_400(client, state_alliance, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"offset": HUGE})
    assert response.status_code == 400
    assert "offset" in response.json()["message"]
    # Wagtail's own checks still apply below the bound.
    assert client.get(f"/api/v2/{endpoint}/", {"offset": "-1"}).status_code == 400
    assert client.get(f"/api/v2/{endpoint}/", {"offset": "1000000"}).status_code == 200


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("search", ['"', 'Stahl"', '"Allianz"', " ", "a OR", "*", "NEAR(a"])
def test_search_text_is_never_a_server_error(client, state_alliance, version, endpoint, search):
    response = client.get(f"/api/{version}/{endpoint}/", {"search": search})
    assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_quotes_around_a_word_still_find_it(client, state_alliance, version):
    """Only the words are searched: typing quotes changes nothing."""
    plain = client.get(f"/api/{version}/pages/", {"search": "Allianz"}).json()
    quoted = client.get(f"/api/{version}/pages/", {"search": '"Allianz"'}).json()
    ids = [item["id"] for item in plain["items"]]
    assert ids
    assert [item["id"] for item in quoted["items"]] == ids


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        (None, "offset darf höchstens 1000000 sein."),
        ("de-DE,de;q=0.9", "offset darf höchstens 1000000 sein."),
        ("en-GB,en;q=0.8", "offset may be at most 1000000."),
    ],
)
def test_errors_speak_the_clients_language_and_vary_on_it(
    client, state_alliance, accept_language, message
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/api/v3/stories/", {"offset": HUGE}, **headers)
    assert problem(response)["errors"][0]["msg"] == message
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("site", ["localhost", "localhost:80", "localhost:65535"])
def test_a_site_filter_with_a_port_that_is_a_number_passes_the_guard(client, state_alliance, site):
    response = client.get("/api/v3/pages/", {"site": site})
    assert response.status_code in {200, 404}, response.content[:300]
