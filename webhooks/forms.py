from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .choices import PageEvent
from .models import WebhookEndpoint


class WebhookEndpointForm(WagtailAdminModelForm):
    """Events as checkboxes instead of the JSON the column stores."""

    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=PageEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which page events are sent to this endpoint."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "is_active", "events", "subtree"]
