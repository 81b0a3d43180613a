"""Which pages the public API shows: live ones outside every private section.

Wagtail's ``PageQuerySet.public()`` reads the view restrictions from the database
each time it is called. A directory listing filters its own items, the pages its
filters name and the pages its items link to; reading the restrictions once per
request and building the condition for each of those keeps a listing at a constant
number of queries. The rule is deliberately blind to the user: the directory never
shows drafts or restricted pages, not even to an editor who sends a token.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import Locale, Page, PageViewRestriction


@dataclass(frozen=True)
class Visibility:
    """The paths of the private sections, read once."""

    private_paths: tuple[str, ...]

    @classmethod
    def load(cls) -> "Visibility":
        return cls(tuple(PageViewRestriction.objects.values_list("page__path", flat=True)))

    @classmethod
    def for_request(cls, request: HttpRequest) -> "Visibility":
        """One read per request, however many fields ask."""
        visibility = getattr(request, "_alliance_visibility", None)
        if visibility is None:
            visibility = cls.load()
            request._alliance_visibility = visibility
        return visibility

    def q(self, prefix: str = "") -> Q:
        """Live and public, for the queryset's own pages or those behind ``prefix``
        (e.g. ``"region__"``)."""
        condition = Q(**{f"{prefix}live": True})
        for path in self.private_paths:
            condition &= ~Q(**{f"{prefix}path__startswith": path})
        return condition

    def allows(self, page: Page) -> bool:
        """The same rule as ``q()``, for a page already in memory."""
        return page.live and not any(page.path.startswith(path) for path in self.private_paths)


def source_locale(request: HttpRequest | None = None) -> Locale:
    """The default language: the source of every translation, whose slugs are stable keys.

    Cached on the request, because every link in a response needs it.
    """
    locale = getattr(request, "_alliance_source_locale", None)
    if locale is None:
        locale = Locale.get_default()
        if request is not None:
            request._alliance_source_locale = locale
    return locale
