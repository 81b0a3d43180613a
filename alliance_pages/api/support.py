"""``POST /api/v3/support-requests/``: a headless front end's way to ask the office for support.

Public and anonymous, like the form on the support services page, and judged by the
same form (``support.forms``): a valid request answers 201 with what was stored, an
invalid one 422 with one error per field (``errors[].loc`` names it, as Ninja does
for malformed JSON). Spam is kept out by the ``website`` honeypot field and a limit
per client address (``SUPPORT_REQUEST_RATE``), answered with 429 and ``Retry-After``.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import ValidationError
from wagtail.api.v3.errors import ProblemDetail, problem_response

from ..choices import SupportService
from ..support.forms import HONEYPOT_FIELD, SupportRequestForm
from ..support.intake import TooManyRequests, check_rate, client_address, receive
from .params import DEFAULT_LANGUAGE, SLUG_PATTERN, LanguageCode

router = Router(tags=["support"])

SupportServiceValue = Literal[tuple(SupportService.values)]  # type: ignore[valid-type]
BODY = ("body", "payload")


class SupportRequestIn(Schema):
    organisation: str = Field(..., description="The organisation asking for support.")
    contact_person: str = Field(..., description="Who the office should talk to.")
    email: str = Field(..., description="The contact person's e-mail address.")
    region: str = Field(
        ...,
        pattern=SLUG_PATTERN,
        description="German slug of the region the alliance is to be founded in "
        "(see /api/v3/regions/).",
    )
    service: SupportServiceValue = Field(..., description="The support service asked for.")
    message: str = Field("", description="Anything else the office should know.")
    language: LanguageCode = Field(
        DEFAULT_LANGUAGE,
        description="The language the requester writes in; the office answers in it, "
        "and error messages come in it.",
    )
    website: str = Field(
        "", description="Leave empty. Robots fill in every field; people never see this one."
    )


class SupportRequestOut(Schema):
    id: int
    organisation: str
    contact_person: str
    email: str
    region: str = Field(..., description="The region's name as submitted.")
    service: SupportServiceValue
    status: str
    submitted_at: datetime


def _field_errors(form: SupportRequestForm) -> list[dict]:
    return [
        {"type": error.code or "invalid", "loc": [*BODY, field], "msg": " ".join(error.messages)}
        for field, errors in form.errors.as_data().items()
        for error in errors
    ]


@router.post(
    "/",
    response={201: SupportRequestOut, 422: ProblemDetail, 429: ProblemDetail},
    url_name="create_support_request",
    summary="Ask the coordination office for support",
    operation_id="support_requests_create",
)
def create_support_request(request: HttpRequest, payload: SupportRequestIn):
    address = client_address(request)
    with translation.override(payload.language):
        try:
            check_rate(address)
        except TooManyRequests as refusal:
            return _too_many(refusal)
        data = payload.dict()
        data[HONEYPOT_FIELD] = payload.website
        form = SupportRequestForm(data, language=payload.language)
        if not form.is_valid():
            raise ValidationError(_field_errors(form))
        try:
            stored = receive(form, address)
        except TooManyRequests as refusal:
            return _too_many(refusal)
    return Status(
        201,
        {
            "id": stored.pk,
            "organisation": stored.organisation,
            "contact_person": stored.contact_person,
            "email": stored.email,
            "region": stored.region_name,
            "service": stored.service,
            "status": stored.status,
            "submitted_at": stored.submitted_at,
        },
    )


def _too_many(refusal: TooManyRequests):
    response = problem_response(
        status=429,
        detail=_("Too many support requests from this address; try again later."),
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response
