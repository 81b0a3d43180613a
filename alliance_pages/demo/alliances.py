"""The four alliances of the demo, three as the alliance's self-description tells them.

The state alliance was founded in June 2009; the regional alliance Düsseldorf
followed in February 2010 and the local alliance Dormagen in November 2010 (Dormagen
lies in the Rhein-Kreis Neuss, administrative district of Düsseldorf, so it stands
under the regional alliance). The regional alliance Köln is invented, so that the
demo has a second regional alliance beside Düsseldorf whose editors see nothing of
Düsseldorf's, as in the permission matrix. Contact people are invented.
"""

import datetime
from dataclasses import dataclass, field

from ..choices import AllianceLevel, PartnerRole
from ..skeleton import STATE_ALLIANCE_SLUG
from . import companies as c
from . import partners as o
from .content import Block, figure, heading, key_fact, paragraph, quote

STATE = "state"
DUESSELDORF = "duesseldorf"
DORMAGEN = "dormagen"
KOELN = "koeln"


@dataclass(frozen=True)
class Partner:
    """A company (by name) or a partner organisation (by German name) and its role."""

    name: str
    role: PartnerRole
    is_company: bool


def company(name: str, role: PartnerRole = PartnerRole.MEMBER) -> Partner:
    return Partner(name, role, True)


def organisation(name: str, role: PartnerRole = PartnerRole.MEMBER) -> Partner:
    return Partner(name, role, False)


@dataclass(frozen=True)
class Alliance:
    key: str
    slug: str
    parent: str | None
    level: AllianceLevel
    founded_on: datetime.date
    region: str
    title_de: str
    title_en: str
    introduction_de: str
    introduction_en: str
    body_de: tuple[Block, ...]
    body_en: tuple[Block, ...]
    contact_name: str
    contact_email: str
    contact_address_de: str
    contact_address_en: str
    partners: tuple[Partner, ...] = field(default=())


STEERING = PartnerRole.STEERING_COMMITTEE
SIGNATORY = PartnerRole.SIGNATORY

ALLIANCES = (
    Alliance(
        key=STATE,
        slug=STATE_ALLIANCE_SLUG,
        parent=None,
        level=AllianceLevel.STATE,
        founded_on=datetime.date(2009, 6, 1),
        region="Nordrhein-Westfalen",
        title_de="Allianz pro Industrie und Nachhaltigkeit",
        title_en="Alliance pro Industry and Sustainability",
        introduction_de=(
            "Unternehmen, Verbände, Kammern, Gewerkschaften und die Landesregierung "
            "Nordrhein-Westfalens zeigen gemeinsam: Industrie und Nachhaltigkeit "
            "bedingen einander."
        ),
        introduction_en=(
            "Companies, business associations, chambers, labour unions and the state "
            "government of North Rhine-Westphalia show together that industry and "
            "sustainability depend on each other."
        ),
        body_de=(
            heading("Industrieller Fortschritt und nachhaltige Entwicklung"),
            paragraph(
                "In der öffentlichen Wahrnehmung gelten Industrie und Nachhaltigkeit oft "
                "als Gegensätze. Die Allianz zeigt, dass sie einander bedingen, und wirbt "
                "so für mehr Verständnis für industrielle Projekte in Nordrhein-Westfalen.",
                "Gegründet im Juni 2009, haben ihre Partner die Düsseldorfer Erklärung "
                "unterzeichnet, die auch die chemische Industrie des Landes kräftig "
                "unterstützt. Jeder Partner bringt seine eigenen Aktivitäten und "
                "Mittel ein.",
            ),
            key_fact("2009", "Gründung der Landesallianz im Juni"),
            key_fact("275", "Teilnehmende am Kongress „Pro Industrie und Nachhaltigkeit“"),
            heading("Was die Allianz tut"),
            paragraph(
                "Eine Geschäftsstelle im Landeswirtschaftsministerium koordiniert den "
                "Lenkungskreis und bietet Information und Beratung an.",
                bullets=(
                    "das Industrieticker berichtet über Innovationen der Industrie in NRW",
                    "Berichte über regionale und lokale Entwicklungen",
                    "ein fortlaufender Austausch der Partner über Industrie und Nachhaltigkeit",
                    "Unterstützung beim Aufbau regionaler und lokaler Allianzen",
                    "touristische Hinweisschilder an den Autobahnen zeigen auf Industriestandorte",
                ),
            ),
            figure(
                "kongress", "Der Kongress im Juni 2009 informierte über den Industriestandort NRW."
            ),
            quote(
                "Wer Industrie will, muss zeigen, was sie für Umwelt und Arbeit leistet. "
                "Genau das tun unsere Partner jeden Tag.",
                "Dr. Helene Voßberg, Geschäftsstelle der Allianz (Demo-Person)",
            ),
        ),
        body_en=(
            heading("Industrial progress and sustainable development"),
            paragraph(
                "In public perception, industry and sustainability are often seen as "
                "opposites. The alliance shows that they depend on each other, and so "
                "seeks more understanding for industrial projects in North Rhine-Westphalia.",
                "Founded in June 2009, its partners signed the Düsseldorf Declaration, "
                "which the state's chemical industry strongly supports too. Every "
                "partner contributes its own activities and resources.",
            ),
            key_fact("2009", "State alliance founded in June"),
            key_fact("275", "participants at the congress “Pro Industry and Sustainability”"),
            heading("What the alliance does"),
            paragraph(
                "A coordination office in the state ministry for economic affairs "
                "coordinates the steering committee and offers information and advice.",
                bullets=(
                    "the Industrieticker reports innovations of NRW's industry",
                    "reports on regional and local developments",
                    "an ongoing exchange of the partners about industry and sustainability",
                    "support for setting up regional and local alliances",
                    "tourist information signs along the motorways point to industrial sites",
                ),
            ),
            figure(
                "kongress",
                "The congress in June 2009 informed about NRW as an industrial location.",
            ),
            quote(
                "Whoever wants industry has to show what it does for the environment and "
                "for work. That is exactly what our partners do every day.",
                "Dr. Helene Voßberg, coordination office of the alliance (demo person)",
            ),
        ),
        contact_name="Dr. Helene Voßberg",
        contact_email="geschaeftsstelle@allianz-demo.example",
        contact_address_de=(
            "Geschäftsstelle der Allianz pro Industrie und Nachhaltigkeit\n"
            "c/o Ministerium für Wirtschaft, Energie, Bauen, Wohnen und Verkehr "
            "des Landes Nordrhein-Westfalen\nDüsseldorf"
        ),
        contact_address_en=(
            "Coordination office of the Alliance pro Industry and Sustainability\n"
            "c/o Ministry for Economic Affairs, Energy, Building, Housing and Transport "
            "of the State of North Rhine-Westphalia\nDüsseldorf"
        ),
        partners=(
            organisation(o.COORDINATION_OFFICE, STEERING),
            organisation(o.BUSINESS_ASSOCIATION, STEERING),
            organisation(o.CHEMICAL_ASSOCIATION, STEERING),
            organisation(o.CHAMBER, STEERING),
            organisation(o.UNION, STEERING),
            company(c.AUENFELD, STEERING),
            company(c.RHEINBOGEN, SIGNATORY),
            company(c.FELDMARK, SIGNATORY),
            company(c.VESTWIND, SIGNATORY),
            company(c.KREISLAUFWERK, SIGNATORY),
            organisation(o.INSTITUTE, SIGNATORY),
            organisation(o.ENVIRONMENTAL_ASSOCIATION),
            company(c.SENNEWERK),
            company(c.PADERLICHT),
            company(c.KANALHAFEN),
            company(c.AASEETALER),
            company(c.HALDENSTEIN),
            company(c.DOMBLICK),
        ),
    ),
    Alliance(
        key=DUESSELDORF,
        slug="regionale-allianz-duesseldorf",
        parent=STATE,
        level=AllianceLevel.REGIONAL,
        founded_on=datetime.date(2010, 2, 25),
        region="Regierungsbezirk Düsseldorf",
        title_de="Regionale Allianz Düsseldorf",
        title_en="Regional Alliance Düsseldorf",
        introduction_de=(
            "Seit Februar 2010 bringen Unternehmen, Kammer, Gewerkschaft und Umweltverband "
            "im Regierungsbezirk Düsseldorf Industrie und Bürgerschaft ins Gespräch."
        ),
        introduction_en=(
            "Since February 2010 companies, chamber, union and environmental association "
            "in the administrative district of Düsseldorf have brought industry and "
            "citizens into conversation."
        ),
        body_de=(
            paragraph(
                "Vorbereitet in einem Strategieworkshop mit der Geschäftsstelle der "
                "Landesallianz, gegründet auf einer Auftaktveranstaltung im Februar 2010.",
                "Zu den ersten Vorhaben gehörte der Tag der Industrie im Chempark Dormagen.",
            ),
            key_fact("2010", "Gründung im Februar"),
        ),
        body_en=(
            paragraph(
                "Prepared in a strategy workshop with the state alliance's coordination "
                "office, founded at a kick-off event in February 2010.",
                "One of its first projects was the Day of Industry at Chempark Dormagen.",
            ),
            key_fact("2010", "founded in February"),
        ),
        contact_name="Tobias Rennenkamp",
        contact_email="duesseldorf@allianz-demo.example",
        contact_address_de=(
            "Regionale Allianz Düsseldorf\nc/o Industrie- und Handelskammer Rheinbogen\nDüsseldorf"
        ),
        contact_address_en=(
            "Regional Alliance Düsseldorf\nc/o Rheinbogen Chamber of Industry and Commerce\n"
            "Düsseldorf"
        ),
        partners=(
            organisation(o.CHAMBER, STEERING),
            company(c.LUMENHAFEN, STEERING),
            company(c.DUESSELFASER, SIGNATORY),
            company(c.FELDMARK, SIGNATORY),
            organisation(o.UNION),
            organisation(o.ENVIRONMENTAL_ASSOCIATION),
            company(c.HALDENSTEIN),
            company(c.RHEINBOGEN),
        ),
    ),
    Alliance(
        key=DORMAGEN,
        slug="lokale-allianz-dormagen",
        parent=DUESSELDORF,
        level=AllianceLevel.LOCAL,
        founded_on=datetime.date(2010, 11, 25),
        region="Dormagen",
        title_de="Lokale Allianz Dormagen",
        title_en="Local Alliance Dormagen",
        introduction_de=(
            "Seit November 2010 sprechen in Dormagen Chemiepark, Stadtgesellschaft und "
            "Umweltverband regelmäßig miteinander: über Arbeitsplätze, Sicherheit und "
            "die Zukunft des Standorts."
        ),
        introduction_en=(
            "Since November 2010 the chemical park, the town's people and the "
            "environmental association in Dormagen have talked regularly: about jobs, "
            "safety and the future of the site."
        ),
        body_de=(
            paragraph(
                "Die Lokale Allianz Dormagen gehört zur Regionalen Allianz Düsseldorf: "
                "Dormagen liegt im Rhein-Kreis Neuss, Regierungsbezirk Düsseldorf.",
            ),
            key_fact("2010", "Gründung im November"),
        ),
        body_en=(
            paragraph(
                "The Local Alliance Dormagen belongs to the Regional Alliance Düsseldorf: "
                "Dormagen lies in the Rhein-Kreis Neuss, administrative district of Düsseldorf.",
            ),
            key_fact("2010", "founded in November"),
        ),
        contact_name="Sabine Overbeck-Nießen",
        contact_email="dormagen@allianz-demo.example",
        contact_address_de="Lokale Allianz Dormagen\nc/o Rheinbogen Polymere GmbH\nDormagen",
        contact_address_en="Local Alliance Dormagen\nc/o Rheinbogen Polymere GmbH\nDormagen",
        partners=(
            company(c.RHEINBOGEN, STEERING),
            company(c.ZONSER_FELD, STEERING),
            company(c.AUENFELD),
            company(c.DUESSELFASER),
            organisation(o.CHAMBER),
            organisation(o.ENVIRONMENTAL_ASSOCIATION),
        ),
    ),
    Alliance(
        key=KOELN,
        slug="regionale-allianz-koeln",
        parent=STATE,
        level=AllianceLevel.REGIONAL,
        founded_on=datetime.date(2011, 9, 22),
        region="Regierungsbezirk Köln",
        title_de="Regionale Allianz Köln",
        title_en="Regional Alliance Cologne",
        introduction_de=(
            "Seit September 2011 arbeiten im Regierungsbezirk Köln Chemie, "
            "Fahrzeugbau, Gewerkschaft und Forschung daran, dass die Menschen am Rhein "
            "ihre Industrie kennen und mitreden."
        ),
        introduction_en=(
            "Since September 2011 chemicals, vehicle makers, the union and research in "
            "the administrative district of Cologne have worked to let the people on the "
            "Rhine know their industry and have a say."
        ),
        body_de=(
            paragraph(
                "Vorbereitet in einem Strategieworkshop mit der Geschäftsstelle, gegründet "
                "auf einer Auftaktveranstaltung in Leverkusen im September 2011 "
                "(Demo-Allianz).",
                "Ihre Schwerpunkte sind Leichtbau, Chemie und der Dialog mit der "
                "Nachbarschaft der Werke zwischen Köln und Leverkusen.",
            ),
            key_fact("2011", "Gründung im September"),
        ),
        body_en=(
            paragraph(
                "Prepared in a strategy workshop with the coordination office, founded at "
                "a kick-off event in Leverkusen in September 2011 (demo alliance).",
                "It concentrates on lightweight construction, chemicals and the dialogue "
                "with the plants' neighbours between Cologne and Leverkusen.",
            ),
            key_fact("2011", "founded in September"),
        ),
        contact_name="Jana Schmitz-Öztürk",
        contact_email="koeln@allianz-demo.example",
        contact_address_de=("Regionale Allianz Köln\nc/o Domblick Fahrzeugtechnik GmbH\nKöln"),
        contact_address_en=(
            "Regional Alliance Cologne\nc/o Domblick Fahrzeugtechnik GmbH\nCologne"
        ),
        partners=(
            company(c.DOMBLICK, STEERING),
            organisation(o.CHEMICAL_ASSOCIATION, STEERING),
            company(c.AUENFELD, SIGNATORY),
            organisation(o.UNION),
            organisation(o.INSTITUTE),
        ),
    ),
)
