"""Wagtail's v2 API (pages, images, documents) for the front ends written against it.

Mounted at ``/api/v2/``, outside ``i18n_patterns`` like the v3 API. It serves the
same live, public pages with their ``api_fields``; new clients should use v3
(``/api/v3/``), which is typed and documented by its OpenAPI document.

Two guards keep client mistakes client errors (400) rather than server errors, as
``alliance_pages.api.guards`` does for v3: ``offset`` is bounded (a huge one overflows
the database's integer), and ``search`` reaches the search backend as plain words
(the SQLite backend fails on a double quote inside a word).
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from alliance_pages.api.params import MAX_OFFSET
from search.stories import search_text


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # Wagtail's own check names the malformed offset
        if too_far:
            raise BadRequestError(_("offset may be at most %(max)s.") % {"max": MAX_OFFSET})
        return super().paginate_queryset(queryset, request, view)


class PlainWordsSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET.copy()
            query["search"] = search_text(query["search"])
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def guarded(viewset: type) -> type:
    """``viewset`` with the bounded offset and the plain-words search."""
    backends = [
        PlainWordsSearchFilter if backend is SearchFilter else backend
        for backend in viewset.filter_backends
    ]
    return type(
        viewset.__name__,
        (viewset,),
        {
            "__doc__": viewset.__doc__,
            "__module__": __name__,
            "pagination_class": BoundedPagination,
            "filter_backends": backends,
        },
    )


api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", guarded(PagesAPIViewSet))
api_router.register_endpoint("images", guarded(ImagesAPIViewSet))
api_router.register_endpoint("documents", guarded(DocumentsAPIViewSet))
