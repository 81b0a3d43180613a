"""RSS 2.0 and Atom 1.0 through Django's syndication framework, with a WebSub hub link.

Both advertise the feed's own URL (``rel="self"``) and, when ``WEBSUB_HUB_URL`` is
set, the hub (``rel="hub"``) that the webhooks app notifies on publication, so a
reader can subscribe instead of polling.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from search.stories import UnknownFilterValue

from .entries import FeedContent, FeedEntry, feed_content
from .query import FeedQueryError, check_locale, feed_filters


class StableDateMixin:
    """An empty feed dates itself by its ticker rather than by the clock (Django's default),
    so that it stays byte for byte the same, and keeps its ETag, until something changes."""

    def latest_post_date(self):
        if not self.items and self.feed.get("ticker_updated"):
            return self.feed["ticker_updated"]
        return super().latest_post_date()


class HubRss201rev2Feed(StableDateMixin, Rss201rev2Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # includes <atom:link rel="self">
        if self.feed.get("hub_url"):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": self.feed["hub_url"]})


class HubAtom1Feed(StableDateMixin, Atom1Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # includes <link rel="self">
        if self.feed.get("hub_url"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub_url"]})


class TickerFeed(Feed):
    """The Industrieticker of one language, filtered like ``/api/v3/stories/``."""

    feed_type = HubRss201rev2Feed
    # Entries are identified by tag URIs, which readers must not open as links.
    item_guid_is_permalink = False

    def __call__(self, request: HttpRequest, locale: str) -> HttpResponse:
        try:
            check_locale(locale)
        except FeedQueryError as error:
            return error.response()
        # The feed's language element and its gettext fallbacks follow the path.
        with translation.override(locale):
            try:
                return super().__call__(request, locale=locale)
            except FeedQueryError as error:
                return error.response()

    def get_object(self, request: HttpRequest, locale: str) -> FeedContent:
        try:
            return feed_content(request, feed_filters(request, locale))
        except UnknownFilterValue as error:
            raise FeedQueryError.from_unknown_value(error) from error

    def title(self, obj: FeedContent) -> str:
        return obj.channel.title

    def link(self, obj: FeedContent) -> str:
        return obj.channel.link

    def description(self, obj: FeedContent) -> str:
        return obj.channel.description

    subtitle = description

    def feed_url(self, obj: FeedContent) -> str:
        return obj.channel.feed_url

    def feed_guid(self, obj: FeedContent) -> str:
        # Every filtered feed is a feed of its own, so its own URL identifies it.
        return obj.channel.feed_url

    def author_name(self, obj: FeedContent) -> str:
        return obj.channel.author

    def feed_extra_kwargs(self, obj: FeedContent) -> dict:
        return {"hub_url": obj.channel.hub_url, "ticker_updated": obj.channel.ticker_updated}

    def items(self, obj: FeedContent) -> list[FeedEntry]:
        return obj.entries

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_description(self, item: FeedEntry) -> str:
        return item.summary

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_guid(self, item: FeedEntry) -> str:
        return item.id

    def item_pubdate(self, item: FeedEntry):
        return item.published

    def item_updateddate(self, item: FeedEntry):
        return item.updated

    def item_categories(self, item: FeedEntry) -> list[str]:
        return item.tags


class TickerAtomFeed(TickerFeed):
    feed_type = HubAtom1Feed
