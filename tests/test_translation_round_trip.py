"""German page, English translation through wagtail-localize, German source edited, sync.

What an editor relies on: a sync brings over the new German text for translation and
the changed facts, and keeps every English string whose German source did not change.
"""

import datetime

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from alliance_pages.skeleton import ticker_index
from alliance_pages.translation import TranslationMismatch, publish_translation
from ticker.models import TickerStoryPage


@pytest.fixture
def story(state_alliance):
    page = TickerStoryPage(
        title="Wasserstoff aus Duisburg",
        slug="wasserstoff-aus-duisburg",
        teaser="Ein Stahlwerk ersetzt Koks durch grünen Wasserstoff.",
        date=datetime.date(2024, 3, 1),
        body=[
            (
                "paragraph",
                "<p>Die Direktreduktion spart Kohlendioxid.</p><p>Die Straße bleibt.</p>",
            ),
            ("heading", "Ausblick"),
        ],
    )
    ticker_index(state_alliance).add_child(instance=page)
    page.tags.add("Wasserstoff", "Stahl")
    page.save_revision().publish()
    return page


@pytest.fixture
def english(story, locales):
    _de, en = locales
    return publish_translation(
        story,
        en,
        {
            "title": "Hydrogen from Duisburg",
            "teaser": "A steelworks replaces coke with green hydrogen.",
            "body": [
                (
                    "paragraph",
                    "<p>Direct reduction saves carbon dioxide.</p><p>The road stays.</p>",
                ),
                ("heading", "Outlook"),
            ],
        },
        tags=["hydrogen", "steel"],
    )


def test_translation_is_a_live_english_page_under_the_english_ticker(story, english, locales):
    _de, en = locales
    assert english.locale == en
    assert english.live
    assert english.translation_key == story.translation_key
    assert english.slug == "hydrogen-from-duisburg"
    assert english.get_parent().specific == ticker_index(
        story.get_parent().get_parent()
    ).get_translation(en)
    assert english.body[0].value.source == (
        "<p>Direct reduction saves carbon dioxide.</p><p>The road stays.</p>"
    )
    assert english.body[1].value == "Outlook"
    assert sorted(english.tags.names()) == ["hydrogen", "steel"]
    assert english.date == story.date
    source = TranslationSource.objects.get_for_instance(story)
    assert Translation.objects.filter(source=source, target_locale=en).exists()


def test_sync_keeps_translations_of_unchanged_text(story, english, locales):
    _de, en = locales
    # The editor changes the teaser and the date of the German story; the title stays.
    german = Page.objects.get(pk=story.pk).specific
    german.teaser = "Ein Stahlwerk in Duisburg ersetzt Koks durch grünen Wasserstoff."
    german.date = datetime.date(2024, 4, 15)
    german.save_revision().publish()

    source = TranslationSource.objects.get_for_instance(german)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=en)
    progress_total, progress_done = translation.get_progress()
    assert progress_total - progress_done == 1  # only the new teaser awaits a translator

    new_teaser = source.stringsegment_set.get(context__path="teaser").string
    StringTranslation.objects.create(
        translation_of=new_teaser,
        locale=en,
        context=source.stringsegment_set.get(context__path="teaser").context,
        data="A Duisburg steelworks replaces coke with green hydrogen.",
    )
    translation.save_target(publish=True)

    synced = TickerStoryPage.objects.get(pk=english.pk)
    assert synced.title == "Hydrogen from Duisburg"
    assert synced.teaser == "A Duisburg steelworks replaces coke with green hydrogen."
    assert synced.body[1].value == "Outlook"
    assert synced.date == datetime.date(2024, 4, 15)  # facts follow the German source
    assert sorted(synced.tags.names()) == ["hydrogen", "steel"]  # tags are per language


def test_translating_again_with_the_same_text_keeps_the_page(story, english, locales):
    _de, en = locales
    again = publish_translation(story, en, {"title": "Hydrogen from Duisburg"})
    assert again.pk == english.pk
    assert again.teaser == english.teaser


def test_a_translation_must_have_the_shape_of_its_source(story, locales):
    _de, en = locales
    with pytest.raises(TranslationMismatch, match="body"):
        publish_translation(
            story, en, {"body": [("paragraph", "<p>Only one paragraph.</p>"), ("heading", "x")]}
        )
    assert story.get_translation_or_none(en) is None
