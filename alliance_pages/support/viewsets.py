"""The office's listing of support requests in the admin.

Requests come from the public form only: nobody adds or copies one in the admin,
superusers included, and the edit view offers the office's own two fields (status
and notes) while showing what was submitted as read-only fields.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import SupportRequest

SUBMITTED_FIELDS = [
    "organisation",
    "contact_person",
    "email",
    "region_name",
    "service",
    "message",
    "language",
    "submitted_at",
    "office_notified_at",
]


class SupportRequestPermissionPolicy(ModelPermissionPolicy):
    """The usual model permissions, except that requests are never created in the admin."""

    SUBMITTED_ONLY = {"add", "copy"}

    def user_has_permission(self, user, action):
        if action in self.SUBMITTED_ONLY:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - self.SUBMITTED_ONLY)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.SUBMITTED_ONLY)


class SupportRequestViewSet(ModelViewSet):
    model = SupportRequest
    name = "support_requests"
    icon = "mail"
    menu_label = _("Support requests")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["organisation", "service", "region_name", "status", "submitted_at"]
    list_filter = ["status", "service"]
    search_fields = ["organisation", "contact_person", "email", "region_name", "message"]
    ordering = ["-submitted_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel(name, read_only=True) for name in SUBMITTED_FIELDS],
                heading=_("As submitted"),
            ),
            FieldPanel("status"),
            FieldPanel("notes"),
        ]
    )
