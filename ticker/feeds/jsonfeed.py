"""JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written by hand.

Django's syndication framework writes XML only; the JSON Feed is small enough to build
from the same channel and entries as the RSS and Atom feeds.
"""

import json

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from search.stories import UnknownFilterValue

from .entries import FeedContent, FeedEntry, feed_content
from .query import FeedQueryError, check_locale, feed_filters

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
CONTENT_TYPE = "application/feed+json; charset=utf-8"


def json_feed(request: HttpRequest, locale: str) -> HttpResponse:
    try:
        check_locale(locale)
    except FeedQueryError as error:
        return error.response()
    with translation.override(locale):
        try:
            content = feed_content(request, feed_filters(request, locale))
        except UnknownFilterValue as error:
            return FeedQueryError.from_unknown_value(error).response()
        except FeedQueryError as error:
            return error.response()
        document = json_feed_document(content)
    return HttpResponse(json.dumps(document, ensure_ascii=False), content_type=CONTENT_TYPE)


def json_feed_document(content: FeedContent) -> dict:
    channel = content.channel
    document = {
        "version": JSON_FEED_VERSION,
        "title": channel.title,
        "home_page_url": channel.link,
        "feed_url": channel.feed_url,
        "description": channel.description,
        "language": channel.language,
        "authors": [{"name": channel.author}],
        "items": [_item(entry, channel.language) for entry in content.entries],
    }
    if channel.hub_url:
        document["hubs"] = [{"type": "WebSub", "url": channel.hub_url}]
    return document


def _item(entry: FeedEntry, language: str) -> dict:
    item = {
        "id": entry.id,
        "url": entry.link,
        "title": entry.title,
        "content_text": entry.summary,
        "summary": entry.summary,
        "date_published": entry.published.isoformat(),
        "date_modified": entry.updated.isoformat(),
        "tags": entry.tags,
        "language": language,
    }
    if entry.image_url:
        item["image"] = entry.image_url
    return item
