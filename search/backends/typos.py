"""Typo tolerance for the database backends: a search that finds nothing tries again
with its unknown words corrected (``search.lexicon``).

Only a plain-text search over every field that found nothing is corrected, so no
query that matches anything changes its results, and only that search pays for the
one lexicon query. The results tell what was searched for instead:
``results.corrected_query`` (None when the query stood as typed).

Counting or listing results corrects by itself, and keeps the correction only when
the corrected query finds something. A caller that reads the results'
``get_queryset()`` instead (as ``search_stories`` does, for the ids of every match)
asks for the correction when it found nothing: ``results.correct_typos()`` is True
when the query changed, and from then on the results (their queryset, count and
hits) are those of ``results.corrected_query``; whether they are worth showing, the
caller sees.

The corrected query lives on the query compiler of one search, which the sliced
copies of its results share, so counting and then reading a page corrects once.
"""

from modelsearch.query import PlainText

from .. import lexicon
from .languages import queryset_language
from .words import query_words


class CorrectsTypos:
    """Query compiler mixin: replaces unknown words of a plain-text query, once."""

    corrected_query: str | None = None
    _correction_tried = False
    _typed_query = None

    def correct_typos(self) -> bool:
        """True when the query was changed and should be run again."""
        if self._correction_tried or not self._correctable():
            return False
        self._correction_tried = True
        words = query_words(self.query.query_string)
        language = getattr(self, "language_code", None) or queryset_language(self.queryset)
        replacements = lexicon.corrections(words, language, using=self.queryset.db)
        if not replacements:
            return False
        self._typed_query = self.query
        self.corrected_query = lexicon.corrected_text(words, replacements)
        self.query = PlainText(self.corrected_query, operator=self.query.operator)
        return True

    def keep_typed_query(self) -> None:
        """The correction found nothing either: the reader's words stand."""
        if self._typed_query is not None:
            self.query, self._typed_query = self._typed_query, None
            self.corrected_query = None

    def _correctable(self) -> bool:
        return (
            isinstance(self.query, PlainText)
            and self.fields is None
            and bool(query_words(self.query.query_string))
        )


class CorrectingResults:
    """Search results mixin: when the search finds nothing, the compiler corrects it."""

    @property
    def corrected_query(self) -> str | None:
        return getattr(self.query_compiler, "corrected_query", None)

    def correct_typos(self) -> bool:
        """Corrects the query's unknown words, once; True when the query changed.

        Call it only when the search found nothing: the query then stands corrected
        whether or not the corrected one finds anything.
        """
        correct = getattr(self.query_compiler, "correct_typos", None)
        return correct is not None and correct()

    def _do_count(self):
        count = super()._do_count()
        if count == 0 and self.correct_typos():
            count = super()._do_count()
            if count == 0:
                self.query_compiler.keep_typed_query()
        return count

    def _do_search(self):
        results = super()._do_search()
        # An empty later page says nothing about the first one.
        if not results and self.start == 0 and self.correct_typos():
            results = super()._do_search()
            if not results:
                self.query_compiler.keep_typed_query()
        return results


class KeepsLexicon:
    """Index mixin: the lexicon follows full rebuilds of the index.

    Words are added as objects are indexed; ``update_index`` begins with
    ``delete_stale_entries`` (and a reset with ``reset``), where the lexicon is
    emptied and then filled again from every object indexed, so words of deleted
    pages go.
    """

    def delete_stale_entries(self):
        super().delete_stale_entries()
        lexicon.forget_words(self.write_connection.alias)

    def reset(self):
        super().reset()
        lexicon.forget_words(self.write_connection.alias)
