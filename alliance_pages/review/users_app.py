"""``wagtail.users`` with the group editor that keeps the read grant (``group_editor``).

Listed in ``INSTALLED_APPS`` instead of ``"wagtail.users"``; the app stays Wagtail's
(same name and label), only its group viewset is ours.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersWithReadingConfig(WagtailUsersAppConfig):
    group_viewset = "alliance_pages.review.group_editor.GroupViewSet"
