"""From a feed request to the search's filters, or to a 400 that names the parameter."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from pydantic import ValidationError
from wagtail.api.v3.errors import problem_response

from search.stories import StoryFilters, StoryOrder, UnknownFilterValue
from ticker.api.params import LANGUAGE_CODES, StoryParams


class FeedQueryError(Exception):
    """The feed's query string does not validate; ``response()`` tells the client why."""

    def __init__(self, errors: list[dict]):
        super().__init__(errors)
        self.errors = errors

    @classmethod
    def from_unknown_value(cls, error: UnknownFilterValue) -> "FeedQueryError":
        return cls(
            [{"type": "unknown_value", "loc": ["query", error.parameter], "msg": error.message}]
        )

    def response(self) -> HttpResponse:
        """problem+json like the v3 API's errors, but 400: a feed reader knows no 422."""
        return problem_response(status=400, detail=_("Invalid feed filter"), errors=self.errors)


def check_locale(locale: str) -> str:
    """The language in the feed's path; an unknown one is a page that does not exist."""
    if locale not in LANGUAGE_CODES:
        raise Http404(_("There is no feed in this language."))
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
    filters = params.to_filters(locale=check_locale(locale))
    if filters.order is None:
        filters = params.to_filters(locale=locale, order=StoryOrder.NEWEST)
    return filters
