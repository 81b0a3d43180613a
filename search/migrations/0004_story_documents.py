"""The story search documents (``search.story_documents``): a table on PostgreSQL only.

The model is in the migration state everywhere, so Django knows it; the table, its
full-text index, its index for the listing without words, the foreign key that deletes a row with its page and the triggers
that copy a page's ``live``, ``path``, ``locale`` and a story's ``date`` exist on
PostgreSQL only. Rows for the stories indexed before this migration are written
from their index entries here; stories never indexed get theirs from
``update_index``, as their index entries do.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TABLE = "alliance_search_storydocument"

CREATE = f"""
CREATE TABLE {TABLE} (
    page_id integer PRIMARY KEY REFERENCES wagtailcore_page (id) ON DELETE CASCADE,
    locale_id integer NOT NULL,
    live boolean NOT NULL,
    path varchar(255) NOT NULL,
    date date NOT NULL,
    title tsvector NOT NULL,
    body tsvector NOT NULL,
    region_keys uuid[] NOT NULL,
    company_keys uuid[] NOT NULL,
    tag_ids integer[] NOT NULL
);
CREATE INDEX {TABLE}_text ON {TABLE} USING gin ((title || body));
-- The listing without words reads every story of a language: from this index alone
-- (37 MB at 100,000 stories) instead of the table with its vectors (296 MB).
CREATE INDEX {TABLE}_listing ON {TABLE} (locale_id, live)
    INCLUDE (page_id, date, path, region_keys, company_keys, tag_ids);

CREATE FUNCTION {TABLE}_follow_page() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} SET live = NEW.live, path = NEW.path, locale_id = NEW.locale_id
    WHERE page_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER {TABLE}_follow_page
    AFTER UPDATE OF live, path, locale_id ON wagtailcore_page FOR EACH ROW
    WHEN (OLD.live IS DISTINCT FROM NEW.live OR OLD.path IS DISTINCT FROM NEW.path
          OR OLD.locale_id IS DISTINCT FROM NEW.locale_id)
    EXECUTE FUNCTION {TABLE}_follow_page();

CREATE FUNCTION {TABLE}_follow_story() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {TABLE} SET date = NEW.date WHERE page_id = NEW.page_ptr_id;
    RETURN NULL;
END $$;
CREATE TRIGGER {TABLE}_follow_story
    AFTER UPDATE OF date ON ticker_tickerstorypage FOR EACH ROW
    WHEN (OLD.date IS DISTINCT FROM NEW.date)
    EXECUTE FUNCTION {TABLE}_follow_story();
"""

DROP = f"""
DROP TRIGGER IF EXISTS {TABLE}_follow_story ON ticker_tickerstorypage;
DROP FUNCTION IF EXISTS {TABLE}_follow_story();
DROP TRIGGER IF EXISTS {TABLE}_follow_page ON wagtailcore_page;
DROP FUNCTION IF EXISTS {TABLE}_follow_page();
DROP TABLE IF EXISTS {TABLE};
"""


def create_documents(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    story_type = (
        apps.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="ticker", model="tickerstorypage")
        .first()
    )
    if story_type is not None:
        from search.story_documents import write_documents

        write_documents(connection, story_type.pk, lexemes=False)


def drop_documents(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("alliance_search", "0003_lexicon"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ticker", "0002_facet_covering_indexes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StoryDocument",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                primary_key=True,
                                related_name="+",
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        ("live", models.BooleanField(verbose_name="live")),
                        ("path", models.CharField(max_length=255, verbose_name="path")),
                        ("date", models.DateField(verbose_name="date")),
                        (
                            "title",
                            django.contrib.postgres.search.SearchVectorField(
                                verbose_name="title vector"
                            ),
                        ),
                        (
                            "body",
                            django.contrib.postgres.search.SearchVectorField(
                                verbose_name="body vector"
                            ),
                        ),
                        (
                            "region_keys",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.UUIDField(), size=None, verbose_name="regions"
                            ),
                        ),
                        (
                            "company_keys",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.UUIDField(), size=None, verbose_name="companies"
                            ),
                        ),
                        (
                            "tag_ids",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.IntegerField(), size=None, verbose_name="tags"
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                db_constraint=False,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="language",
                            ),
                        ),
                    ],
                    options={
                        "required_db_vendor": "postgresql",
                        "verbose_name": "story search document",
                        "verbose_name_plural": "story search documents",
                    },
                ),
            ],
            database_operations=[migrations.RunPython(create_documents, drop_documents)],
        ),
    ]
