"""Which alliance a page belongs to, for the review's alliance column and filter.

A page belongs to the nearest alliance above it (or is that alliance): a Dormagen
story belongs to Dormagen, not to Düsseldorf above it, and the state alliance's own
sections belong to the state alliance. The alliances are few, so they are read once
per request, in both languages, and everything else is a comparison of tree paths.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from ..models import AlliancePage


@dataclass(frozen=True)
class Alliance:
    pk: int
    path: str
    title: str
    translation_key: str
    language_code: str


class Alliances:
    """Every alliance page, German and English, read in one query."""

    def __init__(self) -> None:
        rows = AlliancePage.objects.order_by("path").values_list(
            "pk", "path", "title", "translation_key", "locale__language_code"
        )
        self.all = [Alliance(*row) for row in rows]
        self.by_path = {alliance.path: alliance for alliance in self.all}

    def owner(self, page: Page) -> Alliance | None:
        for length in range(len(page.path), 0, -Page.steplen):
            alliance = self.by_path.get(page.path[:length])
            if alliance is not None:
                return alliance
        return None

    def choices(self, grants: list[Page] | None) -> list[tuple[str, str]]:
        """The alliances owning a page the reader may read, named by their German page,
        in tree order. ``grants`` None: the reader reads everything."""
        source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        groups: dict[str, list[Alliance]] = {}
        for alliance in self.all:
            groups.setdefault(alliance.translation_key, []).append(alliance)
        choices = []
        for versions in groups.values():
            if grants is not None and not any(
                self._owns_readable(version, grant) for version in versions for grant in grants
            ):
                continue
            named = next((v for v in versions if v.language_code == source), versions[0])
            choices.append((named.path, str(named.pk), named.title))
        return [(value, title) for _path, value, title in sorted(choices)]

    def _owns_readable(self, alliance: Alliance, grant: Page) -> bool:
        # The grant covers the alliance, or lies in the alliance's own part of the tree
        # (the communications editors' grants on the state alliance's sections).
        return alliance.path.startswith(grant.path) or self.owner(grant) == alliance

    def own_pages(self, alliance_pk: int) -> Q:
        """The pages belonging to that alliance, in every language: its subtree without
        the subtrees of the alliances below it."""
        chosen = next((a for a in self.all if a.pk == alliance_pk), None)
        if chosen is None:
            return Q(pk__in=[])
        versions = [a for a in self.all if a.translation_key == chosen.translation_key]
        below = [
            other
            for other in self.all
            for version in versions
            if other.path != version.path and other.path.startswith(version.path)
        ]
        within = reduce(or_, (Q(path__startswith=version.path) for version in versions))
        for other in below:
            within &= ~Q(path__startswith=other.path)
        return within
