"""What every page type of ours shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The Page fields every translation carries: translated text and a localised slug,
# the menu flag kept in step with the German source.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class StateAllianceChildMixin:
    """For pages that exist once for the whole state: regions, companies, the declaration.

    ``parent_page_types`` can name the model but not the level, so the level check
    lives here, where Wagtail asks it for both creating and moving.
    """

    max_count_per_parent = 1

    @classmethod
    def can_exist_under(cls, parent) -> bool:
        from .alliances import AlliancePage

        if not super().can_exist_under(parent):
            return False
        specific = parent.specific
        return isinstance(specific, AlliancePage) and specific.is_state_alliance

    def clean(self):
        super().clean()
        if self.path and not self.is_root():
            parent = self.get_parent()
            if parent is not None and not type(self).can_exist_under(parent):
                raise ValidationError(_("This page belongs directly under the state alliance."))


def validate_date_order(start, end, end_field: str):
    if start and end and end < start:
        raise ValidationError({end_field: _("The end must not be before the start.")})
