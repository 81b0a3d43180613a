"""``python site/manage.py ensure_demo_admin``: a known login for a demo installation."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

USERNAME = "admin"
EMAIL = "admin@example.org"
DEFAULT_PASSWORD = "alliance-demo"
PREFERRED_LANGUAGE = "de"


def running_tests() -> bool:
    """Django's test environment is set up (it gives ``mail`` an outbox, and only then)."""
    return hasattr(mail, "outbox")


class Command(BaseCommand):
    # Plain text: argparse cannot format lazy translations, and Django's own commands
    # keep their help in English too.
    help = (
        "Creates the demo superuser “admin” or resets its password, with German as its "
        "admin language, and prints the login. Refuses production settings unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="Password for the demo user (default: %(default)s).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run even with DEBUG off. A known superuser password on a public site is "
                "an open door: use only on a closed demo machine."
            ),
        )

    def handle(self, *args, password: str, force: bool, verbosity: int, **options):
        if not settings.DEBUG and not running_tests() and not force:
            raise CommandError(
                _(
                    "DEBUG is off, so these look like production settings; a demo superuser "
                    "with a known password does not belong there. Use the development "
                    "settings (DJANGO_SETTINGS_MODULE=alliance_site.settings.dev), or pass "
                    "--force if this really is a closed demo machine."
                )
            )
        if not password:
            raise CommandError(_("The password must not be empty: pass --password PASSWORD."))

        user_model = get_user_model()
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: USERNAME}).first()
        created = user is None
        if created:
            user = user_model(**{user_model.USERNAME_FIELD: USERNAME})
        user.email = EMAIL
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = PREFERRED_LANGUAGE
        profile.save()

        if verbosity >= 1:
            message = (
                _("Demo administrator created.") if created else _("Demo administrator reset.")
            )
            self.stdout.write(self.style.SUCCESS(message))
            login_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
            self.stdout.write(_("Log in at %(url)s") % {"url": login_url})
            self.stdout.write("  " + _("Username: %(username)s") % {"username": USERNAME})
            self.stdout.write("  " + _("Password: %(password)s") % {"password": password})
