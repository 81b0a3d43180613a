"""``GET /api/v3/alliances/``: the state alliance and its regional and local alliances.

Flat rather than nested: a filter by level would otherwise cut the tree apart, and
a flat list in tree order (each alliance after the one above it) with ``parent_id``
and ``parent_slug`` lets a client nest it in one pass. Not paginated: NRW has one
state alliance and a few dozen sub-alliances, and a partial tree is of no use.
"""

from django.apps import apps
from django.db.models import F, OuterRef
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.errors import ProblemDetail

from ..models import AlliancePage
from .links import LinkedPages
from .params import AllianceLevelValue, Languages, LocaleParams
from .queries import count_of, item_fields, with_source_slug
from .schemas import AllianceListSchema
from .visibility import Visibility

router = Router(tags=["directory"])


class AllianceFilters(LocaleParams):
    level: AllianceLevelValue | None = Field(None, description="Only alliances of this level.")


@router.get(
    "/",
    response={200: AllianceListSchema, 422: ProblemDetail},
    url_name="list_alliances",
    summary="List alliances",
    operation_id="alliances_list",
)
def list_alliances(request: HttpRequest, filters: Query[AllianceFilters]):
    languages = Languages.resolve(filters.locale)
    visibility = Visibility.for_request(request)
    story_model = apps.get_model("ticker", "TickerStoryPage")
    own_stories = story_model.objects.filter(
        visibility.q(), path__startswith=OuterRef("path"), depth=OuterRef("depth") + 2
    )
    own_events = apps.get_model("alliance_pages", "EventPage").objects.filter(
        visibility.q(),
        locale=OuterRef("locale"),
        organising_alliance__translation_key=OuterRef("translation_key"),
    )
    alliances = list(
        with_source_slug(
            AlliancePage.objects.filter(visibility.q(), locale=languages.requested), languages
        )
        .annotate(
            region_key=F("region__translation_key"),
            story_count=count_of(own_stories),
            event_count=count_of(own_events),
        )
        .select_related("locale")
        .order_by("path")
    )
    regions = LinkedPages(
        apps.get_model("alliance_pages", "RegionPage"),
        (alliance.region_key for alliance in alliances),
        languages,
        visibility,
        fields=("kind",),
    )

    # Tree order puts every alliance after those above it; the nearest visible one wins.
    by_path = {alliance.path: alliance for alliance in alliances}
    items = []
    for alliance in alliances:
        parent = next(
            (
                by_path[alliance.path[:end]]
                for end in range(len(alliance.path) - alliance.steplen, 0, -alliance.steplen)
                if alliance.path[:end] in by_path
            ),
            None,
        )
        if filters.level and alliance.level != filters.level:
            continue
        items.append(
            {
                **item_fields(alliance, request),
                "level": alliance.level,
                "founded_on": alliance.founded_on,
                "region": regions.get(alliance.region_key),
                "parent_id": parent.pk if parent else None,
                "parent_slug": parent.source_slug if parent else None,
                "story_count": alliance.story_count,
                "event_count": alliance.event_count,
            }
        )
    return {"count": len(items), "items": items}
