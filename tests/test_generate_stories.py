"""``generate_stories``: a deterministic, resumable, searchable synthetic ticker corpus.

Most tests share one corpus (40 stories over three alliances), built once per class
inside a transaction that is rolled back afterwards; each test runs in a savepoint on
top of it. Tests that need an empty tree or other arguments run on their own.
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.models import IndexEntry
from wagtail_localize.models import TranslationSource

from alliance_pages.choices import AllianceLevel
from alliance_pages.models import AlliancePage, CompanyPage, RegionPage
from alliance_pages.skeleton import (
    content_locales,
    ensure_alliance,
    ensure_state_alliance,
    state_alliance,
    ticker_index,
)
from ticker.corpus.digest import corpus_digest, corpus_records
from ticker.corpus.generator import StoryGenerator, archive_id
from ticker.corpus.indexing import suspended_indexing
from ticker.corpus.progress import Progress
from ticker.corpus.targets import HANDFUL
from ticker.corpus.words import Term, WordListError, parse_terms, vocabulary
from ticker.models import TickerIndexPage, TickerStoryPage

SEED = 7
COUNT = 40


def generate(**options) -> tuple[str, str]:
    """Run the command; returns (stdout, stderr)."""
    out, err = StringIO(), StringIO()
    call_command("generate_stories", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def stories(seed: int = SEED, language: str = "de"):
    return TickerStoryPage.objects.filter(
        archive_id__startswith=f"gen-{seed}-", locale__language_code=language
    )


def delete_corpus(seed: int) -> None:
    for page in TickerStoryPage.objects.filter(archive_id__startswith=f"gen-{seed}-"):
        page.delete()


def add_regional_alliances() -> list[AlliancePage]:
    state = ensure_state_alliance()
    return [
        ensure_alliance(
            state,
            slug,
            {"title": title, "level": AllianceLevel.REGIONAL, "founded_on": "2016-03-01"},
            {"title": english},
        )
        for slug, title, english in [
            ("allianz-ruhr", "Allianz Ruhr", "Alliance Ruhr"),
            ("allianz-suedwestfalen", "Allianz Südwestfalen", "Alliance South Westphalia"),
        ]
    ]


@pytest.fixture(scope="class")
def corpus(django_db_setup, django_db_blocker):
    """40 stories of seed 7 over the state alliance and two regional alliances."""
    with django_db_blocker.unblock(), transaction.atomic():
        add_regional_alliances()
        out, err = generate(count=COUNT, seed=SEED, batch_size=16, progress_every=10)
        yield out, err
        transaction.set_rollback(True)
    cache.clear()


@pytest.mark.usefixtures("corpus", "db")
class TestCorpus:
    def test_the_run_reports_what_it_made(self, corpus):
        out, err = corpus
        assert "Created 40 stories (80 pages)" in out
        assert "0 already existed" in out
        assert err == ""

    def test_one_german_and_one_english_page_per_story(self):
        assert stories().count() == COUNT
        assert stories(language="en").count() == COUNT
        expected = {archive_id(SEED, serial) for serial in range(1, COUNT + 1)}
        assert set(stories().values_list("archive_id", flat=True)) == expected

    def test_stories_are_spread_over_alliances_companies_regions_and_tags(self):
        german, _english = content_locales()
        tickers = TickerIndexPage.objects.filter(locale=german)
        assert tickers.count() == 3
        for ticker in tickers:
            assert ticker.get_children().type(TickerStoryPage).count() >= 3, ticker.url_path
        companies = set(stories().values_list("companies", flat=True))
        regions = set(stories().values_list("regions", flat=True))
        tags = set(stories().values_list("tags__name", flat=True))
        assert len(companies) >= HANDFUL
        assert len(regions) >= HANDFUL
        assert len(tags) >= 15
        dates = set(stories().values_list("date", flat=True))
        assert len(dates) >= 35

    def test_english_pages_are_live_translations_with_english_tags(self):
        german_tags = {term.german: term.english for term in vocabulary().tags}
        _german, english = content_locales()
        for story in stories():
            translation = story.get_translation(english).specific
            assert translation.live and not translation.has_unpublished_changes
            assert translation.archive_id == story.archive_id
            assert translation.date == story.date
            assert translation.get_parent().pk == story.get_parent().get_translation(english).pk
            assert sorted(translation.tags.names()) == sorted(
                german_tags[name] for name in story.tags.names()
            )
            assert set(translation.companies.all()) == set(story.companies.all())
            assert set(translation.regions.all()) == set(story.regions.all())
            assert translation.title != story.title
            # Same block structure and block ids, as wagtail-localize keeps them.
            assert [(b.block_type, b.id) for b in translation.body] == [
                (b.block_type, b.id) for b in story.body
            ]

    def test_pages_are_what_wagtail_would_have_made(self):
        assert Page.find_problems() == ([], [], [], [], [])
        for page in TickerStoryPage.objects.filter(archive_id__startswith="gen-"):
            parent = page.get_parent()
            assert page.url_path == f"{parent.url_path}{page.slug}/"
            assert page.live and page.first_published_at and page.last_published_at
            assert page.latest_revision_id == page.live_revision_id
            revision = page.latest_revision
            assert revision.object_id == str(page.pk)
            restored = revision.as_object()
            assert restored.title == page.title
            assert restored.teaser == page.teaser
            assert sorted(restored.tags.names()) == sorted(page.tags.names())
            assert page.get_url() is not None
            actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
            assert actions == {"wagtail.create", "wagtail.publish"}
        assert Revision.objects.filter(object_id__in=[str(p.pk) for p in stories()]).count() == (
            COUNT
        )

    def test_every_generated_page_is_in_the_search_index(self):
        pages = TickerStoryPage.objects.filter(archive_id__startswith="gen-")
        indexed = IndexEntry.objects.filter(
            object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
        )
        assert indexed.count() == 2 * COUNT

    def test_a_word_from_a_title_finds_the_story(self):
        german, english = content_locales()
        story = stories().order_by("archive_id").last()
        for page in (story, story.get_translation(english)):
            word = max(page.title.replace(":", " ").split(), key=len)
            results = list(TickerStoryPage.objects.live().search(word))
            assert page.specific in results, word

    def test_running_again_creates_nothing(self):
        pages, revisions = Page.objects.count(), Revision.objects.count()
        out, _err = generate(count=COUNT, seed=SEED, batch_size=16)
        assert "Created 0 stories" in out
        assert f"{COUNT} already existed" in out
        assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)

    def test_the_same_seed_gives_the_same_corpus(self):
        before = corpus_digest(SEED)
        delete_corpus(SEED)
        assert corpus_records(SEED) == []
        generate(count=COUNT, seed=SEED, batch_size=7)
        assert corpus_digest(SEED) == before

    def test_a_resumed_run_gives_the_corpus_of_an_uninterrupted_one(self):
        delete_corpus(SEED)
        generate(count=15, seed=SEED)
        interrupted = corpus_records(SEED)
        out, _err = generate(count=COUNT, seed=SEED, batch_size=16)
        assert "Created 25 stories" in out
        assert "15 already existed" in out
        records = corpus_records(SEED)
        assert [r for r in records if r["archive_id"] <= archive_id(SEED, 15)] == interrupted
        delete_corpus(SEED)
        generate(count=COUNT, seed=SEED)
        assert corpus_records(SEED) == records

    def test_another_seed_gives_other_stories(self):
        generate(count=12, seed=SEED + 1)
        ours = set(stories().values_list("title", flat=True))
        theirs = set(stories(SEED + 1).values_list("title", flat=True))
        assert len(theirs) == 12
        assert len(theirs & ours) <= 1

    def test_verbosity_zero_prints_nothing(self):
        out, err = generate(count=COUNT + 3, seed=SEED, verbosity=0)
        assert (out, err) == ("", "")
        assert stories().count() == COUNT + 3


@pytest.mark.django_db
def test_an_empty_tree_gets_a_state_alliance_and_synthetic_companies_and_regions():
    out, _err = generate(count=12, seed=3, verbosity=2)
    german, _english = content_locales()
    assert state_alliance().locale == german
    companies = CompanyPage.objects.filter(locale=german)
    regions = RegionPage.objects.filter(locale=german)
    assert companies.count() == HANDFUL and regions.count() == HANDFUL
    assert all(company.get_translations().filter(live=True).exists() for company in companies)
    assert "Created the synthetic region Köln (Cologne)." in out
    assert stories(3).count() == 12
    # Enough now: a second corpus adds none.
    generate(count=3, seed=4)
    assert CompanyPage.objects.filter(locale=german).count() == HANDFUL


@pytest.mark.django_db
def test_progress_lines_show_rate_and_eta():
    out, _err = generate(count=12, seed=5, batch_size=4, progress_every=4)
    lines = [line for line in out.splitlines() if "stories/s" in line and "ETA" in line]
    assert [line.split(" ")[0] for line in lines] == ["4/12", "8/12", "12/12"]


@pytest.mark.django_db
def test_localize_mode_leaves_translation_sources(state_alliance):
    generate(count=3, seed=9, translations="localize")
    _german, english = content_locales()
    for story in stories(9):
        assert TranslationSource.objects.get_for_instance_or_none(story) is not None
        translation = story.get_translation(english).specific
        assert translation.live
        assert translation.latest_revision.as_object().title == translation.title
        assert len(list(translation.tags.names())) >= 2
        assert translation.get_parent().pk == story.get_parent().get_translation(english).pk
    assert (
        IndexEntry.objects.filter(
            object_id__in=[str(pk) for pk in stories(9, "en").values_list("pk", flat=True)]
        ).count()
        == 3
    )


@pytest.mark.django_db
def test_untranslated_tickers_are_left_out_and_named(state_alliance):
    ruhr, _sued = add_regional_alliances()
    _german, english = content_locales()
    ticker_index(ruhr).get_translation(english).delete()
    _out, err = generate(count=12, seed=11)
    assert "Allianz Ruhr" in err
    assert not ticker_index(ruhr).get_children().exists()
    assert stories(11).count() == 12


@pytest.mark.parametrize(
    "options, message",
    [
        ({"count": 0}, "--count must be at least 1"),
        ({"count": -5}, "--count must be at least 1"),
        ({"count": "many"}, "--count must be a whole number"),
        ({"count": 1.5}, "--count must be a whole number"),
        ({"count": 10_000_000}, "--count can be at most"),
        ({"count": 3, "seed": -1}, "--seed must be at least 0"),
        ({"count": 3, "seed": "x"}, "--seed must be a whole number"),
        ({"count": 3, "batch_size": 0}, "--batch-size must be at least 1"),
        ({"count": 3, "translations": "deepl"}, "--translations must be one of"),
    ],
)
def test_bad_arguments_are_refused(options, message):
    with pytest.raises(CommandError, match=message):
        generate(**options)


def test_count_is_required():
    with pytest.raises(CommandError, match="--count"):
        generate()


def test_the_same_seed_plans_the_same_stories_in_any_order():
    words = vocabulary()
    cast = {
        "tickers": 3,
        "companies": [Term("Stahlwerk Hamm GmbH", "Stahlwerk Hamm GmbH")],
        "regions": [Term("Köln", "Cologne"), Term("Münster", "Münster")],
    }
    forwards = [StoryGenerator(1, words, **cast).story(serial) for serial in range(1, 30)]
    backwards = [StoryGenerator(1, words, **cast).story(serial) for serial in range(29, 0, -1)]
    assert forwards == backwards[::-1]
    other = [StoryGenerator(2, words, **cast).story(serial) for serial in range(1, 30)]
    assert [plan.german.title for plan in other] != [plan.german.title for plan in forwards]


def test_word_lists_pair_german_and_english():
    words = vocabulary()
    text = " ".join(term.german for term in words.innovations + words.places + words.tags)
    assert {"ä", "ö", "ü", "ß"} <= set(text)
    assert all(term.english for term in words.materials)
    assert {place.kind for place in words.places} <= {"city", "town"}


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Stahl\n", "expected 'German | English'"),
        ("Stahl | steel | city | extra\n", "expected 'German | English'"),
        ("Stahl |  \n", "expected 'German | English'"),
        ("Stahl | steel\nStahl | steel again\n", "listed twice"),
        ("# only a comment\n", "empty"),
    ],
)
def test_malformed_word_lists_are_refused_with_file_and_line(text, problem):
    with pytest.raises(WordListError, match=problem) as error:
        parse_terms(text, "tags.txt")
    assert str(error.value).startswith("tags.txt")


def test_indexing_is_restored_even_after_an_error():
    def search_handlers():
        receivers, _async_receivers = post_save._live_receivers(TickerStoryPage)
        return [receiver for receiver in receivers if receiver is post_save_signal_handler]

    assert search_handlers()
    with pytest.raises(RuntimeError), suspended_indexing():
        assert not search_handlers()
        raise RuntimeError
    assert search_handlers()


def test_progress_counts_created_stories_for_the_rate():
    lines: list[str] = []
    now = iter([0.0, 20.0])
    progress = Progress(100, 50, lines.append, clock=lambda: next(now))
    progress.advance(skipped=50)  # a resumed run skipping what exists: no line
    progress.advance(created=50)
    assert lines == ["100/100 stories (100%, 50 skipped), 2.5 stories/s, ETA done"]
