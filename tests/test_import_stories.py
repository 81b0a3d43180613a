"""``import_stories``: archive lines become published German stories and their translations.

The good archive is imported once for the module (inside a transaction rolled back at
the end); every test runs in its own savepoint on top of it.
"""

import datetime
import json
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from alliance_pages.choices import AllianceLevel, RegionKind
from alliance_pages.models import CompanyPage, RegionPage
from alliance_pages.skeleton import ensure_alliance, ensure_state_alliance, ticker_index
from ticker.archive import clean_body_html, parse_archive
from ticker.models import TickerStoryPage

DATA = Path(__file__).parent / "data"
GOOD = DATA / "archive_good.jsonl"
BAD = DATA / "archive_bad.jsonl"


def run_import(path: Path, *args: str, verbosity: int = 1) -> SimpleNamespace:
    """The command's output and the CommandError it raised, if any."""
    stdout, stderr = StringIO(), StringIO()
    error = None
    try:
        with translation.override("en"):
            call_command(
                "import_stories",
                str(path),
                *args,
                verbosity=verbosity,
                stdout=stdout,
                stderr=stderr,
            )
    except CommandError as raised:
        error = raised
    return SimpleNamespace(stdout=stdout.getvalue(), stderr=stderr.getvalue(), error=error)


def story(archive_id: str, language: str = "de") -> TickerStoryPage:
    return TickerStoryPage.objects.get(archive_id=archive_id, locale__language_code=language)


def database_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "strings": StringTranslation.objects.count(),
    }


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), "utf-8")
    return path


def good_lines() -> list[dict]:
    return [json.loads(line) for line in GOOD.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def good_import(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_state_alliance()
        yield run_import(GOOD)
        transaction.set_rollback(True)


@pytest.fixture
def imported(good_import, state_alliance):
    """The state alliance with the good archive imported."""
    return good_import


def test_good_archive_imports_without_errors(imported):
    assert imported.error is None, imported.stderr
    assert imported.stderr == ""
    assert "[1/3] 2019-0001 created: Grüne Chemie" in imported.stdout
    assert "3 created, 0 updated, 0 unchanged, 0 failed." in imported.stdout


def test_stories_are_published_under_the_state_alliance_ticker(imported, state_alliance, locales):
    de, en = locales
    german = TickerStoryPage.objects.filter(locale=de)
    assert sorted(german.values_list("archive_id", flat=True)) == [
        "2019-0001",
        "2019-0002",
        "2019-0003",
    ]
    assert TickerStoryPage.objects.filter(locale=en).count() == 2
    assert all(
        page.live and not page.has_unpublished_changes for page in TickerStoryPage.objects.all()
    )
    ticker = ticker_index(state_alliance)
    assert set(german) == set(TickerStoryPage.objects.child_of(ticker))
    first = story("2019-0001")
    assert first.slug == "gruene-chemie-strassenbelaege-aus-kunststoffabfaellen"
    assert first.title == "Grüne Chemie: Straßenbeläge aus Kunststoffabfällen"
    assert first.date == datetime.date(2019, 5, 14)


def test_english_story_is_a_wagtail_localize_translation(imported):
    german, english = story("2019-0001"), story("2019-0001", "en")
    assert english.translation_key == german.translation_key
    assert english.get_parent() == german.get_parent().get_translation(english.locale)
    source = TranslationSource.objects.get_for_instance(german)
    assert Translation.objects.filter(source=source, target_locale=english.locale).exists()
    assert english.title == "Green chemistry: road surfaces from plastic waste"
    assert english.slug == "green-chemistry-road-surfaces-from-plastic-waste"
    assert english.teaser == "In Düsseldorf, plastic waste becomes roads."
    body = english.body[0].value.source
    assert "turns waste into road surfaces" in body
    assert "Straßen.NRW" in body
    assert english.archive_id == "2019-0001"
    assert english.date == german.date


def test_lines_of_one_story_need_not_be_adjacent_or_ordered(imported):
    assert story("2019-0003", "en").title == "Power & heat from waste heat"
    assert story("2019-0003").title == "Ökostrom aus der Abwärme"


def test_each_language_keeps_its_own_tags(imported):
    assert sorted(story("2019-0001").tags.names()) == ["Kreislaufwirtschaft", "Kunststoff"]
    assert sorted(story("2019-0001", "en").tags.names()) == ["circular economy", "plastics"]
    assert list(story("2019-0002").tags.names()) == ["Wasserstoff"]


def test_body_is_one_cleaned_paragraph_block(imported):
    body = story("2019-0001").body
    assert [block.block_type for block in body] == ["paragraph"]
    html = body[0].value.source
    assert "<b>Kunststoffwerk Müller GmbH</b>" in html
    assert '<a href="https://example.org/strasse">' in html
    assert "script" not in html and "gefährlich" not in html


def test_missing_companies_and_regions_are_created_once(imported, locales):
    de, en = locales
    company = CompanyPage.objects.get(title="Kunststoffwerk Müller GmbH", locale=de)
    assert company.live
    assert CompanyPage.objects.filter(locale=de).count() == 2
    assert company.get_translation(en).title == "Kunststoffwerk Müller GmbH"
    cologne = RegionPage.objects.get(title="Köln", locale=de)
    assert cologne.kind == RegionKind.TOWN
    assert cologne.get_translation(en).title == "Cologne"
    assert RegionPage.objects.filter(locale=de).count() == 3  # Düsseldorf, Köln, Duisburg
    assert not RegionPage.objects.get(title="Duisburg").has_translation(en)
    first = story("2019-0001")
    assert list(first.companies.all()) == [company]
    assert set(first.regions.values_list("title", flat=True)) == {"Düsseldorf", "Köln"}
    assert "Created the company Kunststoffwerk Müller GmbH" in imported.stdout


def test_importing_the_same_file_again_changes_nothing(imported):
    before = database_counts()
    again = run_import(GOOD)
    assert again.error is None, again.stderr
    assert database_counts() == before
    assert "0 created, 0 updated, 3 unchanged, 0 failed." in again.stdout
    assert "Nothing changed." in again.stdout


def test_verbosity_zero_prints_nothing_but_problems(imported):
    quiet = run_import(GOOD, verbosity=0)
    assert quiet.stdout == "" and quiet.stderr == ""


def test_a_changed_line_updates_its_story_in_place(imported, tmp_path):
    lines = good_lines()
    lines[2]["teaser"] = "Ein Stahlwerk heizt jetzt ganz mit Wasserstoff."
    lines[2]["tags"] = ["Wasserstoff", "Stahl"]
    lines[1]["title"] = "Green chemistry: roads from plastic waste"
    lines[1]["tags"] = ["recycling"]
    steel, english = story("2019-0002"), story("2019-0001", "en")
    steel_revisions, english_revisions = steel.revisions.count(), english.revisions.count()
    german_revisions = story("2019-0001").revisions.count()
    pages = Page.objects.count()

    result = run_import(write_lines(tmp_path / "changed.jsonl", lines))

    assert result.error is None, result.stderr
    assert Page.objects.count() == pages
    steel.refresh_from_db()
    assert steel.teaser == "Ein Stahlwerk heizt jetzt ganz mit Wasserstoff."
    assert steel.revisions.count() == steel_revisions + 1
    assert sorted(steel.tags.names()) == ["Stahl", "Wasserstoff"]
    english = story("2019-0001", "en")
    assert english.title == "Green chemistry: roads from plastic waste"
    assert list(english.tags.names()) == ["recycling"]
    assert english.revisions.count() > english_revisions
    assert story("2019-0001").revisions.count() == german_revisions
    assert "0 created, 2 updated, 1 unchanged, 0 failed." in result.stdout


def test_bad_lines_are_reported_and_the_others_imported(imported):
    result = run_import(BAD)

    assert isinstance(result.error, CommandError)
    assert "15 lines" in str(result.error)
    reports = dict(
        line.split(": ", 1) for line in result.stderr.splitlines() if line.startswith("line ")
    )
    expected = {
        "line 2": "not valid JSON",
        "line 3": "The field title is missing or empty.",
        "line 4": "Unknown locale fr",
        "line 5": "2020-02-30 is not a date",
        "line 6": "The field title must be a string, not int.",
        "line 7": "The file has no de line for this story",
        "line 8": "because its line 9 cannot be imported",
        "line 9": "already has a line in de (line 8)",
        "line 10": "cannot be aligned with the German story",
        "line 11": "cannot be aligned with the German story",
        "line 12": "must be one JSON object",
        "line 16": "a story has the same date in every language",
        "line 17": "a story has the same date in every language",
        "line 18": "is not the translation of Stahlwerk Ruhr AG",
        "line 19": "is not the translation of Stahlwerk Ruhr AG",
    }
    assert set(reports) == set(expected)
    for line, reason in expected.items():
        assert reason in reports[line], line
    assert "must be a list of non-empty strings" in reports["line 6"]

    assert story("2020-0001").live
    assert story("2020-0009", "en").title == "Returnable bottles"
    for archive_id in ("2020-0004", "2020-0007", "2020-0008", "2020-0010", "2020-0011"):
        assert not TickerStoryPage.objects.filter(archive_id=archive_id).exists()


def test_a_failing_translation_rolls_back_its_new_german_story(imported):
    run_import(BAD)
    assert not TickerStoryPage.objects.filter(archive_id="2020-0008").exists()
    assert not CompanyPage.objects.filter(title__in=["Neue Firma GmbH", "New Company Ltd"]).exists()


def test_a_failing_translation_rolls_back_the_update_of_its_german_story(imported, tmp_path):
    lines = good_lines()[:2]
    lines[0]["teaser"] = "Geänderter Anreißer."
    lines[1]["body"] = "<p>Only one paragraph.</p>"
    before = database_counts()

    result = run_import(write_lines(tmp_path / "half.jsonl", lines))

    assert "2 lines" in str(result.error)
    assert "line 1: story 2019-0001 not imported" in result.stderr
    assert story("2019-0001").teaser == "Aus Kunststoffabfällen werden in Düsseldorf Straßen."
    assert database_counts() == before


def test_a_new_story_with_a_taken_title_gets_a_numbered_slug(imported, tmp_path):
    twin = {**good_lines()[2], "id": "2019-0099"}
    result = run_import(write_lines(tmp_path / "twin.jsonl", [twin]))
    assert result.error is None, result.stderr
    assert story("2019-0099").slug == "weisser-wasserstoff-fuer-duisburg-2"
    assert story("2019-0002").slug == "weisser-wasserstoff-fuer-duisburg"


def test_an_english_line_translates_a_story_already_in_the_database(imported, tmp_path):
    line = {
        "id": "2019-0002",
        "locale": "en",
        "title": "White hydrogen for Duisburg",
        "teaser": "A steelworks heats with hydrogen.",
        "body": "<p>The first blast furnace has run on hydrogen since March.</p>",
        "date": "2019-06-03",
        "tags": ["hydrogen"],
    }
    result = run_import(write_lines(tmp_path / "english.jsonl", [line]))

    assert result.error is None, result.stderr
    english = story("2019-0002", "en")
    assert english.title == "White hydrogen for Duisburg"
    assert list(english.tags.names()) == ["hydrogen"]
    assert "[1/1] 2019-0002 updated" in result.stdout


def test_alliance_option_files_stories_under_that_alliance(imported, state_alliance, tmp_path):
    duesseldorf = ensure_alliance(
        state_alliance,
        "allianz-duesseldorf",
        {
            "title": "Allianz Düsseldorf",
            "level": AllianceLevel.REGIONAL,
            "founded_on": datetime.date(2010, 2, 1),
        },
        {"title": "Alliance Düsseldorf"},
    )
    new = {**good_lines()[2], "id": "2021-0001", "title": "Neu in Düsseldorf"}
    existing = good_lines()[0]
    path = write_lines(tmp_path / "duesseldorf.jsonl", [new, existing])

    result = run_import(path, "--alliance", "allianz-duesseldorf")

    assert result.error is None, result.stderr
    assert story("2021-0001").get_parent().specific == ticker_index(duesseldorf)
    assert story("2019-0001").get_parent().specific == ticker_index(state_alliance)
    assert "stays there; it was not moved" in result.stdout


def test_unknown_alliance_slug_lists_the_known_ones(imported):
    result = run_import(GOOD, "--alliance", "allianz-atlantis")
    assert "There is no alliance with the slug allianz-atlantis" in str(result.error)
    assert "allianz-pro-industrie-und-nachhaltigkeit" in str(result.error)


def test_missing_file_is_a_command_error(imported, tmp_path):
    result = run_import(tmp_path / "missing.jsonl")
    assert "does not exist" in str(result.error)


def test_a_file_that_is_not_utf8_is_a_clear_error(imported, tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(GOOD.read_text("utf-8").encode("latin-1", errors="replace"))
    result = run_import(path)
    assert "is not UTF-8 text: line 1" in str(result.error)
    assert not TickerStoryPage.objects.filter(title__startswith="Gr?ne").exists()


def test_body_cleaning_strips_scripts_and_unknown_markup():
    html = (
        '<p onclick="x()">Hallo <script>alert(1)</script><span>Welt</span></p>'
        '<iframe src="x"></iframe>'
    )
    assert clean_body_html(html) == "<p>Hallo Welt</p>"
    assert clean_body_html("<script>alert(1)</script>") == ""


def test_parsing_keeps_line_numbers_across_empty_lines_and_separators():
    line = {
        "id": "a",
        "locale": "de",
        "title": "Zeile\u2028mit Trenner",
        "teaser": "t",
        "date": "2020-01-01",
    }
    archive = parse_archive("\n\n" + json.dumps(line, ensure_ascii=False) + "\n\n{", ["de", "en"])
    assert [s.story_id for s in archive.stories] == ["a"]
    assert archive.stories[0].numbers == [3]
    assert [(p.number, "JSON" in p.reason) for p in archive.problems] == [(5, True)]
