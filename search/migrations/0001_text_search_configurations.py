"""PostgreSQL text search configurations per language, with unaccent; none on SQLite.

``alliance_german`` and ``alliance_english`` are the built-in ``german`` and
``english`` configurations with ``unaccent`` before the stemmer, so "Düsseldorf"
and "Dusseldorf", "Straße" and "Strasse" become one lexeme; ``alliance_simple``
folds without stemming (autocomplete, objects without a language). The GIN index
on ``title || body`` serves the search filter, which matches both together.
After this migration, ``manage.py update_index`` re-analyses existing pages.
"""

from django.db import migrations

LANGUAGES = {"alliance_german": "german_stem", "alliance_english": "english_stem"}
INDEX_TABLE = "wagtailsearch_indexentry"
DOCUMENT_INDEX = "alliance_search_document_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, stemmer in LANGUAGES.items():
        copy_of = name.removeprefix("alliance_")
        statements += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{copy_of})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}",
        ]
    statements += [
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS alliance_simple",
        "CREATE TEXT SEARCH CONFIGURATION alliance_simple (COPY = pg_catalog.simple)",
        "ALTER TEXT SEARCH CONFIGURATION alliance_simple "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
        f"CREATE INDEX IF NOT EXISTS {DOCUMENT_INDEX} ON {INDEX_TABLE} USING gin ((title || body))",
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {DOCUMENT_INDEX}")
        for name in [*LANGUAGES, "alliance_simple"]:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
