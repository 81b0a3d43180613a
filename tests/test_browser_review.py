"""The steering committee's review in a real browser: it reads drafts and changes nothing.

A member of the steering committee logs in, opens "Einsicht", filters to the local
alliance Dormagen and finds a story there that was never published; reads its latest
draft, its history and its preview; finds nothing that edits, publishes or deletes,
and is refused Wagtail's own editor for the story, which stays as it was. A Dormagen
editor reading in the review sees Dormagen's pages and not Düsseldorf's draft.

The browser, the login and the two alliances come from ``tests.browser``. The world is
built once, for the one test of this module, and the steps run in the order a reader
would take them; the admin speaks German, so the test reads German.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from alliance_pages.roles import STEERING_COMMITTEE, ensure_roles
from alliance_pages.skeleton import ticker_index
from alliance_pages.text import german_slugify
from tests.browser import (
    BROWSER_TEST,
    PASSWORD,
    expect,
    found_duesseldorf_and_dormagen,
    log_in,
)
from ticker.models import TickerStoryPage

pytestmark = BROWSER_TEST

REFUSAL = "Sie haben leider keinen Zugang zu diesem Bereich."
DORMAGEN = {"Lokale Allianz Dormagen", "Local alliance Dormagen"}
DRAFT_TITLE = "Chempark spart Dampf"
DRAFT_TEASER = "Eine Wärmerückgewinnung spart 20 000 Tonnen CO₂ im Jahr."
FOREIGN_TITLE = "Hafen stellt auf Wasserstoff um"
# What a control that changes a page is called in Wagtail's German admin.
CHANGING = re.compile(
    r"bearbeiten|veröffentlichen|veröffentlichung|löschen|verschieben|kopieren|sperren"
    r"|speichern|einreichen|genehmigen|zurückweisen|wiederherstellen",
    re.IGNORECASE,
)


def draft_story(ticker, author, *versions: tuple[str, str]) -> TickerStoryPage:
    """A story never published, saved once per (title, teaser) version by its author."""
    first_title, first_teaser = versions[0]
    story = TickerStoryPage(
        title=first_title,
        slug=german_slugify(first_title),
        teaser=first_teaser,
        date=datetime.date(2011, 5, 4),
        live=False,
        owner=author,
    )
    ticker.add_child(instance=story)
    story.save_revision(user=author, log_action=True)
    for title, teaser in versions[1:]:
        draft = TickerStoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
        draft.title, draft.teaser = title, teaser
        draft.save_revision(user=author, log_action=True)
    return TickerStoryPage.objects.get(pk=story.pk)


@pytest.fixture
def world():
    """The committee member, a Dormagen editor, a Dormagen draft in two versions and a
    Düsseldorf draft that only Düsseldorf (and the committee) may read."""
    duesseldorf, dormagen = found_duesseldorf_and_dormagen()
    roles = ensure_roles()
    users = get_user_model()
    member = users.objects.create_user("lenkungskreis", "l@allianz.example", PASSWORD)
    member.groups.add(roles[STEERING_COMMITTEE])
    editor = users.objects.create_user("redaktion-dormagen", "r@dormagen.example", PASSWORD)
    editor.groups.add(dormagen.editors)
    story = draft_story(
        ticker_index(dormagen.alliance),
        editor,
        ("Chempark plant ein Dampfnetz", "Erste Fassung."),
        (DRAFT_TITLE, DRAFT_TEASER),
    )
    foreign = draft_story(
        ticker_index(duesseldorf.alliance),
        member,
        (FOREIGN_TITLE, "Nur für Düsseldorf."),
    )
    return {"dormagen": dormagen.alliance, "story": story, "foreign": foreign}


@dataclass(frozen=True)
class Row:
    title: str
    alliance: str
    status: str


def listed(page) -> list[Row]:
    """The review listing's rows as shown (text content, so without the CSS capitals)."""
    cells = page.locator("#listing-results tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))"
    )
    return [Row(title=row[0], alliance=row[2], status=row[4]) for row in cells]


def fields_shown(page) -> list[tuple[str, str]]:
    """The review page's table of fields as (label, content), in the editor's order; a
    list, since Wagtail's German calls both the title and the SEO title "Titel"."""
    rows = page.locator("main table.listing tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))"
    )
    return [tuple(row) for row in rows]


def assert_nothing_changes_here(page, scope: str = "main") -> None:
    """No form that posts, no link into Wagtail's page actions, no control named for a
    change, in the page's content (the sidebar holds only the menu and the logout)."""
    content = page.locator(scope)
    assert "post" not in content.locator("form").evaluate_all("forms => forms.map(f => f.method)")
    assert content.locator("a[href*='/admin/pages/']").count() == 0
    names = content.locator("a, button, input[type=submit]").evaluate_all(
        "controls => controls.map(c => [c.textContent, c.getAttribute('aria-label') || '',"
        " c.getAttribute('title') || '', c.value || ''].join(' ').trim())"
    )
    assert [name for name in names if CHANGING.search(name)] == []


def the_story_as_stored(story_id: int) -> dict:
    story = TickerStoryPage.objects.get(pk=story_id)
    return {
        "title": story.title,
        "draft_title": story.draft_title,
        "teaser": story.teaser,
        "latest_revision": story.latest_revision_id,
        "revisions": story.revisions.count(),
        "live": story.live,
        "has_unpublished_changes": story.has_unpublished_changes,
    }


def menu(page) -> list[str]:
    """The sidebar's top-level items, once the sidebar has been drawn."""
    items = page.locator(".sidebar-menu-item__link")
    expect(items.first).to_be_visible()
    return [text.strip() for text in items.all_text_contents()]


def test_the_steering_committee_reads_a_dormagen_draft_and_changes_nothing(
    live_server, browser, world
):
    story, foreign = world["story"], world["foreign"]
    stored = the_story_as_stored(story.pk)
    # Wagtail keeps the first title in the page row; the draft's is in its latest version.
    assert stored["title"] == "Chempark plant ein Dampfnetz"
    assert stored["draft_title"] == DRAFT_TITLE and not stored["live"]

    # 1. The committee member finds "Einsicht" in the menu (and no page explorer) ...
    member = log_in(browser, live_server.url, "lenkungskreis")
    assert "Einsicht" in menu(member) and "Seiten" not in menu(member)
    member.locator(".sidebar-menu-item__link", has_text="Einsicht").click()
    member.wait_for_url("**/admin/review/")
    expect(member.locator("main h1")).to_have_text("Einsicht")
    expect(member.locator("#listing-results")).to_contain_text(FOREIGN_TITLE)

    # ... filters to Dormagen and finds the draft there, and Düsseldorf's no more.
    member.get_by_role("button", name="Filter anzeigen").click()
    member.locator(".w-drilldown__toggle", has_text="Allianz").click()
    member.select_option("#id_alliance", label="Lokale Allianz Dormagen")
    expect(member.locator("#listing-results")).not_to_contain_text(FOREIGN_TITLE)
    rows = listed(member)
    assert {row.alliance for row in rows} == DORMAGEN
    assert Row(DRAFT_TITLE, "Lokale Allianz Dormagen", "Entwurf") in rows
    assert f"alliance={world['dormagen'].pk}" in member.url
    assert_nothing_changes_here(member)

    # 2. The story shows its latest draft, not the title it was created with.
    member.locator("#listing-results").get_by_role("link", name=DRAFT_TITLE).click()
    member.wait_for_url(f"**/admin/review/pages/{story.pk}/")
    expect(member.locator("main h1")).to_have_text(DRAFT_TITLE)
    shown = fields_shown(member)
    assert shown[0] == ("Titel", DRAFT_TITLE)
    assert ("Anreißer", DRAFT_TEASER) in shown
    details = member.locator("main dl").first.text_content()
    assert "Entwurf" in details and "Lokale Allianz Dormagen" in details
    assert "von redaktion-dormagen" in details
    assert_nothing_changes_here(member)

    # Its history: who saved which version.
    member.get_by_role("link", name="Historie").click()
    member.wait_for_url(f"**/admin/review/pages/{story.pk}/history/")
    history = member.locator("#listing-results tbody tr").all_text_contents()
    assert len(history) == 3
    assert sum("Entwurf gespeichert" in row for row in history) == 2
    assert all("redaktion-dormagen" in row for row in history)
    expect(member.locator("#listing-results")).to_contain_text(
        "Mit der vorigen Version vergleichen"
    )
    assert_nothing_changes_here(member)

    # Its preview, in a tab of its own: the draft as the public page would show it,
    # while the public page itself does not exist yet.
    member.go_back()
    member.wait_for_url(f"**/admin/review/pages/{story.pk}/")
    with member.context.expect_page() as opened:
        member.get_by_role("link", name="Vorschau").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.url == f"{live_server.url}/admin/review/pages/{story.pk}/preview/"
    expect(preview.locator("h1")).to_have_text(DRAFT_TITLE)
    expect(preview.locator(".teaser")).to_have_text(DRAFT_TEASER)
    assert "Lokale Allianz Dormagen" in preview.locator("header").text_content()
    assert_nothing_changes_here(preview, scope="html")
    public = member.request.get(f"{live_server.url}{Page.objects.get(pk=story.pk).url}")
    assert public.status == 404

    # 3. Wagtail's editor refuses the member, in German, and nothing changes.
    member.goto(f"/admin/pages/{story.pk}/edit/")
    assert member.url == f"{live_server.url}/admin/"
    expect(member.locator(".messages .error")).to_contain_text(REFUSAL)
    assert member.locator("#id_title").count() == 0
    token = next(c["value"] for c in member.context.cookies() if c["name"] == "csrftoken")
    headers = {"X-CSRFToken": token, "Referer": f"{live_server.url}/admin/"}
    forced = member.request.post(
        f"{live_server.url}/admin/pages/{story.pk}/edit/",
        form={"title": "Übernommen", "teaser": "x", "slug": "uebernommen", "action-publish": "1"},
        headers=headers,
        max_redirects=0,
    )
    assert (forced.status, forced.headers["location"]) == (302, "/admin/")
    posted_to_review = member.request.post(
        f"{live_server.url}/admin/review/pages/{story.pk}/", headers=headers, max_redirects=0
    )
    assert posted_to_review.status == 405
    assert the_story_as_stored(story.pk) == stored

    # 4. A Dormagen editor reads Dormagen in the review, and not Düsseldorf's draft.
    editor = log_in(browser, live_server.url, "redaktion-dormagen")
    assert "Einsicht" in menu(editor) and "Seiten" in menu(editor)
    editor.locator(".sidebar-menu-item__link", has_text="Einsicht").click()
    editor.wait_for_url("**/admin/review/")
    rows = listed(editor)
    assert {row.alliance for row in rows} == DORMAGEN
    assert DRAFT_TITLE in {row.title for row in rows}
    assert FOREIGN_TITLE not in {row.title for row in rows}
    alliances = editor.locator("#id_alliance option").all_text_contents()
    assert [name.strip() for name in alliances] == ["Alle", "Lokale Allianz Dormagen"]
    editor.goto(f"/admin/review/pages/{foreign.pk}/")
    assert editor.url == f"{live_server.url}/admin/"
    expect(editor.locator(".messages .error")).to_contain_text(REFUSAL)
