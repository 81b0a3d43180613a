"""What the coordination office asks for, and every check made before anything is written.

All checks run first, so that a refusal names its reason and leaves the database as it
was; the founding itself then runs in one transaction.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ..choices import AllianceLevel
from ..models import AlliancePage, RegionPage
from ..roles import editors_group_name, moderators_group_name
from ..skeleton import content_locales
from ..text import german_slugify

# Host names as Wagtail's Site stores them: dot-separated labels, "localhost" included.
HOSTNAME = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")
SUB_ALLIANCE_LEVELS = (AllianceLevel.REGIONAL, AllianceLevel.LOCAL)
# "Regionale Allianz Köln" -> "Regional alliance Köln": the German titles' own pattern.
ENGLISH_PREFIXES = {
    "Regionale Allianz ": "Regional alliance ",
    "Lokale Allianz ": "Local alliance ",
}


class FoundingError(ValueError):
    """The request cannot be fulfilled; the message says why, for a person to act on.

    ``field`` names the part of the request the refusal concerns (``name``, ``level``,
    ``region``, ``parent``, ``editors``, ``moderators``, ``hostname``, ``founded_on``), so
    that the admin form shows it beside that field; None when it concerns no one part.
    The command shows the message alone.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FoundingRequest:
    """A sub-alliance to found. ``parent`` and ``region`` are German slugs (a region may
    also be named by its German title); the e-mail addresses are the people to invite."""

    name: str
    level: str
    parent: "str | AlliancePage"
    region: "str | RegionPage"
    english_name: str = ""
    slug: str = ""
    founded_on: datetime.date | None = None
    editors: tuple[str, ...] = field(default=())
    moderators: tuple[str, ...] = field(default=())
    hostname: str = ""


@dataclass(frozen=True)
class CheckedRequest:
    """A request whose names have been resolved to pages; ``existing`` is the alliance
    page of an earlier run of the same founding, if any."""

    name: str
    english_name: str
    level: str
    slug: str
    parent: AlliancePage
    region: RegionPage
    founded_on: datetime.date | None
    editors: tuple[str, ...]
    moderators: tuple[str, ...]
    hostname: str
    existing: AlliancePage | None


def english_name_for(name: str) -> str:
    for german, english in ENGLISH_PREFIXES.items():
        if name.startswith(german):
            return english + name.removeprefix(german)
    return name


def _parent(slug) -> AlliancePage:
    if isinstance(slug, AlliancePage):
        return slug
    german, _english = content_locales()
    parents = list(AlliancePage.objects.filter(locale=german, slug=slug))
    if not parents:
        raise FoundingError(
            _("There is no alliance with the slug “%(slug)s” to found a sub-alliance under.")
            % {"slug": slug},
            field="parent",
        )
    if len(parents) > 1:
        raise FoundingError(
            _("Several alliances have the slug “%(slug)s”; rename one of them first.")
            % {"slug": slug},
            field="parent",
        )
    return parents[0]


def _region(name) -> RegionPage:
    if isinstance(name, RegionPage):
        return name
    german, _english = content_locales()
    regions = list(RegionPage.objects.filter(locale=german, slug=name)) or list(
        RegionPage.objects.filter(locale=german, title=name)
    )
    if not regions:
        raise FoundingError(
            _("There is no region “%(region)s”: give the German slug or title of a region.")
            % {"region": name},
            field="region",
        )
    if len(regions) > 1:
        raise FoundingError(
            _("“%(region)s” names several regions; give the region's slug instead.")
            % {"region": name},
            field="region",
        )
    return regions[0]


def _addresses(addresses, role: str, field: str) -> tuple[str, ...]:
    cleaned = []
    for address in addresses:
        address = address.strip()
        try:
            validate_email(address)
        except ValidationError as error:
            raise FoundingError(
                _("“%(address)s” is not a valid e-mail address (%(role)s).")
                % {"address": address, "role": role},
                field=field,
            ) from error
        if address.lower() not in {a.lower() for a in cleaned}:
            cleaned.append(address)
    return tuple(cleaned)


def _same_founding(page: AlliancePage, name: str, level: str, region: RegionPage) -> bool:
    return page.title == name and page.level == level and page.region_id == region.pk


def _founding_date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError as error:
        raise FoundingError(
            _("“%(value)s” is not a date: write it as YYYY-MM-DD.") % {"value": value},
            field="founded_on",
        ) from error


def check(request: FoundingRequest) -> CheckedRequest:
    """Resolve and check everything; raise FoundingError with the first problem found."""
    name = " ".join(request.name.split())
    if not name:
        raise FoundingError(_("The new alliance needs a name."), field="name")
    if request.level not in SUB_ALLIANCE_LEVELS:
        raise FoundingError(
            _("A sub-alliance is regional or local, not “%(level)s”.") % {"level": request.level},
            field="level",
        )
    parent = _parent(request.parent)
    level_error = AlliancePage(level=request.level).level_error_under(parent)
    if level_error:
        raise FoundingError(level_error, field="level")
    region = _region(request.region)
    slug = request.slug or german_slugify(name)
    if not slug:
        raise FoundingError(
            _("No web address (slug) can be made from this name; give one."), field="name"
        )

    existing = None
    standing = Page.objects.child_of(parent).filter(slug=slug).specific().first()
    if standing is not None:
        if not (
            isinstance(standing, AlliancePage)
            and _same_founding(standing, name, request.level, region)
        ):
            raise FoundingError(
                _("The address “%(slug)s” is already taken under “%(parent)s” by “%(title)s”.")
                % {"slug": slug, "parent": parent.title, "title": standing.title},
                # Made from the name unless given (the admin form has no slug of its own).
                field="slug" if request.slug else "name",
            )
        existing = standing

    german, _english = content_locales()
    namesake = AlliancePage.objects.filter(locale=german, title=name)
    if existing is not None:
        namesake = namesake.exclude(pk=existing.pk)
    if namesake.exists():
        raise FoundingError(
            _("An alliance called “%(name)s” exists already elsewhere.") % {"name": name},
            field="name",
        )
    if (
        existing is None
        and Group.objects.filter(
            name__in=[editors_group_name(name), moderators_group_name(name)]
        ).exists()
    ):
        raise FoundingError(
            _(
                "The groups for “%(name)s” exist already, without its alliance page; "
                "rename or remove them first."
            )
            % {"name": name},
            field="name",
        )

    hostname = request.hostname.strip().lower()
    if hostname:
        if not HOSTNAME.fullmatch(hostname) or len(hostname) > 253:
            raise FoundingError(
                _("“%(hostname)s” is not a valid host name.") % {"hostname": hostname},
                field="hostname",
            )
        site = Site.objects.filter(hostname=hostname, port=80).first()
        if site is not None and (existing is None or site.root_page_id != existing.pk):
            raise FoundingError(
                _("The host name “%(hostname)s” belongs to another site already.")
                % {"hostname": hostname},
                field="hostname",
            )

    return CheckedRequest(
        name=name,
        english_name=" ".join(request.english_name.split()) or english_name_for(name),
        level=request.level,
        slug=slug,
        parent=parent,
        region=region,
        founded_on=_founding_date(request.founded_on),
        editors=_addresses(request.editors, _("editors"), "editors"),
        moderators=_addresses(request.moderators, _("moderators"), "moderators"),
        hostname=hostname,
        existing=existing,
    )
