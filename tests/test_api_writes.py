"""Writes through Wagtail's v3 API with API tokens act exactly as the admin would.

The editors of the local alliance Dormagen hold add, change and publish on the
Dormagen alliance page; the regional alliance Düsseldorf's editors hold the same on
Düsseldorf, which includes Dormagen below it. Each test states what a token may do
and checks the database, not just the status code.

Wagtail 8's write endpoints run the same action classes as the admin
(``CreatePageAction``, ``EditPageAction``, ``PublishPageRevisionAction`` …), which
check the page permissions of ``request.user`` on the page or its parent. They do not
check ``wagtailadmin.access_admin``: a user locked out of the admin could still
publish with an old token. ``alliance_pages.token_access`` closes that gap.
"""

import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import APIToken, GroupPagePermission, Page

from alliance_pages.skeleton import ticker_index
from ticker.models import TickerStoryPage

pytestmark = pytest.mark.django_db

PAGES = "/api/v3/pages/"
STORY_TYPE = "ticker.TickerStoryPage"


def page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def make_editor(django_user_model, page: Page, name: str, *, admin_access: bool = True):
    """A user whose group may add, change and publish at and below ``page``."""
    group = Group.objects.create(name=f"Redaktion {name}")
    if admin_access:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=page_permission(codename)
        )
    user = django_user_model.objects.create_user(name, password="unused")
    user.groups.add(group)
    return user


def bearer(user) -> dict[str, str]:
    _token, key = APIToken.create_token(user=user, name="Redaktionssystem")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def dormagen_editor(django_user_model, sub_alliances):
    return make_editor(django_user_model, sub_alliances["dormagen"], "dormagen")


@pytest.fixture
def duesseldorf_editor(django_user_model, sub_alliances):
    return make_editor(django_user_model, sub_alliances["duesseldorf"], "duesseldorf")


@pytest.fixture
def tickers(sub_alliances, state_alliance):
    return {
        "dormagen": ticker_index(sub_alliances["dormagen"]),
        "duesseldorf": ticker_index(sub_alliances["duesseldorf"]),
        "state": ticker_index(state_alliance),
    }


def draft_story(index: Page, title: str) -> TickerStoryPage:
    story = TickerStoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        teaser="Ein Werk aus der Region zeigt, wie es geht.",
        date=datetime.date(2010, 11, 5),
        live=False,
    )
    index.add_child(instance=story)
    story.save_revision()
    return story


def create(client, headers, parent: Page, title: str, action: str | None = None):
    meta = {"type": STORY_TYPE, "parent_id": parent.pk}
    if action:
        meta["action"] = action
    return client.post(
        PAGES,
        data=json.dumps({"meta": meta, "title": title}),
        content_type="application/json",
        **headers,
    )


def update(client, headers, page: Page, title: str):
    return client.patch(
        f"{PAGES}{page.pk}/",
        data=json.dumps({"meta": {"type": STORY_TYPE}, "title": title}),
        content_type="application/json",
        **headers,
    )


def publish(client, headers, page: Page):
    return client.post(f"{PAGES}{page.pk}/actions/publish/", **headers)


def latest_title(page: Page) -> str:
    """The title of the newest revision, read afresh from the database."""
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title


REFUSED = {401, 403, 404}


# --- inside the own subtree: allowed ----------------------------------------------------


def test_an_editor_creates_a_story_in_the_own_ticker(client, dormagen_editor, tickers):
    response = create(client, bearer(dormagen_editor), tickers["dormagen"], "Neue Anlage")
    assert response.status_code == 201, response.content
    story = TickerStoryPage.objects.get(pk=response.json()["id"])
    assert story.get_parent().pk == tickers["dormagen"].pk
    assert story.owner == dormagen_editor
    assert not story.live
    assert story.latest_revision.user == dormagen_editor


def test_an_editor_updates_and_publishes_a_story_in_the_own_ticker(
    client, dormagen_editor, tickers
):
    headers = bearer(dormagen_editor)
    story = draft_story(tickers["dormagen"], "Alter Titel")

    response = update(client, headers, story, "Neuer Titel")
    assert response.status_code == 200, response.content
    assert latest_title(story) == "Neuer Titel"

    response = publish(client, headers, story)
    assert response.status_code == 200, response.content
    story.refresh_from_db()
    assert story.live
    assert story.title == "Neuer Titel"


def test_a_regional_editor_may_write_in_the_local_alliance_below(
    client, duesseldorf_editor, tickers
):
    """As in the admin: a permission on Düsseldorf covers Dormagen, which lies below it."""
    response = create(client, bearer(duesseldorf_editor), tickers["dormagen"], "Von oben")
    assert response.status_code == 201, response.content
    assert TickerStoryPage.objects.filter(title="Von oben").exists()


# --- outside the own subtree: refused, nothing changes -------------------------------------


@pytest.mark.parametrize("elsewhere", ["duesseldorf", "state"])
@pytest.mark.parametrize("action", [None, "publish"])
def test_creating_outside_the_own_subtree_is_refused(
    client, dormagen_editor, tickers, elsewhere, action
):
    before = TickerStoryPage.objects.count()
    response = create(client, bearer(dormagen_editor), tickers[elsewhere], "Fremd", action)
    assert response.status_code in REFUSED, response.content
    assert TickerStoryPage.objects.count() == before


def test_updating_outside_the_own_subtree_is_refused(client, dormagen_editor, tickers):
    story = draft_story(tickers["duesseldorf"], "Düsseldorfer Geschichte")
    revisions = story.revisions.count()
    response = update(client, bearer(dormagen_editor), story, "Übernommen")
    assert response.status_code in REFUSED, response.content
    assert latest_title(story) == "Düsseldorfer Geschichte"
    assert story.revisions.count() == revisions


def test_publishing_outside_the_own_subtree_is_refused(client, dormagen_editor, tickers):
    story = draft_story(tickers["duesseldorf"], "Noch geheim")
    response = publish(client, bearer(dormagen_editor), story)
    assert response.status_code in REFUSED, response.content
    story.refresh_from_db()
    assert not story.live


def test_moving_a_story_out_of_the_own_subtree_is_refused(client, dormagen_editor, tickers):
    story = draft_story(tickers["dormagen"], "Bleibt hier")
    response = client.post(
        f"{PAGES}{story.pk}/actions/move/",
        data=json.dumps({"destination_id": tickers["duesseldorf"].pk}),
        content_type="application/json",
        **bearer(dormagen_editor),
    )
    assert response.status_code in REFUSED, response.content
    assert story.get_parent().pk == tickers["dormagen"].pk


def test_deleting_and_unpublishing_outside_the_own_subtree_are_refused(
    client, dormagen_editor, tickers
):
    story = draft_story(tickers["duesseldorf"], "Bleibt online")
    story.get_latest_revision().publish()
    headers = bearer(dormagen_editor)
    unpublish = client.post(
        f"{PAGES}{story.pk}/actions/unpublish/",
        data="{}",
        content_type="application/json",
        **headers,
    )
    delete = client.delete(f"{PAGES}{story.pk}/", **headers)
    assert unpublish.status_code in REFUSED, unpublish.content
    assert delete.status_code in REFUSED, delete.content
    story.refresh_from_db()
    assert story.live


def test_drafts_outside_the_own_subtree_stay_unreadable(client, dormagen_editor, tickers):
    story = draft_story(tickers["duesseldorf"], "Vertraulicher Entwurf")
    response = client.get(f"{PAGES}{story.pk}/", {"version": "draft"}, **bearer(dormagen_editor))
    assert response.status_code == 404
    assert "Vertraulicher Entwurf" not in response.text


# --- without a valid token: refused -----------------------------------------------------------


def test_anonymous_writes_are_refused(client, tickers):
    story = draft_story(tickers["dormagen"], "Anonym")
    assert create(client, {}, tickers["dormagen"], "Anonym neu").status_code == 401
    assert update(client, {}, story, "Anonym geändert").status_code == 401
    assert publish(client, {}, story).status_code == 401
    assert not TickerStoryPage.objects.filter(title="Anonym neu").exists()
    assert latest_title(story) == "Anonym"


def test_a_session_cookie_is_no_substitute_for_a_token(client, dormagen_editor, tickers):
    client.force_login(dormagen_editor)
    assert create(client, {}, tickers["dormagen"], "Per Cookie").status_code == 401
    assert not TickerStoryPage.objects.filter(title="Per Cookie").exists()


def test_a_revoked_token_is_refused(client, dormagen_editor, tickers):
    token, key = APIToken.create_token(user=dormagen_editor, name="Alt")
    token.revoke()
    response = create(
        client, {"HTTP_AUTHORIZATION": f"Bearer {key}"}, tickers["dormagen"], "Widerrufen"
    )
    assert response.status_code == 401
    assert not TickerStoryPage.objects.filter(title="Widerrufen").exists()


def test_a_deactivated_users_token_is_refused(client, dormagen_editor, tickers):
    headers = bearer(dormagen_editor)
    dormagen_editor.is_active = False
    dormagen_editor.save()
    assert create(client, headers, tickers["dormagen"], "Deaktiviert").status_code == 401
    assert not TickerStoryPage.objects.filter(title="Deaktiviert").exists()


def test_a_made_up_token_is_refused(client, tickers):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {APIToken.generate_token()}"}
    assert create(client, headers, tickers["dormagen"], "Erfunden").status_code == 401


# --- the gap Wagtail leaves: admin access ----------------------------------------------------


def test_a_user_locked_out_of_the_admin_cannot_write_with_a_token(
    client, django_user_model, sub_alliances, tickers
):
    """The admin refuses a user without "Can access Wagtail admin" everything, though the
    page permissions are still there; Wagtail's v3 API alone would let the token write."""
    locked_out = make_editor(
        django_user_model, sub_alliances["dormagen"], "ausgesperrt", admin_access=False
    )
    headers = bearer(locked_out)
    story = draft_story(tickers["dormagen"], "Vor der Sperre")

    client.force_login(locked_out)
    assert client.get("/admin/").status_code == 302  # to the login page
    client.logout()

    created = create(client, headers, tickers["dormagen"], "Trotz Sperre")
    updated = update(client, headers, story, "Trotz Sperre geändert")
    published = publish(client, headers, story)
    assert {created.status_code, updated.status_code, published.status_code} == {403}
    assert created.json()["detail"]
    assert not TickerStoryPage.objects.filter(title="Trotz Sperre").exists()
    assert latest_title(story) == "Vor der Sperre"
    story.refresh_from_db()
    assert not story.live


def test_public_reads_need_no_admin_access(client, tickers):
    story = draft_story(tickers["dormagen"], "Öffentlich")
    story.get_latest_revision().publish()
    assert client.get(f"{PAGES}{story.pk}/").json()["title"] == "Öffentlich"


# --- parity with the admin --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("editor", "ticker"),
    [
        ("dormagen", "dormagen"),
        ("dormagen", "duesseldorf"),
        ("dormagen", "state"),
        ("duesseldorf", "dormagen"),
        ("duesseldorf", "duesseldorf"),
        ("duesseldorf", "state"),
    ],
)
def test_the_api_allows_a_story_exactly_where_the_admin_does(
    client, django_user_model, sub_alliances, tickers, editor, ticker
):
    user = make_editor(django_user_model, sub_alliances[editor], f"paritaet-{editor}")
    client.force_login(user)
    admin_add = client.get(f"/admin/pages/add/ticker/tickerstorypage/{tickers[ticker].pk}/")
    client.logout()
    admin_allows = admin_add.status_code == 200

    response = create(client, bearer(user), tickers[ticker], f"Parität {editor} {ticker}")
    assert (response.status_code == 201) is admin_allows, response.content
    assert admin_allows is ((editor == "duesseldorf" and ticker != "state") or ticker == editor)
