"""Partner organisations: invented names for the kinds of partners the alliance unites.

The alliance's self-description names companies, business associations, chambers of
commerce, labour unions and the regional government as partners, a coordination office
in the state ministry, and the wish for more dialogue with environmental associations.
The names below are made up; none stands for a real organisation.
"""

import datetime
from dataclasses import dataclass

from ..choices import PartnerKind

DECLARATION_SIGNED = datetime.date(2009, 6, 1)


@dataclass(frozen=True)
class Organisation:
    """A partner organisation; its German name is also the name alliances use for it."""

    name_de: str
    name_en: str
    kind: PartnerKind
    website: str
    description_de: str
    description_en: str
    signatory_since: datetime.date | None = None

    def values(self) -> dict:
        return {
            "name": self.name_de,
            "kind": self.kind,
            "website": self.website,
            "description": self.description_de,
            "signatory_since": self.signatory_since,
        }

    def english(self) -> dict:
        return {"name": self.name_en, "description": self.description_en}


COORDINATION_OFFICE = "Geschäftsstelle der Allianz pro Industrie und Nachhaltigkeit"
BUSINESS_ASSOCIATION = "Industrievereinigung Rhein-Westfalen e. V."
CHEMICAL_ASSOCIATION = "Chemie-Initiative Rheinland e. V."
CHAMBER = "Industrie- und Handelskammer Rheinbogen"
UNION = "Industriegewerkschaft Werk und Umwelt, Bezirk Rheinland"
INSTITUTE = "Institut für industrielle Nachhaltigkeit an Rhein und Ruhr"
ENVIRONMENTAL_ASSOCIATION = "Umweltforum Niederrhein e. V."

ORGANISATIONS = (
    Organisation(
        COORDINATION_OFFICE,
        "Coordination office of the Alliance pro Industry and Sustainability",
        PartnerKind.GOVERNMENT,
        "https://geschaeftsstelle.allianz-demo.example",
        "Im Landeswirtschaftsministerium eingerichtet: koordiniert den Lenkungskreis, "
        "informiert und berät, und hilft beim Aufbau regionaler und lokaler Allianzen.",
        "Set up in the state ministry for economic affairs: it coordinates the steering "
        "committee, informs and advises, and helps to set up regional and local alliances.",
    ),
    Organisation(
        BUSINESS_ASSOCIATION,
        "Rhine-Westphalia Industry Association",
        PartnerKind.BUSINESS_ASSOCIATION,
        "https://industrievereinigung.allianz-demo.example",
        "Dachverband von Industrieunternehmen aller Branchen zwischen Rhein und Weser.",
        "Umbrella association of industrial companies of every sector between the "
        "Rhine and the Weser.",
        DECLARATION_SIGNED,
    ),
    Organisation(
        CHEMICAL_ASSOCIATION,
        "Rhineland Chemical Industry Initiative",
        PartnerKind.BUSINESS_ASSOCIATION,
        "https://chemie-initiative.allianz-demo.example",
        "Zusammenschluss der Chemieunternehmen im Rheinland; unterstützt die "
        "Düsseldorfer Erklärung von Anfang an.",
        "Association of the chemical companies of the Rhineland; has supported the "
        "Düsseldorf Declaration from the start.",
        DECLARATION_SIGNED,
    ),
    Organisation(
        CHAMBER,
        "Rheinbogen Chamber of Industry and Commerce",
        PartnerKind.CHAMBER,
        "https://ihk-rheinbogen.allianz-demo.example",
        "Vertritt die Unternehmen am Niederrhein und bringt sie mit Politik und "
        "Bürgerschaft ins Gespräch.",
        "Represents the companies of the Lower Rhine and brings them into "
        "conversation with politics and citizens.",
        DECLARATION_SIGNED,
    ),
    Organisation(
        UNION,
        "Industrial Union Work and Environment, Rhineland District",
        PartnerKind.UNION,
        "https://ig-werk-umwelt.allianz-demo.example",
        "Gewerkschaft der Beschäftigten in Chemie, Energie und Rohstoffen: gute Arbeit "
        "und Umweltschutz gehören zusammen.",
        "Union of the employees in chemicals, energy and raw materials: good work and "
        "environmental protection belong together.",
        DECLARATION_SIGNED,
    ),
    Organisation(
        INSTITUTE,
        "Rhine-Ruhr Institute for Industrial Sustainability",
        PartnerKind.RESEARCH,
        "https://institut-nachhaltigkeit.allianz-demo.example",
        "Forscht zu Energieeffizienz, Kreislaufwirtschaft und gesellschaftlicher "
        "Akzeptanz industrieller Projekte.",
        "Researches energy efficiency, the circular economy and the public acceptance "
        "of industrial projects.",
        datetime.date(2011, 3, 15),
    ),
    Organisation(
        ENVIRONMENTAL_ASSOCIATION,
        "Lower Rhine Environmental Forum",
        PartnerKind.CIVIL_SOCIETY,
        "https://umweltforum.allianz-demo.example",
        "Umweltverband am Niederrhein; sucht den kritischen Dialog mit der Industrie "
        "über Flächen, Wasser und Luft.",
        "Environmental association on the Lower Rhine; seeks a critical dialogue with "
        "industry about land, water and air.",
    ),
)
