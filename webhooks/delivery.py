"""Making one attempt at a delivery and recording it.

An attempt first *claims* the delivery with a conditional UPDATE, so a deferred task
and the ``send_due_webhooks`` sweep can never send the same delivery twice at once.
Whatever the receiver does, the outcome is written to the log and never raised: a
failing endpoint is the receiver's problem, not the editor's.
"""

import logging
import time

from django.db.models import Q
from django.utils import timezone

from . import conf, transport
from .choices import OPEN_STATUSES, DeliveryKind, DeliveryStatus
from .models import Delivery, DeliveryAttempt
from .signing import DELIVERY_HEADER, EVENT_HEADER, signed_headers

logger = logging.getLogger(__name__)

EXCERPT_CHARS = 1000


def _claim(delivery_id: int, now) -> Delivery | None:
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = Delivery.objects.filter(due, pk=delivery_id, status__in=OPEN_STATUSES).update(
        status=DeliveryStatus.SENDING, last_attempt_at=now
    )
    if not claimed:
        return None
    return Delivery.objects.select_related("endpoint").get(pk=delivery_id)


def _request(delivery: Delivery) -> tuple[str, dict[str, str]] | str:
    """Where to send and which headers, or why this delivery can no longer be sent."""
    body = delivery.body.encode("utf-8")
    headers = {"Content-Type": delivery.content_type, "User-Agent": conf.USER_AGENT}
    if delivery.kind != DeliveryKind.WEBHOOK:
        return delivery.target_url, headers
    endpoint = delivery.endpoint
    if endpoint is None:
        return "The endpoint was deleted."
    if not endpoint.is_active:
        return "The endpoint was deactivated."
    headers[EVENT_HEADER] = delivery.event
    headers[DELIVERY_HEADER] = str(delivery.uuid)
    headers.update(signed_headers(endpoint.secret, body))
    # An address corrected in the admin applies to retries as well.
    return endpoint.url, headers


def attempt(delivery_id: int, now=None) -> Delivery | None:
    """Try to send one delivery now; None when it is not due or already taken."""
    now = now or timezone.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return None

    number = delivery.attempts + 1
    target = _request(delivery)
    started = time.monotonic()
    if isinstance(target, str):
        response = transport.Response(status=None, error=target)
        give_up = True
    else:
        url, headers = target
        delivery.target_url = url
        response = transport.post(url, delivery.body.encode("utf-8"), headers, conf.timeout())
        give_up = number >= delivery.max_attempts
    duration_ms = int((time.monotonic() - started) * 1000)
    excerpt = response.excerpt[:EXCERPT_CHARS]

    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=now,
        duration_ms=duration_ms,
        response_status=response.status,
        response_excerpt=excerpt,
        error=response.error,
    )
    delivery.attempts = number
    delivery.last_attempt_at = now
    delivery.response_status = response.status
    delivery.response_excerpt = excerpt
    if response.ok:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.next_attempt_at = None
        delivery.error = ""
    else:
        delivery.error = response.error or f"HTTP {response.status}"
        if give_up:
            delivery.status = DeliveryStatus.FAILED
            delivery.next_attempt_at = None
            logger.warning("Delivery %s failed for good: %s", delivery.uuid, delivery.error)
        else:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = now + conf.retry_delay(number)
    delivery.save(
        update_fields=[
            "target_url",
            "status",
            "attempts",
            "last_attempt_at",
            "next_attempt_at",
            "response_status",
            "response_excerpt",
            "error",
        ]
    )
    return delivery


def due_delivery_ids(now=None) -> list[int]:
    """Deliveries a sweep should try now, including those whose worker died mid-attempt."""
    now = now or timezone.now()
    stale = Delivery.objects.filter(
        status=DeliveryStatus.SENDING, last_attempt_at__lt=now - conf.stale_after()
    )
    stale.update(status=DeliveryStatus.RETRYING, next_attempt_at=now)
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return list(
        Delivery.objects.filter(due, status__in=OPEN_STATUSES)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
