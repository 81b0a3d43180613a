from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from alliance_pages.choices import Sector
from ticker.archive import ArchiveStory, ArchiveUnreadable, LineProblem, read_archive
from ticker.importing import (
    DEFAULT_COMPANY_SECTOR,
    ImportSetupError,
    Outcome,
    StoryFailed,
    StoryImporter,
    StoryResult,
    find_alliance,
)


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # A property, not a lazy string: argparse cannot format gettext_lazy's proxies.
        return _(
            "Import Industrieticker stories from a JSON Lines archive (one JSON object per line: "
            "id, locale, title, teaser, body, date, companies, regions, tags). Lines sharing an "
            "id are one story: the de line is the source, the others become its translations "
            "through wagtail-localize. Stories are published; running the same file again "
            "changes nothing. Companies and regions are found by name in the line's language; "
            "missing ones are created: a company under the companies index with the sector "
            "given by --company-sector, a region as a town directly under the regions index "
            "(check both in the admin). An existing story keeps its slug and its place. Each "
            "story is imported whole or not at all; a bad line is reported with its number, "
            "the other stories still import, and the command then fails."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=_("The archive, a UTF-8 .jsonl file."))
        parser.add_argument(
            "--alliance",
            metavar="SLUG",
            help=_(
                "Slug of the (German) alliance whose Industrieticker receives new stories; "
                "the state alliance by default. Stories that already exist elsewhere are "
                "updated where they are."
            ),
        )
        parser.add_argument(
            "--company-sector",
            choices=Sector.values,
            default=DEFAULT_COMPANY_SECTOR,
            metavar="SECTOR",
            help=_(
                "Sector given to companies the import has to create, since the archive "
                "does not say: one of %(choices)s (default: %(default)s)."
            )
            % {"choices": ", ".join(Sector.values), "default": DEFAULT_COMPANY_SECTOR},
        )

    def handle(self, *args, file: Path, alliance: str | None, company_sector: str, **options):
        verbosity = options["verbosity"]
        try:
            archive = read_archive(file)
            target = find_alliance(alliance)
            importer = StoryImporter(target, company_sector=company_sector)
        except (ArchiveUnreadable, ImportSetupError) as error:
            raise CommandError(str(error)) from error

        for problem in archive.problems:
            self._report(problem)
        if verbosity >= 1:
            self.stdout.write(
                ngettext(
                    "Importing %(count)s story from %(file)s into the Industrieticker "
                    "of %(alliance)s.",
                    "Importing %(count)s stories from %(file)s into the Industrieticker "
                    "of %(alliance)s.",
                    len(archive.stories),
                )
                % {"count": len(archive.stories), "file": file, "alliance": target.title}
            )
        counts = self._import_stories(importer, archive.stories, verbosity)
        if verbosity >= 1:
            self._summary(counts)

        failed_lines = len(archive.problems) + counts["failed_lines"]
        if failed_lines:
            raise CommandError(
                ngettext(
                    "%(count)s line of %(file)s was not imported; see the messages above.",
                    "%(count)s lines of %(file)s were not imported; see the messages above.",
                    failed_lines,
                )
                % {"count": failed_lines, "file": file}
            )

    def _import_stories(
        self, importer: StoryImporter, stories: list[ArchiveStory], verbosity: int
    ) -> dict[str, int]:
        """Import story by story, reporting as it goes; returns how many ended how."""
        counts = dict.fromkeys([*Outcome, "failed", "failed_lines"], 0)
        for position, story in enumerate(stories, start=1):
            prefix = f"[{position}/{len(stories)}] {story.story_id}"
            try:
                result = importer.import_story(story)
            except StoryFailed as error:
                counts["failed"] += 1
                counts["failed_lines"] += len(story.numbers)
                self._report_story(story, str(error))
                if verbosity >= 1:
                    failed = pgettext("story import", "failed")
                    self.stdout.write(f"{prefix} {failed}", style_func=self.style.ERROR)
                continue
            counts[result.outcome] += 1
            if verbosity >= 1:
                self._progress(prefix, story, result, verbosity)
        return counts

    def _report(self, problem: LineProblem) -> None:
        self.stderr.write(
            _("line %(line)s: %(reason)s") % {"line": problem.number, "reason": problem.reason}
        )

    def _report_story(self, story: ArchiveStory, reason: str) -> None:
        for number in story.numbers:
            self._report(
                LineProblem(
                    number,
                    _("story %(id)s not imported: %(reason)s")
                    % {"id": story.story_id, "reason": reason},
                )
            )

    def _progress(
        self, prefix: str, story: ArchiveStory, result: StoryResult, verbosity: int
    ) -> None:
        outcome = {
            Outcome.CREATED: pgettext("story import", "created"),
            Outcome.UPDATED: pgettext("story import", "updated"),
            Outcome.UNCHANGED: pgettext("story import", "unchanged"),
        }[result.outcome]
        line = f"{prefix} {outcome}: {story.title}"
        if verbosity >= 2:
            line += f" ({result.page.url_path}, id {result.page.pk})"
        style = self.style.SUCCESS if result.outcome != Outcome.UNCHANGED else str
        self.stdout.write(line, style_func=style)
        for note in result.notes:
            self.stdout.write(f"    {note}", style_func=self.style.WARNING)

    def _summary(self, counts: dict) -> None:
        self.stdout.write(
            _(
                "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                "%(failed)s failed."
            )
            % {
                "created": counts[Outcome.CREATED],
                "updated": counts[Outcome.UPDATED],
                "unchanged": counts[Outcome.UNCHANGED],
                "failed": counts["failed"],
            }
        )
        if not counts[Outcome.CREATED] and not counts[Outcome.UPDATED]:
            self.stdout.write(_("Nothing changed."))
