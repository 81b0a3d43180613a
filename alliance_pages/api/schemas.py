"""Response schemas of the directory endpoints.

Listings are flat and carry what a front end needs to draw a list, a map or a
filter menu without a second request: localised titles, German slugs as stable
keys, short links to related pages, and the URLs of the page and of its full typed
record under ``/api/v3/pages/{id}/``.
"""

from datetime import date, datetime

from ninja import Field, Schema

from .params import AllianceLevelValue, EventKindValue, RegionKindValue, SectorValue

SLUG = "German slug: the same in every language, and what the directory filters take."
TITLE = "Title in the requested language."


class DirectoryItemSchema(Schema):
    id: int = Field(description="Page ID of this language version.")
    title: str = Field(description=TITLE)
    slug: str = Field(description=SLUG)
    html_url: str | None = Field(description="Public URL of the page.")
    detail_url: str | None = Field(description="The page's full typed record in this API.")


class RegionLinkSchema(Schema):
    id: int
    title: str = Field(description=TITLE)
    slug: str = Field(description=SLUG)
    kind: RegionKindValue


class AllianceLinkSchema(Schema):
    id: int
    title: str = Field(description=TITLE)
    slug: str = Field(description=SLUG)
    level: AllianceLevelValue


class AllianceSchema(DirectoryItemSchema):
    level: AllianceLevelValue
    founded_on: date
    region: RegionLinkSchema | None
    parent_id: int | None = Field(
        description="ID of the alliance directly above, in the same language; null for the "
        "state alliance."
    )
    parent_slug: str | None = Field(description="German slug of the alliance directly above.")
    story_count: int = Field(
        description="Live stories in this alliance's own Industrieticker (not its sub-alliances')."
    )
    event_count: int = Field(
        description="Live events this alliance organises (not its sub-alliances')."
    )


class AllianceListSchema(Schema):
    count: int
    items: list[AllianceSchema]


class CompanySchema(DirectoryItemSchema):
    sector: SectorValue
    headquarters: RegionLinkSchema | None
    sites: list[RegionLinkSchema]
    website: str
    signatory_since: date | None = Field(
        description="Since when the company has signed the Düsseldorf Declaration."
    )


class CompanyListSchema(Schema):
    count: int
    items: list[CompanySchema]


class RegionSchema(DirectoryItemSchema):
    kind: RegionKindValue
    official_key: str = Field(
        description="Amtlicher Gemeindeschlüssel or regional key; empty when unknown."
    )
    latitude: float | None
    longitude: float | None
    parent_slug: str | None = Field(
        description="German slug of the region directly above; null at the top."
    )


class RegionListSchema(Schema):
    count: int
    items: list[RegionSchema]


class EventSchema(DirectoryItemSchema):
    kind: EventKindValue
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    region: RegionLinkSchema | None
    alliance: AllianceLinkSchema | None = Field(description="The organising alliance.")
    participants: int | None


class EventListSchema(Schema):
    count: int
    items: list[EventSchema]
