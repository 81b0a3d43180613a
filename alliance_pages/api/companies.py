"""``GET /api/v3/companies/``: the companies of the alliance, filtered and paginated."""

from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Q
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.errors import ProblemDetail

from ..models import CompanyPage, RegionPage
from .links import LinkedPages
from .params import (
    Languages,
    LocaleParams,
    PaginationParams,
    SectorValue,
    slug_field,
    subtree_keys,
)
from .queries import item_fields, with_source_slug
from .schemas import CompanyListSchema
from .visibility import Visibility

router = Router(tags=["directory"])
Sites = CompanyPage.sites.through


class CompanyFilters(LocaleParams):
    sector: SectorValue | None = Field(None, description="Only companies of this sector.")
    region: str | None = slug_field(
        "German slug of a region: companies headquartered or with a site there or in a "
        "region below it."
    )
    signatory: bool | None = Field(
        None,
        description="true: only signatories of the Düsseldorf Declaration (companies with "
        "a signatory date); false: only the others.",
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=100,
        pattern=r"^[^\x00-\x1f]+$",
        description="Beginning of the company's name (case-insensitive).",
    )


@router.get(
    "/",
    response={200: CompanyListSchema, 422: ProblemDetail},
    url_name="list_companies",
    summary="List companies",
    operation_id="companies_list",
)
def list_companies(
    request: HttpRequest,
    filters: Query[CompanyFilters],
    pagination: Query[PaginationParams],
):
    languages = Languages.resolve(filters.locale)
    visibility = Visibility.for_request(request)
    companies = CompanyPage.objects.filter(visibility.q(), locale=languages.requested)
    if filters.sector:
        companies = companies.filter(sector=filters.sector)
    if filters.signatory is not None:
        companies = companies.filter(signatory_since__isnull=not filters.signatory)
    if filters.q:
        companies = companies.filter(title__istartswith=filters.q.strip())
    if filters.region:
        keys = subtree_keys(RegionPage, filters.region, "region", languages, visibility)
        has_site = Sites.objects.filter(
            companypage=OuterRef("pk"), regionpage__translation_key__in=keys
        )
        companies = companies.filter(Q(headquarters__translation_key__in=keys) | Exists(has_site))

    page = list(
        pagination.window(
            with_source_slug(companies, languages)
            .annotate(headquarters_key=F("headquarters__translation_key"))
            .select_related("locale")
            .order_by("title", "pk")
        )
    )
    site_keys = defaultdict(list)
    for company_id, key in (
        Sites.objects.filter(companypage__in=[company.pk for company in page])
        .order_by("regionpage__path")
        .values_list("companypage_id", "regionpage__translation_key")
    ):
        site_keys[company_id].append(key)
    regions = LinkedPages(
        RegionPage,
        [company.headquarters_key for company in page]
        + [key for keys in site_keys.values() for key in keys],
        languages,
        visibility,
        fields=("kind",),
    )
    items = [
        {
            **item_fields(company, request),
            "sector": company.sector,
            "headquarters": regions.get(company.headquarters_key),
            "sites": regions.all(site_keys[company.pk]),
            "website": company.website,
            "signatory_since": company.signatory_since,
        }
        for company in page
    ]
    return {"count": companies.count(), "items": items}
