"""Wagtail's v2 API (pages, images, documents) for the front ends written against it.

Mounted at ``/api/v2/``, outside ``i18n_patterns`` like the v3 API. It serves the
same live, public pages with their ``api_fields``; new clients should use v3
(``/api/v3/``), which is typed and documented by its OpenAPI document.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
