"""The founding itself: pages, media, groups, moderation, invitations, own site."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Collection, Site, Workflow

from ..models import AlliancePage
from ..roles import COORDINATION_OFFICE, ensure_roles, ensure_sub_alliance_groups, in_every_language
from ..skeleton import ensure_alliance
from .invitations import invite
from .media import ensure_collection
from .moderation import ensure_moderation
from .request import FoundingRequest, check


@dataclass(frozen=True)
class FoundingResult:
    alliance: AlliancePage
    collection: Collection
    editors: Group
    moderators: Group
    workflow: Workflow
    site: Site | None
    invited: list[str]
    founded: bool  # False when the alliance existed already (a re-run)


@transaction.atomic
def found_sub_alliance(request: FoundingRequest, *, user=None) -> FoundingResult:
    """Found (or, run again, complete) a sub-alliance with everything it needs.

    Raises FoundingError before writing anything when the request cannot be fulfilled.
    """
    checked = check(request)
    roles = ensure_roles()

    if checked.existing is not None:
        founded_on = checked.founded_on or checked.existing.founded_on
    else:
        founded_on = checked.founded_on or datetime.date.today()
    alliance = ensure_alliance(
        checked.parent,
        checked.slug,
        {
            "title": checked.name,
            "level": checked.level,
            "founded_on": founded_on,
            "region": checked.region,
        },
        {"title": checked.english_name},
        user=user,
    )
    collection = ensure_collection(checked.parent, checked.name)
    groups = ensure_sub_alliance_groups(checked.name, alliance, collection)
    workflow = ensure_moderation(
        checked.name,
        in_every_language(alliance),
        [groups.moderators, roles[COORDINATION_OFFICE]],
    )
    invited = invite(checked.moderators, groups.moderators, checked.name, field="moderators")
    invited += invite(checked.editors, groups.editors, checked.name, field="editors")

    site = None
    if checked.hostname:
        site, _created = Site.objects.get_or_create(
            hostname=checked.hostname,
            port=80,
            defaults={"root_page": alliance, "site_name": checked.name},
        )
    return FoundingResult(
        alliance=alliance,
        collection=collection,
        editors=groups.editors,
        moderators=groups.moderators,
        workflow=workflow,
        site=site,
        invited=invited,
        founded=checked.existing is None,
    )
