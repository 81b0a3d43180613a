import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from alliance_pages.blocks import ContentBlock
from alliance_pages.models.base import PAGE_TRANSLATABLE_FIELDS


class TickerIndexPage(Page):
    """An alliance's Industrieticker; one per alliance, so its editors own its stories."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types = ["ticker.TickerStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Industrieticker")
        verbose_name_plural = _("Industrieticker indexes")

    STORIES_PER_PAGE = 20

    def get_context(self, request, *args, **kwargs):
        """Newest stories first, paginated: a ticker grows to thousands of stories."""
        context = super().get_context(request, *args, **kwargs)
        stories = TickerStoryPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        context["stories"] = Paginator(stories, self.STORIES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context


class TickerStoryTag(TaggedItemBase):
    content_object = ParentalKey(
        "ticker.TickerStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TickerStoryPage(Page):
    """One Industrieticker story: an innovation of an NRW industrial company, told briefly."""

    teaser = models.TextField(_("teaser"), max_length=600)
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))
    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    companies = ParentalManyToManyField(
        "alliance_pages.CompanyPage",
        verbose_name=_("companies"),
        blank=True,
        related_name="ticker_stories",
    )
    regions = ParentalManyToManyField(
        "alliance_pages.RegionPage",
        verbose_name=_("regions"),
        blank=True,
        related_name="ticker_stories",
    )
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=TickerStoryTag, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_url = models.URLField(_("source link"), blank=True, max_length=500)
    archive_id = models.CharField(
        _("archive ID"),
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("The story's ID in an imported ticker archive; shared by its translations."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("companies"), FieldPanel("regions"), FieldPanel("tags")],
            heading=_("Who and where"),
        ),
        FieldPanel("source_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser", boost=2),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("companies", [index.SearchField("title", boost=2)]),
        index.RelatedFields("regions", [index.SearchField("title", boost=2)]),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("teaser"),
        APIField("body"),
        APIField("companies"),
        APIField("regions"),
        APIField("tags"),
        APIField("lead_image"),
        APIField(
            "lead_image_thumbnail",
            serializer=ImageRenditionField("fill-800x450", source="lead_image"),
        ),
        APIField("source_url"),
    ]
    # Tags are deliberately absent: each language keeps its own tags (see README,
    # "English tags"). wagtail-localize neither translates nor overwrites them.
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("teaser"),
        TranslatableField("body"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("companies", overridable=False),
        SynchronizedField("regions", overridable=False),
        SynchronizedField("lead_image"),
        SynchronizedField("source_url"),
        SynchronizedField("archive_id", overridable=False),
    ]

    parent_page_types = ["ticker.TickerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("ticker story")
        verbose_name_plural = _("ticker stories")
