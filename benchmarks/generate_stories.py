"""How ``generate_stories`` scales, next to stock Wagtail page creation.

    .venv/bin/python benchmarks/generate_stories.py --counts 1000 10000 --seed 42

Every measurement runs in its own process on a fresh database: a SQLite file in a
temporary directory, or, when DATABASE_URL names a PostgreSQL database, that database
dropped and recreated from a migrated template. Reported per size: the average cost
per story and the cost of the last 1,000 stories, which shows whether the cost grows
with the corpus. The stock figure is ``parent.add_child(instance=page)`` followed by
``save_revision().publish()`` with Wagtail's per-save indexing on, one page per story.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
SETTINGS = "alliance_site.settings.test"  # DEBUG off, immediate tasks: no query log, no worker
WINDOW = 1000  # stories per timing window; "last 1,000" is the last window


# -- the measuring side: runs inside Django, in a child process -------------------


def _setup_django() -> None:
    sys.path[:0] = [str(REPOSITORY), str(REPOSITORY / "site")]
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    import django

    django.setup()


def _windows(marks: list[float], count: int) -> list[float]:
    """Milliseconds per story in each window between successive time marks."""
    sizes = [min(WINDOW, count - i * WINDOW) for i in range(len(marks) - 1)]
    return [1000 * (b - a) / n for a, b, n in zip(marks[:-1], marks[1:], sizes, strict=True)]


def measure_generation(count: int, seed: int, batch_size: int, translations: str) -> dict:
    _setup_django()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.search.models import IndexEntry

    from ticker.corpus.run import generate_stories
    from ticker.corpus.targets import prepare_targets
    from ticker.corpus.words import vocabulary
    from ticker.models import TickerStoryPage

    with transaction.atomic():  # skeleton and synthetic companies: not what is measured
        prepare_targets(vocabulary())
    marks = [time.perf_counter()]
    result = generate_stories(
        count,
        seed,
        batch_size=batch_size,
        translations=translations,
        progress_every=WINDOW,
        write=lambda line: marks.append(time.perf_counter()),
    )
    if len(marks) == 1 or count % WINDOW:
        marks.append(time.perf_counter())
    seconds = marks[-1] - marks[0]
    pages = TickerStoryPage.objects.filter(archive_id__startswith=f"gen-{seed}-")
    # A fresh database: every ticker story index entry is one of the generated pages.
    indexed = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(TickerStoryPage)
    )
    story = pages.order_by("archive_id").first()
    word = max(story.title.replace(":", " ").split(), key=len)
    return {
        "kind": f"generate_stories --translations={translations}",
        "vendor": connection.vendor,
        "stories": result.created,
        "pages": pages.count(),
        "indexed_pages": indexed.count(),
        "search_finds_first_story": story in TickerStoryPage.objects.live().search(word),
        "seconds": seconds,
        "ms_per_story": 1000 * seconds / count,
        "ms_per_story_windows": _windows(marks, count),
        "stories_per_second": count / seconds,
    }


def measure_stock(count: int, seed: int) -> dict:
    """Stock Wagtail: each story's German page made as an editor's code would make it."""
    _setup_django()
    from django.db import connection

    from ticker.corpus.generator import StoryGenerator
    from ticker.corpus.targets import prepare_targets
    from ticker.corpus.words import vocabulary
    from ticker.models import TickerStoryPage

    targets = prepare_targets(vocabulary())
    parent = targets.tickers[0].german
    generator = StoryGenerator(
        seed,
        vocabulary(),
        tickers=1,
        companies=targets.company_names,
        regions=targets.region_names,
    )
    marks = [time.perf_counter()]
    for serial in range(1, count + 1):
        plan = generator.story(serial)
        page = TickerStoryPage(
            title=plan.german.title,
            slug=plan.german.slug,
            teaser=plan.german.teaser,
            body=plan.german.stream_data(),
            date=plan.date,
            archive_id=plan.archive_id,
        )
        page.companies = [targets.companies[i] for i in plan.companies]
        page.regions = [targets.regions[i] for i in plan.regions]
        page.tags.set(list(plan.german.tags))
        parent.add_child(instance=page)
        page.save_revision().publish()
        if serial % WINDOW == 0 or serial == count:
            marks.append(time.perf_counter())
    seconds = marks[-1] - marks[0]
    return {
        "kind": "stock add_child + save_revision().publish()",
        "vendor": connection.vendor,
        "stories": count,
        "pages": count,
        "seconds": seconds,
        "ms_per_story": 1000 * seconds / count,
        "ms_per_story_windows": _windows(marks, count),
        "stories_per_second": count / seconds,
    }


# -- the orchestrating side: fresh databases, child processes, the table ----------


class Databases:
    """Fresh databases from one migrated template, so migrations run once per benchmark."""

    def __init__(self, database_url: str | None, workdir: Path) -> None:
        self.url = database_url
        self.workdir = workdir
        if database_url:
            import dj_database_url

            self.config = dj_database_url.parse(database_url)
            if self.config["ENGINE"] != "django.db.backends.postgresql":
                raise SystemExit(
                    "DATABASE_URL must name a PostgreSQL database (or leave it unset)."
                )
            self.name = self.config["NAME"]
            self.template = f"{self.name}_template"

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(
            dbname="postgres",
            host=self.config["HOST"] or None,
            port=self.config["PORT"] or None,
            user=self.config["USER"] or None,
            password=self.config["PASSWORD"] or None,
            autocommit=True,
        ) as connection:
            for statement in statements:
                connection.execute(statement)

    def _env(self, name: str) -> dict[str, str]:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
        # The repository root is the import root, installed or not (see STYLE.md).
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), env.get("PYTHONPATH")]))
        if self.url:
            env["DATABASE_URL"] = self.url.rsplit("/", 1)[0] + f"/{name}"
        else:
            env.pop("DATABASE_URL", None)
            env["ALLIANCE_VAR_DIR"] = str(self.workdir / name)
        return env

    def prepare_template(self) -> None:
        if self.url:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)',
                f'CREATE DATABASE "{self.template}"',
            )
        (self.workdir / "template").mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "site/manage.py", "migrate", "-v0"],
            cwd=REPOSITORY,
            env=self._env(self.template if self.url else "template"),
            check=True,
        )

    def fresh(self, label: str) -> dict[str, str]:
        """The environment of a child process that sees a fresh, migrated database."""
        if self.url:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.name}" TEMPLATE "{self.template}"',
            )
            return self._env(self.name)
        run = self.workdir / label
        shutil.rmtree(run, ignore_errors=True)
        run.mkdir(parents=True)
        shutil.copy(self.workdir / "template" / "alliance.sqlite3", run / "alliance.sqlite3")
        return self._env(label)

    def copy_of(self, label: str, corpus: str) -> dict[str, str]:
        """Like ``fresh``, but a copy of a corpus generated earlier (a PostgreSQL
        database name, used as a template, or a SQLite file), migrated to this code."""
        if self.url:
            self._admin(
                f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
                f'CREATE DATABASE "{self.name}" TEMPLATE "{corpus}"',
            )
            env = self._env(self.name)
        else:
            run = self.workdir / label
            shutil.rmtree(run, ignore_errors=True)
            run.mkdir(parents=True)
            shutil.copy(corpus, run / "alliance.sqlite3")
            env = self._env(label)
        subprocess.run(
            [sys.executable, "site/manage.py", "migrate", "-v0"],
            cwd=REPOSITORY,
            env=env,
            check=True,
        )
        return env

    def drop_template(self) -> None:
        if self.url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')


def run_child(env: dict[str, str], *arguments: str) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--child", *arguments],
        cwd=REPOSITORY,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def table(runs: list[dict]) -> str:
    header = (
        f"{'what':<48} {'db':<10} {'stories':>8} {'pages':>8} {'total s':>8} "
        f"{'ms/story':>9} {'last 1,000':>11} {'stories/s':>10}"
    )
    lines = [header, "-" * len(header)]
    for run in runs:
        lines.append(
            f"{run['kind']:<48} {run['vendor']:<10} {run['stories']:>8,} {run['pages']:>8,} "
            f"{run['seconds']:>8.1f} {run['ms_per_story']:>9.1f} "
            f"{run['ms_per_story_windows'][-1]:>11.1f} {run['stories_per_second']:>10.1f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument(
        "--translations", nargs="+", default=["direct"], choices=["direct", "localize"]
    )
    parser.add_argument(
        "--stock",
        type=int,
        nargs="*",
        default=[1000],
        help="sizes for the stock comparison (default 1000; none: skip)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.child:
        what, *values = options.child
        if what == "stock":
            result = measure_stock(int(values[0]), int(values[1]))
        else:
            count, seed, batch_size, translations = values
            result = measure_generation(int(count), int(seed), int(batch_size), translations)
        print(json.dumps(result))
        return

    runs = []
    with tempfile.TemporaryDirectory(prefix="generate-stories-bench-") as workdir:
        databases = Databases(os.environ.get("DATABASE_URL"), Path(workdir))
        databases.prepare_template()
        try:
            for translations in options.translations:
                for count in options.counts:
                    print(f"generate_stories {count:,} ({translations}) ...", flush=True)
                    env = databases.fresh(f"{translations}-{count}")
                    arguments = (str(count), str(options.seed), str(options.batch_size))
                    runs.append(run_child(env, "generate", *arguments, translations))
            for count in options.stock:
                print(f"stock Wagtail {count:,} ...", flush=True)
                env = databases.fresh(f"stock-{count}")
                runs.append(run_child(env, "stock", str(count), str(options.seed)))
        finally:
            databases.drop_template()

    print()
    print(table(runs))
    if options.json:
        report = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "seed": options.seed,
            "batch_size": options.batch_size,
            "runs": runs,
        }
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"\nWrote {options.json}")


if __name__ == "__main__":
    main()
