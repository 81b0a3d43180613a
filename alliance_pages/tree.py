"""Building the page tree from code: demo content, imports, the benchmark corpus.

Each helper is idempotent, because every command that builds the tree must be safe
to run again: it finds a page by its slug under its parent before creating it, and
publishes a new revision only when something actually changed.
"""

from collections.abc import Mapping
from typing import Any, TypeVar

from wagtail.models import Page

P = TypeVar("P", bound=Page)


def differs(page: Page, values: Mapping[str, Any]) -> bool:
    for name, value in values.items():
        current = getattr(page, name)
        if hasattr(current, "raw_data"):  # StreamField: compare content, ignore block ids
            current = [(block["type"], block["value"]) for block in current.raw_data]
            value = [tuple(block) if isinstance(block, list | tuple) else block for block in value]
        elif hasattr(current, "all"):  # many-to-many
            current = sorted(obj.pk for obj in current.all())
            value = sorted(obj.pk for obj in value)
        if current != value:
            return True
    return False


def _assign(page: Page, values: Mapping[str, Any]) -> None:
    for name, value in values.items():
        if hasattr(getattr(page, name), "raw_data"):
            # The stored form, the same that ``differs`` compares: an image is its id.
            setattr(page, name, [{"type": block[0], "value": block[1]} for block in value])
        else:
            setattr(page, name, value)


def available_slug(parent: Page, slug: str) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` ... whichever no child of ``parent`` uses yet.

    Wagtail's own ``find_available_slug`` counts from 1, which reads as "the first
    duplicate" to an editor; -2 reads as "the second page of that name".
    """
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def publish(page: Page, user=None) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


def ensure_child(
    parent: Page, model: type[P], slug: str, values: Mapping[str, Any], user=None
) -> tuple[P, bool]:
    """The published child of ``parent`` with ``slug``, created or brought up to date.

    Returns the page and whether the database changed.
    """
    existing = (
        parent.get_children().filter(slug=slug, locale_id=parent.locale_id).specific().first()
    )
    if existing is not None:
        if not isinstance(existing, model):
            raise ValueError(
                f"{existing.url_path} is a {type(existing).__name__}, not a {model.__name__}"
            )
        if not differs(existing, values) and existing.live and not existing.has_unpublished_changes:
            return existing, False
        _assign(existing, values)
        publish(existing, user)
        return existing, True

    page = model(slug=slug, locale_id=parent.locale_id, owner=user)
    _assign(page, values)
    parent.add_child(instance=page)
    publish(page, user)
    return page, True


def ensure_translated_child(
    parent: Page,
    model: type[P],
    slug: str,
    values: Mapping[str, Any],
    translations: Mapping[str, Mapping[str, Any]],
    *,
    tags: list[str] | None = None,
    translated_tags: Mapping[str, list[str]] | None = None,
    user=None,
) -> tuple[P, bool]:
    """Like :func:`ensure_child`, plus its translations made through wagtail-localize.

    ``translations`` maps a language code to that language's field values; the
    parent must already be translated into it. A translation is redone only when the
    source changed or the translated values differ from what is live.
    """
    from wagtail.models import Locale

    from .translation import publish_translation

    page, changed = ensure_child(parent, model, slug, values, user=user)
    if tags is not None and sorted(page.tags.names()) != sorted(tags):
        page.tags.set(tags)
        publish(page, user)
        changed = True
    for language_code, translated_values in translations.items():
        locale = Locale.objects.get(language_code=language_code)
        own_tags = (translated_tags or {}).get(language_code)
        existing = page.get_translation_or_none(locale)
        comparable = {k: v for k, v in translated_values.items() if k != "slug"}
        if (
            existing is not None
            and not changed
            and existing.live
            and not differs(existing, comparable)
            and (own_tags is None or sorted(existing.tags.names()) == sorted(own_tags))
        ):
            continue
        publish_translation(page, locale, translated_values, tags=own_tags, user=user)
        changed = True
    return page, changed
