"""What the browser tests share: Debian's Chromium driven by Playwright, a German admin
login, and the two sub-alliances they stand on.

Playwright's own browser download does not work here, so the tests launch the system's
Chromium (``.ci/run`` installs the ``chromium`` package) and are skipped, saying so,
where there is none. A live server needs committed data, so the tests run in a
transactional database; ``serialized_rollback`` brings back what the migrations made
(locales, root page, collections). The alliances are founded through the same founding
code the admin, the command and the demo use.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from alliance_pages.choices import AllianceLevel, RegionKind
from alliance_pages.founding import FoundingRequest, FoundingResult, found_sub_alliance
from alliance_pages.skeleton import ensure_state_alliance, regions_index
from tests.factories import region

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # BROWSER_TEST skips the tests, saying why
    expect = sync_playwright = None
    PlaywrightTimeout = TimeoutError

# CHROMIUM names another Chromium build; Debian's is the default.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every user a browser test logs in with has this password.
PASSWORD = "Moderation-2010!"
TIMEOUT_MS = 30_000

BROWSER_TEST = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sync_playwright is None,
        reason="Playwright for Python is not installed (pip install -e .[test])",
    ),
    pytest.mark.skipif(
        not Path(CHROMIUM).is_file(),
        reason=f"No Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@contextmanager
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def log_in(browser, base_url: str, username: str):
    """A page of the admin's dashboard, logged in in a context of its own, German."""
    context = browser.new_context(base_url=base_url, locale="de-DE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def found_duesseldorf_and_dormagen() -> tuple[FoundingResult, FoundingResult]:
    """The regional alliance Düsseldorf and the local alliance Dormagen under it, each
    with its editors, moderators and moderation workflow."""
    state = ensure_state_alliance()
    district = region(
        regions_index(), "Regierungsbezirk Düsseldorf", RegionKind.ADMINISTRATIVE_DISTRICT
    )
    neuss = region(district, "Rhein-Kreis Neuss", RegionKind.DISTRICT)
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
    return duesseldorf, dormagen


def wait_for_saved(page, url_glob: str) -> None:
    """Wait for the redirect a saved admin form makes; a form that comes back instead
    fails the test with the admin's messages and field errors, not a bare timeout."""
    try:
        page.wait_for_url(url_glob)
    except PlaywrightTimeout:
        shown = page.locator(".messages, .error-message").all_inner_texts()
        raise AssertionError(f"the form came back at {page.url}: {shown}") from None
