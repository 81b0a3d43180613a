"""A dead or silent Elasticsearch never blocks a publish nor breaks the story search.

Two kinds of broken Elasticsearch, both real sockets on this machine, no fake server:
port 9 on 127.0.0.1, where nothing listens (connection refused), and a socket the test
opens that accepts connections and never answers (the client waits for its timeout).
"""

import socket
import time

import pytest
from django_tasks_db.models import DBTaskResult

from search.configuration import wagtailsearch_backends
from search.models import FailedIndexUpdate
from search.resilience import PAUSE_CACHE_KEY
from search.tasks import MAX_ATTEMPTS, apply

from .test_search_indexing import QUEUED_TASKS, publish_story

pytestmark = pytest.mark.django_db

DEAD_URL = "http://127.0.0.1:9"


@pytest.fixture
def silent_url():
    """A listening socket that never accepts nor answers: the kernel completes the TCP
    handshake from the backlog, then the client waits for a reply that never comes."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


@pytest.fixture(autouse=True)
def fresh_pause(settings):
    from django.core.cache import cache

    cache.delete(PAUSE_CACHE_KEY)
    yield
    cache.delete(PAUSE_CACHE_KEY)


def configure(settings, url, timeout=None):
    backends = wagtailsearch_backends(url)
    if timeout is not None:
        backends["default"]["TIMEOUT"] = timeout
    settings.WAGTAILSEARCH_BACKENDS = backends
    settings.TASKS = QUEUED_TASKS


def timed_publish(django_capture_on_commit_callbacks):
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_story(title="Wasserstoff für die Hütte", tags=["Wasserstoff"])
    return story, time.perf_counter() - started


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_publishing_takes_under_a_second_while_elasticsearch_is_broken(
    kind, settings, locales, silent_url, django_capture_on_commit_callbacks
):
    configure(settings, DEAD_URL if kind == "refused" else silent_url)
    story, seconds = timed_publish(django_capture_on_commit_callbacks)
    assert seconds < 1.0, f"publishing took {seconds:.2f} s with a {kind} Elasticsearch"
    assert story.live
    queued = DBTaskResult.objects.filter(
        task_path="search.tasks.update_search_entry", status="READY"
    )
    assert any(row.args_kwargs["args"][2] == str(story.pk) for row in queued)


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_a_failed_index_update_is_recorded_and_retried_later(
    kind, settings, locales, silent_url, django_capture_on_commit_callbacks
):
    configure(settings, DEAD_URL if kind == "refused" else silent_url, timeout=0.5)
    story, _seconds = timed_publish(django_capture_on_commit_callbacks)
    DBTaskResult.objects.all().delete()

    assert apply("default", "ticker.tickerstorypage", str(story.pk), "update") is False

    failure = FailedIndexUpdate.objects.get(object_id=str(story.pk))
    assert failure.attempts == 1 and failure.backend_name == "default"
    assert failure.next_attempt_at is not None
    assert failure.error  # says what went wrong
    retry = DBTaskResult.objects.get(task_path="search.tasks.update_search_entry")
    assert retry.run_after == failure.next_attempt_at


def test_retries_stop_after_the_last_attempt(settings, locales, django_capture_on_commit_callbacks):
    configure(settings, DEAD_URL)
    story, _seconds = timed_publish(django_capture_on_commit_callbacks)
    for _attempt in range(MAX_ATTEMPTS):
        apply("default", "ticker.tickerstorypage", str(story.pk), "update")
    failure = FailedIndexUpdate.objects.get(object_id=str(story.pk))
    assert failure.attempts == MAX_ATTEMPTS and failure.next_attempt_at is None


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_story_api_answers_from_the_database_and_says_so(
    kind, client, settings, locales, silent_url, django_capture_on_commit_callbacks
):
    configure(settings, DEAD_URL if kind == "refused" else silent_url, timeout=0.5)
    story, _seconds = timed_publish(django_capture_on_commit_callbacks)
    for _request in range(2):  # the second one skips Elasticsearch (paused after a failure)
        response = client.get("/api/v3/stories/", {"q": "Wasserstoff", "locale": "de"})
        assert response.status_code == 200
        payload = response.json()
        assert payload["search_backend"] == "database"
        assert payload["degraded"] is True
        assert [hit["id"] for hit in payload["results"]] == [story.pk]
    suggestions = client.get("/api/v3/stories/suggest/", {"q": "Wasser", "locale": "de"})
    assert suggestions.status_code == 200


def test_story_api_says_which_engine_answered_normally(client, locales):
    payload = client.get("/api/v3/stories/", {"q": "Wasserstoff"}).json()
    assert payload["search_backend"] == "database" and payload["degraded"] is False
