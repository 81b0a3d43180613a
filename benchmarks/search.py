"""Story search latency and indexing throughput, beside stock Wagtail, on one corpus.

    nice .venv/bin/python benchmarks/search.py --counts 10000 --seed 42
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alliance_bench \\
        nice .venv/bin/python benchmarks/search.py --counts 10000 100000 --seed 42

Each size runs in its own process on a fresh database (a SQLite file in a temporary
directory, or the PostgreSQL database DATABASE_URL names, dropped and recreated from
a migrated template), or on a copy of a corpus generated earlier (``--corpus
10000=<database or file>``; generating 100,000 stories takes most of an hour). The
corpus is ``generate_stories --count N --seed S`` (German and English page per
story); on a copied corpus the same command runs again and must find nothing to add.
Then, in the same run:

* indexing: story pages handed to ``add_bulk`` in batches of 500, by the alliance
  backend (``search.backends.database``) and by stock Wagtail's
  (``wagtail.search.backends.database``), in stories (two pages) per second. Up to
  ``--index-sample`` stories every page is indexed, with the rate of the first and
  the last batch; above it, the first and the last ``--index-sample`` stories are
  re-indexed into the full index, so the two rates show whether the cost per story
  grows with the corpus. On PostgreSQL a ``VACUUM ANALYZE`` follows each indexing
  run, as autovacuum would on a live server;
* search latency over a fixed list of queries drawn with the seed from the corpus
  vocabulary, half German, half English: ``search_stories`` (count, 20 ranked hits,
  snippets, facets: what ``/api/v3/stories/`` does) and the backend's ranked page of
  20 alone, against stock ``Page.objects.live().search(q)[:20]`` on stock-built index
  entries; and ``search_stories`` without words (the newest 20 of a language, with
  facets over all of them: ``/api/v3/stories/`` unfiltered). p50 and p95 in
  milliseconds. Each is measured in a loop of its own, after one warming run of each
  query, so that one does not push the other's pages out of the database's cache.
  Stock needs its own index of every page;
  above ``--stock-max`` stories it is not measured (a full stock index of 100,000
  stories takes 10 to 30 minutes more).
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
REPOSITORY = BENCHMARKS.parent
sys.path.insert(0, str(BENCHMARKS))

from generate_stories import Databases, _setup_django  # noqa: E402
from queries import benchmark_queries  # noqa: E402

BATCH = 500
REPEATS = 3  # runs of each query for the alliance search; stock runs once (it is slow)
LISTING_REPEATS = 10  # runs of the listing without words, per language


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def timed(function, *arguments, **keywords) -> float:
    start = time.perf_counter()
    function(*arguments, **keywords)
    return 1000 * (time.perf_counter() - start)


def first_page(backend, query: str, queryset, **keywords) -> list:
    return list(backend.search(query, queryset, **keywords)[:20])


def index_pages(backend, page_ids: list[int]) -> list[float]:
    """Stories per second of each batch of 500 pages handed to ``add_bulk``."""
    from ticker.models import TickerStoryPage

    rates = []
    for offset in range(0, len(page_ids), BATCH):
        ids = page_ids[offset : offset + BATCH]
        batch_start = time.perf_counter()
        pages = list(
            TickerStoryPage.objects.filter(pk__in=ids).prefetch_related(
                "companies", "regions", "tagged_items__tag"
            )
        )
        backend.add_bulk(TickerStoryPage, pages)
        rates.append(len(ids) / 2 / (time.perf_counter() - batch_start))
        if offset // BATCH % 20 == 0:
            log(f"  indexed {offset + len(ids):,} of {len(page_ids):,} pages")
    return rates


def index_all(backend, page_ids: list[int]) -> dict:
    start = time.perf_counter()
    rates = index_pages(backend, page_ids)
    return {
        "stories_per_second": len(page_ids) / 2 / (time.perf_counter() - start),
        "first_batch": rates[0],
        "last_batch": rates[-1],
        "sampled": False,
    }


def index_sample(backend, page_ids: list[int], stories: int) -> dict:
    """The first and the last ``stories`` stories re-indexed into the full index."""
    rates = {}
    for name, ids in (("first", page_ids[: 2 * stories]), ("last", page_ids[-2 * stories :])):
        start = time.perf_counter()
        index_pages(backend, ids)
        rates[name] = len(ids) / 2 / (time.perf_counter() - start)
    return {
        "stories_per_second": (rates["first"] + rates["last"]) / 2,
        "first_batch": rates["first"],
        "last_batch": rates["last"],
        "sampled": stories,
    }


def child(count: int, seed: int, index_sample_size: int, stock_max: int) -> dict:
    _setup_django()
    from django.db import connection
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend
    from wagtail.search.backends.database import SearchBackend as StockBackend

    from search.stories import StoryFilters, search_stories
    from ticker.corpus.run import generate_stories
    from ticker.models import TickerStoryPage

    log(f"{connection.vendor}: generating {count:,} stories (seed {seed})")
    started = time.perf_counter()
    generated = generate_stories(count, seed, progress_every=max(1000, count // 10), write=log)
    log(f"  generated {generated.created:,} in {time.perf_counter() - started:.0f} s")

    def settled() -> None:
        """What autovacuum does on a live server after a bulk load or a re-index:
        without statistics the planner guesses, every first read sets hint bits, and
        the rows a re-index rewrote (story documents, index entries) leave dead
        versions and unmerged GIN entries that every search would read past."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    settled()
    page_ids = list(TickerStoryPage.objects.order_by("pk").values_list("pk", flat=True))
    queries = benchmark_queries(seed)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    result = {
        "vendor": connection.vendor,
        "stories": count,
        "pages": len(page_ids),
        "generated_now": generated.created,
    }

    def indexing(backend) -> dict:
        if count <= index_sample_size:
            return index_all(backend, page_ids)
        return index_sample(backend, page_ids, index_sample_size)

    ours = get_search_backend()
    log(f"alliance backend ({type(ours).__name__}): indexing")
    result["alliance_indexing"] = indexing(ours)
    settled()
    # Each operation in a loop of its own: interleaved, the ranked page (which reads
    # the index table) pushed the story documents out of PostgreSQL's shared buffers
    # between two runs of a query, and the reverse, which a server answering the API
    # (story documents only) does not see.
    api, ranked, hits = [], [], []
    for language, query in queries:
        search_stories(StoryFilters(locale=language, q=query))  # warm caches
        for _ in range(REPEATS):
            api.append(timed(search_stories, StoryFilters(locale=language, q=query)))
        hits.append(search_stories(StoryFilters(locale=language, q=query)).count)
        log(f"  {language} {query!r}: {hits[-1]:,} hits, search_stories {api[-1]:.0f} ms")
    for language, query in queries:
        stories = TickerStoryPage.objects.live().filter(locale=locales[language])
        first_page(ours, query, stories, language_code=language)  # warm caches
        for _ in range(REPEATS):
            ranked.append(timed(first_page, ours, query, stories, language_code=language))
    result["alliance_search_stories_ms"] = percentiles(api)
    listing = []
    for language in locales:
        search_stories(StoryFilters(locale=language))  # warm caches
        for _ in range(LISTING_REPEATS):
            listing.append(timed(search_stories, StoryFilters(locale=language)))
    result["alliance_listing_ms"] = percentiles(listing)
    log(f"  listing without words: {result['alliance_listing_ms']}")
    result["alliance_ranked_page_ms"] = percentiles(ranked)
    result["hits_per_query"] = {"median": statistics.median(hits), "max": max(hits)}
    result["queries"] = [query for _language, query in queries]
    if count > stock_max:
        log(f"stock backend: not measured above {stock_max:,} stories (--stock-max)")
        return result

    stock = StockBackend({})
    log(f"stock backend ({type(stock).__name__}): indexing")
    result["stock_indexing"] = index_all(stock, page_ids)
    settled()
    stock_ms = []
    first_page(stock, queries[0][1], Page.objects.live())  # warm caches
    for number, (_language, query) in enumerate(queries, 1):
        stock_ms.append(timed(first_page, stock, query, Page.objects.live()))
        log(f"  stock query {number}/{len(queries)}: {stock_ms[-1]:.0f} ms")
    result["stock_live_search_ms"] = percentiles(stock_ms)
    return result


def row(result: dict) -> list[str]:
    def ms(key):
        if key not in result:
            return "not measured"
        figures = result[key]
        return f"{figures['p50']:.1f} / {figures['p95']:.1f}"

    def rate(key):
        if key not in result:
            return "not measured"
        figures = result[key]
        shape = (
            f"first / last {figures['sampled']:,} stories"
            if figures["sampled"]
            else "first / last batch"
        )
        return (
            f"{figures['stories_per_second']:.0f} ({shape}: {figures['first_batch']:.0f} / "
            f"{figures['last_batch']:.0f})"
        )

    return [
        f"{result['vendor']}, {result['stories']:,} stories ({result['pages']:,} pages); "
        f"hits per query: median {result['hits_per_query']['median']:,}, "
        f"max {result['hits_per_query']['max']:,}",
        f"  search_stories p50/p95 ms:            {ms('alliance_search_stories_ms')}",
        f"  listing without words p50/p95 ms:     {ms('alliance_listing_ms')}",
        f"  alliance ranked page of 20 p50/p95 ms: {ms('alliance_ranked_page_ms')}",
        f"  stock live().search()[:20] p50/p95 ms: {ms('stock_live_search_ms')}",
        f"  indexing stories/s, alliance: {rate('alliance_indexing')}",
        f"  indexing stories/s, stock:    {rate('stock_indexing')}",
    ]


def corpus_sources(pairs: list[str]) -> dict[int, str]:
    sources = {}
    for pair in pairs:
        size, separator, source = pair.partition("=")
        if not separator or not size.isdigit() or not source:
            raise SystemExit(f"--corpus takes SIZE=DATABASE_OR_FILE, got {pair!r}")
        sources[int(size)] = source
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--corpus",
        nargs="*",
        default=[],
        metavar="SIZE=SOURCE",
        help="Use a copy of this earlier corpus (PostgreSQL database or SQLite file).",
    )
    parser.add_argument("--index-sample", type=int, default=10000)
    parser.add_argument("--stock-max", type=int, default=100000)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        figures = child(
            arguments.counts[0], arguments.seed, arguments.index_sample, arguments.stock_max
        )
        print(json.dumps(figures))
        return

    import subprocess

    sources = corpus_sources(arguments.corpus)
    with tempfile.TemporaryDirectory() as workdir:
        databases = Databases(os.environ.get("DATABASE_URL"), Path(workdir))
        log("migrating a template database")
        databases.prepare_template()
        results = []
        try:
            for count in arguments.counts:
                if count in sources:
                    env = databases.copy_of(f"search-{count}", sources[count])
                else:
                    env = databases.fresh(f"search-{count}")
                completed = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        "--counts",
                        str(count),
                        "--seed",
                        str(arguments.seed),
                        "--index-sample",
                        str(arguments.index_sample),
                        "--stock-max",
                        str(arguments.stock_max),
                    ],
                    cwd=REPOSITORY,
                    env=env,
                    check=True,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                results.append(json.loads(completed.stdout.strip().splitlines()[-1]))
                print("\n".join(row(results[-1])), flush=True)
        finally:
            databases.drop_template()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
