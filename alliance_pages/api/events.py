"""``GET /api/v3/events/``: the alliances' events, upcoming or past, filtered and paginated.

An event counts as upcoming until it is over: its end, or its start when it has no
end, lies in the future. Upcoming events come soonest first, past ones latest
first, all of them in order of their start. Days in ``date_from``/``date_to`` are
calendar days in the site's time zone (Europe/Berlin); an event matches when it
takes place on at least one day of the range.
"""

from datetime import date
from typing import Literal

from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router
from wagtail.api.v3.errors import ProblemDetail

from ..models import AlliancePage, EventPage, RegionPage
from .links import LinkedPages
from .params import (
    EventKindValue,
    Languages,
    LocaleParams,
    PaginationParams,
    check_day_range,
    slug_field,
    subtree_keys,
)
from .queries import item_fields, with_source_slug
from .schemas import EventListSchema
from .visibility import Visibility

router = Router(tags=["directory"])


class EventFilters(LocaleParams):
    when: Literal["upcoming", "past", "all"] = Field(
        "upcoming",
        description="upcoming: not over yet, soonest first; past: over, latest first; "
        "all: both, in order of their start.",
    )
    kind: EventKindValue | None = Field(None, description="Only events of this kind.")
    alliance: str | None = slug_field(
        "German slug of an alliance: events it or one of its sub-alliances organises."
    )
    region: str | None = slug_field(
        "German slug of a region: events there or in a region below it."
    )
    date_from: date | None = Field(
        None, description="Only events still taking place on or after this day (YYYY-MM-DD)."
    )
    date_to: date | None = Field(
        None, description="Only events taking place on or before this day (YYYY-MM-DD)."
    )


ORDER = {
    "upcoming": ("starts_at", "pk"),
    "past": ("-starts_at", "-pk"),
    "all": ("starts_at", "pk"),
}


@router.get(
    "/",
    response={200: EventListSchema, 422: ProblemDetail},
    url_name="list_events",
    summary="List events",
    operation_id="events_list",
)
def list_events(
    request: HttpRequest,
    filters: Query[EventFilters],
    pagination: Query[PaginationParams],
):
    check_day_range(filters.date_from, filters.date_to)
    languages = Languages.resolve(filters.locale)
    visibility = Visibility.for_request(request)
    events = EventPage.objects.filter(visibility.q(), locale=languages.requested).annotate(
        ends=Coalesce("ends_at", "starts_at")
    )
    now = timezone.now()
    if filters.when == "upcoming":
        events = events.filter(ends__gte=now)
    elif filters.when == "past":
        events = events.filter(ends__lt=now)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.alliance:
        keys = subtree_keys(AlliancePage, filters.alliance, "alliance", languages, visibility)
        events = events.filter(organising_alliance__translation_key__in=keys)
    if filters.region:
        keys = subtree_keys(RegionPage, filters.region, "region", languages, visibility)
        events = events.filter(region__translation_key__in=keys)
    if filters.date_from:
        events = events.filter(ends__date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(starts_at__date__lte=filters.date_to)

    page = list(
        pagination.window(
            with_source_slug(events, languages)
            .annotate(
                region_key=F("region__translation_key"),
                alliance_key=F("organising_alliance__translation_key"),
            )
            .select_related("locale")
            .order_by(*ORDER[filters.when])
        )
    )
    regions = LinkedPages(
        RegionPage, (event.region_key for event in page), languages, visibility, ("kind",)
    )
    alliances = LinkedPages(
        AlliancePage, (event.alliance_key for event in page), languages, visibility, ("level",)
    )
    items = [
        {
            **item_fields(event, request),
            "kind": event.kind,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "venue": event.venue,
            "region": regions.get(event.region_key),
            "alliance": alliances.get(event.alliance_key),
            "participants": event.participants,
        }
        for event in page
    ]
    return {"count": events.count(), "items": items}
