"""German compounds split into the parts a reader searches for, for the database backends.

German glues words together: a story about "Kunststoffabfälle" should be found by
"Abfall", one about "Batterierecycling" by "Recycling". Prefix matching finds the
first part of a compound ("Kunststoff"), never the others. So the database backends
index the parts of every compound in a German page as extra words of its body (body
weight, so a page with the whole word in its title still ranks first).

The parts come from the word list Elasticsearch's decompounder uses
(``search/data/german_compound_parts.txt``, read by ``german_compound_parts``), split
the way the decompounder splits with ``only_longest_match``: at every position of a
word, the longest listed part that starts there. Parts shorter than four letters are
not in the list ("Zug" would split "Anzug" and "Zugang"), and a part is only split off
a word at least three letters longer than it, so inflected forms ("Projekte") stay
whole: prefix matching already finds those.
"""

import re
from functools import cache, lru_cache

from .backends.elasticsearch_analysis import german_compound_parts, german_normalize

# A part must leave this much of the word; "projekte" is no compound of "projekt".
MIN_REST_LENGTH = 3
_WORD = re.compile(r"\w+")


@cache
def _parts_by_length() -> tuple[frozenset[str], int, int]:
    parts = frozenset(german_compound_parts())
    return parts, min(map(len, parts)), max(map(len, parts))


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The listed parts of one word, normalised like the list ("abfalle"), in order.

    Empty for a word that holds no listed part with three letters to spare. Listed
    words split too ("Chemiepark" into "chemie" and "park"). Cached: a corpus repeats
    its words, so indexing splits each word once per process.
    """
    word = german_normalize(word.lower())
    parts, shortest, longest = _parts_by_length()
    if len(word) < shortest + MIN_REST_LENGTH:
        return ()
    found = []
    widest = min(longest, len(word) - MIN_REST_LENGTH)
    for start in range(len(word) - shortest + 1):
        for end in range(min(len(word), start + widest), start + shortest - 1, -1):
            if word[start:end] in parts:
                found.append(word[start:end])
                break
    return tuple(found)


def compound_parts_of_text(text: str) -> list[str]:
    """The parts of every compound in ``text``, each once, in order of appearance."""
    seen: dict[str, None] = {}
    shortest = _parts_by_length()[1] + MIN_REST_LENGTH
    for word in _WORD.findall(text):
        if len(word) >= shortest and word.isalpha():
            seen.update(dict.fromkeys(compound_parts(word)))
    return list(seen)
