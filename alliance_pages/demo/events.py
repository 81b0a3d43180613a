"""Events of the three alliances: the founding congress, the Days of Industry 2010 in
the chemical parks of Leverkusen and Dormagen, and the workshops and kick-off events
with which the coordination office helped the sub-alliances start.

Dates within the month and participant numbers other than the congress's 275 are
illustrative.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from ..choices import EventKind
from .alliances import DORMAGEN, DUESSELDORF, STATE
from .content import Block, figure, heading, key_fact, paragraph, quote, rich_text

BERLIN = ZoneInfo("Europe/Berlin")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


@dataclass(frozen=True)
class EventText:
    title: str
    venue: str
    introduction: str
    documentation: tuple[Block, ...] = ()
    evaluation: str = ""


@dataclass(frozen=True)
class Event:
    alliance: str
    kind: EventKind
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    region: str
    de: EventText
    en: EventText
    participants: int | None = None


EVENTS = (
    Event(
        STATE,
        EventKind.CONGRESS,
        at(2009, 6, 1, 10),
        at(2009, 6, 1, 17),
        "Düsseldorf",
        EventText(
            "Kongress „Pro Industrie und Nachhaltigkeit“ 2009",
            "Düsseldorf",
            "Der Kongress informierte alle Akteure und die Bürgerinnen und Bürger über den "
            "Industriestandort Nordrhein-Westfalen und seine Stellung im Land.",
            (
                heading("Bericht"),
                paragraph(
                    "Unternehmen, Verbände, Kammern, Gewerkschaften und Landesregierung "
                    "diskutierten, wie Industrie und Nachhaltigkeit zusammengehen.",
                ),
                key_fact("275", "Teilnehmende"),
                figure("kongress", "Kongress „Pro Industrie und Nachhaltigkeit“"),
            ),
            rich_text(
                "Die große Resonanz zeigte, wie groß der Gesprächsbedarf über die Industrie "
                "im Land ist."
            ),
        ),
        EventText(
            "Congress “Pro Industry and Sustainability” 2009",
            "Düsseldorf",
            "The congress informed all actors and the citizens about North "
            "Rhine-Westphalia as an industrial location and its position in the state.",
            (
                heading("Report"),
                paragraph(
                    "Companies, associations, chambers, unions and the state government "
                    "discussed how industry and sustainability go together.",
                ),
                key_fact("275", "participants"),
                figure("kongress", "Congress “Pro Industry and Sustainability”"),
            ),
            rich_text(
                "The strong response showed how much need there is to talk about the "
                "state's industry."
            ),
        ),
        participants=275,
    ),
    Event(
        STATE,
        EventKind.DAY_OF_INDUSTRY,
        at(2010, 9, 18, 10),
        at(2010, 9, 18, 17),
        "Leverkusen",
        EventText(
            "Tag der Industrie im Chempark Leverkusen",
            "Chempark Leverkusen",
            "Die Bürgerinnen und Bürger blicken hinter den Werkszaun: Produktion, "
            "Innovationen und Umweltschutz der Chemieunternehmen aus der Nähe.",
            (
                paragraph(
                    "Werksrundfahrten, offene Labore und Gespräche mit Auszubildenden "
                    "schlossen Wissenslücken über Produktion und Umweltschutz.",
                ),
                figure("chempark", "Tag der Industrie im Chempark"),
            ),
        ),
        EventText(
            "Day of Industry at Chempark Leverkusen",
            "Chempark Leverkusen",
            "Citizens look behind the curtain: production, innovation and environmental "
            "protection of the chemical companies up close.",
            (
                paragraph(
                    "Site tours, open laboratories and talks with apprentices closed "
                    "knowledge gaps about production and environmental protection.",
                ),
                figure("chempark", "Day of Industry at the chemical park"),
            ),
        ),
    ),
    Event(
        DUESSELDORF,
        EventKind.DAY_OF_INDUSTRY,
        at(2010, 9, 25, 10),
        at(2010, 9, 25, 17),
        "Dormagen",
        EventText(
            "Tag der Industrie im Chempark Dormagen",
            "Chempark Dormagen",
            "Ein Tag der offenen Tore im Chemiepark am Rhein, vorbereitet von der "
            "Regionalen Allianz Düsseldorf und den Unternehmen vor Ort.",
            (
                paragraph(
                    "Besucherinnen und Besucher sahen, wie Kunststoffe, Enzyme und "
                    "Grundchemikalien entstehen und wie die Werksfeuerwehr arbeitet.",
                ),
                figure("chempark", "Werkshallen im Chemiepark"),
            ),
        ),
        EventText(
            "Day of Industry at Chempark Dormagen",
            "Chempark Dormagen",
            "An open day at the chemical park on the Rhine, prepared by the Regional "
            "Alliance Düsseldorf and the companies on site.",
            (
                paragraph(
                    "Visitors saw how plastics, enzymes and basic chemicals are made and "
                    "how the plant fire brigade works.",
                ),
                figure("chempark", "Plant buildings at the chemical park"),
            ),
        ),
    ),
    Event(
        DUESSELDORF,
        EventKind.STRATEGY_WORKSHOP,
        at(2009, 11, 18, 9, 30),
        at(2009, 11, 18, 16),
        "Düsseldorf",
        EventText(
            "Strategieworkshop für eine Regionale Allianz Düsseldorf",
            "Düsseldorf",
            "Mit der Geschäftsstelle der Landesallianz legten die Partner im "
            "Regierungsbezirk Düsseldorf gemeinsame Ziele und erste Maßnahmen fest.",
            (
                heading("Bericht"),
                paragraph(
                    "Die Teilnehmenden ordneten ihre Vorhaben den drei Stufen zu: "
                    "Aufmerksamkeit, Nutzen, Haltung.",
                    "Als erstes gemeinsames Projekt wählten sie einen Tag der Industrie.",
                ),
                key_fact("3", "Stufen: Aufmerksamkeit, Nutzen, Haltung"),
                figure("workshop", "Strategieworkshop"),
            ),
            rich_text(
                "Auswertung der Geschäftsstelle:",
                bullets=(
                    "alle Partnergruppen waren vertreten, der Umweltverband als Gast",
                    "Ziele und Zuständigkeiten sind schriftlich festgehalten",
                    "offen blieb die Finanzierung gemeinsamer Veranstaltungen",
                ),
            ),
        ),
        EventText(
            "Strategy workshop for a Regional Alliance Düsseldorf",
            "Düsseldorf",
            "With the state alliance's coordination office, the partners in the "
            "administrative district of Düsseldorf set common goals and first measures.",
            (
                heading("Report"),
                paragraph(
                    "The participants assigned their plans to the three stages: "
                    "attention, benefits, attitude.",
                    "As their first joint project they chose a Day of Industry.",
                ),
                key_fact("3", "stages: attention, benefits, attitude"),
                figure("workshop", "Strategy workshop"),
            ),
            rich_text(
                "The coordination office's evaluation:",
                bullets=(
                    "every group of partners took part, the environmental association as a guest",
                    "goals and responsibilities are recorded in writing",
                    "the funding of joint events remained open",
                ),
            ),
        ),
        participants=24,
    ),
    Event(
        DUESSELDORF,
        EventKind.KICK_OFF,
        at(2010, 2, 25, 17),
        at(2010, 2, 25, 20),
        "Düsseldorf",
        EventText(
            "Auftaktveranstaltung der Regionalen Allianz Düsseldorf",
            "Düsseldorf",
            "Gründung der Regionalen Allianz Düsseldorf mit allen Akteuren der Region.",
            (
                heading("Bericht"),
                paragraph(
                    "Unternehmen, Kammer, Gewerkschaft und Umweltverband unterzeichneten "
                    "gemeinsam die Gründungserklärung der regionalen Allianz.",
                ),
                quote(
                    "Wir wollen zeigen, was hinter unseren Werkstoren passiert.",
                    "Tobias Rennenkamp, Regionale Allianz Düsseldorf (Demo-Person)",
                ),
                figure("auftakt", "Auftaktveranstaltung"),
            ),
            rich_text(
                "Die Auswertung mündete in einen Leitfaden für künftige Gründungen.",
            ),
        ),
        EventText(
            "Kick-off event of the Regional Alliance Düsseldorf",
            "Düsseldorf",
            "Founding of the Regional Alliance Düsseldorf with all actors of the region.",
            (
                heading("Report"),
                paragraph(
                    "Companies, chamber, union and environmental association jointly "
                    "signed the regional alliance's founding statement.",
                ),
                quote(
                    "We want to show what happens behind our factory gates.",
                    "Tobias Rennenkamp, Regional Alliance Düsseldorf (demo person)",
                ),
                figure("auftakt", "Kick-off event"),
            ),
            rich_text(
                "The evaluation led to a guidance framework for future foundings.",
            ),
        ),
        participants=120,
    ),
    Event(
        DORMAGEN,
        EventKind.KICK_OFF,
        at(2010, 11, 25, 18),
        at(2010, 11, 25, 21),
        "Dormagen",
        EventText(
            "Auftaktveranstaltung der Lokalen Allianz Dormagen",
            "Dormagen",
            "Gründung der Lokalen Allianz Dormagen: Chemiepark, Stadt, Kammer und "
            "Umweltverband an einem Tisch.",
            (
                heading("Bericht"),
                paragraph(
                    "Nach einem Strategieworkshop im Herbst gründeten die Partner die "
                    "Lokale Allianz Dormagen unter dem Dach der Regionalen Allianz Düsseldorf.",
                ),
                key_fact("80", "Teilnehmende"),
                figure("auftakt", "Auftakt in Dormagen"),
            ),
            rich_text(
                "Auswertung:",
                bullets=(
                    "Bürgerdialog zweimal im Jahr",
                    "gemeinsamer Auftritt beim nächsten Tag der Industrie",
                ),
            ),
        ),
        EventText(
            "Kick-off event of the Local Alliance Dormagen",
            "Dormagen",
            "Founding of the Local Alliance Dormagen: chemical park, town, chamber and "
            "environmental association at one table.",
            (
                heading("Report"),
                paragraph(
                    "After a strategy workshop in the autumn, the partners founded the Local "
                    "Alliance Dormagen under the roof of the Regional Alliance Düsseldorf.",
                ),
                key_fact("80", "participants"),
                figure("auftakt", "Kick-off in Dormagen"),
            ),
            rich_text(
                "Evaluation:",
                bullets=(
                    "a citizens' dialogue twice a year",
                    "a joint appearance at the next Day of Industry",
                ),
            ),
        ),
        participants=80,
    ),
    Event(
        STATE,
        EventKind.INFORMATION_EVENT,
        at(2011, 3, 16, 14),
        at(2011, 3, 16, 17),
        "Bielefeld",
        EventText(
            "Informationsvortrag für Verbände und Kammern in Ostwestfalen-Lippe",
            "Bielefeld",
            "Die Geschäftsstelle stellt ihre Unterstützungsangebote für neue regionale "
            "und lokale Allianzen vor.",
        ),
        EventText(
            "Information presentation for associations and chambers in East Westphalia-Lippe",
            "Bielefeld",
            "The coordination office presents its support services for new regional and "
            "local alliances.",
        ),
    ),
    Event(
        STATE,
        EventKind.DIALOGUE_FORUM,
        at(2012, 10, 9, 15),
        at(2012, 10, 9, 19),
        "Münster",
        EventText(
            "Dialogforum Industrie und Umwelt",
            "Münster",
            "Mehr Dialog mit mehr Akteuren: Umweltverbände, Bürgerinitiativen und "
            "Unternehmen diskutieren über Flächen, Wasser und Energie.",
        ),
        EventText(
            "Dialogue forum industry and environment",
            "Münster",
            "More dialogue with more actors: environmental associations, citizens' "
            "initiatives and companies discuss land, water and energy.",
        ),
    ),
)
