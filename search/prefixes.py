"""A story search's prefix terms as the index's own lexemes, on PostgreSQL.

Every query word is a prefix (``'dusseldorf':*``), so that "Kunststoff" finds
"Kunststoffabfälle". A GIN index cannot walk the posting list of a prefix: it reads
every entry the prefix matches into a bitmap first. For a word in half the stories
("Düsseldorf", in 102,338 of 200,000 story pages at 100,000 stories) that bitmap
made "plastic Düsseldorf" slow, however rare the other word: counting the match
took 47 ms. Written as the lexemes the prefix stands for, ``'dusseldorf' |
'dusseldorfer'``, the index skips through the frequent word's posting tree to the
rare one's entries: 14 ms, and inside the story search the index scan went from
19.6 to 2.8 ms.

``IndexLexeme`` holds every lexeme of the story documents' vectors, written with
them (``search.story_documents``); a lexeme whose last story is gone stays and
matches nothing, so the rewritten match finds exactly what the prefix finds. A
prefix that stands for more than ``MAX_LEXEMES`` lexemes stays a prefix, so that the
rewritten query stays short. Ranking keeps the prefix query; only the match is
rewritten. A story indexed between the two queries of one search, with a new word
the prefix stands for, is found from the next search on.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models.sql import Query

from .models import IndexLexeme, StoryDocument

TABLE = IndexLexeme._meta.db_table
MAX_LEXEMES = 16
# A prefix term in the text form of a tsquery: the lexeme quoted, quotes doubled; one
# restricted to weights (``:*AB``) is left as it is.
PREFIX_TERM = re.compile(r"'((?:[^']|'')+)':\*(?![A-Da-d])")

# Every lexeme of these story documents' vectors (``%(page_ids)s``, or all of them).
RECORD = f"""
INSERT INTO {TABLE} (lexeme)
SELECT DISTINCT unnest(tsvector_to_array(document.title) || tsvector_to_array(document.body))
FROM {StoryDocument._meta.db_table} document
WHERE %(every)s OR document.page_id = ANY(%(page_ids)s)
ON CONFLICT (lexeme) DO NOTHING
"""  # noqa: S608 - table names from the models, values as parameters

# The text of a match (``{match}``), of other queries (``{also}``) and, per prefix in
# the match, up to MAX_LEXEMES + 1 of
# the lexemes beginning with it: in the C collation a string that begins with the
# prefix sorts from the prefix itself up to the prefix followed by the last code point
# (U+10FFFF), a range of the primary key's index. The regular expression is
# PREFIX_TERM's, its quotes doubled for SQL.
EXPANSIONS = f"""
WITH match AS (SELECT ({{match}})::text AS text, ARRAY[{{also}}]::text[] AS also)
SELECT match.text, match.also, prefix, ARRAY(
    SELECT lexeme FROM {TABLE}
    WHERE lexeme >= prefix AND lexeme < prefix || chr(1114111)
    ORDER BY lexeme LIMIT {MAX_LEXEMES + 1}
)
FROM match LEFT JOIN LATERAL (
    SELECT DISTINCT replace(term[1], '''''', '''') AS prefix
    FROM regexp_matches(match.text, '''((?:[^'']|'''')+)'':\\*', 'g') AS term
) prefixes ON true
"""  # noqa: S608 - table name from the model; the match compiled by Django


def record_lexemes(cursor, page_ids: list[int] | None) -> None:
    """Keep the lexemes of these documents (``None``: of every document)."""
    cursor.execute(RECORD, {"every": page_ids is None, "page_ids": page_ids or []})


class TextSearchQuery(SearchQuery):
    """A tsquery given in its text form, taken as it is (no parsing, no stemming)."""

    def __init__(self, text: str):
        super().__init__(text, search_type="raw")
        self.text = text

    def as_sql(self, compiler, connection):
        return "%s::tsquery", [self.text]


@dataclass(frozen=True)
class Expansion:
    """A match with its prefixes written out, and what the lexemes showed of it."""

    match: SearchQuery
    # No prefix of the match stands for a lexeme other than its own word ("recoveri"
    # for 'recoveri':*), so the prefix query matches the same lexemes of every story
    # as the whole words do, and ranks each story the same (``rank`` in
    # ``search.backends.postgres`` then ranks it once instead of twice).
    prefixes_are_words: bool
    # The text forms of the other queries asked for (``expand``'s ``also``).
    also: tuple[str, ...] = ()


def expand(match: SearchQuery, using: str, *also: SearchQuery) -> Expansion:
    """``match`` with each prefix that stands for a few lexemes written as those
    lexemes, ORed (the same stories match); whether the prefixes stand for their own
    words alone; and the text forms of ``also``. One query reads the texts and the
    lexemes of the prefixes."""
    query = Query(None)
    compiler = query.get_compiler(using=using)
    sql, params = compiler.compile(match.resolve_expression(query))
    others = [compiler.compile(other.resolve_expression(query)) for other in also]
    statement = EXPANSIONS.format(
        match=sql, also=", ".join(f"({other})::text" for other, _params in others)
    )
    params = (*params, *(param for _sql, other_params in others for param in other_params))
    with connections[using].cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    text, texts = rows[0][0], tuple(rows[0][1])
    expansions = {prefix: lexemes for _text, _also, prefix, lexemes in rows if prefix is not None}
    # Every prefix is one PREFIX_TERM recognises (none restricted to weights), and no
    # lexeme other than the prefix itself begins with it.
    prefixes_are_words = text.count("':*") == len(PREFIX_TERM.findall(text)) and all(
        set(lexemes) <= {prefix} for prefix, lexemes in expansions.items()
    )
    if not expansions:
        return Expansion(match, prefixes_are_words, texts)

    def written_out(term: re.Match) -> str:
        lexemes = expansions.get(term.group(1).replace("''", "'"), [])
        if not lexemes or len(lexemes) > MAX_LEXEMES:
            return term.group(0)
        return "( " + " | ".join(_quoted(lexeme) for lexeme in lexemes) + " )"

    written = TextSearchQuery(PREFIX_TERM.sub(written_out, text))
    return Expansion(written, prefixes_are_words, texts)


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("'", "''") + "'"
