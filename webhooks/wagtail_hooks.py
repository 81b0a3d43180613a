from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .forms import WebhookEndpointForm
from .models import Delivery, WebhookEndpoint


class WebhookEndpointViewSet(ModelViewSet):
    """Where publication events go; managed by whoever holds the endpoint permissions."""

    model = WebhookEndpoint
    name = "webhook_endpoints"
    url_prefix = "webhooks/endpoints"
    icon = "link-external"
    menu_label = _("Endpoints")
    list_display = ["name", "url", "is_active", "subtree"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return WebhookEndpointForm


class DeliveryViewSet(ModelViewSet):
    """The delivery log: read-only (see ``ReadOnlyPermissionPolicy``), one row per request owed."""

    model = Delivery
    name = "webhook_deliveries"
    url_prefix = "webhooks/deliveries"
    icon = "list-ul"
    # Deliveries are saved on every attempt; indexing their references would add a task
    # per attempt for a log nobody needs "usage" of.
    add_to_reference_index = False
    menu_label = _("Delivery log")
    list_display = [
        "event",
        "page_title",
        "target_url",
        "status",
        "response_status",
        "attempts",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "kind", "event", "endpoint"]
    search_fields = ["page_title", "target_url", "event"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "uuid",
        "kind",
        "endpoint",
        "target_url",
        "event",
        "page_id",
        "page_title",
        "status",
        "attempts",
        "max_attempts",
        "next_attempt_at",
        "last_attempt_at",
        "response_status",
        "response_excerpt",
        "error",
        "attempt_history",
        "body",
        "created_at",
    ]
    copy_view_enabled = False
    form_fields: list[str] = []


class WebhooksViewSetGroup(ModelViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 850
    items = (WebhookEndpointViewSet, DeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_webhooks_viewsets():
    return WebhooksViewSetGroup()
