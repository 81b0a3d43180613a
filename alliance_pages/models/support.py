"""Requests for the coordination office's support services, as people submitted them.

Groups that want to found a regional or local alliance ask the office for a strategy
workshop, help with a kick-off event or an information presentation. What they typed
is kept as they typed it: the office works on a request (status, notes) but does not
rewrite it, so the admin lets the office change only those two fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import SupportService


class SupportRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


class SupportRequest(models.Model):
    organisation = models.CharField(_("organisation"), max_length=255)
    contact_person = models.CharField(_("contact person"), max_length=255)
    email = models.EmailField(_("e-mail"))
    region = models.ForeignKey(
        "alliance_pages.RegionPage",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    # The region's name as submitted: a request must still say where it came from
    # after the region page is renamed or deleted.
    region_name = models.CharField(_("region as submitted"), max_length=255, editable=False)
    service = models.CharField(
        _("requested service"), max_length=32, choices=SupportService.choices
    )
    message = models.TextField(_("message"), blank=True, max_length=5000)
    language = models.CharField(
        _("language"),
        max_length=8,
        editable=False,
        help_text=_("The language the request was submitted in; answer in it."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)
    office_notified_at = models.DateTimeField(
        _("office notified at"),
        null=True,
        editable=False,
        help_text=_("Empty when the e-mail to the coordination office could not be sent."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SupportRequestStatus.choices,
        default=SupportRequestStatus.NEW,
        db_index=True,
    )
    notes = models.TextField(_("notes of the coordination office"), blank=True)

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_service_display()}"
