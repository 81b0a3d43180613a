"""What the coordination office's dashboard shows, each in a fixed number of queries.

Everything is counted on the German pages: German is the source language, so every
alliance, story and event has exactly one German page, and counting its translations
as well would count it twice.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField
from django.db.models.functions import Cast, Coalesce, Length, Substr, TruncMonth
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, WorkflowState

from ..choices import AllianceLevel
from ..models import AlliancePage, EventPage

# Story -> Industrieticker -> alliance: the alliance's path is the story's path
# without its last two steps.
TWO_STEPS = 2 * Page.steplen


def source_language() -> str:
    """German; by name, so that filtering joins the locale instead of fetching it first."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Founding:
    title: str
    level: str
    founded_on: datetime.date
    page_id: int

    @property
    def level_label(self) -> str:
        return AllianceLevel(self.level).label


def alliances_founded() -> list[Founding]:
    """Every alliance with its founding day, oldest first. One query."""
    rows = (
        AlliancePage.objects.filter(locale__language_code=source_language())
        .order_by("founded_on", "path")
        .values_list("title", "level", "founded_on", "pk")
    )
    return [Founding(*row) for row in rows]


def month_start(day: datetime.date, months_back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months_back
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class StoryCounts:
    months: list[datetime.date]
    # alliance title -> one count per month, alliances with the most stories first
    per_alliance: dict[str, list[int]]


def stories_per_month(months: int = 12, today: datetime.date | None = None) -> StoryCounts:
    """Live German ticker stories per month and alliance over the last ``months`` months,
    the current one included. Two queries."""
    from ticker.models import TickerStoryPage

    today = today or timezone.localdate()
    month_list = [month_start(today, back) for back in reversed(range(months))]
    rows = (
        TickerStoryPage.objects.live()
        .filter(locale__language_code=source_language(), date__gte=month_list[0])
        .annotate(
            alliance_path=Substr("path", 1, Length("path") - TWO_STEPS),
            month=TruncMonth("date"),
        )
        .values("alliance_path", "month")
        .annotate(stories=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[datetime.date, int]] = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        counts.setdefault(row["alliance_path"], {})[month] = row["stories"]
    titles = dict(AlliancePage.objects.filter(path__in=list(counts)).values_list("path", "title"))
    per_alliance = {
        titles.get(path, path): [by_month.get(month, 0) for month in month_list]
        for path, by_month in counts.items()
    }
    ordered = sorted(per_alliance.items(), key=lambda item: (-sum(item[1]), item[0]))
    return StoryCounts(months=month_list, per_alliance=dict(ordered))


def upcoming_events(limit: int = 8) -> list[EventPage]:
    """German events not over yet, soonest first, drafts included. One query."""
    return list(
        EventPage.objects.filter(locale__language_code=source_language())
        .annotate(ends=Coalesce("ends_at", "starts_at"))
        .filter(ends__gte=timezone.now())
        .select_related("organising_alliance")
        .order_by("starts_at", "pk")[:limit]
    )


@dataclass(frozen=True)
class AwaitingModeration:
    page: Page
    alliance: str
    task: str
    requested_by: str
    since: datetime.datetime


def pages_awaiting_moderation(limit: int = 20) -> tuple[int, list[AwaitingModeration]]:
    """Pages in a moderation workflow, oldest request first, in every language, and how
    many there are in all. Four queries."""
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    total = states.count()
    waiting = list(
        states.select_related("current_task_state__task", "requested_by")
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .order_by("created_at", "pk")[:limit]
    )
    pages = Page.objects.filter(pk__in=[state.page_id for state in waiting]).in_bulk()
    alliance_paths = {
        page.path[:length]
        for page in pages.values()
        for length in range(Page.steplen, len(page.path) + 1, Page.steplen)
    }
    alliances = dict(
        AlliancePage.objects.filter(path__in=alliance_paths).order_by().values_list("path", "title")
    )
    rows = []
    for state in waiting:
        page = pages.get(state.page_id)
        if page is None:
            continue
        owning = [
            alliances[page.path[:length]]
            for length in range(Page.steplen, len(page.path) + 1, Page.steplen)
            if page.path[:length] in alliances
        ]
        task_state = state.current_task_state
        rows.append(
            AwaitingModeration(
                page=page,
                alliance=owning[-1] if owning else "",
                task=task_state.task.name if task_state else "",
                requested_by=(
                    state.requested_by.get_full_name() or state.requested_by.get_username()
                    if state.requested_by
                    else ""
                ),
                since=task_state.started_at if task_state else state.created_at,
            )
        )
    return total, rows
