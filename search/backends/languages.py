"""Which language a search speaks: per indexed page, and per query.

A page is analysed in its own locale's language. A query is analysed in the language
the caller asks for, passed as ``language_code`` to ``backend.search()`` and
``backend.autocomplete()``; without it, the language is read from an exact ``locale``
filter on the queryset (``TickerStoryPage.objects.filter(locale=german)``), and a
queryset that spans languages is searched in every language at once.
"""

from django.db.models.lookups import Exact, In
from wagtail.models import Locale

# PostgreSQL text search configurations, created by the alliance_search migrations:
# the built-in language rules (stemming, stop words) after ``unaccent``.
TEXT_SEARCH_CONFIGURATIONS = {
    "de": "alliance_german",
    "en": "alliance_english",
}
# For objects without a language (images, documents) and languages without rules.
NEUTRAL_CONFIGURATION = "alliance_simple"


def configuration_for(language_code: str | None) -> str:
    return TEXT_SEARCH_CONFIGURATIONS.get(language_code or "", NEUTRAL_CONFIGURATION)


def every_configuration() -> list[str]:
    return [*TEXT_SEARCH_CONFIGURATIONS.values(), NEUTRAL_CONFIGURATION]


class LocaleCodes:
    """Language codes of locale ids, read once per indexing batch or search."""

    def __init__(self):
        self._codes: dict[int, str] | None = None

    def __getitem__(self, locale_id: int | None) -> str | None:
        if locale_id is None:
            return None
        if self._codes is None or locale_id not in self._codes:
            self._codes = dict(Locale.objects.values_list("pk", "language_code"))
        return self._codes.get(locale_id)


def language_of(obj, codes: LocaleCodes) -> str | None:
    """The language an object is written in: its locale's, if it has one."""
    locale_id = getattr(obj, "locale_id", None)
    return codes[locale_id] if locale_id is not None else None


def queryset_language(queryset) -> str | None:
    """The one language an exact ``locale`` filter of ``queryset`` restricts it to.

    None when the queryset has no such filter, or filters on several locales.
    """
    locale_ids = set(_locale_filter_values(queryset.query.where))
    if len(locale_ids) != 1:
        return None
    (locale_id,) = locale_ids
    return LocaleCodes()[locale_id]


def _locale_filter_values(node):
    """Locale ids compared with ``=`` (or ``IN`` one value) in ANDed parts of a where tree."""
    if getattr(node, "connector", "AND") != "AND" or getattr(node, "negated", False):
        return
    for child in getattr(node, "children", ()):
        if hasattr(child, "children"):
            yield from _locale_filter_values(child)
            continue
        target = getattr(getattr(child, "lhs", None), "target", None)
        if getattr(target, "name", None) != "locale":
            continue
        if isinstance(child, Exact) and isinstance(child.rhs, int | Locale):
            yield getattr(child.rhs, "pk", child.rhs)
        elif isinstance(child, In) and isinstance(child.rhs, list | tuple | set):
            values = list(child.rhs)
            if len(values) == 1 and isinstance(values[0], int | Locale):
                yield getattr(values[0], "pk", values[0])


class ReaderLanguageSearch:
    """Wagtail's ``search()`` and ``autocomplete()`` with one more argument, the
    reader's language, handed on to the query compiler.

    Stock backends cannot be told the language: one configuration serves every
    locale. ``search_stories`` passes ``language_code`` to any backend that says it
    understands languages; the compiler then parses the query with that language's
    rules. Mixed in before the backend class."""

    understands_languages = True

    def search(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        language_code: str | None = None,
    ):
        return self._search(
            self.query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            language_code=language_code,
        )

    def autocomplete(
        self,
        query,
        model_or_queryset,
        fields=None,
        operator=None,
        order_by_relevance=True,
        language_code: str | None = None,
    ):
        return self._search(
            self.autocomplete_query_compiler_class,
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
            language_code=language_code,
        )
