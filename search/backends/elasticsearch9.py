"""Wagtail's ``elasticsearch9`` backend, taught German and English.

Stock Wagtail analyses all languages alike with one ``standard`` analyser. This
backend keeps Wagtail's mapping, documents, atomic rebuilds and filters, and changes
what readers notice:

* every text field (and Wagtail's ``_all_text`` catch-all fields) has ``.de`` and
  ``.en`` sub-fields with German and English analysers (``elasticsearch_analysis``);
* a plain-text search reads the language from the queryset's ``locale`` filter and
  searches that language's sub-fields beside the folded main field, so "Innovationen"
  finds "Innovation", "Strasse" finds "Straße" and "Abfall" finds "Kunststoffabfälle";
* typos are tolerated (``fuzziness: AUTO``), exact words and whole phrases score
  higher, and the field boosts of ``search_fields`` (title, teaser, tags, companies,
  regions over the body) carry over;
* hits come back with highlighted fragments (``search_highlights`` on each result).

The client's major version must match the server's: elasticsearch-py 9 talks to
Elasticsearch 9 (see README, "Search on Elasticsearch").
"""

from typing import Any

from django.db.models import Lookup
from modelsearch.backends.base import FilterError
from wagtail.models import Locale
from wagtail.search.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
    Elasticsearch9SearchResults,
)
from wagtail.search.index import AutocompleteField, FilterField, SearchField
from wagtail.search.query import MatchAll, PlainText

from .elasticsearch_analysis import LANGUAGE_ANALYZERS, index_settings, text_field_mapping
from .languages import ReaderLanguageSearch

# How much more an exact (unfuzzy) match and a whole-phrase match weigh.
EXACT_BOOST = 2.0
PHRASE_BOOST = 3.0
# A word of a good match in a second field adds this share of that field's score.
TIE_BREAKER = 0.3
HIGHLIGHT_FRAGMENT_SIZE = 160


def language_of(language_code: str) -> str | None:
    """The analysed sub-field for a content language code (``de-at`` -> ``de``)."""
    language = language_code.split("-", 1)[0].lower()
    return language if language in LANGUAGE_ANALYZERS else None


class AllianceElasticsearchMapping(Elasticsearch9Mapping):
    """Wagtail's mapping with folded main fields and per-language sub-fields."""

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        if (
            isinstance(field, SearchField)
            and not isinstance(field, (AutocompleteField, FilterField))
            and mapping.get("type") == "text"
        ):
            mapping.update(text_field_mapping())
        return name, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, properties in mapping["properties"].items():
            if name == "_all_text" or name.startswith("_all_text_boost_"):
                properties.update(text_field_mapping())
        return mapping


class AllianceElasticsearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    """Searches the requested language's sub-fields, with typo tolerance and a phrase boost."""

    mapping_class = AllianceElasticsearchMapping

    def __init__(self, *args, language_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_code = language_code
        self.locale_ids: set[Any] = set()

    def _process_lookup(self, field_path, lookup, value, mapping=None, column_name_prefix=""):
        field = field_path[0]
        if getattr(field, "field_name", None) == "locale" and not column_name_prefix:
            values = value if lookup == "in" else [value] if lookup == "exact" else []
            if isinstance(values, (list, tuple, set)):
                self.locale_ids.update(getattr(item, "pk", item) for item in values)
        return super()._process_lookup(field_path, lookup, value, mapping, column_name_prefix)

    def _get_filters_from_where_node(self, where_node, check_only=False):
        """Wagtail drops every filter on a ``*_ptr_id`` column without a word.

        On a page type that includes ``TickerStoryPage.objects.filter(id__in=...)``,
        the story search's tag, region and company filters, which would then be
        ignored on Elasticsearch. ``page_ptr_id`` is the page's ``id``, an indexed
        filter field, so the lookup is applied to that.
        """
        column = getattr(where_node, "lhs", None)
        target = getattr(column, "target", None)
        if (
            isinstance(where_node, Lookup)
            and target is not None
            and target.attname.endswith("_ptr_id")
        ):
            id_field = self._get_filterable_field("id")
            if id_field is None:
                raise FilterError(f"{self.queryset.model.__name__} has no id filter field.")
            if check_only:
                return None
            return self._process_lookup([id_field], where_node.lookup_name, where_node.rhs)
        return super()._get_filters_from_where_node(where_node, check_only=check_only)

    def get_query(self):
        # Filters first: reading them tells which language the inner query is for.
        filters = self.get_filters()
        inner_query = self.get_inner_query()
        return {
            "bool": {"must": inner_query, "filter": filters[0] if len(filters) == 1 else filters}
        }

    def languages(self) -> list[str]:
        """Sub-fields to search: the language asked for, else the filtered locale's, else all."""
        codes = []
        if self.language_code:
            codes = [self.language_code]
        elif self.locale_ids:
            codes = Locale.objects.filter(pk__in=self.locale_ids).values_list(
                "language_code", flat=True
            )
        found = {language_of(code) for code in codes} - {None}
        return sorted(found) if found else sorted(LANGUAGE_ANALYZERS)

    def language_fields(self, fields) -> list[str]:
        """Each field as folded main field and as analysed sub-field, with its boost."""
        names = []
        languages = self.languages()
        for field in fields:
            names.append(field.field_name_with_boost)
            for language in languages:
                suffix = f"^{field.boost}" if field.boost != 1 else ""
                names.append(f"{field.field_name}.{language}{suffix}")
        return names

    def get_inner_query(self):
        if not isinstance(self.query, PlainText):
            return super().get_inner_query()
        fields = self.language_fields(self.remapped_fields)
        words = self.query.query_string
        must = {
            "query": words,
            "fields": fields,
            "fuzziness": "AUTO",
            "prefix_length": 1,
            "max_expansions": 20,
            "tie_breaker": TIE_BREAKER,
        }
        if self.query.operator != "or":
            must["operator"] = self.query.operator
        return {
            "bool": {
                "must": [{"multi_match": must}],
                "should": [
                    {
                        "multi_match": {
                            "query": words,
                            "fields": fields,
                            "tie_breaker": TIE_BREAKER,
                            "boost": EXACT_BOOST,
                        }
                    },
                    {
                        "multi_match": {
                            "query": words,
                            "fields": fields,
                            "type": "phrase",
                            "slop": 1,
                            "boost": PHRASE_BOOST,
                        }
                    },
                ],
            }
        }

    def get_highlight(self) -> dict[str, Any]:
        """Fragments of the model's own text fields, matches in <mark>, HTML-escaped."""
        fields: dict[str, dict] = {}
        for field in self.queryset.model.get_searchable_search_fields():
            column = self.mapping.get_field_column_name(field)
            fields[column] = {}
            for language in self.languages():
                fields[f"{column}.{language}"] = {}
        return {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "require_field_match": False,
            "fragment_size": HIGHLIGHT_FRAGMENT_SIZE,
            "number_of_fragments": 1,
            "fields": fields,
        }


class AllianceElasticsearchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    """Autocomplete matches edge n-grams, which are language-neutral."""

    mapping_class = AllianceElasticsearchMapping

    def __init__(self, *args, language_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)


class AllianceElasticsearchResults(Elasticsearch9SearchResults):
    """Wagtail's results, with highlighted fragments attached to each object."""

    def _get_es_body(self, for_count=False):
        body = super()._get_es_body(for_count=for_count)
        compiler = self.query_compiler
        if (
            not for_count
            and hasattr(compiler, "get_highlight")
            and not isinstance(compiler.query, MatchAll)
        ):
            body["highlight"] = compiler.get_highlight()
        return body

    def _get_results_from_hits(self, hits):
        highlights = {str(hit["fields"]["pk"][0]): hit.get("highlight", {}) for hit in hits}
        for obj in super()._get_results_from_hits(hits):
            obj.search_highlights = highlights.get(str(obj.pk), {})
            yield obj


class AllianceElasticsearchIndex(Elasticsearch9Index):
    pass


class AllianceElasticsearchBackend(ReaderLanguageSearch, Elasticsearch9SearchBackend):
    """Elasticsearch 9 with German and English analysis; configured in ``search.configuration``."""

    mapping_class = AllianceElasticsearchMapping
    index_class = AllianceElasticsearchIndex
    query_compiler_class = AllianceElasticsearchQueryCompiler
    autocomplete_query_compiler_class = AllianceElasticsearchAutocompleteQueryCompiler
    results_class = AllianceElasticsearchResults
    settings = index_settings(Elasticsearch9SearchBackend.settings)


SearchBackend = AllianceElasticsearchBackend
