from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..blocks import RICH_TEXT_FEATURES, SupportServicesBlock
from ..choices import PartnerRole
from .base import PAGE_TRANSLATABLE_FIELDS, StateAllianceChildMixin


class DeclarationPage(StateAllianceChildMixin, Page):
    """The Düsseldorf Declaration and who signed it.

    Signatories are not typed in twice: companies carry ``signatory_since``, partner
    organisations the same, and alliances list partners in the signatory role.
    """

    signed_on = models.DateField(_("signed on"))
    signed_in = models.CharField(_("signed in"), max_length=255, blank=True)
    text = RichTextField(_("text of the declaration"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("signed_on"),
        FieldPanel("signed_in"),
        FieldPanel("text"),
    ]
    api_fields = [
        APIField("signed_on"),
        APIField("signed_in"),
        APIField("text"),
        APIField("signatories"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("signed_on", overridable=False),
        TranslatableField("signed_in"),
        TranslatableField("text"),
    ]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Düsseldorf Declaration")
        verbose_name_plural = _("Düsseldorf Declarations")

    @property
    def signatories(self) -> list[dict]:
        """Companies and partner organisations that signed, in this page's language."""
        from .alliances import AlliancePartner
        from .companies import CompanyPage
        from .partners import PartnerOrganisation

        companies = CompanyPage.objects.live().filter(
            locale_id=self.locale_id, signatory_since__isnull=False
        )
        signing_organisation_keys = AlliancePartner.objects.filter(
            role=PartnerRole.SIGNATORY, organisation__isnull=False
        ).values("organisation__translation_key")
        organisations = PartnerOrganisation.objects.filter(locale_id=self.locale_id).filter(
            models.Q(signatory_since__isnull=False)
            | models.Q(translation_key__in=signing_organisation_keys)
        )
        rows = [
            {"name": c.title, "kind": "company", "since": c.signatory_since, "page_id": c.pk}
            for c in companies
        ] + [
            {"name": o.name, "kind": o.kind, "since": o.signatory_since, "page_id": None}
            for o in organisations
        ]
        return sorted(rows, key=lambda row: (row["since"] is None, row["since"], row["name"]))


class SupportServicesPage(StateAllianceChildMixin, Page):
    """What the coordination office offers to people founding a regional or local alliance."""

    introduction = models.TextField(_("introduction"), blank=True)
    services = StreamField(SupportServicesBlock(), blank=True, verbose_name=_("services"))
    office_contact = RichTextField(_("coordination office contact"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("services"),
        FieldPanel("office_contact"),
    ]
    api_fields = [APIField("introduction"), APIField("services"), APIField("office_contact")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("introduction"),
        TranslatableField("services"),
        TranslatableField("office_contact"),
    ]

    parent_page_types = ["alliance_pages.AlliancePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("support services")
        verbose_name_plural = _("support services")

    def get_context(self, request, *args, **kwargs):
        from ..support.page import SENT_PARAMETER, empty_form

        context = super().get_context(request, *args, **kwargs)
        context["support_form"] = empty_form(self)
        context["support_request_sent"] = request.GET.get(SENT_PARAMETER) == "1"
        return context

    def serve(self, request, *args, **kwargs):
        """Visitors of the HTML site ask for support here; see ``support.page``."""
        if request.method == "POST":
            from ..support.page import handle_post

            return handle_post(self, request)
        return super().serve(request, *args, **kwargs)
