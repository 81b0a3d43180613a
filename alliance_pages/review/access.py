"""Who may read which pages in the review.

A reader holds the read grant (``view_page``) or any other Wagtail page permission on a
page, and so reads that page and everything below it, drafts included. Superusers read
everything. The tree's root is nobody's page to read: it has no content or history.
"""

from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import policy_registry

READ_ACTION = "view"
READ_CODENAME = "view_page"
# Every page permission a reader may hold; each of them lets its holder read the subtree.
READING_CODENAMES = frozenset([READ_CODENAME, *Page.permission_codenames])

User = AbstractBaseUser | AnonymousUser


def reading_grants(user: User) -> list[Page]:
    """The highest pages the user holds a reading grant on; each covers its subtree.

    Read from Wagtail's per-request cache of the user's page permissions, so asking
    again within a request costs no query.
    """
    if not user.is_authenticated or not user.is_active:
        return []
    permissions = policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
    pages = sorted(
        {grant.page for grant in permissions if grant.permission.codename in READING_CODENAMES},
        key=lambda page: page.path,
    )
    highest: list[Page] = []
    for page in pages:
        if not any(page.path.startswith(above.path) for above in highest):
            highest.append(page)
    return highest


def may_review(user: User) -> bool:
    """Whether the review has anything for the user: the menu item follows this."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(reading_grants(user))


def readable_pages(user: User):
    """Every page the user may read in the review, as a queryset (the root excluded)."""
    pages = Page.objects.filter(depth__gt=1)
    if not user.is_authenticated or not user.is_active:
        return pages.none()
    if user.is_superuser:
        return pages
    grants = reading_grants(user)
    if not grants:
        return pages.none()
    return pages.filter(reduce(or_, (Q(path__startswith=page.path) for page in grants)))


def may_read(user: User, page: Page) -> bool:
    if page.depth <= 1 or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(page.path.startswith(grant.path) for grant in reading_grants(user))
