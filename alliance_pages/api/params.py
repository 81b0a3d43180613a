"""Query parameters shared by the directory endpoints, and how a bad value is refused.

Bounds and patterns are declared on the parameters themselves, so that the OpenAPI
document states them and a client (or schemathesis) learns them from there. A value
that passes the declaration but names nothing (an unknown slug, a language without
content) is refused the same way Ninja refuses a malformed one: a 422 problem
response (``wagtail.api.v3.errors``) whose ``errors[].loc`` names the parameter.
"""

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_
from typing import Literal
from uuid import UUID

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import ValidationError
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from ..choices import AllianceLevel, EventKind, RegionKind, Sector
from .visibility import Visibility

LANGUAGE_CODES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
DEFAULT_LANGUAGE = get_supported_content_language_variant(settings.LANGUAGE_CODE)

LanguageCode = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]
AllianceLevelValue = Literal[tuple(AllianceLevel.values)]  # type: ignore[valid-type]
RegionKindValue = Literal[tuple(RegionKind.values)]  # type: ignore[valid-type]
SectorValue = Literal[tuple(Sector.values)]  # type: ignore[valid-type]
EventKindValue = Literal[tuple(EventKind.values)]  # type: ignore[valid-type]

# Slugs as Wagtail allows them (letters, digits, underscores, hyphens; Unicode letters
# too); anything else cannot name a page, and control characters never reach the database.
SLUG_PATTERN = r"^[\w-]+$"
MAX_LIMIT = 100
# Far beyond any directory, and well inside what SQLite and PostgreSQL accept as OFFSET.
MAX_OFFSET = 1_000_000

LOCALE_DESCRIPTION = (
    "Language of the results: their titles and links. Defaults to the source language "
    "(German). Slugs, in results and filters, are always the German ones: the same key "
    "in every language."
)


def slug_field(description: str) -> object:
    return Field(None, min_length=1, max_length=255, pattern=SLUG_PATTERN, description=description)


class LocaleParams(Schema):
    locale: LanguageCode = Field(DEFAULT_LANGUAGE, description=LOCALE_DESCRIPTION)


class PaginationParams(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="How many items to return.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")

    def window(self, queryset: QuerySet) -> QuerySet:
        return queryset[self.offset : self.offset + self.limit]


def refuse(parameter: str, message: str, kind: str = "value_error") -> ValidationError:
    """A 422 naming the query parameter, shaped like Ninja's own validation errors."""
    return ValidationError([{"type": kind, "loc": ["query", parameter], "msg": str(message)}])


@dataclass(frozen=True)
class Languages:
    """The language asked for, and the source language whose slugs are the stable keys."""

    requested: Locale
    source: Locale

    @classmethod
    def resolve(cls, code: str) -> "Languages":
        locales = {
            locale.language_code: locale
            for locale in Locale.objects.filter(language_code__in={code, DEFAULT_LANGUAGE})
        }
        if code not in locales:
            raise refuse(
                "locale",
                _("There is no content in the language %(code)s.") % {"code": code},
                "unknown_locale",
            )
        return cls(requested=locales[code], source=locales.get(DEFAULT_LANGUAGE, locales[code]))


def named_pages(
    model: type[Model],
    slug: str,
    parameter: str,
    languages: Languages,
    visibility: Visibility,
) -> list[tuple[str, UUID]]:
    """``(path, translation key)`` of the live, public German pages called ``slug``.

    Refuses a slug that names none, so that a typo is an error rather than an empty
    list. Slugs are unique among siblings only; a slug used in two places names both.
    """
    pages = list(
        model.objects.filter(visibility.q(), locale=languages.source, slug=slug).values_list(
            "path", "translation_key"
        )
    )
    if not pages:
        raise refuse(
            parameter,
            _("There is no %(kind)s with the slug %(slug)s.")
            % {"kind": model._meta.verbose_name, "slug": slug},
            "unknown_slug",
        )
    return pages


def subtree_keys(
    model: type[Model],
    slug: str,
    parameter: str,
    languages: Languages,
    visibility: Visibility,
) -> QuerySet:
    """Translation keys of the pages called ``slug`` and of everything of theirs below them.

    Relations are compared by translation key, because a translation's region or
    alliance may still point at the German page (wagtail-localize keeps a synchronised
    link as it is until the linked page is translated and the page synced again).
    """
    pages = named_pages(model, slug, parameter, languages, visibility)
    below = reduce(or_, (Q(path__startswith=path) for path, _key in pages))
    return model.objects.filter(below, locale=languages.source).values("translation_key")


def check_day_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_to < date_from:
        raise refuse("date_to", _("date_to must not be before date_from."), "date_range_reversed")
