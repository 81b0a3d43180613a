"""Which search engine the site uses, decided by one environment variable.

Production runs Elasticsearch 9; the embedded default is Wagtail's database backend
(PostgreSQL full-text search on PostgreSQL, FTS5 on SQLite), so a fresh checkout
searches without any server.
"""

from typing import Any

DATABASE_BACKEND = "wagtail.search.backends.database"
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch9"


def wagtailsearch_backends(
    elasticsearch_url: str | None, index_prefix: str = "alliance"
) -> dict[str, dict[str, Any]]:
    if not elasticsearch_url:
        return {"default": {"BACKEND": DATABASE_BACKEND}}
    return {
        "default": {
            "BACKEND": ELASTICSEARCH_BACKEND,
            "URLS": [elasticsearch_url],
            "INDEX": index_prefix,
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
