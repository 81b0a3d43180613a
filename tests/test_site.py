"""The reference site: German at /, English at /en/, admin and API outside the language prefix."""

import datetime

import pytest

from alliance_pages.skeleton import ticker_index
from alliance_pages.translation import publish_translation
from ticker.models import TickerStoryPage


@pytest.fixture
def story(state_alliance, locales):
    _de, en = locales
    page = TickerStoryPage(
        title="Straßenbeleuchtung aus Kunststoffabfällen",
        slug="strassenbeleuchtung-aus-kunststoffabfaellen",
        teaser="Ein Werk in Marl macht aus Abfall Leuchtenköpfe.",
        date=datetime.date(2012, 5, 4),
    )
    ticker_index(state_alliance).add_child(instance=page)
    page.tags.add("Kreislaufwirtschaft")
    page.save_revision().publish()
    publish_translation(
        page,
        en,
        {
            "title": "Street lighting from plastic waste",
            "teaser": "A plant in Marl turns waste into lamps.",
        },
        tags=["circular economy"],
    )
    return page


def test_german_home_is_served_without_prefix(client, state_alliance):
    response = client.get("/")
    assert response.status_code == 200
    assert "Allianz pro Industrie und Nachhaltigkeit" in response.text
    assert 'hreflang="en"' in response.text


def test_english_tree_is_served_under_en(client, state_alliance):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Alliance pro Industry and Sustainability" in response.text
    assert '<html lang="en">' in response.text


def test_story_pages_render_in_both_languages(client, story):
    german = client.get("/industrieticker/strassenbeleuchtung-aus-kunststoffabfaellen/")
    assert german.status_code == 200
    assert "Straßenbeleuchtung aus Kunststoffabfällen" in german.text
    assert "Kreislaufwirtschaft" in german.text
    english = client.get("/en/industry-ticker/street-lighting-from-plastic-waste/")
    assert english.status_code == 200
    assert "circular economy" in english.text
    assert "Kreislaufwirtschaft" not in english.text


def test_ticker_index_lists_newest_stories_first(client, story, state_alliance):
    older = TickerStoryPage(
        title="Ältere Meldung",
        slug="aeltere-meldung",
        teaser="Früher.",
        date=datetime.date(2010, 1, 1),
    )
    ticker_index(state_alliance).add_child(instance=older)
    older.save_revision().publish()
    response = client.get("/industrieticker/")
    assert response.status_code == 200
    assert response.text.index("Straßenbeleuchtung") < response.text.index("Ältere Meldung")


def test_api_404_stays_json_and_is_not_redirected(client, state_alliance):
    response = client.get("/api/v3/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] in {"application/json", "application/problem+json"}
    assert response.json()["status"] == 404


def test_api_serves_the_page_tree(client, state_alliance):
    response = client.get("/api/v3/pages/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_admin_speaks_german_by_default(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'lang="de"' in response.text
    assert "Anmelden" in response.text


def test_unknown_page_is_a_404_not_a_500(client, state_alliance):
    assert client.get("/gibt-es-nicht/").status_code == 404
    assert client.get("/en/does-not-exist/").status_code == 404
