from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .dashboard.panels import add_dashboard_panels
from .founding import admin as founding_admin
from .models import PartnerOrganisation, SupportRequest
from .review import menu as review_menu
from .review import urls as review_urls
from .support.viewsets import SupportRequestPermissionPolicy, SupportRequestViewSet


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


# The coordination office's support requests: listed for the office, never added here.
register_permission_policy(
    SupportRequest, SupportRequestPermissionPolicy(SupportRequest), exact_class=True
)


@hooks.register("register_admin_viewset")
def register_support_request_viewset():
    return SupportRequestViewSet()


# The coordination office's dashboard on the admin home page.
hooks.register("construct_homepage_panels", add_dashboard_panels)

# Founding a sub-alliance under its parent alliance (alliance_pages.founding.admin).
hooks.register("register_admin_urls", founding_admin.admin_urls)
hooks.register("register_page_header_buttons", founding_admin.page_header_buttons)
hooks.register("register_page_listing_more_buttons", founding_admin.page_listing_more_buttons)

# The read-only review for the steering committee (alliance_pages.review).
hooks.register("register_admin_urls", review_urls.admin_urls)
hooks.register("register_admin_menu_item", review_menu.review_menu_item)


class SubmitPageTranslationInOwnSubtree(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", for pages the user may edit only.

    wagtail-localize checks only the global "Can submit translations" permission, so an
    editor of one sub-alliance could create translations in another's tree (the
    permission matrix test caught it). The source page's edit permission decides here,
    as it does for every other page action.
    """

    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page


@hooks.register("register_admin_urls")
def guard_page_translation_submission():
    # alliance_pages is installed before wagtail_localize, so this path resolves first.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationInOwnSubtree.as_view(),
            name="alliance_submit_page_translation",
        )
    ]
