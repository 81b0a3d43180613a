"""Prototype of a story search document table on PostgreSQL, measured on a corpus.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<copy of a corpus> \\
        nice .venv/bin/python benchmarks/story_document.py --seed 42

Not the shipped search. ``search_stories`` on PostgreSQL reads the index entries
that match, looks each story up in the page tables to keep drafts, other languages
and private sections out, and then counts four facets in queries of their own, one
index probe per match each: its cost grows by about 25 µs per match (173 to 235 ms p95 at
100,000 stories). This script measures the design that would replace it: one row per
story holding what a search reads (language, live flag, path, date, the title and
body vectors of the search index, and the story's region, company and tag names as
arrays), so that one statement over the matching rows gives the count, the ranked
page of 20 and every facet. It builds that table (``bench_story_document``) from the
corpus's index entries and relations, runs the search benchmark's 20 queries
(``benchmarks/search.py``, same seed) through the one statement three times each,
prints p50 / p95 in milliseconds, and drops the table again.

What the prototype leaves out, and a shipped version needs: keeping the rows equal to
the pages (written with the index entries; live, path and language kept by a trigger
on the page table, since tree moves rewrite paths in SQL), the reader's filters
(alliance, region, company, tag, dates, a site's subtree, private sections), editors'
picks, typo correction, and the fixed cost of loading and labelling the page of 20
stories (about 10 ms).
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from generate_stories import _setup_django  # noqa: E402
from queries import benchmark_queries  # noqa: E402

TABLE = "bench_story_document"
BUILD = f"""
DROP TABLE IF EXISTS {TABLE};
CREATE TABLE {TABLE} AS
SELECT p.id AS page_id, p.locale_id, p.live, p.path, s.date,
  coalesce((SELECT array_agg(rp.translation_key)
            FROM ticker_tickerstorypage_regions r
            JOIN wagtailcore_page rp ON rp.id = r.regionpage_id
            WHERE r.tickerstorypage_id = p.id), '{{}}') AS region_keys,
  coalesce((SELECT array_agg(cp.translation_key)
            FROM ticker_tickerstorypage_companies c
            JOIN wagtailcore_page cp ON cp.id = c.companypage_id
            WHERE c.tickerstorypage_id = p.id), '{{}}') AS company_keys,
  coalesce((SELECT array_agg(t.name)
            FROM ticker_tickerstorytag tt JOIN taggit_tag t ON t.id = tt.tag_id
            WHERE tt.content_object_id = p.id), '{{}}') AS tags,
  e.title, e.body
FROM wagtailcore_page p
JOIN ticker_tickerstorypage s ON s.page_ptr_id = p.id
JOIN wagtailsearch_indexentry e
  ON e.content_type_id = %(content_type)s AND e.object_id = p.id::text;
ALTER TABLE {TABLE} ADD PRIMARY KEY (page_id);
CREATE INDEX {TABLE}_document ON {TABLE} USING gin ((title || body));
"""
# The ranking of search.backends.postgres: prefix and whole-word matches, title and
# body apart, weighted by field role.
SEARCH = f"""
WITH hits AS MATERIALIZED (
  SELECT page_id, date, region_keys, company_keys, tags,
    ts_rank(%(weights)s, title, prefixes) + ts_rank(%(weights)s, title, words)
    + ts_rank(%(weights)s, body, prefixes) + ts_rank(%(weights)s, body, words) AS score
  FROM {TABLE},
    to_tsquery(%(config)s::regconfig, %(prefixes)s) prefixes,
    to_tsquery(%(config)s::regconfig, %(words)s) words
  WHERE (title || body) @@ prefixes AND locale_id = %(locale)s AND live
)
SELECT 'count', NULL, count(*)::float FROM hits
UNION ALL (SELECT 'page', page_id::text, score FROM hits ORDER BY score DESC, page_id DESC
           LIMIT 20)
UNION ALL SELECT 'year', extract(year FROM date)::text, count(*) FROM hits GROUP BY 2
UNION ALL SELECT 'region', key::text, count(*) FROM hits, unnest(region_keys) key GROUP BY 2
UNION ALL SELECT 'company', key::text, count(*) FROM hits, unnest(company_keys) key GROUP BY 2
UNION ALL SELECT 'tag', key, count(*) FROM hits, unnest(tags) key GROUP BY 2
"""  # noqa: S608 - the table name is a constant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=42)
    arguments = parser.parse_args()
    _setup_django()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale

    from search.backends.languages import configuration_for
    from search.backends.postgres import RANK_WEIGHTS
    from search.backends.words import query_words
    from ticker.models import TickerStoryPage

    if connection.vendor != "postgresql":
        raise SystemExit("The prototype is PostgreSQL's; set DATABASE_URL to a corpus copy.")
    locales = dict(Locale.objects.values_list("language_code", "pk"))
    content_type = ContentType.objects.get_for_model(TickerStoryPage).pk
    with connection.cursor() as cursor:
        started = time.perf_counter()
        cursor.execute(BUILD, {"content_type": content_type})
        cursor.execute(f"ANALYZE {TABLE}")
        cursor.execute(f"SELECT count(*) FROM {TABLE}")
        (rows,) = cursor.fetchone()
        print(f"built {TABLE}: {rows:,} stories in {time.perf_counter() - started:.0f} s")
        samples = []
        try:
            for language, query in benchmark_queries(arguments.seed):
                config = configuration_for(language)
                cursor.execute(
                    "SELECT plainto_tsquery(%s::regconfig, %s)::text",
                    [config, " ".join(query_words(query))],
                )
                (words,) = cursor.fetchone()
                prefixes = " & ".join(f"{lexeme}:*" for lexeme in words.split(" & "))
                parameters = {
                    "weights": RANK_WEIGHTS,
                    "config": config,
                    "prefixes": prefixes,
                    "words": words,
                    "locale": locales[language],
                }
                cursor.execute(SEARCH, parameters)  # warm
                count = int(next(row[2] for row in cursor.fetchall() if row[0] == "count"))
                for _ in range(3):
                    start = time.perf_counter()
                    cursor.execute(SEARCH, parameters)
                    cursor.fetchall()
                    samples.append(1000 * (time.perf_counter() - start))
                print(f"  {language} {query!r}: {count:,} hits, {samples[-1]:.1f} ms")
        finally:
            cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    ordered = sorted(samples)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    print(f"one statement p50 / p95 ms: {statistics.median(ordered):.1f} / {p95:.1f}")


if __name__ == "__main__":
    main()
