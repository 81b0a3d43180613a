import pytest
from wagtail.models import Page, Site

from alliance_pages.models import AlliancePage, CompanyIndexPage, EventIndexPage, RegionIndexPage
from alliance_pages.skeleton import SkeletonError, ensure_state_alliance, ticker_index
from alliance_pages.skeleton import state_alliance as find_state_alliance
from ticker.models import TickerIndexPage


def test_state_alliance_is_the_default_site_root(state_alliance):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == state_alliance.pk
    assert state_alliance.locale.language_code == "de"
    assert not Page.objects.filter(slug="home", depth=2).exists()


def test_state_alliance_owns_its_indexes_in_both_languages(state_alliance, locales):
    _de, en = locales
    for model in (TickerIndexPage, EventIndexPage, RegionIndexPage, CompanyIndexPage):
        german = state_alliance.get_children().type(model).get()
        english = german.get_translation(en)
        assert english.live
        assert english.get_parent().specific == state_alliance.get_translation(en)


def test_building_the_skeleton_twice_changes_nothing(state_alliance):
    pages = Page.objects.count()
    revisions = sum(p.revisions.count() for p in Page.objects.all())
    ensure_state_alliance()
    assert Page.objects.count() == pages
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions


def test_lookups_find_the_state_alliance_per_locale(state_alliance, locales):
    _de, en = locales
    assert find_state_alliance() == state_alliance
    english = find_state_alliance(en)
    assert isinstance(english, AlliancePage)
    assert english.translation_key == state_alliance.translation_key
    assert ticker_index(state_alliance).title == "Industrieticker"
    assert ticker_index(english).title == "Industry ticker"


def test_lookups_explain_a_missing_state_alliance(state_alliance):
    state_alliance.delete()
    with pytest.raises(SkeletonError, match="load_demo"):
        find_state_alliance()
