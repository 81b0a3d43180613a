"""HTTP caching for the public, read-only parts of the site: the APIs and the feeds.

Front ends and CDNs ask for the same listings again and again. Every anonymous GET
under ``/api/v2/``, ``/api/v3/`` and ``/feeds/`` therefore leaves with

* ``Cache-Control: public, max-age=<API_CACHE_MAX_AGE>`` (unless the view said
  otherwise), so a shared cache may keep it for a while, and
* an ``ETag`` computed from the content (Django's ``ConditionalGetMiddleware``), so
  that a client revalidating with ``If-None-Match`` gets a ``304 Not Modified``
  instead of the body.

A request that carries credentials, an ``Authorization`` header (the v3 API's
bearer tokens) or a logged-in session, may be answered with drafts or restricted
pages, so its response is marked ``private, no-store`` and gets no ETag. That is
decided from the request as it arrives: Wagtail's v3 auth callbacks later replace
``request.user`` with an anonymous user, which must not make a personal answer
look public. ``Vary`` names what else changes a response: the language
(``Accept-Language``, for messages), the credentials (``Authorization``) and CORS
(``Origin``).

Placed after ``AuthenticationMiddleware`` (it reads ``request.user``); only a
request that has a session cookie has its session looked at, so anonymous answers
do not pick up ``Vary: Cookie``.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_PREFIXES = ("/api/v2/", "/api/v3/", "/feeds/")
VARY = ("Accept-Language", "Authorization", "Origin")
DEFAULT_MAX_AGE = 300


def is_personal(request: HttpRequest) -> bool:
    """Does the request carry credentials that may widen what it is shown?"""
    if "HTTP_AUTHORIZATION" in request.META:
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


class PublicCachingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.conditional_get = ConditionalGetMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or not request.path_info.startswith(
            PUBLIC_PREFIXES
        ):
            return self.get_response(request)
        personal = is_personal(request)
        response = self.get_response(request)
        patch_vary_headers(response, VARY)
        if personal or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
            return response
        if response.status_code != 200:
            return response
        if not response.has_header("Cache-Control"):
            max_age = getattr(settings, "API_CACHE_MAX_AGE", DEFAULT_MAX_AGE)
            patch_cache_control(response, public=True, max_age=max_age)
        return self.conditional_get.process_response(request, response)
