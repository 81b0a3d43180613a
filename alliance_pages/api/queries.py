"""Annotations the directory listings share, each computed inside the listing's one query."""

from typing import Any

from django.db.models import F, Func, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from wagtail.models import Page

from .links import detail_url, html_url
from .params import Languages


def with_source_slug(queryset: QuerySet, languages: Languages) -> QuerySet:
    """Adds ``source_slug``: the German version's slug, or the page's own if it has none."""
    german = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=languages.source
    ).values("slug")[:1]
    return queryset.annotate(source_slug=Coalesce(Subquery(german), F("slug")))


def count_of(queryset: QuerySet) -> Coalesce:
    """A correlated ``COUNT(*)`` subquery, for counts per row without a GROUP BY."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def item_fields(page: Page, request: HttpRequest) -> dict[str, Any]:
    """What every directory item carries (``DirectoryItemSchema``)."""
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.source_slug,
        "html_url": html_url(request, page),
        "detail_url": detail_url(request, page.pk),
    }
