"""The django-tasks tasks that send deliveries outside the editor's request.

They go to the database-backed "webhooks" task backend (``manage.py db_worker
--backend webhooks``), so that a slow receiver never holds a publish: with the
immediate backend a delivery would run in the editor's request, after commit, for
up to ``WEBHOOKS_TIMEOUT`` per endpoint. Where no "webhooks" backend is configured
(the test settings), the "default" one is used.

Retries: after a failed attempt the task enqueues itself again with ``run_after`` set
to the backoff time, when the task backend can defer (django-tasks-db can). Backends
that cannot (the immediate backend of development and tests) leave the delivery
"waiting for retry"; ``manage.py send_due_webhooks``, run from cron, sends those, and
also rescues deliveries whose worker died.
"""

import datetime
import logging

from django.conf import settings
from django_tasks import task, task_backends

from . import delivery as delivery_service
from .choices import DeliveryStatus

logger = logging.getLogger(__name__)

WEBHOOK_QUEUE = "webhooks"


def queue_alias() -> str:
    return WEBHOOK_QUEUE if WEBHOOK_QUEUE in settings.TASKS else "default"


@task()
def deliver(delivery_id: int) -> str:
    """One attempt at one delivery; schedules the next attempt if this one failed."""
    delivery = delivery_service.attempt(delivery_id)
    if delivery is None:
        return "not due"
    if delivery.status == DeliveryStatus.RETRYING:
        enqueue(delivery.pk, run_after=delivery.next_attempt_at)
    return str(delivery.status)


def can_defer() -> bool:
    return task_backends[queue_alias()].supports_defer


def enqueue(delivery_id: int, run_after: datetime.datetime | None = None) -> bool:
    """Queue an attempt; False when a deferred retry has to wait for the sweep instead."""
    if run_after is None:
        deliver.using(backend=queue_alias()).enqueue(delivery_id)
        return True
    if not can_defer():
        return False
    deliver.using(backend=queue_alias(), run_after=run_after).enqueue(delivery_id)
    return True
