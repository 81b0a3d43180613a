from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import ContentBlock
from ..choices import AllianceLevel, PartnerRole
from .base import PAGE_TRANSLATABLE_FIELDS

# Which levels an alliance may have, by the level of the alliance above it.
ALLOWED_CHILD_LEVELS = {
    AllianceLevel.STATE: {AllianceLevel.REGIONAL, AllianceLevel.LOCAL},
    AllianceLevel.REGIONAL: {AllianceLevel.LOCAL},
    AllianceLevel.LOCAL: set(),
}


class AlliancePageForm(WagtailAdminPageForm):
    """Refuses a level that does not fit the parent, as a form error on the level.

    Wagtail saves drafts without running the model's ``clean``, so the grammar is
    checked here as well, where the editor sees the reason next to the field.
    """

    def clean(self):
        cleaned_data = super().clean()
        level = cleaned_data.get("level")
        if level and self.parent_page is not None:
            probe = AlliancePage(level=level, pk=self.instance.pk)
            error = probe.level_error_under(self.parent_page)
            if error:
                self.add_error("level", error)
        return cleaned_data


class AlliancePage(Page):
    """The state alliance (the site root) and its regional and local sub-alliances.

    Each alliance owns its ticker and events below it, so that one page-permission
    grant on an alliance page hands its whole world to that alliance's editors.
    """

    level = models.CharField(_("level"), max_length=16, choices=AllianceLevel.choices)
    founded_on = models.DateField(_("founded on"))
    region = models.ForeignKey(
        "alliance_pages.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alliances",
    )
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=64, blank=True)
    contact_address = models.TextField(_("contact address"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("level"),
        FieldPanel("founded_on"),
        FieldPanel("region"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel("partners", label=_("Partners")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    api_fields = [
        APIField("level"),
        APIField("founded_on"),
        APIField("region"),
        APIField("introduction"),
        APIField("body"),
        APIField("partners"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("contact_address"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("level", overridable=False),
        SynchronizedField("founded_on", overridable=False),
        SynchronizedField("region", overridable=False),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("partners", overridable=False),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        TranslatableField("contact_address"),
    ]

    base_form_class = AlliancePageForm
    parent_page_types = ["wagtailcore.Page", "alliance_pages.AlliancePage"]
    subpage_types = [
        "alliance_pages.AlliancePage",
        "ticker.TickerIndexPage",
        "alliance_pages.EventIndexPage",
        "alliance_pages.RegionIndexPage",
        "alliance_pages.CompanyIndexPage",
        "alliance_pages.DeclarationPage",
        "alliance_pages.SupportServicesPage",
    ]

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")

    @property
    def is_state_alliance(self) -> bool:
        return self.level == AllianceLevel.STATE

    def level_error_under(self, parent: Page) -> str | None:
        """Why this alliance's level cannot sit under ``parent`` (or hold its current
        sub-alliances), or None if it can."""
        parent = parent.specific
        if isinstance(parent, AlliancePage):
            if self.level not in ALLOWED_CHILD_LEVELS[AllianceLevel(parent.level)]:
                return _("A %(parent)s cannot contain a %(child)s.") % {
                    "parent": parent.get_level_display(),
                    "child": self.get_level_display(),
                }
        elif self.level != AllianceLevel.STATE:
            return _("Only the state alliance can stand at the top of a site.")
        if self.pk:
            allowed_below = ALLOWED_CHILD_LEVELS[AllianceLevel(self.level)]
            sub_levels = set(AlliancePage.objects.child_of(self).values_list("level", flat=True))
            if sub_levels - allowed_below:
                return _("A %(level)s cannot contain its current sub-alliances.") % {
                    "level": self.get_level_display()
                }
        return None

    def _check_level(self):
        if self.path and not self.is_root() and self.level:
            error = self.level_error_under(self.get_parent())
            if error:
                raise ValidationError({"level": error})

    def clean(self):
        super().clean()
        self._check_level()

    def minimal_clean(self):
        """Drafts skip ``clean``; the tree's grammar must hold for drafts all the same."""
        super().minimal_clean()
        self._check_level()

    def can_move_to(self, parent) -> bool:
        return super().can_move_to(parent) and self.level_error_under(parent) is None

    def get_ancestor_alliances(self):
        return AlliancePage.objects.ancestor_of(self).order_by("path")


class AlliancePartner(Orderable):
    """A partner of an alliance and its role there: a company or a partner organisation."""

    alliance = ParentalKey(AlliancePage, on_delete=models.CASCADE, related_name="partners")
    company = models.ForeignKey(
        "alliance_pages.CompanyPage",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alliance_memberships",
    )
    organisation = models.ForeignKey(
        "alliance_pages.PartnerOrganisation",
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="alliance_memberships",
    )
    role = models.CharField(
        _("role"), max_length=32, choices=PartnerRole.choices, default=PartnerRole.MEMBER
    )

    panels = [FieldPanel("company"), FieldPanel("organisation"), FieldPanel("role")]
    api_fields = [APIField("company"), APIField("organisation"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(company__isnull=False, organisation__isnull=True)
                    | models.Q(company__isnull=True, organisation__isnull=False)
                ),
                name="alliance_partner_is_company_or_organisation",
            )
        ]

    def clean(self):
        super().clean()
        if bool(self.company_id) == bool(self.organisation_id):
            raise ValidationError(_("Choose either a company or a partner organisation."))

    @property
    def partner(self):
        return self.company or self.organisation

    def __str__(self) -> str:
        return f"{self.partner} ({self.get_role_display()})"
