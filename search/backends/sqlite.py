"""SQLite FTS5 search that folds German spellings and ranks in one full-text query.

What it does, beyond stock Wagtail:

* Text is indexed folded (``search.backends.words.fold``): lower case, ß as ss, no
  accents, spelled-out umlauts as plain vowels; queries are folded the same way, so
  "Dusseldorf", "Duesseldorf" and "Düsseldorf" find each other, as do "Strasse"
  and "Straße".
* Every query word of four letters or more loses one common German or English
  inflection ending and matches as a prefix: "Innovationen" finds "Innovation",
  "Kunststoffabfälle" finds "Kunststoffabfällen", "Wasserstoff" finds
  "Wasserstoffzug". A handful of German and English stop words are dropped.
* German compounds: the body of a German page also holds the parts of its compounds
  (``search.compounds``, the word list of the Elasticsearch decompounder), so
  "Abfall" finds "Kunststoffabfälle" and "Recycling" "Batterierecycling".
* The title and the boosted fields (teaser, tags, companies, regions) go to the
  ``title`` column, the rest (compound parts included) to ``body``; BM25 weighs the
  first four times the body. Whole-word matches and the query as a phrase multiply
  the score, whole words in the title more, so "Stahl" puts "Stahl aus Duisburg"
  before "Stahlhandel" (whose part "stahl" is a body word).
* Typos: a plain-text search that finds nothing is run again with its unknown words
  corrected from the lexicon of indexed words (``search.lexicon``,
  ``search.backends.typos``): candidates are the words of about the same length
  that begin with the same two letters, the closest by edit distance wins. One
  indexed query, only for searches that found nothing; ``corrected_query`` on the
  results tells what was searched for.
* Ranking takes one FTS5 query for the requested page of results, for search and
  autocomplete alike. Stock Wagtail scores every hit with a correlated subquery that
  re-runs the match, so its cost grows with the square of the hits.

What it cannot do: real stemming (irregular forms such as "Häfen" for "Hafen", or
English "ran"/"run", are not found), split compounds in the query or compounds of
parts missing from the word list, correct a typo in the first two letters of a word
("Ubwelt"), or tolerate a typo in a query that finds something anyway. Use
PostgreSQL or Elasticsearch for more.
"""

from functools import cached_property

from django.db import transaction
from django.db.models import Expression, FloatField, TextField
from django.db.models.functions import Cast
from django.db.models.lookups import Lookup
from modelsearch.backends.database.sqlite import utils as sqlite_utils
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.index import SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks
from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

from .. import lexicon
from ..compounds import compound_parts_of_text
from .fts5 import match_string, search_words
from .languages import LocaleCodes, ReaderLanguageSearch, language_of
from .ranked_pages import in_rank_order
from .typos import CorrectingResults, CorrectsTypos, KeepsLexicon
from .words import fold, query_words

# bm25 column weights, in the FTS table's column order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 4.0)
WHOLE_WORD_FACTOR = 0.5
TITLE_WHOLE_WORD_FACTOR = 0.5
PHRASE_FACTOR = 1.0
FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# Pages in this language get their compounds split.
COMPOUND_LANGUAGE = "de"

_fts5_ready = False


def fts5_ready() -> bool:
    """FTS5 compiled in and its table migrated; remembered once true, like Wagtail does."""
    global _fts5_ready
    if not _fts5_ready:
        _fts5_ready = sqlite_utils.fts5_available() and sqlite_utils.fts_table_exists()
    return _fts5_ready


class FoldedIndexer(ObjectIndexer):
    """Title and boosted fields in ``title``, the rest in ``body``, all folded.

    The body of a German page also holds the parts of its compounds
    (``search.compounds``).
    """

    def __init__(self, obj, backend, codes: LocaleCodes):
        super().__init__(obj, backend)
        self.language = language_of(obj, codes)

    def _texts(self, wanted) -> str:
        texts = []
        for field in self.search_fields:
            for current, value in self.prepare_field(self.obj, field):
                if isinstance(current, SearchField) and wanted(current):
                    texts.append(value)
        return " ".join(texts)

    @cached_property
    def title_text(self) -> str:
        """Title and boosted fields as written: for the lexicon, and folded for the index."""
        return self._texts(lambda field: field.field_name == "title" or (field.boost or 1) > 1)

    @cached_property
    def body_text(self) -> str:
        return self._texts(lambda field: field.field_name != "title" and (field.boost or 1) <= 1)

    @property
    def title(self):
        return fold(self.title_text)

    @property
    def body(self):
        if self.language != COMPOUND_LANGUAGE:
            return fold(self.body_text)
        parts = compound_parts_of_text(f"{self.title_text} {self.body_text}")
        return fold(" ".join([self.body_text, *parts]))

    @property
    def autocomplete(self):
        return fold(super().autocomplete)


class FoldedSQLiteIndex(KeepsLexicon, SQLiteIndex):
    def add_items(self, model, objs):
        """Stock ``add_items`` with the folding indexer, in one transaction.

        Entries are replaced (one DELETE, one bulk INSERT; the FTS5 triggers follow)
        rather than updated row by row: in autocommit SQLite would sync the disk
        once per updated story.
        """
        if not model.get_search_fields():
            return
        codes = LocaleCodes()
        rows, texts = {}, []
        for obj in objs:
            indexer = FoldedIndexer(obj, self.backend, codes)
            rows[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
            if getattr(obj, "live", True):
                texts.append((indexer.language or "", f"{indexer.title_text} {indexer.body_text}"))
        if not rows:
            return
        content_type_pk = get_content_type_pk(model)
        alias = self.write_connection.alias
        with transaction.atomic(using=alias):
            self.entries.filter(
                content_type_id=content_type_pk, object_id__in=list(rows)
            )._raw_delete(using=alias)
            self.entries.bulk_create(
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in rows.items()
            )
            lexicon.record_words(texts, using=alias)

    def _refresh_title_norms(self, full=False):
        """Nothing to do: BM25 column weights rank here, not ``title_norm``.

        Stock Wagtail rescans the whole index table after every save to recompute the
        norms; skipping it keeps the cost of indexing a story flat as the corpus grows.
        """


class FullTextMatch(Lookup):
    """``<fts table> MATCH <query>``, usable directly in ``filter()``.

    A lookup rather than an expression, so Django emits no ``= true`` after it: FTS5
    only accepts MATCH as a bare constraint.
    """

    lookup_name = "alliance_fts_match"

    def __init__(self, query: str):
        self.query = query
        super().__init__(None, None)

    def get_prep_lookup(self):
        return None

    def as_sql(self, compiler, connection):
        # Inside a subquery Django aliases the table (U0); FTS5 wants the hidden column
        # named after the table, qualified by whatever the table is called here.
        alias = next(
            (
                alias
                for alias, join in compiler.query.alias_map.items()
                if join.table_name == FTS_TABLE
            ),
            FTS_TABLE,
        )
        column = f"{connection.ops.quote_name(alias)}.{connection.ops.quote_name(FTS_TABLE)}"
        return f"{column} MATCH %s", [self.query]


class WeightedScore(Expression):
    """BM25 with column weights, multiplied up for whole-word and phrase matches.

    The extra matches are uncorrelated ``IN`` subqueries, which SQLite runs once per
    search, not once per hit. BM25 is negative (lower ranks first), so the factors
    make a better hit more negative.
    """

    output_field = FloatField()

    def __init__(self, bonuses: list[tuple[float, str]], weights: tuple[float, ...]):
        super().__init__()
        self.bonuses = bonuses
        self.weights = weights

    def as_sql(self, compiler, connection):
        weights = ", ".join(map(str, self.weights))
        sql = f"bm25({FTS_TABLE}, {weights})"
        params = []
        if self.bonuses:
            factor = " + ".join(
                f"{weight} * ({FTS_TABLE}.rowid IN "
                f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s))"  # noqa: S608
                for weight, _query in self.bonuses
            )
            sql = f"({sql} * (1.0 + {factor}))"
            params = [query for _weight, query in self.bonuses]
        return sql, params


class FoldingQueryMixin:
    """Folds plain-text and phrase queries the way the index text was folded."""

    def __init__(self, *args, language_code: str | None = None, **kwargs):
        # Folding is the same for every language; the argument is accepted so callers
        # can pass it to any of the alliance's database backends.
        super().__init__(*args, **kwargs)
        self.language_code = language_code

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(" ".join(search_words(query.query_string)), operator=query.operator)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(fold(word) for word in query_words(query.query_string)))
        return super().build_search_query_content(query, config=config)


class RankedInOneQueryMixin:
    """Plain-text searches matched once and ranked in one FTS5 query per page.

    Shared by search (title and body, stems as prefixes, whole-word and phrase
    bonuses) and autocomplete (the autocomplete column, the last word as a prefix).
    """

    COLUMNS = ("title", "body")
    WEIGHTS = COLUMN_WEIGHTS
    LAST_WORD_PREFIX = False

    def is_plain(self) -> bool:
        """A plain-text query over every field: the case the ranking below serves."""
        return (
            isinstance(self.query, PlainText)
            and self.fields is None
            and bool(search_words(self.query.query_string))
        )

    def fts_query(self, *, prefixes: bool = True, title: bool = False) -> str:
        return match_string(
            search_words(self.query.query_string),
            self.query.operator,
            prefixes=prefixes,
            columns=("title",) if title else self.COLUMNS,
            last_word_prefix=self.LAST_WORD_PREFIX,
        )

    def content_types(self) -> list[int]:
        return get_descendants_content_types_pks(self.queryset.model)

    def matched_entries(self):
        """Hits in the FTS table, joined to their index entries: for ranking."""
        return SQLiteFTSIndexEntry.objects.filter(
            FullTextMatch(self.fts_query()),
            index_entry__content_type_id__in=self.content_types(),
        )

    def matching(self):
        """The queryset's objects that match, in the queryset's own order.

        The FTS5 match sits alone in the innermost subquery, so SQLite runs it once;
        joined to the index entries there, it would rerun it for every entry.
        """
        hits = SQLiteFTSIndexEntry.objects.filter(FullTextMatch(self.fts_query())).values("pk")
        object_ids = IndexEntry.objects.filter(
            content_type_id__in=self.content_types(), id__in=hits
        ).values("object_id")
        return self.queryset.filter(pk__in=object_ids)

    def count(self) -> int:
        return self.matching().count()

    def search(self, config, start, stop, score_field=None):
        if not self.is_plain():
            return super().search(config, start, stop, score_field=score_field)
        if not self.order_by_relevance:
            matching = self.matching()
            if not matching.query.order_by:
                matching = matching.order_by("-pk")
            return matching[start:stop]
        if stop is None:
            # Every hit in rank order: stock Wagtail's (slower) scoring serves it.
            return super().search(config, start, stop, score_field=score_field)
        return self.ranked_page(start, stop, score_field)

    def ranked_page(self, start, stop, score_field):
        """One FTS5 query ranks the hits among the queryset and cuts the page."""
        candidates = self.queryset.order_by().values(object_id=Cast("pk", TextField()))
        ranked = list(
            self.matched_entries()
            .filter(index_entry__object_id__in=candidates)
            .annotate(score=WeightedScore(self.bonuses(), self.WEIGHTS))
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", "score")[start:stop]
        )
        return in_rank_order(self.queryset, ranked, score_field)

    def bonuses(self) -> list[tuple[float, str]]:
        if self.LAST_WORD_PREFIX:
            return []
        words = search_words(self.query.query_string)
        bonuses = []
        whole = self.fts_query(prefixes=False)
        if whole != self.fts_query():
            bonuses.append((WHOLE_WORD_FACTOR, whole))
            # Compound parts are whole words of the body: "Stahlhandel" holds "stahl".
            # The title's own whole words count more.
            bonuses.append((TITLE_WHOLE_WORD_FACTOR, self.fts_query(prefixes=False, title=True)))
        if len(words) > 1:
            bonuses.append((PHRASE_FACTOR, '{title body} : "' + " ".join(words) + '"'))
        return bonuses


class FoldedSearchQueryCompiler(
    CorrectsTypos, RankedInOneQueryMixin, FoldingQueryMixin, SQLiteSearchQueryCompiler
):
    pass


class FoldedAutocompleteQueryCompiler(
    RankedInOneQueryMixin, FoldingQueryMixin, SQLiteAutocompleteQueryCompiler
):
    COLUMNS = ("autocomplete",)
    WEIGHTS = (1.0, 0.0, 0.0)
    LAST_WORD_PREFIX = True


class FoldedSearchResults(SQLiteSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        if isinstance(compiler, RankedInOneQueryMixin) and compiler.is_plain():
            return compiler.count()
        return super()._do_count()


class CorrectingFoldedSearchResults(CorrectingResults, FoldedSearchResults):
    pass


class AllianceSQLiteSearchBackend(ReaderLanguageSearch, SQLiteSearchBackend):
    """Wagtail's SQLite FTS5 backend, folded and ranked in one query; see the module."""

    # search_stories passes the reader's language as ``language_code``.

    query_compiler_class = FoldedSearchQueryCompiler
    autocomplete_query_compiler_class = FoldedAutocompleteQueryCompiler
    index_class = FoldedSQLiteIndex
    results_class = CorrectingFoldedSearchResults


SearchBackend = AllianceSQLiteSearchBackend
