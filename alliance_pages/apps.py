from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancePagesConfig(AppConfig):
    """Alliances, regions, companies, partners, events and the Düsseldorf Declaration."""

    name = "alliance_pages"
    label = "alliance_pages"
    verbose_name = _("Alliance pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Typed page schemas, the directory routers and the OpenAPI corrections go onto
        # Wagtail's v3 API before its page router is built and before api.urls is read.
        from .api.registration import register

        register()
