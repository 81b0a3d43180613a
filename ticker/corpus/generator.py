"""Composing synthetic bilingual Industrieticker stories, deterministically.

Every story draws from its own random generator, seeded with the corpus seed and the
story's serial number. A story therefore does not depend on how many stories come
before it, on the batch size or on whether the run was interrupted and resumed: the
same seed and the same tree give the same corpus, story by story.

The generator knows nothing of the database. It is told how many tickers there are
and the names of the companies and regions stories may cite, and returns plans that
the writer turns into pages.
"""

import datetime
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from alliance_pages.text import german_slugify

from . import templates
from .templates import Phrase
from .words import Term, Vocabulary

# Stories are dated inside a fixed window, never relative to today, so that a corpus
# generated next year is the same corpus.
FIRST_DATE = datetime.date(2015, 1, 1)
LAST_DATE = datetime.date(2025, 12, 31)

# uuid5 namespace for translation keys and block ids: stable across runs and databases.
CORPUS_NAMESPACE = uuid.UUID("5b0f4c1e-9a7d-4e61-8d2f-6c3a1e0b7f42")

SLUG_BASE_LENGTH = 60


def archive_id(seed: int, serial: int) -> str:
    """``gen-42-000123``: the ID that lets a rerun recognise a story it already made."""
    return f"gen-{seed}-{serial:06d}"


def archive_prefix(seed: int) -> str:
    return f"gen-{seed}-"


@dataclass(frozen=True)
class StoryText:
    """A story in one language; the German and English texts have the same block structure."""

    title: str
    slug: str
    teaser: str
    # (block type, value, block id); the ids are shared by both languages, as
    # wagtail-localize shares them between a page and its translation.
    body: tuple[tuple[str, Any, str], ...]
    tags: tuple[str, ...]

    def stream_data(self) -> list[dict[str, Any]]:
        return [
            {"type": kind, "value": value, "id": block_id} for kind, value, block_id in self.body
        ]

    def blocks(self) -> list[tuple[str, Any]]:
        """The body as ``(block type, value)`` pairs, the shape publish_translation takes."""
        return [(kind, value) for kind, value, _block_id in self.body]


@dataclass(frozen=True)
class StoryPlan:
    """Everything about one story except where its pages end up in the database."""

    serial: int
    archive_id: str
    translation_key: uuid.UUID
    date: datetime.date
    ticker: int  # index into the alliances' tickers
    companies: tuple[int, ...]  # indexes into the companies
    regions: tuple[int, ...]  # indexes into the regions; the first is where the story is set
    german: StoryText
    english: StoryText


def _german_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def slug_for(title: str, serial: int) -> str:
    """A readable slug that stays unique among a ticker's stories: the title, then the serial."""
    base = german_slugify(title)
    if len(base) > SLUG_BASE_LENGTH:
        base = base[:SLUG_BASE_LENGTH].rsplit("-", 1)[0]
    return f"{base}-{serial}" if base else f"story-{serial}"


class StoryGenerator:
    """Plans story ``serial`` of the corpus for ``seed``.

    ``companies`` and ``regions`` are the names stories may cite, in a fixed order;
    a plan refers to them by position, so the caller maps positions back to pages.
    """

    def __init__(
        self,
        seed: int,
        vocabulary: Vocabulary,
        *,
        tickers: int,
        companies: Sequence[Term],
        regions: Sequence[Term],
    ) -> None:
        if tickers < 1 or not companies or not regions:
            raise ValueError("Stories need at least one ticker, one company and one region.")
        self.seed = seed
        self.words = vocabulary
        self.tickers = tickers
        self.companies = tuple(companies)
        self.regions = tuple(regions)
        self.days = (LAST_DATE - FIRST_DATE).days + 1

    def story(self, serial: int) -> StoryPlan:
        rng = random.Random(f"alliance-ticker-corpus:{self.seed}:{serial}")
        ident = archive_id(self.seed, serial)
        ticker = rng.randrange(self.tickers)
        companies = self._some(rng, len(self.companies))
        regions = self._some(rng, len(self.regions))
        date = FIRST_DATE + datetime.timedelta(days=rng.randrange(self.days))
        draft = self._draft(rng, ident, self.companies[companies[0]], self.regions[regions[0]])
        return StoryPlan(
            serial=serial,
            archive_id=ident,
            translation_key=uuid.uuid5(CORPUS_NAMESPACE, ident),
            date=date,
            ticker=ticker,
            companies=companies,
            regions=regions,
            german=draft.render("german", serial),
            english=draft.render("english", serial),
        )

    @staticmethod
    def _some(rng: random.Random, available: int) -> tuple[int, ...]:
        """One or two distinct positions out of ``available``."""
        return tuple(rng.sample(range(available), min(rng.randint(1, 2), available)))

    def _draft(self, rng: random.Random, ident: str, company: Term, place: Term) -> "_Draft":
        words = self.words
        tags = sorted(rng.sample(range(len(words.tags)), rng.randint(2, 4)))
        terms = {
            "company": company,
            "place": place,
            "innovation": rng.choice(words.innovations),
            "material": rng.choice(words.materials),
            "process": rng.choice(words.processes),
            "person": rng.choice(words.people),
        }
        numbers = {
            "tonnes": rng.randrange(200, 60_000, 50),
            "percent": rng.randrange(12, 71),
            "staff": rng.randrange(8, 400),
            "year": rng.randrange(2026, 2041),
        }
        title = rng.choice(templates.TITLES)
        teaser = rng.choice(templates.TEASERS)
        shapes = self._body_shapes(rng)
        block_ids = tuple(
            str(uuid.uuid5(CORPUS_NAMESPACE, f"{ident}/block/{position}"))
            for position in range(len(shapes))
        )
        return _Draft(
            terms, numbers, title, teaser, shapes, block_ids, tuple(words.tags[i] for i in tags)
        )

    def _body_shapes(self, rng: random.Random) -> list[tuple[str, tuple[Phrase, ...]]]:
        """Which blocks the body has and which phrases fill them, the same in both languages."""
        headings = rng.sample(templates.HEADINGS, 2)
        paragraphs = rng.sample(templates.PARAGRAPHS, 3)
        shapes: list[tuple[str, tuple[Phrase, ...]]] = [
            ("heading", (headings[0],)),
            ("paragraph", (paragraphs[0],)),
            ("key_fact", rng.choice(templates.KEY_FACTS)),
            ("paragraph", (paragraphs[1],)),
        ]
        if rng.random() < 0.5:
            shapes.append(("quote", (rng.choice(templates.QUOTES),)))
        if rng.random() < 0.5:
            shapes += [("heading", (headings[1],)), ("paragraph", (paragraphs[2],))]
        return shapes


@dataclass(frozen=True)
class _Draft:
    """The choices behind one story, before they are put into words in either language."""

    terms: dict[str, Term]
    numbers: dict[str, int]
    title: Phrase
    teaser: Phrase
    shapes: list[tuple[str, tuple[Phrase, ...]]]
    block_ids: tuple[str, ...]
    tags: tuple[Term, ...]

    def values(self, language: str) -> dict[str, str]:
        values = {name: getattr(term, language) for name, term in self.terms.items()}
        for name in ("innovation", "material", "process", "place", "company"):
            values[name.capitalize()] = _capitalised(values[name])
        for name, number in self.numbers.items():
            values[name] = _german_number(number) if language == "german" else f"{number:,}"
        return values

    def render(self, language: str, serial: int) -> StoryText:
        values = self.values(language)

        def say(phrase: Phrase) -> str:
            return getattr(phrase, language).format(**values)

        body = []
        for (kind, parts), block_id in zip(self.shapes, self.block_ids, strict=True):
            if kind == "heading":
                value: Any = say(parts[0])
            elif kind == "paragraph":
                value = f"<p>{say(parts[0])}</p>"
            elif kind == "key_fact":
                value = {"value": say(parts[0]), "label": say(parts[1])}
            else:  # quote
                value = {"quote": say(parts[0]), "attribution": values["person"]}
            body.append((kind, value, block_id))
        title = _capitalised(say(self.title))
        return StoryText(
            title=title,
            slug=slug_for(title, serial),
            teaser=say(self.teaser),
            body=tuple(body),
            tags=tuple(getattr(term, language) for term in self.tags),
        )
