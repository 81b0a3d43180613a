"""Offline Elasticsearch for tests: a client object that records requests and sends none.

No server is started, faked or contacted: the Wagtail backend builds its requests as
usual and hands them to this stand-in for the elasticsearch-py client, which keeps
them for the test to compare with the reviewed JSON snapshots in ``tests/snapshots/``.
The answers are empty (no hits, count 0); tests that need real answers are marked
``elasticsearch`` and run against ``ELASTICSEARCH_URL``.

``SEARCH_SNAPSHOT_UPDATE=1`` rewrites the snapshots; review the diff like code.
"""

import json
import os
import re
from pathlib import Path
from typing import Any

from search.backends.elasticsearch9 import AllianceElasticsearchBackend
from search.configuration import wagtailsearch_backends

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
OFFLINE_URL = "http://elasticsearch.invalid:9200"

# Values that depend on database ids, tree positions or the clock, not on the code.
VOLATILE_KEYS = {
    "pk",
    "id",
    "id_filter",
    "path_filter",
    "content_type_id_filter",
    "locale_id_filter",
    "translation_key_filter",
    "owner_id_filter",
    "latest_revision_id_filter",
}
TIMESTAMP_KEY = re.compile(r"_at_filter$")
SORT_ORDERS = ("asc", "desc")


class RecordingElasticsearch:
    """Takes the place of ``elasticsearch.Elasticsearch``; every call lands in ``calls``."""

    calls: list[tuple[str, dict[str, Any]]] = []

    def __init__(self, *args, **kwargs):
        self.options = kwargs
        self.indices = _Namespace("indices")

    def __getattr__(self, name):
        return _Recorder(name)


class _Namespace:
    def __init__(self, prefix: str):
        self.prefix = prefix

    def __getattr__(self, name):
        return _Recorder(f"{self.prefix}.{name}")


class _Recorder:
    ANSWERS = {
        "search": {"hits": {"hits": [], "total": {"value": 0}}},
        "count": {"count": 0},
        "indices.exists_alias": False,
        "indices.exists": False,
    }

    def __init__(self, name: str):
        self.name = name

    def __call__(self, *args, **kwargs):
        RecordingElasticsearch.calls.append((self.name, kwargs))
        return self.ANSWERS.get(self.name, {})


def start_recording(settings, monkeypatch) -> list[tuple[str, dict[str, Any]]]:
    """Elasticsearch configured as in production, its client replaced by the recorder.

    For a test module's fixture: ``settings`` and ``monkeypatch`` are pytest's.
    """
    settings.WAGTAILSEARCH_BACKENDS = wagtailsearch_backends(OFFLINE_URL)
    monkeypatch.setattr(AllianceElasticsearchBackend, "client_class", RecordingElasticsearch)
    RecordingElasticsearch.calls = []
    return RecordingElasticsearch.calls


def normalise(value: Any) -> Any:
    """``value`` with ids, paths and timestamps replaced by their key's name."""
    if isinstance(value, dict):
        return {
            key: f"<{key}>"
            if (key in VOLATILE_KEYS or TIMESTAMP_KEY.search(key)) and item not in SORT_ORDERS
            else normalise(item)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    return value


def assert_snapshot(name: str, data: Any) -> None:
    path = SNAPSHOTS / name
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    if os.environ.get("SEARCH_SNAPSHOT_UPDATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path} is missing; run with SEARCH_SNAPSHOT_UPDATE=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from what the backend builds now; if the change is meant, "
        "rerun with SEARCH_SNAPSHOT_UPDATE=1 and review the diff"
    )
