"""Reading an Industrieticker archive: one JSON object per line, one story per ``id``.

The archive is checked completely before anything is written, so that a person gets
every problem of a file in one run (with its line number) instead of one per attempt,
and so that a story with one bad line is never imported half.

A line looks like this (``companies``, ``regions`` and ``tags`` may be left out)::

    {"id": "2019-0012", "locale": "de", "title": "...", "teaser": "...",
     "body": "<p>HTML</p>", "date": "2019-05-01",
     "companies": ["..."], "regions": ["..."], "tags": ["..."]}
"""

import datetime
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from alliance_pages.blocks import RICH_TEXT_FEATURES

# The language every story is written in first; the other languages translate it.
SOURCE_LANGUAGE = "de"

# Limits of the fields the values end up in, checked here to name the line at fault.
MAX_LENGTHS = {"id": 100, "title": 255, "teaser": 600, "name": 255, "tag": 100}
KNOWN_FIELDS = {"id", "locale", "title", "teaser", "body", "date", "companies", "regions", "tags"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Elements whose content is code or markup, not text: the whitelist would keep their
# text (it unwraps unknown elements), so they go before it runs.
DISCARDED_ELEMENTS = ["script", "style", "template", "noscript", "iframe", "object", "svg"]


class ArchiveUnreadable(Exception):
    """The file as a whole cannot be read; no line of it can be imported."""


class LineInvalid(ValueError):
    """One line cannot be imported; ``story_id`` is set when the line names its story."""

    def __init__(self, reason: str, story_id: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.story_id = story_id


@dataclass(frozen=True)
class ArchiveLine:
    number: int
    story_id: str
    language: str
    title: str
    teaser: str
    body: str  # cleaned rich text, "" when the story has no body
    date: datetime.date
    companies: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass
class ArchiveStory:
    """All lines of one ``id``: the German source and its translations."""

    story_id: str
    lines: dict[str, ArchiveLine] = field(default_factory=dict)

    @property
    def source(self) -> ArchiveLine | None:
        return self.lines.get(SOURCE_LANGUAGE)

    @property
    def translations(self) -> list[ArchiveLine]:
        return [line for language, line in self.lines.items() if language != SOURCE_LANGUAGE]

    @property
    def numbers(self) -> list[int]:
        return sorted(line.number for line in self.lines.values())

    @property
    def title(self) -> str:
        line = self.source or next(iter(self.lines.values()))
        return line.title


@dataclass(frozen=True)
class LineProblem:
    number: int
    reason: str


@dataclass
class Archive:
    stories: list[ArchiveStory]
    problems: list[LineProblem]


def read_archive(path: Path, languages: Iterable[str] | None = None) -> Archive:
    return parse_archive(read_text(path), languages)


def read_text(path: Path) -> str:
    """The file's text; archives are UTF-8 (a byte-order mark is tolerated)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ArchiveUnreadable(_("The file %(path)s does not exist.") % {"path": path}) from error
    except OSError as error:
        raise ArchiveUnreadable(
            _("The file %(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArchiveUnreadable(
            _(
                "The file %(path)s is not UTF-8 text: line %(line)s contains a byte (0x%(byte)s) "
                "that UTF-8 cannot decode. Save the file as UTF-8 and run the import again."
            )
            % {
                "path": path,
                "line": data[: error.start].count(b"\n") + 1,
                "byte": data[error.start : error.start + 1].hex(),
            }
        ) from error


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def parse_archive(text: str, languages: Iterable[str] | None = None) -> Archive:
    """Stories in the order of their first line, and every line that cannot be imported.

    A story with one bad line is left out entirely: importing the rest of it would
    publish a German page without its translation, or the reverse.
    """
    languages = list(languages or content_languages())
    stories: dict[str, ArchiveStory] = {}
    problems: list[LineProblem] = []
    rejected: dict[str, int] = {}  # story id -> number of its first bad line

    # Not str.splitlines(): JSON strings may hold U+2028 and other line separators.
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = parse_line(number, raw, languages)
            _add_line(stories.setdefault(line.story_id, ArchiveStory(line.story_id)), line)
        except LineInvalid as error:
            problems.append(LineProblem(number, error.reason))
            if error.story_id is not None:
                rejected.setdefault(error.story_id, number)

    for story_id, bad_number in rejected.items():
        story = stories.pop(story_id, None)
        for number in story.numbers if story else []:
            problems.append(LineProblem(number, _rejected_story_reason(story_id, bad_number)))
    problems.sort(key=lambda problem: problem.number)
    return Archive(stories=list(stories.values()), problems=problems)


def _rejected_story_reason(story_id: str, bad_number: int) -> str:
    return _("Story %(id)s is not imported because its line %(line)s cannot be imported.") % {
        "id": story_id,
        "line": bad_number,
    }


def _add_line(story: ArchiveStory, line: ArchiveLine) -> None:
    earlier = story.lines.get(line.language)
    if earlier is not None:
        raise LineInvalid(
            _("Story %(id)s already has a line in %(language)s (line %(line)s).")
            % {"id": line.story_id, "language": line.language, "line": earlier.number},
            story_id=line.story_id,
        )
    story.lines[line.language] = line


def parse_line(number: int, raw: str, languages: list[str]) -> ArchiveLine:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LineInvalid(
            _("This is not valid JSON: %(error)s (column %(column)s).")
            % {"error": error.msg, "column": error.colno}
        ) from error
    if not isinstance(data, dict):
        raise LineInvalid(_("Each line must be one JSON object {...}."))

    checks = {
        "story_id": lambda: _text(data, "id", MAX_LENGTHS["id"]),
        "language": lambda: _language(data, languages),
        "title": lambda: _text(data, "title", MAX_LENGTHS["title"]),
        "teaser": lambda: _text(data, "teaser", MAX_LENGTHS["teaser"]),
        "body": lambda: _body(data),
        "date": lambda: _date(data),
        "companies": lambda: _names(data, "companies"),
        "regions": lambda: _names(data, "regions"),
        "tags": lambda: _tags(data),
    }
    values: dict[str, Any] = {}
    errors: list[str] = []
    for name, check in checks.items():
        value = check()
        if isinstance(value, LineInvalid):
            errors.append(value.reason)
        else:
            values[name] = value
    unknown = sorted(set(data) - KNOWN_FIELDS)
    if unknown:
        errors.append(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)})
    if errors:
        raise LineInvalid(" ".join(errors), story_id=values.get("story_id"))
    return ArchiveLine(number=number, **values)


# The field checks return the value or the LineInvalid describing what is wrong, so
# that one run reports every problem of a line at once.


def _text(data: dict, name: str, max_length: int | None, required: bool = True):
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            return LineInvalid(_("The field %(field)s is missing or empty.") % {"field": name})
        return ""
    if not isinstance(value, str):
        return LineInvalid(
            _("The field %(field)s must be a string, not %(type)s.")
            % {"field": name, "type": type(value).__name__}
        )
    value = value.strip()
    if max_length is not None and len(value) > max_length:
        return LineInvalid(
            _("The field %(field)s is longer than %(max)s characters.")
            % {"field": name, "max": max_length}
        )
    return value


def _language(data: dict, languages: list[str]):
    value = _text(data, "locale", None)
    if isinstance(value, str) and value not in languages:
        return LineInvalid(
            _("Unknown locale %(locale)s; use one of: %(locales)s.")
            % {"locale": value, "locales": ", ".join(languages)}
        )
    return value


def _body(data: dict):
    value = _text(data, "body", None, required=False)
    return clean_body_html(value) if isinstance(value, str) else value


def _date(data: dict):
    value = _text(data, "date", None)
    if not isinstance(value, str):
        return value
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        return LineInvalid(
            _("The date %(date)s is not a date in the form YYYY-MM-DD.") % {"date": value}
        )


def _strings(data: dict, name: str, max_length: int):
    value = data.get(name, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        return LineInvalid(
            _("The field %(field)s must be a list of non-empty strings.") % {"field": name}
        )
    items = tuple(item.strip() for item in value)
    too_long = [item for item in items if len(item) > max_length]
    if too_long:
        return LineInvalid(
            _("In %(field)s, %(item)s is longer than %(max)s characters.")
            % {"field": name, "item": too_long[0], "max": max_length}
        )
    return items


def _names(data: dict, name: str):
    """Company or region names; a name given twice would break pairing by position."""
    names = _strings(data, name, MAX_LENGTHS["name"])
    if isinstance(names, LineInvalid):
        return names
    folded = [item.casefold() for item in names]
    repeated = [item for item, key in zip(names, folded, strict=True) if folded.count(key) > 1]
    if repeated:
        return LineInvalid(
            _("In %(field)s, %(name)s is named more than once.")
            % {"field": name, "name": repeated[0]}
        )
    return names


def _tags(data: dict):
    tags = _strings(data, "tags", MAX_LENGTHS["tag"])
    return tags if isinstance(tags, LineInvalid) else tuple(dict.fromkeys(tags))


def clean_body_html(html: str) -> str:
    """The archive's HTML as the rich-text editor would store it, or "" if no text is left.

    Wagtail's own whitelist (the one the editor's input passes) decides what stays, with
    the features of our paragraph block; scripts and styles go first, contents included.
    """
    if not html:
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(DISCARDED_ELEMENTS):
        element.decompose()
    cleaned = _converter().to_database_format(str(soup)).strip()
    return cleaned if BeautifulSoup(cleaned, "html.parser").get_text().strip() else ""


@functools.cache
def _converter() -> EditorHTMLConverter:
    return EditorHTMLConverter(features=RICH_TEXT_FEATURES)
