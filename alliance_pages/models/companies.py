from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import RICH_TEXT_FEATURES
from ..choices import Sector
from .base import PAGE_TRANSLATABLE_FIELDS, StateAllianceChildMixin


class CompanyIndexPage(StateAllianceChildMixin, Page):
    """All companies of the alliance, in one place so stories from every alliance can cite them."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types = ["alliance_pages.CompanyPage"]

    class Meta:
        verbose_name = _("companies index")
        verbose_name_plural = _("companies indexes")


class CompanyPage(Page):
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    headquarters = models.ForeignKey(
        "alliance_pages.RegionPage",
        verbose_name=_("headquarters region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headquartered_companies",
    )
    sites = ParentalManyToManyField(
        "alliance_pages.RegionPage",
        verbose_name=_("sites"),
        blank=True,
        related_name="company_sites",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    signatory_since = models.DateField(
        _("signatory of the Düsseldorf Declaration since"), null=True, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("sector"),
        FieldPanel("headquarters"),
        FieldPanel("sites"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("signatory_since"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("sector"),
    ]
    api_fields = [
        APIField("sector"),
        APIField("headquarters"),
        APIField("sites"),
        APIField("website"),
        APIField("logo"),
        APIField("logo_thumbnail", serializer=ImageRenditionField("max-400x400", source="logo")),
        APIField("description"),
        APIField("signatory_since"),
    ]
    # Facts about the company stay in step with the German page; only prose is translated.
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("sector", overridable=False),
        SynchronizedField("headquarters", overridable=False),
        SynchronizedField("sites", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        TranslatableField("description"),
        SynchronizedField("signatory_since", overridable=False),
    ]

    parent_page_types = ["alliance_pages.CompanyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
