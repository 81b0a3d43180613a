"""Links from one page to others, in the linking page's language.

Facts such as a company's headquarters or an event's region are synchronised
fields: wagtail-localize copies the link from the German page, and an English event
keeps pointing at the German region until that region is translated and the event
synced again. Links are therefore followed by translation key: a link shows the
linked page's version in the requested language when that version is live, and
the German version otherwise. Its ``slug`` is always the German slug, the key the
directory filters take.
"""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.db.models import Model
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from wagtail.api.v2.utils import get_full_url
from wagtail.models import Page

from .params import Languages
from .visibility import Visibility, source_locale


def _versions_by_key(rows: Iterable[Any], requested_id: int, source_id: int, locale_of) -> dict:
    """``{key: (version to show, source version)}`` from rows in both languages."""
    shown: dict[UUID, Any] = {}
    source: dict[UUID, Any] = {}
    for row in rows:
        key, locale_id = row_key(row), locale_of(row)
        if locale_id == source_id:
            source[key] = row
        if locale_id == requested_id:
            shown[key] = row
    return {
        key: (shown.get(key) or source[key], source.get(key) or shown[key])
        for key in shown.keys() | source.keys()
    }


def row_key(row: Any) -> UUID:
    return row["translation_key"] if isinstance(row, dict) else row.translation_key


class LinkedPages:
    """The pages a listing links to, fetched in one query for all its items."""

    def __init__(
        self,
        model: type[Model],
        keys: Iterable[UUID | None],
        languages: Languages,
        visibility: Visibility,
        fields: tuple[str, ...] = (),
    ):
        wanted = {key for key in keys if key}
        rows = (
            model.objects.filter(
                visibility.q(),
                translation_key__in=wanted,
                locale__in=[languages.requested, languages.source],
            ).values("id", "translation_key", "locale_id", "slug", "title", *fields)
            if wanted
            else []
        )
        versions = _versions_by_key(
            rows, languages.requested.pk, languages.source.pk, lambda row: row["locale_id"]
        )
        self._links = {
            key: {
                "id": shown["id"],
                "slug": source["slug"],
                "title": shown["title"],
                **{name: shown[name] for name in fields},
            }
            for key, (shown, source) in versions.items()
        }

    def get(self, key: UUID | None) -> dict[str, Any] | None:
        return self._links.get(key) if key else None

    def all(self, keys: Iterable[UUID]) -> list[dict[str, Any]]:
        return [link for key in keys if (link := self._links.get(key)) is not None]


def detail_url(request: HttpRequest, page_id: int) -> str | None:
    try:
        path = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page_id})
    except NoReverseMatch:
        return None
    return get_full_url(request, path)


def html_url(request: HttpRequest, page: Page) -> str | None:
    try:
        return page.get_full_url(request)
    except NoReverseMatch:
        return None


def page_links(
    model: type[Page], page_ids: list[int], locale_id: int | None, request: HttpRequest
) -> list[dict[str, Any]]:
    """Links to ``page_ids`` as seen from a page in ``locale_id``, in the given order.

    Without a ``locale_id`` (an object that has no language), links show the German pages.

    Used by the typed page schemas, one page at a time, so it may spend a query or two
    per field: it returns full links (with URLs) rather than the listing's short ones.
    """
    if not page_ids:
        return []
    visibility = Visibility.for_request(request)
    source_id = source_locale(request).pk
    locale_id = locale_id or source_id
    keys = dict(model.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    order = {
        keys[pk]: position for position, pk in reversed(list(enumerate(page_ids))) if pk in keys
    }
    pages = (
        model.objects.filter(
            visibility.q(), translation_key__in=list(order), locale_id__in={locale_id, source_id}
        )
        .select_related("locale", "content_type")
        .order_by("path")
    )
    versions = _versions_by_key(pages, locale_id, source_id, lambda page: page.locale_id)
    links = []
    for _key, (shown, source) in sorted(versions.items(), key=lambda item: order[item[0]]):
        links.append(
            {
                "id": shown.pk,
                "type": shown.content_type.model_class()._meta.label,
                "title": shown.title,
                "slug": source.slug,
                "detail_url": detail_url(request, shown.pk),
                "html_url": html_url(request, shown),
                "page": shown,
            }
        )
    return links
