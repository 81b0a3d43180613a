"""Which search engine the site uses, decided by one environment variable.

Production runs Elasticsearch 9; the embedded default is Wagtail's database backend
(PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite), so a fresh checkout
searches without any server.
"""

from typing import Any

# Wagtail's database backend with per-language analysis (search.backends.database).
DATABASE_BACKEND = "search.backends.database"
# Wagtail's elasticsearch9 backend with German and English analysis (search.backends).
ELASTICSEARCH_BACKEND = "search.backends.elasticsearch9"
# With Elasticsearch, the database backend is kept up to date beside it under this
# name, so the story search can answer from it while Elasticsearch is unreachable.
FALLBACK_BACKEND_NAME = "database"
# Seconds one request to Elasticsearch may take. Indexing runs in the task worker,
# so only searches wait for it, and they fall back to the database when it expires.
ELASTICSEARCH_TIMEOUT = 5


def wagtailsearch_backends(
    elasticsearch_url: str | None, index_prefix: str = "alliance"
) -> dict[str, dict[str, Any]]:
    if not elasticsearch_url:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
    return {
        "default": elasticsearch_backend(elasticsearch_url, index_prefix),
        FALLBACK_BACKEND_NAME: {"BACKEND": DATABASE_BACKEND},
    }


def elasticsearch_backend(elasticsearch_url: str, index_prefix: str) -> dict[str, Any]:
    """Elasticsearch 9: client and server majors must match (elasticsearch-py 9 <-> ES 9).

    ``AUTO_UPDATE`` is off and ``UPDATE_THROUGH_QUEUE`` on: ``search.indexing`` keeps it
    current by queueing each change for the task worker instead of calling
    Elasticsearch inside the editor's request. Rebuilds by ``update_index`` are
    atomic: a new index is filled, then the alias moves to it, so searches never see
    a half-built index.
    """
    return {
        "BACKEND": ELASTICSEARCH_BACKEND,
        "URLS": [elasticsearch_url],
        "INDEX_PREFIX": f"{index_prefix}_",
        "TIMEOUT": ELASTICSEARCH_TIMEOUT,
        "ATOMIC_REBUILD": True,
        "AUTO_UPDATE": False,
        "UPDATE_THROUGH_QUEUE": True,
        # One retry on a refused connection; none on a timeout, which would double it.
        "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
    }
