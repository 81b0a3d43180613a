"""``GET /api/v3/regions/``: NRW's regions as they nest, with official keys and coordinates."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Left, Length
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.errors import ProblemDetail
from wagtail.models import Page

from ..models import RegionPage
from .links import LinkedPages
from .params import (
    Languages,
    LocaleParams,
    PaginationParams,
    RegionKindValue,
    named_pages,
    slug_field,
)
from .queries import item_fields, with_source_slug
from .schemas import RegionListSchema
from .visibility import Visibility

router = Router(tags=["directory"])


class RegionFilters(LocaleParams):
    kind: RegionKindValue | None = Field(None, description="Only regions of this kind.")
    parent: str | None = slug_field("German slug of a region: only the regions directly in it.")


@router.get(
    "/",
    response={200: RegionListSchema, 422: ProblemDetail},
    url_name="list_regions",
    summary="List regions",
    operation_id="regions_list",
)
def list_regions(
    request: HttpRequest,
    filters: Query[RegionFilters],
    pagination: Query[PaginationParams],
):
    languages = Languages.resolve(filters.locale)
    visibility = Visibility.for_request(request)
    regions = RegionPage.objects.filter(visibility.q(), locale=languages.requested)
    if filters.kind:
        regions = regions.filter(kind=filters.kind)
    regions = regions.annotate(parent_key=_parent_key())
    if filters.parent:
        named = named_pages(RegionPage, filters.parent, "parent", languages, visibility)
        regions = regions.filter(parent_key__in=[key for _path, key in named])

    page = list(
        pagination.window(
            with_source_slug(regions, languages).select_related("locale").order_by("path")
        )
    )
    parents = LinkedPages(RegionPage, (region.parent_key for region in page), languages, visibility)
    items = [
        {
            **item_fields(region, request),
            "kind": region.kind,
            "official_key": region.official_key,
            "latitude": region.latitude,
            "longitude": region.longitude,
            "parent_slug": (parent := parents.get(region.parent_key)) and parent["slug"],
        }
        for region in page
    ]
    return {"count": regions.count(), "items": items}


def _parent_key() -> Subquery:
    """The translation key of the page directly above (treebeard: the path minus one step)."""
    parent_path = Left(OuterRef("path"), Length(OuterRef("path")) - Page.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("translation_key")[:1])
