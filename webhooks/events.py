"""The JSON a webhook receiver gets.

The page is described at the moment of the event (a deleted page is described just
before its row goes), because by the time the task runs it may have changed again or
be gone. The shape::

    {
      "event": "page.published",
      "occurred_at": "2024-05-04T10:15:00+00:00",
      "delivery_id": "6f1c2a7e-…",
      "page": {
        "id": 42, "type": "ticker.TickerStoryPage", "title": "…", "locale": "de",
        "url": "https://…/industrieticker/…/", "url_path": "/allianz-…/industrieticker/…/",
        "translation_key": "…", "alliance": "dormagen"
      },
      "previous": {"url_path": "…", "parent_id": 7}      (page.moved only)
    }

``alliance`` is the slug of the nearest alliance at or above the page (null above the
state alliance), so a receiver can tell which alliance's front end to rebuild.
"""

import datetime
import json
from typing import Any

from wagtail.models import Page


def alliance_slug(page: Page) -> str | None:
    from alliance_pages.models import AlliancePage

    alliance = (
        AlliancePage.objects.ancestor_of(page, inclusive=True)
        .order_by("-depth")
        .only("slug")
        .first()
    )
    return alliance.slug if alliance else None


def page_summary(page: Page) -> dict[str, Any]:
    specific_class = page.specific_class or Page
    return {
        "id": page.pk,
        "type": specific_class._meta.label,
        "title": page.title,
        "locale": page.locale.language_code,
        "url": page.get_full_url(),
        "url_path": page.url_path,
        "translation_key": str(page.translation_key),
        "alliance": alliance_slug(page),
    }


def build_event(
    event: str,
    page_data: dict[str, Any],
    occurred_at: datetime.datetime,
    delivery_id: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "event": event,
        "occurred_at": occurred_at.isoformat(),
        "delivery_id": delivery_id,
        "page": page_data,
        **(extra or {}),
    }


def encode(payload: dict[str, Any]) -> str:
    """Compact UTF-8 JSON: the exact text that is stored, signed and sent."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
