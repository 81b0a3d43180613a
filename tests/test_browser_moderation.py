"""Moderation in a real browser: Debian's Chromium, driven by Playwright, against a live server.

An editor of the local alliance Dormagen logs in, writes an Industrieticker story and
submits it; a Dormagen moderator approves it and it goes live; the same editor opening
a Düsseldorf story's edit URL is refused, and that story stays as it was.

Playwright's own browser download does not work here, so the test launches the
system's Chromium (``.ci/run`` installs the ``chromium`` package) and is skipped,
saying so, where there is none. The live server needs committed data, so the test
runs in a transactional database; ``serialized_rollback`` brings back what the
migrations made (locales, root page, collections), and the alliances are founded here
through the same founding code the admin, the command and the demo use.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Moderation-2010!"
TIMEOUT_MS = 30_000

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e .[test])"
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(CHROMIUM).is_file() or shutil.which("chromium")),
        reason=f"No Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def alliances():
    """Düsseldorf and Dormagen under it, founded with their groups and moderation, plus
    an editor and a moderator of Dormagen and a live Düsseldorf story."""
    from django.contrib.auth import get_user_model

    from alliance_pages.choices import AllianceLevel, RegionKind
    from alliance_pages.founding import FoundingRequest, found_sub_alliance
    from alliance_pages.skeleton import ensure_state_alliance, regions_index, ticker_index
    from tests.factories import RegionPageFactory, TickerStoryPageFactory

    state = ensure_state_alliance()
    regions = regions_index()
    district = RegionPageFactory(
        parent=regions,
        title="Regierungsbezirk Düsseldorf",
        slug="regierungsbezirk-duesseldorf",
        kind=RegionKind.ADMINISTRATIVE_DISTRICT,
    )
    neuss = RegionPageFactory(
        parent=district,
        title="Rhein-Kreis Neuss",
        slug="rhein-kreis-neuss",
        kind=RegionKind.DISTRICT,
    )
    duesseldorf = found_sub_alliance(
        FoundingRequest(
            name="Regionale Allianz Düsseldorf",
            level=AllianceLevel.REGIONAL,
            parent=state,
            region=district,
            slug="duesseldorf",
            founded_on="2010-02-01",
        )
    )
    dormagen = found_sub_alliance(
        FoundingRequest(
            name="Lokale Allianz Dormagen",
            level=AllianceLevel.LOCAL,
            parent=duesseldorf.alliance,
            region=neuss,
            slug="dormagen",
            founded_on="2010-11-01",
        )
    )
    users = get_user_model()
    editor = users.objects.create_user("redaktion-dormagen", "r@dormagen.example", PASSWORD)
    editor.groups.add(dormagen.editors)
    moderator = users.objects.create_user("moderation-dormagen", "m@dormagen.example", PASSWORD)
    moderator.groups.add(dormagen.moderators)
    duesseldorf_story = TickerStoryPageFactory(
        parent=ticker_index(duesseldorf.alliance),
        title="Wasserstoff aus dem Hafen",
        teaser="Ein Düsseldorfer Werk stellt um.",
    )
    return {
        "dormagen": dormagen.alliance,
        "dormagen_ticker": ticker_index(dormagen.alliance),
        "duesseldorf_story": duesseldorf_story,
    }


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API keeps an event loop running in this thread, which makes
    # Django refuse the test's own database calls as "async"; they are not (Django's
    # documented escape hatch for exactly this case).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        try:
            yield chromium
        finally:
            chromium.close()


def log_in(browser, base_url: str, username: str):
    context = browser.new_context(base_url=base_url, locale="de-DE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_an_editor_submits_a_moderator_approves_and_others_stay_out(
    live_server, browser, alliances
):
    from django.contrib.auth import get_user_model
    from wagtail.models import WorkflowState

    from ticker.models import TickerStoryPage

    ticker = alliances["dormagen_ticker"]

    # The editor writes a story and submits it for moderation.
    editor = log_in(browser, live_server.url, "redaktion-dormagen")
    editor.goto(f"/admin/pages/add/ticker/tickerstorypage/{ticker.pk}/")
    editor.fill("#id_title", "Dormagener Chemiepark spart Dampf")
    editor.fill("#id_teaser", "Eine neue Wärmerückgewinnung spart 20 000 Tonnen CO₂ im Jahr.")
    editor.locator("#id_title").blur()
    open_action_menu(editor)
    editor.click("button[name='action-submit']")
    editor.wait_for_url(f"**/admin/pages/{ticker.pk}/")

    story = TickerStoryPage.objects.get(title="Dormagener Chemiepark spart Dampf")
    assert story.get_parent().pk == ticker.pk
    assert not story.live
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == get_user_model().objects.get(username="redaktion-dormagen")

    # A Dormagen moderator approves; the story goes live.
    moderator = log_in(browser, live_server.url, "moderation-dormagen")
    moderator.goto(f"/admin/pages/{story.pk}/edit/")
    open_action_menu(moderator)
    moderator.click(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    moderator.wait_for_url(f"**/admin/pages/{ticker.pk}/")

    story.refresh_from_db()
    assert story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    public = moderator.request.get(f"{live_server.url}{story.url}")
    assert public.status == 200
    assert "Dormagener Chemiepark spart Dampf" in public.text()

    # The same editor may not edit Düsseldorf's story: refused, and nothing changes.
    foreign = alliances["duesseldorf_story"]
    before = (foreign.title, foreign.teaser, foreign.latest_revision_id, foreign.live)
    editor.goto(f"/admin/pages/{foreign.pk}/edit/")
    # Wagtail refuses by sending the editor back to the dashboard with a message.
    assert editor.url == f"{live_server.url}/admin/"
    assert editor.locator(".messages .error").count() == 1
    assert not editor.locator("#id_title").count()
    csrf = editor.context.cookies()
    token = next(cookie["value"] for cookie in csrf if cookie["name"] == "csrftoken")
    forced = editor.request.post(
        f"{live_server.url}/admin/pages/{foreign.pk}/edit/",
        form={"title": "Übernommen", "teaser": "x", "slug": "uebernommen"},
        headers={"X-CSRFToken": token, "Referer": f"{live_server.url}/admin/"},
        max_redirects=0,
    )
    assert forced.status in (302, 403)
    foreign.refresh_from_db()
    assert (foreign.title, foreign.teaser, foreign.latest_revision_id, foreign.live) == before
