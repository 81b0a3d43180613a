"""FTS5 query strings from what a reader types: folded words, stems as prefixes.

Kept apart from the SQLite backend so it can be read and tested on any database.
"""

from .words import fold, prefix_of, query_words

STOP_WORDS = frozenset(
    fold(word)
    for word in [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "und",
        "oder",
        "für",
        "mit",
        "von",
        "vom",
        "zum",
        "zur",
        "im",
        "in",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "nach",
        "über",
        "unter",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
    ]
)


def search_words(text: str) -> list[str]:
    """Folded words of a query, without stop words unless nothing else is left."""
    words = [fold(word) for word in query_words(text)]
    return [word for word in words if word not in STOP_WORDS] or words


def match_string(
    words: list[str],
    operator: str,
    *,
    prefixes: bool = True,
    columns: tuple[str, ...] = ("title", "body"),
    last_word_prefix: bool = False,
) -> str:
    """An FTS5 query over ``columns``. Words are ``\\w+``, so they are safe in quotes.

    Search matches each word's stem as a prefix (``prefixes``); autocomplete matches
    only the last, unfinished word as a prefix, as typed (``last_word_prefix``).
    """
    terms = []
    for position, word in enumerate(words):
        if last_word_prefix:
            stem = word if position == len(words) - 1 else None
        else:
            stem = prefix_of(word) if prefixes else None
        terms.append(f'"{stem}"*' if stem else f'"{word}"')
    joiner = " AND " if operator.lower() == "and" else " OR "
    return "{" + " ".join(columns) + "} : (" + joiner.join(terms) + ")"
