from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import REGION_KIND_DEPTH, RegionKind
from .base import PAGE_TRANSLATABLE_FIELDS, StateAllianceChildMixin


class RegionIndexPage(StateAllianceChildMixin, Page):
    """The root of NRW's regions; one per language tree, under the state alliance."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types = ["alliance_pages.RegionPage"]

    class Meta:
        verbose_name = _("regions index")
        verbose_name_plural = _("regions indexes")


class RegionPage(Page):
    """A state, administrative district, district, city or town, nested as they nest."""

    kind = models.CharField(_("kind"), max_length=32, choices=RegionKind.choices)
    official_key = models.CharField(
        _("official municipality key"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{2,12}$", _("Enter 2 to 12 digits."))],
        help_text=_("Amtlicher Gemeindeschlüssel or regional key, e.g. 05162004 for Dormagen."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField(_("description"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("official_key"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Coordinates"),
        ),
        FieldPanel("description"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("official_key"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("description"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("official_key", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        TranslatableField("description"),
    ]

    parent_page_types = ["alliance_pages.RegionIndexPage", "alliance_pages.RegionPage"]
    subpage_types = ["alliance_pages.RegionPage"]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def clean(self):
        super().clean()
        if not self.path or self.is_root():
            return
        parent = self.get_parent().specific
        if not (isinstance(parent, RegionPage) and parent.kind and self.kind):
            return
        if REGION_KIND_DEPTH[RegionKind(self.kind)] <= REGION_KIND_DEPTH[RegionKind(parent.kind)]:
            raise ValidationError(
                {"kind": _("A region can only contain regions of a lower level.")}
            )
