from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import RICH_TEXT_FEATURES, ContentBlock
from ..choices import EventKind
from .base import PAGE_TRANSLATABLE_FIELDS, validate_date_order


class EventIndexPage(Page):
    """An alliance's events; one per alliance, so the alliance's editors own them."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types = ["alliance_pages.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")


class EventPage(Page):
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    region = models.ForeignKey(
        "alliance_pages.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organising_alliance = models.ForeignKey(
        "alliance_pages.AlliancePage",
        verbose_name=_("organising alliance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        help_text=_("Left empty, the alliance the event is filed under."),
    )
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    documentation = StreamField(ContentBlock(), blank=True, verbose_name=_("documentation"))
    evaluation = RichTextField(_("evaluation"), blank=True, features=RICH_TEXT_FEATURES)
    # The coordination office documents the kick-off events it supports: report
    # (documentation), evaluation, attendance (participants), the guidance framework
    # developed there and the alliance the event founded.
    guidance_framework = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("guidance framework"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The guidance framework developed at the event, as a document."),
    )
    founded_alliance = models.ForeignKey(
        "alliance_pages.AlliancePage",
        verbose_name=_("founded alliance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kick_off_events",
        help_text=_("Kick-off events only: the alliance this event founded."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])],
            heading=_("Date and time"),
        ),
        FieldPanel("venue"),
        FieldPanel("region"),
        FieldPanel("organising_alliance"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("participants"),
                FieldPanel("documentation"),
                FieldPanel("evaluation"),
                FieldPanel("guidance_framework"),
                FieldPanel("founded_alliance"),
            ],
            heading=_("Documentation and evaluation"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("venue"),
        index.SearchField("documentation"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("venue"),
        APIField("region"),
        APIField("organising_alliance"),
        APIField("participants"),
        APIField("introduction"),
        APIField("documentation"),
        APIField("evaluation"),
        APIField("guidance_framework"),
        APIField("founded_alliance"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("kind", overridable=False),
        SynchronizedField("starts_at", overridable=False),
        SynchronizedField("ends_at", overridable=False),
        TranslatableField("venue"),
        SynchronizedField("region", overridable=False),
        SynchronizedField("organising_alliance", overridable=False),
        SynchronizedField("participants", overridable=False),
        TranslatableField("introduction"),
        TranslatableField("documentation"),
        TranslatableField("evaluation"),
        # An English version may link an English edition of the framework.
        SynchronizedField("guidance_framework"),
        SynchronizedField("founded_alliance", overridable=False),
    ]

    parent_page_types = ["alliance_pages.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_at"])]

    def clean(self):
        super().clean()
        validate_date_order(self.starts_at, self.ends_at, "ends_at")
        if self.founded_alliance_id and self.kind != EventKind.KICK_OFF:
            raise ValidationError(
                {"founded_alliance": _("Only a kick-off event founds an alliance.")}
            )

    def save(self, *args, **kwargs):
        if self.organising_alliance_id is None and self.path and not self.is_root():
            from .alliances import AlliancePage

            self.organising_alliance = (
                AlliancePage.objects.ancestor_of(self).order_by("-path").first()
            )
        return super().save(*args, **kwargs)
