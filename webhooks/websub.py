"""Pinging the WebSub hub when a ticker feed changed.

WebSub subscribers (feed readers, aggregators) learn of new stories from the hub
instead of polling. Publishers tell the hub which topic changed with a form-encoded
``hub.mode=publish&hub.url=<feed URL>`` POST; the hub then fetches the feed itself.
A story published or unpublished changes the ticker feeds of its language, in all
three formats.
"""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Page

from . import conf
from .models import Delivery
from .outbox import queue_hub_ping

FEED_FORMATS = ("rss", "atom", "json")


def ticker_feed_urls(language_code: str) -> list[str]:
    """The absolute URLs of the ticker feeds of one language (``/feeds/ticker/de/rss/`` …).

    They are the WebSub topics, so they must equal the feeds' own ``rel="self"`` links,
    which the feeds take from the request: ``WAGTAILADMIN_BASE_URL`` must be the public
    address subscribers fetch the feeds from.
    """
    base = conf.public_base_url()
    return [
        base + reverse(f"ticker:feed_{kind}", kwargs={"locale": language_code})
        for kind in FEED_FORMATS
    ]


def publish_body(topic_url: str) -> str:
    return urlencode({"hub.mode": "publish", "hub.url": topic_url})


def is_ticker_story(page: Page) -> bool:
    from ticker.models import TickerStoryPage

    specific_class = page.specific_class
    return specific_class is not None and issubclass(specific_class, TickerStoryPage)


def queue_feed_pings(page: Page) -> list[Delivery]:
    """Pings for the feeds ``page`` appears in; nothing when no hub is configured."""
    hub_url = conf.websub_hub_url()
    if not hub_url or not is_ticker_story(page):
        return []
    pings = []
    for topic in ticker_feed_urls(page.locale.language_code):
        ping = queue_hub_ping(hub_url, publish_body(topic), page)
        if ping is not None:
            pings.append(ping)
    return pings
