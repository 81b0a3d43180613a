"""The review's entry in the admin menu, for everyone who has something to read there."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

from .access import may_review


class ReviewMenuItem(MenuItem):
    """Shown to holders of the read grant or of any page permission, and to superusers:
    the steering committee, whose only way in it is, and editors and moderators, who
    may read their own subtree the way the committee does."""

    def is_shown(self, request):
        return may_review(request.user)


def review_menu_item():
    return ReviewMenuItem(
        _("Review"), reverse("alliance_review:index"), name="review", icon_name="view", order=250
    )
