"""PostgreSQL full-text search with one language per page and per query.

Stock Wagtail analyses every page with one text search configuration. Here each
page's text is analysed with its own locale's configuration (``alliance_german``,
``alliance_english``: the built-in stemmers after ``unaccent``, created by the
``alliance_search`` migrations), and a query is parsed with the configuration of the
language it asks for (see ``search.backends.languages``). Everything that varies per
search lives on the query compiler, one per ``search()`` call, so the shared backend
holds no request state and is safe across threads.

Matching: every word of the query, stemmed, as a prefix (``'kunststoff':*`` finds
"Kunststoffabfälle", ``'wasserstoff':*`` "Wasserstoffzug"); words shorter than
``MIN_PREFIX_LENGTH`` must match whole. Ranking over title and body together, with
the title weighted A, the other boosted fields (teaser, tags, companies, regions) B
and the body D; whole-word matches add to prefix matches, and the query as a phrase
adds more.

German, beyond stemming and ``unaccent`` (umlauts and ß folded):

* Compounds: a German page's body vector also holds the parts of its compounds
  (``search.compounds``, the word list of the Elasticsearch decompounder), at body
  weight: "Abfall" finds "Kunststoffabfälle", "Recycling" "Batterierecycling", and a
  page with the whole word in its title still ranks first.
* Spelled-out umlauts: in a German query, a word with "ae", "oe" or "ue" asks for
  either spelling ("Muenster" or "Münster"; not after a vowel or q: "neue",
  "Quelle"). English queries keep their words as typed ("blue", "does").
* Typos: a plain-text search that finds nothing is run again with its unknown words
  corrected from the lexicon of indexed words, nearest by trigram similarity
  (``pg_trgm``; ``search.lexicon``, ``search.backends.typos``); the results say so in
  ``corrected_query``.

What it cannot do: split a compound in the query ("Wärmenetz" does not find
"Fernwärmenetz", though "Netz" does), split compounds of parts missing from the word
list, or correct a typo in a word's first letter.
"""

from dataclasses import dataclass
from functools import cached_property, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, FloatField, Func
from django.db.models.functions import Cast
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

from .. import lexicon, prefixes, story_documents
from ..compounds import compound_parts_of_text
from ..rows import integers
from .languages import (
    NEUTRAL_CONFIGURATION,
    TEXT_SEARCH_CONFIGURATIONS,
    LocaleCodes,
    ReaderLanguageSearch,
    configuration_for,
    every_configuration,
    language_of,
    queryset_language,
)
from .ranked_pages import in_rank_order
from .ts_rank import ranks_alike
from .typos import CorrectingResults, CorrectsTypos, KeepsLexicon
from .words import query_words, with_umlauts

# Words this short match whole only: "Tag" must not find "Tagung" and "Tagebau".
MIN_PREFIX_LENGTH = 4
# ts_rank weights for D, C, B, A.
RANK_WEIGHTS = "{0.1, 0.2, 0.6, 1.0}"
TITLE_WEIGHT = "A"
BOOSTED_WEIGHT = "B"
BODY_WEIGHT = "D"
# How much a match of the whole query as a phrase counts beside its words.
PHRASE_RANK_FACTOR = 2.0
# Pages in this language get their compounds split; queries parsed with this
# configuration accept spelled-out umlauts.
COMPOUND_LANGUAGE = "de"
UMLAUT_CONFIGURATION = TEXT_SEARCH_CONFIGURATIONS[COMPOUND_LANGUAGE]


class LanguageIndexer(ObjectIndexer):
    """Prepares one object's vectors in its own language, weighted by field role.

    The body vector of a German page also holds the parts of its compounds
    (``search.compounds``), weighted as body text.
    """

    def __init__(self, obj, backend, codes: LocaleCodes):
        super().__init__(obj, backend)
        self.language = language_of(obj, codes)
        self.config = configuration_for(self.language)

    def prepare_field(self, obj, field):
        for current, _weight, value in super().prepare_field(obj, field):
            yield current, self._weight(current), value

    @cached_property
    def body(self):
        texts = [
            (value, weight)
            for field in self.search_fields
            for current, weight, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField) and current.field_name != "title"
        ]
        if self.language == COMPOUND_LANGUAGE:
            parts = compound_parts_of_text(f"{self.title_text} {self.body_text}")
            texts.append((" ".join(parts), BODY_WEIGHT))
        return self.as_vector(texts)

    @staticmethod
    def _weight(field) -> str:
        if isinstance(field, AutocompleteField):
            return BODY_WEIGHT
        if field.field_name == "title":
            return TITLE_WEIGHT
        return BOOSTED_WEIGHT if (field.boost or 1) > 1 else BODY_WEIGHT


class LanguagePostgresIndex(KeepsLexicon, PostgresIndex):
    indexer_class = LanguageIndexer

    def add_items(self, model, objs):
        """Stock ``add_items`` with a language per object: one upsert per batch."""
        if not model.get_search_fields():
            return
        codes = LocaleCodes()
        indexers = [self.indexer_class(obj, self.backend, codes) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id,
                    title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values as parameters
                params,
            )
        story_documents.follow_index(
            model, (indexer.id for indexer in indexers), content_type_pk, self.write_connection
        )
        lexicon.record_words(
            (
                (indexer.language or "", f"{indexer.title_text} {indexer.body_text}")
                for indexer in indexers
                if getattr(indexer.obj, "live", True)
            ),
            using=self.write_connection.alias,
        )

    def delete_item(self, item):
        super().delete_item(item)
        story_documents.forget(item, self.write_connection)

    def reset(self):
        super().reset()
        story_documents.forget_all(self.write_connection)

    def _refresh_title_norms(self, full=False):
        """Nothing to do: the ranking here weighs fields by role, not by ``title_norm``.

        Stock Wagtail rescans the whole index table after every save to recompute the
        norms, so each save costs more than the one before; skipping it keeps
        indexing cost per story flat as the corpus grows.
        """


class LanguageQueryMixin:
    """Parses plain-text queries in the caller's language, or in every language."""

    LAST_TERM_IS_PREFIX = False

    def __init__(self, *args, language_code: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_code = language_code or queryset_language(self.queryset)
        self.sql_weights = RANK_WEIGHTS

    def get_config(self, backend):
        return configuration_for(self.language_code) if self.language_code else None

    def configurations(self, config) -> list[str]:
        """One configuration when the language is known; every one otherwise."""
        return [config] if config else every_configuration()

    def words_query(self, query: PlainText, config, *, invert=False, prefix=True):
        """Every (or any) word of ``query``, ORed over the candidate configurations.

        Whole queries are ORed rather than single words, so that a German stop word
        ("der" in "Tag der Industrie") drops out of the German query instead of being
        required through the English one. In the German query a word with a
        spelled-out umlaut asks for either spelling ("Muenster" or "Münster").
        """
        words = query_words(query.query_string)
        if not words:
            return None
        combine = and_ if query.operator.lower() == "and" else or_
        last = len(words) - 1

        def lexeme(position: int, word: str, each: str):
            if self.LAST_TERM_IS_PREFIX:
                as_prefix = position == last
            else:
                as_prefix = prefix and len(word) >= MIN_PREFIX_LENGTH
            typed = Lexeme(word, invert=invert, prefix=as_prefix)
            umlauts = with_umlauts(word) if each == UMLAUT_CONFIGURATION else None
            if umlauts is None:
                return typed
            spelled = Lexeme(umlauts, invert=invert, prefix=as_prefix)
            # Not this word means neither spelling.
            return typed & spelled if invert else typed | spelled

        return reduce(
            or_,
            (
                SearchQuery(
                    reduce(combine, (lexeme(n, word, each) for n, word in enumerate(words))),
                    search_type="raw",
                    config=each,
                )
                for each in self.configurations(config)
            ),
        )

    def phrase_query(self, text: str, config):
        return reduce(
            or_,
            (
                SearchQuery(text, search_type="phrase", config=each)
                for each in self.configurations(config)
            ),
        )

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            return self.words_query(query, config, invert=invert)
        if isinstance(query, Phrase):
            return self.phrase_query(query.query_string, config)
        return super().build_tsquery_content(query, config=config, invert=invert)


def primary_key_column(model):
    """The column the index's text object ids are cast to: a page type's ``page_ptr``
    points at ``Page.id``; ``Page`` itself, images and documents have their own id."""
    primary_key = model._meta.pk
    return getattr(primary_key, "target_field", primary_key)


class LanguageSearchQueryCompiler(CorrectsTypos, LanguageQueryMixin, PostgresSearchQueryCompiler):
    def ranks_in_index(self) -> bool:
        """A plain-text query over every field: the case ranked inside the index table."""
        return (
            isinstance(self.query, PlainText)
            and self.fields is None
            and bool(query_words(self.query.query_string))
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.ranks_in_index():
            return super().search(config, start, stop, score_field=score_field, backend=backend)

        matched = self.words_query(self.query, config)
        queryset = self.queryset.filter(pk__in=self.matching_object_ids(matched))
        if self.order_by_relevance and stop is not None:
            return self.ranked_page(matched, config, start, stop, score_field)
        document = F("index_entries__title")._combine(F("index_entries__body"), "||", False)
        rank = self.rank(document, matched, config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def document_match(self):
        """(match, score) of this query as expressions over a table with ``title`` and
        ``body`` vectors copied from the index (``search.story_documents``), ranked as
        ``ranked_entries`` ranks; the match with its prefixes written out as the
        lexemes they stand for (``search.prefixes``), which finds the same stories."""
        config = self.get_config(None)
        matched = self.words_query(self.query, config)
        phrase = self.phrase(config)
        # The words' and the phrase's text forms come with the prefixes' lexemes.
        compared = (
            () if phrase is None else (self.words_query(self.query, config, prefix=False), phrase)
        )
        expansion = prefixes.expand(matched, self.queryset.db, *compared)
        alike = RanksAlike(
            prefixes_are_words=expansion.prefixes_are_words,
            phrase_is_words=phrase is not None and ranks_alike(*expansion.also),
        )
        score = self.rank(F("title"), matched, config, alike) + self.rank(
            F("body"), matched, config, alike
        )
        return expansion.match, score

    def ranked_page(self, matched, config, start, stop, score_field):
        """The page of hits, ranked inside the index table, then its objects by key."""
        ranked = list(self.ranked_entries(matched, config)[start:stop])
        return in_rank_order(self.queryset, ranked, score_field)

    def ranked_object_pks(self, config) -> list:
        """The primary key of every match, best first, in one query.

        What a story search needs for its count, its page and its facets; ranking
        the matches while they are read costs little beside reading them again to
        rank a page.
        """
        matched = self.words_query(self.query, config)
        return integers(self.ranked_entries(matched, config).values_list("object_pk"))

    def ranked_entries(self, matched, config):
        """(object pk, score) of the matching entries among the queryset, best first.

        Ranked inside the index table: across the join to the objects, PostgreSQL
        would carry every hit's full row (a story's body and all) through the sort.
        The entries are found through the GIN index and each one's object looked up
        by primary key; comparing the other way round, as text, PostgreSQL would hash
        every candidate object (all stories of a language) for each search. The cast
        of the object id is a join condition, so it only meets entries of the
        model's own content types. The title and body vectors are ranked apart and
        added: concatenating them for every hit cost more than the ranking itself.
        """
        model = self.queryset.model
        return (
            IndexEntry.objects.annotate(
                _document_=F("title")._combine(F("body"), "||", False),
                object_pk=Cast("object_id", primary_key_column(model)),
            )
            .filter(
                _document_=matched,
                content_type_id__in=get_descendants_content_types_pks(model),
                object_pk__in=self.queryset.order_by().values("pk"),
            )
            .annotate(
                _score_=self.rank(F("title"), matched, config)
                + self.rank(F("body"), matched, config)
            )
            .order_by("-_score_", "-object_pk")
            .values_list("object_pk", "_score_")
        )

    def matching_object_ids(self, matched):
        """Ids of the matching objects, found in the index table alone.

        Matched there, ``title || body`` uses its GIN index and the pages are looked
        up by primary key; matched across the join to the pages (the text-cast object
        id), PostgreSQL scans every entry. The rank, where wanted, joins only the hits.
        """
        document = F("title")._combine(F("body"), "||", False)
        return (
            IndexEntry.objects.annotate(_document_=document)
            .filter(
                _document_=matched,
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
            )
            .values(object_pk=Cast("object_id", primary_key_column(self.queryset.model)))
        )

    def phrase(self, config):
        """The query's words as a phrase; None for a single word."""
        words = query_words(self.query.query_string)
        return self.phrase_query(" ".join(words), config) if len(words) > 1 else None

    def rank(self, document, matched, config, alike: "RanksAlike | None" = None):
        """Prefix matches, plus whole-word matches, plus the phrase, weighted by field.

        Where ``alike`` knows the prefixes' or the phrase's rank to equal the whole
        words', the words' rank is taken for them: ``ts_rank`` is most of the cost of
        ranking, 0.7 µs a call for each match in a story's body. The score is the
        same to the last bit.
        """
        alike = alike or RanksAlike()
        whole_words = self.words_query(self.query, config, prefix=False)
        words = SearchRank(document, whole_words, weights=self.sql_weights)
        phrase = self.phrase(config)
        if alike.prefixes_are_words and phrase is not None and alike.phrase_is_words:
            # 2::real * words + PHRASE_RANK_FACTOR * words, in double precision: a
            # rank is a real, so each product and their sum are exact there.
            return Scaled(words, factor=repr(2 + PHRASE_RANK_FACTOR))
        if alike.prefixes_are_words:
            rank = Scaled(words, factor="2::real")  # the words' rank added to itself
        else:
            rank = SearchRank(document, matched, weights=self.sql_weights) + words
        if phrase is not None:
            rank += PHRASE_RANK_FACTOR * SearchRank(document, phrase, weights=self.sql_weights)
        return rank


@dataclass(frozen=True)
class RanksAlike:
    """Which of a query's ranks equal its whole words' rank for every document."""

    # Each prefix stands for its own word alone (``search.prefixes``).
    prefixes_are_words: bool = False
    # The phrase has the words' operands under an "and" (``search.backends.ts_rank``).
    phrase_is_words: bool = False


class Scaled(Func):
    """A rank times a constant written so that the score keeps its value to the last
    bit: ``2::real * rank`` is ``rank + rank`` as ``real``."""

    template = "(%(factor)s * %(expressions)s)"
    output_field = FloatField()


class LanguageAutocompleteQueryCompiler(LanguageQueryMixin, PostgresAutocompleteQueryCompiler):
    """Autocomplete stays language-neutral (no stemming of half words), but folds accents."""

    LAST_TERM_IS_PREFIX = True

    def get_config(self, backend):
        return backend.autocomplete_config


class CorrectingPostgresSearchResults(CorrectingResults, PostgresSearchResults):
    def every_match_ranked(self) -> list | None:
        """Every match's primary key, best first; None where the query is not plain
        text over every field (the caller then ranks as usual)."""
        compiler = self.query_compiler
        if not compiler.ranks_in_index():
            return None
        return compiler.ranked_object_pks(compiler.get_config(self.backend))


class AlliancePostgresSearchBackend(ReaderLanguageSearch, PostgresSearchBackend):
    """Wagtail's PostgreSQL backend with per-language analysis; see the module docstring."""

    # search_stories passes the reader's language as ``language_code``.

    query_compiler_class = LanguageSearchQueryCompiler
    autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler
    index_class = LanguagePostgresIndex
    results_class = CorrectingPostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.config = None  # chosen per object and per query
        self.autocomplete_config = NEUTRAL_CONFIGURATION


SearchBackend = AlliancePostgresSearchBackend
