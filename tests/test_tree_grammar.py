"""The tree's grammar: which page may stand where, and which alliance level under which."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Page

from alliance_pages.choices import AllianceLevel, RegionKind
from alliance_pages.models import (
    AlliancePage,
    AlliancePartner,
    CompanyIndexPage,
    DeclarationPage,
    EventIndexPage,
    EventPage,
    RegionIndexPage,
    RegionPage,
    SupportServicesPage,
)
from alliance_pages.skeleton import events_index, regions_index, ticker_index
from tests.factories import (
    AlliancePageFactory,
    CompanyPageFactory,
    EventPageFactory,
    RegionPageFactory,
    TickerStoryPageFactory,
)
from ticker.models import TickerIndexPage, TickerStoryPage


def add_alliance(parent, level, title="Neue Allianz"):
    page = AlliancePage(title=title, level=level, founded_on=datetime.date(2011, 1, 1))
    parent.add_child(instance=page)
    return page


@pytest.fixture
def duesseldorf(db, sub_alliances):
    return AlliancePage.objects.get(pk=sub_alliances["duesseldorf"].pk)


@pytest.fixture
def dormagen(db, sub_alliances):
    return AlliancePage.objects.get(pk=sub_alliances["dormagen"].pk)


@pytest.mark.parametrize(
    ("parent_name", "level", "allowed"),
    [
        ("root", AllianceLevel.STATE, True),
        ("root", AllianceLevel.REGIONAL, False),
        ("root", AllianceLevel.LOCAL, False),
        ("state", AllianceLevel.STATE, False),
        ("state", AllianceLevel.REGIONAL, True),
        ("state", AllianceLevel.LOCAL, True),
        ("regional", AllianceLevel.STATE, False),
        ("regional", AllianceLevel.REGIONAL, False),
        ("regional", AllianceLevel.LOCAL, True),
        ("local", AllianceLevel.LOCAL, False),
        ("local", AllianceLevel.REGIONAL, False),
    ],
)
def test_alliance_levels_nest_state_regional_local(
    state_alliance, duesseldorf, dormagen, parent_name, level, allowed
):
    parent = {
        "root": Page.get_first_root_node(),
        "state": state_alliance,
        "regional": duesseldorf,
        "local": dormagen,
    }[parent_name]
    pages_before = Page.objects.count()
    if allowed:
        add_alliance(parent, level)
        assert Page.objects.count() == pages_before + 1
    else:
        with pytest.raises(ValidationError) as error, transaction.atomic():
            add_alliance(parent, level)
        assert "level" in error.value.message_dict
        assert Page.objects.count() == pages_before


def test_each_alliance_owns_one_ticker_and_one_events_index(duesseldorf, dormagen):
    for alliance in (duesseldorf, dormagen):
        assert ticker_index(alliance).get_parent().pk == alliance.pk
        assert events_index(alliance).get_parent().pk == alliance.pk
        assert not TickerIndexPage.can_create_at(alliance)
        assert not EventIndexPage.can_create_at(alliance)


@pytest.mark.parametrize(
    "model", [RegionIndexPage, CompanyIndexPage, DeclarationPage, SupportServicesPage]
)
def test_state_wide_pages_exist_only_under_the_state_alliance(
    state_alliance, duesseldorf, dormagen, model
):
    assert model.can_exist_under(state_alliance)
    assert not model.can_exist_under(duesseldorf)
    assert not model.can_exist_under(dormagen)
    assert not model.can_exist_under(Page.get_first_root_node())


def test_stories_live_only_in_a_ticker(state_alliance):
    assert TickerStoryPage.allowed_parent_page_models() == [TickerIndexPage]
    assert not TickerStoryPage.can_exist_under(state_alliance)
    assert TickerStoryPage.can_exist_under(ticker_index(state_alliance))
    assert not EventPage.can_exist_under(ticker_index(state_alliance))


def test_a_local_alliance_cannot_be_moved_under_another_local_one(state_alliance, dormagen):
    second_local = add_alliance(state_alliance, AllianceLevel.LOCAL, "Lokale Allianz Marl")
    assert not second_local.can_move_to(dormagen)
    assert second_local.can_move_to(dormagen.get_parent())


def test_regions_nest_from_state_down_to_town(state_alliance):
    index = regions_index()
    nrw = RegionPageFactory(parent=index, title="Nordrhein-Westfalen", kind=RegionKind.STATE)
    district = RegionPageFactory(
        parent=nrw, title="Regierungsbezirk Düsseldorf", kind=RegionKind.ADMINISTRATIVE_DISTRICT
    )
    town = RegionPageFactory(parent=district, title="Dormagen", kind=RegionKind.TOWN)
    assert town.get_parent().pk == district.pk
    with pytest.raises(ValidationError) as error, transaction.atomic():
        RegionPageFactory(parent=town, title="Düsseldorf", kind=RegionKind.ADMINISTRATIVE_DISTRICT)
    assert "kind" in error.value.message_dict


def test_region_key_and_coordinates_are_validated(state_alliance):
    region = RegionPage(
        title="Irgendwo", slug="irgendwo", kind=RegionKind.TOWN, official_key="05-162", latitude=123
    )
    with pytest.raises(ValidationError) as error:
        region.full_clean()
    assert {"official_key", "latitude"} <= set(error.value.message_dict)


def test_an_event_cannot_end_before_it_starts(state_alliance):
    with pytest.raises(ValidationError) as error, transaction.atomic():
        EventPageFactory(
            parent=events_index(state_alliance),
            starts_at=datetime.datetime(2010, 9, 1, 10, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2010, 8, 31, 10, tzinfo=datetime.UTC),
        )
    assert "ends_at" in error.value.message_dict


def test_an_event_is_organised_by_its_alliance_unless_stated(dormagen):
    event = EventPageFactory(parent=events_index(dormagen))
    assert event.organising_alliance.pk == dormagen.pk


def test_a_partner_is_either_a_company_or_an_organisation(state_alliance):
    from alliance_pages.skeleton import companies_index
    from tests.factories import PartnerOrganisationFactory

    company = CompanyPageFactory(parent=companies_index())
    organisation = PartnerOrganisationFactory()
    both = AlliancePartner(alliance=state_alliance, company=company, organisation=organisation)
    with pytest.raises(ValidationError):
        both.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        AlliancePartner.objects.create(alliance=state_alliance)


def test_the_factory_builds_stories_in_a_ticker(state_alliance):
    story = TickerStoryPageFactory(parent=ticker_index(state_alliance), title="Kunststoffabfälle")
    assert story.get_parent().specific_class is TickerIndexPage
    assert AlliancePageFactory._meta.model is AlliancePage


def test_even_a_draft_alliance_must_fit_its_parent(dormagen):
    draft = AlliancePage(
        title="Entwurf",
        level=AllianceLevel.REGIONAL,
        founded_on=datetime.date(2012, 1, 1),
        live=False,
    )
    with pytest.raises(ValidationError), transaction.atomic():
        dormagen.add_child(instance=draft)


def test_an_alliance_cannot_change_to_a_level_its_sub_alliances_do_not_fit(duesseldorf):
    duesseldorf.level = AllianceLevel.LOCAL
    with pytest.raises(ValidationError) as error:
        duesseldorf.full_clean()
    assert "level" in error.value.message_dict
