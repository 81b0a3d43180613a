"""The words the database search index holds, per language, and corrections to them.

Readers mistype ("Battarie", "Duisbrug", "Kunstoff"); neither PostgreSQL's full-text
search nor SQLite's FTS5 forgives that. So the database backends keep a lexicon
(``LexiconWord``): every word of the live objects they index, folded, per language,
added at index time with one ``INSERT … ON CONFLICT DO NOTHING`` per batch (its cost
does not grow with the corpus) and rebuilt by ``update_index``.

When a search finds nothing, ``corrections`` looks up, in one indexed query, each
query word the lexicon does not know (no lexicon word starts with its stem, which is
how the search matches it) and the words that look like it: on PostgreSQL the nearest
by trigram similarity (``pg_trgm``) with the same first letter, on SQLite the words of
about its length that begin with the same two letters. Of those, the closest by edit
distance wins, within one edit for words of up to five letters and two for longer ones
(as Elasticsearch's ``fuzziness: AUTO``). Words shorter than four letters and words
with digits stay as typed. A typo in the first letter (on SQLite, the first two:
"Ubwelt") is not corrected; spelling correctors keep the first letter for the same
reason, or "Abfall" would become "Fall".
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from django.conf import settings
from django.db import connections

from .backends.words import fold, prefix_of
from .models import LexiconWord

MIN_RECORDED_LENGTH = 3
MAX_RECORDED_LENGTH = LexiconWord._meta.get_field("word").max_length
MIN_CORRECTED_LENGTH = 4
# More words than this in one query are left as typed: a long query that finds
# nothing is rarely one typo away from a hit.
MAX_CORRECTED_WORDS = 8
# Candidates per word, nearest first, before edit distance chooses among them.
CANDIDATES = 10
# SQLite: candidates share this many first letters and differ in length by at most
# the edits allowed.
SQLITE_SHARED_START = 2
LEXICON_TABLE = LexiconWord._meta.db_table

_WORD = re.compile(r"\w+")


def allowed_edits(word: str) -> int:
    return 1 if len(word) <= 5 else 2


@lru_cache(maxsize=65536)
def lexicon_form(word: str) -> str:
    """The form the lexicon compares words in; cached, since a corpus repeats its words."""
    return fold(word)


def is_correctable(word: str) -> bool:
    return word.isalpha() and len(lexicon_form(word)) >= MIN_CORRECTED_LENGTH


# --- Recording ----------------------------------------------------------------------


def record_words(texts: Iterable[tuple[str, str]], using: str) -> None:
    """Adds the words of ``(language, text)`` pairs to the lexicon; one query.

    Words already there stay as they are, with the spelling first seen.
    """
    rows: dict[tuple[str, str], str] = {}
    for language, text in texts:
        for word in _WORD.findall(text):
            if MIN_RECORDED_LENGTH <= len(word) < MAX_RECORDED_LENGTH and word.isalpha():
                form = lexicon_form(word)
                if MIN_RECORDED_LENGTH <= len(form) <= MAX_RECORDED_LENGTH:
                    rows.setdefault((language, form), word.lower())
    if rows:
        LexiconWord.objects.using(using).bulk_create(
            (
                LexiconWord(language=language, word=word, spelling=spelling)
                for (language, word), spelling in rows.items()
            ),
            ignore_conflicts=True,
        )


def forget_words(using: str) -> None:
    """Empties the lexicon, before ``update_index`` fills it again from every object."""
    LexiconWord.objects.using(using).all()._raw_delete(using=using)


# --- Correcting ---------------------------------------------------------------------


def corrections(words: Sequence[str], language: str | None, using: str) -> dict[int, str]:
    """Replacements for the query words (by position) the lexicon does not know.

    One query, and none when no word could be corrected. ``language`` None searches
    the lexicon of every language.
    """
    wanted = {
        position: lexicon_form(word)
        for position, word in enumerate(words[:MAX_CORRECTED_WORDS])
        if is_correctable(word)
    }
    if not wanted:
        return {}
    languages = [language] if language is not None else _every_language()
    connection = connections[using]
    if connection.vendor == "postgresql":
        candidates = _postgres_candidates(wanted, languages, connection)
    elif connection.vendor == "sqlite":
        candidates = _sqlite_candidates(wanted, languages, connection)
    else:
        return {}
    replacements = {}
    for position, found in candidates.items():
        spelling = closest(wanted[position], found)
        if spelling is not None:
            replacements[position] = in_the_case_of(words[position], spelling)
    return replacements


def _every_language() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] + [""]


def _known_range(form: str) -> tuple[str, str]:
    """The lexicon words that start with the stem the search matches ``form`` by."""
    stem = prefix_of(form) or form
    return stem, stem[:-1] + chr(ord(stem[-1]) + 1)


def _postgres_candidates(wanted, languages, connection) -> dict[int, list[tuple[str, str]]]:
    """For each unknown word, the nearest lexicon words by trigram similarity that
    begin with its first letter.

    The trigram index serves ``%``; the unique index on (language, word) tells whether
    a word is known, as a one-time filter of each word's lateral subquery.
    """
    positions = list(wanted)
    lows, highs = zip(*(_known_range(wanted[position]) for position in positions), strict=True)
    sql = f"""
        SELECT q.position, near.word, near.spelling
        FROM unnest(%s::int[], %s::text[], %s::text[], %s::text[]) AS q(position, word, low, high)
        CROSS JOIN LATERAL (
            SELECT l.word, l.spelling
            FROM {LEXICON_TABLE} l
            WHERE l.word %% q.word AND left(l.word, 1) = left(q.word, 1)
              AND l.language = ANY(%s)
              AND NOT EXISTS (
                  SELECT 1 FROM {LEXICON_TABLE} k
                  WHERE k.language = ANY(%s) AND k.word >= q.low AND k.word < q.high
              )
            ORDER BY similarity(l.word, q.word) DESC, l.word
            LIMIT %s
        ) near
        ORDER BY q.position
    """  # noqa: S608 - the table name comes from the model, values are parameters
    params = [
        positions,
        [wanted[position] for position in positions],
        list(lows),
        list(highs),
        languages,
        languages,
        CANDIDATES,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _by_position(rows)


def _sqlite_candidates(wanted, languages, connection) -> dict[int, list[tuple[str, str]]]:
    """For each unknown word, the lexicon words of about its length with its first letters.

    Both the candidates and the known check are ranges of the unique index on
    (language, word), so each costs a short index scan.
    """
    marks = ", ".join("%s" for _language in languages)
    parts, params = [], []
    for position, form in wanted.items():
        low, high = _known_range(form)
        start = form[:SQLITE_SHARED_START]
        edits = allowed_edits(form)
        parts.append(
            f"""SELECT * FROM (
                SELECT %s, word, spelling FROM {LEXICON_TABLE}
                WHERE language IN ({marks}) AND word >= %s AND word < %s
                  AND length(word) BETWEEN %s AND %s
                  AND NOT EXISTS (
                      SELECT 1 FROM {LEXICON_TABLE}
                      WHERE language IN ({marks}) AND word >= %s AND word < %s
                  )
                LIMIT 200
            )"""  # noqa: S608 - the table name comes from the model, values are parameters
        )
        params += [position, *languages, start, start[:-1] + chr(ord(start[-1]) + 1)]
        params += [len(form) - edits, len(form) + edits, *languages, low, high]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    return _by_position(rows)


def _by_position(rows) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for position, word, spelling in rows:
        found.setdefault(position, []).append((word, spelling))
    return found


def closest(form: str, candidates: Sequence[tuple[str, str]]) -> str | None:
    """The spelling of the candidate fewest edits from ``form``, within the allowed edits.

    Ties go to the earlier candidate (on PostgreSQL, the more similar by trigrams).
    """
    limit = allowed_edits(form)
    best, best_distance = None, limit + 1
    for word, spelling in candidates:
        distance = edit_distance(form, word, best_distance - 1)
        if distance < best_distance:
            best, best_distance = spelling, distance
    return best


def edit_distance(first: str, second: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours from one to the
    other (optimal string alignment); ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            cost = char != other
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (
                before is not None
                and i > 1
                and j > 1
                and char == second[j - 2]
                and first[i - 2] == other
            ):
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def in_the_case_of(typed: str, spelling: str) -> str:
    """``spelling`` capitalised the way the reader typed: "Battarie" -> "Batterie"."""
    if len(typed) > 1 and typed.isupper():
        return spelling.upper()
    if typed[:1].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


def corrected_text(words: Sequence[str], replacements: Mapping[int, str]) -> str:
    return " ".join(replacements.get(position, word) for position, word in enumerate(words))
