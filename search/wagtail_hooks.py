"""Admin: the search queries report, under Reports (superusers, like Wagtail's own)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .reports import search_queries_report


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path(
            "reports/search-queries/",
            search_queries_report,
            name="alliance_search_queries_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return AdminOnlyMenuItem(
        _("Search queries"),
        reverse("alliance_search_queries_report"),
        name="alliance-search-queries",
        icon_name="search",
        order=1310,
    )
