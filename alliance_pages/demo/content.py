"""Small constructors for StreamField and rich text values, so the data modules read as text.

Blocks are ``(block_type, raw_value)`` pairs, the form :func:`alliance_pages.tree.ensure_child`
compares and stores. Images are referred to by their demo key and resolved to primary
keys when the pages are built, because the images exist only in the database.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

Block = tuple[str, Any]


@dataclass(frozen=True)
class ImageRef:
    """A demo image by its key in :data:`alliance_pages.demo.images.ILLUSTRATIONS`."""

    key: str


def _html(text: str) -> str:
    # Only what HTML requires: wagtail-localize writes quotes back unescaped, and an
    # escaped quote would make every run see a change.
    return escape(text, quote=False)


def rich_text(*paragraphs: str, bullets: tuple[str, ...] = ()) -> str:
    """Paragraphs, then an optional bullet list, as Wagtail rich text."""
    html = "".join(f"<p>{_html(paragraph)}</p>" for paragraph in paragraphs)
    if bullets:
        html += "<ul>" + "".join(f"<li>{_html(item)}</li>" for item in bullets) + "</ul>"
    return html


def paragraph(*paragraphs: str, bullets: tuple[str, ...] = ()) -> Block:
    return ("paragraph", rich_text(*paragraphs, bullets=bullets))


def heading(text: str) -> Block:
    return ("heading", text)


def key_fact(value: str, label: str) -> Block:
    return ("key_fact", {"value": value, "label": label})


def quote(text: str, attribution: str) -> Block:
    return ("quote", {"quote": text, "attribution": attribution})


def figure(image_key: str, caption: str) -> Block:
    return ("figure", {"image": ImageRef(image_key), "caption": caption})


def resolve_images(blocks: tuple[Block, ...], image_ids: Mapping[str, int]) -> list[Block]:
    """The blocks with every :class:`ImageRef` replaced by the image's primary key."""

    def resolve(value):
        if isinstance(value, ImageRef):
            return image_ids[value.key]
        if isinstance(value, dict):
            return {name: resolve(item) for name, item in value.items()}
        return value

    return [(block_type, resolve(value)) for block_type, value in blocks]
