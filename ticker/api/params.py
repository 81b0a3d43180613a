"""The filter parameters of the story search, shared by ``/api/v3/stories/`` and the feeds.

Each check fails with its own message in the reader's language and names its
parameter, so a client learns what to fix. Whether a slug names a page is the search
service's question (``UnknownFilterValue``); here only the shape of the input is checked.
"""

import datetime
import re
from typing import Any, Literal

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from alliance_pages.api.params import MAX_OFFSET
from search.stories import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    SOURCE_LANGUAGE,
    StoryFilters,
    StoryOrder,
)

LANGUAGE_CODES = tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
MAX_SUGGEST_LENGTH = 100
# Wagtail's slug field allows letters of any script, digits, hyphens and underscores.
SLUG = re.compile(r"^[-\w]+$")
SLUG_MAX_LENGTH = 255
TAG_MAX_LENGTH = 100  # taggit's Tag.name
# NUL and other control characters: PostgreSQL refuses NUL in text outright.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

SLUG_DESCRIPTION = (
    "German slug of the {what} (the same in every language; `facets` lists the slugs)."
)


def invalid(code: str, message: str) -> PydanticCustomError:
    """A validation error whose message is shown as it is (no "Value error, " prefix)."""
    return PydanticCustomError(code, message)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise invalid("string_type", _("Enter text."))
    if CONTROL_CHARACTERS.search(value):
        raise invalid("control_characters", _("Control characters are not allowed."))
    return value.strip()


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise invalid("int_type", _("Enter a whole number."))
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise invalid("int_type", _("Enter a whole number.")) from None


def _locale(value: Any) -> str:
    code = _text(value)
    if code not in LANGUAGE_CODES:
        raise invalid(
            "unknown_locale",
            _("Unknown language; choose one of %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)},
        )
    return code


class StoryParams(Schema):
    """Query parameters of the story search and the feeds."""

    q: str | None = Field(
        None,
        max_length=MAX_QUERY_LENGTH,
        description="Full-text search in titles, teasers, bodies, companies, regions and tags.",
    )
    locale: Literal[LANGUAGE_CODES] = Field(  # ty: ignore[invalid-type-form]
        SOURCE_LANGUAGE, description="Language of the stories, titles and tags."
    )
    region: str | None = Field(
        None,
        max_length=SLUG_MAX_LENGTH,
        description=SLUG_DESCRIPTION.format(what="region")
        + " Stories in any region below it count: a story in Dormagen is a story in NRW.",
    )
    company: str | None = Field(
        None, max_length=SLUG_MAX_LENGTH, description=SLUG_DESCRIPTION.format(what="company")
    )
    tag: str | None = Field(
        None,
        max_length=TAG_MAX_LENGTH,
        description="A tag of the requested language, by name (as in `facets`) or slug. "
        "Tags are free words per language, so an unknown tag is no error: it finds nothing.",
    )
    alliance: str | None = Field(
        None,
        max_length=SLUG_MAX_LENGTH,
        description=SLUG_DESCRIPTION.format(what="alliance")
        + " Stories of its sub-alliances count: the regional alliance includes its local ones.",
    )
    date_from: datetime.date | None = Field(
        None, description="Earliest story date (YYYY-MM-DD), inclusive."
    )
    date_to: datetime.date | None = Field(
        None, description="Latest story date (YYYY-MM-DD), inclusive."
    )
    order: Literal["relevance", "-date", "date"] | None = Field(
        None,
        description="`relevance` (needs `q`; the default with `q`), `-date` (newest first; "
        "the default without `q`) or `date`.",
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Stories per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Stories to skip.")

    @field_validator("q", mode="before")
    @classmethod
    def check_q(cls, value: Any) -> str | None:
        text = _text(value) if value is not None else ""
        if len(text) > MAX_QUERY_LENGTH:
            raise invalid(
                "query_too_long",
                _("The search text may have at most %(max)s characters.")
                % {"max": MAX_QUERY_LENGTH},
            )
        return text or None

    @field_validator("locale", mode="before")
    @classmethod
    def check_locale(cls, value: Any) -> str:
        return _locale(value)

    @field_validator("region", "company", "alliance", mode="before")
    @classmethod
    def check_slug(cls, value: Any) -> str | None:
        text = _text(value) if value is not None else ""
        if not text:
            return None
        if len(text) > SLUG_MAX_LENGTH or not SLUG.match(text):
            raise invalid(
                "invalid_slug",
                _("Enter a slug: letters, digits, hyphens and underscores, like %(example)s.")
                % {"example": "rhein-kreis-neuss"},
            )
        return text

    @field_validator("tag", mode="before")
    @classmethod
    def check_tag(cls, value: Any) -> str | None:
        text = _text(value) if value is not None else ""
        if len(text) > TAG_MAX_LENGTH:
            raise invalid(
                "tag_too_long",
                _("A tag has at most %(max)s characters.") % {"max": TAG_MAX_LENGTH},
            )
        return text or None

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def check_date(cls, value: Any) -> datetime.date | None:
        if value is None or isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            # Strictly YYYY-MM-DD: fromisoformat would also take 20120504 or week dates.
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError(text)
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise invalid(
                "invalid_date", _("Enter a real date as YYYY-MM-DD, like 2012-05-04.")
            ) from None

    @field_validator("date_to")
    @classmethod
    def check_date_order(cls, value: datetime.date | None, info: ValidationInfo):
        date_from = info.data.get("date_from")
        if value is not None and date_from is not None and value < date_from:
            raise invalid("date_range", _("date_to must not be before date_from."))
        return value

    @field_validator("order", mode="before")
    @classmethod
    def check_order(cls, value: Any, info: ValidationInfo) -> str | None:
        text = _text(value) if value is not None else ""
        if not text:
            return None
        if text not in set(StoryOrder):
            raise invalid(
                "unknown_order",
                _("Order by %(choices)s.") % {"choices": ", ".join(StoryOrder)},
            )
        if text == StoryOrder.RELEVANCE and not info.data.get("q"):
            raise invalid("relevance_without_q", _("Ordering by relevance needs a search text q."))
        return text

    @field_validator("limit", mode="before")
    @classmethod
    def check_limit(cls, value: Any) -> int:
        number = _integer(value)
        if not 1 <= number <= MAX_LIMIT:
            raise invalid(
                "limit_out_of_range",
                _("limit must be between 1 and %(max)s.") % {"max": MAX_LIMIT},
            )
        return number

    @field_validator("offset", mode="before")
    @classmethod
    def check_offset(cls, value: Any) -> int:
        number = _integer(value)
        if number < 0:
            raise invalid("offset_negative", _("offset must not be negative."))
        # Far beyond any archive; without a bound a huge offset overflows the database's
        # integer and becomes a server error instead of an empty page.
        if number > MAX_OFFSET:
            raise invalid(
                "offset_too_large",
                _("offset may be at most %(max)s.") % {"max": MAX_OFFSET},
            )
        return number

    def to_filters(self, **overrides: Any) -> StoryFilters:
        values = self.model_dump()
        values["q"] = values["q"] or ""
        values["order"] = StoryOrder(values["order"]) if values["order"] else None
        values.update(overrides)
        return StoryFilters(**values)


class SuggestParams(Schema):
    """Query parameters of the suggestions."""

    q: str = Field(
        ...,
        min_length=1,
        max_length=MAX_SUGGEST_LENGTH,
        description="The beginning of a word: case and umlauts need not match (duess, Düss).",
    )
    locale: Literal[LANGUAGE_CODES] = Field(  # ty: ignore[invalid-type-form]
        SOURCE_LANGUAGE, description="Language of the suggestions."
    )

    @field_validator("q", mode="before")
    @classmethod
    def check_q(cls, value: Any) -> str:
        text = _text(value)
        if not text:
            raise invalid("missing_query", _("Enter the beginning of a word."))
        if len(text) > MAX_SUGGEST_LENGTH:
            raise invalid(
                "query_too_long",
                _("The search text may have at most %(max)s characters.")
                % {"max": MAX_SUGGEST_LENGTH},
            )
        return text

    @field_validator("locale", mode="before")
    @classmethod
    def check_locale(cls, value: Any) -> str:
        return _locale(value)
