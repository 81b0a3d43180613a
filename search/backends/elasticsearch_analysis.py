"""Elasticsearch index settings that analyse German as German and English as English.

Stock Wagtail indexes every language with the ``standard`` analyser: no stemming, so
"Innovationen" misses "Innovation", and no folding, so "Dusseldorf" misses
"Düsseldorf". Here every text field carries two sub-fields, ``.de`` and ``.en``, each
with its language's analyser, and the main field folds case and diacritics for any
language. The query compiler (``search.backends.elasticsearch9``) searches the
sub-field of the requested language.

German also glues words together ("Kunststoffabfälle"): a ``dictionary_decompounder``
splits off the parts listed in ``search/data/german_compound_parts.txt``. The list is
shipped inline in the index settings, so the cluster needs no file of ours.
"""

from copy import deepcopy
from functools import cache
from pathlib import Path
from typing import Any

COMPOUND_PARTS_FILE = Path(__file__).resolve().parent.parent / "data" / "german_compound_parts.txt"

GERMAN_ANALYZER = "alliance_german"
ENGLISH_ANALYZER = "alliance_english"
FOLDING_ANALYZER = "alliance_folding"
# Sub-field name -> analyser; the sub-field names are the content languages' codes.
LANGUAGE_ANALYZERS = {"de": GERMAN_ANALYZER, "en": ENGLISH_ANALYZER}


def german_normalize(word: str) -> str:
    """What Elasticsearch's ``german_normalization`` filter makes of a lower-case word.

    A port of Lucene's GermanNormalizationFilter: ä/ö/ü lose their dots, ß becomes ss,
    and "ae", "oe", "ue" become a, o, u (but not the "ue" in "que" or "aue"). The
    decompounder runs after that filter, so its word list must be normalised the same
    way, or "kunststoffabfaelle" would not split.
    """
    ordinary, after_u_like, after_vowel = 0, 1, 2
    state = ordinary
    out: list[str] = []
    for char in word:
        if char in "ao":
            state = after_u_like
            out.append(char)
        elif char == "u":
            state = after_u_like if state == ordinary else after_vowel
            out.append(char)
        elif char in "iqy":
            state = after_vowel
            out.append(char)
        elif char == "e":
            if state != after_u_like:
                out.append(char)
            state = after_vowel
        elif char in "äöü":
            out.append({"ä": "a", "ö": "o", "ü": "u"}[char])
            state = after_vowel
        elif char == "ß":
            out.append("ss")
            state = ordinary
        else:
            out.append(char)
            state = ordinary
    return "".join(out)


@cache
def german_compound_parts() -> tuple[str, ...]:
    """The word list, normalised like the tokens it is matched against, sorted, unique."""
    words = set()
    for line in COMPOUND_PARTS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(german_normalize(word))
    return tuple(sorted(words))


def analysis_settings() -> dict[str, Any]:
    """The ``settings.analysis`` additions: filters and the three analysers."""
    return {
        "filter": {
            "alliance_german_stop": {"type": "stop", "stopwords": "_german_"},
            "alliance_german_decompounder": {
                "type": "dictionary_decompounder",
                "word_list": list(german_compound_parts()),
                "min_subword_size": 4,
                "only_longest_match": True,
            },
            "alliance_german_stemmer": {"type": "stemmer", "language": "light_german"},
            "alliance_english_stop": {"type": "stop", "stopwords": "_english_"},
            "alliance_english_possessive": {"type": "stemmer", "language": "possessive_english"},
            "alliance_english_stemmer": {"type": "stemmer", "language": "english"},
        },
        "analyzer": {
            FOLDING_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": ["lowercase", "german_normalization", "asciifolding"],
            },
            GERMAN_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                # Stop words before folding ("für" is a stop word, "fur" is not);
                # decompounding after folding, so "abfaelle" and "abfälle" split alike.
                "filter": [
                    "lowercase",
                    "alliance_german_stop",
                    "german_normalization",
                    "asciifolding",
                    "alliance_german_decompounder",
                    "alliance_german_stemmer",
                ],
            },
            ENGLISH_ANALYZER: {
                "type": "custom",
                "tokenizer": "standard",
                "filter": [
                    "alliance_english_possessive",
                    "lowercase",
                    "alliance_english_stop",
                    "asciifolding",
                    "alliance_english_stemmer",
                ],
            },
        },
    }


def index_settings(base: dict[str, Any]) -> dict[str, Any]:
    """Wagtail's index settings (``base``) with the alliance's analysis merged in."""
    settings = deepcopy(base)
    analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
    for section, entries in analysis_settings().items():
        analysis.setdefault(section, {}).update(entries)
    return settings


def text_field_mapping() -> dict[str, Any]:
    """A text field: folded in the main field, analysed per language in sub-fields."""
    return {
        "type": "text",
        "analyzer": FOLDING_ANALYZER,
        "fields": {
            language: {"type": "text", "analyzer": analyzer}
            for language, analyzer in LANGUAGE_ANALYZERS.items()
        },
    }
