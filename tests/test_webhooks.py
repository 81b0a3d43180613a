"""Publication webhooks, WebSub pings and frontend-cache purges, against a real local server.

Receivers are an ``http.server`` on 127.0.0.1 in a thread: what it records is what
left the machine. Tasks run on the immediate backend after the test's transaction
"commits" (``django_capture_on_commit_callbacks(execute=True)``).
"""

import datetime
import hashlib
import hmac
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import parse_qs

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import default_task_backend

from alliance_pages.skeleton import ticker_index
from alliance_pages.translation import publish_translation
from ticker.models import TickerStoryPage
from webhooks import delivery as delivery_service
from webhooks import signing
from webhooks.choices import DeliveryKind, DeliveryStatus, PageEvent
from webhooks.configuration import wagtail_frontend_cache
from webhooks.models import Delivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


class Receiver:
    """A local HTTP server that records requests and answers from a script."""

    def __init__(self):
        self.requests: list[dict] = []
        self.script: list[tuple[int, float]] = []  # (status, delay) per request, then 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                receiver.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )
                status, delay = receiver.script.pop(0) if receiver.script else (200, 0)
                if delay:
                    time.sleep(delay)
                payload = f"answer {status}".encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_POST = do_PURGE = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def closed_port_url():
    """An address where nothing listens: connection refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


def make_story(alliance, title: str, slug: str) -> TickerStoryPage:
    story = TickerStoryPage(
        title=title,
        slug=slug,
        teaser="Ein Werk zeigt, wie es geht.",
        date=datetime.date(2011, 3, 1),
    )
    ticker_index(alliance).add_child(instance=story)
    return story


def publish(page):
    page.save_revision().publish()


def endpoint(url: str, **kwargs) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="Front end", url=url, secret="s3cret", **kwargs)


def body_of(request: dict) -> dict:
    return json.loads(request["body"])


# --- signing -------------------------------------------------------------------------


def test_signature_is_hmac_sha256_over_timestamp_and_body():
    body = b'{"event":"page.published"}'
    expected = hmac.new(b"s3cret", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert signing.signature("s3cret", 1700000000, body) == f"sha256={expected}"


def test_verify_accepts_fresh_authentic_requests_only():
    body = b'{"event":"page.published"}'
    headers = signing.signed_headers("s3cret", body, now=1_700_000_000)
    stamp, sig = headers[signing.TIMESTAMP_HEADER], headers[signing.SIGNATURE_HEADER]
    assert signing.verify("s3cret", body, stamp, sig, now=1_700_000_010)
    assert not signing.verify("other", body, stamp, sig, now=1_700_000_010)
    assert not signing.verify("s3cret", body + b" ", stamp, sig, now=1_700_000_010)
    # A replay an hour later, or with a fresh timestamp on the old signature, fails.
    assert not signing.verify("s3cret", body, stamp, sig, now=1_700_003_600)
    assert not signing.verify("s3cret", body, "1700003600", sig, now=1_700_003_600)
    assert not signing.verify("s3cret", body, None, sig)
    assert not signing.verify("s3cret", body, "soon", sig)


def test_frontend_cache_is_off_without_a_purge_url():
    assert wagtail_frontend_cache(None) == {}
    configured = wagtail_frontend_cache("http://127.0.0.1:6081")["default"]
    assert configured["BACKEND"] == "webhooks.frontend_cache.HTTPPurgeBackend"
    assert configured["LOCATION"] == "http://127.0.0.1:6081"


# --- publication events ----------------------------------------------------------------


def test_publish_posts_a_signed_event_after_commit(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    hook = endpoint(f"{receiver.url}/hook")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(sub_alliances["dormagen"], "Wasserstoff in Dormagen", "wasserstoff")
        publish(story)
        assert receiver.requests == [], "nothing may leave before the transaction commits"

    [request] = receiver.requests
    assert request["method"] == "POST" and request["path"] == "/hook"
    headers = request["headers"]
    assert headers["Content-Type"] == "application/json"
    assert headers[signing.EVENT_HEADER] == "page.published"
    assert signing.verify(
        hook.secret,
        request["body"],
        headers[signing.TIMESTAMP_HEADER],
        headers[signing.SIGNATURE_HEADER],
    )
    event = body_of(request)
    assert event["event"] == "page.published"
    assert event["delivery_id"] == headers[signing.DELIVERY_HEADER]
    assert datetime.datetime.fromisoformat(event["occurred_at"]).tzinfo is not None
    assert event["page"] == {
        "id": story.pk,
        "type": "ticker.TickerStoryPage",
        "title": "Wasserstoff in Dormagen",
        "locale": "de",
        "url": story.get_full_url(),
        "url_path": story.url_path,
        "translation_key": str(story.translation_key),
        "alliance": "dormagen",
    }

    delivery = Delivery.objects.get(uuid=event["delivery_id"])
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert (delivery.attempts, delivery.response_status) == (1, 200)
    assert delivery.response_excerpt == "answer 200"
    [attempt] = delivery.attempt_log.all()
    assert (attempt.number, attempt.response_status, attempt.error) == (1, 200, "")


DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def test_with_the_configured_queue_a_publish_only_queues_and_the_task_sends(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    """The base settings' "webhooks" backend: nothing is sent in the editor's request."""
    from django_tasks_db.models import DBTaskResult

    endpoint(f"{receiver.url}/hook")
    with (
        override_settings(TASKS=DATABASE_QUEUE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(make_story(sub_alliances["dormagen"], "Im Hintergrund", "im-hintergrund"))
    assert receiver.requests == []
    [queued] = DBTaskResult.objects.filter(backend_name="webhooks")
    assert queued.task_path == "webhooks.tasks.deliver"
    assert Delivery.objects.get().status == DeliveryStatus.PENDING

    # What the worker does with the row (its command closes the database connection
    # between tasks, which would end this test's transaction on PostgreSQL).
    from webhooks.tasks import deliver

    deliver.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    [request] = receiver.requests
    assert request["path"] == "/hook"
    assert Delivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_a_rolled_back_publish_sends_nothing(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/hook")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        publish(make_story(sub_alliances["dormagen"], "Zurückgerollt", "zurueckgerollt"))
        raise RuntimeError("the editor's save fails after publishing")
    assert callbacks == []
    assert not Delivery.objects.exists()
    assert receiver.requests == []


def test_subtree_endpoints_hear_their_alliance_and_its_translations_only(
    sub_alliances, state_alliance, locales, receiver, django_capture_on_commit_callbacks
):
    _de, en = locales
    endpoint(f"{receiver.url}/duesseldorf", subtree=sub_alliances["duesseldorf"])
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_story(state_alliance, "Landesweit", "landesweit"))
        story = make_story(sub_alliances["dormagen"], "Chemiepark", "chemiepark")
        publish(story)
        publish_translation(story, en, {"title": "Chemical park", "teaser": "A plant shows how."})

    sent = [(body_of(r)["page"]["title"], body_of(r)["page"]["locale"]) for r in receiver.requests]
    assert sent == [("Chemiepark", "de"), ("Chemical park", "en")]
    english = body_of(receiver.requests[1])["page"]
    assert english["translation_key"] == str(story.translation_key)
    assert english["url"].startswith("http://localhost/en/")


def test_endpoints_receive_only_the_events_they_chose(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/deletions", events=[PageEvent.DELETED])
    endpoint(f"{receiver.url}/off", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(sub_alliances["dormagen"], "Nur Entwurf", "nur-entwurf")
        publish(story)
        story.delete()
    assert [(r["path"], body_of(r)["event"]) for r in receiver.requests] == [
        ("/deletions", "page.deleted")
    ]


def test_unpublish_move_and_delete_are_reported(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/hook")
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(sub_alliances["dormagen"], "Umzug", "umzug")
        publish(story)
    receiver.requests.clear()
    old_path = story.url_path
    dormagen_ticker = ticker_index(sub_alliances["dormagen"])
    duesseldorf_ticker = ticker_index(sub_alliances["duesseldorf"])

    with django_capture_on_commit_callbacks(execute=True):
        story.specific.unpublish()
        story.move(duesseldorf_ticker, pos="last-child")
        story.refresh_from_db()
        story.delete()

    events = [body_of(r) for r in receiver.requests]
    assert [e["event"] for e in events] == ["page.unpublished", "page.moved", "page.deleted"]
    moved = events[1]
    assert moved["page"]["url_path"] == story.url_path != old_path
    assert moved["page"]["alliance"] == "duesseldorf"
    assert moved["previous"] == {"url_path": old_path, "parent_id": dormagen_ticker.pk}
    assert events[2]["page"]["id"] == story.pk
    assert not TickerStoryPage.objects.filter(pk=story.pk).exists()


def test_moving_out_of_a_subtree_is_reported_to_its_endpoint(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/dormagen", subtree=sub_alliances["dormagen"])
    story = make_story(sub_alliances["dormagen"], "Weggezogen", "weggezogen")
    with django_capture_on_commit_callbacks(execute=True):
        story.move(ticker_index(sub_alliances["duesseldorf"]), pos="last-child")
    [request] = receiver.requests
    assert body_of(request)["event"] == "page.moved"


def test_deleting_a_live_page_reports_unpublish_and_delete(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/hook")
    story = make_story(sub_alliances["dormagen"], "Gelöscht", "geloescht")
    publish(story)
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    events = sorted(body_of(r)["event"] for r in receiver.requests)
    assert events == ["page.deleted", "page.unpublished"]


# --- failures, retries, the delivery log -----------------------------------------------


def test_a_failing_endpoint_never_fails_the_publish_and_is_retried(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/hook")
    receiver.script = [(500, 0)]
    with django_capture_on_commit_callbacks(execute=True):
        story = make_story(sub_alliances["dormagen"], "Fehlversuch", "fehlversuch")
        publish(story)
    story.refresh_from_db()
    assert story.live

    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert (delivery.attempts, delivery.response_status) == (1, 500)
    assert delivery.error == "HTTP 500"
    assert delivery.response_excerpt == "answer 500"
    wait = delivery.next_attempt_at - delivery.last_attempt_at
    assert wait == datetime.timedelta(seconds=30)

    # Not due yet: the sweep leaves it alone.
    assert delivery_service.due_delivery_ids() == []
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    output = StringIO()
    call_command("send_due_webhooks", stdout=output)
    assert "1 due: 1 delivered" in output.getvalue()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (
        DeliveryStatus.SUCCEEDED,
        2,
        None,
    )
    assert [a.response_status for a in delivery.attempt_log.all()] == [500, 200]
    first, second = (body_of(r) for r in receiver.requests)
    assert first == second, "a retry repeats the same event and delivery id"


@override_settings(WEBHOOKS_MAX_ATTEMPTS=3, WEBHOOKS_RETRY_BASE_DELAY=10)
def test_backoff_doubles_until_the_last_attempt_fails_for_good(sub_alliances, closed_port_url):
    endpoint(closed_port_url)
    publish(make_story(sub_alliances["dormagen"], "Tot", "tot"))
    delivery = Delivery.objects.get()
    now = timezone.now()
    waits = []
    for _ in range(3):
        delivery = delivery_service.attempt(delivery.pk, now=now)
        if delivery.next_attempt_at:
            waits.append((delivery.next_attempt_at - now).total_seconds())
            now = delivery.next_attempt_at
    assert waits == [10, 20]
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 3 and delivery.next_attempt_at is None
    assert "ConnectionRefusedError" in delivery.error
    assert delivery.attempt_log.count() == 3
    # A failed delivery is never sent again.
    assert delivery_service.attempt(delivery.pk, now=now + datetime.timedelta(days=1)) is None


@override_settings(WEBHOOKS_TIMEOUT=0.3)
def test_a_slow_endpoint_times_out_quickly(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/slow")
    receiver.script = [(200, 2.0)]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_story(sub_alliances["dormagen"], "Langsam", "langsam"))
    assert time.monotonic() - started < 1.8
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert "timed out" in delivery.error.lower()


def test_retries_are_deferred_on_backends_that_can(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    endpoint(f"{receiver.url}/hook")
    receiver.script = [(503, 0)]
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_story(sub_alliances["dormagen"], "Später", "spaeter"))
    delivery = Delivery.objects.get()
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    receiver.script = [(503, 0)]
    with override_settings(TASKS=dummy):
        from webhooks.tasks import deliver

        deliver.call(delivery.pk)
        [queued] = [r for r in default_task_backend.results if r.task.func is deliver.func]
        delivery.refresh_from_db()
        assert queued.args == [delivery.pk]
        assert queued.task.run_after == delivery.next_attempt_at
        assert delivery.attempts == 2


def test_a_broken_webhook_setup_never_breaks_publishing(sub_alliances, monkeypatch):
    endpoint("http://127.0.0.1:9/hook")

    def broken(page):
        raise RuntimeError("bug in the event builder")

    monkeypatch.setattr("webhooks.events.page_summary", broken)
    story = make_story(sub_alliances["dormagen"], "Trotzdem", "trotzdem")
    publish(story)
    story.refresh_from_db()
    assert story.live
    assert not Delivery.objects.exists()


def test_deactivating_an_endpoint_stops_its_pending_deliveries(sub_alliances, receiver):
    hook = endpoint(f"{receiver.url}/hook")
    publish(make_story(sub_alliances["dormagen"], "Abbestellt", "abbestellt"))
    hook.is_active = False
    hook.save()
    delivery = delivery_service.attempt(Delivery.objects.get().pk)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error == "The endpoint was deactivated."
    assert receiver.requests == []


def test_deliveries_whose_worker_died_are_sent_again(sub_alliances):
    endpoint("http://127.0.0.1:9/hook")
    publish(make_story(sub_alliances["dormagen"], "Verwaist", "verwaist"))
    delivery = Delivery.objects.get()
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENDING, last_attempt_at=long_ago
    )
    assert delivery_service.due_delivery_ids() == [delivery.pk]


# --- WebSub and the frontend cache ---------------------------------------------------------


def test_publishing_a_story_pings_the_hub_for_its_feeds(
    sub_alliances, locales, receiver, django_capture_on_commit_callbacks
):
    _de, en = locales
    with override_settings(WEBSUB_HUB_URL=f"{receiver.url}/hub"):
        with django_capture_on_commit_callbacks(execute=True):
            first = make_story(sub_alliances["dormagen"], "Erste", "erste")
            publish(first)
            publish(make_story(sub_alliances["duesseldorf"], "Zweite", "zweite"))
            # Not a story: no feed changes.
            sub_alliances["dormagen"].save_revision().publish()
        german = [parse_qs(r["body"].decode()) for r in receiver.requests]
        receiver.requests.clear()
        with django_capture_on_commit_callbacks(execute=True):
            publish_translation(first, en, {"title": "First", "teaser": "A plant shows how."})
        english = [parse_qs(r["body"].decode()) for r in receiver.requests]

    # Two stories in one transaction: each feed is announced once.
    assert german == [
        {"hub.mode": ["publish"], "hub.url": [f"http://testserver/feeds/ticker/de/{kind}/"]}
        for kind in ("rss", "atom", "json")
    ]
    assert [q["hub.url"][0] for q in english] == [
        f"http://testserver/feeds/ticker/en/{kind}/" for kind in ("rss", "atom", "json")
    ]
    pings = Delivery.objects.filter(kind=DeliveryKind.WEBSUB)
    assert {p.content_type for p in pings} == {"application/x-www-form-urlencoded"}
    assert {p.status for p in pings} == {DeliveryStatus.SUCCEEDED}


def test_no_hub_no_ping(sub_alliances, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_story(sub_alliances["dormagen"], "Ohne Hub", "ohne-hub"))
    assert not Delivery.objects.exists()


def test_publishing_a_story_purges_it_its_ticker_and_the_feeds(
    sub_alliances, receiver, django_capture_on_commit_callbacks
):
    with (
        override_settings(WAGTAILFRONTENDCACHE=wagtail_frontend_cache(receiver.url)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        story = make_story(sub_alliances["dormagen"], "Frisch", "frisch")
        publish(story)
    purged = {(r["method"], r["headers"]["Host"], r["path"]) for r in receiver.requests}
    ticker_path = ticker_index(sub_alliances["dormagen"]).url
    assert purged == {
        ("PURGE", "localhost", story.url),
        ("PURGE", "localhost", ticker_path),
        ("PURGE", "testserver", "/feeds/ticker/de/rss/"),
        ("PURGE", "testserver", "/feeds/ticker/de/atom/"),
        ("PURGE", "testserver", "/feeds/ticker/de/json/"),
    }


# --- the admin -------------------------------------------------------------------------


@pytest.fixture
def logged_delivery(sub_alliances):
    endpoint("http://127.0.0.1:9/hook")
    publish(make_story(sub_alliances["dormagen"], "Protokolliert", "protokolliert"))
    return delivery_service.attempt(Delivery.objects.get().pk)


def test_admins_manage_endpoints_with_event_checkboxes(admin_client, state_alliance):
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {
            "name": "Nuxt build hook",
            "url": "https://front.example.org/hooks/wagtail",
            "secret": "shared",
            "is_active": "on",
            "events": ["page.published", "page.unpublished"],
            "subtree": state_alliance.pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    hook = WebhookEndpoint.objects.get()
    assert hook.events == ["page.published", "page.unpublished"]
    assert hook.subtree_id == state_alliance.pk
    edit = admin_client.get(reverse("webhook_endpoints:edit", args=[hook.pk]))
    assert edit.status_code == 200
    assert 'value="page.deleted"' in edit.text


def test_the_delivery_log_is_read_only_even_for_superusers(admin_client, logged_delivery):
    index = admin_client.get(reverse("webhook_deliveries:index"))
    assert index.status_code == 200
    assert "Protokolliert" in index.text
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[logged_delivery.pk]))
    assert inspect.status_code == 200
    assert "ConnectionRefusedError" in inspect.text
    for view in ("edit", "delete"):
        url = reverse(f"webhook_deliveries:{view}", args=[logged_delivery.pk])
        assert admin_client.get(url).status_code in {302, 403}
    assert admin_client.get(reverse("webhook_deliveries:add")).status_code in {302, 403}
    assert Delivery.objects.filter(pk=logged_delivery.pk).exists()


def test_editors_can_read_the_delivery_log(client, django_user_model, logged_delivery):
    editors = Group.objects.get(name="Editors")
    assert editors.permissions.filter(codename="view_delivery").exists()
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(reverse("webhook_deliveries:index")).status_code == 200
    # Endpoints hold secrets: editors do not see them.
    assert client.get(reverse("webhook_endpoints:index")).status_code in {
        302,
        403,
    }
    assert not Permission.objects.filter(
        group=editors, codename__endswith="webhookendpoint"
    ).exists()
