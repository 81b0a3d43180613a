"""``load_demo`` and ``ensure_demo_admin``, run through ``call_command`` as an operator would.

The demo is built once for the whole module inside a transaction that is rolled back
at the end, so the module stays fast and the other modules still start from an empty
database. Each test runs in its own savepoint on top of it.
"""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils.text import capfirst
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Revision, Site, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from alliance_pages.choices import (
    AllianceLevel,
    EventKind,
    PartnerKind,
    PartnerRole,
    RegionKind,
    Sector,
    SupportService,
)
from alliance_pages.demo.build import DemoBuilder
from alliance_pages.demo.companies import COMPANIES
from alliance_pages.demo.images import COLLECTION_NAME, ILLUSTRATIONS
from alliance_pages.demo.people import DEMO_PASSWORD
from alliance_pages.models import (
    AlliancePage,
    CompanyPage,
    DeclarationPage,
    EventPage,
    PartnerOrganisation,
    RegionPage,
    SupportServicesPage,
)
from alliance_pages.skeleton import events_index, ticker_index
from alliance_pages.translation import TranslationMismatch
from ticker.models import TickerStoryPage


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """What ``load_demo`` printed; the demo stays in the database for the module's tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    # Wagtail caches site root paths; they point at pages that no longer exist.
    cache.clear()


@pytest.fixture
def demo(demo_output, db):
    return demo_output


@pytest.fixture
def de(demo):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def en(demo):
    return Locale.objects.get(language_code="en")


def german(model, de):
    return model.objects.filter(locale=de)


def alliance(title, de) -> AlliancePage:
    return AlliancePage.objects.get(locale=de, title=title)


# The seed's facts


def test_state_alliance_founded_june_2009_is_the_site_root(de):
    state = AlliancePage.objects.get(locale=de, level=AllianceLevel.STATE)
    assert state.founded_on == datetime.date(2009, 6, 1)
    assert Site.objects.get(is_default_site=True).root_page_id == state.pk
    assert state.region.title == "Nordrhein-Westfalen"
    assert state.contact_name and state.contact_email.endswith(".example")


def test_regional_alliance_duesseldorf_february_2010(de):
    duesseldorf = alliance("Regionale Allianz Düsseldorf", de)
    assert duesseldorf.level == AllianceLevel.REGIONAL
    assert (duesseldorf.founded_on.year, duesseldorf.founded_on.month) == (2010, 2)
    assert duesseldorf.get_parent().specific.level == AllianceLevel.STATE
    assert duesseldorf.region.title == "Regierungsbezirk Düsseldorf"


def test_local_alliance_dormagen_november_2010_under_duesseldorf(de):
    dormagen = alliance("Lokale Allianz Dormagen", de)
    assert dormagen.level == AllianceLevel.LOCAL
    assert (dormagen.founded_on.year, dormagen.founded_on.month) == (2010, 11)
    assert dormagen.get_parent().specific == alliance("Regionale Allianz Düsseldorf", de)
    town = dormagen.region
    assert town.kind == RegionKind.TOWN and town.official_key == "05162004"
    district = town.get_parent().specific
    assert district.title == "Rhein-Kreis Neuss"
    assert district.get_parent().title == "Regierungsbezirk Düsseldorf"


def test_regional_alliance_koeln_beside_duesseldorf(de):
    koeln = alliance("Regionale Allianz Köln", de)
    assert koeln.level == AllianceLevel.REGIONAL
    assert koeln.get_parent().specific.level == AllianceLevel.STATE
    assert koeln.region.title == "Regierungsbezirk Köln"
    assert koeln.founded_on == datetime.date(2011, 9, 22)


def test_sub_alliances_are_founded_with_their_demo_people(de):
    """Founded through the founding code: groups, collection, workflow and one editor and
    one moderator each, who may log in with the demo password."""
    for key, title in (
        ("duesseldorf", "Regionale Allianz Düsseldorf"),
        ("dormagen", "Lokale Allianz Dormagen"),
        ("koeln", "Regionale Allianz Köln"),
    ):
        page = alliance(title, de)
        assert Workflow.objects.get(name=f"{title}: Moderation") == page.get_workflow()
        assert Collection.objects.filter(name=title).exists()
        for username, suffix in (
            (f"redaktion-{key}", "Editors"),
            (f"moderation-{key}", "Moderators"),
        ):
            person = get_user_model().objects.get(username=username)
            assert [group.name for group in person.groups.all()] == [f"{title}: {suffix}"]
            assert person.check_password(DEMO_PASSWORD)
            assert GroupPagePermission.objects.filter(
                group__name=f"{title}: {suffix}", page=page
            ).exists()


def test_every_alliance_owns_a_ticker_and_events_and_has_a_contact(de):
    for page in german(AlliancePage, de):
        assert ticker_index(page) and events_index(page)
        assert page.contact_name and page.contact_address


def test_congress_2009_with_275_participants_under_the_state_alliance(de):
    congress = EventPage.objects.get(locale=de, kind=EventKind.CONGRESS)
    assert congress.participants == 275
    assert (congress.starts_at.year, congress.starts_at.month) == (2009, 6)
    assert "Pro Industrie und Nachhaltigkeit" in congress.title
    assert congress.get_parent().get_parent().specific.level == AllianceLevel.STATE


def test_days_of_industry_2010_in_the_chemical_parks_of_leverkusen_and_dormagen(de):
    days = german(EventPage, de).filter(kind=EventKind.DAY_OF_INDUSTRY, starts_at__year=2010)
    assert {day.region.title for day in days} == {"Leverkusen", "Dormagen"}
    assert {day.venue for day in days} == {"Chempark Leverkusen", "Chempark Dormagen"}


@pytest.mark.parametrize("kind", [EventKind.STRATEGY_WORKSHOP, EventKind.KICK_OFF])
def test_sub_alliance_events_are_documented_and_evaluated(de, kind):
    events = german(EventPage, de).filter(kind=kind)
    assert events.exists()
    for event in events:
        assert event.organising_alliance.level != AllianceLevel.STATE
        assert event.documentation.raw_data and event.evaluation


def test_five_administrative_districts_under_nrw(de):
    districts = german(RegionPage, de).filter(kind=RegionKind.ADMINISTRATIVE_DISTRICT)
    assert {d.title.removeprefix("Regierungsbezirk ") for d in districts} == {
        "Düsseldorf",
        "Köln",
        "Münster",
        "Detmold",
        "Arnsberg",
    }
    for district in districts:
        assert district.get_parent().specific.kind == RegionKind.STATE


def test_the_towns_the_stories_need_exist_with_keys_and_coordinates(de):
    for title in ("Düsseldorf", "Dormagen", "Leverkusen", "Köln", "Duisburg", "Marl", "Münster"):
        town = german(RegionPage, de).get(title=title)
        assert town.official_key.startswith("05") and len(town.official_key) == 8
        assert 50 < town.latitude < 53 and 5 < town.longitude < 10


def test_at_least_ten_invented_companies_some_signatories(de):
    companies = german(CompanyPage, de)
    assert companies.count() >= 10
    assert {c.sector for c in companies} <= set(Sector.values)
    assert len({c.sector for c in companies}) >= 8
    assert all(c.headquarters and c.sites.exists() and c.logo for c in companies)
    assert all(c.website.endswith(".example") for c in companies)
    assert companies.filter(signatory_since=datetime.date(2009, 6, 1)).count() >= 2


def test_partner_organisations_of_every_kind_translated_through_wagtail_localize(de, en):
    organisations = german(PartnerOrganisation, de)
    assert {o.kind for o in organisations} == set(PartnerKind.values)
    for organisation in organisations:
        english = organisation.get_translation(en)
        assert english.name != organisation.name
        assert english.kind == organisation.kind
        assert TranslationSource.objects.filter(
            object_id=organisation.translation_key, locale=de
        ).exists()


def test_alliances_list_partners_in_all_three_roles(de):
    roles = Counter()
    for page in german(AlliancePage, de):
        partners = list(page.partners.all())
        assert partners, page.title
        roles.update(p.role for p in partners)
    assert set(roles) == set(PartnerRole.values)


def test_declaration_signed_june_2009_in_duesseldorf_marked_as_demo_text(de, en):
    declaration = DeclarationPage.objects.get(locale=de)
    assert declaration.signed_on == datetime.date(2009, 6, 1)
    assert declaration.signed_in == "Düsseldorf"
    assert "Demo-Text" in declaration.text
    assert "Demo text" in declaration.get_translation(en).text
    assert len(declaration.signatories) >= 5


def test_support_services_are_the_three_of_the_seed(de):
    page = SupportServicesPage.objects.get(locale=de)
    services = {block.value["service"]: block.value for block in page.services}
    assert set(services) == set(SupportService.values)
    workshop = services[SupportService.STRATEGY_WORKSHOP]["description"].source
    for stage in ("Aufmerksamkeit", "Nutzen", "Haltung"):
        assert stage in workshop


# The Industrieticker


def test_at_least_thirty_german_stories_spread_over_all_four_alliances(de):
    stories = german(TickerStoryPage, de)
    assert stories.count() >= 30
    for page in german(AlliancePage, de):
        assert ticker_index(page).get_children().count() >= 5, page.title
    years = {story.date.year for story in stories}
    assert min(years) == 2009 and {2010, 2015} <= years and max(years) >= 2023
    assert stories.filter(lead_image__isnull=False).count() >= 5
    titles = " ".join(stories.values_list("title", flat=True))
    for word in ("Straßenbeleuchtung", "Kunststoffabfälle", "Wasserstoffelektrolyse"):
        assert word in titles


def test_every_story_has_a_live_english_translation_made_by_wagtail_localize(de, en):
    for story in german(TickerStoryPage, de):
        english = story.get_translation(en)
        assert english.live and not english.has_unpublished_changes
        assert english.title != story.title
        assert english.date == story.date
        assert sorted(english.companies.values_list("pk", flat=True)) == sorted(
            story.companies.values_list("pk", flat=True)
        )
        source = TranslationSource.objects.get(object_id=story.translation_key, locale=de)
        assert Translation.objects.filter(source=source, target_locale=en).exists()


def test_stories_carry_german_tags_in_german_and_english_tags_in_english(de, en):
    for story in german(TickerStoryPage, de):
        german_tags = set(story.tags.names())
        english_tags = set(story.get_translation(en).tags.names())
        assert german_tags and english_tags
        assert german_tags != english_tags, story.title


# The whole tree


def test_every_german_page_has_a_live_english_translation(de, en):
    for page in Page.objects.filter(locale=de, depth__gt=1):
        assert page.get_translation(en).live, page.url_path


def test_every_page_passes_full_clean(demo):
    for page in Page.objects.filter(depth__gt=1).specific():
        page.full_clean()


def test_images_are_drawn_into_the_demo_collection(demo):
    images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
    assert images.count() == len(ILLUSTRATIONS) + len(COMPANIES)
    assert all(image.width > 0 and image.file_hash for image in images)


def test_output_shows_progress_per_section_and_the_summary_table(demo):
    assert demo.count(" … ") == 9
    stories_row = next(
        line
        for line in demo.splitlines()
        if line.startswith(str(capfirst(TickerStoryPage._meta.verbose_name_plural)))
    )
    assert stories_row.split()[-2:] == ["41", "41"]


def census() -> dict:
    return {
        "pages": Counter(Page.objects.values_list("content_type__model", "locale__language_code")),
        "organisations": Counter(
            PartnerOrganisation.objects.values_list("locale__language_code", flat=True)
        ),
        "images": get_image_model().objects.count(),
        "revisions": Revision.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "partners": AlliancePage.partners.rel.related_model.objects.count(),
    }


def test_running_it_again_changes_nothing(demo):
    before = census()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert census() == before
    progress = [line for line in out.getvalue().splitlines() if " … " in line]
    assert len(progress) == 9
    assert all(line.endswith(")") and "(" in line for line in progress)
    assert len({line.rsplit("(", 1)[1] for line in progress}) == 1  # all "unchanged"


def test_a_changed_fact_is_published_again_and_synced_to_english(demo, de, en):
    congress = EventPage.objects.get(locale=de, kind=EventKind.CONGRESS)
    congress.participants = 1
    congress.save_revision().publish()
    call_command("load_demo", verbosity=0)
    congress.refresh_from_db()
    assert congress.participants == 275
    assert congress.get_translation(en).participants == 275


def test_a_failing_section_leaves_the_database_as_it_was(demo, monkeypatch):
    before = census()

    def broken_regions(builder):
        RegionPage.objects.update(title="kaputt")
        raise TranslationMismatch("body: the source has 2 text segment(s), the translation 1")

    monkeypatch.setattr(DemoBuilder, "build_regions", broken_regions)
    with pytest.raises(CommandError, match="the translation 1"):
        call_command("load_demo", verbosity=0)
    assert not RegionPage.objects.filter(title="kaputt").exists()
    assert census() == before


def test_verbosity_zero_prints_nothing(demo):
    out = StringIO()
    call_command("load_demo", verbosity=0, stdout=out)
    assert out.getvalue() == ""


# ensure_demo_admin


def log_in(client, password: str):
    return client.post("/admin/login/", {"username": "admin", "password": password})


def test_ensure_demo_admin_creates_a_superuser_who_can_log_in(client, db):
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.email == "admin@example.org"
    assert UserProfile.get_for_user(user).preferred_language == "de"
    assert "/admin/" in out.getvalue() and "alliance-demo" in out.getvalue()

    assert log_in(client, "alliance-demo").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_ensure_demo_admin_resets_the_password(client, db):
    call_command("ensure_demo_admin", verbosity=0)
    call_command("ensure_demo_admin", password="anderes-passwort", verbosity=0)
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert log_in(client, "alliance-demo").status_code == 200  # the form again, with an error
    assert log_in(client, "anderes-passwort").status_code == 302


def test_ensure_demo_admin_refuses_production_like_settings(db, settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delattr(mail, "outbox")  # as outside Django's test environment
    with pytest.raises(CommandError, match="--force"):
        call_command("ensure_demo_admin", verbosity=0)
    assert not get_user_model().objects.filter(username="admin").exists()

    call_command("ensure_demo_admin", "--force", verbosity=0)
    assert get_user_model().objects.filter(username="admin").exists()


def test_ensure_demo_admin_runs_with_development_settings(db, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delattr(mail, "outbox")
    call_command("ensure_demo_admin", verbosity=0)
    assert get_user_model().objects.get(username="admin").is_superuser
