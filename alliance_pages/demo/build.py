"""Building the demo from the data modules, section by section.

Sections run in dependency order (regions before the companies that sit in them,
companies before the alliances that list them as partners, and so on) inside one
transaction, so an error leaves the database as it was. Every step goes through the
idempotent helpers of :mod:`alliance_pages.tree` and :mod:`.snippets`: a second run
finds everything in place and publishes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage
from wagtail.models import Revision

from ticker.models import TickerStoryPage

from ..founding import FoundingRequest, found_sub_alliance
from ..models import (
    AlliancePage,
    AlliancePartner,
    CompanyPage,
    DeclarationPage,
    EventPage,
    PartnerOrganisation,
    RegionPage,
    SupportServicesPage,
)
from ..roles import ensure_roles
from ..skeleton import (
    ALLIANCE_INDEXES,
    STATE_INDEXES,
    companies_index,
    content_locales,
    ensure_alliance,
    ensure_state_alliance,
    events_index,
    regions_index,
    ticker_index,
)
from ..text import german_slugify
from ..translation import publish_translation
from ..tree import ensure_translated_child, publish
from . import alliances, companies, declaration, events, partners, regions, stories
from .content import resolve_images, rich_text
from .images import ensure_demo_images
from .people import ensure_central_people, ensure_demo_people
from .snippets import ensure_translated_snippet

PAGES, IMAGES, SNIPPETS = "pages", "images", "snippets"


@dataclass(frozen=True)
class Outcome:
    """What a section stands for after the run (``count`` objects of ``kind``, translations
    included) and how many of them this run created or changed; ``None`` lets
    :func:`build_demo` count the pages that got a new revision."""

    count: int
    kind: str
    changed: int | None = None


@dataclass(frozen=True)
class SectionReport:
    name: str
    count: int
    kind: str
    changed: int


class DemoBuilder:
    """Builds the demo; remembers what it built so later sections can refer to it by name."""

    def __init__(self, user=None):
        self.user = user
        self.german, self.english = content_locales()
        self.images: dict[str, AbstractImage] = {}
        self.regions: dict[str, RegionPage] = {}
        self.organisations: dict[str, PartnerOrganisation] = {}
        self.companies: dict[str, CompanyPage] = {}
        self.alliances: dict[str, AlliancePage] = {}

    def sections(self) -> list[tuple[str, Callable[[], Outcome]]]:
        return [
            (_("State alliance and indexes"), self.build_skeleton),
            (_("Images"), self.build_images),
            (_("Regions"), self.build_regions),
            (_("Partner organisations"), self.build_organisations),
            (_("Companies"), self.build_companies),
            (_("Alliances"), self.build_alliances),
            (_("Declaration and support services"), self.build_declaration),
            (_("Events"), self.build_events),
            (_("Industrieticker"), self.build_stories),
        ]

    @staticmethod
    def _pages(german_pages: int) -> Outcome:
        """Every German page of the demo has its English translation."""
        return Outcome(german_pages * 2, PAGES)

    def _translated(self, parent, model, slug, values, english, **kwargs):
        page, _changed = ensure_translated_child(
            parent,
            model,
            slug,
            values,
            {"en": english},
            user=self.user,
            **kwargs,
        )
        return page

    def build_skeleton(self) -> Outcome:
        ensure_state_alliance(user=self.user)
        ensure_central_people(ensure_roles())
        return self._pages(1 + len(ALLIANCE_INDEXES) + len(STATE_INDEXES))

    def build_images(self) -> Outcome:
        self.images, created = ensure_demo_images()
        return Outcome(len(self.images), IMAGES, created)

    def build_regions(self) -> Outcome:
        index = regions_index(self.german)
        for region, parent in regions.walk():
            parent_page = self.regions[parent.title_de] if parent else index
            self.regions[region.title_de] = self._translated(
                parent_page,
                RegionPage,
                german_slugify(region.title_de),
                region.values(),
                region.english(),
            )
        return self._pages(len(self.regions))

    def build_organisations(self) -> Outcome:
        changed = 0
        for organisation in partners.ORGANISATIONS:
            self.organisations[organisation.name_de], was_changed = ensure_translated_snippet(
                PartnerOrganisation,
                {"name": organisation.name_de},
                organisation.values(),
                {"en": organisation.english()},
                source_locale=self.german,
                user=self.user,
            )
            changed += was_changed
        # German and English each; a changed German snippet has its translation redone.
        return Outcome(len(self.organisations) * 2, SNIPPETS, changed * 2)

    def build_companies(self) -> Outcome:
        index = companies_index(self.german)
        for company in companies.COMPANIES:
            self.companies[company.name] = self._translated(
                index,
                CompanyPage,
                german_slugify(company.name),
                {
                    "title": company.name,
                    "sector": company.sector,
                    "headquarters": self.regions[company.headquarters],
                    "sites": [self.regions[name] for name in company.sites],
                    "website": company.website,
                    "logo": self.images[company.logo_key],
                    "description": rich_text(*company.description_de),
                    "signatory_since": company.signatory_since,
                },
                {"title": company.name, "description": rich_text(*company.description_en)},
            )
        return self._pages(len(self.companies))

    def build_alliances(self) -> Outcome:
        image_ids = {key: image.pk for key, image in self.images.items()}
        for spec in alliances.ALLIANCES:
            values = {
                "title": spec.title_de,
                "level": spec.level,
                "founded_on": spec.founded_on,
                "region": self.regions[spec.region],
                "introduction": spec.introduction_de,
                "body": resolve_images(spec.body_de, image_ids),
                "contact_name": spec.contact_name,
                "contact_email": spec.contact_email,
                "contact_address": spec.contact_address_de,
            }
            english = {
                "title": spec.title_en,
                "introduction": spec.introduction_en,
                "body": resolve_images(spec.body_en, image_ids),
                "contact_address": spec.contact_address_en,
            }
            if spec.parent is None:
                alliance = ensure_state_alliance(values, english, user=self.user)
            else:
                alliance = self._found(spec, values, english)
            self._ensure_partners(alliance, spec.partners, english)
            self.alliances[spec.key] = alliance
        # The state alliance's own indexes belong to the skeleton section.
        sub_alliances = len(self.alliances) - 1
        return self._pages(len(self.alliances) + sub_alliances * len(ALLIANCE_INDEXES))

    def _found(self, spec, values, english) -> AlliancePage:
        """Through the founding code, as the coordination office would, then the demo's text."""
        parent = self.alliances[spec.parent]
        result = found_sub_alliance(
            FoundingRequest(
                name=spec.title_de,
                english_name=spec.title_en,
                level=spec.level,
                parent=parent,
                region=self.regions[spec.region],
                slug=spec.slug,
                founded_on=spec.founded_on,
            ),
            user=self.user,
        )
        ensure_demo_people(spec.key, result)
        return ensure_alliance(parent, spec.slug, values, english, user=self.user)

    def _ensure_partners(self, alliance: AlliancePage, wanted_partners, english) -> None:
        """Partners are a child relation that ``ensure_child`` cannot compare, so they are
        compared here; on a change the German page is published and the English one
        re-synced, as a translator's sync in the admin would do."""
        wanted = [
            (
                self.companies[p.name].pk if p.is_company else None,
                None if p.is_company else self.organisations[p.name].pk,
                p.role,
            )
            for p in wanted_partners
        ]
        current = [(p.company_id, p.organisation_id, p.role) for p in alliance.partners.all()]
        if wanted == current:
            return
        alliance.partners = [
            AlliancePartner(company_id=company, organisation_id=organisation, role=role)
            for company, organisation, role in wanted
        ]
        publish(alliance, self.user)
        publish_translation(alliance, self.english, english, user=self.user)

    def build_declaration(self) -> Outcome:
        state = self.alliances[alliances.STATE]
        self._translated(
            state,
            DeclarationPage,
            declaration.DECLARATION_SLUG,
            declaration.DECLARATION_DE,
            declaration.DECLARATION_EN,
        )
        self._translated(
            state,
            SupportServicesPage,
            declaration.SUPPORT_SERVICES_SLUG,
            declaration.SUPPORT_SERVICES_DE,
            declaration.SUPPORT_SERVICES_EN,
        )
        ensure_roles()  # the communications editors' grants now reach the new sections
        return self._pages(2)

    def build_events(self) -> Outcome:
        image_ids = {key: image.pk for key, image in self.images.items()}
        for event in events.EVENTS:
            self._translated(
                events_index(self.alliances[event.alliance]),
                EventPage,
                german_slugify(event.de.title),
                {
                    "title": event.de.title,
                    "kind": event.kind,
                    "starts_at": event.starts_at,
                    "ends_at": event.ends_at,
                    "venue": event.de.venue,
                    "region": self.regions[event.region],
                    "participants": event.participants,
                    "introduction": event.de.introduction,
                    "documentation": resolve_images(event.de.documentation, image_ids),
                    "evaluation": event.de.evaluation,
                },
                {
                    "title": event.en.title,
                    "venue": event.en.venue,
                    "introduction": event.en.introduction,
                    "documentation": resolve_images(event.en.documentation, image_ids),
                    "evaluation": event.en.evaluation,
                },
            )
        return self._pages(len(events.EVENTS))

    def build_stories(self) -> Outcome:
        image_ids = {key: image.pk for key, image in self.images.items()}
        for story in stories.STORIES:
            self._translated(
                ticker_index(self.alliances[story.alliance]),
                TickerStoryPage,
                german_slugify(story.de.title),
                {
                    "title": story.de.title,
                    "date": story.date,
                    "teaser": story.de.teaser,
                    "body": resolve_images(story.de.body, image_ids),
                    "companies": [self.companies[name] for name in story.companies],
                    "regions": [self.regions[name] for name in story.regions],
                    "lead_image": self.images[story.image] if story.image else None,
                },
                {
                    "title": story.en.title,
                    "teaser": story.en.teaser,
                    "body": resolve_images(story.en.body, image_ids),
                },
                tags=list(story.de.tags),
                translated_tags={"en": list(story.en.tags)},
            )
        return self._pages(len(stories.STORIES))


def build_demo(
    *,
    user=None,
    on_start: Callable[[str], None] | None = None,
    on_done: Callable[[SectionReport], None] | None = None,
) -> list[SectionReport]:
    """Build or bring up to date the whole demo; report each section as it starts and ends."""
    builder = DemoBuilder(user)
    reports = []
    with transaction.atomic():
        for name, section in builder.sections():
            if on_start:
                on_start(name)
            last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
            outcome = section()
            changed = outcome.changed
            if changed is None:
                changed = (
                    Revision.objects.filter(pk__gt=last_revision or 0)
                    .values("object_id")
                    .distinct()
                    .count()
                )
            report = SectionReport(str(name), outcome.count, outcome.kind, changed)
            reports.append(report)
            if on_done:
                on_done(report)
    return reports
