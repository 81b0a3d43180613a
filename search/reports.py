"""The admin report "Search queries": popular queries, queries that found nothing, a chart.

Counts come from Wagtail's ``QueryDailyHits`` (every search with words through
``/api/v3/stories/``) and ``ZeroResultDailyHits`` (those that found nothing). The chart
is plain SVG drawn on the server: no script, no CDN.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import ZeroResultDailyHits

DEFAULT_DAYS = 30
MAX_DAYS = 365
TOP_QUERIES = 20
CHART_WIDTH = 720
CHART_HEIGHT = 160


@dataclass(frozen=True)
class ChartBar:
    day: datetime.date
    searches: int
    without_results: int
    x: float
    width: float
    searches_y: float
    searches_height: float
    zero_y: float
    zero_height: float


def chart_bars(since: datetime.date, days: int) -> tuple[list[ChartBar], int]:
    """One bar per day: all searches, and in front of it the share without results."""
    totals = dict(
        QueryDailyHits.objects.filter(date__gte=since)
        .values("date")
        .annotate(n=Sum("hits"))
        .values_list("date", "n")
    )
    zeros = dict(
        ZeroResultDailyHits.objects.filter(date__gte=since)
        .values("date")
        .annotate(n=Sum("hits"))
        .values_list("date", "n")
    )
    highest = max([*totals.values(), 1])
    width = CHART_WIDTH / days
    bars = []
    for offset in range(days):
        day = since + datetime.timedelta(days=offset)
        searches, without = totals.get(day, 0), zeros.get(day, 0)
        searches_height = CHART_HEIGHT * searches / highest
        zero_height = CHART_HEIGHT * without / highest
        bars.append(
            ChartBar(
                day=day,
                searches=searches,
                without_results=without,
                x=round(offset * width, 2),
                width=round(max(width - 2, 1), 2),
                searches_y=round(CHART_HEIGHT - searches_height, 2),
                searches_height=round(searches_height, 2),
                zero_y=round(CHART_HEIGHT - zero_height, 2),
                zero_height=round(zero_height, 2),
            )
        )
    return bars, highest


def popular_queries(since: datetime.date):
    return (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(searches=Sum("daily_hits__hits"))
        .order_by("-searches", "query_string")[:TOP_QUERIES]
    )


def zero_result_queries(since: datetime.date):
    return (
        Query.objects.filter(zero_result_daily_hits__date__gte=since)
        .annotate(searches=Sum("zero_result_daily_hits__hits"))
        .order_by("-searches", "query_string")[:TOP_QUERIES]
    )


def days_from(request) -> tuple[int, str]:
    """The period in days from ``?days=``; a bad value falls back with a message."""
    raw = request.GET.get("days", "")
    if not raw:
        return DEFAULT_DAYS, ""
    if raw.isdigit() and 1 <= int(raw) <= MAX_DAYS:
        return int(raw), ""
    return DEFAULT_DAYS, _(
        "days must be a whole number from 1 to %(max)s; showing %(default)s."
    ) % {
        "max": MAX_DAYS,
        "default": DEFAULT_DAYS,
    }


def search_queries_report(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    days, error = days_from(request)
    since = timezone.now().date() - datetime.timedelta(days=days - 1)
    bars, highest = chart_bars(since, days)
    return TemplateResponse(
        request,
        "alliance_search/search_queries_report.html",
        {
            "days": days,
            "days_error": error,
            "since": since,
            "bars": bars,
            "highest": highest,
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "popular": popular_queries(since),
            "zero_results": zero_result_queries(since),
            "total_searches": sum(bar.searches for bar in bars),
            "total_without_results": sum(bar.without_results for bar in bars),
        },
    )
