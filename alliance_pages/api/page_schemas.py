"""Typed v3 read schemas for our page types.

Wagtail 8 builds a read schema per page type from its ``api_fields`` as soon as its
v3 content type registry is imported (``wagtail.api.v3.schemas.generators.read``).
For our pages that leaves gaps, which a copy of Wagtail's generator closes here:

* links to pages (a region, the organising alliance, a company's sites, a story's
  companies and regions) come out as bare IDs; here they are links with title,
  German slug and URLs, shown in the linking page's language (see ``links``);
* StreamFields are ``list[Any]``; here each block is typed (see ``blocks``);
* choices (level, kind, sector, role) are open strings; here they are enums;
* coordinates are decimal strings; here they are numbers;
* a property such as ``DeclarationPage.signatories`` is untyped; here it is typed;
* field titles follow whatever language is active when the registry is imported
  ("Webseiten" for a company's sites); here they are the English source strings;
* nothing says which alliance a page belongs to, nor which translations it has; here
  every page of ours has ``alliance`` and ``translations``.

Rich text needs nothing: Wagtail renders it in the format the request or
``WAGTAILAPI_RICH_TEXT_FORMAT`` asks for. Image renditions come from the models'
``ImageRenditionField`` API fields and are typed by Wagtail already.

The schemas replace Wagtail's registrations for our types (same names, so the
``/schema/`` discovery endpoints serve them too); ``registration`` makes sure that
happens before Wagtail's page router builds its detail union from the registry.
"""

import dataclasses
from datetime import date
from typing import Any, Literal, cast

from django.apps import apps
from django.db import models
from django.db.models import Model
from django.utils import translation
from modelcluster.fields import ParentalKey
from ninja import Field, Schema
from ninja.orm.fields import get_schema_field
from pydantic.fields import FieldInfo
from wagtail.api.v3.registry import registry
from wagtail.api.v3.schemas import PageSchema, read_generator
from wagtail.api.v3.schemas.generators.read import (
    FieldSchema,
    SchemaGenerator,
    foreign_key_schema,
)
from wagtail.fields import StreamField
from wagtail.models import Page

from ..choices import PartnerKind
from ..models import AlliancePage, DeclarationPage
from .blocks import block_type
from .links import page_links
from .params import AllianceLevelValue
from .translations import PageTranslationSchema, page_translations

# The apps whose page types get these schemas: ours, and no one else's.
OUR_APPS = ("alliance_pages", "ticker")


class PageLinkSchema(Schema):
    id: int = Field(description="ID of the linked page, in the linking page's language if live.")
    type: str = Field(
        description="Content type of the linked page, e.g. alliance_pages.RegionPage."
    )
    title: str
    slug: str = Field(description="German slug: the same in every language.")
    detail_url: str | None
    html_url: str | None


class AllianceLinkSchema(PageLinkSchema):
    level: AllianceLevelValue


class SignatorySchema(Schema):
    name: str
    kind: Literal[("company", *PartnerKind.values)]  # type: ignore[valid-type]
    since: date | None = Field(description="Signatory of the Düsseldorf Declaration since.")
    page_id: int | None = Field(description="The company's page; null for other partners.")


def _is_page_model(model: type[Model]) -> bool:
    return issubclass(model, Page)


def locale_id_of(obj: Model) -> int | None:
    """The language an object is shown in: its own, or its page's for an inline child
    (an alliance's partner) that has no language of its own."""
    if hasattr(obj, "locale_id"):
        return obj.locale_id
    for field in obj._meta.concrete_fields:
        if isinstance(field, ParentalKey):
            return locale_id_of(getattr(obj, field.name))
    return None


def page_link_schema(generator: SchemaGenerator, field: models.Field) -> FieldSchema:
    """A foreign key to a page: a link, or null when the page is not live and public."""
    if not _is_page_model(field.related_model):
        return foreign_key_schema(generator, field)
    model, attname = field.related_model, field.attname

    def resolve(obj: Model, context: dict) -> dict | None:
        target = getattr(obj, attname)
        targets = [target] if target else []
        links = page_links(model, targets, locale_id_of(obj), context["request"])
        return links[0] if links else None

    return PageLinkSchema | None, None, staticmethod(resolve)


def page_links_schema(generator: SchemaGenerator, field: models.Field) -> FieldSchema:
    """Many pages (``ParentalManyToManyField``): links to those that are live and public."""
    if not _is_page_model(field.related_model):
        return (*get_schema_field(field), None)
    model, name = field.related_model, field.name

    def resolve(obj: Model, context: dict) -> list[dict]:
        ids = [page.pk for page in getattr(obj, name).all()]
        return page_links(model, ids, locale_id_of(obj), context["request"])

    return list[PageLinkSchema], [], staticmethod(resolve)


def choices_schema(generator: SchemaGenerator, field: models.Field) -> FieldSchema:
    """A field with choices is an enum of their values; any other keeps Ninja's type."""
    python_type, info = get_schema_field(field)
    if field.choices:
        values = Literal[tuple(value for value, _label in field.flatchoices)]  # type: ignore[valid-type]
        python_type = values | None if field.null else values
        labels = "; ".join(f"{value}: {label}" for value, label in field.flatchoices)
        info = FieldInfo.merge_field_infos(
            info, description=f"{info.description or ''} {labels}".strip()
        )
    return python_type, info, None


def decimal_schema(generator: SchemaGenerator, field: models.Field) -> FieldSchema:
    """Decimals (coordinates) as JSON numbers, not strings."""
    _python_type, info = get_schema_field(field)
    return float | None, info, None


def stream_schema(generator: SchemaGenerator, field: models.Field) -> FieldSchema:
    field = cast(StreamField, field)
    name = field.name
    python_type = block_type(field.stream_block, type(field.stream_block).__name__)

    def resolve(obj: Model, context: dict) -> Any:
        value = getattr(obj, name)
        return value.stream_block.get_api_representation(value, context)

    return python_type, [], staticmethod(resolve)


def resolve_alliance(obj: Page, context: dict) -> dict | None:
    """The nearest alliance above the page: the one whose editors own it."""
    steps = range(obj.steplen, len(obj.path), obj.steplen)
    above = AlliancePage.objects.filter(path__in=[obj.path[:end] for end in steps])
    nearest = above.order_by("-depth").values_list("pk", flat=True).first()
    links = page_links(
        AlliancePage, [nearest] if nearest else [], obj.locale_id, context["request"]
    )
    return {**links[0], "level": links[0]["page"].level} if links else None


def resolve_translations(obj: Page, context: dict) -> list[dict]:
    return page_translations(obj, context["request"])


PAGE_FIELDS: dict[str, FieldSchema] = {
    "alliance": (
        AllianceLinkSchema | None,
        Field(
            None,
            description="The alliance the page belongs to: the nearest alliance above it "
            "(for an alliance, the one it is part of; null for the state alliance).",
        ),
        staticmethod(resolve_alliance),
    ),
    "translations": (
        list[PageTranslationSchema],
        Field(
            [],
            description="Every live language version of this page, this one included. "
            "in_sync: see its description.",
        ),
        staticmethod(resolve_translations),
    ),
}

# Properties listed in api_fields, which Wagtail can only type as Any.
PROPERTY_FIELDS: dict[tuple[type[Model], str], FieldSchema] = {
    (DeclarationPage, "signatories"): (list[SignatorySchema], [], None),
}


class AlliancePageSchemaGenerator(SchemaGenerator):
    """Wagtail's read generator with our field schemas, our properties and our page fields."""

    def __init__(self, base: SchemaGenerator):
        super().__init__()
        self.field_schemas = dict(base.field_schemas)
        self.register_field_schema(models.ForeignKey, page_link_schema)
        self.register_field_schema(models.ManyToManyField, page_links_schema)
        self.register_field_schema(models.CharField, choices_schema)
        self.register_field_schema(models.DecimalField, decimal_schema)
        self.register_field_schema(StreamField, stream_schema)

    def generate_schema(self, model: type[Model], base_class: type[Schema]) -> type[Schema]:
        name = f"{model._meta.object_name}Schema"
        # Titles from verbose names: the English source strings, whatever is active.
        with translation.override(None):
            generated = self.build_schema(
                model,
                name=f"{model._meta.object_name}GeneratedSchema",
                base_class=base_class,
                follow_reverse_related=True,
            )
        extra = {
            field_name: schema
            for (owner, field_name), schema in PROPERTY_FIELDS.items()
            if issubclass(model, owner)
        }
        return self.extend_schema(generated, name, {**extra, **PAGE_FIELDS})


def our_page_models() -> list[type[Page]]:
    return [
        model
        for app_label in OUR_APPS
        for model in apps.get_app_config(app_label).get_models()
        if issubclass(model, Page)
    ]


def register_page_schemas() -> None:
    """Replace Wagtail's read schemas for our page types with the typed ones."""
    generator = AlliancePageSchemaGenerator(read_generator)
    for model in our_page_models():
        registration = registry.get(model._meta.label)
        if registration is None:
            continue
        registry.register(
            dataclasses.replace(
                registration, read_schema=generator.generate_schema(model, PageSchema)
            )
        )
