import pytest

from alliance_pages.skeleton import content_locales, ensure_state_alliance, state_alliance


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every installation stands on the state alliance and its indexes: build them once.

    Tests run in transactions that roll back to this tree, so each starts from it.
    """
    with django_db_blocker.unblock():
        ensure_state_alliance()


@pytest.fixture
def locales(db):
    """(German, English) Wagtail locales, created by the migrations."""
    return content_locales()


@pytest.fixture(name="state_alliance")
def state_alliance_fixture(db):
    """The German state alliance: the site root, with its indexes and English translations."""
    return state_alliance()


@pytest.fixture(scope="module")
def sub_alliances(django_db_setup, django_db_blocker):
    """The regional alliance Düsseldorf and the local alliance Dormagen under it.

    Built once per test module (wagtail-localize translations are not cheap) and
    removed again afterwards, so other modules see only the state alliance.
    """
    import datetime

    from alliance_pages.choices import AllianceLevel
    from alliance_pages.skeleton import ensure_alliance

    with django_db_blocker.unblock():
        state = state_alliance()
        duesseldorf = ensure_alliance(
            state,
            "duesseldorf",
            {
                "title": "Regionale Allianz Düsseldorf",
                "level": AllianceLevel.REGIONAL,
                "founded_on": datetime.date(2010, 2, 1),
            },
            {"title": "Regional alliance Düsseldorf"},
        )
        dormagen = ensure_alliance(
            duesseldorf,
            "dormagen",
            {
                "title": "Lokale Allianz Dormagen",
                "level": AllianceLevel.LOCAL,
                "founded_on": datetime.date(2010, 11, 1),
            },
            {"title": "Local alliance Dormagen"},
        )
    yield {"duesseldorf": duesseldorf, "dormagen": dormagen}
    with django_db_blocker.unblock():
        for page in duesseldorf.get_translations(inclusive=True):
            page.delete()


@pytest.fixture
def browser(monkeypatch):
    """Headless Chromium for the browser tests (``tests.browser``).

    Playwright's sync API keeps an event loop running in this thread, which makes Django
    refuse the test's own database calls as "async"; they are not (Django's documented
    escape hatch for exactly this case). Under that loop Django keeps the test's
    connection apart from pytest-django's, so it is closed here while the loop still
    runs; left open, it stops a PostgreSQL run from dropping its test database.
    """
    from django.db import connections

    from tests.browser import chromium

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as launched:
        yield launched
        connections.close_all()
