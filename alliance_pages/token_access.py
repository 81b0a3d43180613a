"""API tokens act only for users who may use the admin.

Wagtail 8's v3 write endpoints run the admin's own actions, so a token can do at and
below a page exactly what its user's page permissions allow there. What they do not
check is "Can access Wagtail admin": taking that permission away locks a user out of
the admin, but the page permissions stay, and an old token would still create,
edit and publish through the API. This decorator makes a token as good as its user's
admin access, for reads too (drafts are admin business), while anonymous requests
to the public endpoints are untouched.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from wagtail.models import APIToken

ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"


def require_admin_access(view_func: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse (403) a request authenticated by an API token whose user may not use the admin."""

    @wraps(view_func)
    def wrapper(request: HttpRequest, *args, **kwargs):
        token = getattr(request, "auth", None)
        if isinstance(token, APIToken) and not request.user.has_perm(ADMIN_ACCESS_PERMISSION):
            raise HttpError(
                403,
                _(
                    "This token's user has no access to the Wagtail admin, so the token "
                    "cannot be used either."
                ),
            )
        return view_func(request, *args, **kwargs)

    return wrapper


def register() -> None:
    """Apply the check to every operation of Wagtail's v3 API, before ``api.urls`` is read."""
    from wagtail.api.v3.api import api

    if getattr(api, "_alliance_requires_admin_access", False):
        return
    # "operation" mode wraps the view itself, after authentication has set request.auth.
    api.add_decorator(require_admin_access, mode="operation")
    api._alliance_requires_admin_access = True
