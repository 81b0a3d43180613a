"""The vocabularies of the webhooks app, shared by models, forms, events and tests."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageEvent(models.TextChoices):
    """What happened to a page; the value is the ``event`` field of the JSON body."""

    PUBLISHED = "page.published", _("Page published")
    UNPUBLISHED = "page.unpublished", _("Page unpublished")
    MOVED = "page.moved", _("Page moved")
    DELETED = "page.deleted", _("Page deleted")


# The event name of a WebSub ping in the delivery log (not sent to webhook endpoints).
WEBSUB_PUBLISH = "websub.publish"


class DeliveryKind(models.TextChoices):
    WEBHOOK = "webhook", _("Webhook")
    WEBSUB = "websub", _("WebSub hub ping")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    RETRYING = "retrying", _("Waiting for retry")
    SUCCEEDED = "succeeded", _("Delivered")
    FAILED = "failed", _("Failed")


# Statuses that still owe the receiver a request.
OPEN_STATUSES = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)
