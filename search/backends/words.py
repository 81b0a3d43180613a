"""Words of a query, the German folding the SQLite index is written in, and the
umlauts German readers spell out on keyboards without them."""

import re
import unicodedata

_WORD = re.compile(r"\w+")

MIN_PREFIX_LENGTH = 4
# One ending per word, longest first; the stem that is left keeps four letters or more.
INFLECTION_ENDINGS = ("ies", "ern", "en", "er", "es", "e", "n", "s", "y")

# Spelled-out umlauts and ß fold to the same letters as the umlauts themselves, so
# "Duesseldorf", "Düsseldorf" and "Dusseldorf" are one word, as are "Straße" and
# "Strasse". Applied alike to indexed text and queries, so English words that happen
# to contain "ae", "oe" or "ue" ("blue" -> "blu") still match themselves.
_SPELLED_UMLAUTS = re.compile(r"ae|oe|ue")
# Where German writes "ue" for "ü": not after a vowel or q ("neue", "Steuer", "Quelle"),
# the rule of Lucene's German normalisation (``elasticsearch_analysis.german_normalize``).
_UMLAUT_SPELLED_OUT = re.compile(r"ae|oe|(?<![aeiouyäöüq])ue")
_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü"}
_LIGATURES = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l"})


def query_words(text: str) -> list[str]:
    """The words of ``text``: no operators, quotes or punctuation reach a backend."""
    return _WORD.findall(text)


def fold(text: str) -> str:
    """Lower case, ß as ss, no diacritics, and ae/oe/ue as a/o/u.

    The SQLite index stores text folded like this, and queries are folded the same
    way, so readers find German words whichever of the usual spellings they type.
    """
    text = text.lower().translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPELLED_UMLAUTS.sub(lambda match: match.group()[0], stripped)


def prefix_of(word: str) -> str | None:
    """The stem a lower-case word matches as a prefix; None for a word too short to cut.

    A guess at stemming where no stemmer is at hand (SQLite, snippets): one common
    German or English inflection ending goes, so "innovationen" and "innovation"
    share the prefix "innovation", "batteries" and "battery" the prefix "batter".
    """
    if len(word) < MIN_PREFIX_LENGTH:
        return None
    for ending in INFLECTION_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PREFIX_LENGTH:
            return word[: -len(ending)]
    return word


def with_umlauts(word: str) -> str | None:
    """The lower-case word with spelled-out umlauts written as umlauts; None if it has none.

    "Muenster" -> "münster", "Koeln" -> "köln". For German queries on PostgreSQL, where
    ``unaccent`` folds "ü" to "u" but leaves "ue" alone: the query asks for either
    spelling, so a word that really is spelled with "ue" ("Quelle", or an English word
    in a German query) still finds itself.
    """
    lower = word.lower()
    spelled = _UMLAUT_SPELLED_OUT.sub(lambda match: _UMLAUTS[match.group()], lower)
    return spelled if spelled != lower else None
