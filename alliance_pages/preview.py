"""Headless preview: editors see their unsaved draft in the real front end.

When ``HEADLESS_PREVIEW_URL`` is set, Wagtail's preview stores the page as the editor
currently has it (wagtail-headless-preview's ``PagePreview`` table) under a fresh,
signed token and sends the preview panel to::

    <HEADLESS_PREVIEW_URL>?content_type=ticker.tickerstorypage&token=<token>

The front end exchanges the token for the draft at ``GET /api/v3/preview/?token=…``,
which answers with the same JSON as ``/api/v3/pages/<id>/``. The token is the only
credential, so it is short-lived (``HEADLESS_PREVIEW_TOKEN_MAX_AGE``, ten minutes by
default): an expired or forged token gets a 403, an unknown one a 404, never a draft.
Without ``HEADLESS_PREVIEW_URL`` the admin keeps Wagtail's template preview.

wagtail-headless-preview's own mixin is not used: its tokens never expire, two
previews of one page in the same second share (and overwrite) one token, and it has
no fallback when no front end is configured.
"""

import datetime
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page
from wagtail_headless_preview.models import PagePreview

SIGNING_SALT = "alliance.headless-preview"
DEFAULT_MAX_AGE = 600


def client_url() -> str | None:
    return getattr(settings, "HEADLESS_PREVIEW_URL", None) or None


def token_max_age() -> int:
    return int(getattr(settings, "HEADLESS_PREVIEW_TOKEN_MAX_AGE", DEFAULT_MAX_AGE))


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SIGNING_SALT)


def content_type_label(page: Page) -> str:
    """``app_label.modelname``, the form wagtail-headless-preview front ends expect."""
    return f"{page._meta.app_label}.{page._meta.model_name}"


def create_preview(page: Page) -> PagePreview:
    """Store ``page`` as it is in memory (the editor's unsaved form) under a new token."""
    if page.pk:
        identifier = f"id={page.pk}"
    else:
        identifier = f"parent_id={page.get_parent().pk};type={page._meta.label}"
    # The nonce keeps two previews of one page in the same second apart.
    token = _signer().sign(f"{identifier};{secrets.token_urlsafe(9)}")
    _delete_expired_previews()
    return PagePreview.objects.create(
        token=token,
        content_type=page.cached_content_type,
        content_json=page.to_json(),
    )


def _delete_expired_previews() -> None:
    # PagePreview only records the day it was created: keep yesterday's and today's.
    PagePreview.objects.filter(
        created_at__lt=timezone.localdate() - datetime.timedelta(days=1)
    ).delete()


def preview_url(page: Page, token: str) -> str:
    query = urlencode({"content_type": content_type_label(page), "token": token})
    return f"{client_url()}?{query}"


def headless_preview_response(page: Page) -> HttpResponse | None:
    """The redirect to the front end for a preview, or None to use Wagtail's own preview."""
    if not client_url():
        return None
    return redirect(preview_url(page, create_preview(page).token))


class HeadlessPreviewMixin:
    """Put first in a page class's bases to preview it in the headless front end."""

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        response = headless_preview_response(self)
        if response is None:
            return super().serve_preview(request, mode_name)
        return response


def page_for_token(token: str) -> Page:
    """The previewed page for a token: 403 when forged or expired, 404 when unknown.

    A 403 through ``HttpError``, not ``PermissionDenied``: Wagtail's API turns the latter
    into "401 Authentication required" for anonymous requests, and the token, not a
    login, is what is missing here.
    """
    try:
        _signer().unsign(token, max_age=token_max_age())
    except signing.SignatureExpired as error:
        raise HttpError(403, _("This preview link has expired.")) from error
    except signing.BadSignature as error:
        raise HttpError(403, _("This is not a valid preview token.")) from error
    try:
        preview = PagePreview.objects.get(token=token)
    except PagePreview.DoesNotExist as error:
        raise Http404(_("There is no preview for this token.")) from error
    page = preview.as_page()
    if page.pk is None:
        # A page not saved yet; the schema needs an id (``id`` is the base Page's own).
        page.id = page.pk = 0
    return page


router = Router(tags=["preview"])


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="preview_page",
    summary="Page preview",
    description=(
        "The draft an editor is previewing, for the headless front end. The token comes "
        "from the preview URL and expires after a few minutes."
    ),
    operation_id="preview_detail",
    auth=None,
)
def preview_page(
    request: HttpRequest,
    response: HttpResponse,
    token: str,
    content_type: str | None = None,
    rich_text_format: RichTextOutputFormat | None = Query(None),  # noqa: B008
):
    # A draft must never be kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return page_for_token(token)


def register_api() -> None:
    """Mount the preview endpoint on Wagtail's v3 API at ``/api/v3/preview/``.

    Idempotent, because a URLconf may be imported more than once.
    """
    from wagtail.api.v3.api import api

    if any(mounted is router for _prefix, mounted in api._routers):
        return
    api.add_router("/preview/", router)
