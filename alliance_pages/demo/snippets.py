"""Partner organisations for the demo: translatable snippets, created once and translated
through wagtail-localize like the pages (:func:`alliance_pages.translation.publish_translation`).
"""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import transaction
from wagtail.models import Locale, TranslatableMixin

from ..translation import publish_translation
from ..tree import differs

S = TypeVar("S", bound=TranslatableMixin)


@transaction.atomic
def ensure_translated_snippet(
    model: type[S],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    translations: Mapping[str, Mapping[str, str]],
    *,
    source_locale: Locale,
    user=None,
) -> tuple[S, bool]:
    """The snippet in ``source_locale`` found by ``lookup``, created or brought up to date,
    plus its translations; a translation is redone only when something changed.

    Returns the source snippet and whether the database changed.
    """
    source = model.objects.filter(locale=source_locale, **lookup).first()
    changed = False
    if source is None:
        source = model(locale=source_locale, **values)
        source.full_clean()
        source.save()
        changed = True
    elif differs(source, values):
        for name, value in values.items():
            setattr(source, name, value)
        source.full_clean()
        source.save()
        changed = True

    for language_code, translated_values in translations.items():
        locale = Locale.objects.get(language_code=language_code)
        existing = source.get_translation_or_none(locale)
        if existing is not None and not changed and not differs(existing, translated_values):
            continue
        publish_translation(source, locale, translated_values, user=user)
        changed = True
    return source, changed
