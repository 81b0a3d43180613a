"""The review listing's filters: alliance, status and (Wagtail's own) language."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Page, WorkflowState

from .alliances import Alliances

LIVE, DRAFT, IN_MODERATION = "live", "draft", "in_moderation"
STATUS_CHOICES = [
    (LIVE, _("Live")),
    (DRAFT, _("Unpublished changes")),
    (IN_MODERATION, _("In moderation")),
]


def in_moderation() -> Exists:
    """A page in a moderation workflow waiting for approval (Wagtail's "in moderation")."""
    return Exists(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


class ReviewFilterSet(WagtailFilterSet):
    alliance = django_filters.ChoiceFilter(
        label=_("Alliance"), method="filter_alliance", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status", empty_label=_("All")
    )

    class Meta:
        model = Page
        fields: list[str] = []

    def __init__(self, *args, alliances: Alliances, grants, **kwargs):
        super().__init__(*args, **kwargs)
        self.alliances = alliances
        self.filters["alliance"].extra["choices"] = alliances.choices(grants)
        if "locale" in self.filters:
            # Wagtail calls it "Locale", which its German catalogue leaves in English.
            self.filters["locale"].label = _("Language")

    def filter_alliance(self, queryset, name, value):
        return queryset.filter(self.alliances.own_pages(int(value)))

    def filter_status(self, queryset, name, value):
        """Live: published. Unpublished changes: a draft newer than what is live (or
        never published), not yet submitted. In moderation: submitted, awaiting approval."""
        if value == LIVE:
            return queryset.filter(live=True)
        if value == DRAFT:
            return queryset.filter(has_unpublished_changes=True).exclude(in_moderation())
        if value == IN_MODERATION:
            return queryset.filter(in_moderation())
        return queryset
