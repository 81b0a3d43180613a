"""German and English exist as Wagtail locales from the first migrate on.

Wagtail creates only the default language's locale; wagtail-localize cannot translate
into a locale that does not exist, and sites must not depend on someone clicking it
into being in the admin.
"""

from django.conf import settings
from django.db import migrations


def create_content_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [
        ("alliance_pages", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_content_locales, migrations.RunPython.noop)]
