"""Frontend-cache purging beyond what ``wagtail.contrib.frontend_cache`` does by itself.

Wagtail purges a page's own URLs when it is published or unpublished. A ticker story
also appears in its ticker index and in the ticker feeds, and a moved page leaves its
old URL behind; those are purged here. Wagtail's HTTP backend opens the purge URL
without a timeout, so a dead cache would hold a worker forever: ours has one.
"""

import functools
import logging
from copy import copy
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

from .websub import is_ticker_story, ticker_feed_urls

logger = logging.getLogger(__name__)


class HTTPPurgeBackend(HTTPBackend):
    """Wagtail's HTTP ``PURGE`` backend with a ``TIMEOUT`` (seconds, default 5)."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        request = PurgeRequest(
            url=urlunsplit(
                (self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment)
            ),
            headers={"Host": host, "User-Agent": "Wagtail-frontendcache"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 (configured purge URL)
        except HTTPError as error:
            logger.error("Could not purge %s: HTTP %s %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Could not purge %s: %s", url, error)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def story_listing_urls(page: Page) -> list[str]:
    """The ticker index a story is listed in, and the feeds of its language."""
    urls = []
    parent = page.get_parent()
    if parent is not None and (parent_url := parent.get_full_url()):
        urls.append(parent_url)
    urls.extend(ticker_feed_urls(page.locale.language_code))
    return urls


def purge_after_commit(urls: list[str]) -> None:
    """Purge once the change is visible, so the cache cannot refetch the old content."""
    transaction.on_commit(functools.partial(purge_urls_from_cache, urls), robust=True)


def purge_story_listings(page: Page) -> None:
    if enabled() and is_ticker_story(page):
        purge_after_commit(story_listing_urls(page))


def purge_old_location(page: Page, url_path_before: str) -> None:
    """After a move, the page's old URL still serves a cached copy: purge it."""
    if not enabled() or not page.live:
        return
    old = copy(page)
    old.url_path = url_path_before
    if old_url := old.get_full_url():
        purge_after_commit([old_url])
