from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Publication webhooks, WebSub pings and frontend-cache purges."""

    name = "webhooks"
    label = "alliance_webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals
        from .models import Delivery, DeliveryAttempt
        from .permissions import ReadOnlyPermissionPolicy

        # The delivery log is evidence of what was sent: nobody edits it in the admin.
        register_permission_policy(Delivery, ReadOnlyPermissionPolicy(Delivery))
        register_permission_policy(DeliveryAttempt, ReadOnlyPermissionPolicy(DeliveryAttempt))
        signals.connect()
