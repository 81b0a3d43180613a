"""The lexicon of indexed words that typo correction corrects to; on PostgreSQL with
a trigram index (``pg_trgm``), on SQLite with the unique index alone.

``pg_trgm`` is a trusted contrib extension: the database owner may create it. The
lexicon fills as pages are indexed; ``manage.py update_index`` fills it for the pages
indexed before this migration (and the compound parts of ``search.compounds`` reach
their index entries the same way).
"""

from django.db import migrations, models

LEXICON_TABLE = "alliance_search_lexiconword"
TRIGRAM_INDEX = "alliance_search_lexicon_trigram"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} "
            f"ON {LEXICON_TABLE} USING gin (word gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("alliance_search", "0002_failed_index_updates_zero_results"),
    ]

    operations = [
        migrations.CreateModel(
            name="LexiconWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(blank=True, max_length=8, verbose_name="language"),
                ),
                ("word", models.CharField(max_length=64, verbose_name="word")),
                ("spelling", models.CharField(max_length=64, verbose_name="spelling")),
            ],
            options={
                "verbose_name": "lexicon word",
                "verbose_name_plural": "lexicon words",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("language", "word"), name="alliance_search_one_word_per_language"
                    )
                ],
            },
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
    ]
