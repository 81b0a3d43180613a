"""The admin's founding form: what the coordination office fills in under a parent alliance.

The form checks only the shape of the input (a level the parent can hold, e-mail
addresses); whether the founding can happen (a name or address taken, a host name in
use) is the founding code's question, and its refusal comes back as an error on the
field it names.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser

from ..choices import AllianceLevel
from ..models import AlliancePage, RegionPage
from ..models.alliances import ALLOWED_CHILD_LEVELS
from ..skeleton import content_locales
from .request import FoundingRequest

# People are listed one per line, or separated by commas or semicolons.
ADDRESS_SEPARATORS = re.compile(r"[\s,;]+")


def levels_under(parent: AlliancePage) -> list[tuple[str, str]]:
    """The sub-alliance levels ``parent`` may hold, as form choices."""
    allowed = ALLOWED_CHILD_LEVELS[AllianceLevel(parent.level)]
    return [(level.value, level.label) for level in AllianceLevel if level in allowed]


def can_hold_sub_alliances(parent: AlliancePage) -> bool:
    return bool(ALLOWED_CHILD_LEVELS[AllianceLevel(parent.level)])


class AddressesField(forms.CharField):
    """E-mail addresses, one per line (commas and semicolons work too)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value) -> tuple[str, ...]:
        text = super().clean(value)
        addresses = tuple(part for part in ADDRESS_SEPARATORS.split(text or "") if part)
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(
                _("Not an e-mail address: %(addresses)s"),
                code="invalid",
                params={"addresses": ", ".join(wrong)},
            )
        return addresses


class FoundingForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=255,
        help_text=_("The German name, e.g. “Regionale Allianz Köln”."),
    )
    level = forms.ChoiceField(label=_("Level"))
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=RegionPage.objects.none(),
        widget=AdminPageChooser(target_models=[RegionPage]),
        help_text=_("The region the alliance works in."),
    )
    editors = AddressesField(
        label=_("Editors"),
        required=False,
        help_text=_("E-mail addresses of the people to invite as editors, one per line."),
    )
    moderators = AddressesField(
        label=_("Moderators"),
        required=False,
        help_text=_("E-mail addresses of the people to invite as moderators, one per line."),
    )
    hostname = forms.CharField(
        label=_("Own host name"),
        required=False,
        max_length=253,
        help_text=_("Optional: the alliance gets its own site on this host name."),
    )

    def __init__(self, *args, parent: AlliancePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        self.fields["level"].choices = levels_under(parent)
        self.fields["region"].queryset = RegionPage.objects.all()

    def clean_region(self) -> RegionPage:
        """The German region: facts such as the region are kept on the German pages, and
        the chooser also offers the English ones."""
        region = self.cleaned_data["region"]
        german, _english = content_locales()
        if region.locale_id == german.pk:
            return region
        source = region.get_translation_or_none(german)
        if source is None:
            raise ValidationError(_("This region has no German page; choose the German one."))
        return source

    def founding_request(self) -> FoundingRequest:
        data = self.cleaned_data
        return FoundingRequest(
            name=data["name"],
            level=data["level"],
            parent=self.parent,
            region=data["region"],
            editors=data["editors"],
            moderators=data["moderators"],
            hostname=data["hostname"],
        )
