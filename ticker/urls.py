"""Public URLs of the Industrieticker outside Wagtail's page tree: its feeds.

Mounted outside ``i18n_patterns``: the language is part of the path on its own terms
(``/feeds/ticker/en/rss/``), so the German feed needs no prefix-less special case.
"""

from django.urls import path

from .feeds.jsonfeed import json_feed
from .feeds.syndication import TickerAtomFeed, TickerFeed

app_name = "ticker"

urlpatterns = [
    path("feeds/ticker/<str:locale>/rss/", TickerFeed(), name="feed_rss"),
    path("feeds/ticker/<str:locale>/atom/", TickerAtomFeed(), name="feed_atom"),
    path("feeds/ticker/<str:locale>/json/", json_feed, name="feed_json"),
]
