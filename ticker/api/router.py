"""``/api/v3/stories/``: the public story search and its suggestions.

Anonymous on purpose. Wagtail's v3 shows drafts to a request with a bearer token; these
endpoints read only live, public pages (``search.stories``) and mark every request as
anonymous (``AllowAnonymous``), so neither a token nor a session cookie changes what
they return. Errors follow Wagtail's v3: ``application/problem+json``, 422 for input
that does not validate, each error naming its parameter in ``loc``.
"""

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import ValidationError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import ProblemDetail

from search.promotions import record_search
from search.stories import UnknownFilterValue, search_stories
from search.suggest import MAX_SUGGESTIONS, suggest

from . import schemas
from .params import StoryParams, SuggestParams
from .sites import site_root_id

router = Router(tags=["stories"])


def unknown_value_error(error: UnknownFilterValue) -> ValidationError:
    """Shaped like the validation errors ninja raises for the other parameters."""
    return ValidationError(
        [{"type": "unknown_value", "loc": ["query", error.parameter], "msg": error.message}]
    )


@router.get(
    "/",
    response={200: schemas.StoryListSchema, 422: ProblemDetail},
    url_name="list_stories",
    operation_id="stories_list",
    summary="Search and list ticker stories",
    description=(
        "Live, public Industrieticker stories in one language, newest first or by "
        "relevance to `q`, with facets over the whole result. Companies, regions and "
        "alliances are filtered by their German slugs, which are the same in every "
        "language; an unknown slug is a 422 error, an unknown tag finds nothing. "
        "Asked on a sub-alliance's own host name (its Wagtail site), only that "
        "alliance's stories and those of its sub-alliances are listed."
    ),
    auth=[AllowAnonymous()],
)
def list_stories(request: HttpRequest, params: StoryParams = Query(...)):  # noqa: B008
    try:
        results = search_stories(params.to_filters(site_root_id=site_root_id(request)))
    except UnknownFilterValue as error:
        raise unknown_value_error(error) from error
    if params.q and params.offset == 0:
        # The first page only, so paging through one search counts it once.
        record_search(params.q, results.count)
    return schemas.story_list(results, request)


@router.get(
    "/suggest/",
    response={200: schemas.SuggestionListSchema, 422: ProblemDetail},
    url_name="suggest_stories",
    operation_id="stories_suggest",
    summary="Suggest search words",
    description=(
        f"Up to {MAX_SUGGESTIONS} completions of `q` from the titles of live, public "
        "stories and from the companies, regions and tags they name, in the requested "
        "language. A word must start with `q`; case and umlauts need not match. "
        "On a sub-alliance's own host name, from that alliance's stories only."
    ),
    auth=[AllowAnonymous()],
)
def suggest_stories(request: HttpRequest, params: SuggestParams = Query(...)):  # noqa: B008
    try:
        suggestions = suggest(params.q, params.locale, site_root_id=site_root_id(request))
    except UnknownFilterValue as error:
        raise unknown_value_error(error) from error
    return schemas.suggestion_list(suggestions)
