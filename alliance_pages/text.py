"""German text handling: slugs people can type, and sorting as a German reader expects."""

import unicodedata

from django.utils.text import slugify

# The spelling Germans use when umlauts are unavailable: Düsseldorf -> Duesseldorf.
GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def german_slugify(text: str) -> str:
    """``Kunststoffabfälle in Düsseldorf`` -> ``kunststoffabfaelle-in-duesseldorf``.

    Django's slugify drops umlauts (``dusseldorf``), which reads wrongly in German.
    """
    return slugify(text.translate(GERMAN_TRANSLITERATION))


def german_sort_key(text: str) -> str:
    """DIN 5007-1 order: umlauts sort with their base letter, ß as ss, case ignored."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "SS"))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
