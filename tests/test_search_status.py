"""``search_status`` and ``update_index``: counts per language, progress, clear errors."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from search.configuration import wagtailsearch_backends
from search.models import FailedIndexUpdate

from .test_search_indexing import publish_story

pytestmark = pytest.mark.django_db


def run(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def row(output: str, language: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.split()[:1] == [language])


def test_status_counts_live_stories_in_database_and_index(locales):
    before = row(run("search_status"), "de")
    publish_story()
    output = run("search_status")
    assert "Backend 'default': database" in output
    after = row(output, "de")
    assert int(after[1]) == int(before[1]) + 1  # live in the database
    assert int(after[2]) == int(before[2]) + 1  # live in the index
    if connection.vendor == "postgresql":  # the story search documents
        assert "live documents" in output and int(after[3]) == int(before[3]) + 1
    else:
        assert "live documents" not in output and len(after) == 3
    assert "Failed index updates: 0" in output


def test_status_names_an_unreachable_elasticsearch_and_the_failures(settings, locales):
    story = publish_story()
    FailedIndexUpdate.objects.create(
        backend_name="default",
        model_label="ticker.tickerstorypage",
        object_id=str(story.pk),
        action="update",
        attempts=6,
        error="ConnectionError: refused",
    )
    settings.WAGTAILSEARCH_BACKENDS = wagtailsearch_backends("http://127.0.0.1:9")
    out = StringIO()
    with pytest.raises(CommandError, match="unreachable"):
        call_command("search_status", stdout=out)
    output = out.getvalue()
    assert "Backend 'default': elasticsearch" in output
    assert row(output, "de")[2] == "unreachable"
    assert "Failed index updates: 1 (1 out of retries" in output


def test_update_index_shows_progress_and_clears_old_failures(locales):
    story = publish_story()
    FailedIndexUpdate.objects.create(
        backend_name="default",
        model_label="ticker.tickerstorypage",
        object_id=str(story.pk),
        action="update",
    )
    output = run("update_index", backend_name="default", chunk_size=2)
    assert "(100%)" in output
    assert not FailedIndexUpdate.objects.exists()


def test_update_index_against_a_dead_elasticsearch_is_a_clear_error(settings, locales):
    settings.WAGTAILSEARCH_BACKENDS = wagtailsearch_backends("http://127.0.0.1:9")
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        run("update_index", backend_name="default")
