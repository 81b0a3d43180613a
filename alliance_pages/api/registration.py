"""Wiring the alliance's API onto Wagtail's v3 ``NinjaAPI``; called from ``AppConfig.ready``.

Order matters twice. Our typed page schemas must be in Wagtail's content type
registry before ``wagtail.api.v3.routers.pages`` is imported, because that module
builds its page detail union from the registry once, at import time. And Ninja
refuses routers once ``api.urls`` has been read, which the URLconf does on the
first request; ``ready()`` runs long before that.
"""

import sys

from django.core.exceptions import ImproperlyConfigured

DIRECTORY_ROUTERS = {
    "/alliances/": "alliance_pages.api.alliances.router",
    "/companies/": "alliance_pages.api.companies.router",
    "/regions/": "alliance_pages.api.regions.router",
    "/events/": "alliance_pages.api.events.router",
    "/support-requests/": "alliance_pages.api.support.router",
}


def register() -> None:
    if "wagtail.api.v3.routers.pages" in sys.modules:
        raise ImproperlyConfigured(
            "Wagtail's v3 page router was built before the alliance's page schemas were "
            "registered. Keep 'alliance_pages' above the wagtail apps in INSTALLED_APPS."
        )
    from .page_schemas import register_page_schemas

    register_page_schemas()

    from wagtail.api.v3.api import api

    from . import guards
    from .openapi import correct_openapi_document

    for prefix, router in DIRECTORY_ROUTERS.items():
        api.add_router(prefix, router)
    guards.register(api)
    correct_openapi_document(api)
