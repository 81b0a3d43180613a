"""The demo's pictures as Wagtail images in a "Demo" collection.

Images are found by title before one is drawn, so running the demo again neither
redraws nor duplicates them; an editor's replaced file or new focal point survives.
"""

from dataclasses import dataclass
from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from ..text import german_slugify
from . import drawing
from .companies import COMPANIES

COLLECTION_NAME = "Demo"


@dataclass(frozen=True)
class Illustration:
    key: str
    title: str
    description: str
    caption: str
    motif: str
    colour: str


ILLUSTRATIONS = (
    Illustration(
        "kongress",
        "Demo-Illustration: Kongress 2009",
        "Publikum vor einer Bühne mit Präsentation",
        "Kongress „Pro Industrie und Nachhaltigkeit“, Juni 2009",
        "people",
        "#1f5f7a",
    ),
    Illustration(
        "erklaerung",
        "Demo-Illustration: Düsseldorfer Erklärung",
        "Ein Dokument mit drei Unterschriften",
        "Düsseldorfer Erklärung",
        "document",
        "#2d4a6b",
    ),
    Illustration(
        "chempark",
        "Demo-Illustration: Chemiepark",
        "Werkshallen und Schornsteine eines Chemieparks",
        "Tag der Industrie: Blick hinter den Werkszaun",
        "factory",
        "#3b6e8f",
    ),
    Illustration(
        "workshop",
        "Demo-Illustration: Strategieworkshop",
        "Teilnehmende vor einer Moderationswand",
        "Strategieworkshop: Aufmerksamkeit, Nutzen, Haltung",
        "people",
        "#6a4c93",
    ),
    Illustration(
        "auftakt",
        "Demo-Illustration: Auftaktveranstaltung",
        "Teilnehmende vor einer Präsentation",
        "Auftakt einer neuen Allianz",
        "people",
        "#b5543c",
    ),
    Illustration(
        "wasserstoff",
        "Demo-Illustration: Wasserstoffelektrolyse",
        "Elektrolysebecken mit zwei Elektroden und aufsteigenden Gasblasen",
        "Wasserstoffelektrolyse",
        "electrolysis",
        "#2a7f8f",
    ),
    Illustration(
        "kunststoff",
        "Demo-Illustration: Kunststoffrecycling",
        "Drei Pfeile im Kreis",
        "Aus Kunststoffabfällen wird neues Granulat",
        "recycling",
        "#3f8f5f",
    ),
    Illustration(
        "licht",
        "Demo-Illustration: Straßenbeleuchtung",
        "Vier Straßenlaternen mit Lichtkegeln",
        "LED-Straßenbeleuchtung",
        "lamps",
        "#27324a",
    ),
    Illustration(
        "binnenschiff",
        "Demo-Illustration: Binnenschiff",
        "Ein Containerschiff auf dem Kanal",
        "Güterverkehr auf dem Wasser",
        "ship",
        "#4a7fa8",
    ),
    Illustration(
        "leichtbau",
        "Demo-Illustration: Maschinenbau",
        "Drei ineinandergreifende Zahnräder",
        "Antriebe und Leichtbau aus NRW",
        "gears",
        "#5b6770",
    ),
    Illustration(
        "solar",
        "Demo-Illustration: Sonnenenergie",
        "Sonnenkollektoren unter der Sonne",
        "Prozesswärme und Strom von der Sonne",
        "sun",
        "#3d7f4a",
    ),
    Illustration(
        "abwaerme",
        "Demo-Illustration: Abwärme",
        "Eine Fabrik, deren Abwärme über eine Leitung Wohnhäuser heizt",
        "Abwärme aus der Industrie heizt Wohnungen",
        "heat",
        "#8f3f2f",
    ),
    Illustration(
        "biotech",
        "Demo-Illustration: Biotechnologie",
        "Ein Molekülmodell",
        "Enzyme und biobasierte Kunststoffe",
        "molecules",
        "#7a5f1f",
    ),
)

LOGO_COLOURS = (
    "#b0413e",
    "#1f5f7a",
    "#3f8f5f",
    "#5b6770",
    "#2a7f8f",
    "#6a4c93",
    "#c77d1a",
    "#4a7f2a",
    "#27324a",
    "#8f3f2f",
    "#1f7a6a",
    "#7a5f1f",
    "#3b6e8f",
    "#a0304f",
)


def _initials(name: str) -> str:
    words = [w for w in name.replace("&", " ").split() if w not in {"GmbH", "AG"}]
    return "".join(word[0] for word in words[:2]).upper()


def demo_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME, depth=2).first()
    if existing is not None:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def _store(collection, title: str, description: str, picture, filename: str):
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    data = buffer.getvalue()
    image = get_image_model()(
        title=title,
        description=description,
        collection=collection,
        file=ImageFile(BytesIO(data), name=filename),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image


def ensure_demo_images() -> tuple[dict[str, object], int]:
    """Every demo image by key (illustration key, or ``logo:`` plus company name).

    Returns the images and how many were drawn on this run.
    """
    collection = demo_collection()
    existing = {
        image.title: image
        for image in get_image_model().objects.filter(collection=collection).order_by("pk")
    }
    wanted = [
        (
            item.key,
            item.title,
            item.description,
            lambda item=item: drawing.illustration(item.motif, item.caption, item.colour),
        )
        for item in ILLUSTRATIONS
    ] + [
        (
            company.logo_key,
            f"Logo {company.name}",
            f"Logo der fiktiven Firma {company.name}",
            lambda company=company, colour=colour: drawing.logo(_initials(company.name), colour),
        )
        for company, colour in zip(COMPANIES, LOGO_COLOURS, strict=True)
    ]
    images, created = {}, 0
    for key, title, description, draw in wanted:
        image = existing.get(title)
        if image is None:
            filename = f"{german_slugify(title)}.png"
            image = _store(collection, title, description, draw(), filename)
            created += 1
        images[key] = image
    return images, created
