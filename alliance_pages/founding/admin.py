"""Where the founding form is reached in the admin: the parent alliance's "more" menus.

Offered on the page header and in the page listing of an alliance that can hold
sub-alliances, and only to users who may found them.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import Button

from ..models import AlliancePage
from .forms import can_hold_sub_alliances
from .views import FoundSubAllianceView, may_found

BUTTON_LABEL = _("Found a sub-alliance")


def admin_urls():
    return [
        path(
            "alliances/<int:page_id>/found/",
            FoundSubAllianceView.as_view(),
            name="alliance_found_sub_alliance",
        )
    ]


def _button(page, user, priority: int):
    # Cheapest first: the permission is cached on the user, the class needs no query.
    if not may_found(user) or page.specific_class is not AlliancePage:
        return
    if not can_hold_sub_alliances(page.specific_deferred):
        return
    yield Button(
        BUTTON_LABEL,
        reverse("alliance_found_sub_alliance", args=[page.pk]),
        icon_name="group",
        priority=priority,
    )


def page_header_buttons(page, user, view_name, next_url=None):
    yield from _button(page, user, priority=40)


def page_listing_more_buttons(page, user, next_url=None):
    yield from _button(page, user, priority=25)
