"""The ``translations`` field of our page schemas: every language version and whether it is in sync.

What "in sync" means (also stated in the field's OpenAPI description, IN_SYNC): a
translation made with wagtail-localize is in sync with its source when

1. the source page has not been published since its content was last handed to
   wagtail-localize (``source page.last_published_at <= TranslationSource.last_updated_at``):
   no edit of the German page is still waiting to be synced to translators;
2. the translated page was last written from that content
   (latest ``TranslationLog`` for the source and the language ``>= last_updated_at``):
   the sync reached the page itself, not only the translation editor; and
3. every text segment of that content is translated
   (``Translation.get_progress()``: translated == total): wagtail-localize fills
   missing segments with the source text, which is not a translation.

It lags behind when any of these fails. The source version itself, and versions not
managed by wagtail-localize (copied or written by hand), have ``in_sync: null``:
there is nothing to measure them against. ``Translation.destination_last_updated_at``
would be the obvious field for (2), but wagtail-localize 1.14 never sets it; the
translation log is what it does write on every sync.
"""

from typing import Any

from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from ninja import Field, Schema
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationLog

from .links import detail_url, html_url
from .visibility import Visibility, source_locale

IN_SYNC = (
    "Whether this translation is in sync with its source: true when the source page has "
    "not been published since wagtail-localize last took its content, the translation "
    "was last written from that content, and every text segment of it is translated "
    "(wagtail-localize's string progress); false when it lags behind. null for the "
    "source itself and for language versions not managed by wagtail-localize."
)


class TranslationProgressSchema(Schema):
    total: int = Field(description="Text segments in the source content.")
    translated: int = Field(description="Of those, how many are translated.")


class PageTranslationSchema(Schema):
    locale: str = Field(description="Language code of this version.")
    id: int
    title: str
    html_url: str | None
    detail_url: str | None
    is_source: bool = Field(description="This version is the source of the translations.")
    in_sync: bool | None = Field(description=IN_SYNC)
    progress: TranslationProgressSchema | None = Field(
        description="String-level progress of a wagtail-localize translation; null otherwise."
    )


def page_translations(page: Page, request: HttpRequest) -> list[dict[str, Any]]:
    """Every live, public language version of ``page`` (itself included), by language code."""
    visibility = Visibility.for_request(request)
    all_versions = list(
        Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    translations = {
        translation.target_locale_id: translation
        for translation in Translation.objects.filter(
            source__object_id=page.translation_key, enabled=True
        )
        .select_related("source")
        .annotate(
            last_synced_at=Subquery(
                TranslationLog.objects.filter(
                    source=OuterRef("source"), locale=OuterRef("target_locale")
                )
                .order_by("-created_at")
                .values("created_at")[:1]
            )
        )
        .order_by("source__last_updated_at")  # the newest source wins for each language
    }
    # Without wagtail-localize, the version in the default language counts as the source.
    source_locale_ids = {t.source.locale_id for t in translations.values()} or {
        source_locale(request).pk
    }
    published = {version.locale_id: version.last_published_at for version in all_versions}
    return [
        {
            "locale": version.locale.language_code,
            "id": version.pk,
            "title": version.title,
            "html_url": html_url(request, version),
            "detail_url": detail_url(request, version.pk),
            "is_source": version.locale_id in source_locale_ids,
            **_sync_state(translations.get(version.locale_id), published),
        }
        for version in all_versions
        if visibility.allows(version)
    ]


def _sync_state(translation: Translation | None, published: dict) -> dict[str, Any]:
    if translation is None:
        return {"in_sync": None, "progress": None}
    source = translation.source
    total, translated = translation.get_progress()
    source_published_at = published.get(source.locale_id)
    in_sync = (
        (source_published_at is None or source_published_at <= source.last_updated_at)
        and translation.last_synced_at is not None
        and translation.last_synced_at >= source.last_updated_at
        and translated == total
    )
    return {"in_sync": in_sync, "progress": {"total": total, "translated": translated}}
