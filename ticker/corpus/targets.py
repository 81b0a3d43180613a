"""Where generated stories go: every alliance's ticker, and the companies and regions they cite.

Stories are spread over what the tree already holds, so a corpus generated on top of
the demo content cites the demo companies. A bare tree gets the state alliance from
the skeleton and a handful of synthetic companies and regions, made from the word
lists (seed-independent, so corpora of different seeds share them).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from alliance_pages.choices import Sector
from alliance_pages.models import CompanyPage, RegionPage
from alliance_pages.skeleton import (
    SkeletonError,
    companies_index,
    content_locales,
    ensure_state_alliance,
    regions_index,
    state_alliance,
)
from alliance_pages.text import german_slugify
from alliance_pages.tree import ensure_translated_child
from ticker.models import TickerIndexPage

from .words import Term, Vocabulary

# "Fewer than a handful" of companies or regions and stories would all cite the same
# few; below this many, synthetic ones are added until there are this many.
HANDFUL = 5

Note = Callable[[str], None]


@dataclass(frozen=True)
class Ticker:
    """An alliance's German Industrieticker and its English translation."""

    german: TickerIndexPage
    english: TickerIndexPage


@dataclass
class Targets:
    """What stories can be filed under and cite, in a fixed order (by tree path).

    The order is what makes a seed reproducible: the generator picks by position.
    """

    tickers: list[Ticker]
    companies: list[CompanyPage]
    company_names: list[Term]
    regions: list[RegionPage]
    region_names: list[Term]
    # Alliances whose ticker has no live English translation; no story goes there.
    untranslated_tickers: list[str] = field(default_factory=list)


def _names(pages: list[Page], english: Locale) -> list[Term]:
    """German and English titles; a page not yet translated keeps its German title."""
    if not pages:
        return []
    keys = [page.translation_key for page in pages]
    titles = dict(
        type(pages[0])
        .objects.filter(locale=english, translation_key__in=keys)
        .values_list("translation_key", "title")
    )
    return [Term(page.title, titles.get(page.translation_key, page.title)) for page in pages]


def load_targets() -> Targets:
    german, english = content_locales()
    tickers, untranslated = [], []
    german_tickers = list(TickerIndexPage.objects.live().filter(locale=german).order_by("path"))
    english_tickers = {
        page.translation_key: page
        for page in TickerIndexPage.objects.live().filter(
            locale=english, translation_key__in=[page.translation_key for page in german_tickers]
        )
    }
    for ticker in german_tickers:
        translation = english_tickers.get(ticker.translation_key)
        if translation is None:
            untranslated.append(ticker.get_parent().title)
        else:
            tickers.append(Ticker(ticker, translation))

    companies = list(CompanyPage.objects.live().filter(locale=german).order_by("path"))
    regions = list(RegionPage.objects.live().filter(locale=german).order_by("path"))
    return Targets(
        tickers=tickers,
        companies=companies,
        company_names=_names(companies, english),
        regions=regions,
        region_names=_names(regions, english),
        untranslated_tickers=untranslated,
    )


def _ensure_state_alliance(note: Note) -> None:
    try:
        state_alliance()
    except SkeletonError:
        ensure_state_alliance()
        note("Created the state alliance with its indexes (German and English).")


def _ensure_regions(words: Vocabulary, note: Note, user=None) -> None:
    german, _english = content_locales()
    existing = RegionPage.objects.live().filter(locale=german)
    missing = HANDFUL - existing.count()
    if missing <= 0:
        return
    parent = regions_index(german)
    taken_titles = set(existing.values_list("title", flat=True))
    taken_slugs = set(parent.get_children().values_list("slug", flat=True))
    for place in words.places:
        if missing <= 0:
            break
        slug = german_slugify(place.german)
        if place.german in taken_titles or slug in taken_slugs:
            continue
        ensure_translated_child(
            parent,
            RegionPage,
            slug,
            {"title": place.german, "kind": place.kind},
            {"en": {"title": place.english}},
            user=user,
        )
        note(f"Created the synthetic region {place.german} ({place.english}).")
        missing -= 1


def _ensure_companies(words: Vocabulary, note: Note, user=None) -> None:
    german, _english = content_locales()
    existing = CompanyPage.objects.live().filter(locale=german)
    missing = HANDFUL - existing.count()
    if missing <= 0:
        return
    parent = companies_index(german)
    regions = list(RegionPage.objects.live().filter(locale=german).order_by("path"))
    taken_slugs = set(parent.get_children().values_list("slug", flat=True))
    sectors = list(Sector)
    # Bounded, so that a tree holding every name the lists can make cannot hang the command.
    for number in range(len(words.materials) * max(len(regions), 1)):
        if missing <= 0:
            break
        rng = random.Random(f"alliance-ticker-corpus:company:{number}")
        material = rng.choice(words.materials).german
        headquarters = regions[number % len(regions)] if regions else None
        place = headquarters.title if headquarters else rng.choice(words.places).german
        name = f"{material}werk {place} GmbH"
        slug = german_slugify(name)
        if slug not in taken_slugs:
            ensure_translated_child(
                parent,
                CompanyPage,
                slug,
                {
                    "title": name,
                    "sector": sectors[number % len(sectors)],
                    "headquarters": headquarters,
                },
                {"en": {"title": name}},
                user=user,
            )
            taken_slugs.add(slug)
            note(f"Created the synthetic company {name}.")
            missing -= 1


def prepare_targets(words: Vocabulary, *, note: Note = lambda message: None, user=None) -> Targets:
    """The targets, after creating the state alliance and synthetic companies and regions if needed.

    Call inside a transaction: the pages made here go through Wagtail and
    wagtail-localize as an editor's would, which is fine for a handful.
    """
    _ensure_state_alliance(note)
    _ensure_regions(words, note, user=user)
    _ensure_companies(words, note, user=user)
    return load_targets()
