"""The webhooks app's knobs, with their defaults, read from Django settings at call time.

Reading at call time (not import time) lets tests and operators change them with
``override_settings`` or a settings module without restarting anything.
"""

import datetime

from django.conf import settings

USER_AGENT = "AllianceWebhooks/1.0 (+Allianz pro Industrie und Nachhaltigkeit)"


def timeout() -> float:
    """Seconds to wait for a receiver: short, so a dead endpoint cannot hold a worker."""
    return float(getattr(settings, "WEBHOOKS_TIMEOUT", 5))


def max_attempts() -> int:
    return int(getattr(settings, "WEBHOOKS_MAX_ATTEMPTS", 6))


def retry_delay(attempt: int) -> datetime.timedelta:
    """Exponential backoff after the ``attempt``-th failure: 30 s, 1, 2, 4 min … at most 1 h."""
    base = float(getattr(settings, "WEBHOOKS_RETRY_BASE_DELAY", 30))
    cap = float(getattr(settings, "WEBHOOKS_RETRY_MAX_DELAY", 3600))
    return datetime.timedelta(seconds=min(base * 2 ** (attempt - 1), cap))


def stale_after() -> datetime.timedelta:
    """A delivery still "sending" after this long lost its worker and is tried again."""
    return datetime.timedelta(seconds=max(60.0, timeout() * 4))


def websub_hub_url() -> str | None:
    return getattr(settings, "WEBSUB_HUB_URL", None) or None


def public_base_url() -> str:
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
