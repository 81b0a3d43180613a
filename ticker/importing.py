"""Importing an Industrieticker archive into an alliance's ticker, one story at a time.

Each story (the German line and its translations) is one transaction: a story whose
English part fails leaves no German page behind, and a failure never stops the
stories after it. Every write is conditional, so importing the same archive again
creates no page, revision or translation; a changed line updates its story in place.

The German page is the source; translations are made through wagtail-localize
(``publish_translation``), so editors can later sync them like any translation. Date,
companies and regions are synchronised fields: the translations take them from the
German page, and the translated lines' company and region names only name or check
the translations of those pages.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail_localize.models import MissingRelatedObjectError
from wagtail_localize.strings import extract_strings

from alliance_pages.choices import RegionKind, Sector
from alliance_pages.directory import (
    COMPANIES,
    REGIONS,
    Directory,
    DirectoryMismatch,
)
from alliance_pages.models import AlliancePage, CompanyPage
from alliance_pages.skeleton import SkeletonError, state_alliance, ticker_index
from alliance_pages.text import german_slugify
from alliance_pages.translation import TranslationMismatch, publish_translation
from alliance_pages.tree import available_slug, differs, publish

from .archive import SOURCE_LANGUAGE, ArchiveLine, ArchiveStory
from .models import TickerIndexPage, TickerStoryPage

# The archive does not say which sector a company belongs to, but the model needs one.
# Most companies of the alliance are chemical ones; every created company is named in
# the output so an editor can correct it, and the command takes --company-sector.
DEFAULT_COMPANY_SECTOR = Sector.CHEMICALS

# What the import knows of a region it has to create is its name. Towns are the most
# common kind in the archive; an editor can reclassify and nest the page later.
NEW_REGION_VALUES = {"kind": RegionKind.TOWN}

# The story fields that link to pages found by name, and where those pages live.
LINKED_FIELDS = {"companies": COMPANIES, "regions": REGIONS}

# Room for "-2", "-3" ... within the 255 characters of a slug.
MAX_SLUG_LENGTH = 240

# The ways a story can fail that are about its content, not about this code.
STORY_ERRORS = (
    DirectoryMismatch,
    ValidationError,
    ParentNotTranslatedError,
    MissingRelatedObjectError,
    SkeletonError,
    DatabaseError,
)


class ImportSetupError(Exception):
    """The import cannot start: no such alliance, or the site's skeleton is missing."""


class StoryFailed(Exception):
    """One story cannot be imported; nothing of it was written."""


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class StoryResult:
    outcome: Outcome
    page: TickerStoryPage
    notes: list[str] = field(default_factory=list)


def find_alliance(slug: str | None) -> AlliancePage:
    """The German alliance with ``slug``; the state alliance when no slug is given."""
    try:
        if slug is None:
            return state_alliance()
        source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    except (SkeletonError, Locale.DoesNotExist) as error:
        raise ImportSetupError(str(error)) from error
    alliances = AlliancePage.objects.filter(locale=source_locale).order_by("path")
    matches = list(alliances.filter(slug=slug))
    if not matches:
        known = sorted(set(alliances.values_list("slug", flat=True)))
        raise ImportSetupError(
            _("There is no alliance with the slug %(slug)s. Known slugs: %(slugs)s.")
            % {"slug": slug, "slugs": ", ".join(known) or _("none")}
        )
    if len(matches) > 1:
        raise ImportSetupError(
            _(
                "Several alliances have the slug %(slug)s (%(paths)s); give one of them "
                "another slug in the admin and run the import again."
            )
            % {"slug": slug, "paths": ", ".join(alliance.url_path for alliance in matches)}
        )
    return matches[0]


def body_stream(html: str) -> list[tuple[str, str]]:
    """The archive's body as our StreamField holds it: one paragraph block, or none."""
    return [("paragraph", html)] if html else []


def paragraph_strings(html: str) -> list[str]:
    """The text segments wagtail-localize makes of rich text, ignoring markup it rebuilds.

    A translation's HTML is rebuilt from the German page's markup, so comparing the
    English HTML itself would find a difference on every run.
    """
    return [string.data for string, _attrs in extract_strings(html)[1]]


def stream_strings(stream: StreamValue) -> list:
    return [
        paragraph_strings(block.value.source) if block.block_type == "paragraph" else block.value
        for block in stream
    ]


class StoryImporter:
    """Imports archive stories into the ticker of one alliance."""

    def __init__(self, alliance: AlliancePage, *, company_sector: str = DEFAULT_COMPANY_SECTOR):
        try:
            self.ticker_id = ticker_index(alliance).pk
        except SkeletonError as error:
            raise ImportSetupError(str(error)) from error
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.source_locale = self._locale(SOURCE_LANGUAGE)
        self.new_page_values = {
            "companies": {"sector": company_sector},
            "regions": NEW_REGION_VALUES,
        }

    def import_story(self, story: ArchiveStory) -> StoryResult:
        """Import one story whole, or raise StoryFailed having written nothing."""
        try:
            with transaction.atomic():
                return self._import(story)
        except STORY_ERRORS as error:
            raise StoryFailed(_describe(error)) from error

    def _import(self, story: ArchiveStory) -> StoryResult:
        notes: list[str] = []
        # Fetched per story: a rolled-back story leaves stale tree counters in memory.
        ticker = TickerIndexPage.objects.get(pk=self.ticker_id)
        page = self._existing_story(ticker, story.story_id, notes)
        created = page is None
        links: dict[str, list[Page]] | None = None
        source_changed = False
        if story.source is not None:
            links = self._link_pages(story.source, notes)
            page, source_changed = self._save_source(ticker, page, story.source, links)
        elif page is None:
            raise StoryFailed(
                _(
                    "The file has no de line for this story and the database has no story "
                    "with this id; add the story's German line."
                )
            )
        translated = [
            self._save_translation(page, line, links, source_changed, notes)
            for line in story.translations
        ]
        if source_changed and not created:
            notes.extend(self._stale_translations(page, story))
        if created:
            outcome = Outcome.CREATED
        elif source_changed or any(translated):
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.UNCHANGED
        return StoryResult(outcome, page, notes)

    def _locale(self, language: str) -> Locale:
        try:
            return self.locales[language]
        except KeyError:
            raise StoryFailed(
                _("The site has no locale %(locale)s; add it under Settings > Locales.")
                % {"locale": language}
            ) from None

    def _existing_story(
        self, ticker: TickerIndexPage, story_id: str, notes: list[str]
    ) -> TickerStoryPage | None:
        """The German story with this archive id: below this ticker, else anywhere.

        A story filed under another alliance's ticker stays there; moving it would
        take it away from the editors who own it.
        """
        stories = TickerStoryPage.objects.filter(
            archive_id=story_id, locale=self.source_locale
        ).order_by("path")
        page = stories.descendant_of(ticker).first()
        if page is None:
            page = stories.first()
            if page is not None:
                notes.append(
                    _("This story is filed under %(path)s and stays there; it was not moved.")
                    % {"path": page.get_parent().url_path}
                )
        return page

    def _link_pages(self, line: ArchiveLine, notes: list[str]) -> dict[str, list[Page]]:
        """The German company and region pages the line names, created when missing."""
        return {
            name: self._ensure_all(
                directory, getattr(line, name), self.new_page_values[name], notes
            )
            for name, directory in LINKED_FIELDS.items()
        }

    def _ensure_all(
        self, directory: Directory, names: tuple[str, ...], values: dict, notes: list[str]
    ) -> list[Page]:
        pages = []
        for name in names:
            page, created = directory.ensure(name, self.source_locale, values)
            if created:
                notes.append(_created_note(page))
            pages.append(page)
        return pages

    def _save_source(
        self,
        ticker: TickerIndexPage,
        page: TickerStoryPage | None,
        line: ArchiveLine,
        links: dict[str, list[Page]],
    ) -> tuple[TickerStoryPage, bool]:
        """The German story, created or brought up to date and published.

        An existing story keeps its slug when its title changes, so links to it keep
        working. It is only republished when the archive differs from the live page,
        so an editor's draft survives a re-import of an unchanged archive.
        """
        values = {
            "title": line.title,
            "teaser": line.teaser,
            "body": body_stream(line.body),
            "date": line.date,
            **links,
        }
        tags = list(line.tags)
        if page is not None:
            same_tags = sorted(page.tags.names()) == sorted(tags)
            if page.live and same_tags and not differs(page, values):
                return page, False
        else:
            slug = german_slugify(line.title)[:MAX_SLUG_LENGTH].rstrip("-")
            page = TickerStoryPage(
                slug=available_slug(ticker, slug or german_slugify(line.story_id) or "meldung"),
                locale=self.source_locale,
                archive_id=line.story_id,
            )
        for name, value in values.items():
            setattr(page, name, value)
        page.tags.set(tags)
        if page.pk is None:
            ticker.add_child(instance=page)
        publish(page)
        return TickerStoryPage.objects.get(pk=page.pk), True

    def _save_translation(
        self,
        page: TickerStoryPage,
        line: ArchiveLine,
        links: dict[str, list[Page]] | None,
        source_changed: bool,
        notes: list[str],
    ) -> bool:
        """Translate the German story with the line's text, unless that is already live."""
        locale = self._locale(line.language)
        _check_same_date(page, line)
        _check_same_shape(page, line)
        names_changed = self._name_translations(page, line, links, locale, notes)
        values = {"title": line.title, "teaser": line.teaser, "body": body_stream(line.body)}
        existing = page.get_translation_or_none(locale)
        if (
            existing is not None
            and existing.live
            and not source_changed
            and _same_text(existing, values)
            and sorted(existing.tags.names()) == sorted(line.tags)
        ):
            return names_changed
        try:
            publish_translation(page, locale, values, tags=list(line.tags))
        except TranslationMismatch as error:
            raise StoryFailed(
                _(
                    "The %(locale)s line cannot be aligned with the German story (%(detail)s); "
                    "give its body as many paragraphs, list items and headings as the German one."
                )
                % {"locale": line.language, "detail": error}
            ) from error
        return True

    def _name_translations(
        self,
        page: TickerStoryPage,
        line: ArchiveLine,
        links: dict[str, list[Page]] | None,
        locale: Locale,
        notes: list[str],
    ) -> bool:
        """Name the translations of the story's companies and regions, or check their names.

        With the German line in the file, names pair up by position with its names;
        without it, each name must belong to a translation of one of the story's pages.
        """
        changed = False
        for field_name, directory in LINKED_FIELDS.items():
            names = getattr(line, field_name)
            if not names:
                continue
            if links is None:
                _check_names_belong(directory, list(getattr(page, field_name).all()), names, locale)
                continue
            sources = links[field_name]
            if len(sources) != len(names):
                raise StoryFailed(
                    _(
                        "The %(locale)s line names %(given)s %(field)s, the German line "
                        "%(expected)s; they pair up by position."
                    )
                    % {
                        "locale": line.language,
                        "given": len(names),
                        "field": directory.model._meta.verbose_name_plural,
                        "expected": len(sources),
                    }
                )
            for source, name in zip(sources, names, strict=True):
                if directory.ensure_translation(source, name, locale):
                    notes.append(_translated_note(source, name, locale))
                    changed = True
        return changed

    def _stale_translations(self, page: TickerStoryPage, story: ArchiveStory) -> list[str]:
        """Translations the archive did not renew although their German source changed."""
        return [
            _(
                "The German story changed but the file has no %(locale)s line for it; "
                "sync its %(locale)s translation in the admin."
            )
            % {"locale": translation.locale.language_code}
            for translation in page.get_translations().select_related("locale")
            if translation.locale.language_code not in story.lines
        ]


def _same_text(existing: Page, values: dict) -> bool:
    return (
        existing.title == values["title"]
        and existing.teaser == values["teaser"]
        and stream_strings(existing.body)
        == [paragraph_strings(html) for _type, html in values["body"]]
    )


def _check_same_date(page: TickerStoryPage, line: ArchiveLine) -> None:
    if line.date != page.date:
        raise StoryFailed(
            _(
                "The %(locale)s line has the date %(date)s, the German story %(source)s; "
                "a story has the same date in every language."
            )
            % {"locale": line.language, "date": line.date, "source": page.date}
        )


def _check_same_shape(page: TickerStoryPage, line: ArchiveLine) -> None:
    """Catch a body on one side only, which wagtail-localize would silently drop."""
    words = {"locale": line.language}
    if line.body and not len(page.body):
        raise StoryFailed(
            _("The %(locale)s line has a body but the German story has none.") % words
        )
    if not line.body and len(page.body):
        raise StoryFailed(
            _("The %(locale)s line has no body but the German story has one.") % words
        )


def _check_names_belong(
    directory: Directory, sources: list[Page], names: tuple[str, ...], locale: Locale
) -> None:
    keys = {source.translation_key for source in sources}
    for name in names:
        page = directory.find(name, locale)
        if page is None or page.translation_key not in keys:
            raise StoryFailed(
                _("No %(kind)s of this story is called %(name)s in %(locale)s.")
                % {
                    "kind": directory.model._meta.verbose_name,
                    "name": name,
                    "locale": locale.language_code,
                }
            )


def _created_note(page: Page) -> str:
    if isinstance(page, CompanyPage):
        return _(
            "Created the company %(name)s with the sector %(sector)s; check the sector "
            "in the admin."
        ) % {"name": page.title, "sector": page.get_sector_display()}
    return _(
        "Created the region %(name)s (kind: %(kind)s) directly under the regions index; "
        "move it into its district in the admin if it has one."
    ) % {"name": page.title, "kind": page.get_kind_display()}


def _translated_note(source: Page, name: str, locale: Locale) -> str:
    return _("Translated the %(kind)s %(source)s into %(locale)s as %(name)s.") % {
        "kind": source._meta.verbose_name,
        "source": source.title,
        "locale": locale.language_code,
        "name": name,
    }


def _describe(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or type(error).__name__
