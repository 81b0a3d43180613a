"""The Düsseldorf Declaration and the coordination office's support services.

The declaration's wording here is written for the demo and says so in its first
line; the real declaration is not reproduced. The support services follow the
alliance's self-description: strategy workshop (common goals, the three stages
attention, benefits, attitude), kick-off event, and information presentations.
"""

import datetime

from ..choices import SupportService
from .content import rich_text

DECLARATION_SLUG = "duesseldorfer-erklaerung"
SUPPORT_SERVICES_SLUG = "unterstuetzungsangebote"

DECLARATION_DE = {
    "title": "Düsseldorfer Erklärung",
    "signed_on": datetime.date(2009, 6, 1),
    "signed_in": "Düsseldorf",
    "text": rich_text(
        "Demo-Text: Diese Fassung wurde für die Demo-Inhalte geschrieben und gibt "
        "nicht den Wortlaut der Düsseldorfer Erklärung wieder.",
        "Wir, Unternehmen, Verbände, Kammern, Gewerkschaften und Landesregierung in "
        "Nordrhein-Westfalen, sind überzeugt: Industrieller Fortschritt und "
        "nachhaltige Entwicklung sind keine Gegensätze, sie bedingen einander.",
        "Eine moderne Industrie schafft Arbeitsplätze, Ausbildung und Wohlstand. Sie "
        "entwickelt die Verfahren und Produkte, mit denen Energie gespart, Abfall "
        "vermieden und das Klima geschützt wird.",
        "Wir verpflichten uns,",
        bullets=(
            "offen über unsere Anlagen, ihre Risiken und ihren Nutzen zu informieren,",
            "den Dialog mit Nachbarn, Umweltverbänden und Bürgerinitiativen zu suchen,",
            "Innovationen für Umwelt- und Klimaschutz voranzubringen und sichtbar zu machen,",
            "regionale und lokale Allianzen aufzubauen und zu unterstützen.",
        ),
    ),
}
DECLARATION_EN = {
    "title": "Düsseldorf Declaration",
    "signed_in": "Düsseldorf",
    "text": rich_text(
        "Demo text: this version was written for the demo content and does not "
        "reproduce the wording of the Düsseldorf Declaration.",
        "We, companies, associations, chambers, labour unions and the state government "
        "of North Rhine-Westphalia, are convinced: industrial progress and sustainable "
        "development are not opposites, they depend on each other.",
        "A modern industry creates jobs, apprenticeships and prosperity. It develops "
        "the processes and products that save energy, avoid waste and protect the "
        "climate.",
        "We commit ourselves",
        bullets=(
            "to inform openly about our plants, their risks and their benefits,",
            "to seek dialogue with neighbours, environmental associations and citizens' groups,",
            "to advance innovations for environmental and climate protection and make them "
            "visible,",
            "to build and support regional and local alliances.",
        ),
    ),
}


def _service(service: SupportService, title: str, description: str) -> tuple[str, dict]:
    return ("service", {"service": service, "title": title, "description": description})


SUPPORT_SERVICES_DE = {
    "title": "Unterstützungsangebote",
    "introduction": (
        "Die Geschäftsstelle der Allianz unterstützt alle, die in ihrer Region oder "
        "Stadt eine eigene Allianz pro Industrie und Nachhaltigkeit gründen wollen."
    ),
    "services": [
        _service(
            SupportService.STRATEGY_WORKSHOP,
            "Strategieworkshop",
            rich_text(
                "Gemeinsam mit den Partnern vor Ort legen wir gemeinsame Ziele fest und "
                "planen Maßnahmen für die drei Stufen:",
                bullets=(
                    "Aufmerksamkeit: Industrie sichtbar machen",
                    "Nutzen: zeigen, was Industrie für Region und Umwelt leistet",
                    "Haltung: Verständnis und Zustimmung für industrielle Projekte gewinnen",
                ),
            ),
        ),
        _service(
            SupportService.KICK_OFF,
            "Auftaktveranstaltung",
            rich_text(
                "Wir helfen bei der Organisation der Auftaktveranstaltung, auf der die "
                "Allianz gemeinsam mit allen Akteuren gegründet wird.",
                "Wir dokumentieren und bewerten die Veranstaltung und entwickeln daraus "
                "einen Leitfaden für die weitere Arbeit.",
            ),
        ),
        _service(
            SupportService.INFORMATION,
            "Informationsvortrag",
            rich_text(
                "Wir stellen unsere Unterstützungsangebote Verbänden, Kammern und anderen "
                "interessierten Organisationen vor Ort vor."
            ),
        ),
    ],
    "office_contact": rich_text(
        "Geschäftsstelle der Allianz pro Industrie und Nachhaltigkeit",
        "c/o Ministerium für Wirtschaft, Energie, Bauen, Wohnen und Verkehr des Landes "
        "Nordrhein-Westfalen, Düsseldorf",
        "E-Mail: geschaeftsstelle@allianz-demo.example",
    ),
}
SUPPORT_SERVICES_EN = {
    "title": "Support services",
    "introduction": (
        "The alliance's coordination office supports everyone who wants to found an "
        "alliance pro industry and sustainability of their own in their region or town."
    ),
    "services": [
        _service(
            SupportService.STRATEGY_WORKSHOP,
            "Strategy workshop",
            rich_text(
                "Together with the local partners we define common goals and plan "
                "measures for the three stages:",
                bullets=(
                    "attention: making industry visible",
                    "benefits: showing what industry does for the region and the environment",
                    "attitude: winning understanding and approval for industrial projects",
                ),
            ),
        ),
        _service(
            SupportService.KICK_OFF,
            "Kick-off event",
            rich_text(
                "We help to organise the kick-off event at which the alliance is founded "
                "together with all actors.",
                "We document and evaluate the event and develop a guidance framework for "
                "the work ahead from it.",
            ),
        ),
        _service(
            SupportService.INFORMATION,
            "Information presentation",
            rich_text(
                "We present our support services to local groups of associations, chambers "
                "and other interested organisations."
            ),
        ),
    ],
    "office_contact": rich_text(
        "Coordination office of the Alliance pro Industry and Sustainability",
        "c/o Ministry for Economic Affairs, Energy, Building, Housing and Transport of the "
        "State of North Rhine-Westphalia, Düsseldorf",
        "E-mail: geschaeftsstelle@allianz-demo.example",
    ),
}
