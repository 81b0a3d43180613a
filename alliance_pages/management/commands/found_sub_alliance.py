"""``python site/manage.py found_sub_alliance``: a regional or local alliance with its people."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from alliance_pages.founding import FoundingError, FoundingRequest, found_sub_alliance


class Command(BaseCommand):
    # Plain text: argparse cannot format lazy translations.
    help = (
        "Founds a regional or local sub-alliance under a parent alliance: its page in "
        "German and English with ticker and events, an image and document collection, "
        "the groups '<name>: Editors' and '<name>: Moderators' with permissions on exactly "
        "that subtree and collection, a moderation workflow and e-mail invitations. "
        "Safe to run again: it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="German name, e.g. 'Regionale Allianz Köln'.")
        parser.add_argument("--level", required=True, choices=["regional", "local"])
        parser.add_argument("--parent", required=True, help="German slug of the parent alliance.")
        parser.add_argument(
            "--region", required=True, help="German slug or title of the alliance's region."
        )
        parser.add_argument("--english-name", default="", help="Default: derived from the name.")
        parser.add_argument("--slug", default="", help="Default: derived from the name.")
        parser.add_argument("--founded-on", help="YYYY-MM-DD; default: today.")
        parser.add_argument(
            "--editor", action="append", default=[], help="E-mail to invite (repeatable)."
        )
        parser.add_argument(
            "--moderator", action="append", default=[], help="E-mail to invite (repeatable)."
        )
        parser.add_argument(
            "--hostname", default="", help="Give the alliance its own site on this host name."
        )

    def handle(self, *args, **options):
        request = FoundingRequest(
            name=options["name"],
            level=options["level"],
            parent=options["parent"],
            region=options["region"],
            english_name=options["english_name"],
            slug=options["slug"],
            founded_on=options["founded_on"],
            editors=tuple(options["editor"]),
            moderators=tuple(options["moderator"]),
            hostname=options["hostname"],
        )
        try:
            result = found_sub_alliance(request)
        except FoundingError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] < 1:
            return
        if result.founded:
            message = _("Founded %(title)s at %(path)s.")
        else:
            message = _("%(title)s exists already at %(path)s; completed what was missing.")
        self.stdout.write(
            self.style.SUCCESS(
                message % {"title": result.alliance.title, "path": result.alliance.url_path}
            )
        )
        self.stdout.write(
            _("Groups: %(editors)s, %(moderators)s; collection: %(collection)s")
            % {
                "editors": result.editors.name,
                "moderators": result.moderators.name,
                "collection": result.collection.name,
            }
        )
        for address in result.invited:
            self.stdout.write(_("Invited %(address)s") % {"address": address})
        if result.site is not None:
            self.stdout.write(_("Own site: %(url)s") % {"url": result.site.root_url})
