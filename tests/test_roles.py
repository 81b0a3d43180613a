"""The central roles: created once, idempotent, and granted where the alliance says."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from alliance_pages.models import AlliancePage
from alliance_pages.roles import (
    COMMUNICATIONS_EDITORS,
    COORDINATION_OFFICE,
    STEERING_COMMITTEE,
    ensure_roles,
    ensure_state_collection,
)

pytestmark = pytest.mark.django_db


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
    )


def test_ensure_roles_twice_changes_nothing(state_alliance):
    ensure_roles()
    before = counts()
    ensure_roles()
    assert counts() == before


def test_the_coordination_office_holds_the_root(state_alliance):
    office = ensure_roles()[COORDINATION_OFFICE]
    pages = set(GroupPagePermission.objects.filter(group=office).values_list("page", flat=True))
    assert pages == {Page.get_first_root_node().pk}
    assert office.permissions.filter(codename="found_sub_alliance").exists()


def test_communications_hold_the_state_sections_but_not_the_state_page(state_alliance, locales):
    communications = ensure_roles()[COMMUNICATIONS_EDITORS]
    granted = Page.objects.filter(
        pk__in=GroupPagePermission.objects.filter(group=communications).values("page")
    )
    state_versions = {state_alliance.pk, state_alliance.get_translation(locales[1]).pk}
    assert granted.exists()
    assert not granted.filter(pk__in=state_versions).exists()
    assert not granted.type(AlliancePage).exists()
    assert {page.get_parent().pk for page in granted} == state_versions
    media = GroupCollectionPermission.objects.filter(group=communications)
    assert {p.collection_id for p in media} == {ensure_state_collection().pk}


def test_the_steering_committee_reads_everything_and_holds_nothing_else(state_alliance):
    """Only the read grant (the review), on the root, so on every subtree and language."""
    steering = ensure_roles()[STEERING_COMMITTEE]
    grants = GroupPagePermission.objects.filter(group=steering)
    assert [(g.page_id, g.permission.codename) for g in grants] == [
        (Page.get_first_root_node().pk, "view_page")
    ]
    assert not GroupCollectionPermission.objects.filter(group=steering).exists()
    assert list(steering.permissions.values_list("codename", flat=True)) == ["access_admin"]
