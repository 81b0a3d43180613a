"""Wagtail's v2 API at /api/v2/ for the existing front ends: our page types, live only."""

import datetime

import pytest

from alliance_pages.choices import RegionKind, Sector
from alliance_pages.models import CompanyPage, RegionPage
from alliance_pages.skeleton import companies_index, regions_index, ticker_index
from ticker.models import TickerStoryPage


@pytest.fixture
def pages(state_alliance):
    region = RegionPage(
        title="Dormagen", slug="dormagen", kind=RegionKind.TOWN, official_key="05162004"
    )
    regions_index().add_child(instance=region)
    region.save_revision().publish()
    company = CompanyPage(
        title="Auenfeld Chemie AG",
        slug="auenfeld-chemie-ag",
        sector=Sector.CHEMICALS,
        headquarters=region,
        signatory_since=datetime.date(2009, 6, 1),
        description="<p>Grundstoffe vom Rhein.</p>",
    )
    companies_index().add_child(instance=company)
    company.sites.set([region])
    company.save_revision().publish()
    story = TickerStoryPage(
        title="Abwärme heizt Wohnungen",
        slug="abwaerme-heizt-wohnungen",
        teaser="Wärme aus dem Chempark.",
        date=datetime.date(2020, 5, 4),
        body=[("paragraph", "<p>Eine neue Leitung.</p>")],
    )
    ticker_index(state_alliance).add_child(instance=story)
    story.companies.set([company])
    story.tags.add("Abwärme")
    story.save_revision().publish()
    draft = CompanyPage(title="Entwurf GmbH", slug="entwurf-gmbh", sector=Sector.STEEL, live=False)
    companies_index().add_child(instance=draft)
    draft.save_revision()
    return {"region": region, "company": company, "story": story, "draft": draft}


@pytest.mark.django_db
def test_lists_our_page_types_with_their_api_fields(client, pages):
    response = client.get("/api/v2/pages/?type=alliance_pages.CompanyPage&fields=*")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Auenfeld Chemie AG"]
    company = items[0]
    assert company["sector"] == "chemicals"
    assert company["signatory_since"] == "2009-06-01"
    assert company["headquarters"]["id"] == pages["region"].pk
    assert company["meta"]["type"] == "alliance_pages.CompanyPage"


@pytest.mark.django_db
def test_shows_a_page_with_its_api_fields(client, pages):
    response = client.get(f"/api/v2/pages/{pages['story'].pk}/")
    assert response.status_code == 200
    story = response.json()
    assert story["teaser"] == "Wärme aus dem Chempark."
    assert story["date"] == "2020-05-04"
    assert story["tags"] == ["Abwärme"]
    assert story["body"][0]["type"] == "paragraph"
    assert story["meta"]["locale"] == "de"

    region = client.get(f"/api/v2/pages/{pages['region'].pk}/").json()
    assert (region["kind"], region["official_key"]) == ("town", "05162004")


@pytest.mark.django_db
def test_drafts_are_absent(client, pages, django_user_model):
    listed = client.get("/api/v2/pages/?type=alliance_pages.CompanyPage").json()["items"]
    assert pages["draft"].pk not in [item["id"] for item in listed]
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404

    # Not even for a logged-in editor: v2 serves live pages only.
    client.force_login(django_user_model.objects.create_superuser("editor", "e@x.example", "pw"))
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404


@pytest.mark.django_db
def test_images_and_documents_are_served(client, state_alliance):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


@pytest.mark.django_db
def test_v2_stays_outside_the_language_prefix(client, state_alliance):
    assert client.get("/en/api/v2/pages/").status_code == 404
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
