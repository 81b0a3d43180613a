"""Publishing a translation through wagtail-localize from text we already have.

Demo content and imported archives arrive with both languages written. Setting the
English page's fields directly would leave wagtail-localize without a translation
source, so later edits of the German page could not be synced. Instead we hand the
English text to wagtail-localize as translated strings, segment by segment, and let
it build and publish the English page exactly as an editor's translation would be.
"""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .text import german_slugify


class TranslationMismatch(ValueError):
    """The translated text does not have the shape of its source (e.g. fewer paragraphs)."""


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def _with_translated_values(source: Page, values: Mapping[str, Any]) -> Page:
    """An unsaved copy of ``source`` carrying the translated values.

    StreamField values keep the source's block ids (matched by position), because
    wagtail-localize addresses every string by the id of the block holding it.
    """
    shadow = type(source).objects.get(pk=source.pk)
    for name, value in values.items():
        field = shadow._meta.get_field(name)
        if field.get_internal_type() == "StreamField" or hasattr(field, "stream_block"):
            source_blocks = list(getattr(source, name).raw_data)
            raw = []
            for position, (block_type, block_value) in enumerate(value):
                block = {"type": block_type, "value": block_value}
                if position < len(source_blocks) and source_blocks[position]["type"] == block_type:
                    block["id"] = source_blocks[position]["id"]
                raw.append(block)
            setattr(shadow, name, raw)
        else:
            setattr(shadow, name, value)
    return shadow


def _describe(source: Page, segment_path: str) -> str:
    """``body.<uuid>`` -> ``body, block 2 (paragraph)``: block ids mean nothing to people."""
    field_name, _dot, rest = segment_path.partition(".")
    stream = getattr(source, field_name, None)
    if not rest or not hasattr(stream, "raw_data"):
        return segment_path
    block_id = rest.split(".")[0]
    for position, block in enumerate(stream.raw_data, start=1):
        if block.get("id") == block_id:
            return f"{field_name}, block {position} ({block['type']})"
    return field_name


def _is_given(path: str, values: Mapping[str, Any]) -> bool:
    return any(path == name or path.startswith(f"{name}.") for name in values)


def _string_translation(data: str, user) -> dict[str, Any]:
    return {
        "data": data,
        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
        "last_translated_by": user,
        "has_error": False,
        "field_error": "",
    }


@transaction.atomic
def publish_translation(
    source: Page | TranslatableMixin,
    locale: Locale,
    values: Mapping[str, Any],
    *,
    tags: list[str] | None = None,
    user=None,
    publish: bool = True,
) -> Page:
    """Translate ``source`` (a page or a translatable snippet) into ``locale`` with the given
    field values, through wagtail-localize.

    ``values`` maps field names to translated values; StreamField values are lists of
    ``(block_type, value)`` in the source's block order. Fields not given keep the
    source's text (names, numbers). ``tags`` are the translation's own tags: tags are
    never synced from the source (see README, "English tags"). Returns the translated
    page, published before returning when ``publish`` is set.
    """
    if isinstance(source, Page):
        source = source.specific
    values = dict(values)
    if isinstance(source, Page) and "title" in values and "slug" not in values:
        values["slug"] = german_slugify(values["title"]) or source.slug

    translation_source, created = TranslationSource.get_or_create_from_instance(source)
    if not created:
        translation_source.update_from_db()

    translated_strings = _strings_by_path(_with_translated_values(source, values))
    source_strings = _strings_by_path(source)
    for path in values:
        paths = {p for p in source_strings if p == path or p.startswith(f"{path}.")}
        for segment_path in paths:
            expected = len(source_strings[segment_path])
            given = len(translated_strings.get(segment_path, []))
            if given != expected:
                raise TranslationMismatch(
                    f"{_describe(source, segment_path)}: the source has {expected} text "
                    f"segment(s), the translation {given}"
                )

    position_in_path: dict[str, int] = defaultdict(int)
    for segment in translation_source.stringsegment_set.select_related(
        "context", "string"
    ).order_by("order"):
        path = segment.context.path
        index = position_in_path[path]
        position_in_path[path] += 1
        lookup = {
            "translation_of_id": segment.string_id,
            "locale": locale,
            "context_id": segment.context_id,
        }
        if not _is_given(path, values):
            # Not ours to change: keep an editor's translation, and fill a gap with the
            # source text (names, figures) so that the translation can be saved at all.
            StringTranslation.objects.get_or_create(
                **lookup, defaults=_string_translation(segment.string.data, user)
            )
            continue
        StringTranslation.objects.update_or_create(
            **lookup, defaults=_string_translation(translated_strings[path][index], user)
        )

    translation, _created = Translation.objects.get_or_create(
        source=translation_source,
        target_locale=locale,
        defaults={"enabled": True},
    )
    if not isinstance(source, Page):
        # Snippets without drafts: saving the translation is publishing it.
        translation.save_target(user=user, publish=True)
        return translation.get_target_instance()
    # wagtail-localize publishes on commit; we publish ourselves, after the tags are
    # set, so the caller gets the live page and no stale revision is published later.
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance().specific
    draft = target.get_latest_revision_as_object()
    if tags is not None:
        draft.tags.set(tags)
        revision = draft.save_revision(user=user, clean=False)
    else:
        revision = draft.latest_revision
    if publish:
        revision.publish(user=user)
    return type(target).objects.get(pk=target.pk)
