"""Invented industrial companies of NRW, one or two per sector the alliance speaks for.

The names are made up and the websites use the reserved ``.example`` domain, so no
sentence of the demo is a claim about a real firm. Several signed the Düsseldorf
Declaration, most of them at the founding in June 2009 (the chemical industry first).
"""

import datetime
from dataclasses import dataclass

from ..choices import Sector
from ..text import german_slugify
from .partners import DECLARATION_SIGNED


@dataclass(frozen=True)
class Company:
    """A company; its name is the page title in both languages and the name others use."""

    name: str
    sector: Sector
    headquarters: str
    sites: tuple[str, ...]
    description_de: tuple[str, ...]
    description_en: tuple[str, ...]
    signatory_since: datetime.date | None = None

    @property
    def website(self) -> str:
        """Under the reserved ``.example`` top-level domain: it can never reach a real firm."""
        name = self.name.removesuffix(" GmbH").removesuffix(" AG")
        return f"https://{german_slugify(name)}.example"

    @property
    def logo_key(self) -> str:
        return "logo:" + self.name


AUENFELD = "Auenfeld Chemie AG"
RHEINBOGEN = "Rheinbogen Polymere GmbH"
ZONSER_FELD = "Zonser Feld Biotech GmbH"
FELDMARK = "Feldmark Stahl GmbH"
VESTWIND = "Vestwind Wasserstoff GmbH"
SENNEWERK = "Sennewerk Antriebstechnik GmbH"
PADERLICHT = "Paderlicht Elektronik GmbH"
KREISLAUFWERK = "Kreislaufwerk Emscherland GmbH"
KANALHAFEN = "Kanalhafen Westfalen Logistik GmbH"
DUESSELFASER = "Düsselfaser Papier & Verpackung GmbH"
AASEETALER = "Aaseetaler Lebensmittelwerke GmbH"
HALDENSTEIN = "Haldenstein Baustoffe GmbH"
DOMBLICK = "Domblick Fahrzeugtechnik GmbH"
LUMENHAFEN = "Lumenhafen Lichttechnik GmbH"

COMPANIES = (
    Company(
        AUENFELD,
        Sector.CHEMICALS,
        "Leverkusen",
        ("Leverkusen", "Dormagen", "Marl"),
        (
            "Hersteller von Grundchemikalien und Zwischenprodukten mit drei Standorten "
            "in Chemieparks am Rhein und im Ruhrgebiet.",
            "Schwerpunkte: Energieeffizienz der Anlagen, Abwärmenutzung und Ausbildung.",
        ),
        (
            "Maker of basic chemicals and intermediates with three sites in chemical "
            "parks on the Rhine and in the Ruhr.",
            "Focus: energy efficiency of its plants, use of waste heat and apprenticeships.",
        ),
        DECLARATION_SIGNED,
    ),
    Company(
        RHEINBOGEN,
        Sector.PLASTICS,
        "Dormagen",
        ("Dormagen",),
        (
            "Entwickelt und produziert technische Kunststoffe, zunehmend aus "
            "Rezyklaten und nachwachsenden Rohstoffen.",
        ),
        (
            "Develops and produces engineering plastics, increasingly from recycled "
            "and renewable raw materials.",
        ),
        DECLARATION_SIGNED,
    ),
    Company(
        ZONSER_FELD,
        Sector.CHEMICALS,
        "Dormagen",
        ("Dormagen",),
        ("Biotechnologisches Unternehmen: Enzyme für Waschmittel, Lebensmittel und Papier.",),
        ("Biotechnology company: enzymes for detergents, food and paper.",),
        datetime.date(2010, 11, 25),
    ),
    Company(
        FELDMARK,
        Sector.STEEL,
        "Duisburg",
        ("Duisburg",),
        (
            "Stahlwerk am Rhein mit Elektrolichtbogenofen und Walzwerk; verarbeitet "
            "jährlich große Mengen Stahlschrott.",
        ),
        (
            "A steelworks on the Rhine with an electric arc furnace and a rolling mill; "
            "recycles large amounts of steel scrap every year.",
        ),
        DECLARATION_SIGNED,
    ),
    Company(
        VESTWIND,
        Sector.ENERGY,
        "Marl",
        ("Marl", "Gelsenkirchen"),
        (
            "Erzeugt Wasserstoff aus Wind- und Sonnenstrom für Chemie und Verkehr im "
            "nördlichen Ruhrgebiet.",
        ),
        (
            "Produces hydrogen from wind and solar power for chemicals and transport "
            "in the northern Ruhr.",
        ),
        datetime.date(2010, 5, 20),
    ),
    Company(
        SENNEWERK,
        Sector.MECHANICAL_ENGINEERING,
        "Bielefeld",
        ("Bielefeld", "Paderborn"),
        ("Familienunternehmen für Getriebe, Antriebe und Wärmepumpen für Industriehallen.",),
        ("Family business making gearboxes, drives and heat pumps for industrial halls.",),
    ),
    Company(
        PADERLICHT,
        Sector.ELECTRICAL,
        "Paderborn",
        ("Paderborn",),
        ("Entwickelt Leistungselektronik und Steuerungen für Ladesäulen und Stromspeicher.",),
        ("Develops power electronics and controls for charging stations and batteries.",),
    ),
    Company(
        KREISLAUFWERK,
        Sector.RECYCLING,
        "Gelsenkirchen",
        ("Gelsenkirchen", "Essen"),
        ("Sortiert und verwertet Kunststoffabfälle, Altholz und Bauschutt.",),
        ("Sorts and recycles plastic waste, waste wood and construction rubble.",),
        datetime.date(2011, 9, 1),
    ),
    Company(
        KANALHAFEN,
        Sector.LOGISTICS,
        "Dortmund",
        ("Dortmund",),
        ("Umschlag und Lagerung am Kanal; verbindet Binnenschiff, Bahn und Lkw.",),
        ("Handling and storage on the canal; links inland waterway, rail and road.",),
    ),
    Company(
        DUESSELFASER,
        Sector.PAPER,
        "Neuss",
        ("Neuss", "Dormagen"),
        ("Papierfabrik für Verpackungspapiere aus Altpapier.",),
        ("Paper mill making packaging papers from recovered paper.",),
        datetime.date(2010, 2, 25),
    ),
    Company(
        AASEETALER,
        Sector.FOOD,
        "Münster",
        ("Münster",),
        ("Molkerei und Feinkost aus dem Münsterland.",),
        ("Dairy and delicatessen from the Münsterland.",),
    ),
    Company(
        HALDENSTEIN,
        Sector.BUILDING_MATERIALS,
        "Essen",
        ("Essen", "Duisburg"),
        ("Zement, Transportbeton und Baustoffe aus industriellen Nebenprodukten.",),
        ("Cement, ready-mixed concrete and building materials from industrial by-products.",),
    ),
    Company(
        DOMBLICK,
        Sector.AUTOMOTIVE,
        "Köln",
        ("Köln",),
        ("Zulieferer von Karosserieteilen und Leichtbaukomponenten.",),
        ("Supplier of body parts and lightweight components.",),
    ),
    Company(
        LUMENHAFEN,
        Sector.ELECTRICAL,
        "Düsseldorf",
        ("Düsseldorf", "Duisburg"),
        ("Lichttechnik und Antriebsregelung für Städte, Häfen und Fabriken.",),
        ("Lighting and drive control for cities, ports and factories.",),
        datetime.date(2010, 2, 25),
    ),
)
