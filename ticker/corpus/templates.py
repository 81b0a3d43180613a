"""Sentence shapes of a synthetic Industrieticker story, German and English side by side.

The placeholders are filled from the word lists and the story's company and region:
``{company}``, ``{place}``, ``{innovation}``, ``{material}``, ``{process}``, ``{person}``
and numbers (``{tonnes}``, ``{percent}``, ``{staff}``, ``{year}``). A capitalised name
(``{Process}``) asks for the word with a capital first letter, for a sentence start.

German grammar is kept simple on purpose: innovations are feminine nouns, materials
are bare mass nouns and processes stand in the nominative or accusative only, so no
template needs declension. Each English sentence says what its German twin says.
"""

from typing import NamedTuple


class Phrase(NamedTuple):
    german: str
    english: str


TITLES = (
    Phrase(
        "{company} nimmt neue {innovation} in {place} in Betrieb",
        "{company} commissions a new {innovation} in {place}",
    ),
    Phrase(
        "{Process} in {place}: {company} macht aus {material} einen Rohstoff",
        "{Process} in {place}: {company} turns {material} into a raw material",
    ),
    Phrase(
        "Neue {innovation} in {place} spart {percent} Prozent Energie",
        "New {innovation} in {place} saves {percent} per cent of energy",
    ),
    Phrase("{place}: {company} setzt auf {process}", "{place}: {company} relies on {process}"),
    Phrase(
        "Weniger CO₂ durch {process}: {company} testet neue {innovation}",
        "Less CO₂ through {process}: {company} tests a new {innovation}",
    ),
    Phrase(
        "{Material} statt Primärrohstoff: neue {innovation} in {place}",
        "{Material} instead of virgin raw material: a new {innovation} in {place}",
    ),
)

TEASERS = (
    Phrase(
        "{company} hat in {place} eine neue {innovation} in Betrieb genommen. Sie verarbeitet "
        "jährlich {tonnes} Tonnen {material} durch {process}.",
        "{company} has commissioned a new {innovation} in {place}. It processes {tonnes} "
        "tonnes of {material} a year by {process}.",
    ),
    Phrase(
        "In {place} zeigt {company}, wie {process} den Energiebedarf um {percent} Prozent senkt.",
        "In {place}, {company} shows how {process} cuts energy demand by {percent} per cent.",
    ),
    Phrase(
        "{company} und Partner aus {place} bringen eine neue {innovation} auf den Weg: "
        "{process} soll künftig {tonnes} Tonnen {material} im Jahr verwerten.",
        "{company} and partners from {place} are launching a new {innovation}: {process} is "
        "to recover {tonnes} tonnes of {material} a year.",
    ),
)

HEADINGS = (
    Phrase("Worum es geht", "What it is about"),
    Phrase("Die Technik", "The technology"),
    Phrase("Wer mitmacht", "Who is involved"),
    Phrase("Wie es weitergeht", "What happens next"),
    Phrase("Zahlen und Fakten", "Facts and figures"),
)

PARAGRAPHS = (
    Phrase(
        "Die neue {innovation} ersetzt eine Anlage aus den 1980er-Jahren. Durch {process} "
        "sinkt der Bedarf an Primärrohstoffen deutlich; {material} wird zum Wertstoff.",
        "The new {innovation} replaces a plant from the 1980s. {Process} markedly reduces "
        "the demand for virgin raw materials; {material} becomes a valuable resource.",
    ),
    Phrase(
        "Für das Projekt arbeitet {company} mit Hochschulen und Betrieben aus {place} "
        "zusammen. {staff} Beschäftigte wurden für den Betrieb weitergebildet.",
        "For the project, {company} works with universities and businesses from {place}. "
        "{staff} employees were trained to run it.",
    ),
    Phrase(
        "Das Land Nordrhein-Westfalen fördert das Vorhaben. Bis {year} soll die "
        "{innovation} klimaneutral arbeiten.",
        "The state of North Rhine-Westphalia supports the project. By {year}, the "
        "{innovation} is to operate climate-neutrally.",
    ),
    Phrase(
        "Für die Allianz pro Industrie und Nachhaltigkeit ist {process} ein Baustein für "
        "eine Industrie, die Wertschöpfung und Klimaschutz verbindet.",
        "For the Alliance pro Industry and Sustainability, {process} is a building block of "
        "an industry that combines value creation with climate protection.",
    ),
    Phrase(
        "Größere Mengen {material} sollen folgen: Die Kapazität wächst schrittweise auf "
        "{tonnes} Tonnen pro Jahr.",
        "Larger quantities of {material} are to follow: capacity will grow step by step to "
        "{tonnes} tonnes per year.",
    ),
)

# (value, label) pairs for the key-fact block.
KEY_FACTS = (
    (Phrase("{percent} %", "{percent}%"), Phrase("weniger Energiebedarf", "less energy demand")),
    (Phrase("{tonnes} t", "{tonnes} t"), Phrase("{material} pro Jahr", "{material} per year")),
    (
        Phrase("{percent} %", "{percent}%"),
        Phrase("weniger CO₂-Emissionen", "lower CO₂ emissions"),
    ),
    (Phrase("{staff}", "{staff}"), Phrase("neue Arbeitsplätze", "new jobs")),
)

QUOTES = (
    Phrase(
        "{Process} zeigt, dass Industrie und Klimaschutz zusammenpassen.",
        "{Process} shows that industry and climate protection go together.",
    ),
    Phrase(
        "Ohne die Beschäftigten in {place} wäre die neue {innovation} nicht möglich gewesen.",
        "Without the workforce in {place}, the new {innovation} would not have been possible.",
    ),
    Phrase(
        "Wer {material} als Rohstoff begreift, spart Geld und Emissionen.",
        "Whoever sees {material} as a raw material saves money and emissions.",
    ),
)
