"""The e-mail that tells the coordination office about a new support request."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import SupportRequest

logger = logging.getLogger(__name__)


def office_addresses() -> list[str]:
    configured = getattr(settings, "COORDINATION_OFFICE_EMAIL", None) or []
    if isinstance(configured, str):
        configured = [configured]
    return [address for address in configured if address]


def notify_office(support_request: SupportRequest) -> bool:
    """Send the request to the office; record when it was sent. Never raises.

    Written in the site's default language (the office's), with the requester as
    Reply-To so that the office can answer straight from its mail program.
    """
    addresses = office_addresses()
    if not addresses:
        logger.warning(
            "Support request %s was stored but COORDINATION_OFFICE_EMAIL is not set, "
            "so nobody was told by e-mail.",
            support_request.pk,
        )
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Support request: %(service)s for %(organisation)s") % {
            "service": support_request.get_service_display(),
            "organisation": support_request.organisation,
        }
        body = render_to_string(
            "alliance_pages/support/office_email.txt",
            {
                "support_request": support_request,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("support_requests:edit", args=[support_request.pk]),
            },
        )
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=addresses,
        reply_to=[support_request.email],
    )
    try:
        message.send()
    except Exception:
        logger.exception("Could not e-mail support request %s to the office.", support_request.pk)
        return False
    SupportRequest.objects.filter(pk=support_request.pk).update(office_notified_at=timezone.now())
    return True
