"""The read-only review: the steering committee reads everything and changes nothing.

The world (state alliance; regional Düsseldorf with local Dormagen below it) is founded
once per module, with stories live, in draft, revised and in moderation. Each test runs
in its own savepoint. Admin texts are asserted in German, the admin's language.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Revision

from alliance_pages.choices import RegionKind
from alliance_pages.founding import FoundingRequest, found_sub_alliance
from alliance_pages.review.access import READ_CODENAME, may_read, readable_pages
from alliance_pages.review.listing import ReviewIndexView
from alliance_pages.roles import STEERING_COMMITTEE, ensure_roles
from alliance_pages.skeleton import companies_index, regions_index, state_alliance, ticker_index
from alliance_pages.text import german_slugify
from tests.factories import CompanyPageFactory, region
from ticker.models import TickerStoryPage

REFUSAL = "Sie haben leider keinen Zugang zu diesem Bereich."


@dataclass
class World:
    tickers: dict[str, Page]
    stories: dict[str, int]
    users: dict[str, object]
    alliances: dict[str, Page]


def write_story(ticker, title, owner, *, teasers=("Erste Fassung",), live=False, **facts):
    page = TickerStoryPage(
        title=title,
        slug=german_slugify(title),
        teaser=teasers[0],
        date=datetime.date(2011, 5, 4),
        live=False,
        owner=owner,
    )
    ticker.add_child(instance=page)
    if "companies" in facts:
        page.companies = facts["companies"]
    if "regions" in facts:
        page.regions = facts["regions"]
    for tag in facts.get("tags", ()):
        page.tags.add(tag)
    revision = page.save_revision(user=owner, log_action=True)
    if live:
        revision.publish(user=owner)
    for teaser in teasers[1:]:
        page = TickerStoryPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        page.teaser = teaser
        page.save_revision(user=owner, log_action=True)
    return TickerStoryPage.objects.get(pk=page.pk)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def build_world() -> World:
    index = regions_index()
    district = region(index, "Regierungsbezirk Düsseldorf", RegionKind.ADMINISTRATIVE_DISTRICT)
    town = region(district, "Dormagen", RegionKind.TOWN)
    state = state_alliance()
    duesseldorf = found_sub_alliance(
        FoundingRequest(
            name="Regionale Allianz Düsseldorf", level="regional", parent=state, region=district
        )
    )
    dormagen = found_sub_alliance(
        FoundingRequest(
            name="Lokale Allianz Dormagen", level="local", parent=duesseldorf.alliance, region=town
        )
    )
    roles = ensure_roles()
    user_model = get_user_model()
    chef = user_model.objects.create_superuser("chef", password="unused")
    users = {"chef": chef}
    for name, group in (
        ("lenkungskreis", roles[STEERING_COMMITTEE]),
        ("redaktion-dormagen", dormagen.editors),
        ("nur-anmeldung", None),
    ):
        users[name] = user_model.objects.create_user(name, password="unused")
        if group is not None:
            users[name].groups.add(group)
    # Logs in to the admin, but holds no page at all.
    users["nur-anmeldung"].user_permissions.add(
        roles[STEERING_COMMITTEE].permissions.get(codename="access_admin")
    )

    tickers = {
        "state": ticker_index(state),
        "duesseldorf": ticker_index(duesseldorf.alliance),
        "dormagen": ticker_index(dormagen.alliance),
    }
    company = CompanyPageFactory(parent=companies_index(), title="Chempark Dormagen GmbH")
    stories = {
        "baecker": write_story(tickers["state"], "Bäcker backen mit Wasserstoff", chef, live=True),
        "zement": write_story(tickers["state"], "Zement ohne Kohle", chef, live=True),
        "aerzte": write_story(tickers["state"], "Ärzte drucken Prothesen", chef),
        "oefen": write_story(tickers["duesseldorf"], "Öfen aus Recyclingstahl", chef),
        "revised": write_story(
            tickers["dormagen"],
            "Kunststoff im Kreislauf",
            chef,
            teasers=("Erste Fassung", "Zweite Fassung – Straßenbahn"),
            live=True,
            companies=[company],
            regions=[town],
            tags=["Kreislaufwirtschaft", "Chemie"],
        ),
        "moderated": write_story(tickers["dormagen"], "Wasserstoffzug in Dormagen", chef),
    }
    moderated = stories["moderated"]
    moderated.get_workflow().start(moderated, chef)
    return World(
        tickers=tickers,
        stories={key: page.pk for key, page in stories.items()},
        users=users,
        alliances={
            "state": state,
            "duesseldorf": duesseldorf.alliance,
            "dormagen": dormagen.alliance,
        },
    )


def client_for(world, name) -> Client:
    client = Client()
    client.force_login(world.users[name])
    return client


def listed_titles(response) -> list[str]:
    return [page.title for page in response.context["object_list"]]


def census() -> tuple:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        list(Page.objects.order_by("pk").values_list("pk", "live", "locked", "latest_revision")),
    )


def main_content(response) -> str:
    return response.text.split("<main", 1)[1].split("</main>", 1)[0]


INDEX = reverse("alliance_review:index")

pytestmark = pytest.mark.django_db


# --- The read grant ---------------------------------------------------------------------


def test_the_steering_committee_reads_every_page_and_nothing_else(world):
    steering = world.users["lenkungskreis"]
    grants = GroupPagePermission.objects.filter(group__name=STEERING_COMMITTEE)
    assert [(g.page.depth, g.permission.codename) for g in grants] == [(1, READ_CODENAME)]
    assert readable_pages(steering).count() == Page.objects.filter(depth__gt=1).count()
    story = Page.objects.get(pk=world.stories["aerzte"])
    assert may_read(steering, story)
    assert not may_read(world.users["nur-anmeldung"], story)
    assert not may_read(world.users["redaktion-dormagen"], story)


# --- The listing ------------------------------------------------------------------------


def test_the_menu_offers_the_review_to_readers_only(world):
    home = reverse("wagtailadmin_home")
    assert INDEX in client_for(world, "lenkungskreis").get(home).text
    assert INDEX in client_for(world, "redaktion-dormagen").get(home).text
    response = client_for(world, "nur-anmeldung").get(home)
    assert response.status_code == 200 and INDEX not in response.text
    refused = client_for(world, "nur-anmeldung").get(INDEX, follow=True)
    assert refused.redirect_chain[0] == (home, 302)
    assert REFUSAL in refused.text


def test_the_listing_shows_drafts_in_every_subtree_the_german_way(world):
    response = client_for(world, "lenkungskreis").get(INDEX, {"q": "e"})
    assert response.status_code == 200
    titles = [t for t in listed_titles(response) if t in STORY_TITLES]
    # DIN 5007: Ä with A, Ö with O (SQLite and PostgreSQL alike), drafts included.
    assert titles == list(STORY_TITLES)
    backwards = client_for(world, "lenkungskreis").get(INDEX, {"q": "e", "ordering": "-title"})
    assert [t for t in listed_titles(backwards) if t in STORY_TITLES] == titles[::-1]
    assert "Entwurf" in response.text  # the status column, in German
    # The language column and filter say so in German; Wagtail's own label is "Locale".
    assert "Sprache" in response.text
    assert ">Locale<" not in response.text.replace(" ", "").replace("\n", "")


# In German (DIN 5007) order: Ä with A, Ö with O.
STORY_TITLES = (
    "Ärzte drucken Prothesen",
    "Bäcker backen mit Wasserstoff",
    "Kunststoff im Kreislauf",
    "Öfen aus Recyclingstahl",
    "Wasserstoffzug in Dormagen",
    "Zement ohne Kohle",
)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(
            {"alliance": "dormagen"},
            {"Kunststoff im Kreislauf", "Wasserstoffzug in Dormagen"},
            id="alliance-dormagen",
        ),
        pytest.param(
            {"alliance": "duesseldorf"}, {"Öfen aus Recyclingstahl"}, id="alliance-not-below"
        ),
        pytest.param(
            {"alliance": "state"},
            {"Ärzte drucken Prothesen", "Bäcker backen mit Wasserstoff", "Zement ohne Kohle"},
            id="alliance-state-own-sections",
        ),
        pytest.param(
            {"status": "live"},
            {"Bäcker backen mit Wasserstoff", "Zement ohne Kohle", "Kunststoff im Kreislauf"},
            id="live",
        ),
        pytest.param(
            {"status": "draft"},
            {"Ärzte drucken Prothesen", "Öfen aus Recyclingstahl", "Kunststoff im Kreislauf"},
            id="unpublished-changes",
        ),
        pytest.param(
            {"status": "in_moderation"}, {"Wasserstoffzug in Dormagen"}, id="in-moderation"
        ),
        pytest.param(
            {"q": "wasserstoff"},
            {"Bäcker backen mit Wasserstoff", "Wasserstoffzug in Dormagen"},
            id="title-search",
        ),
        pytest.param(
            {"alliance": "dormagen", "status": "live"}, {"Kunststoff im Kreislauf"}, id="both"
        ),
    ],
)
def test_the_listing_filters(world, filters, expected):
    if "alliance" in filters:
        filters = {**filters, "alliance": world.alliances[filters["alliance"]].pk}
    response = client_for(world, "lenkungskreis").get(INDEX, filters)
    assert response.status_code == 200
    assert {t for t in listed_titles(response) if t in STORY_TITLES} == expected


def test_an_unknown_filter_value_is_a_form_error_not_a_failure(world):
    response = client_for(world, "lenkungskreis").get(INDEX, {"status": "geheim", "alliance": "x"})
    assert response.status_code == 200
    assert set(response.context["view"].filters.errors) == {"status", "alliance"}


def test_an_editor_reads_only_the_own_subtree(world):
    response = client_for(world, "redaktion-dormagen").get(INDEX)
    titles = {t for t in listed_titles(response) if t in STORY_TITLES}
    assert titles == {"Kunststoff im Kreislauf", "Wasserstoffzug in Dormagen"}
    choices = dict(response.context["view"].filters.form.fields["alliance"].choices)
    assert set(choices) - {""} == {str(world.alliances["dormagen"].pk)}


def test_the_listing_is_paginated_and_costs_the_same_queries_for_many_rows(
    world, django_assert_max_num_queries
):
    client = client_for(world, "lenkungskreis")
    duesseldorf = {"alliance": world.alliances["duesseldorf"].pk}
    client.get(INDEX)  # content types and the like, cached once per process

    def queries(**extra) -> tuple[int, object]:
        from django.db import connection

        with CaptureQueriesContext(connection) as captured:
            response = client.get(INDEX, {**duesseldorf, **extra})
        assert response.status_code == 200
        return len(captured), response

    few, response = queries()
    assert len(response.context["object_list"]) < 10
    chef = world.users["chef"]
    for number in range(60):
        write_story(world.tickers["duesseldorf"], f"Geschichte {number:02}", chef, live=number % 2)
    many, response = queries()
    assert len(response.context["object_list"]) == ReviewIndexView.paginate_by
    assert many == few
    with django_assert_max_num_queries(15):
        client.get(INDEX, {**duesseldorf, "p": 2})

    second = client.get(INDEX, {**duesseldorf, "p": 2})
    titles = listed_titles(response) + listed_titles(second)
    assert len(titles) == len(set(titles)) == response.context["paginator"].count
    assert titles.index("Geschichte 59") < titles.index("Öfen aus Recyclingstahl")


# --- One page ---------------------------------------------------------------------------


def test_the_page_shows_the_latest_draft_with_its_facts(world):
    story = Page.objects.get(pk=world.stories["revised"])
    response = client_for(world, "lenkungskreis").get(
        reverse("alliance_review:page", args=[story.pk])
    )
    assert response.status_code == 200
    content = main_content(response)
    assert "Zweite Fassung – Straßenbahn" in content  # the draft, not the live "Erste"
    assert "Erste Fassung" not in content
    assert "Veröffentlicht + Entwurf" in content
    assert "Lokale Allianz Dormagen" in content
    assert "Chempark Dormagen GmbH" in content and "Dormagen" in content
    assert "Chemie, Kreislaufwirtschaft" in content
    assert "4. Mai 2011" in content
    assert "<form" not in content
    assert reverse("alliance_review:history", args=[story.pk]) in response.text
    assert reverse("alliance_review:preview", args=[story.pk]) in response.text
    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) not in response.text


def test_the_history_says_who_did_what_and_compares(world):
    story = Page.objects.get(pk=world.stories["revised"])
    first, second = story.revisions.order_by("pk")[:2]
    client = client_for(world, "lenkungskreis")
    response = client.get(reverse("alliance_review:history", args=[story.pk]))
    assert response.status_code == 200
    content = main_content(response)
    assert "chef" in content
    assert "Veröffentlicht" in content
    compare = reverse("alliance_review:compare", args=[story.pk, first.pk, second.pk])
    assert compare in content
    assert "<form" not in content.split("</header>")[-1]

    comparison = client.get(compare)
    assert comparison.status_code == 200
    assert re.search(r'class="deletion">Erste<', comparison.text)
    assert re.search(r'class="addition">Zweite<', comparison.text)
    live = client.get(reverse("alliance_review:compare", args=[story.pk, "live", "latest"]))
    assert live.status_code == 200 and "Straßenbahn" in live.text


def test_the_history_costs_the_same_queries_for_many_versions(world):
    from django.db import connection

    client = client_for(world, "lenkungskreis")
    chef = world.users["chef"]

    def queries(teasers) -> int:
        page = write_story(world.tickers["state"], f"Chronik {len(teasers)}", chef, teasers=teasers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("alliance_review:history", args=[page.pk]))
        assert len(response.context["object_list"]) == len(teasers) + 1  # created, edited…
        return len(captured)

    assert queries([f"Fassung {n}" for n in range(12)]) == queries(["Fassung 0", "Fassung 1"])


def test_the_preview_renders_the_latest_draft_as_the_public_page(world):
    story = Page.objects.get(pk=world.stories["revised"])
    client = client_for(world, "lenkungskreis")
    response = client.get(reverse("alliance_review:preview", args=[story.pk]))
    assert response.status_code == 200
    assert "Zweite Fassung – Straßenbahn" in response.text
    assert "<!DOCTYPE html>" in response.text or "<html" in response.text
    first = story.revisions.order_by("pk").first()
    earlier = client.get(reverse("alliance_review:preview_revision", args=[story.pk, first.pk]))
    assert earlier.status_code == 200 and "Erste Fassung" in earlier.text


REVIEW_VIEWS = {
    "page": lambda page, revision: reverse("alliance_review:page", args=[page.pk]),
    "history": lambda page, revision: reverse("alliance_review:history", args=[page.pk]),
    "compare": lambda page, revision: reverse(
        "alliance_review:compare", args=[page.pk, "earliest", revision.pk]
    ),
    "preview": lambda page, revision: reverse("alliance_review:preview", args=[page.pk]),
    "preview a version": lambda page, revision: reverse(
        "alliance_review:preview_revision", args=[page.pk, revision.pk]
    ),
}


@pytest.mark.parametrize("view", REVIEW_VIEWS)
def test_a_page_outside_the_subtree_is_refused(world, view):
    """The admin's usual refusal: back to the dashboard with the German message."""
    story = Page.objects.get(pk=world.stories["aerzte"])
    url = REVIEW_VIEWS[view](story, story.get_latest_revision())
    response = client_for(world, "redaktion-dormagen").get(url, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert REFUSAL in response.text
    assert "Ärzte drucken Prothesen" not in response.text


@pytest.mark.parametrize("view", REVIEW_VIEWS)
def test_an_unknown_page_or_version_is_a_404(world, view):
    story = Page.objects.get(pk=world.stories["aerzte"])
    revision = story.get_latest_revision()
    missing = Page(pk=Page.objects.order_by("-pk").first().pk + 1000)
    client = client_for(world, "lenkungskreis")
    assert client.get(REVIEW_VIEWS[view](missing, revision)).status_code == 404
    if view in ("compare", "preview a version"):
        other = Revision.objects.exclude(object_id=str(story.pk)).first()
        assert client.get(REVIEW_VIEWS[view](story, other)).status_code == 404


@pytest.mark.parametrize("view", [*REVIEW_VIEWS, "listing"])
def test_the_review_answers_get_only_and_changes_nothing(world, view):
    story = Page.objects.get(pk=world.stories["revised"])
    url = INDEX if view == "listing" else REVIEW_VIEWS[view](story, story.get_latest_revision())
    client = client_for(world, "lenkungskreis")
    before = census()
    assert client.get(url).status_code == 200
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(url).status_code == 405
    assert census() == before


def test_the_root_page_is_not_for_reading(world):
    root = Page.get_first_root_node()
    response = client_for(world, "chef").get(reverse("alliance_review:page", args=[root.pk]))
    assert response.status_code == 404
