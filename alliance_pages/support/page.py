"""The request form on the support services page, for visitors of the HTML site.

A headless front end posts to ``/api/v3/support-requests/`` instead; both go through
the same form and intake. Post/redirect/get: a stored request redirects to the page
with ``?sent=1``, so reloading the thank-you page never sends a request twice.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import SupportRequestForm
from .intake import TooManyRequests, client_address, receive

SENT_PARAMETER = "sent"


def empty_form(page) -> SupportRequestForm:
    return SupportRequestForm(language=page.locale.language_code, prefix="support")


def handle_post(page, request: HttpRequest) -> HttpResponse:
    form = SupportRequestForm(request.POST, language=page.locale.language_code, prefix="support")
    status = 200
    if form.is_valid():
        try:
            receive(form, client_address(request))
        except TooManyRequests:
            form.add_error(
                None,
                _(
                    "We have received several requests from your network in the last hour. "
                    "Please try again later or write to the coordination office directly."
                ),
            )
            status = 429
        else:
            return HttpResponseRedirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1")
    else:
        status = 422
    context = page.get_context(request)
    context["support_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)
