"""Recording what we owe receivers, inside the editor's transaction.

Deliveries are rows written in the same transaction as the change they report, and
their tasks are enqueued only once it commits: a rolled-back publish sends nothing,
and a committed one is never forgotten, even if the task queue is briefly down
(``send_due_webhooks`` picks up what was not sent).
"""

import functools
import logging
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from . import conf, events
from .choices import OPEN_STATUSES, WEBSUB_PUBLISH, DeliveryKind
from .models import Delivery, WebhookEndpoint
from .tasks import enqueue

logger = logging.getLogger(__name__)


def never_fail(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a signal handler in a savepoint and log instead of raising.

    A broken webhook configuration must never fail or roll back an editor's publish.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with transaction.atomic():
                return func(*args, **kwargs)
        except Exception:
            logger.exception("Webhooks: %s failed; the page change itself went through", func)
            return None

    return wrapper


def _enqueue_on_commit(delivery_ids: Iterable[int]) -> None:
    for delivery_id in delivery_ids:
        # robust: a task backend that is down must not turn a committed publish into an
        # error page; the delivery stays pending for the sweep.
        transaction.on_commit(functools.partial(enqueue, delivery_id), robust=True)


def _subtree_paths(endpoint: WebhookEndpoint) -> list[str]:
    return [page.path for page in endpoint.subtree.get_translations(inclusive=True)]


def covers(endpoint: WebhookEndpoint, paths: Iterable[str]) -> bool:
    """Whether any of ``paths`` lies at or below the endpoint's subtree (any language)."""
    if endpoint.subtree_id is None:
        return True
    roots = _subtree_paths(endpoint)
    return any(path.startswith(root) for path in paths for root in roots)


def endpoints_for(event: str, paths: Iterable[str]) -> list[WebhookEndpoint]:
    paths = list(paths)
    candidates = WebhookEndpoint.objects.filter(is_active=True).select_related("subtree")
    return [e for e in candidates if e.wants(event) and covers(e, paths)]


def queue_page_event(
    event: str,
    page: Page,
    *,
    paths: Iterable[str] | None = None,
    extra: dict[str, Any] | None = None,
) -> list[Delivery]:
    """One delivery per endpoint that wants ``event`` for ``page``.

    ``paths`` are the tree positions the event concerns (a move concerns the old place
    as well as the new); by default the page's own.
    """
    endpoints = endpoints_for(event, paths if paths is not None else [page.path])
    if not endpoints:
        return []
    page_data = events.page_summary(page)
    occurred_at = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery_id = uuid.uuid4()
        payload = events.build_event(event, page_data, occurred_at, str(delivery_id), extra)
        deliveries.append(
            Delivery(
                uuid=delivery_id,
                kind=DeliveryKind.WEBHOOK,
                endpoint=endpoint,
                target_url=endpoint.url,
                event=event,
                page_id=page.pk,
                page_title=page.title[:255],
                body=events.encode(payload),
                content_type="application/json",
                max_attempts=conf.max_attempts(),
            )
        )
    created = Delivery.objects.bulk_create(deliveries)
    _enqueue_on_commit(delivery.pk for delivery in created)
    return created


def queue_hub_ping(hub_url: str, body: str, page: Page) -> Delivery | None:
    """A WebSub ping, unless an unsent ping with the same body is already waiting.

    The waiting ping is touched rather than skipped: the UPDATE locks its row until this
    transaction commits, so a worker cannot send it in between and have the hub fetch
    the feed before this change is visible.
    """
    waiting = Delivery.objects.filter(
        kind=DeliveryKind.WEBSUB,
        target_url=hub_url,
        body=body,
        status__in=OPEN_STATUSES,
    ).update(page_id=page.pk, page_title=page.title[:255])
    if waiting:
        return None
    delivery = Delivery.objects.create(
        kind=DeliveryKind.WEBSUB,
        target_url=hub_url,
        event=WEBSUB_PUBLISH,
        page_id=page.pk,
        page_title=page.title[:255],
        body=body,
        content_type="application/x-www-form-urlencoded",
        max_attempts=conf.max_attempts(),
    )
    _enqueue_on_commit([delivery.pk])
    return delivery
