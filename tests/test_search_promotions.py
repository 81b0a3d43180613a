"""Editors' picks come first in ``/api/v3/stories/``; searches are counted for the report."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from alliance_pages.skeleton import content_locales
from alliance_pages.translation import publish_translation
from search.models import ZeroResultDailyHits
from search.promotions import regular_window

from .test_search_indexing import publish_story

pytestmark = pytest.mark.django_db

STORIES_URL = "/api/v3/stories/"


@pytest.fixture
def picked(locales):
    """Two stories about hydrogen, and a third, about steel, picked for "wasserstoff"."""
    first = publish_story(title="Wasserstoff im Hafen", tags=["Wasserstoff"])
    second = publish_story(title="Wasserstoff für Busse", tags=["Wasserstoff"])
    pick = publish_story(title="Grüner Stahl aus Duisburg", tags=["Stahl"])
    SearchPromotion.objects.create(query=Query.get("Wasserstoff"), page=pick, sort_order=0)
    return first, second, pick


def test_pick_comes_first_marked_and_counted(client, picked):
    first, second, pick = picked
    payload = client.get(STORIES_URL, {"q": "wasserstoff"}).json()
    ids = [hit["id"] for hit in payload["results"]]
    assert ids[0] == pick.pk and set(ids[1:]) == {first.pk, second.pk}
    assert [hit["promoted"] for hit in payload["results"]] == [True, False, False]
    assert payload["count"] == 3
    tags = {value["value"]: value["count"] for value in payload["facets"]["tags"]}
    assert tags == {"Wasserstoff": 2, "Stahl": 1}


def test_several_picks_come_in_the_editors_order_an_unset_order_last(client, picked):
    first, second, pick = picked
    query = Query.get("Wasserstoff")
    SearchPromotion.objects.create(query=query, page=second, sort_order=None)
    SearchPromotion.objects.create(query=query, page=first, sort_order=1)
    payload = client.get(STORIES_URL, {"q": "Wasserstoff"}).json()
    assert [hit["id"] for hit in payload["results"]] == [pick.pk, first.pk, second.pk]
    assert all(hit["promoted"] for hit in payload["results"])
    assert payload["count"] == 3


def test_pages_after_the_first_continue_without_repeating_the_pick(client, picked):
    _first, _second, pick = picked
    page_one = client.get(STORIES_URL, {"q": "wasserstoff", "limit": 2}).json()
    page_two = client.get(STORIES_URL, {"q": "wasserstoff", "limit": 2, "offset": 2}).json()
    ids = [hit["id"] for hit in page_one["results"] + page_two["results"]]
    assert len(ids) == 3 == len(set(ids)) and ids[0] == pick.pk


def test_pick_respects_filters_and_other_queries(client, picked):
    _first, _second, pick = picked
    filtered = client.get(STORIES_URL, {"q": "wasserstoff", "tag": "Wasserstoff"}).json()
    assert pick.pk not in [hit["id"] for hit in filtered["results"]]
    other = client.get(STORIES_URL, {"q": "hafen"}).json()
    assert not any(hit["promoted"] for hit in other["results"])


def test_a_pick_of_the_german_page_promotes_its_english_translation(client, picked):
    _de, en = content_locales()
    _first, _second, pick = picked
    english = publish_translation(pick, en, {"title": "Green steel from Duisburg"}, tags=["steel"])
    payload = client.get(STORIES_URL, {"q": "wasserstoff", "locale": "en"}).json()
    assert payload["results"][0]["id"] == english.pk and payload["results"][0]["promoted"]


@pytest.mark.parametrize(
    ("offset", "limit", "promoted", "expected"),
    [
        (0, 20, 2, {"offset": 0, "limit": 18}),
        (1, 1, 2, {"offset": 0, "limit": 0}),
        (20, 20, 2, {"offset": 18, "limit": 20}),
        (0, 20, 0, {"offset": 0, "limit": 20}),
    ],
)
def test_regular_window(offset, limit, promoted, expected):
    assert regular_window(offset, limit, promoted) == expected


def test_searches_and_searches_without_results_are_counted(client, picked):
    client.get(STORIES_URL, {"q": "Wasserstoff"})
    client.get(STORIES_URL, {"q": "wasserstoff ", "offset": 0})
    client.get(STORIES_URL, {"q": "wasserstoff", "offset": 1})  # a later page: not counted
    client.get(STORIES_URL, {"q": "Kernfusion"})
    assert Query.get("wasserstoff").hits == 2
    assert Query.get("kernfusion").hits == 1
    zero = ZeroResultDailyHits.objects.get()
    assert zero.query.query_string == "kernfusion" and zero.hits == 1


def test_admin_report_lists_popular_and_empty_queries_with_a_chart(client, picked):
    client.get(STORIES_URL, {"q": "Wasserstoff"})
    client.get(STORIES_URL, {"q": "Kernfusion"})
    admin = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/reports/search-queries/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<rect" in html
    popular, empty = html.split('id="zero-result-queries"', 1)
    assert "wasserstoff" in popular and "kernfusion" in popular
    assert "kernfusion" in empty and "wasserstoff" not in empty
    bad = client.get("/admin/reports/search-queries/", {"days": "many"})
    assert bad.status_code == 200 and 'class="error-message"' in bad.content.decode()


def test_report_is_for_superusers_only(client, locales):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/reports/search-queries/")
    assert response.status_code in {302, 403}
