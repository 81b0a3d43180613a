from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TickerConfig(AppConfig):
    """The Industrieticker: short stories about innovations of NRW's industrial companies."""

    name = "ticker"
    label = "ticker"
    verbose_name = _("Industrieticker")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Routers must join Wagtail's v3 API before its URLs are first built, as
        # wagtail.contrib.redirects does with its own.
        from wagtail.api.v3.api import api

        from .api.router import router

        api.add_router("/stories/", router)
