"""NRW's regions as they nest: the state, its five administrative districts, and the
districts, cities and towns the demo's companies, alliances and stories refer to.

Official keys are the Amtliche Gemeindeschlüssel (regional keys for districts and
administrative districts); coordinates are town centres, rounded. Both are facts
synchronised to the English pages, so they are given once.
"""

from dataclasses import dataclass
from decimal import Decimal

from ..choices import RegionKind


@dataclass(frozen=True)
class Region:
    """A region; its German title is also the name the other data modules use for it."""

    title_de: str
    title_en: str
    kind: RegionKind
    official_key: str = ""
    latitude: str | None = None
    longitude: str | None = None
    description_de: str = ""
    description_en: str = ""
    children: tuple["Region", ...] = ()

    def values(self) -> dict:
        return {
            "title": self.title_de,
            "kind": self.kind,
            "official_key": self.official_key,
            "latitude": Decimal(self.latitude) if self.latitude else None,
            "longitude": Decimal(self.longitude) if self.longitude else None,
            "description": self.description_de,
        }

    def english(self) -> dict:
        values = {"title": self.title_en}
        if self.description_de:
            values["description"] = self.description_en
        return values


def _city(title_de, title_en, key, lat, lon, de="", en="") -> Region:
    return Region(title_de, title_en, RegionKind.CITY, key, lat, lon, de, en)


def _town(title_de, title_en, key, lat, lon, de="", en="") -> Region:
    return Region(title_de, title_en, RegionKind.TOWN, key, lat, lon, de, en)


NRW = Region(
    "Nordrhein-Westfalen",
    "North Rhine-Westphalia",
    RegionKind.STATE,
    "05",
    description_de=(
        "Das bevölkerungsreichste Land Deutschlands und einer der großen "
        "Industriestandorte Europas: Chemie, Stahl, Energie und Maschinenbau "
        "prägen es seit mehr als 150 Jahren."
    ),
    description_en=(
        "Germany's most populous state and one of Europe's great industrial "
        "locations: chemicals, steel, energy and mechanical engineering have shaped "
        "it for more than 150 years."
    ),
    children=(
        Region(
            "Regierungsbezirk Düsseldorf",
            "Administrative district of Düsseldorf",
            RegionKind.ADMINISTRATIVE_DISTRICT,
            "051",
            description_de="Der Niederrhein und das westliche Ruhrgebiet.",
            description_en="The Lower Rhine and the western Ruhr.",
            children=(
                _city("Düsseldorf", "Düsseldorf", "05111000", "51.22774", "6.77346"),
                _city("Duisburg", "Duisburg", "05112000", "51.43247", "6.76516"),
                _city("Essen", "Essen", "05113000", "51.45083", "7.01306"),
                Region(
                    "Rhein-Kreis Neuss",
                    "Rhein-Kreis Neuss",
                    RegionKind.DISTRICT,
                    "05162",
                    children=(
                        _town("Neuss", "Neuss", "05162024", "51.19833", "6.69139"),
                        _town(
                            "Dormagen",
                            "Dormagen",
                            "05162004",
                            "51.09639",
                            "6.84000",
                            "Stadt am Rhein zwischen Köln und Düsseldorf mit dem "
                            "Chempark Dormagen; Sitz der Lokalen Allianz Dormagen.",
                            "A town on the Rhine between Cologne and Düsseldorf with "
                            "Chempark Dormagen; home of the Local Alliance Dormagen.",
                        ),
                    ),
                ),
            ),
        ),
        Region(
            "Regierungsbezirk Köln",
            "Administrative district of Cologne",
            RegionKind.ADMINISTRATIVE_DISTRICT,
            "053",
            description_de="Das Rheinland zwischen Eifel, Bergischem Land und Siegerland.",
            description_en="The Rhineland between the Eifel, the Bergisches Land and Siegen.",
            children=(
                _city("Köln", "Cologne", "05315000", "50.93750", "6.96028"),
                _city(
                    "Leverkusen",
                    "Leverkusen",
                    "05316000",
                    "51.03333",
                    "6.98333",
                    "Chemiestandort am Rhein mit dem Chempark Leverkusen.",
                    "A chemical industry location on the Rhine with Chempark Leverkusen.",
                ),
            ),
        ),
        Region(
            "Regierungsbezirk Münster",
            "Administrative district of Münster",
            RegionKind.ADMINISTRATIVE_DISTRICT,
            "055",
            description_de="Das Münsterland und das nördliche Ruhrgebiet.",
            description_en="The Münsterland and the northern Ruhr.",
            children=(
                _city("Münster", "Münster", "05515000", "51.96250", "7.62556"),
                _city("Gelsenkirchen", "Gelsenkirchen", "05513000", "51.51667", "7.10000"),
                Region(
                    "Kreis Recklinghausen",
                    "Recklinghausen district",
                    RegionKind.DISTRICT,
                    "05562",
                    children=(
                        _town(
                            "Marl",
                            "Marl",
                            "05562024",
                            "51.65000",
                            "7.08333",
                            "Industriestadt im nördlichen Ruhrgebiet mit einem großen Chemiepark.",
                            "An industrial town in the northern Ruhr with a large chemical park.",
                        ),
                    ),
                ),
            ),
        ),
        Region(
            "Regierungsbezirk Detmold",
            "Administrative district of Detmold",
            RegionKind.ADMINISTRATIVE_DISTRICT,
            "057",
            description_de="Ostwestfalen-Lippe: Maschinenbau, Elektrotechnik und Lebensmittel.",
            description_en=(
                "East Westphalia-Lippe: mechanical engineering, electrical engineering and food."
            ),
            children=(
                _city("Bielefeld", "Bielefeld", "05711000", "52.02111", "8.53472"),
                Region(
                    "Kreis Paderborn",
                    "Paderborn district",
                    RegionKind.DISTRICT,
                    "05774",
                    children=(_town("Paderborn", "Paderborn", "05774032", "51.71889", "8.75444"),),
                ),
            ),
        ),
        Region(
            "Regierungsbezirk Arnsberg",
            "Administrative district of Arnsberg",
            RegionKind.ADMINISTRATIVE_DISTRICT,
            "059",
            description_de="Das östliche Ruhrgebiet, das Sauerland und das Siegerland.",
            description_en="The eastern Ruhr, the Sauerland and the Siegerland.",
            children=(_city("Dortmund", "Dortmund", "05913000", "51.51361", "7.46528"),),
        ),
    ),
)


def walk(region: Region = NRW, parent: Region | None = None):
    """Every region with its parent, parents first, so a parent is built before its children."""
    yield region, parent
    for child in region.children:
        yield from walk(child, region)
