"""The coordination office's dashboard on the admin home page.

It shows what the office needs at a glance (alliances founded over time, stories per
month and alliance, upcoming events, pages waiting for moderation), only to the
office, with charts a screen reader can read as tables, in a number of queries that
does not grow with the tree.
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance_pages.choices import EventKind
from alliance_pages.dashboard.charts import (
    PALETTE,
    cumulative_chart,
    nice_step,
    stacked_bar_chart,
    value_axis,
)
from alliance_pages.dashboard.data import month_start, stories_per_month
from alliance_pages.roles import COORDINATION_OFFICE
from alliance_pages.skeleton import events_index, ticker_index
from tests.factories import EventPageFactory, TickerStoryPageFactory

User = get_user_model()


@pytest.fixture
def office_user(db):
    return User.objects.create_superuser("koordination", "k@example.org", "pw")


def add_content(
    alliances, stories_each: int, events_each: int, moderated_each: int, user, batch: str = "a"
):
    """Stories this month, upcoming events and pages in moderation for every alliance."""
    today = timezone.localdate()
    for alliance in alliances:
        ticker = ticker_index(alliance)
        for number in range(stories_each):
            TickerStoryPageFactory(
                parent=ticker, title=f"Meldung {alliance.slug} {batch}{number}", date=today
            )
        for number in range(events_each):
            EventPageFactory(
                parent=events_index(alliance),
                title=f"Treffen {alliance.slug} {batch}{number}",
                kind=EventKind.DIALOGUE_FORUM,
                starts_at=timezone.now() + datetime.timedelta(days=10 + number),
            )
        for number in range(moderated_each):
            story = TickerStoryPageFactory(
                parent=ticker, title=f"Zur Freigabe {alliance.slug} {batch}{number}", live=False
            )
            story.save_revision(user=user)
            story.get_workflow().start(story, user)


def test_the_office_sees_its_dashboard(client, office_user, sub_alliances):
    duesseldorf, dormagen = sub_alliances["duesseldorf"], sub_alliances["dormagen"]
    add_content([dormagen], stories_each=3, events_each=1, moderated_each=1, user=office_user)
    add_content([duesseldorf], stories_each=1, events_each=0, moderated_each=0, user=office_user)
    client.force_login(office_user)

    html = client.get("/admin/").content.decode()

    assert "Gründungen von Allianzen im Zeitverlauf" in html  # the admin speaks German
    assert html.count('role="img"') == 2
    assert "Lokale Allianz Dormagen" in html
    # Founding days in the table, in order, with the running total.
    table = html[html.index('id="alliances-founded-section"') :]
    assert table.index("Regionale Allianz Düsseldorf") < table.index("Lokale Allianz Dormagen")
    # Stories per month: Dormagen's three this month, Düsseldorf's one.
    stories = html[html.index('id="stories-per-month-section"') :]
    assert re.search(r"Lokale Allianz Dormagen</th>(<td>0</td>){11}<td>3</td><td>3</td>", stories)
    assert re.search(
        r"Regionale Allianz Düsseldorf</th>(<td>0</td>){11}<td>1</td><td>1</td>", stories
    )
    assert "Treffen dormagen a0" in html
    waiting = html[html.index('id="awaiting-moderation-section"') :]
    assert "Zur Freigabe dormagen a0" in waiting
    # SVG coordinates never carry a German decimal comma.
    for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S):
        assert not re.search(r'(x|y|height|width|cx|cy)="\d+,\d', svg)


def test_the_coordination_office_group_sees_it_and_others_do_not(client, db, sub_alliances):
    access_admin = Permission.objects.get(codename="access_admin")
    office = Group.objects.get_or_create(name=COORDINATION_OFFICE)[0]
    office.permissions.add(access_admin)
    member = User.objects.create_user("buero", "b@example.org", "pw")
    member.groups.add(office)
    editor = User.objects.create_user("redaktion", "r@example.org", "pw")
    editor.user_permissions.add(access_admin)

    client.force_login(member)
    assert 'id="alliances-founded-section"' in client.get("/admin/").content.decode()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'id="alliances-founded-section"' not in response.content.decode()
    assert 'id="awaiting-moderation-section"' not in response.content.decode()


def count_dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return len(queries)


def test_the_dashboard_takes_the_same_queries_however_much_there_is(
    client, office_user, sub_alliances
):
    """Pages in moderation are left out here: Wagtail's own "Awaiting your review" panel
    on the same page takes a query per page it lists. Ours is measured on its own below."""
    client.force_login(office_user)
    alliances = [sub_alliances["duesseldorf"], sub_alliances["dormagen"]]
    add_content(alliances, stories_each=1, events_each=1, moderated_each=0, user=office_user)
    count_dashboard_queries(client)  # warm caches (content types, site root)
    small = count_dashboard_queries(client)

    add_content(
        alliances, stories_each=5, events_each=4, moderated_each=0, user=office_user, batch="b"
    )
    large = count_dashboard_queries(client)

    print(f"dashboard request: {small} queries (small tree), {large} queries (larger tree)")
    assert large == small


def count_panel_queries(rf, user) -> int:
    from alliance_pages.dashboard.panels import PANELS

    request = rf.get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = "".join(
            panel().render_html({"request": request, "csrf_token": ""}) for panel in PANELS
        )
    assert "Zur Freigabe" in html
    return len(queries)


def test_the_panels_take_a_fixed_number_of_queries(rf, office_user, sub_alliances):
    alliances = [sub_alliances["duesseldorf"], sub_alliances["dormagen"]]
    add_content(alliances, stories_each=1, events_each=1, moderated_each=1, user=office_user)
    small = count_panel_queries(rf, office_user)
    add_content(
        alliances, stories_each=3, events_each=3, moderated_each=4, user=office_user, batch="b"
    )
    large = count_panel_queries(rf, office_user)

    print(f"dashboard panels: {small} queries (small tree), {large} queries (larger tree)")
    # founded 1, stories 2, events 1, moderation 4 (count, states, pages, alliances)
    assert small == large == 8


# Chart geometry


def test_nice_steps_and_axis():
    assert [nice_step(n) for n in (1, 4, 7, 13, 40, 95, 430)] == [1, 1, 2, 5, 10, 50, 200]
    top, ticks = value_axis(7)
    assert top == 8
    assert [tick.label for tick in ticks] == ["0", "2", "4", "6", "8"]
    assert ticks[0].position > ticks[-1].position  # SVG y grows downwards


def test_the_founding_line_climbs_one_step_per_alliance():
    chart = cumulative_chart(
        [
            (datetime.date(2009, 6, 1), "Land"),
            (datetime.date(2010, 2, 1), "Düsseldorf"),
            (datetime.date(2010, 11, 1), "Dormagen"),
        ],
        today=datetime.date(2012, 5, 1),
    )
    ys = [point.y for point in chart.points]
    xs = [point.x for point in chart.points]
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == 3
    assert xs == sorted(xs)
    assert [tick.label for tick in chart.x_ticks] == ["2009", "2010", "2011", "2012"]
    assert cumulative_chart([], today=datetime.date(2012, 5, 1)) is None


def test_stacked_bars_are_proportional_and_group_the_rest():
    names = {f"Allianz {n}": [n, 0, 1] for n in range(1, len(PALETTE) + 3)}
    chart = stacked_bar_chart(["Jan", "Feb", "Mär"], names, "Weitere")

    assert [one.name for one in chart.series][-1] == "Weitere"
    assert len(chart.series) == len(PALETTE) + 1
    assert chart.totals == [sum(range(1, len(PALETTE) + 3)), 0, len(PALETTE) + 2]
    january = [segment for segment in chart.segments if segment.label.startswith("Jan")]
    heights = {
        segment.label.split(": ")[1].rsplit(",", 1)[0]: segment.height for segment in january
    }
    assert heights["Allianz 2"] == pytest.approx(2 * heights["Allianz 1"], abs=0.2)
    assert stacked_bar_chart(["Jan"], {"A": [0]}, "Weitere") is None


def test_months_count_back_across_the_turn_of_the_year(db):
    assert month_start(datetime.date(2025, 2, 17), 3) == datetime.date(2024, 11, 1)
    counts = stories_per_month(months=12, today=datetime.date(2025, 2, 17))
    assert counts.months[0] == datetime.date(2024, 3, 1)
    assert counts.months[-1] == datetime.date(2025, 2, 1)
