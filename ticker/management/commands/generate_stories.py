"""``generate_stories``: a synthetic bilingual Industrieticker corpus, for measuring at scale."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alliance_pages.skeleton import SkeletonError
from ticker.corpus.progress import format_duration
from ticker.corpus.run import MAX_COUNT, Interrupted, NothingToFileUnder, generate_stories
from ticker.corpus.words import WordListError
from ticker.corpus.writer import DIRECT, TRANSLATION_MODES


def _integer(options: dict[str, Any], name: str, minimum: int, maximum: int | None = None) -> int:
    """The option as an int within bounds; ``call_command`` passes keyword values unparsed."""
    flag = f"--{name.replace('_', '-')}"
    value = options[name]
    try:
        if isinstance(value, float | bool):
            raise ValueError
        number = value if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        raise CommandError(f"{flag} must be a whole number, got {value!r}.") from None
    if number < minimum:
        raise CommandError(f"{flag} must be at least {minimum}, got {number}.")
    if maximum is not None and number > maximum:
        raise CommandError(f"{flag} can be at most {maximum:,}, got {number:,}.")
    return number


class Command(BaseCommand):
    help = (
        "Generate COUNT synthetic Industrieticker stories in German with their English "
        "translations, spread over every alliance's ticker, the companies, regions and tags, "
        "from the word lists in ticker/corpus/data. The same --seed gives the same corpus. "
        "Stories that already exist (archive ID gen-SEED-NNNNNN) are skipped, so an "
        "interrupted run is resumed by running it again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--count", required=True, help="How many stories the corpus has (1 or more)."
        )
        parser.add_argument(
            "--seed",
            default=0,
            help="Which corpus: the same seed gives the same stories (default 0).",
        )
        parser.add_argument(
            "--batch-size",
            default=500,
            help="Stories written and committed per transaction (default 500).",
        )
        parser.add_argument(
            "--translations",
            choices=TRANSLATION_MODES,
            default=DIRECT,
            help=(
                "How the English pages are made: 'direct' writes them like the German pages "
                "(fast, no wagtail-localize translation source); 'localize' translates each "
                "story through wagtail-localize (translation sources exist; about 20 times "
                "slower). Default: direct."
            ),
        )
        parser.add_argument(
            "--progress-every",
            default=1000,
            help="Print a progress line every this many stories (default 1000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = _integer(options, "count", 1, MAX_COUNT)
        seed = _integer(options, "seed", 0)
        batch_size = _integer(options, "batch_size", 1, 5000)
        progress_every = _integer(options, "progress_every", 1)
        translations = options["translations"]
        if translations not in TRANSLATION_MODES:
            raise CommandError(
                f"--translations must be one of {', '.join(TRANSLATION_MODES)}, "
                f"got {translations!r}."
            )
        verbosity = int(options["verbosity"])

        def write(line: str) -> None:
            if verbosity >= 1:
                self.stdout.write(line)

        def note(line: str) -> None:
            if verbosity >= 2:
                self.stdout.write(line)

        if verbosity >= 1:
            self.stdout.write(
                f"Generating {count:,} stories for seed {seed} "
                f"({translations} translations, batches of {batch_size:,})."
            )
        try:
            result = generate_stories(
                count,
                seed,
                batch_size=batch_size,
                translations=translations,
                progress_every=progress_every,
                write=write,
                note=note,
            )
        except Interrupted as interruption:
            raise CommandError(
                f"Interrupted after {interruption.created:,} new stories, all committed. "
                "Run the same command again to carry on where it stopped."
            ) from interruption
        except NothingToFileUnder as error:
            raise CommandError(
                f"{error} Translate at least one alliance's Industrieticker into English "
                "and try again."
            ) from error
        except SkeletonError as error:
            raise CommandError(str(error)) from error
        except WordListError as error:
            raise CommandError(f"A word list is broken: {error}") from error

        if verbosity >= 1 and result.targets.untranslated_tickers:
            self.stderr.write(
                "No stories for these alliances, their ticker has no live English translation: "
                + ", ".join(result.targets.untranslated_tickers)
            )
        if verbosity >= 1:
            rate = result.created / result.seconds if result.seconds else 0.0
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {result.created:,} stories ({2 * result.created:,} pages) in "
                    f"{format_duration(result.seconds)}, {rate:.1f} stories/s; "
                    f"{result.skipped:,} already existed."
                )
            )
