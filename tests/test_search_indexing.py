"""The index follows what is published: publish, tag edits, unpublish, move, delete, translation.

On the database backend the stored index entry is checked; for Elasticsearch the
document the backend would send is inspected offline (``search_es_recording``), both
through the immediate task backend and through the database-backed queue and its
worker.
"""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.search.models import IndexEntry

from alliance_pages.skeleton import content_locales, state_alliance, ticker_index
from alliance_pages.translation import publish_translation
from ticker.models import TickerStoryPage

from .search_es_recording import start_recording

pytestmark = pytest.mark.django_db

QUEUED_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "search": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture(name="recording_es")
def recording_es_fixture(settings, monkeypatch):
    return start_recording(settings, monkeypatch)


def publish_story(title="Hütte wird Kreislaufwerk", tags=("Zink",)) -> TickerStoryPage:
    story = TickerStoryPage(title=title, teaser="Ein Werk in Duisburg recycelt Metall.")
    story.tags.set(list(tags))
    ticker_index(state_alliance()).add_child(instance=story)
    story.save_revision().publish()
    return TickerStoryPage.objects.get(pk=story.pk)


def edit_tags_and_publish(story: TickerStoryPage, tags) -> None:
    """As the editor does: change the draft's tags, then publish the revision."""
    draft = story.get_latest_revision_as_object()
    draft.tags.set(list(tags))
    draft.save_revision().publish()


def stored_entry_text(story) -> str:
    entry = IndexEntry.objects.get(object_id=str(story.pk))
    return f"{entry.title} {entry.body}".lower()


def test_a_tag_edit_is_in_the_database_index_after_that_very_publish(locales):
    story = publish_story(tags=["Zink"])
    assert "zink" in stored_entry_text(story)
    edit_tags_and_publish(story, ["Blei"])
    text = stored_entry_text(story)
    assert "blei" in text and "zink" not in text


def _documents(calls, story):
    return [
        kwargs["document"]
        for name, kwargs in calls
        if name == "index" and kwargs["id"] == str(story.pk)
    ]


def _tag_names(document) -> list[str]:
    return [tag["name"] for tag in document["ticker_tickerstorypage__tags"]]


def test_elasticsearch_document_carries_the_tags_just_published(
    recording_es, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_story(tags=["Zink"])
    with django_capture_on_commit_callbacks(execute=True):
        edit_tags_and_publish(story, ["Blei", "Recycling"])
    documents = _documents(recording_es, story)
    assert _tag_names(documents[0]) == ["Zink"]
    # One document per publish (a publish saves the page several times), and the
    # last one sent holds the tags of the publish, not those of the one before.
    assert len(documents) == 2
    assert sorted(_tag_names(documents[-1])) == ["Blei", "Recycling"]


def test_queued_path_writes_one_task_and_the_worker_sends_the_published_document(
    recording_es, settings, monkeypatch, locales, django_capture_on_commit_callbacks
):
    settings.TASKS = QUEUED_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_story(tags=["Zink"])
    with django_capture_on_commit_callbacks(execute=True):
        edit_tags_and_publish(story, ["Blei"])
    # Nothing reached Elasticsearch during the publishes: only task rows were written.
    assert _documents(recording_es, story) == []
    queued = DBTaskResult.objects.filter(task_path="search.tasks.update_search_entry")
    story_tasks = [row for row in queued if row.args_kwargs["args"][2] == str(story.pk)]
    assert len(story_tasks) == 2  # one per publish transaction
    assert story_tasks[0].args_kwargs["args"][:2] == ["default", "ticker.tickerstorypage"]

    # The worker closes "old" connections between tasks; inside this test's transaction
    # that would close the test's own connection (PostgreSQL), so it is kept.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    call_command("db_worker", "--backend", "search", "--batch", "--no-startup-delay", verbosity=0)

    assert not DBTaskResult.objects.filter(status="READY").exists()
    documents = _documents(recording_es, story)
    assert documents and all(_tag_names(document) == ["Blei"] for document in documents)


def test_unpublish_move_and_delete_reach_elasticsearch(
    recording_es, locales, sub_alliances, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_story()
    recording_es.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert _documents(recording_es, story)[-1]["live_filter"] is False

    target = ticker_index(sub_alliances["duesseldorf"])
    recording_es.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.move(target, pos="last-child")
    moved = TickerStoryPage.objects.get(pk=story.pk)
    assert moved.path.startswith(target.path)
    assert _documents(recording_es, story)[-1]["path_filter"] == moved.path

    recording_es.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved.delete()
    deletes = [kwargs for name, kwargs in recording_es if name == "delete"]
    assert {"index": "alliance_wagtailcore_page", "id": str(story.pk)} in deletes


def test_translation_publish_indexes_the_english_page(
    recording_es, locales, django_capture_on_commit_callbacks
):
    _de, en = content_locales()
    with django_capture_on_commit_callbacks(execute=True):
        story = publish_story()
    recording_es.clear()
    with django_capture_on_commit_callbacks(execute=True):
        english = publish_translation(
            story,
            en,
            {"title": "Zinc works goes circular", "teaser": "A Duisburg plant recycles zinc."},
            tags=["zinc"],
        )
    documents = _documents(recording_es, english)
    assert documents, "the English translation was not sent to the index"
    assert documents[-1]["title"] == "Zinc works goes circular"
    assert _tag_names(documents[-1]) == ["zinc"]
