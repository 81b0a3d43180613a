"""One page in the review: its latest content, its history, two versions compared, and a
preview as the public would see it.

The content and the comparison both come from Wagtail's comparison machinery
(``wagtail.admin.compare``), driven by the page type's own edit panels, so every page
type shows every field an editor sees without a template of its own; a version
compared with itself is simply its content.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import yesno
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.compare import TagsFieldComparison
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.admin.views.generic.preview import PreviewRevision
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Page, PageLogEntry

from .access import may_read
from .alliances import Alliances

EMPTY = "–"


class ReadablePageMixin:
    """Finds the page in the URL and refuses it, as the admin refuses any area, unless
    the user may read it. An unknown page is a 404."""

    def get_readable_page(self, page_id) -> Page:
        page = get_object_or_404(Page.objects.filter(depth__gt=1), pk=page_id)
        if not may_read(self.request.user, page):
            raise PermissionDenied
        return page.specific

    def review_breadcrumbs(self, page: Page, *tail: dict) -> list[dict]:
        return [
            *WagtailAdminTemplateMixin.breadcrumbs_items,
            {"url": reverse("alliance_review:index"), "label": gettext("Review")},
            {
                "url": reverse("alliance_review:page", args=[page.pk]),
                "label": page.get_admin_display_title(),
            },
            *tail,
        ]


@dataclass
class ReadOnlyField:
    label: str
    value: SafeString = field(default_factory=SafeString)
    # A child relation (e.g. an alliance's partners): one list of (label, value) per child.
    children: list[list[tuple[str, SafeString]]] = field(default_factory=list)


def display(comparison) -> SafeString:
    """A field's value as the review shows it: dates the German way, yes and no, tags by
    name, and everything else as Wagtail's comparison renders an unchanged value."""
    value = comparison.val_a
    if value is None or value == "":
        return mark_safe(EMPTY)
    if isinstance(comparison, TagsFieldComparison):
        shown = ", ".join(sorted(tag.name for tag in value))
    elif isinstance(comparison.field, models.BooleanField):
        shown = yesno(value)
    elif isinstance(comparison.field, models.DateTimeField):
        shown = formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    elif isinstance(comparison.field, models.DateField):
        shown = formats.date_format(value, "DATE_FORMAT")
    else:
        rendered = comparison.htmldiff()
        return rendered if str(rendered).strip() else mark_safe(EMPTY)
    return escape(shown) if shown else mark_safe(EMPTY)


def read_only_fields(page: Page, request) -> list[ReadOnlyField]:
    panel = page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None)
    fields = []
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(page, page)
        if comparison.is_child_relation:
            children = [
                [(part.field_label(), display(part)) for part in child.get_field_comparisons()]
                for child in comparison.get_child_comparisons()
            ]
            fields.append(
                ReadOnlyField(comparison.field_label(), mark_safe(EMPTY), children=children)
            )
        else:
            fields.append(ReadOnlyField(comparison.field_label(), display(comparison)))
    return fields


def user_name(user) -> str:
    if user is None:
        return gettext("system")
    return user.get_full_name().strip() or user.get_username()


class ReviewPageView(ReadablePageMixin, WagtailAdminTemplateMixin, TemplateView):
    """The page as its latest version has it, draft or not, with its status."""

    template_name = "alliance_pages/review/page.html"
    header_icon = "doc-empty-inverse"
    http_method_names = ["get", "head", "options"]

    def setup(self, request, *args, page_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = self.get_readable_page(page_id)
        self.latest_revision = self.page.get_latest_revision()

    def get_page_title(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.review_breadcrumbs(self.page)[:-1] + [
            {"url": "", "label": self.page.get_admin_display_title()}
        ]

    @cached_property
    def header_buttons(self):
        buttons = [
            HeaderButton(
                gettext("Preview"),
                url=reverse("alliance_review:preview", args=[self.page.pk]),
                icon_name="view",
                attrs={"target": "_blank", "rel": "noreferrer"},
            ),
        ]
        if self.page.live and self.page.has_unpublished_changes and self.latest_revision:
            buttons.append(
                HeaderButton(
                    gettext("Compare with live"),
                    url=reverse(
                        "alliance_review:compare",
                        args=[self.page.pk, "live", self.latest_revision.pk],
                    ),
                    icon_name="history",
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.latest_revision.as_object() if self.latest_revision else self.page
        author = self.latest_revision.user if self.latest_revision else None
        context.update(
            page=self.page,
            page_type=capfirst(self.page.specific_class._meta.verbose_name),
            status=self.page.status_string,
            alliance=Alliances().owner(self.page),
            latest_revision=self.latest_revision,
            latest_by=user_name(author),
            fields=read_only_fields(shown, self.request),
            history_url=reverse("alliance_review:history", args=[self.page.pk]),
        )
        return context


class LogEntryMessageColumn(Column):
    cell_template_name = "alliance_pages/review/log_entry_cell.html"


class RevisionLinksColumn(Column):
    """Links to preview the version a log entry made and to compare it with the one
    before; no link that changes anything."""

    cell_template_name = "alliance_pages/review/revision_links_cell.html"

    def __init__(self, name, *, previous_revisions: dict[int, int], page: Page, **kwargs):
        super().__init__(name, **kwargs)
        self.previous_revisions = previous_revisions
        self.page = page

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        revision_id = instance.revision_id
        links = []
        if revision_id:
            links.append(
                (
                    gettext("Preview this version"),
                    reverse("alliance_review:preview_revision", args=[self.page.pk, revision_id]),
                )
            )
            previous = self.previous_revisions.get(revision_id)
            if previous:
                links.append(
                    (
                        gettext("Compare with the previous version"),
                        reverse(
                            "alliance_review:compare", args=[self.page.pk, previous, revision_id]
                        ),
                    )
                )
        context["links"] = links
        return context


class ReviewHistoryView(ReadablePageMixin, BaseListingView):
    """Who did what to the page, and when: its log, newest first, with its versions."""

    page_title = _("History")
    header_icon = "history"
    paginate_by = 50
    verbose_name = _("log entry")
    verbose_name_plural = _("log entries")
    http_method_names = ["get", "head", "options"]

    def setup(self, request, *args, page_id, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = self.get_readable_page(page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.review_breadcrumbs(
            self.page,
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        )

    def get_index_url(self):
        return reverse("alliance_review:history", args=[self.page.pk])

    def get_index_results_url(self):
        return reverse("alliance_review:history_results", args=[self.page.pk])

    @cached_property
    def previous_revisions(self) -> dict[int, int]:
        revisions = self.page.revisions.order_by("created_at", "pk")
        revision_ids = list(revisions.values_list("pk", flat=True))
        return dict(zip(revision_ids[1:], revision_ids, strict=False))

    @cached_property
    def columns(self):
        return [
            LogEntryMessageColumn("message", label=gettext("Action")),
            UserColumn("user", label=gettext("User"), blank_display_name=gettext("system")),
            DateColumn("timestamp", label=gettext("Date")),
            RevisionLinksColumn(
                "revision",
                accessor="revision_id",
                label=gettext("Version"),
                previous_revisions=self.previous_revisions,
                page=self.page,
            ),
        ]

    def get_base_queryset(self):
        return (
            PageLogEntry.objects.filter(page=self.page)
            .latest_by_uuid_and_action()
            .select_related("user", "user__wagtail_userprofile")
        )

    def order_queryset(self, queryset):
        return queryset.order_by("-timestamp", "-pk")


class ReviewCompareView(ReadablePageMixin, RevisionsCompareView):
    """Two versions side by side, through Wagtail's own comparison; no edit button."""

    model = Page
    header_icon = "history"
    http_method_names = ["get", "head", "options"]

    def setup(self, request, page_id, revision_id_a, revision_id_b, *args, **kwargs):
        super().setup(request, page_id, revision_id_a, revision_id_b, *args, **kwargs)

    def get_object(self, queryset=None):
        return self.get_readable_page(self.pk)

    def get_edit_handler(self):
        return self.object.get_edit_handler()

    def get_page_subtitle(self):
        return self.object.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.review_breadcrumbs(
            self.object,
            {
                "url": reverse("alliance_review:history", args=[self.object.pk]),
                "label": gettext("History"),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        )


class ReviewPreviewView(ReadablePageMixin, PreviewRevision):
    """The latest version (or the one asked for) rendered as the public page would be,
    in its default preview mode."""

    model = Page

    def setup(self, request, page_id, revision_id=None, *args, **kwargs):
        super().setup(request, page_id, revision_id, *args, **kwargs)

    def get_object(self):
        return self.get_readable_page(self.pk)

    def get_revision_object(self):
        if self.revision_id is not None:
            return super().get_revision_object()
        latest = self.object.get_latest_revision()
        return latest.as_object() if latest else self.object

    def get(self, request, *args, **kwargs):
        preview = self.revision_object
        return preview.make_preview_request(request, preview.default_preview_mode)
