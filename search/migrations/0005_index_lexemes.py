"""The lexemes of the story documents (``search.prefixes``): a table on PostgreSQL only.

The model is in the migration state everywhere; the table exists on PostgreSQL, in
the C collation so that a prefix's lexemes are one range of its primary key. It is
filled here from the story documents written so far; later documents bring their
lexemes as they are written.
"""

from django.db import migrations, models

TABLE = "alliance_search_indexlexeme"


def create_lexemes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute(f'CREATE TABLE {TABLE} (lexeme text COLLATE "C" PRIMARY KEY)')
    from search.prefixes import record_lexemes

    with connection.cursor() as cursor:
        record_lexemes(cursor, None)


def drop_lexemes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("alliance_search", "0004_story_documents")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IndexLexeme",
                    fields=[
                        (
                            "lexeme",
                            models.TextField(
                                db_collation="C",
                                primary_key=True,
                                serialize=False,
                                verbose_name="lexeme",
                            ),
                        ),
                    ],
                    options={
                        "required_db_vendor": "postgresql",
                        "verbose_name": "index lexeme",
                        "verbose_name_plural": "index lexemes",
                    },
                ),
            ],
            database_operations=[migrations.RunPython(create_lexemes, drop_lexemes)],
        ),
    ]
