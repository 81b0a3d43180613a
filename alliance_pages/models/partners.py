from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..choices import PartnerKind


class PartnerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """A partner that is not a company: association, chamber, union, government, civil society.

    A snippet rather than a page: partners have no page of their own on the alliance's
    sites, but they are named in alliances' partner lists and on the declaration.
    """

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    signatory_since = models.DateField(
        _("signatory of the Düsseldorf Declaration since"), null=True, blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("signatory_since"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]
    api_fields = [APIField("name"), APIField("kind"), APIField("website"), APIField("description")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("website"),
        TranslatableField("description"),
        SynchronizedField("signatory_since", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
