"""The permission matrix: every role x every subtree x every action, in the admin and in v3.

The world (state alliance; regional Düsseldorf with local Dormagen below it; regional
Köln) is founded once per module through ``found_sub_alliance``, with one user per
role and, in each subtree, the stories the cases act on (live, draft, with two
revisions). Each case runs in its own savepoint and is rolled back, so every case
starts from that same world and none sees another's effects; the test checks at the
end that the world is as it was.

What may happen comes from the table ``ACCESS`` (who holds which subtree, and how)
and ``NEEDS`` (which hold an action needs), never from Wagtail's permission code.
Each case judges the outcome by the database (the page is live, moved, copied,
locked, translated, the image exists ...), because the admin refuses by redirecting
with a message, not with a 403. Any allow or deny that the table does not predict
fails the test with the list of such cases; the counts are printed.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import APIToken, Collection, Locale, Page, Revision

from alliance_pages.choices import RegionKind
from alliance_pages.founding import FoundingRequest, found_sub_alliance
from alliance_pages.roles import (
    COMMUNICATIONS_EDITORS,
    COORDINATION_OFFICE,
    STEERING_COMMITTEE,
    ensure_roles,
    ensure_state_collection,
)
from alliance_pages.skeleton import regions_index, state_alliance, ticker_index
from alliance_pages.text import german_slugify
from tests.factories import region
from ticker.models import TickerStoryPage

SUBTREES = ("state", "duesseldorf", "dormagen", "koeln")

# How a role holds a subtree: moderate (everything), edit (write, submit), read (the
# review only), or not at all.
FULL, EDIT, READ, NONE = "moderate", "edit", "read", "-"

# fmt: off
ACCESS = {
    #                          state  düsseldorf dormagen köln
    "coordination office":    (FULL,  FULL,      FULL,    FULL),
    "communications editor":  (FULL,  NONE,      NONE,    NONE),
    "düsseldorf editor":      (NONE,  EDIT,      EDIT,    NONE),
    "düsseldorf moderator":   (NONE,  FULL,      FULL,    NONE),
    "dormagen editor":        (NONE,  NONE,      EDIT,    NONE),
    "dormagen moderator":     (NONE,  NONE,      FULL,    NONE),
    "köln editor":            (NONE,  NONE,      NONE,    EDIT),
    "steering committee":     (READ,  READ,      READ,    READ),
}

# The hold an action needs on the subtree (for moves and copies: on both ends).
WRITE = {FULL, EDIT}
# The review (alliance_pages.review): whoever holds the subtree at all may read it there.
READING = {FULL, EDIT, READ}
NEEDS = {
    "see in the explorer": WRITE,
    "open the add form": WRITE,
    "open the edit form": WRITE,
    "publish": {FULL},
    "unpublish": {FULL},
    "delete": {FULL},          # the story is live; editors may delete only their drafts
    "move out": {FULL},        # moving a live page publishes it at the destination
    "move in": {FULL},
    "copy out": WRITE,
    "copy in": WRITE,
    "lock": WRITE,
    "unlock another's lock": {FULL},
    "view history": WRITE,
    "compare revisions": WRITE,
    "preview a revision": WRITE,
    "submit a translation": WRITE,
    "upload an image": WRITE,
    "upload a document": WRITE,
    "choose an image": WRITE,
    "choose a document": WRITE,
    "review: find in the listing": READING,
    "review: read a draft": READING,
    "review: history": READING,
    "review: compare revisions": READING,
    "review: preview": READING,
}
API_NEEDS = {
    "api: read a draft": {FULL, EDIT},
    "api: create": WRITE,
    "api: update": WRITE,
    "api: publish": {FULL},
    "api: unpublish": {FULL},
    "api: delete": {FULL},
    "api: move out": {FULL},
    "api: move in": {FULL},
    "api: copy out": WRITE,
    "api: copy in": WRITE,
    "api: list revisions": WRITE,
    # Wagtail's v3 action checks simple_translation's permission, an app this site does
    # not install (translations go through wagtail-localize in the admin): nobody may.
    "api: copy for translation": set(),
}
# fmt: on

ROLE_GROUPS = {
    "coordination office": [COORDINATION_OFFICE],
    "communications editor": [COMMUNICATIONS_EDITORS],
    "düsseldorf editor": ["Regionale Allianz Düsseldorf: Editors"],
    "düsseldorf moderator": ["Regionale Allianz Düsseldorf: Moderators"],
    "dormagen editor": ["Lokale Allianz Dormagen: Editors"],
    "dormagen moderator": ["Lokale Allianz Dormagen: Moderators"],
    "köln editor": ["Regionale Allianz Köln: Editors"],
    "steering committee": [STEERING_COMMITTEE],
}


def hold(role: str, subtree: str) -> str:
    return ACCESS[role][SUBTREES.index(subtree)]


def other_end(role: str, subtree: str, needed: set[str]) -> str:
    """For moves and copies: another subtree the role holds well enough, if any."""
    others = [s for s in SUBTREES if s != subtree]
    return next((s for s in others if hold(role, s) in needed), others[0])


# The stories each subtree holds for the cases: (live, revisions).
STORY_KINDS = {"live": (True, 1), "draft": (False, 1), "revised": (True, 2)}


@dataclass
class World:
    tickers: dict[str, Page]
    stories: dict[str, dict[str, int]]
    collections: dict[str, Collection]
    images: dict
    documents: dict
    users: dict
    superuser: object
    english: Locale


def without_search_index_updates() -> override_settings:
    """The matrix judges who may do what, not what is found: every save would also
    re-index the page (a tenth of the run), only to be rolled back with the case."""
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with (
        without_search_index_updates(),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield build_world()
        transaction.set_rollback(True)
    cache.clear()


def build_world() -> World:
    index = regions_index()
    duesseldorf_district = region(
        index, "Regierungsbezirk Düsseldorf", RegionKind.ADMINISTRATIVE_DISTRICT
    )
    cologne_district = region(index, "Regierungsbezirk Köln", RegionKind.ADMINISTRATIVE_DISTRICT)
    dormagen_town = region(duesseldorf_district, "Dormagen", RegionKind.TOWN)
    state = state_alliance()
    founded = {}
    for key, name, level, parent, area in (
        ("duesseldorf", "Regionale Allianz Düsseldorf", "regional", state, duesseldorf_district),
        ("dormagen", "Lokale Allianz Dormagen", "local", None, dormagen_town),
        ("koeln", "Regionale Allianz Köln", "regional", state, cologne_district),
    ):
        founded[key] = found_sub_alliance(
            FoundingRequest(
                name=name,
                level=level,
                parent=parent or founded["duesseldorf"].alliance,
                region=area,
                founded_on=datetime.date(2010, 11, 1),
            )
        )
    ensure_roles()
    tickers = {"state": ticker_index(state)}
    collections = {"state": ensure_state_collection()}
    for key, result in founded.items():
        tickers[key] = ticker_index(result.alliance)
        collections[key] = result.collection

    images, documents = {}, {}
    for key, collection in collections.items():
        images[key] = get_image_model().objects.create(
            title=f"Bild {key}", file=get_test_image_file(), collection=collection
        )
        documents[key] = get_document_model().objects.create(
            title=f"Dokument {key}", file=document_file(key), collection=collection
        )

    from django.contrib.auth.models import Group

    user_model = get_user_model()
    users = {}
    for role, group_names in ROLE_GROUPS.items():
        user = user_model.objects.create_user(german_slugify(role), password="unused")
        user.groups.set(Group.objects.filter(name__in=group_names))
        assert user.groups.count() == len(group_names), role
        users[role] = user
    superuser = user_model.objects.create_superuser("chef", password="unused")
    stories = {
        subtree: {
            kind: build_story(tickers[subtree], superuser, live=live, revisions=revisions).pk
            for kind, (live, revisions) in STORY_KINDS.items()
        }
        for subtree in SUBTREES
    }
    return World(
        tickers=tickers,
        stories=stories,
        collections=collections,
        images=images,
        documents=documents,
        users=users,
        superuser=superuser,
        english=Locale.objects.get(language_code="en"),
    )


def document_file(key: str):
    from django.core.files.base import ContentFile

    return ContentFile(f"Protokoll {key}".encode(), name=f"protokoll-{key}.txt")


# --- Pages the cases act on -------------------------------------------------------------


def build_story(ticker: Page, owner, *, live: bool, revisions: int) -> TickerStoryPage:
    title = f"Geschichte {ticker.get_parent().title} {'live' if live else 'Entwurf'} {revisions}"
    page = TickerStoryPage(
        title=title,
        slug=german_slugify(title),
        teaser="Ein Werk zeigt, wie es geht.",
        date=datetime.date(2011, 5, 4),
        live=False,
        owner=owner,
    )
    ticker.add_child(instance=page)
    for number in range(revisions):
        page.teaser = f"Fassung {number + 1} – Straßenbahn"
        revision = page.save_revision(user=owner)
    if live:
        revision.publish(user=owner)
    return page


def story(world: World, subtree: str, *, live: bool = True, revisions: int = 1) -> TickerStoryPage:
    """The subtree's story of that kind, read afresh: an earlier case's savepoint has
    rolled back whatever that case did to it."""
    kind = next(k for k, shape in STORY_KINDS.items() if shape == (live, revisions))
    return TickerStoryPage.objects.get(pk=world.stories[subtree][kind])


def fresh(page: Page) -> Page:
    return Page.objects.filter(pk=page.pk).first()


# --- Admin actions: each returns whether the action took effect -------------------------


def admin_see(client, world, role, subtree):
    page = story(world, subtree)
    response = client.get(
        reverse("wagtailadmin_explore", args=[world.tickers[subtree].pk]), follow=True
    )
    return response.status_code == 200 and page.title in response.text


def admin_add_form(client, world, role, subtree):
    url = reverse(
        "wagtailadmin_pages:add", args=["ticker", "tickerstorypage", world.tickers[subtree].pk]
    )
    response = client.get(url)
    return response.status_code == 200 and b'name="title"' in response.content


def admin_edit_form(client, world, role, subtree):
    page = story(world, subtree)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code == 200 and b'name="title"' in response.content


def admin_publish(client, world, role, subtree):
    page = story(world, subtree, live=False)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    client.post(url, {"include_descendants": False})
    return fresh(page).live


def admin_unpublish(client, world, role, subtree):
    page = story(world, subtree)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not fresh(page).live


def admin_delete(client, world, role, subtree):
    page = story(world, subtree)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return fresh(page) is None


def _move(client, world, page, destination):
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    return fresh(page).get_parent().pk == destination.pk


def admin_move_out(client, world, role, subtree):
    target = other_end(role, subtree, NEEDS["move out"])
    return _move(client, world, story(world, subtree), world.tickers[target])


def admin_move_in(client, world, role, subtree):
    source = other_end(role, subtree, NEEDS["move in"])
    return _move(client, world, story(world, source), world.tickers[subtree])


def _copy(client, world, page, destination):
    slug = f"kopie-{page.pk}"
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": f"Kopie {page.pk}", "new_slug": slug, "new_parent_page": destination.pk},
    )
    return Page.objects.child_of(destination).filter(slug=slug).exists()


def admin_copy_out(client, world, role, subtree):
    target = other_end(role, subtree, NEEDS["copy out"])
    return _copy(client, world, story(world, subtree), world.tickers[target])


def admin_copy_in(client, world, role, subtree):
    source = other_end(role, subtree, NEEDS["copy in"])
    return _copy(client, world, story(world, source), world.tickers[subtree])


def admin_lock(client, world, role, subtree):
    page = story(world, subtree)
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    return fresh(page).locked


def admin_unlock(client, world, role, subtree):
    page = story(world, subtree)
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=world.superuser)
    client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    return not fresh(page).locked


def admin_history(client, world, role, subtree):
    page = story(world, subtree, revisions=2)
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    return response.status_code == 200 and b"<table" in response.content


def admin_compare(client, world, role, subtree):
    page = story(world, subtree, revisions=2)
    first, second = page.revisions.order_by("pk")
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(url)
    return response.status_code == 200 and "Fassung" in response.text


def admin_preview_revision(client, world, role, subtree):
    page = story(world, subtree, revisions=2)
    revision = page.revisions.order_by("pk").first()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
    return response.status_code == 200


def admin_translate(client, world, role, subtree):
    page = story(world, subtree)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [world.english.pk]},
    )
    return Page.objects.filter(translation_key=page.translation_key, locale=world.english).exists()


def upload(file) -> SimpleUploadedFile:
    file.seek(0)
    return SimpleUploadedFile(file.name, file.read())


def admin_upload_image(client, world, role, subtree):
    collection = world.collections[subtree]
    title = f"Hochgeladen {subtree} {role}"
    client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": upload(get_test_image_file()), "collection": collection.pk},
    )
    return get_image_model().objects.filter(title=title, collection=collection).exists()


def admin_upload_document(client, world, role, subtree):
    collection = world.collections[subtree]
    title = f"Hochgeladen {subtree} {role}"
    client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": upload(document_file(subtree)), "collection": collection.pk},
    )
    return get_document_model().objects.filter(title=title, collection=collection).exists()


def admin_choose_image(client, world, role, subtree):
    image = world.images[subtree]
    response = client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk]))
    return response.status_code == 200 and str(image.pk) in response.text


def admin_choose_document(client, world, role, subtree):
    document = world.documents[subtree]
    response = client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk]))
    return response.status_code == 200 and str(document.pk) in response.text


# The review: judged by what the response shows, since reading changes nothing.
DRAFT_TEASER = "Fassung 1 – Straßenbahn"


def review_find(client, world, role, subtree):
    page = story(world, subtree, live=False)
    response = client.get(reverse("alliance_review:index"), {"q": page.title})
    if response.status_code != 200:
        return False
    return page.pk in [listed.pk for listed in response.context["object_list"]]


def review_read_draft(client, world, role, subtree):
    page = story(world, subtree, live=False)
    response = client.get(reverse("alliance_review:page", args=[page.pk]))
    return response.status_code == 200 and DRAFT_TEASER in response.text


def _revisions(page):
    first, second = page.revisions.order_by("pk")
    return first.pk, second.pk


def review_history(client, world, role, subtree):
    page = story(world, subtree, revisions=2)
    compare = reverse("alliance_review:compare", args=[page.pk, *_revisions(page)])
    response = client.get(reverse("alliance_review:history", args=[page.pk]))
    return response.status_code == 200 and compare in response.text


def review_compare(client, world, role, subtree):
    page = story(world, subtree, revisions=2)
    response = client.get(reverse("alliance_review:compare", args=[page.pk, *_revisions(page)]))
    return response.status_code == 200 and "Fassung" in response.text


def review_preview(client, world, role, subtree):
    page = story(world, subtree, live=False)
    response = client.get(reverse("alliance_review:preview", args=[page.pk]))
    return response.status_code == 200 and DRAFT_TEASER in response.text


ADMIN_ACTIONS = {
    "see in the explorer": admin_see,
    "open the add form": admin_add_form,
    "open the edit form": admin_edit_form,
    "publish": admin_publish,
    "unpublish": admin_unpublish,
    "delete": admin_delete,
    "move out": admin_move_out,
    "move in": admin_move_in,
    "copy out": admin_copy_out,
    "copy in": admin_copy_in,
    "lock": admin_lock,
    "unlock another's lock": admin_unlock,
    "view history": admin_history,
    "compare revisions": admin_compare,
    "preview a revision": admin_preview_revision,
    "submit a translation": admin_translate,
    "upload an image": admin_upload_image,
    "upload a document": admin_upload_document,
    "choose an image": admin_choose_image,
    "choose a document": admin_choose_document,
    "review: find in the listing": review_find,
    "review: read a draft": review_read_draft,
    "review: history": review_history,
    "review: compare revisions": review_compare,
    "review: preview": review_preview,
}


# --- v3 API actions, with the user's token -----------------------------------------------

PAGES = "/api/v3/pages/"


def _json(client, method, url, headers, data=None):
    return getattr(client, method)(
        url, data=json.dumps(data or {}), content_type="application/json", **headers
    )


def api_read_draft(client, headers, world, role, subtree):
    page = story(world, subtree, live=False)
    response = client.get(f"{PAGES}{page.pk}/", {"version": "draft"}, **headers)
    return response.status_code == 200 and response.json()["title"] == page.title


def api_create(client, headers, world, role, subtree):
    parent = world.tickers[subtree]
    title = f"Neu über die API {subtree}"
    _json(
        client,
        "post",
        PAGES,
        headers,
        {"meta": {"type": "ticker.TickerStoryPage", "parent_id": parent.pk}, "title": title},
    )
    return Page.objects.child_of(parent).filter(title=title).exists()


def api_update(client, headers, world, role, subtree):
    page = story(world, subtree)
    _json(
        client,
        "patch",
        f"{PAGES}{page.pk}/",
        headers,
        {"meta": {"type": "ticker.TickerStoryPage"}, "title": "Geändert über die API"},
    )
    return fresh(page).specific.get_latest_revision_as_object().title == "Geändert über die API"


def api_publish(client, headers, world, role, subtree):
    page = story(world, subtree, live=False)
    client.post(f"{PAGES}{page.pk}/actions/publish/", **headers)
    return fresh(page).live


def api_unpublish(client, headers, world, role, subtree):
    page = story(world, subtree)
    _json(client, "post", f"{PAGES}{page.pk}/actions/unpublish/", headers)
    return not fresh(page).live


def api_delete(client, headers, world, role, subtree):
    page = story(world, subtree)
    client.delete(f"{PAGES}{page.pk}/", **headers)
    return fresh(page) is None


def _api_move(client, headers, page, destination):
    _json(
        client,
        "post",
        f"{PAGES}{page.pk}/actions/move/",
        headers,
        {"destination_id": destination.pk, "position": "last-child"},
    )
    return fresh(page).get_parent().pk == destination.pk


def api_move_out(client, headers, world, role, subtree):
    target = other_end(role, subtree, API_NEEDS["api: move out"])
    return _api_move(client, headers, story(world, subtree), world.tickers[target])


def api_move_in(client, headers, world, role, subtree):
    source = other_end(role, subtree, API_NEEDS["api: move in"])
    return _api_move(client, headers, story(world, source), world.tickers[subtree])


def _api_copy(client, headers, page, destination):
    slug = f"api-kopie-{page.pk}"
    _json(
        client,
        "post",
        f"{PAGES}{page.pk}/actions/copy/",
        headers,
        {"destination_id": destination.pk, "slug": slug, "keep_live": False},
    )
    return Page.objects.child_of(destination).filter(slug=slug).exists()


def api_copy_out(client, headers, world, role, subtree):
    target = other_end(role, subtree, API_NEEDS["api: copy out"])
    return _api_copy(client, headers, story(world, subtree), world.tickers[target])


def api_copy_in(client, headers, world, role, subtree):
    source = other_end(role, subtree, API_NEEDS["api: copy in"])
    return _api_copy(client, headers, story(world, source), world.tickers[subtree])


def api_revisions(client, headers, world, role, subtree):
    page = story(world, subtree, revisions=2)
    response = client.get(f"{PAGES}{page.pk}/revisions/", **headers)
    return response.status_code == 200 and len(response.json()["items"]) >= 2


def api_translate(client, headers, world, role, subtree):
    page = story(world, subtree)
    _json(
        client,
        "post",
        f"{PAGES}{page.pk}/actions/copy_for_translation/",
        headers,
        {"locale": "en"},
    )
    return Page.objects.filter(translation_key=page.translation_key, locale=world.english).exists()


API_ACTIONS = {
    "api: read a draft": api_read_draft,
    "api: create": api_create,
    "api: update": api_update,
    "api: publish": api_publish,
    "api: unpublish": api_unpublish,
    "api: delete": api_delete,
    "api: move out": api_move_out,
    "api: move in": api_move_in,
    "api: copy out": api_copy_out,
    "api: copy in": api_copy_in,
    "api: list revisions": api_revisions,
    "api: copy for translation": api_translate,
}


def expected(role: str, subtree: str, action: str, needs: dict) -> bool:
    needed = needs[action]
    if action.endswith("move out") or action.endswith("copy out"):
        return (
            hold(role, subtree) in needed and hold(role, other_end(role, subtree, needed)) in needed
        )
    if action.endswith("move in") or action.endswith("copy in"):
        return (
            hold(role, subtree) in needed and hold(role, other_end(role, subtree, needed)) in needed
        )
    return hold(role, subtree) in needed


def world_state() -> dict:
    """Enough of the database to notice a case whose effects outlived its savepoint."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "live", "locked", "has_unpublished_changes", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }


def run_matrix(world, actions, needs, act) -> None:
    surprises, outcomes = [], Counter()
    before = world_state()
    for role, user in world.users.items():
        for subtree in SUBTREES:
            for action, perform in actions.items():
                want = expected(role, subtree, action, needs)
                with transaction.atomic():
                    got = act(perform, user, role, subtree)
                    transaction.set_rollback(True)
                outcomes["allowed" if got else "denied"] += 1
                if got != want:
                    surprises.append(
                        f"{role} / {subtree} / {action}: "
                        f"{'allowed' if got else 'denied'}, expected "
                        f"{'allowed' if want else 'denied'}"
                    )
    cases = outcomes["allowed"] + outcomes["denied"]
    print(
        f"\npermission matrix: {cases} cases, {outcomes['allowed']} allowed, "
        f"{outcomes['denied']} denied, {len(surprises)} unexpected"
    )
    assert not surprises, "\n".join(surprises)
    assert world_state() == before


@pytest.mark.django_db
def test_admin_matrix(world):
    # Logged in before the cases: each case's savepoint would roll a session back.
    clients = {}
    for role, user in world.users.items():
        clients[role] = Client()
        clients[role].force_login(user)

    def act(perform, user, role, subtree):
        return perform(clients[role], world, role, subtree)

    run_matrix(world, ADMIN_ACTIONS, NEEDS, act)


@pytest.mark.django_db
def test_api_matrix(world):
    client = Client()
    tokens = {}
    for role, user in world.users.items():
        _token, key = APIToken.create_token(user=user, name="Matrix")
        tokens[role] = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def act(perform, user, role, subtree):
        return perform(client, tokens[role], world, role, subtree)

    run_matrix(world, API_ACTIONS, API_NEEDS, act)
