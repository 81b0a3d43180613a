"""From a feed request to the search's filters, or to a 400 that names the parameter."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from pydantic import ValidationError
from wagtail.api.v3.errors import problem_response

from search.stories import StoryFilters, StoryOrder, UnknownFilterValue
from ticker.api.params import LANGUAGE_CODES, StoryParams
from ticker.api.sites import site_root_id


class FeedQueryError(Exception):
    """The feed's query string does not validate; ``response()`` tells the client why."""

    def __init__(self, errors: list[dict], status: int = 400):
        super().__init__(errors)
        self.errors = errors
        self.status = status

    @classmethod
    def from_unknown_value(cls, error: UnknownFilterValue) -> "FeedQueryError":
        return cls(
            [{"type": "unknown_value", "loc": ["query", error.parameter], "msg": error.message}]
        )

    def response(self) -> HttpResponse:
        """problem+json like the v3 API's errors, but 400: a feed reader knows no 422."""
        detail = _("There is no such feed") if self.status == 404 else _("Invalid feed filter")
        return problem_response(status=self.status, detail=detail, errors=self.errors)


def check_locale(locale: str) -> str:
    """The language in the feed's path; an unknown one is a feed that does not exist (404)."""
    if locale not in LANGUAGE_CODES:
        raise FeedQueryError(
            [
                {
                    "type": "unknown_locale",
                    "loc": ["path", "locale"],
                    "msg": _("There is no feed in this language; choose one of %(codes)s.")
                    % {"codes": ", ".join(LANGUAGE_CODES)},
                }
            ],
            status=404,
        )
    return locale


def feed_filters(request: HttpRequest, locale: str) -> StoryFilters:
    """The filters of ``/api/v3/stories/`` from the query string; the path gives the language.

    A feed is a chronicle: without an explicit ``order`` it is newest first, even with ``q``.
    """
    raw = {
        name: value
        for name, value in request.GET.items()
        if name in StoryParams.model_fields and name != "locale"
    }
    try:
        params = StoryParams.model_validate(raw)
    except ValidationError as error:
        raise FeedQueryError(
            [
                {"type": detail["type"], "loc": ["query", *detail["loc"]], "msg": detail["msg"]}
                for detail in error.errors(include_url=False, include_context=False)
            ]
        ) from error
    # On a sub-alliance's own site, the feed is that alliance's (ticker.api.sites).
    site = {"site_root_id": site_root_id(request)}
    filters = params.to_filters(locale=check_locale(locale), **site)
    if filters.order is None:
        filters = params.to_filters(locale=locale, order=StoryOrder.NEWEST, **site)
    return filters
