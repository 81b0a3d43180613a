"""Taking in a support request: throttled per address, stored, then the office is told.

Storing comes first and the e-mail only after the transaction has committed, so a
mail server that is down never loses a request: the request stays in the admin with
an empty "office notified at" and the failure is logged.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from ..models import SupportRequest
from .forms import SupportRequestForm
from .notification import notify_office

logger = logging.getLogger(__name__)

# Requests one address may store per window: enough for a group asking for all three
# services and correcting a typo, too few to flood the office's inbox.
DEFAULT_RATE = (5, 3600)


@dataclass
class TooManyRequests(Exception):
    retry_after: int


def _rate() -> tuple[int, int]:
    limit, window = getattr(settings, "SUPPORT_REQUEST_RATE", DEFAULT_RATE)
    return int(limit), int(window)


def client_address(request: HttpRequest) -> str:
    """The peer address. Behind a proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's
    ``--forwarded-allow-ips``); a client-supplied X-Forwarded-For is not trusted."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def _window_key(address: str) -> tuple[str, int]:
    limit, window = _rate()
    now = int(time.time())
    return f"support-requests:{address}:{now // window}", window - now % window


def check_rate(address: str) -> None:
    """Raise :class:`TooManyRequests` when ``address`` has used up its window."""
    limit, _window = _rate()
    key, remaining = _window_key(address)
    if cache.get(key, 0) >= limit:
        raise TooManyRequests(retry_after=remaining)


def _count(address: str) -> None:
    key, remaining = _window_key(address)
    if cache.add(key, 1, timeout=remaining + 1):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=remaining + 1)


def receive(form: SupportRequestForm, address: str) -> SupportRequest:
    """Store a valid form's request and have the office notified once it is committed."""
    check_rate(address)
    with transaction.atomic():
        support_request = form.save()
        transaction.on_commit(lambda: notify_office(support_request))
    _count(address)
    return support_request
