from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    """Partners that are not companies, kept where editors pick them for alliances."""

    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partner organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "signatory_since", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(PartnerOrganisationViewSet)
