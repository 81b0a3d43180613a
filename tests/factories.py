"""Factories for the alliance's page types. Build trees with ``parent=`` as in wagtail-factories."""

import datetime

import factory
import wagtail_factories

from alliance_pages.choices import AllianceLevel, EventKind, RegionKind, Sector
from alliance_pages.models import (
    AlliancePage,
    CompanyPage,
    EventPage,
    PartnerOrganisation,
    RegionPage,
)
from alliance_pages.text import german_slugify
from ticker.models import TickerStoryPage


class AlliancePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Allianz {n}")
    level = AllianceLevel.REGIONAL
    founded_on = datetime.date(2010, 2, 1)

    class Meta:
        model = AlliancePage


class RegionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Region {n}")
    kind = RegionKind.TOWN

    class Meta:
        model = RegionPage


def region(parent, title: str, kind: str) -> RegionPage:
    """A region page with the German slug an editor would get (``Köln`` -> ``koeln``)."""
    return RegionPageFactory(parent=parent, title=title, slug=german_slugify(title), kind=kind)


class CompanyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Musterwerk {n} GmbH")
    sector = Sector.CHEMICALS

    class Meta:
        model = CompanyPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    kind = EventKind.CONGRESS
    starts_at = factory.LazyFunction(lambda: datetime.datetime(2010, 6, 1, 10, tzinfo=datetime.UTC))

    class Meta:
        model = EventPage


class TickerStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innovation Nummer {n}")
    teaser = "Ein Unternehmen aus Nordrhein-Westfalen zeigt, wie es geht."
    date = datetime.date(2024, 5, 1)

    class Meta:
        model = TickerStoryPage


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Verband {n}")
    kind = "business_association"

    class Meta:
        model = PartnerOrganisation
