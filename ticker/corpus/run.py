"""One generation run: prepare the targets, then plan, write and index batch after batch.

Each batch is one transaction holding both languages of its stories and their index
entries, so an interrupted run leaves whole stories behind and a rerun with the same
seed skips exactly those (by their archive IDs) and carries on.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from alliance_pages.skeleton import content_locales
from ticker.models import TickerStoryPage

from .generator import StoryGenerator, archive_id
from .indexing import index_pages, suspended_indexing
from .progress import Progress
from .targets import Targets, prepare_targets
from .words import vocabulary
from .writer import DIRECT, StoryWriter

# Beyond six digits the archive IDs would stop sorting in serial order.
MAX_COUNT = 999_999


class NothingToFileUnder(RuntimeError):
    """No alliance has a ticker in both languages, so no story can be filed."""


class Interrupted(Exception):
    """The run was stopped (Ctrl-C); ``created`` stories were committed before the stop."""

    def __init__(self, created: int) -> None:
        super().__init__(f"interrupted after {created} stories")
        self.created = created


@dataclass
class RunResult:
    created: int
    skipped: int
    seconds: float
    targets: Targets


def generate_stories(
    count: int,
    seed: int,
    *,
    batch_size: int = 500,
    translations: str = DIRECT,
    progress_every: int = 1000,
    write: Callable[[str], None] = lambda line: None,
    note: Callable[[str], None] = lambda line: None,
    user=None,
) -> RunResult:
    """Make stories 1 to ``count`` of the corpus for ``seed``; those that exist are skipped.

    ``write`` receives progress lines, ``note`` details of the setup.
    """
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 1 and {MAX_COUNT:,}")
    if seed < 0 or batch_size < 1 or progress_every < 1:
        raise ValueError("seed must be 0 or more, batch_size and progress_every 1 or more")

    words = vocabulary()
    german, english = content_locales()
    with transaction.atomic():
        targets = prepare_targets(words, note=note, user=user)
    if not targets.tickers:
        raise NothingToFileUnder(
            "No alliance has an Industrieticker with a live English translation."
        )
    note(
        f"Filing under {len(targets.tickers)} ticker(s), citing {len(targets.companies)} "
        f"companies and {len(targets.regions)} regions."
    )

    generator = StoryGenerator(
        seed,
        words,
        tickers=len(targets.tickers),
        companies=targets.company_names,
        regions=targets.region_names,
    )
    writer = StoryWriter(
        targets, german=german, english=english, translations=translations, user=user
    )
    progress = Progress(count, progress_every, write)
    with suspended_indexing():
        try:
            _run_batches(generator, writer, progress, german, count, seed, batch_size)
        except KeyboardInterrupt as interruption:
            raise Interrupted(progress.created) from interruption
    return RunResult(progress.created, progress.skipped, progress.elapsed, targets)


def _run_batches(generator, writer, progress, german, count, seed, batch_size) -> None:
    for start in range(1, count + 1, batch_size):
        serials = range(start, min(start + batch_size, count + 1))
        existing = set(
            TickerStoryPage.objects.filter(
                locale=german, archive_id__in=[archive_id(seed, s) for s in serials]
            ).values_list("archive_id", flat=True)
        )
        plans = [
            generator.story(serial)
            for serial in serials
            if archive_id(seed, serial) not in existing
        ]
        if plans:
            with transaction.atomic():
                index_pages(writer.write(plans))
        progress.advance(created=len(plans), skipped=len(existing))
