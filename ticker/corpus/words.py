"""The word lists synthetic stories are made of, German and English side by side.

The lists live as plain text in ``data/`` so that people who write German can extend
them without reading Python: one entry a line, ``German | English``, ``#`` starts a
comment. Keeping both languages on one line is what makes the English story a
translation of the German one rather than a second, unrelated text.
"""

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from alliance_pages.choices import RegionKind

LIST_NAMES = ("innovations", "materials", "processes", "places", "tags", "people")


class WordListError(ValueError):
    """A word list is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    """One entry of a word list: the German word and its English translation.

    ``kind`` is an optional third column; places use it for the region kind a
    synthetic region of that name gets.
    """

    german: str
    english: str
    kind: str = ""


@dataclass(frozen=True)
class Vocabulary:
    innovations: tuple[Term, ...]
    materials: tuple[Term, ...]
    processes: tuple[Term, ...]
    places: tuple[Term, ...]
    tags: tuple[Term, ...]
    people: tuple[Term, ...]


def parse_terms(text: str, source: str) -> tuple[Term, ...]:
    """The terms in ``text``; ``source`` names the file in error messages."""
    terms: list[Term] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        columns = [column.strip() for column in line.split("|")]
        if len(columns) not in (2, 3) or not all(columns):
            raise WordListError(
                f"{source}:{number}: expected 'German | English' (optionally '| kind'), got {raw!r}"
            )
        if columns[0] in seen:
            raise WordListError(f"{source}:{number}: {columns[0]!r} is listed twice")
        seen.add(columns[0])
        terms.append(Term(*columns))
    if not terms:
        raise WordListError(f"{source}: the list is empty")
    return tuple(terms)


def read_terms(name: str) -> tuple[Term, ...]:
    resource = files("ticker.corpus").joinpath("data", f"{name}.txt")
    return parse_terms(resource.read_text(encoding="utf-8"), f"ticker/corpus/data/{name}.txt")


@cache
def vocabulary() -> Vocabulary:
    """All word lists, read once per process and checked for what the generator relies on."""
    words = Vocabulary(**{name: read_terms(name) for name in LIST_NAMES})
    kinds = set(RegionKind.values)
    for place in words.places:
        if place.kind not in kinds:
            raise WordListError(
                f"ticker/corpus/data/places.txt: {place.german!r} needs a region kind "
                f"as third column, one of {', '.join(sorted(kinds))}"
            )
    return words
