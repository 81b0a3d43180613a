"""Endpoints editors configure, and the log of every request we owe or sent.

A :class:`Delivery` is created inside the editor's transaction, so it exists exactly
when the change it reports was committed; the request itself is made later by a task.
The body is stored as sent: retries repeat the same bytes, and the log shows what a
receiver was told.
"""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import DeliveryKind, DeliveryStatus, PageEvent


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


def all_page_events() -> list[str]:
    return list(PageEvent.values)


class WebhookEndpoint(models.Model):
    """A receiver of publication events, e.g. the build hook of an alliance's front end."""

    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(
        _("URL"), max_length=500, help_text=_("Events are sent here as HTTP POST requests.")
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=128,
        default=generate_secret,
        help_text=_(
            "Shared with the receiver, which uses it to check the X-Alliance-Signature "
            "header. Change it to revoke a leaked secret."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    events = models.JSONField(
        _("events"),
        default=all_page_events,
        help_text=_("Which page events are sent to this endpoint."),
    )
    subtree = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("subtree"),
        null=True,
        blank=True,
        # An endpoint scoped to an alliance must not quietly start receiving the whole
        # site's events when that alliance is deleted.
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Only send events for this page, the pages below it and their translations. "
            "Leave empty to send events for the whole site."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.is_active and event in (self.events or [])


class Delivery(models.Model):
    """One POST we owe a receiver: a webhook event or a WebSub hub ping, with its outcome."""

    uuid = models.UUIDField(_("delivery ID"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(
        _("kind"), max_length=16, choices=DeliveryKind.choices, default=DeliveryKind.WEBHOOK
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("endpoint"),
        null=True,
        blank=True,
        # The log outlives its endpoint: it is the record of what was sent.
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    target_url = models.URLField(_("target URL"), max_length=500)
    event = models.CharField(_("event"), max_length=64)
    # Not a foreign key: deleted pages are reported too, and their log must stay.
    page_id = models.PositiveBigIntegerField(_("page ID"), null=True, blank=True)
    page_title = models.CharField(_("page title"), max_length=255, blank=True)
    body = models.TextField(_("body"))
    content_type = models.CharField(_("content type"), max_length=100)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("maximum attempts"))
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("delivery log")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhooks_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.target_url}"

    @property
    def attempt_history(self) -> str:
        """Every attempt on one line each, for the inspect view."""
        lines = []
        for attempt in self.attempt_log.all():
            outcome = attempt.response_status or attempt.error or "-"
            lines.append(f"#{attempt.number} {attempt.started_at:%Y-%m-%d %H:%M:%S}: {outcome}")
        return "\n".join(lines)


class DeliveryAttempt(models.Model):
    """One try of a delivery: when, how long, and what came back."""

    delivery = models.ForeignKey(
        Delivery,
        verbose_name=_("delivery"),
        on_delete=models.CASCADE,
        related_name="attempt_log",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    started_at = models.DateTimeField(_("started at"))
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    response_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="webhooks_one_attempt_per_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.delivery_id} #{self.number}"
