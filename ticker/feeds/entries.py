"""What every feed format says about a story and about the feed itself.

RSS, Atom and JSON Feed differ only in their markup; the titles, links, ids and dates
are decided here once, so the three feeds never disagree.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from alliance_pages.choices import AllianceLevel
from alliance_pages.models import AlliancePage
from search.stories import (
    IMAGE_RENDITION,
    SOURCE_LANGUAGE,
    StoryFilters,
    StoryHit,
    search_stories,
)
from ticker.models import TickerIndexPage

# The year the alliance was founded: the date part of every tag URI (RFC 4151) we mint.
TAG_URI_YEAR = 2009


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    summary: str
    published: datetime.datetime
    updated: datetime.datetime
    tags: list[str]
    image_url: str | None


@dataclass(frozen=True)
class FeedChannel:
    title: str
    link: str
    description: str
    language: str
    author: str
    feed_url: str
    hub_url: str | None
    # When the ticker itself last changed: the date of a feed without entries, which
    # must not be "now" (the feed would change, and lose its ETag, every second).
    ticker_updated: datetime.datetime | None


@dataclass(frozen=True)
class FeedContent:
    channel: FeedChannel
    entries: list[FeedEntry]


def feed_content(request: HttpRequest, filters: StoryFilters) -> FeedContent:
    """Channel and entries of the feed that ``filters`` describe.

    Raises UnknownFilterValue (a 400 for the caller) and Http404 when the language has
    no live ticker to name the feed after.
    """
    results = search_stories(filters, with_facets=False)
    channel = _channel(request, filters)
    return FeedContent(channel, [_entry(hit, request, channel.link) for hit in results.hits])


def tag_uri(specific: str) -> str:
    """A permanent id that survives a change of slug: ``tag:host,2009:ticker/story/42``."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"tag:{host},{TAG_URI_YEAR}:{specific}"


def _entry(hit: StoryHit, request: HttpRequest, fallback_link: str) -> FeedEntry:
    page = hit.page
    # Stories carry a date, not a time: midnight of that day in the alliance's time zone.
    published = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time()))
    updated = max(filter(None, [published, page.last_published_at]))
    image = page.lead_image.get_rendition(IMAGE_RENDITION).full_url if page.lead_image else None
    return FeedEntry(
        id=tag_uri(f"ticker/story/{page.pk}"),
        title=page.title,
        link=page.get_full_url(request) or fallback_link,
        summary=page.teaser,
        published=published,
        updated=updated,
        tags=hit.tags,
        image_url=image,
    )


def _channel(request: HttpRequest, filters: StoryFilters) -> FeedChannel:
    alliance = _alliance(filters)
    ticker = TickerIndexPage.objects.child_of(alliance).live().public().first()
    if ticker is None:
        raise Http404(_("This alliance has no Industrieticker in this language."))
    state = alliance if alliance.level == AllianceLevel.STATE else _state_alliance(filters.locale)
    return FeedChannel(
        title=f"{ticker.title} – {alliance.title}",
        link=ticker.get_full_url(request) or request.build_absolute_uri("/"),
        description=ticker.introduction
        or alliance.introduction
        or _("Short stories about innovations of industrial companies in North Rhine-Westphalia."),
        language=filters.locale,
        author=state.title if state else alliance.title,
        feed_url=request.build_absolute_uri(),
        hub_url=getattr(settings, "WEBSUB_HUB_URL", None) or None,
        ticker_updated=ticker.last_published_at or ticker.first_published_at,
    )


def _state_alliance(language_code: str) -> AlliancePage | None:
    return (
        AlliancePage.objects.live()
        .public()
        .filter(level=AllianceLevel.STATE, locale__language_code=language_code)
        .order_by("path")
        .first()
    )


def _alliance(filters: StoryFilters) -> AlliancePage:
    """The alliance the feed is about: the one filtered by, else the alliance whose own
    site was asked, else the state alliance."""
    if filters.alliance:
        german = (
            AlliancePage.objects.live()
            .public()
            .filter(slug=filters.alliance, locale__language_code=SOURCE_LANGUAGE)
            .order_by("path")
            .first()
        )
        translation = (
            AlliancePage.objects.live()
            .public()
            .filter(translation_key=german.translation_key, locale__language_code=filters.locale)
            .first()
            if german is not None
            else None
        )
        if translation is not None:
            return translation
    if filters.site_root_id is not None:
        own = (
            AlliancePage.objects.live()
            .public()
            .filter(
                translation_key__in=Page.objects.filter(pk=filters.site_root_id).values(
                    "translation_key"
                ),
                locale__language_code=filters.locale,
            )
            .first()
        )
        if own is not None:
            return own
    state = _state_alliance(filters.locale)
    if state is None:
        raise Http404(_("There is no Industrieticker in this language."))
    return state
