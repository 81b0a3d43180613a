"""The review's listing: every page the reader may read, drafts included.

Filtered by alliance, status and language, searched by title, ordered by title as a
German reader expects (Ärzte before Bäcker) and paginated in the database. A page of
the listing costs the same number of queries however many rows it shows.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    LiveStatusTagColumn,
    LocaleColumn,
    TitleColumn,
)
from wagtail.admin.views.generic.base import BaseListingView

from ..text import german_collation_key
from .access import may_review, readable_pages, reading_grants
from .alliances import Alliances
from .filters import ReviewFilterSet

TITLE_ORDERINGS = {"title": "_german_title", "-title": "-_german_title"}


class ReviewIndexView(BaseListingView):
    page_title = _("Review")
    header_icon = "view"
    index_url_name = "alliance_review:index"
    index_results_url_name = "alliance_review:index_results"
    filterset_class = ReviewFilterSet
    is_searchable = True
    search_fields = ["title"]
    # Titles by the database, not the search index: drafts are not in the index.
    search_backend_name = None
    default_ordering = "title"
    paginate_by = 50
    verbose_name = _("page")
    verbose_name_plural = _("pages")
    http_method_names = ["get", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        # Nothing to read is refused like any other area the user has no part in.
        if not may_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def alliances(self) -> Alliances:
        return Alliances()

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=gettext("Title"),
                accessor="get_admin_display_title",
                get_url=lambda page: reverse("alliance_review:page", args=[page.pk]),
                sort_key="title",
            ),
            Column(
                "type",
                label=gettext("Type"),
                accessor=lambda page: capfirst(page.specific_class._meta.verbose_name),
            ),
            Column(
                "alliance",
                label=gettext("Alliance"),
                accessor=lambda page: getattr(self.alliances.owner(page), "title", ""),
            ),
            LocaleColumn(sort_key=None, label=_("Language")),
            LiveStatusTagColumn(sort_key=None),
            DateColumn(
                "latest_revision_created_at",
                label=gettext("Last changed"),
                sort_key="latest_revision_created_at",
            ),
        ]

    def get_filterset_kwargs(self):
        grants = None if self.request.user.is_superuser else reading_grants(self.request.user)
        return {**super().get_filterset_kwargs(), "alliances": self.alliances, "grants": grants}

    def get_base_queryset(self):
        return (
            readable_pages(self.request.user)
            .select_related("locale", "content_type")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        if ordering in TITLE_ORDERINGS:
            queryset = queryset.annotate(_german_title=german_collation_key("title"))
            return queryset.order_by(TITLE_ORDERINGS[ordering], "path")
        return queryset.order_by(ordering, "path")
