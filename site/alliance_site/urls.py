"""URLs of the reference site.

The admin and the APIs stay outside ``i18n_patterns``: German, the default language,
has no prefix, and an API 404 must stay a JSON 404 instead of becoming a redirect.
Wagtail's page tree is served per language: German at ``/``, English at ``/en/``.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from alliance_pages import token_access
from alliance_pages.preview import register_api as register_preview_api

from .api_v2 import api_router

# Before api_v3.urls is read: Django Ninja refuses routers added after that.
register_preview_api()
token_access.register()

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_v3.urls),
    path("api/v2/", api_router.urls),
    path("", include("ticker.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
