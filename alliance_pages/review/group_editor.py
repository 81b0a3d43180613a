"""Wagtail's group editor with a "Read" column among the page permissions.

Wagtail's page-permission formset offers only its own six page actions, and saving a
group deletes every page grant its form does not show: the steering committee's read
grant would vanish the first time someone saved the group unchanged. So the groups'
add and edit views here use the same formset with ``view_page`` added as one more
column, read and written like the other six. Everything else is Wagtail's group
editor; it is installed through ``users_app.WagtailUsersWithReadingConfig``, the way
Wagtail documents replacing the group viewset.
"""

from django import forms
from django.contrib.auth.models import Permission
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.users.forms import (
    BaseGroupPagePermissionFormSet,
    GroupPagePermissionFormSet,
    PagePermissionsForm,
)
from wagtail.users.views import groups

from .access import READ_CODENAME

READ_PERMISSION_TYPE = (
    READ_CODENAME,
    _("Read"),
    _("Read pages, drafts and history in the review, without changing anything"),
)


def page_permission_codenames() -> list[str]:
    return sorted([*Page.permission_codenames, READ_CODENAME])


class PagePermissionsWithReadingForm(PagePermissionsForm):
    permissions = forms.ModelMultipleChoiceField(
        queryset=Permission.objects.filter(
            content_type__app_label=Page._meta.app_label,
            content_type__model=Page._meta.model_name,
            codename__in=page_permission_codenames(),
        )
        .select_related("content_type")
        .order_by("codename"),
        to_field_name="codename",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class BaseGroupPagePermissionWithReadingFormSet(BaseGroupPagePermissionFormSet):
    # The template pairs column headings with checkboxes by position, and the
    # checkboxes come in codename order: so do the headings.
    permission_types = sorted(
        [*Page.permission_types, READ_PERMISSION_TYPE], key=lambda permission: permission[0]
    )


GroupPagePermissionWithReadingFormSet = forms.formset_factory(
    PagePermissionsWithReadingForm,
    formset=BaseGroupPagePermissionWithReadingFormSet,
    extra=0,
    can_delete=True,
)


class PermissionPanelsWithReadingMixin:
    @cached_property
    def permission_panel_forms(self):
        panel_classes = [
            GroupPagePermissionWithReadingFormSet if cls is GroupPagePermissionFormSet else cls
            for cls in groups.get_permission_panel_classes()
        ]
        return [cls(**self.get_permission_panel_form_kwargs(cls)) for cls in panel_classes]


class CreateView(PermissionPanelsWithReadingMixin, groups.CreateView):
    pass


class EditView(PermissionPanelsWithReadingMixin, groups.EditView):
    pass


class GroupViewSet(groups.GroupViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
