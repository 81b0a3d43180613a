"""Typed schemas for StreamField content, derived from the block definitions.

Wagtail 8 types every StreamField in its v3 read schemas as ``list[Any]``. Our
blocks are few and stable (``alliance_pages.blocks``), so their API representation
(``StreamBlock.get_api_representation``) can be described exactly: a list of
``{"type", "value", "id"}`` items, discriminated by ``type``, each ``value`` typed by
its block. Rich text inside blocks is rendered like rich text fields, in the format
``?rich_text_format=`` or ``WAGTAILAPI_RICH_TEXT_FORMAT`` asks for.
"""

from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from ninja import Schema
from pydantic import Field, create_model
from wagtail import blocks

_cache: dict[tuple[type, str], Any] = {}

LEAF_TYPES: list[tuple[type[blocks.Block], Any]] = [
    (blocks.RichTextBlock, str),
    (blocks.BooleanBlock, bool),
    (blocks.IntegerBlock, int),
    (blocks.FloatBlock, float),
    (blocks.DecimalBlock, Decimal),
    (blocks.DateBlock, date),
    (blocks.DateTimeBlock, datetime),
    (blocks.TimeBlock, time),
    (blocks.ChoiceBlock, str),
    (blocks.FieldBlock, str),  # CharBlock, TextBlock, URLBlock, EmailBlock, RegexBlock ...
]


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def block_type(block: blocks.Block, name: str) -> Any:
    """The Python type of ``block``'s API representation; ``name`` names new schemas."""
    if isinstance(block, blocks.StreamBlock):
        return list[stream_item_type(block, name)]
    if isinstance(block, blocks.ListBlock):
        return list[block_type(block.child_block, f"{name}Item")]
    if isinstance(block, blocks.StructBlock):
        return struct_type(block, name)
    if isinstance(block, blocks.ChooserBlock):
        return int | None  # the chosen object's ID; null when it has been deleted
    for block_class, python_type in LEAF_TYPES:
        if isinstance(block, block_class):
            return python_type if block.required else python_type | None
    return Any


def struct_type(block: blocks.StructBlock, name: str) -> type[Schema]:
    key = (type(block), name)
    if key not in _cache:
        fields = {
            child_name: (block_type(child, f"{name}{_camel(child_name)}"), ...)
            for child_name, child in block.child_blocks.items()
        }
        _cache[key] = create_model(name, __base__=Schema, **fields)
    return _cache[key]


def stream_item_type(block: blocks.StreamBlock, name: str) -> Any:
    """One item of a stream: a union of ``{type, value, id}`` schemas, one per child block."""
    key = (type(block), name)
    if key not in _cache:
        members = []
        for child_name, child in block.child_blocks.items():
            value_name = (
                type(child).__name__
                if isinstance(child, blocks.StructBlock) and type(child) is not blocks.StructBlock
                else f"{name}{_camel(child_name)}"
            )
            members.append(
                create_model(
                    f"{name}{_camel(child_name)}Item",
                    __base__=Schema,
                    type=(Literal[child_name], ...),
                    value=(block_type(child, value_name), ...),
                    id=(str | None, None),
                )
            )
        if len(members) == 1:
            _cache[key] = members[0]
        else:
            _cache[key] = Annotated[Union[tuple(members)], Field(discriminator="type")]  # noqa: UP007
    return _cache[key]
