"""Covering indexes for the story search's year and tag facets, on PostgreSQL.

A story search counts the years and tags of every match (``search.stories``), one
index probe per match. Without these indexes each probe of a story's date reads the
story's heap row, body and all (the table is the largest of the site), and each
probe of its tags reads the tag table's rows: at 100,000 stories and 6,500 matches,
38 and 34 ms. With the value in the index, the probes stay in the index (14 and 24
ms). Django keeps non-key columns (``include``) to PostgreSQL and warns elsewhere, so
the indexes are made here, on PostgreSQL only, outside the model state.
"""

from django.db import migrations

INDEXES = {
    "ticker_story_date_cover": (
        "ticker_tickerstorypage",
        "(page_ptr_id) INCLUDE (date)",
    ),
    "ticker_storytag_tag_cover": (
        "ticker_tickerstorytag",
        "(content_object_id) INCLUDE (tag_id)",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, columns) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("ticker", "0001_initial")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
