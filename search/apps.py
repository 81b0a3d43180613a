from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceSearchConfig(AppConfig):
    """Story search. Labelled ``alliance_search`` so it never clashes with a ``search`` app."""

    name = "search"
    label = "alliance_search"
    verbose_name = _("Story search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexing

        indexing.connect()
