"""Founding a sub-alliance from the admin: the form under the parent alliance.

Success founds the whole sub-alliance and leads to its explorer page; a refusal of the
founding code appears beside the field it concerns and leaves the database as it was; users
without the "found sub-alliances" permission are refused by Wagtail's usual redirect
with a message, and are not offered the menu item.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupPagePermission, Page, Site, Workflow

from alliance_pages.choices import AllianceLevel, RegionKind
from alliance_pages.founding import FoundingRequest, found_sub_alliance
from alliance_pages.models import AlliancePage
from alliance_pages.roles import COORDINATION_OFFICE, ensure_roles
from alliance_pages.skeleton import regions_index, ticker_index
from tests.factories import region

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(state_alliance):
    index = regions_index()
    duesseldorf = region(index, "Regierungsbezirk Düsseldorf", RegionKind.ADMINISTRATIVE_DISTRICT)
    cologne = region(index, "Regierungsbezirk Köln", RegionKind.ADMINISTRATIVE_DISTRICT)
    return {
        "duesseldorf": duesseldorf,
        "cologne": cologne,
        "neuss": region(duesseldorf, "Rhein-Kreis Neuss", RegionKind.DISTRICT),
    }


@pytest.fixture
def duesseldorf(regions, state_alliance):
    return found_sub_alliance(
        FoundingRequest(
            name="Regionale Allianz Düsseldorf",
            level="regional",
            parent=state_alliance,
            region=regions["duesseldorf"],
            founded_on=datetime.date(2010, 2, 25),
        )
    )


def login(client, username, *groups):
    user = get_user_model().objects.create_user(username, password="unused")
    user.groups.set(groups)
    client.force_login(user)
    return user


@pytest.fixture
def office_client(client, regions):
    login(client, "koordinierung", ensure_roles()[COORDINATION_OFFICE])
    return client


def found_url(page) -> str:
    return reverse("alliance_found_sub_alliance", args=[page.pk])


def census() -> dict:
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": Workflow.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


def cologne_form(regions, **overrides) -> dict:
    return {
        "name": "Regionale Allianz Köln",
        "level": "regional",
        "region": regions["cologne"].pk,
        "editors": "redaktion@koeln.example\nzweite.redaktion@koeln.example",
        "moderators": "moderation@koeln.example",
        "hostname": "",
        **overrides,
    }


def test_the_office_is_offered_the_form_on_the_parent_alliance(
    office_client, state_alliance, duesseldorf
):
    explorer = office_client.get(reverse("wagtailadmin_explore", args=[state_alliance.pk]))
    assert explorer.status_code == 200
    assert found_url(state_alliance) in explorer.text  # the page header's menu
    assert found_url(duesseldorf.alliance) in explorer.text  # the listing's "More" menu

    form = office_client.get(found_url(state_alliance))
    assert form.status_code == 200
    for field in ("name", "level", "region", "editors", "moderators", "hostname"):
        assert f'name="{field}"' in form.text
    assert 'value="regional"' in form.text and 'value="local"' in form.text


def test_founding_from_the_admin(
    office_client, regions, locales, state_alliance, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(
            found_url(state_alliance),
            cologne_form(regions, hostname="Koeln.Allianz.example"),
        )
    german, english = locales
    alliance = AlliancePage.objects.get(locale=german, slug="regionale-allianz-koeln")
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[alliance.pk])

    assert alliance.get_parent().pk == state_alliance.pk
    assert alliance.level == AllianceLevel.REGIONAL and alliance.live
    assert alliance.region == regions["cologne"]
    assert alliance.get_translation(english).title == "Regional alliance Köln"
    assert ticker_index(alliance).live
    editors = Group.objects.get(name="Regionale Allianz Köln: Editors")
    assert set(editors.user_set.values_list("email", flat=True)) == {
        "redaktion@koeln.example",
        "zweite.redaktion@koeln.example",
    }
    assert Group.objects.get(name="Regionale Allianz Köln: Moderators").user_set.count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "moderation@koeln.example",
        "redaktion@koeln.example",
        "zweite.redaktion@koeln.example",
    ]
    site = Site.objects.get(hostname="koeln.allianz.example")
    assert site.root_page_id == alliance.pk

    explorer = office_client.get(response.url)
    assert "Regionale Allianz Köln" in explorer.text
    assert "„Regionale Allianz Köln“ gegründet" in explorer.text


def test_a_local_alliance_under_a_regional_one_from_its_english_page(
    office_client, regions, locales, duesseldorf
):
    german, english = locales
    english_parent = duesseldorf.alliance.get_translation(english)
    form = office_client.get(found_url(english_parent))
    assert 'value="local"' in form.text and 'value="regional"' not in form.text

    response = office_client.post(
        found_url(english_parent),
        {"name": "Lokale Allianz Neuss", "level": "local", "region": regions["neuss"].pk},
    )
    assert response.status_code == 302
    local = AlliancePage.objects.get(locale=german, slug="lokale-allianz-neuss")
    assert local.get_parent().pk == duesseldorf.alliance.pk
    assert local.level == AllianceLevel.LOCAL


def field_errors_html(html: str, field: str) -> str:
    """The error box rendered beside a field of the admin form."""
    block = html.split(f'data-contentpath="{field}"', 1)[1]
    return block.split("data-field-input", 1)[0]


@pytest.fixture
def neuss_under_duesseldorf(regions, duesseldorf):
    return found_sub_alliance(
        FoundingRequest(
            name="Lokale Allianz Neuss",
            level="local",
            parent=duesseldorf.alliance,
            region=regions["neuss"],
        )
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        # Refusals of the founding code, each beside the field it concerns.
        pytest.param(
            {"hostname": "localhost"},
            "hostname",
            "Der Hostname „localhost“ gehört bereits zu einer anderen Website.",
            id="hostname-taken",
        ),
        pytest.param(
            {"hostname": "kein host"},
            "hostname",
            "„kein host“ ist kein gültiger Hostname.",
            id="bad-hostname",
        ),
        pytest.param(
            {"name": "Regionale Allianz Düsseldorf", "region": "cologne"},
            "name",
            "bereits durch „Regionale Allianz Düsseldorf“ belegt",
            id="slug-taken",
        ),
        pytest.param(
            {"name": "Lokale Allianz Neuss", "level": "local"},
            "name",
            "Eine Allianz namens „Lokale Allianz Neuss“ gibt es bereits an anderer Stelle.",
            id="name-taken-elsewhere",
        ),
        pytest.param(
            {"name": "Regionale Allianz Köln", "groups": True},
            "name",
            "Die Gruppen für „Regionale Allianz Köln“ gibt es bereits",
            id="groups-left-over",
        ),
        # The form's own checks.
        pytest.param(
            {"editors": "redaktion@koeln.example, keine-adresse"},
            "editors",
            "keine-adresse",
            id="bad-address",
        ),
        pytest.param({"level": "state"}, "level", "state", id="state-level"),
        pytest.param({"name": "  "}, "name", "", id="no-name"),
        pytest.param({"region": "999999"}, "region", "", id="unknown-region"),
    ],
)
def test_a_refusal_is_an_error_on_its_field_and_changes_nothing(
    office_client,
    regions,
    state_alliance,
    duesseldorf,
    neuss_under_duesseldorf,
    overrides,
    field,
    message,
):
    if overrides.get("region") == "cologne":
        overrides = {**overrides, "region": regions["cologne"].pk}
    if overrides.pop("groups", False):
        Group.objects.create(name="Regionale Allianz Köln: Editors")
    before = census()
    response = office_client.post(found_url(state_alliance), cologne_form(regions, **overrides))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {field}, form.errors
    assert message in " ".join(form.errors[field])
    assert message in field_errors_html(response.text, field)
    assert census() == before
    assert not mail.outbox


def test_a_sub_alliance_editor_may_not_found(client, regions, duesseldorf):
    login(client, "redaktion-duesseldorf", duesseldorf.editors)
    parent = duesseldorf.alliance
    explorer = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    assert explorer.status_code == 200 and parent.title in explorer.text
    assert found_url(parent) not in explorer.text

    before = census()
    form = client.get(found_url(parent))
    assert form.status_code == 302 and form.url == reverse("wagtailadmin_home")
    response = client.post(
        found_url(parent),
        {"name": "Lokale Allianz Neuss", "level": "local", "region": regions["neuss"].pk},
        follow=True,
    )
    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    refusals = [str(message).strip() for message in response.context["messages"]]
    refusal = "Sorry, you do not have permission to access this area."
    in_either_language = set()
    for language in ("de", "en"):
        with translation.override(language):
            in_either_language.add(_(refusal))
    assert refusals and set(refusals) <= in_either_language
    assert census() == before


def test_a_local_alliance_offers_no_founding(office_client, regions, duesseldorf):
    local = found_sub_alliance(
        FoundingRequest(
            name="Lokale Allianz Neuss",
            level="local",
            parent=duesseldorf.alliance,
            region=regions["neuss"],
        )
    ).alliance
    explorer = office_client.get(reverse("wagtailadmin_explore", args=[local.pk]))
    assert found_url(local) not in explorer.text
    before = census()
    response = office_client.get(found_url(local))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[local.pk])
    assert census() == before


def test_a_refusal_half_way_through_leaves_nothing_half_made(
    office_client, regions, state_alliance
):
    """The user name an invitation needs is taken: found only once the pages, groups
    and collection are written, and all of them are rolled back with the refusal."""
    get_user_model().objects.create_user("redaktion@koeln.example", email="andere@koeln.example")
    before = census()
    response = office_client.post(found_url(state_alliance), cologne_form(regions))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"editors"}
    assert "Der Benutzername redaktion@koeln.example" in " ".join(errors["editors"])
    assert "redaktion@koeln.example" in field_errors_html(response.text, "editors")
    assert census() == before
    assert not AlliancePage.objects.filter(slug="regionale-allianz-koeln").exists()
    assert not mail.outbox
