"""``search_status``: is the search index complete, per backend and language?"""

from django.core.management.base import BaseCommand, CommandError

from search.status import all_backend_status, queue_status
from search.tasks import retry_failures


class Command(BaseCommand):
    help = (
        "Show the search backends and, per language, the live stories in the database "
        "and in each index (on PostgreSQL also the story search documents), with queued "
        "and failed index updates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Enqueue every failed index update once more, now.",
        )

    def handle(self, *args, **options):
        if options["retry_failed"]:
            retried = retry_failures()
            self.stdout.write(f"Enqueued {retried} failed index update(s) again.")
        unreachable = []
        for status in all_backend_status():
            self.stdout.write(f"Backend {status.name!r}: {status.kind}")
            documents = any(count.live_documents is not None for count in status.counts)
            header = f"  {'language':<10}{'live in database':>18}{'live in index':>16}"
            self.stdout.write(header + (f"{'live documents':>17}" if documents else ""))
            for count in status.counts:
                in_index = "unreachable" if count.live_in_index is None else count.live_in_index
                line = f"  {count.language_code:<10}{count.live_in_database:>18}{in_index:>16}"
                if documents:
                    line += (
                        f"{count.live_documents if count.live_documents is not None else '':>17}"
                    )
                self.stdout.write(line)
            if not status.reachable:
                errors = {count.error for count in status.counts if count.error}
                unreachable.append(f"{status.name}: {'; '.join(sorted(errors))}")
        queue = queue_status()
        pending = "not kept (immediate)" if queue.pending is None else queue.pending
        self.stdout.write(f"Index updates queued on {queue.queue!r}: {pending}")
        self.stdout.write(
            f"Failed index updates: {queue.failed} ({queue.given_up} out of retries; "
            "`update_index` repairs them)"
        )
        if unreachable:
            raise CommandError("Search backend unreachable: " + " | ".join(unreachable))
