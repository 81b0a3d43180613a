"""The OpenAPI document served at /api/v3/openapi.json: stable, valid, and true to the API.

* The snapshot test pins the served document to ``tests/openapi_snapshot.json``, so
  that every change to the API's contract shows up as a readable diff in review.
  ``make openapi-snapshot`` rewrites the snapshot from the served document (it runs
  this module with ``OPENAPI_SNAPSHOT_UPDATE=1``).
* The validator test runs openapi-spec-validator over the served document.
* The property-based run lets schemathesis call every GET operation of the document
  with generated parameters against the Django app: none may answer with a server
  error, and the directory endpoints must answer exactly as documented.
"""

import datetime
import json
import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from alliance_pages.skeleton import ticker_index
from alliance_pages.tree import ensure_translated_child
from ticker.models import TickerStoryPage

SNAPSHOT = Path(__file__).with_name("openapi_snapshot.json")
UPDATE_VARIABLE = "OPENAPI_SNAPSHOT_UPDATE"
OPENAPI_URL = "/api/v3/openapi.json"
DIRECTORY_PATHS = (
    "/api/v3/alliances/",
    "/api/v3/companies/",
    "/api/v3/regions/",
    "/api/v3/events/",
)
STORY_PATHS = ("/api/v3/stories/", "/api/v3/stories/suggest/")
OUR_PATHS = DIRECTORY_PATHS + STORY_PATHS


def served_document(client) -> dict:
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    return response.json()


def render(document: dict) -> str:
    """Sorted keys and indentation: a change to the API reads as a small diff."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _changes(actual: dict, expected: dict) -> list[str]:
    lines = []
    for section, actual_part, expected_part in [
        ("path", actual.get("paths", {}), expected.get("paths", {})),
        ("schema", actual["components"]["schemas"], expected["components"]["schemas"]),
    ]:
        for name in sorted(actual_part.keys() | expected_part.keys()):
            if name not in expected_part:
                lines.append(f"  new {section}: {name}")
            elif name not in actual_part:
                lines.append(f"  removed {section}: {name}")
            elif actual_part[name] != expected_part[name]:
                lines.append(f"  changed {section}: {name}")
    return lines or ["  (elsewhere in the document)"]


def test_served_document_matches_snapshot(client):
    document = json.loads(render(served_document(client)))
    if os.environ.get(UPDATE_VARIABLE):
        SNAPSHOT.write_text(render(document), encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
    if document != expected:
        pytest.fail(
            "The served OpenAPI document differs from tests/openapi_snapshot.json:\n"
            + "\n".join(_changes(document, expected or {"components": {"schemas": {}}}))
            + "\nIf the change is intended, run `make openapi-snapshot` and commit the diff.",
            pytrace=False,
        )


def test_served_document_is_valid_openapi(client):
    validate(served_document(client))


def test_public_operations_allow_anonymous_in_standard_form(client):
    document = served_document(client)
    assert "AllowAnonymous" not in document["components"].get("securitySchemes", {})
    security = document["paths"]["/api/v3/pages/"]["get"]["security"]
    assert security == [{"BearerTokenAuth": []}, {}]


def test_directory_is_described_in_the_same_document(client):
    document = served_document(client)
    for path in DIRECTORY_PATHS:
        operation = document["paths"][path]["get"]
        assert operation["responses"]["422"]["content"]["application/problem+json"]
        assert "security" not in operation  # public: no credentials asked, none used
    events = document["paths"]["/api/v3/events/"]["get"]["parameters"]
    when = next(parameter for parameter in events if parameter["name"] == "when")
    assert when["schema"]["enum"] == ["upcoming", "past", "all"]


def test_page_types_are_typed_with_translations(client):
    schemas = served_document(client)["components"]["schemas"]
    story = schemas["TickerStoryPageSchema"]["properties"]
    assert story["companies"]["items"] == {"$ref": "#/components/schemas/PageLinkSchema"}
    assert story["tags"]["items"] == {"type": "string"}
    assert "oneOf" in story["body"]["items"]
    assert story["lead_image_thumbnail"]["anyOf"][0] == {
        "$ref": "#/components/schemas/ImageRenditionDict"
    }
    assert story["alliance"]["anyOf"][0] == {"$ref": "#/components/schemas/AllianceLinkSchema"}
    assert schemas["RegionPageSchema"]["properties"]["latitude"]["anyOf"][0]["type"] == "number"
    assert schemas["EventPageSchema"]["properties"]["kind"]["enum"][0] == "congress"
    in_sync = schemas["PageTranslationSchema"]["properties"]["in_sync"]
    assert (
        "not been published since wagtail-localize last took its content"
        in (in_sync["description"])
    )
    signatories = schemas["DeclarationPageSchema"]["properties"]["signatories"]
    assert signatories["items"] == {"$ref": "#/components/schemas/SignatorySchema"}


# --- Property-based: schemathesis over every GET operation -----------------------------


@pytest.fixture(scope="module")
def stories(django_db_setup, django_db_blocker):
    """The state alliance (built by conftest) and a few stories, one of them translated."""
    with django_db_blocker.unblock():
        ticker = ticker_index(__import__("alliance_pages.skeleton").skeleton.state_alliance())
        made = [
            ensure_translated_child(
                ticker,
                TickerStoryPage,
                f"geschichte-{number}",
                {
                    "title": f"Geschichte {number}",
                    "teaser": "Eine Innovation aus Nordrhein-Westfalen.",
                    "date": datetime.date(2020, 1, number + 1),
                    "body": [("paragraph", "<p>Mehr dazu.</p>")],
                },
                {"en": {"title": f"Story {number}"}} if number == 0 else {},
                tags=["Wasserstoff"],
            )[0]
            for number in range(3)
        ]
    yield made
    with django_db_blocker.unblock():
        for story in made:
            for version in story.get_translations(inclusive=True):
                version.delete()


def _load_schema():
    """Loaded at collection: schemathesis makes one test per operation of the document.

    Serving the document needs no database, so this works before any test runs.
    """
    from django.core.wsgi import get_wsgi_application

    return (
        schemathesis.openapi.from_wsgi(OPENAPI_URL, get_wsgi_application())
        .include(method="GET")
        .exclude(func=_has_no_possible_url)
    )


def _has_no_possible_url(context) -> bool:
    """Wagtail lists the snippet revision operations even when no snippet type keeps
    revisions (ours does not); their ``{type}`` then admits only the empty string, so
    no URL can be built for them and there is nothing to call."""
    return any(
        parameter.get("in") == "path" and parameter.get("schema", {}).get("const") == ""
        for parameter in context.operation.definition.raw.get("parameters", [])
    )


schema = _load_schema()

FUZZ_SETTINGS = settings(
    max_examples=12,
    deadline=None,
    # The same examples on every run: a failure in CI reproduces on a laptop.
    derandomize=True,
    database=None,  # no .hypothesis/ directory in the checkout
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture
def test_connection_stays_open():
    """Schemathesis calls the WSGI application directly, not through Django's test
    client, so Django's request signals would close the database connection after
    each call: on PostgreSQL that closes the test's transaction under it. Django's
    test client disconnects the same handler for the same reason."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@FUZZ_SETTINGS
def test_no_get_operation_answers_with_a_server_error(
    case, db, stories, test_connection_stays_open
):
    from schemathesis.checks import not_a_server_error

    if case.path in {path.removeprefix("/api/v3") for path in OUR_PATHS}:
        # Ours: exactly as documented (status codes, media types, response schemas).
        case.call_and_validate()
    else:
        case.call_and_validate(checks=[not_a_server_error])
