"""Every page type's editor opens, in German, for the parent it belongs under."""

import pytest
from django.contrib.auth import get_user_model

from alliance_pages.models import (
    AlliancePage,
    CompanyIndexPage,
    CompanyPage,
    EventIndexPage,
    EventPage,
    RegionIndexPage,
    RegionPage,
    SupportServicesPage,
)
from alliance_pages.skeleton import companies_index, events_index, regions_index, ticker_index
from ticker.models import TickerStoryPage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        (AlliancePage, lambda state: state),
        (TickerStoryPage, ticker_index),
        (EventPage, events_index),
        (RegionPage, lambda state: regions_index()),
        (CompanyPage, lambda state: companies_index()),
    ],
)
def test_add_form_opens_under_its_parent(admin_client, state_alliance, model, parent):
    parent_page = parent(state_alliance)
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent_page.pk}/"
    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert 'lang="de"' in response.text


@pytest.mark.parametrize("model", [AlliancePage, RegionIndexPage, CompanyIndexPage, EventIndexPage])
def test_edit_form_opens_for_existing_pages(admin_client, state_alliance, model):
    page = model.objects.filter(locale=state_alliance.locale).first()
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200


def test_support_services_can_be_added_once_under_the_state_alliance(admin_client, state_alliance):
    url = f"/admin/pages/add/alliance_pages/supportservicespage/{state_alliance.pk}/"
    assert admin_client.get(url).status_code == 200
    assert SupportServicesPage.can_create_at(state_alliance)


def test_partner_organisations_are_listed_in_the_admin(admin_client):
    response = admin_client.get("/admin/snippets/alliance_pages/partnerorganisation/")
    assert response.status_code == 200


def alliance_form(title, level, **extra):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": title,
            "slug": "neue-allianz",
            "level": level,
            "founded_on": "2011-03-01",
            "body": streamfield([]),
            "partners": inline_formset([]),
            **extra,
        }
    )


def test_admin_refuses_a_local_alliance_under_a_local_one_with_a_form_error(
    admin_client, sub_alliances
):
    dormagen = sub_alliances["dormagen"]
    pages_before = AlliancePage.objects.count()
    response = admin_client.post(
        f"/admin/pages/add/alliance_pages/alliancepage/{dormagen.pk}/",
        alliance_form("Lokale Allianz Zons", "local"),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Lokale Allianz kann keine Lokale Allianz enthalten" in response.text
    assert AlliancePage.objects.count() == pages_before


def test_admin_creates_a_local_alliance_under_a_regional_one(admin_client, sub_alliances):
    duesseldorf = sub_alliances["duesseldorf"]
    response = admin_client.post(
        f"/admin/pages/add/alliance_pages/alliancepage/{duesseldorf.pk}/",
        alliance_form("Lokale Allianz Neuss", "local"),
    )
    assert response.status_code == 302
    created = AlliancePage.objects.get(title="Lokale Allianz Neuss")
    assert created.get_parent().pk == duesseldorf.pk
