"""The one form behind both ways of asking for support: the page and the API.

Both the HTML form on the support services page and ``POST /api/v3/support-requests/``
validate through :class:`SupportRequestForm`, so a request is judged by the same
rules (and refused with the same translated messages) whichever way it arrives.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..models import RegionPage, SupportRequest

# A field no person fills in: it is hidden on the page and documented as "leave
# empty" in the API. Form-filling robots fill in every field they find.
HONEYPOT_FIELD = "website"


class RegionChoiceField(forms.ModelChoiceField):
    """Regions named by their German slug, the directory's stable key in every language.

    Labels are the region names in the language the form is shown in.
    """

    def __init__(self, *args, **kwargs):
        self.labels: dict = {}
        super().__init__(*args, to_field_name="slug", **kwargs)

    def label_from_instance(self, obj) -> str:
        return self.labels.get(obj.translation_key, obj.title)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        matches = list(self.queryset.filter(slug=value)[:2])
        if not matches:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if len(matches) > 1:
            raise ValidationError(
                _("Several regions have this name; please choose another one near you."),
                code="ambiguous",
            )
        return matches[0]


class SupportRequestForm(forms.ModelForm):
    region = RegionChoiceField(
        queryset=RegionPage.objects.none(),
        label=_("Region"),
        error_messages={"invalid_choice": _("There is no region with this name.")},
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        help_text=_("Leave this field empty; it keeps robots out."),
    )

    class Meta:
        model = SupportRequest
        fields = ["organisation", "contact_person", "email", "region", "service", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        source = Locale.get_default()
        regions = RegionPage.objects.live().filter(locale=source).order_by("title")
        self.fields["region"].queryset = regions
        if language != source.language_code:
            self.fields["region"].labels = dict(
                RegionPage.objects.live()
                .filter(locale__language_code=language)
                .values_list("translation_key", "title")
            )

    def clean_website(self) -> str:
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise ValidationError(_("This field must be left empty."), code="honeypot")
        return ""

    def save(self, commit: bool = True) -> SupportRequest:
        support_request = super().save(commit=False)
        support_request.language = self.language
        support_request.region_name = support_request.region.title
        if commit:
            support_request.save()
        return support_request
