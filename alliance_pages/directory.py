"""Companies and regions found by name, created when missing.

Archives, forms and spreadsheets name companies and regions as text ("Currenta GmbH",
"Leverkusen"), while stories and events link to their pages. Every caller that turns
such a name into a page goes through here, so that a name means the same page
everywhere and a missing one is created once, under the one index of its language.

Names match case-insensitively (exactly so for ASCII letters on SQLite, whose LIKE
folds only those). Pages created here are published, like everything built from code.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from .models import CompanyPage, RegionPage
from .skeleton import companies_index, regions_index
from .text import german_slugify
from .translation import publish_translation
from .tree import available_slug, publish


class DirectoryMismatch(ValueError):
    """A name given for a translation contradicts the pages that already exist."""


@dataclass(frozen=True)
class Directory:
    """The pages of one kind that sit below an index per language."""

    model: type[Page]
    index: Callable[[Locale], Page]
    nested: bool  # regions sit inside regions; companies directly under their index

    def pages(self, locale: Locale):
        index = self.index(locale)
        manager = self.model.objects
        pages = manager.descendant_of(index) if self.nested else manager.child_of(index)
        return pages.filter(locale=locale)

    def find(self, name: str, locale: Locale) -> Page | None:
        """The page called ``name`` in ``locale``; the first in tree order if several are."""
        return self.pages(locale).filter(title__iexact=name.strip()).order_by("path").first()

    def ensure(
        self, name: str, locale: Locale, values: dict[str, Any] | None = None, user=None
    ) -> tuple[Page, bool]:
        """The page called ``name``, created directly under the index if missing.

        ``values`` fill the fields a new page needs besides its title. Returns the page
        and whether it was created.
        """
        existing = self.find(name, locale)
        if existing is not None:
            return existing, False
        index = self.index(locale)
        page = self.model(
            title=name.strip(),
            slug=available_slug(index, german_slugify(name) or self.model._meta.model_name),
            locale=locale,
            owner=user,
            **(values or {}),
        )
        index.add_child(instance=page)
        publish(page, user)
        return page, True

    def ensure_translation(self, page: Page, name: str, locale: Locale, user=None) -> bool:
        """Give ``page`` its translation into ``locale`` called ``name``, or check it is so called.

        The translation is made through wagtail-localize, so it stays in step with its
        source. Raises DirectoryMismatch when another page already bears the name or
        the existing translation is called differently. Returns whether it created one.
        """
        named = self.find(name, locale)
        if named is not None and named.translation_key != page.translation_key:
            raise DirectoryMismatch(
                _("The %(kind)s %(name)s (%(locale)s) is not the translation of %(source)s.")
                % self._words(page, name, locale)
            )
        existing = page.get_translation_or_none(locale)
        if existing is None:
            publish_translation(page, locale, {"title": name.strip()}, user=user)
            return True
        if existing.title.casefold() != name.strip().casefold():
            raise DirectoryMismatch(
                _("The %(kind)s %(source)s is called %(existing)s in %(locale)s, not %(name)s.")
                % {**self._words(page, name, locale), "existing": existing.title}
            )
        return False

    def _words(self, page: Page, name: str, locale: Locale) -> dict[str, str]:
        return {
            "kind": str(self.model._meta.verbose_name),
            "name": name,
            "source": page.title,
            "locale": locale.language_code,
        }


COMPANIES = Directory(CompanyPage, companies_index, nested=False)
REGIONS = Directory(RegionPage, regions_index, nested=True)
