"""The pages every installation stands on, in German and English.

The state alliance is the site root; it holds the regions and companies of all NRW
and, like every alliance, its own Industrieticker and events. Demo content, imports
and the benchmark corpus all start from here, so there is exactly one way to make it.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from .choices import AllianceLevel
from .models import AlliancePage, CompanyIndexPage, EventIndexPage, RegionIndexPage
from .tree import ensure_translated_child

STATE_ALLIANCE_SLUG = "allianz-pro-industrie-und-nachhaltigkeit"

# (model, German slug, German title, English title) for what each alliance owns.
ALLIANCE_INDEXES = [
    ("ticker.TickerIndexPage", "industrieticker", "Industrieticker", "Industry ticker"),
    ("alliance_pages.EventIndexPage", "veranstaltungen", "Veranstaltungen", "Events"),
]
# ... and what exists once, under the state alliance.
STATE_INDEXES = [
    ("alliance_pages.RegionIndexPage", "regionen", "Regionen", "Regions"),
    ("alliance_pages.CompanyIndexPage", "unternehmen", "Unternehmen", "Companies"),
]

STATE_ALLIANCE_DE = {
    "title": "Allianz pro Industrie und Nachhaltigkeit",
    "level": AllianceLevel.STATE,
    "founded_on": datetime.date(2009, 6, 1),
    "introduction": (
        "Unternehmen, Verbände, Kammern, Gewerkschaften und die Landesregierung "
        "Nordrhein-Westfalens zeigen gemeinsam: Industrie und Nachhaltigkeit "
        "bedingen einander."
    ),
}
STATE_ALLIANCE_EN = {
    "title": "Alliance pro Industry and Sustainability",
    "introduction": (
        "Companies, business associations, chambers, labour unions and the state "
        "government of North Rhine-Westphalia show together that industry and "
        "sustainability depend on each other."
    ),
}


class SkeletonError(RuntimeError):
    pass


def content_locales() -> tuple[Locale, Locale]:
    return Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en")


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)


def ensure_alliance_indexes(alliance: AlliancePage, specs=ALLIANCE_INDEXES, user=None) -> None:
    for label, slug, title_de, title_en in specs:
        ensure_translated_child(
            alliance,
            _model(label),
            slug,
            {"title": title_de},
            {"en": {"title": title_en}},
            user=user,
        )


def ensure_alliance(
    parent: Page, slug: str, values: dict, english: dict, user=None
) -> AlliancePage:
    """An alliance with its ticker and events, in German and English."""
    alliance, _changed = ensure_translated_child(
        parent, AlliancePage, slug, values, {"en": english}, user=user
    )
    ensure_alliance_indexes(alliance, user=user)
    return alliance


@transaction.atomic
def ensure_state_alliance(values: dict | None = None, english: dict | None = None, user=None):
    """The state alliance as the default site's root, with all its indexes."""
    root = Page.get_first_root_node()
    state = ensure_alliance(
        root,
        STATE_ALLIANCE_SLUG,
        {**STATE_ALLIANCE_DE, **(values or {})},
        {**STATE_ALLIANCE_EN, **(english or {})},
        user=user,
    )
    ensure_alliance_indexes(state, STATE_INDEXES, user=user)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=state,
            is_default_site=True,
            site_name=str(_("Allianz pro Industrie und Nachhaltigkeit")),
        )
    elif site.root_page_id != state.pk:
        previous_root = site.root_page.specific
        site.root_page = state
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page has no further use.
        if type(previous_root) is Page and previous_root.slug == "home" and previous_root.is_leaf():
            previous_root.delete()
    return state


def state_alliance(locale: Locale | None = None) -> AlliancePage:
    de, _en = content_locales()
    page = (
        AlliancePage.objects.filter(depth=2, level=AllianceLevel.STATE, locale=locale or de)
        .order_by("path")
        .first()
    )
    if page is None:
        raise SkeletonError(
            "There is no state alliance yet. Run `python site/manage.py load_demo` "
            "or create the state alliance in the admin first."
        )
    return page


def child_index(alliance: Page, model):
    index = alliance.get_children().type(model).specific().first()
    if index is None:
        raise SkeletonError(
            f"The alliance {alliance.title!r} has no {model._meta.verbose_name} below it."
        )
    return index


def regions_index(locale: Locale | None = None) -> RegionIndexPage:
    return child_index(state_alliance(locale), RegionIndexPage)


def companies_index(locale: Locale | None = None) -> CompanyIndexPage:
    return child_index(state_alliance(locale), CompanyIndexPage)


def events_index(alliance: AlliancePage) -> EventIndexPage:
    return child_index(alliance, EventIndexPage)


def ticker_index(alliance: AlliancePage):
    from ticker.models import TickerIndexPage

    return child_index(alliance, TickerIndexPage)
