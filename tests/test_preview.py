"""Headless preview: a short-lived token shows the front end the editor's draft, and
nothing else ever does."""

import datetime
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import override_settings
from wagtail_headless_preview.models import PagePreview

from alliance_pages import preview
from alliance_pages.skeleton import ticker_index
from ticker.models import TickerStoryPage

PREVIEW_URL = "/api/v3/preview/"
FRONT_END = "https://vorschau.example.org/preview"


@pytest.fixture
def story(state_alliance):
    page = TickerStoryPage(
        title="Live-Titel",
        slug="live-titel",
        teaser="Was alle sehen.",
        date=datetime.date(2013, 9, 1),
    )
    ticker_index(state_alliance).add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def draft(story):
    """The story as an editor has it in the form: changed, not saved."""
    edited = TickerStoryPage.objects.get(pk=story.pk)
    edited.title = "Entwurfstitel"
    edited.teaser = "Was nur die Redaktion sehen darf."
    return edited


def later(monkeypatch, seconds: int) -> None:
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now + seconds)


def test_a_token_shows_the_draft(client, story, draft):
    token = preview.create_preview(draft).token
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["id"] == story.pk
    assert data["title"] == "Entwurfstitel"
    assert data["meta"]["type"] == "ticker.TickerStoryPage"
    assert response["Cache-Control"] == "private, no-store"
    # The live page is untouched: the draft was never saved.
    live = client.get(f"/api/v3/pages/{story.pk}/").json()
    assert live["title"] == "Live-Titel"


def test_a_new_page_can_be_previewed_before_it_exists(client, state_alliance):
    index = ticker_index(state_alliance)
    page = TickerStoryPage(title="Noch nicht angelegt", slug="neu", teaser="Neu.")
    page.depth = index.depth + 1
    page.path = page._get_path(index.path, page.depth, index.numchild + 1)
    page.set_url_path(index)
    token = preview.create_preview(page).token
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Noch nicht angelegt"


def test_an_expired_token_is_refused(client, draft, monkeypatch):
    token = preview.create_preview(draft).token
    later(monkeypatch, preview.token_max_age() - 30)
    assert client.get(PREVIEW_URL, {"token": token}).status_code == 200
    later(monkeypatch, preview.token_max_age() + 1)
    response = client.get(PREVIEW_URL, {"token": token})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/")
    assert response.json()["detail"]
    assert "Entwurfstitel" not in response.text


@override_settings(HEADLESS_PREVIEW_TOKEN_MAX_AGE=60)
def test_the_lifetime_is_a_setting(client, draft, monkeypatch):
    token = preview.create_preview(draft).token
    later(monkeypatch, 61)
    assert client.get(PREVIEW_URL, {"token": token}).status_code == 403


def test_forged_tokens_are_refused(client, draft):
    token = preview.create_preview(draft).token
    value, stamp, sig = token.rsplit(":", 2)
    forged = [
        f"{value}:{stamp}:{sig[:-1]}{'A' if sig[-1] != 'A' else 'B'}",
        f"id=1;x:{stamp}:{sig}",
        "not-a-token",
        # Signed, but by Wagtail's preview salt rather than ours.
        signing.TimestampSigner(salt="headlesspreview.token").sign("id=1"),
    ]
    for candidate in forged:
        response = client.get(PREVIEW_URL, {"token": candidate})
        assert response.status_code == 403, candidate
        assert "Entwurfstitel" not in response.text


def test_a_genuine_token_without_its_preview_is_not_found(client, draft):
    stored = preview.create_preview(draft)
    stored.delete()
    response = client.get(PREVIEW_URL, {"token": stored.token})
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_no_token_no_preview(client, story, draft):
    preview.create_preview(draft)
    assert client.get(PREVIEW_URL).status_code in {400, 422}
    # Nor does the pages API hand drafts to anonymous callers.
    response = client.get(f"/api/v3/pages/{story.pk}/", {"version": "draft"})
    assert response.json()["title"] == "Live-Titel"


def test_each_preview_gets_its_own_token(draft):
    first = preview.create_preview(draft)
    draft.title = "Zweiter Entwurf"
    second = preview.create_preview(draft)
    assert first.token != second.token
    assert preview.page_for_token(first.token).title == "Entwurfstitel"
    assert preview.page_for_token(second.token).title == "Zweiter Entwurf"


def test_old_previews_are_cleared_away(draft):
    stale = preview.create_preview(draft)
    PagePreview.objects.filter(pk=stale.pk).update(
        created_at=datetime.date.today() - datetime.timedelta(days=3)
    )
    preview.create_preview(draft)
    assert not PagePreview.objects.filter(pk=stale.pk).exists()


def test_without_a_front_end_wagtail_previews_as_before(draft):
    with override_settings(HEADLESS_PREVIEW_URL=None):
        assert preview.headless_preview_response(draft) is None
    assert not PagePreview.objects.exists()


@override_settings(HEADLESS_PREVIEW_URL=FRONT_END)
def test_the_preview_opens_the_front_end_with_a_working_token(client, draft):
    response = preview.headless_preview_response(draft)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == FRONT_END
    query = parse_qs(target.query)
    assert query["content_type"] == ["ticker.tickerstorypage"]
    fetched = client.get(PREVIEW_URL, {"token": query["token"][0]})
    assert fetched.json()["title"] == "Entwurfstitel"


def test_the_mixin_falls_back_to_wagtails_preview(monkeypatch):
    class WagtailPreview:
        def serve_preview(self, request, mode_name):
            return "template preview"

    class Page(preview.HeadlessPreviewMixin, WagtailPreview):
        pass

    monkeypatch.setattr(preview, "headless_preview_response", lambda page: None)
    assert Page().serve_preview(None, "") == "template preview"
    monkeypatch.setattr(preview, "headless_preview_response", lambda page: "redirect")
    assert Page().serve_preview(None, "") == "redirect"


def test_the_endpoint_is_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert PREVIEW_URL in paths
    parameters = {p["name"] for p in paths[PREVIEW_URL]["get"]["parameters"]}
    assert {"token", "content_type"} <= parameters
