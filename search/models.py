"""What the search keeps beside Wagtail's own tables.

* ``FailedIndexUpdate``: an index update that did not reach a search backend (an
  Elasticsearch that was down, say). The queue retries it; until it succeeds, the row
  says what failed and how often, for ``search_status`` and the admin report.
* ``ZeroResultDailyHits``: how often a query found nothing, per day, beside Wagtail's
  ``QueryDailyHits`` (which counts every search), so editors see where readers come
  away empty-handed.
* ``LexiconWord``: every word of the indexed text of the database backends, per
  language, folded; a query word that matches nothing is corrected to the closest
  of them (``search.lexicon``).
* ``StoryDocument``: on PostgreSQL, one row per indexed story with everything a
  story search reads, so that one statement counts, ranks and counts facets
  (``search.story_documents``).
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query


class IndexAction(models.TextChoices):
    UPDATE = "update", _("update")
    REMOVE = "remove", _("remove")


class FailedIndexUpdate(models.Model):
    backend_name = models.CharField(_("search backend"), max_length=64)
    model_label = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object ID"), max_length=64)
    action = models.CharField(_("action"), max_length=10, choices=IndexAction.choices)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    first_failed_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    last_failed_at = models.DateTimeField(_("last failed at"), auto_now=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"),
        null=True,
        blank=True,
        help_text=_("Empty once the retries are used up; update_index repairs it then."),
    )

    class Meta:
        verbose_name = _("failed index update")
        verbose_name_plural = _("failed index updates")
        ordering = ["-last_failed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["backend_name", "model_label", "object_id"],
                name="alliance_search_one_failure_per_object",
            )
        ]

    def __str__(self):
        return f"{self.action} {self.model_label}:{self.object_id} on {self.backend_name}"


class ZeroResultDailyHits(models.Model):
    query = models.ForeignKey(
        Query,
        verbose_name=_("query"),
        on_delete=models.CASCADE,
        related_name="zero_result_daily_hits",
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("searches without results per day")
        verbose_name_plural = _("searches without results per day")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "date"], name="alliance_search_one_zero_result_row_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query} {self.date}: {self.hits}"


class LexiconWord(models.Model):
    """One word of the indexed text in one language (``search.lexicon``).

    ``word`` is folded (``search.backends.words.fold``), the form typed words are
    compared in; ``spelling`` is the word as the text writes it, in lower case, the
    form a corrected query shows. On PostgreSQL a trigram index on ``word``
    (migration 0003) finds the words that look like a mistyped one.
    """

    language = models.CharField(_("language"), max_length=8, blank=True)
    word = models.CharField(_("word"), max_length=64)
    spelling = models.CharField(_("spelling"), max_length=64)

    class Meta:
        verbose_name = _("lexicon word")
        verbose_name_plural = _("lexicon words")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="alliance_search_one_word_per_language"
            )
        ]

    def __str__(self):
        return f"{self.language}: {self.spelling}"


class StoryDocument(models.Model):
    """What a story search reads of one story, in one row (``search.story_documents``).

    The title and body vectors are those of the story's index entry; the keys are the
    translation keys of the regions and companies it names, so that a relation made
    to a translated page counts for the German one too. The table exists on
    PostgreSQL only (migration 0004), where a trigger keeps ``live``, ``path`` and
    ``locale`` equal to the page's and a foreign key deletes the row with the page;
    the relations here name no database constraint, so that SQLite, which has no
    such table, never reads it when a page is deleted.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    live = models.BooleanField(_("live"))
    path = models.CharField(_("path"), max_length=255)
    date = models.DateField(_("date"))
    title = SearchVectorField(_("title vector"))
    body = SearchVectorField(_("body vector"))
    region_keys = ArrayField(models.UUIDField(), verbose_name=_("regions"))
    company_keys = ArrayField(models.UUIDField(), verbose_name=_("companies"))
    tag_ids = ArrayField(models.IntegerField(), verbose_name=_("tags"))

    class Meta:
        # Django neither serialises nor flushes it where the table does not exist.
        required_db_vendor = "postgresql"
        verbose_name = _("story search document")
        verbose_name_plural = _("story search documents")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.page_id}"


class IndexLexeme(models.Model):
    """One lexeme of the story documents' vectors, on PostgreSQL (``search.prefixes``):
    what a prefix in a story search stands for. The table exists on PostgreSQL only
    (migration 0005); its text sorts in the C collation, so that the lexemes beginning
    with a prefix are one range of its primary key."""

    lexeme = models.TextField(_("lexeme"), primary_key=True, db_collation="C")

    class Meta:
        required_db_vendor = "postgresql"
        verbose_name = _("index lexeme")
        verbose_name_plural = _("index lexemes")

    def __str__(self):
        return self.lexeme
