"""HTTP caching (alliance_site.http) and CORS on the public APIs and feeds."""

import importlib

import pytest
from django.test import override_settings
from django.urls import reverse

API_URLS = [
    "/api/v3/alliances/",
    "/api/v3/openapi.json",
    "/api/v2/pages/",
]
# Every other public GET: the story search, the directory, Wagtail's listings, the feeds.
MORE_PUBLIC_URLS = [
    "/api/v3/stories/",
    "/api/v3/stories/suggest/?q=allianz",
    "/api/v3/companies/",
    "/api/v3/regions/",
    "/api/v3/events/?when=all",
    "/api/v3/pages/",
    "/api/v3/images/",
    "/api/v3/documents/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/feeds/ticker/en/atom/",
    "/feeds/ticker/de/json/",
]
FRONT_END = "https://front.allianz.example"


def feed_url() -> str:
    return reverse("ticker:feed_rss", kwargs={"locale": "de"})


@pytest.mark.django_db
@override_settings(API_CACHE_MAX_AGE=123)
@pytest.mark.parametrize("url", [*API_URLS, *MORE_PUBLIC_URLS, "feed"])
def test_anonymous_reads_are_publicly_cacheable_with_an_etag(client, state_alliance, url):
    response = client.get(feed_url() if url == "feed" else url)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=123"}
    assert response["ETag"].startswith('"')
    vary = {value.strip() for value in response["Vary"].split(",")}
    assert {"Accept-Language", "Authorization", "Origin"} <= vary


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*API_URLS, *MORE_PUBLIC_URLS, "feed"])
def test_if_none_match_gets_304(client, state_alliance, url):
    url = feed_url() if url == "feed" else url
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


@pytest.mark.django_db
def test_the_etag_changes_with_the_content(client, state_alliance):
    before = client.get("/api/v3/alliances/")["ETag"]
    state_alliance.title = "Allianz pro Industrie"
    state_alliance.save_revision().publish()
    after = client.get("/api/v3/alliances/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


@pytest.mark.django_db
def test_a_bearer_token_makes_the_answer_private(client, state_alliance, django_user_model):
    from wagtail.models import APIToken

    editor = django_user_model.objects.create_superuser("editor", "e@x.example", "pw")
    _token, plaintext = APIToken.create_token(user=editor, name="front end")
    response = client.get("/api/v3/pages/", HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert not response.has_header("ETag")


@pytest.mark.django_db
def test_any_authorization_header_makes_the_answer_private(client, state_alliance):
    response = client.get("/api/v3/alliances/", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v3/alliances/", "/api/v2/pages/"])
def test_a_logged_in_session_makes_the_answer_private(client, state_alliance, url, admin_user):
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}
    assert not response.has_header("ETag")


@pytest.mark.django_db
def test_errors_and_other_paths_are_left_alone(client, state_alliance):
    problem = client.get("/api/v3/companies/?limit=0")
    assert problem.status_code == 422
    assert "public" not in problem.get("Cache-Control", "")
    home = client.get("/")
    assert home.status_code == 200
    assert "public" not in home.get("Cache-Control", "")
    assert not home.has_header("ETag")


# --- CORS -----------------------------------------------------------------------------


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
@pytest.mark.parametrize("url", [*API_URLS, "feed"])
def test_a_configured_front_end_may_read_the_apis_and_feeds(client, state_alliance, url):
    response = client.get(feed_url() if url == "feed" else url, HTTP_ORIGIN=FRONT_END)
    assert response["Access-Control-Allow-Origin"] == FRONT_END


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_preflight_from_the_front_end(client, state_alliance):
    response = client.options(
        "/api/v3/companies/",
        HTTP_ORIGIN=FRONT_END,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "authorization" in response["Access-Control-Allow-Headers"]


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_another_origin_gets_no_cors_header(client, state_alliance):
    response = client.get("/api/v3/alliances/", HTTP_ORIGIN="https://elsewhere.example")
    assert response.status_code == 200
    assert not response.has_header("Access-Control-Allow-Origin")


@pytest.mark.django_db
@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
@pytest.mark.parametrize("url", ["/", "/en/", "/admin/login/"])
def test_pages_and_admin_never_get_cors_headers(client, state_alliance, url):
    response = client.get(url, HTTP_ORIGIN=FRONT_END)
    assert not response.has_header("Access-Control-Allow-Origin")


def test_front_end_origins_come_from_the_environment(monkeypatch):
    from alliance_site.settings import base

    monkeypatch.setenv("FRONTEND_ORIGINS", f"{FRONT_END}, https://preview.allianz.example ,")
    try:
        assert importlib.reload(base).CORS_ALLOWED_ORIGINS == [
            FRONT_END,
            "https://preview.allianz.example",
        ]
        monkeypatch.delenv("FRONTEND_ORIGINS")
        assert importlib.reload(base).CORS_ALLOWED_ORIGINS == []
    finally:
        monkeypatch.undo()
        importlib.reload(base)
