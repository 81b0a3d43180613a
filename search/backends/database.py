"""The alliance's database search backend, whichever database the site runs on.

Like ``wagtail.search.backends.database``, it chooses by the vendor of the
``default`` database: PostgreSQL gets per-language full-text search
(``search.backends.postgres``), SQLite folded FTS5 with prefix matching and a
ranking that costs one full-text query per search (``search.backends.sqlite``);
any other database gets Wagtail's own choice.
"""

from django.db import connection
from modelsearch.backends import database as wagtail_database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import AlliancePostgresSearchBackend

        return AlliancePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import AllianceSQLiteSearchBackend, fts5_ready

        if fts5_ready():
            return AllianceSQLiteSearchBackend(params)
    return wagtail_database.SearchBackend(params)
