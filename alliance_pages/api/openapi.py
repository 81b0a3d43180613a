"""Corrections to the OpenAPI document Wagtail 8.0.1's v3 API generates.

Wagtail marks its public-read operations with ``auth=[BearerTokenAuth(),
AllowAnonymous()]``. Django Ninja documents every auth callback as a security
scheme, and ``AllowAnonymous`` comes out as ``{"type": "http"}`` without the
``scheme`` an HTTP security scheme must have, so the document fails validation
(openapi-spec-validator, code generators, Swagger UI's own check). What
``AllowAnonymous`` means has a standard spelling in OpenAPI: an empty security
requirement ``{}`` among the alternatives ("or no authentication at all").

Wagtail answers every error as an RFC 7807 problem (``application/problem+json``,
see ``wagtail.api.v3.errors``), while Ninja documents each declared response under
its renderer's ``application/json``; responses documented with the ``ProblemDetail``
schema are moved to the media type they are actually served with.

The corrections are applied by overriding ``get_openapi_schema`` on the one ``api``
instance rather than by wrapping the view: the JSON view, the interactive docs and
any caller of ``api.get_openapi_schema()`` (snapshot tests) then see the same document.
"""

import json
from functools import wraps
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from ninja import NinjaAPI
from wagtail.api.v3.errors import PROBLEM_JSON

ANONYMOUS_SCHEME = "AllowAnonymous"
PROBLEM_SCHEMA_REF = "#/components/schemas/ProblemDetail"


def _operations(document: dict[str, Any]):
    for path_item in document.get("paths", {}).values():
        yield from (op for op in path_item.values() if isinstance(op, dict))


def allow_anonymous_as_empty_requirement(document: dict[str, Any]) -> None:
    schemes = document.get("components", {}).get("securitySchemes", {})
    if schemes.pop(ANONYMOUS_SCHEME, None) is None:
        return
    if not schemes:
        document["components"].pop("securitySchemes")
    for operation in _operations(document):
        if "security" in operation:
            operation["security"] = [
                {} if ANONYMOUS_SCHEME in requirement else requirement
                for requirement in operation["security"]
            ]


def problems_as_problem_json(document: dict[str, Any]) -> None:
    for operation in _operations(document):
        for response in operation.get("responses", {}).values():
            content = response.get("content", {})
            for media_type in list(content):
                if content[media_type].get("schema", {}).get("$ref") == PROBLEM_SCHEMA_REF:
                    content[PROBLEM_JSON] = content.pop(media_type)


DOCUMENT_LANGUAGE = "en"

CORRECTIONS = (allow_anonymous_as_empty_requirement, problems_as_problem_json)


def correct_openapi_document(api: NinjaAPI) -> None:
    """Make ``api`` serve the corrected document. Safe to call more than once."""
    generate = api.get_openapi_schema
    if getattr(generate, "corrected", False):
        return

    @wraps(generate)
    def get_openapi_schema(**kwargs: Any):
        # Field titles are lazy verbose names, rendered only when the response is
        # encoded: without fixing them here the document would follow whichever
        # language the request happened to activate.
        with translation.override(DOCUMENT_LANGUAGE):
            document = json.loads(json.dumps(generate(**kwargs), cls=DjangoJSONEncoder))
        for correct in CORRECTIONS:
            correct(document)
        return document

    get_openapi_schema.corrected = True
    api.get_openapi_schema = get_openapi_schema
