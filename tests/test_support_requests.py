"""Requests for the coordination office's support services: the API, the page, the admin.

Both ways in (``POST /api/v3/support-requests/`` and the form on the support services
page) store the request, e-mail the office once the transaction commits, refuse bad
input field by field, keep robots out (honeypot, rate limit) and never lose a request
when the mail server is down.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from alliance_pages.choices import EventKind, RegionKind, SupportService
from alliance_pages.models import (
    EventPage,
    RegionPage,
    SupportRequest,
    SupportRequestStatus,
    SupportServicesPage,
)
from alliance_pages.skeleton import events_index, regions_index
from alliance_pages.tree import ensure_translated_child

URL = "/api/v3/support-requests/"
OFFICE = ["koordinierungsstelle@example.org", "leitung@example.org"]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def region(state_alliance):
    page, _changed = ensure_translated_child(
        regions_index(),
        RegionPage,
        "rhein-kreis-neuss",
        {"title": "Rhein-Kreis Neuss", "kind": RegionKind.DISTRICT},
        {"en": {"title": "Rhine District of Neuss"}},
    )
    return page


def request_data(**changes):
    data = {
        "organisation": "Unternehmerschaft Düsseldorf und Umgebung e. V.",
        "contact_person": "Jürgen Weiß",
        "email": "weiss@example.org",
        "region": "rhein-kreis-neuss",
        "service": SupportService.KICK_OFF,
        "message": "Wir möchten eine lokale Allianz in Grevenbroich gründen.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, **extra):
    return client.post(URL, json.dumps(data), content_type="application/json", **extra)


@override_settings(COORDINATION_OFFICE_EMAIL=OFFICE)
def test_a_request_is_stored_and_mailed_to_the_office(
    client, region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, request_data())

    assert response.status_code == 201, response.content
    body = response.json()
    stored = SupportRequest.objects.get()
    assert body["id"] == stored.pk
    assert body["organisation"] == "Unternehmerschaft Düsseldorf und Umgebung e. V."
    assert body["region"] == "Rhein-Kreis Neuss"
    assert body["service"] == "kick_off"
    assert body["status"] == "new"
    assert stored.region == region
    assert stored.contact_person == "Jürgen Weiß"
    assert stored.language == "de"
    assert stored.office_notified_at is not None

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == OFFICE
    assert message.reply_to == ["weiss@example.org"]
    assert "Unternehmerschaft Düsseldorf" in message.subject
    assert "Jürgen Weiß" in message.body
    assert "Grevenbroich" in message.body
    assert f"/admin/support_requests/edit/{stored.pk}/" in message.body


def test_the_api_needs_no_csrf_token_and_no_login(region, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(Client(enforce_csrf_checks=True), request_data())
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"organisation": None}, "organisation"),
        ({"email": "keine-adresse"}, "email"),
        ({"region": "atlantis"}, "region"),
        ({"region": "köln und so/weiter"}, "region"),
        ({"service": "catering"}, "service"),
        ({"contact_person": ""}, "contact_person"),
        ({"organisation": "x" * 256}, "organisation"),
        ({"website": "http://spam.example"}, "website"),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, region, changes, field):
    response = post(client, request_data(**changes))

    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    fields = [error["loc"][-1] for error in response.json()["errors"]]
    assert fields == [field]
    assert not SupportRequest.objects.exists()
    assert not mail.outbox


def test_errors_come_in_the_requesters_language(client, region):
    german = post(client, request_data(email="keine-adresse", language="de")).json()
    english = post(client, request_data(email="keine-adresse", language="en")).json()

    assert "gültige E-Mail" in german["errors"][0]["msg"]
    assert english["errors"][0]["msg"] == "Enter a valid email address."


def test_a_body_that_is_not_json_is_refused(client, region):
    response = client.post(URL, "organisation=x", content_type="application/json")
    assert response.status_code in (400, 422)
    assert not SupportRequest.objects.exists()


@override_settings(SUPPORT_REQUEST_RATE=(2, 3600))
def test_one_address_may_send_only_so_many_requests(client, region):
    answers = [post(client, request_data()).status_code for _ in range(3)]

    assert answers == [201, 201, 429]
    refused = post(client, request_data())
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert SupportRequest.objects.count() == 2
    # Another address is not affected.
    assert post(client, request_data(), REMOTE_ADDR="192.0.2.7").status_code == 201


@override_settings(
    COORDINATION_OFFICE_EMAIL=OFFICE,
    EMAIL_BACKEND="tests.test_support_requests.BrokenMailServer",
)
def test_a_mail_server_that_is_down_loses_no_request(
    client, region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, request_data())

    assert response.status_code == 201
    stored = SupportRequest.objects.get()
    assert stored.office_notified_at is None


class BrokenMailServer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@override_settings(COORDINATION_OFFICE_EMAIL=[])
def test_without_an_office_address_the_request_is_stored_unmailed(
    client, region, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, request_data()).status_code == 201
    assert SupportRequest.objects.get().office_notified_at is None
    assert not mail.outbox


def test_the_operation_is_documented(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/support-requests/"]["post"]
    assert set(operation["responses"]) >= {"201", "422", "429"}


# The form on the support services page


@pytest.fixture
def support_page(state_alliance, region):
    page = SupportServicesPage(title="Unterstützungsangebote", slug="unterstuetzungsangebote")
    state_alliance.add_child(instance=page)
    return page


@override_settings(COORDINATION_OFFICE_EMAIL=OFFICE)
def test_the_page_form_stores_a_request_and_says_thank_you(
    client, support_page, django_capture_on_commit_callbacks
):
    form_page = client.get(support_page.url)
    assert form_page.status_code == 200
    assert 'name="support-organisation"' in form_page.content.decode()
    assert "Rhein-Kreis Neuss" in form_page.content.decode()

    data = {f"support-{key}": value for key, value in request_data().items()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(support_page.url, data)

    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1")
    assert SupportRequest.objects.get().organisation.startswith("Unternehmerschaft")
    assert len(mail.outbox) == 1
    thanks = client.get(response["Location"]).content.decode()
    assert 'role="status"' in thanks
    assert 'name="support-organisation"' not in thanks


def test_the_page_form_shows_field_errors_and_stores_nothing(client, support_page):
    data = {f"support-{key}": value for key, value in request_data(email="kaputt").items()}
    response = client.post(support_page.url, data)

    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_the_honeypot_on_the_page_keeps_robots_out(client, support_page):
    data = {f"support-{key}": value for key, value in request_data(website="x").items()}
    assert client.post(support_page.url, data).status_code == 422
    assert not SupportRequest.objects.exists()


# The office's listing in the admin


@pytest.fixture
def stored_request(region):
    return SupportRequest.objects.create(
        organisation="IHK Mittlerer Niederrhein",
        contact_person="Grete Müßig",
        email="muessig@example.org",
        region=region,
        region_name=region.title,
        service=SupportService.STRATEGY_WORKSHOP,
        language="de",
    )


@pytest.fixture
def superuser_client(client, db):
    user = get_user_model().objects.create_superuser("office", "office@example.org", "pw")
    client.force_login(user)
    return client


def test_the_office_sees_the_requests_and_sets_their_status(superuser_client, stored_request):
    listing = superuser_client.get("/admin/support_requests/")
    assert listing.status_code == 200
    assert "IHK Mittlerer Niederrhein" in listing.content.decode()
    assert "/admin/support_requests/new/" not in listing.content.decode()

    response = superuser_client.post(
        f"/admin/support_requests/edit/{stored_request.pk}/",
        {
            "status": SupportRequestStatus.IN_PROGRESS,
            "notes": "Termin im März",
            # Submitted facts are read-only: a posted change is ignored.
            "organisation": "Umbenannt",
        },
    )
    assert response.status_code == 302
    stored_request.refresh_from_db()
    assert stored_request.status == SupportRequestStatus.IN_PROGRESS
    assert stored_request.notes == "Termin im März"
    assert stored_request.organisation == "IHK Mittlerer Niederrhein"


def test_nobody_adds_a_request_in_the_admin(superuser_client):
    response = superuser_client.get("/admin/support_requests/new/")
    assert response.status_code == 302  # Wagtail's refusal: back with a message
    response = superuser_client.post(
        "/admin/support_requests/new/", {"status": "new", "notes": "erfunden"}
    )
    assert not SupportRequest.objects.exists()


def test_an_editor_without_the_permission_cannot_read_the_requests(client, stored_request):
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("redakteurin", "r@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    for url in ("/admin/support_requests/", f"/admin/support_requests/edit/{stored_request.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "IHK" not in response.content.decode()


# Kick-off events are documented on their event page


def test_only_a_kick_off_event_founds_an_alliance(state_alliance):
    event = EventPage(
        title="Strategieworkshop Neuss",
        kind=EventKind.STRATEGY_WORKSHOP,
        starts_at="2010-09-01T10:00:00+02:00",
        founded_alliance=state_alliance,
    )
    events_index(state_alliance).add_child(
        instance=EventPage(
            title="Auftakt Dormagen",
            kind=EventKind.KICK_OFF,
            starts_at="2010-11-01T10:00:00+01:00",
            participants=120,
            evaluation="<p>Gut besucht.</p>",
            founded_alliance=state_alliance,
        )
    )
    with pytest.raises(ValidationError) as refusal:
        event.clean()
    assert "founded_alliance" in refusal.value.message_dict
    kick_off = EventPage.objects.get(title="Auftakt Dormagen")
    assert list(state_alliance.kick_off_events.all()) == [kick_off]


def test_the_coordination_office_group_works_on_requests(client, state_alliance, stored_request):
    from alliance_pages.roles import COORDINATION_OFFICE, ensure_roles

    office = ensure_roles()[COORDINATION_OFFICE]
    member = get_user_model().objects.create_user("koordination", "k@example.org", "pw")
    member.groups.add(office)
    client.force_login(member)

    assert "IHK Mittlerer Niederrhein" in client.get("/admin/support_requests/").content.decode()
    edit_url = f"/admin/support_requests/edit/{stored_request.pk}/"
    assert client.post(edit_url, {"status": "done", "notes": ""}).status_code == 302
    stored_request.refresh_from_db()
    assert stored_request.status == SupportRequestStatus.DONE
    assert client.get("/admin/support_requests/new/").status_code == 302
