"""``python site/manage.py load_demo``: the demo tree from the alliance's own history."""

import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from alliance_pages.demo.build import IMAGES, PAGES, SNIPPETS, SectionReport, build_demo
from alliance_pages.demo.summary import languages, summary_table
from alliance_pages.skeleton import SkeletonError


class Command(BaseCommand):
    # Plain text: argparse cannot format lazy translations, and Django's own commands
    # keep their help in English too.
    help = (
        "Builds the demo content in German and English: the state alliance, the regional "
        "alliance Düsseldorf and the local alliance Dormagen, regions, companies, partner "
        "organisations, events, the Düsseldorf Declaration, support services and "
        "Industrieticker stories. Safe to run again: it only changes what differs."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self._check_database()
        started = time.monotonic()
        try:
            build_demo(on_start=self._section_started, on_done=self._section_done)
        except (SkeletonError, ValidationError, ValueError) as error:
            # ValueError covers a page of another type standing where a demo page belongs
            # (alliance_pages.tree) and translated text that does not fit its source.
            message = _(
                "The demo could not be built; the database is as it was before: %(error)s "
                "(run again with --traceback for details)"
            ) % {"error": error}
            raise CommandError(message) from error
        if self.verbosity >= 1:
            self.stdout.write("")
            for line in summary_table():
                self.stdout.write(line)
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo content ready in %(seconds).1f s.")
                    % {"seconds": time.monotonic() - started}
                )
            )

    def _check_database(self) -> None:
        """Refuse early, with the command that helps, instead of failing half-way."""
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                _(
                    "The database has unapplied migrations. "
                    "Run `python site/manage.py migrate` first."
                )
            )
        missing = set(languages()) - set(Locale.objects.values_list("language_code", flat=True))
        if missing:
            raise CommandError(
                _(
                    "The Wagtail locales %(codes)s are missing. Create them under Settings → "
                    "Locales in the admin, or run `python site/manage.py migrate` on a fresh "
                    "database."
                )
                % {"codes": ", ".join(sorted(missing))}
            )

    def _section_started(self, name: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(f"{name} … ", ending="")
            self.stdout.flush()

    def _section_done(self, report: SectionReport) -> None:
        if self.verbosity < 1:
            return
        counted = {
            PAGES: ngettext("%(count)d page", "%(count)d pages", report.count),
            IMAGES: ngettext("%(count)d image", "%(count)d images", report.count),
            SNIPPETS: ngettext("%(count)d snippet", "%(count)d snippets", report.count),
        }[report.kind] % {"count": report.count}
        if report.changed:
            change = ngettext(
                "%(count)d created or changed", "%(count)d created or changed", report.changed
            ) % {"count": report.changed}
        else:
            change = _("unchanged")
        self.stdout.write(f"{counted} ({change})")
