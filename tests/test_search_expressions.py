"""The SQL pieces story search counts facets with, on the database the suite runs on."""

import datetime

import pytest
from wagtail.models import Page

from alliance_pages.models import AlliancePage
from alliance_pages.skeleton import state_alliance
from search.expressions import IdList, Year
from tests.factories import AlliancePageFactory

pytestmark = pytest.mark.django_db

# Past SQLite's limit of 32,766 bound parameters, which one parameter per id would hit.
MANY = 40_000


def test_id_list_filters_by_tens_of_thousands_of_ids_in_one_parameter():
    root = Page.objects.get(depth=1)
    unknown = range(10_000_000, 10_000_000 + MANY)
    found = Page.objects.filter(pk__in=IdList([*unknown, root.pk]))
    assert list(found.values_list("pk", flat=True)) == [root.pk]


def test_empty_id_list_finds_nothing():
    assert not Page.objects.filter(pk__in=IdList([])).exists()


def test_id_list_excludes_as_well_as_filters():
    root = Page.objects.get(depth=1)
    others = Page.objects.exclude(pk__in=IdList([root.pk]))
    assert root.pk not in set(others.values_list("pk", flat=True))
    assert others.count() == Page.objects.count() - 1


def test_year_of_a_date_column():
    state = state_alliance()
    one = AlliancePageFactory(
        parent=state, title="Allianz Jahr", founded_on=datetime.date(2010, 11, 1)
    )
    other = AlliancePageFactory(
        parent=state, title="Allianz Silvester", founded_on=datetime.date(1999, 12, 31)
    )
    years = dict(
        AlliancePage.objects.filter(pk__in=[one.pk, other.pk])
        .annotate(year=Year("founded_on"))
        .values_list("title", "year")
    )
    assert years == {"Allianz Jahr": 2010, "Allianz Silvester": 1999}
