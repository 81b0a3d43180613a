"""The alliance's roles as Django groups: the one place that says who may do what where.

Wagtail grants page permissions on a page and everything below it, and collection
permissions on a collection and the collections inside it. So each role is a group
whose grants sit exactly on the pages and collections it owns:

* the coordination office (Koordinierungsstelle) holds everything: the root page and
  the root collection, approves in every moderation workflow, and founds sub-alliances;
* the communications editors hold the state alliance's own sections (its
  Industrieticker, events, regions, companies, declaration, support services) and the
  state alliance's collection, but not the state alliance page itself, whose
  permission would reach down into every sub-alliance;
* each sub-alliance has "<name>: Editors" (write, submit for moderation) and
  "<name>: Moderators" (also publish, unpublish, delete, unlock) on its own page, in
  both languages, and on its own collection;
* the steering committee reads everything (pages, drafts, history, previews) in the
  admin's review and changes nothing: it holds only the read grant, Django's
  ``view_page``, on the root page, which no Wagtail action accepts (``review``).

Every ``ensure_*`` function here is idempotent: ``load_demo`` and the founding code call
them on every run, so a new state section or language is picked up by running again.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

COORDINATION_OFFICE = "Koordinierungsstelle"
COMMUNICATIONS_EDITORS = "Kommunikation"
STEERING_COMMITTEE = "Lenkungskreis (nur lesen)"

EDITORS_SUFFIX = "Editors"
MODERATORS_SUFFIX = "Moderators"

# Page actions (Wagtail's GroupPagePermission codenames without "_page").
ALL_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
EDITOR_PAGE_ACTIONS = ("add", "change", "lock")
MODERATOR_PAGE_ACTIONS = ALL_PAGE_ACTIONS
COMMUNICATIONS_PAGE_ACTIONS = ALL_PAGE_ACTIONS
# Reading in the review (alliance_pages.review): Django's own "view" on Page.
READ_PAGE_ACTIONS = ("view",)

# Collection permissions as (app label, codename).
EDITOR_MEDIA = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
MODERATOR_MEDIA = EDITOR_MEDIA + (
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
)

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
FOUND_SUB_ALLIANCE = "found_sub_alliance"

STATE_COLLECTION_NAME = "Allianz pro Industrie und Nachhaltigkeit"


@dataclass(frozen=True)
class SubAllianceGroups:
    editors: Group
    moderators: Group


def editors_group_name(alliance_name: str) -> str:
    return f"{alliance_name}: {EDITORS_SUFFIX}"


def moderators_group_name(alliance_name: str) -> str:
    return f"{alliance_name}: {MODERATORS_SUFFIX}"


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def found_sub_alliance_permission() -> Permission:
    """ "Can found sub-alliances": a permission without a model table of its own, kept on
    the alliance page's content type, so it can be granted in the admin's group editor."""
    from .models import AlliancePage

    found, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(AlliancePage),
        codename=FOUND_SUB_ALLIANCE,
        defaults={"name": "Can found sub-alliances"},
    )
    return found


def grant_global(group: Group, permissions: Iterable[Permission]) -> None:
    group.permissions.add(*permissions)


def grant_pages(group: Group, pages: Iterable[Page], actions: Iterable[str]) -> None:
    codenames = [f"{action}_page" for action in actions]
    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )
    for page in pages:
        for page_permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_permission
            )


def grant_collection(
    group: Group, collection: Collection, media: Iterable[tuple[str, str]]
) -> None:
    for app_label, codename in media:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )


def in_every_language(page: Page) -> list[Page]:
    """The page and its translations: each language version is its own subtree."""
    return list(Page.objects.filter(translation_key=page.translation_key, locale__isnull=False))


def ensure_state_collection() -> Collection:
    """The state alliance's media, beside (not above) the sub-alliances' collections."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=STATE_COLLECTION_NAME).first()
    return existing or root.add_child(name=STATE_COLLECTION_NAME)


def state_sections(state: Page) -> list[Page]:
    """The state alliance's own sections in every language: all children but sub-alliances."""
    from .models import AlliancePage

    sections = []
    for language_version in in_every_language(state):
        sections.extend(language_version.get_children().not_type(AlliancePage).order_by("path"))
    return sections


def ensure_roles() -> dict[str, Group]:
    """The coordination office, communications editors and steering committee, with grants."""
    from .skeleton import SkeletonError, state_alliance

    access_admin = permission(*ACCESS_ADMIN)
    submit_translation = permission(*SUBMIT_TRANSLATION)

    office, _created = Group.objects.get_or_create(name=COORDINATION_OFFICE)
    grant_global(office, [access_admin, submit_translation, found_sub_alliance_permission()])
    grant_global(
        office,
        Permission.objects.filter(
            content_type__app_label="alliance_pages",
            # Support requests: listed and given a status by the office (support.viewsets).
            content_type__model__in=["partnerorganisation", "supportrequest"],
        ),
    )
    grant_pages(office, [Page.get_first_root_node()], ALL_PAGE_ACTIONS)
    grant_collection(office, Collection.get_first_root_node(), MODERATOR_MEDIA)

    communications, _created = Group.objects.get_or_create(name=COMMUNICATIONS_EDITORS)
    grant_global(communications, [access_admin, submit_translation])
    grant_collection(communications, ensure_state_collection(), MODERATOR_MEDIA)
    try:
        state = state_alliance()
    except SkeletonError:
        state = None
    if state is not None:
        grant_pages(communications, state_sections(state), COMMUNICATIONS_PAGE_ACTIONS)

    steering, _created = Group.objects.get_or_create(name=STEERING_COMMITTEE)
    grant_global(steering, [access_admin])
    grant_pages(steering, [Page.get_first_root_node()], READ_PAGE_ACTIONS)

    return {
        COORDINATION_OFFICE: office,
        COMMUNICATIONS_EDITORS: communications,
        STEERING_COMMITTEE: steering,
    }


def ensure_sub_alliance_groups(
    alliance_name: str, alliance: Page, collection: Collection
) -> SubAllianceGroups:
    """ "<name>: Editors" and "<name>: Moderators", granted exactly the alliance's subtree
    (German and English) and its collection."""
    access_admin = permission(*ACCESS_ADMIN)
    submit_translation = permission(*SUBMIT_TRANSLATION)
    pages = in_every_language(alliance)

    editors, _created = Group.objects.get_or_create(name=editors_group_name(alliance_name))
    grant_global(editors, [access_admin, submit_translation])
    grant_pages(editors, pages, EDITOR_PAGE_ACTIONS)
    grant_collection(editors, collection, EDITOR_MEDIA)

    moderators, _created = Group.objects.get_or_create(name=moderators_group_name(alliance_name))
    grant_global(moderators, [access_admin, submit_translation])
    grant_pages(moderators, pages, MODERATOR_PAGE_ACTIONS)
    grant_collection(moderators, collection, MODERATOR_MEDIA)
    return SubAllianceGroups(editors=editors, moderators=moderators)


ROLE_DESCRIPTIONS = {
    COORDINATION_OFFICE: _("Coordination office: everything, everywhere"),
    COMMUNICATIONS_EDITORS: _("Communications editors: the state alliance's sections"),
    STEERING_COMMITTEE: _("Steering committee: reads everything, changes nothing"),
}
