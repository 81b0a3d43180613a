"""Founding a sub-alliance from the Wagtail admin, under its parent alliance.

The same ``found_sub_alliance`` as the command and the demo: the view only turns the
form into a FoundingRequest and a refusal (FoundingError) back into an error on the
field it concerns.
Because the founding runs in one transaction and checks everything first, a refused
or failed founding leaves nothing half-made.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..models import AlliancePage
from ..roles import FOUND_SUB_ALLIANCE
from ..skeleton import content_locales
from .forms import FoundingForm, can_hold_sub_alliances
from .founding import found_sub_alliance
from .request import FoundingError

FOUND_PERMISSION = f"alliance_pages.{FOUND_SUB_ALLIANCE}"


def may_found(user) -> bool:
    """Only the coordination office (and superusers) found sub-alliances."""
    return user.has_perm(FOUND_PERMISSION)


def german_parent(page: AlliancePage) -> AlliancePage:
    """Sub-alliances are founded under the German page; their English pages follow."""
    german, _english = content_locales()
    if page.locale_id == german.pk:
        return page
    source = page.get_translation_or_none(german)
    if source is None:
        raise PermissionDenied
    return source


class FoundSubAllianceView(WagtailAdminTemplateMixin, FormView):
    form_class = FoundingForm
    template_name = "alliance_pages/founding/found_sub_alliance.html"
    page_title = gettext_lazy("Found a sub-alliance")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not may_found(request.user):
            raise PermissionDenied
        page = get_object_or_404(AlliancePage, pk=kwargs["page_id"])
        self.parent = german_parent(page)
        if not can_hold_sub_alliances(self.parent):
            messages.error(
                request,
                _("A local alliance cannot have sub-alliances of its own."),
            )
            return redirect("wagtailadmin_explore", self.parent.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.parent.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_explore", args=[self.parent.pk]),
                "label": self.parent.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "parent": self.parent}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            parent=self.parent,
            action_url=self.request.get_full_path(),
            media=context["form"].media,
            submit_button_label=_("Found"),
            submit_button_active_label=_("Founding…"),
        )
        return context

    def form_valid(self, form):
        try:
            result = found_sub_alliance(form.founding_request(), user=self.request.user)
        except FoundingError as error:
            # Beside the field it concerns; a part the form does not ask for (the parent
            # is the page the form was opened on) is the form's own error.
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error))
            return self.form_invalid(form)
        if result.founded:
            message = _("Founded “%(title)s”. Invited: %(invited)s.")
        else:
            message = _(
                "“%(title)s” existed already; completed what was missing. Invited: %(invited)s."
            )
        messages.success(
            self.request,
            message
            % {
                "title": result.alliance.title,
                "invited": ", ".join(result.invited) or _("nobody"),
            },
        )
        return redirect("wagtailadmin_explore", result.alliance.pk)

    def form_invalid(self, form):
        messages.validation_error(self.request, _("The sub-alliance could not be founded."), form)
        return super().form_invalid(form)
