"""Industrieticker stories: invented innovations of the invented companies, 2009 to today.

Most stories date from the alliance's active years 2009 to 2015, a few are recent.
German tags go on the German page and English tags on the English one, because tags
belong to each language version (see README, "English tags").
"""

import datetime
from dataclasses import dataclass

from . import companies as c
from .alliances import DORMAGEN, DUESSELDORF, KOELN, STATE
from .content import Block, key_fact, paragraph, quote


@dataclass(frozen=True)
class StoryText:
    title: str
    teaser: str
    body: tuple[Block, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    alliance: str
    date: datetime.date
    companies: tuple[str, ...]
    regions: tuple[str, ...]
    de: StoryText
    en: StoryText
    image: str | None = None


D = datetime.date

STATE_STORIES = (
    Story(
        STATE,
        D(2009, 6, 18),
        (c.AUENFELD,),
        ("Leverkusen",),
        StoryText(
            "Abwärme aus dem Chemiepark heizt 1.200 Wohnungen",
            "Auenfeld Chemie leitet Abwärme aus der Produktion in das Fernwärmenetz der "
            "Nachbarschaft ein.",
            (
                paragraph(
                    "Bisher entwich die Wärme aus zwei Anlagen ungenutzt über Kühltürme. "
                    "Eine neue Fernwärmeleitung bringt sie nun in die Wohnviertel am Rhein."
                ),
                key_fact("1.200", "Wohnungen heizen mit Industrieabwärme"),
            ),
            ("Abwärmenutzung", "Fernwärme", "Chemie"),
        ),
        StoryText(
            "Waste heat from the chemical park heats 1,200 homes",
            "Auenfeld Chemie feeds waste heat from production into the neighbourhood's "
            "district heating network.",
            (
                paragraph(
                    "Until now the heat of two plants escaped unused through cooling towers. "
                    "A new district heating pipeline now brings it to the homes by the Rhine."
                ),
                key_fact("1,200", "homes heated with industrial waste heat"),
            ),
            ("waste heat", "district heating", "chemicals"),
        ),
        image="abwaerme",
    ),
    Story(
        STATE,
        D(2009, 9, 3),
        (c.FELDMARK,),
        ("Duisburg",),
        StoryText(
            "Feldmark Stahl senkt Staubemissionen um ein Drittel",
            "Neue Gewebefilter am Elektrolichtbogenofen halten Staub zurück, bevor er das "
            "Werksgelände verlässt.",
            (
                paragraph(
                    "Die Filteranlage wurde im laufenden Betrieb eingebaut. Die Nachbarn im "
                    "Stadtteil waren vorher zu einem Informationsabend eingeladen."
                ),
            ),
            ("Luftreinhaltung", "Stahl"),
        ),
        StoryText(
            "Feldmark Stahl cuts dust emissions by a third",
            "New fabric filters at the electric arc furnace hold back dust before it "
            "leaves the site.",
            (
                paragraph(
                    "The filter plant was installed while production continued. The "
                    "neighbours had been invited to an information evening beforehand."
                ),
            ),
            ("clean air", "steel"),
        ),
    ),
    Story(
        STATE,
        D(2010, 1, 21),
        (c.VESTWIND,),
        ("Marl",),
        StoryText(
            "Wasserstoffelektrolyse im Testbetrieb: Vestwind startet Pilotanlage in Marl",
            "Eine Elektrolyseanlage erzeugt Wasserstoff aus Windstrom, der sonst abgeregelt würde.",
            (
                paragraph(
                    "Der Wasserstoff geht per Leitung an Chemiebetriebe im Chemiepark.",
                    "Im ersten Jahr soll die Anlage vor allem zeigen, wie gut sie mit "
                    "schwankendem Strom zurechtkommt.",
                ),
                key_fact("2 MW", "elektrische Leistung der Pilotanlage"),
            ),
            ("Wasserstoff", "Energiewende"),
        ),
        StoryText(
            "Hydrogen electrolysis on trial: Vestwind starts a pilot plant in Marl",
            "An electrolysis plant makes hydrogen from wind power that would otherwise be "
            "curtailed.",
            (
                paragraph(
                    "The hydrogen is piped to chemical plants in the chemical park.",
                    "In its first year the plant is above all meant to show how well it "
                    "copes with fluctuating power.",
                ),
                key_fact("2 MW", "electrical capacity of the pilot plant"),
            ),
            ("hydrogen", "energy transition"),
        ),
        image="wasserstoff",
    ),
    Story(
        STATE,
        D(2010, 5, 12),
        (c.KREISLAUFWERK,),
        ("Gelsenkirchen",),
        StoryText(
            "Aus Kunststoffabfällen wird neues Granulat",
            "Kreislaufwerk Emscherland nimmt eine Sortieranlage in Betrieb, die "
            "Kunststoffabfälle nach Sorten trennt.",
            (
                paragraph(
                    "Nahinfrarot-Sensoren erkennen die Kunststoffsorte, Druckluftdüsen "
                    "blasen die Teile in die richtige Fraktion. Aus sortenreinem Material "
                    "entsteht Granulat für neue Produkte."
                ),
                key_fact("30.000 t", "Kunststoffabfälle im Jahr"),
            ),
            ("Kreislaufwirtschaft", "Kunststoff", "Recycling"),
        ),
        StoryText(
            "Plastic waste becomes new granulate",
            "Kreislaufwerk Emscherland starts up a sorting plant that separates plastic "
            "waste by type.",
            (
                paragraph(
                    "Near-infrared sensors recognise the type of plastic, compressed-air "
                    "nozzles blow each piece into the right fraction. Clean material is "
                    "turned into granulate for new products."
                ),
                key_fact("30,000 t", "of plastic waste a year"),
            ),
            ("circular economy", "plastics", "recycling"),
        ),
        image="kunststoff",
    ),
    Story(
        STATE,
        D(2010, 10, 7),
        (c.SENNEWERK,),
        ("Bielefeld",),
        StoryText(
            "Sennewerk entwickelt Getriebe mit 15 Prozent weniger Reibungsverlust",
            "Neue Verzahnungen und ein Spezialöl senken den Energiebedarf von Förderanlagen.",
            (
                paragraph(
                    "Die Getriebe laufen in Förderbändern von Zementwerken und Häfen. Weniger "
                    "Reibung heißt weniger Strom und weniger Wärme im Getriebe."
                ),
            ),
            ("Energieeffizienz", "Maschinenbau"),
        ),
        StoryText(
            "Sennewerk develops gearboxes with 15 per cent less friction loss",
            "New gearing and a special oil reduce the energy needs of conveyor systems.",
            (
                paragraph(
                    "The gearboxes run in the conveyor belts of cement works and ports. Less "
                    "friction means less power and less heat in the gearbox."
                ),
            ),
            ("energy efficiency", "mechanical engineering"),
        ),
        image="leichtbau",
    ),
    Story(
        STATE,
        D(2011, 2, 16),
        (c.KANALHAFEN,),
        ("Dortmund",),
        StoryText(
            "Binnenschiff statt Lkw: Kanalhafen Westfalen verlagert Güterverkehr aufs Wasser",
            "Ein neuer Containerliniendienst verbindet den Kanalhafen mit den Seehäfen.",
            (
                paragraph(
                    "Zweimal pro Woche fährt ein Containerschiff zu den Seehäfen. Ein "
                    "Binnenschiff ersetzt bis zu hundert Lkw-Fahrten."
                ),
                key_fact("4.000", "Lkw-Fahrten weniger im Jahr"),
            ),
            ("Logistik", "Binnenschifffahrt", "Klimaschutz"),
        ),
        StoryText(
            "Inland ship instead of lorry: Kanalhafen Westfalen moves freight onto the water",
            "A new container liner service links the canal port with the seaports.",
            (
                paragraph(
                    "A container ship sails to the seaports twice a week. One inland ship "
                    "replaces up to a hundred lorry trips."
                ),
                key_fact("4,000", "fewer lorry trips a year"),
            ),
            ("logistics", "inland shipping", "climate protection"),
        ),
        image="binnenschiff",
    ),
    Story(
        STATE,
        D(2011, 6, 30),
        (c.AASEETALER,),
        ("Münster",),
        StoryText(
            "Lebensmittelreste werden zu Biogas",
            "Die Aaseetaler Lebensmittelwerke vergären Produktionsreste und erzeugen "
            "daraus Strom und Wärme.",
            (
                paragraph(
                    "Molke, Schalen und Reste aus der Feinkostproduktion gehen in die neue "
                    "Biogasanlage auf dem Werksgelände."
                ),
            ),
            ("Biogas", "Lebensmittel", "Kreislaufwirtschaft"),
        ),
        StoryText(
            "Food leftovers become biogas",
            "Aaseetaler Lebensmittelwerke ferment production leftovers and make power and "
            "heat from them.",
            (
                paragraph(
                    "Whey, peel and leftovers from the delicatessen production go into the "
                    "new biogas plant on the site."
                ),
            ),
            ("biogas", "food", "circular economy"),
        ),
    ),
    Story(
        STATE,
        D(2011, 9, 8),
        (),
        ("Nordrhein-Westfalen",),
        StoryText(
            "Braune Schilder für die Industrie: Autobahnen weisen auf Industriestandorte hin",
            "Touristische Unterrichtungstafeln an den Autobahnen zeigen jetzt auch "
            "Chemieparks, Stahlwerke und Häfen.",
            (
                paragraph(
                    "Was für Dome und Burgen selbstverständlich ist, gilt nun auch für die "
                    "Industrie: Sie gehört zum Bild des Landes und darf sich zeigen."
                ),
            ),
            ("Allianz", "Industriekultur"),
        ),
        StoryText(
            "Brown signs for industry: motorways point to industrial sites",
            "Tourist information signs along the motorways now show chemical parks, "
            "steelworks and ports too.",
            (
                paragraph(
                    "What is a matter of course for cathedrals and castles now holds for "
                    "industry too: it is part of the state's image and may show itself."
                ),
            ),
            ("alliance", "industrial heritage"),
        ),
    ),
    Story(
        STATE,
        D(2012, 3, 8),
        (c.DOMBLICK,),
        ("Köln",),
        StoryText(
            "Leichtbau aus Köln: Karosserieteile mit Naturfasern",
            "Domblick Fahrzeugtechnik verstärkt Türverkleidungen mit Flachsfasern statt "
            "Glasfasern.",
            (
                paragraph(
                    "Die Teile sind ein Viertel leichter. Jedes Kilogramm weniger senkt den "
                    "Verbrauch der Fahrzeuge über ihre ganze Lebensdauer."
                ),
            ),
            ("Leichtbau", "Mobilität"),
        ),
        StoryText(
            "Lightweight construction from Cologne: body parts with natural fibres",
            "Domblick Fahrzeugtechnik reinforces door panels with flax fibres instead of "
            "glass fibres.",
            (
                paragraph(
                    "The parts are a quarter lighter. Every kilogram less lowers the "
                    "vehicles' consumption over their whole lifetime."
                ),
            ),
            ("lightweight construction", "mobility"),
        ),
        image="leichtbau",
    ),
    Story(
        STATE,
        D(2012, 9, 20),
        (c.HALDENSTEIN,),
        ("Essen",),
        StoryText(
            "Zement mit weniger Klinker: Haldenstein Baustoffe stellt neue Rezeptur vor",
            "Hüttensand ersetzt einen Teil des Zementklinkers, dessen Herstellung viel "
            "CO₂ freisetzt.",
            (
                paragraph(
                    "Der neue Zement erfüllt dieselben Normen wie der bisherige und wird "
                    "zuerst im Tiefbau eingesetzt."
                ),
                key_fact("−25 %", "CO₂ je Tonne Zement"),
            ),
            ("Baustoffe", "CO₂-Minderung"),
        ),
        StoryText(
            "Cement with less clinker: Haldenstein Baustoffe presents a new recipe",
            "Granulated slag replaces part of the cement clinker, whose production "
            "releases a lot of CO₂.",
            (
                paragraph(
                    "The new cement meets the same standards as before and is used in civil "
                    "engineering first."
                ),
                key_fact("−25 %", "CO₂ per tonne of cement"),
            ),
            ("building materials", "CO₂ reduction"),
        ),
    ),
    Story(
        STATE,
        D(2013, 4, 11),
        (c.PADERLICHT,),
        ("Paderborn",),
        StoryText(
            "Paderlicht liefert Steuerungen für Ladesäulen",
            "Die Leistungselektronik aus Paderborn verteilt den Strom so, dass mehrere "
            "Fahrzeuge gleichzeitig laden können, ohne das Netz zu überlasten.",
            (paragraph("Die ersten Ladesäulen stehen auf Firmenparkplätzen in Ostwestfalen."),),
            ("Elektromobilität", "Elektrotechnik"),
        ),
        StoryText(
            "Paderlicht supplies controls for charging stations",
            "The power electronics from Paderborn share out the power so that several "
            "vehicles can charge at once without overloading the grid.",
            (
                paragraph(
                    "The first charging stations stand in company car parks in East Westphalia."
                ),
            ),
            ("electric mobility", "electrical engineering"),
        ),
    ),
    Story(
        STATE,
        D(2013, 11, 14),
        (c.AUENFELD,),
        ("Leverkusen", "Marl"),
        StoryText(
            "Ausbildungsoffensive: 60 neue Ausbildungsplätze in der Chemie",
            "Auenfeld Chemie bildet an zwei Standorten mehr Chemikantinnen und Chemikanten aus.",
            (
                paragraph(
                    "Jugendliche aus den Nachbarstädten können vorab ein Praktikum im Labor "
                    "und in der Anlage machen."
                ),
                key_fact("60", "zusätzliche Ausbildungsplätze"),
            ),
            ("Ausbildung", "Fachkräfte"),
        ),
        StoryText(
            "Apprenticeship drive: 60 new apprenticeships in chemicals",
            "Auenfeld Chemie trains more chemical technicians at two sites.",
            (
                paragraph(
                    "Young people from the neighbouring towns can first do an internship in "
                    "the laboratory and in the plant."
                ),
                key_fact("60", "additional apprenticeships"),
            ),
            ("apprenticeships", "skilled workers"),
        ),
    ),
    Story(
        STATE,
        D(2014, 6, 5),
        (),
        ("Düsseldorf",),
        StoryText(
            "Fünf Jahre Düsseldorfer Erklärung",
            "Die Landesallianz zieht Bilanz: mehr Partner, neue regionale und lokale "
            "Allianzen und ein Industrieticker mit Hunderten Meldungen.",
            (
                paragraph(
                    "Die Partner wollen den Dialog mit Umweltverbänden und Bürgerinitiativen "
                    "weiter ausbauen."
                ),
                quote(
                    "Industrie und Nachhaltigkeit sind keine Gegensätze. Das zeigen wir "
                    "inzwischen nicht mehr nur mit Worten.",
                    "Dr. Helene Voßberg, Geschäftsstelle der Allianz (Demo-Person)",
                ),
            ),
            ("Allianz", "Düsseldorfer Erklärung"),
        ),
        StoryText(
            "Five years of the Düsseldorf Declaration",
            "The state alliance takes stock: more partners, new regional and local "
            "alliances and an industry ticker with hundreds of stories.",
            (
                paragraph(
                    "The partners want to extend the dialogue with environmental associations "
                    "and citizens' initiatives further."
                ),
                quote(
                    "Industry and sustainability are not opposites. By now we show that with "
                    "more than words.",
                    "Dr. Helene Voßberg, coordination office of the alliance (demo person)",
                ),
            ),
            ("alliance", "Düsseldorf Declaration"),
        ),
        image="erklaerung",
    ),
    Story(
        STATE,
        D(2015, 3, 19),
        (c.AASEETALER,),
        ("Münster",),
        StoryText(
            "Prozesswärme von der Sonne für die Molkerei",
            "Sonnenkollektoren auf dem Dach liefern Wärme für die Reinigung der "
            "Produktionsanlagen.",
            (
                paragraph(
                    "Im Sommer deckt die Solarthermie fast den ganzen Wärmebedarf der "
                    "Reinigung, im Winter ein Fünftel."
                ),
            ),
            ("Solarthermie", "Lebensmittel"),
        ),
        StoryText(
            "Process heat from the sun for the dairy",
            "Solar collectors on the roof supply heat for cleaning the production plants.",
            (
                paragraph(
                    "In summer solar heat covers almost all the heat needed for cleaning, in "
                    "winter a fifth."
                ),
            ),
            ("solar thermal", "food"),
        ),
        image="solar",
    ),
    Story(
        STATE,
        D(2015, 10, 22),
        (c.FELDMARK, c.HALDENSTEIN),
        ("Duisburg", "Essen"),
        StoryText(
            "Hochofenschlacke wird Straßenbaustoff",
            "Feldmark Stahl und Haldenstein Baustoffe verarbeiten Schlacke zu "
            "Tragschichten für den Straßenbau.",
            (paragraph("So ersetzt ein Nebenprodukt der Stahlherstellung Kies aus neuen Gruben."),),
            ("Kreislaufwirtschaft", "Stahl", "Baustoffe"),
        ),
        StoryText(
            "Furnace slag becomes road-building material",
            "Feldmark Stahl and Haldenstein Baustoffe process slag into base layers for "
            "road construction.",
            (paragraph("A by-product of steelmaking thus replaces gravel from new pits."),),
            ("circular economy", "steel", "building materials"),
        ),
    ),
    Story(
        STATE,
        D(2023, 5, 10),
        (c.VESTWIND,),
        ("Marl", "Gelsenkirchen"),
        StoryText(
            "Wasserstoffleitung verbindet Marl und Gelsenkirchen",
            "Vestwind nimmt eine Leitung in Betrieb, die grünen Wasserstoff zu "
            "Industriekunden im Ruhrgebiet bringt.",
            (
                paragraph(
                    "Ein Teil der Strecke nutzt eine umgewidmete Erdgasleitung.",
                    "Die Elektrolyse in Marl wurde dafür auf das Zehnfache der Pilotanlage "
                    "von 2010 erweitert.",
                ),
                key_fact("20 MW", "Elektrolyseleistung"),
            ),
            ("Wasserstoff", "Energiewende"),
        ),
        StoryText(
            "Hydrogen pipeline links Marl and Gelsenkirchen",
            "Vestwind opens a pipeline that brings green hydrogen to industrial customers "
            "in the Ruhr.",
            (
                paragraph(
                    "Part of the route uses a converted natural gas pipeline.",
                    "The electrolysis in Marl was extended to ten times the 2010 pilot "
                    "plant for it.",
                ),
                key_fact("20 MW", "electrolysis capacity"),
            ),
            ("hydrogen", "energy transition"),
        ),
        image="wasserstoff",
    ),
    Story(
        STATE,
        D(2024, 9, 12),
        (c.SENNEWERK, c.PADERLICHT),
        ("Bielefeld", "Paderborn"),
        StoryText(
            "Wärmepumpen für Industriehallen aus Ostwestfalen",
            "Sennewerk und Paderlicht entwickeln gemeinsam eine Großwärmepumpe, die "
            "Werkshallen ohne Erdgas beheizt.",
            (paragraph("Die Wärmepumpe nutzt die Abwärme von Druckluftanlagen als Quelle."),),
            ("Wärmepumpe", "Energieeffizienz"),
        ),
        StoryText(
            "Heat pumps for industrial halls from East Westphalia",
            "Sennewerk and Paderlicht jointly develop a large heat pump that heats "
            "factory halls without natural gas.",
            (
                paragraph(
                    "The heat pump uses the waste heat of compressed-air systems as its source."
                ),
            ),
            ("heat pumps", "energy efficiency"),
        ),
    ),
)

DUESSELDORF_STORIES = (
    Story(
        DUESSELDORF,
        D(2010, 2, 25),
        (c.LUMENHAFEN, c.DUESSELFASER),
        ("Regierungsbezirk Düsseldorf", "Düsseldorf"),
        StoryText(
            "Regionale Allianz Düsseldorf gegründet",
            "Unternehmen, Kammer, Gewerkschaft und Umweltverband gründen die Regionale "
            "Allianz Düsseldorf.",
            (
                paragraph(
                    "Die Gründung folgt einem Strategieworkshop im November. Erstes "
                    "gemeinsames Vorhaben ist ein Tag der Industrie im Herbst."
                ),
            ),
            ("Allianz", "Gründung"),
        ),
        StoryText(
            "Regional Alliance Düsseldorf founded",
            "Companies, chamber, union and environmental association found the Regional "
            "Alliance Düsseldorf.",
            (
                paragraph(
                    "The founding follows a strategy workshop in November. The first joint "
                    "project is a Day of Industry in the autumn."
                ),
            ),
            ("alliance", "founding"),
        ),
        image="auftakt",
    ),
    Story(
        DUESSELDORF,
        D(2010, 6, 17),
        (c.LUMENHAFEN,),
        ("Düsseldorf",),
        StoryText(
            "LED-Straßenbeleuchtung spart 60 Prozent Strom",
            "Lumenhafen Lichttechnik rüstet in einem Düsseldorfer Stadtteil die "
            "Straßenbeleuchtung auf LED-Leuchten um.",
            (
                paragraph(
                    "Die Leuchten dimmen nachts automatisch und lenken das Licht genau auf "
                    "Fahrbahn und Gehweg. Das spart Strom und schont nachtaktive Insekten."
                ),
                key_fact("60 %", "weniger Strom für die Straßenbeleuchtung"),
            ),
            ("Straßenbeleuchtung", "Energieeffizienz"),
        ),
        StoryText(
            "LED street lighting saves 60 per cent of power",
            "Lumenhafen Lichttechnik converts the street lighting of a Düsseldorf "
            "district to LED lamps.",
            (
                paragraph(
                    "The lamps dim automatically at night and direct the light exactly onto "
                    "road and pavement. That saves power and spares nocturnal insects."
                ),
                key_fact("60 %", "less power for street lighting"),
            ),
            ("street lighting", "energy efficiency"),
        ),
        image="licht",
    ),
    Story(
        DUESSELDORF,
        D(2010, 12, 2),
        (c.DUESSELFASER,),
        ("Neuss",),
        StoryText(
            "Geschlossener Wasserkreislauf in der Papierfabrik Neuss",
            "Düsselfaser reinigt ihr Prozesswasser selbst und braucht deutlich weniger "
            "Frischwasser aus dem Rhein.",
            (
                paragraph(
                    "Eine biologische Reinigungsstufe bereitet das Wasser aus der "
                    "Papiermaschine so auf, dass es mehrfach genutzt werden kann."
                ),
                key_fact("−70 %", "Frischwasserbedarf"),
            ),
            ("Wasser", "Papier"),
        ),
        StoryText(
            "Closed water cycle at the Neuss paper mill",
            "Düsselfaser treats its process water itself and needs far less fresh water "
            "from the Rhine.",
            (
                paragraph(
                    "A biological treatment stage prepares the water from the paper machine "
                    "so that it can be used several times."
                ),
                key_fact("−70 %", "fresh water needed"),
            ),
            ("water", "paper"),
        ),
    ),
    Story(
        DUESSELDORF,
        D(2011, 5, 5),
        (c.FELDMARK,),
        ("Duisburg",),
        StoryText(
            "Feldmark Stahl öffnet das Werkstor: 3.000 Gäste beim Nachbarschaftstag",
            "Beim Nachbarschaftstag zeigt das Stahlwerk Elektrolichtbogenofen, Walzwerk "
            "und Werksfeuerwehr.",
            (
                paragraph(
                    "Viele Gäste kamen zum ersten Mal auf das Gelände, an dem sie seit "
                    "Jahren vorbeifahren."
                ),
                key_fact("3.000", "Gäste"),
            ),
            ("Nachbarschaftsdialog", "Stahl"),
        ),
        StoryText(
            "Feldmark Stahl opens its gates: 3,000 guests at the neighbourhood day",
            "At the neighbourhood day the steelworks shows its electric arc furnace, "
            "rolling mill and plant fire brigade.",
            (
                paragraph(
                    "Many guests came onto the site for the first time, after driving past "
                    "it for years."
                ),
                key_fact("3,000", "guests"),
            ),
            ("neighbourhood dialogue", "steel"),
        ),
        image="chempark",
    ),
    Story(
        DUESSELDORF,
        D(2011, 9, 29),
        (c.LUMENHAFEN,),
        ("Duisburg",),
        StoryText(
            "Bremsenergie von Hafenkränen wird zurückgewonnen",
            "Antriebsregler von Lumenhafen speisen die Energie sinkender Lasten ins "
            "Hafennetz zurück.",
            (
                paragraph(
                    "Jeder Container, der abgesenkt wird, erzeugt so Strom für den nächsten Hub."
                ),
            ),
            ("Energieeffizienz", "Logistik"),
        ),
        StoryText(
            "Braking energy of port cranes is recovered",
            "Drive controllers from Lumenhafen feed the energy of descending loads back "
            "into the port's grid.",
            (paragraph("Every container that is lowered thus makes power for the next lift."),),
            ("energy efficiency", "logistics"),
        ),
    ),
    Story(
        DUESSELDORF,
        D(2012, 6, 14),
        (c.DUESSELFASER, c.LUMENHAFEN),
        ("Düsseldorf", "Neuss"),
        StoryText(
            "Schulpartnerschaften: Schülerinnen und Schüler erkunden die Industrie",
            "Zwölf Schulen in Düsseldorf und Neuss haben feste Partnerunternehmen.",
            (
                paragraph(
                    "Klassen besuchen Labore und Werkstätten, Auszubildende berichten im "
                    "Unterricht von ihrem Beruf."
                ),
                key_fact("12", "Schulpartnerschaften"),
            ),
            ("Bildung", "Ausbildung"),
        ),
        StoryText(
            "School partnerships: pupils explore industry",
            "Twelve schools in Düsseldorf and Neuss have permanent partner companies.",
            (
                paragraph(
                    "Classes visit laboratories and workshops, apprentices talk about their "
                    "job in lessons."
                ),
                key_fact("12", "school partnerships"),
            ),
            ("education", "apprenticeships"),
        ),
    ),
    Story(
        DUESSELDORF,
        D(2013, 8, 22),
        (c.DUESSELFASER,),
        ("Neuss",),
        StoryText(
            "Papier statt Folie: recycelbare Verpackung für Lebensmittel",
            "Düsselfaser entwickelt ein beschichtetes Papier, das Verpackungsfolie aus "
            "Kunststoff ersetzen kann.",
            (
                paragraph(
                    "Die Beschichtung hält Fett und Feuchtigkeit zurück und lässt sich im "
                    "Altpapier wieder abtrennen."
                ),
            ),
            ("Verpackung", "Recycling", "Papier"),
        ),
        StoryText(
            "Paper instead of film: recyclable packaging for food",
            "Düsselfaser develops a coated paper that can replace plastic packaging film.",
            (
                paragraph(
                    "The coating holds back grease and moisture and can be separated again "
                    "when the paper is recycled."
                ),
            ),
            ("packaging", "recycling", "paper"),
        ),
    ),
    Story(
        DUESSELDORF,
        D(2014, 11, 6),
        (c.FELDMARK,),
        ("Duisburg",),
        StoryText(
            "Photovoltaikanlage auf dem Hallendach: Feldmark Stahl erzeugt eigenen Strom",
            "Auf dem Dach des Walzwerks entsteht eine der größten Photovoltaikanlagen der Stadt.",
            (
                paragraph(
                    "Der Solarstrom deckt einen Teil des Bedarfs von Verwaltung, "
                    "Werkstätten und Beleuchtung."
                ),
            ),
            ("Photovoltaik", "Erneuerbare Energien"),
        ),
        StoryText(
            "Photovoltaics on the hall roof: Feldmark Stahl makes its own power",
            "One of the city's largest photovoltaic plants is being built on the roof of "
            "the rolling mill.",
            (
                paragraph(
                    "The solar power covers part of the needs of offices, workshops and lighting."
                ),
            ),
            ("photovoltaics", "renewable energy"),
        ),
        image="solar",
    ),
    Story(
        DUESSELDORF,
        D(2015, 5, 28),
        (c.HALDENSTEIN,),
        ("Essen",),
        StoryText(
            "Lärmschutzwand aus Recyclingglas an der Werkszufahrt",
            "Haldenstein Baustoffe schützt die Nachbarschaft mit einer Wand aus "
            "Blähglas, gewonnen aus Altglas.",
            (
                paragraph(
                    "Die Anwohnerinnen und Anwohner hatten sich im Bürgerdialog über den "
                    "Lärm der Lkw beschwert. Jetzt ist es an der Zufahrt deutlich leiser."
                ),
            ),
            ("Lärmschutz", "Recycling", "Nachbarschaftsdialog"),
        ),
        StoryText(
            "Noise barrier made of recycled glass at the site entrance",
            "Haldenstein Baustoffe protects the neighbourhood with a wall of expanded "
            "glass made from waste glass.",
            (
                paragraph(
                    "Residents had complained about the lorry noise in the citizens' "
                    "dialogue. Now it is much quieter at the entrance."
                ),
            ),
            ("noise protection", "recycling", "neighbourhood dialogue"),
        ),
    ),
    Story(
        DUESSELDORF,
        D(2025, 3, 13),
        (c.LUMENHAFEN,),
        ("Düsseldorf",),
        StoryText(
            "Industrieabwärme für ein neues Düsseldorfer Wohnquartier",
            "Lumenhafen liefert die Regelungstechnik für ein Nahwärmenetz, das Abwärme "
            "aus einem Rechenzentrum und einer Werkstatt nutzt.",
            (
                paragraph(
                    "Wärmepumpen heben die Temperatur auf das Niveau, das die Wohnungen brauchen."
                ),
            ),
            ("Abwärmenutzung", "Fernwärme", "Wärmepumpe"),
        ),
        StoryText(
            "Industrial waste heat for a new Düsseldorf neighbourhood",
            "Lumenhafen supplies the control technology for a local heating network that "
            "uses waste heat from a data centre and a workshop.",
            (paragraph("Heat pumps raise the temperature to the level the homes need."),),
            ("waste heat", "district heating", "heat pumps"),
        ),
        image="abwaerme",
    ),
)

DORMAGEN_STORIES = (
    Story(
        DORMAGEN,
        D(2010, 11, 25),
        (c.RHEINBOGEN, c.ZONSER_FELD),
        ("Dormagen",),
        StoryText(
            "Lokale Allianz Dormagen gegründet",
            "Unter dem Dach der Regionalen Allianz Düsseldorf gründen Unternehmen, Stadt "
            "und Umweltverband die Lokale Allianz Dormagen.",
            (
                paragraph(
                    "Zweimal im Jahr soll ein Bürgerdialog über den Chemiestandort stattfinden."
                ),
            ),
            ("Allianz", "Gründung"),
        ),
        StoryText(
            "Local Alliance Dormagen founded",
            "Under the roof of the Regional Alliance Düsseldorf, companies, town and "
            "environmental association found the Local Alliance Dormagen.",
            (
                paragraph(
                    "A citizens' dialogue about the chemical site is to take place twice a year."
                ),
            ),
            ("alliance", "founding"),
        ),
        image="auftakt",
    ),
    Story(
        DORMAGEN,
        D(2011, 3, 24),
        (c.RHEINBOGEN,),
        ("Dormagen",),
        StoryText(
            "Rheinbogen Polymere verwertet eigene Kunststoffabfälle",
            "Angüsse, Fehlchargen und Randstreifen aus der Produktion werden gemahlen "
            "und wieder eingesetzt.",
            (
                paragraph("Was früher in die Verbrennung ging, wird heute zu neuem Kunststoff."),
                key_fact("95 %", "der Produktionsabfälle werden wiederverwertet"),
            ),
            ("Kunststoff", "Kreislaufwirtschaft"),
        ),
        StoryText(
            "Rheinbogen Polymere recycles its own plastic waste",
            "Sprues, off-spec batches and edge trims from production are ground and used again.",
            (
                paragraph("What used to be incinerated now becomes new plastic."),
                key_fact("95 %", "of production waste is recycled"),
            ),
            ("plastics", "circular economy"),
        ),
        image="kunststoff",
    ),
    Story(
        DORMAGEN,
        D(2011, 8, 18),
        (c.AUENFELD,),
        ("Dormagen",),
        StoryText(
            "Werksfeuerwehr und Stadt üben gemeinsam",
            "Werksfeuerwehr des Chemieparks und Freiwillige Feuerwehr Dormagen proben "
            "den Ernstfall.",
            (
                paragraph(
                    "Die Übung zeigte, wie Warnungen an die Nachbarschaft schneller ankommen "
                    "können. Die Allianz lud danach zu einem Informationsabend ein."
                ),
            ),
            ("Sicherheit", "Nachbarschaftsdialog"),
        ),
        StoryText(
            "Plant fire brigade and town practise together",
            "The chemical park's fire brigade and Dormagen's volunteer fire brigade "
            "rehearse an emergency.",
            (
                paragraph(
                    "The exercise showed how warnings can reach the neighbourhood faster. "
                    "The alliance then invited people to an information evening."
                ),
            ),
            ("safety", "neighbourhood dialogue"),
        ),
    ),
    Story(
        DORMAGEN,
        D(2012, 4, 26),
        (c.ZONSER_FELD,),
        ("Dormagen",),
        StoryText(
            "Enzyme aus Zons: Waschmittel wirken schon bei 20 Grad",
            "Zonser Feld Biotech entwickelt Enzyme, die Flecken auch in kaltem Wasser lösen.",
            (
                paragraph(
                    "Wer bei 20 statt 40 Grad wäscht, spart rund die Hälfte der Energie "
                    "eines Waschgangs."
                ),
                key_fact("20 °C", "Waschtemperatur"),
            ),
            ("Biotechnologie", "Energieeffizienz"),
        ),
        StoryText(
            "Enzymes from Zons: detergents work at just 20 degrees",
            "Zonser Feld Biotech develops enzymes that remove stains even in cold water.",
            (
                paragraph(
                    "Washing at 20 instead of 40 degrees saves around half the energy of a "
                    "wash cycle."
                ),
                key_fact("20 °C", "washing temperature"),
            ),
            ("biotechnology", "energy efficiency"),
        ),
        image="biotech",
    ),
    Story(
        DORMAGEN,
        D(2012, 10, 11),
        (c.AUENFELD,),
        ("Dormagen",),
        StoryText(
            "Klärschlamm liefert Phosphor zurück",
            "In einer Versuchsanlage gewinnt Auenfeld Chemie Phosphor aus der Asche von "
            "Klärschlamm.",
            (
                paragraph(
                    "Phosphor ist ein knapper Rohstoff für Düngemittel. Die Anlage zeigt, "
                    "wie er im Land bleiben kann."
                ),
            ),
            ("Phosphorrückgewinnung", "Kreislaufwirtschaft"),
        ),
        StoryText(
            "Sewage sludge gives back phosphorus",
            "In a trial plant Auenfeld Chemie recovers phosphorus from sewage sludge ash.",
            (
                paragraph(
                    "Phosphorus is a scarce raw material for fertilisers. The plant shows "
                    "how it can stay in the country."
                ),
            ),
            ("phosphorus recovery", "circular economy"),
        ),
    ),
    Story(
        DORMAGEN,
        D(2013, 6, 20),
        (c.AUENFELD,),
        ("Dormagen",),
        StoryText(
            "Dampferzeugung mit weniger Erdgas",
            "Eine neue Kraft-Wärme-Kopplungsanlage versorgt den Standort Dormagen mit "
            "Strom und Dampf.",
            (
                paragraph(
                    "Die Anlage nutzt den Brennstoff fast doppelt so gut wie die getrennte "
                    "Erzeugung von Strom und Dampf."
                ),
            ),
            ("Kraft-Wärme-Kopplung", "Energieeffizienz"),
        ),
        StoryText(
            "Steam generation with less natural gas",
            "A new combined heat and power plant supplies the Dormagen site with power and steam.",
            (
                paragraph(
                    "The plant uses its fuel almost twice as well as making power and steam "
                    "separately."
                ),
            ),
            ("combined heat and power", "energy efficiency"),
        ),
    ),
    Story(
        DORMAGEN,
        D(2014, 9, 4),
        (c.RHEINBOGEN, c.AUENFELD),
        ("Dormagen",),
        StoryText(
            "Bürgerdialog: 400 Dormagenerinnen und Dormagener diskutieren über den Chemiestandort",
            "Beim Bürgerdialog der Lokalen Allianz ging es um Verkehr, Sicherheit und "
            "neue Arbeitsplätze.",
            (
                paragraph(
                    "Die Unternehmen beantworteten Fragen an Thementischen. Der Umweltverband "
                    "stellte seine Forderungen vor."
                ),
                key_fact("400", "Teilnehmende"),
            ),
            ("Nachbarschaftsdialog", "Bürgerbeteiligung"),
        ),
        StoryText(
            "Citizens' dialogue: 400 people of Dormagen discuss the chemical site",
            "The local alliance's citizens' dialogue was about traffic, safety and new jobs.",
            (
                paragraph(
                    "The companies answered questions at themed tables. The environmental "
                    "association presented its demands."
                ),
                key_fact("400", "participants"),
            ),
            ("neighbourhood dialogue", "public participation"),
        ),
    ),
    Story(
        DORMAGEN,
        D(2015, 2, 12),
        (c.RHEINBOGEN, c.ZONSER_FELD),
        ("Dormagen",),
        StoryText(
            "Biobasierter Kunststoff aus Zuckerrüben",
            "Rheinbogen Polymere und Zonser Feld Biotech stellen einen Kunststoff vor, "
            "dessen Grundstoff aus Zucker gewonnen wird.",
            (
                paragraph(
                    "Die Zuckerrüben wachsen auf Feldern in der Region. Der neue Kunststoff "
                    "eignet sich für Verpackungen und technische Teile."
                ),
            ),
            ("Biokunststoff", "Kunststoff", "Biotechnologie"),
        ),
        StoryText(
            "Bio-based plastic from sugar beet",
            "Rheinbogen Polymere and Zonser Feld Biotech present a plastic whose base "
            "material is made from sugar.",
            (
                paragraph(
                    "The sugar beet grows on fields in the region. The new plastic suits "
                    "packaging and technical parts."
                ),
            ),
            ("bioplastics", "plastics", "biotechnology"),
        ),
        image="biotech",
    ),
    Story(
        DORMAGEN,
        D(2024, 4, 18),
        (c.AUENFELD, c.VESTWIND),
        ("Dormagen",),
        StoryText(
            "Wasserstoffelektrolyse für den Chemiestandort Dormagen geplant",
            "Auenfeld Chemie und Vestwind planen eine Elektrolyse, die Wasserstoff direkt "
            "am Standort erzeugt.",
            (
                paragraph(
                    "Die Lokale Allianz stellt das Vorhaben im nächsten Bürgerdialog vor, "
                    "bevor das Genehmigungsverfahren beginnt."
                ),
            ),
            ("Wasserstoff", "Nachbarschaftsdialog"),
        ),
        StoryText(
            "Hydrogen electrolysis planned for the Dormagen chemical site",
            "Auenfeld Chemie and Vestwind plan an electrolysis plant that makes hydrogen "
            "directly on site.",
            (
                paragraph(
                    "The local alliance will present the project at the next citizens' "
                    "dialogue, before the permit procedure starts."
                ),
            ),
            ("hydrogen", "neighbourhood dialogue"),
        ),
        image="wasserstoff",
    ),
)

KOELN_STORIES = (
    Story(
        KOELN,
        D(2011, 9, 22),
        (c.DOMBLICK, c.AUENFELD),
        ("Regierungsbezirk Köln", "Leverkusen"),
        StoryText(
            "Regionale Allianz Köln gegründet",
            "Fahrzeugbau, Chemie, Gewerkschaft und Forschung gründen in Leverkusen die "
            "zweite regionale Allianz des Landes.",
            (
                paragraph(
                    "Der Gründung ging ein Strategieworkshop mit der Geschäftsstelle voraus. "
                    "Als erstes Vorhaben plant die Allianz offene Werkstore im Frühjahr."
                ),
                key_fact("24", "Partner bei der Gründung"),
            ),
            ("Allianz", "Gründung"),
        ),
        StoryText(
            "Regional Alliance Cologne founded",
            "Vehicle makers, chemicals, the union and research found the state's second "
            "regional alliance in Leverkusen.",
            (
                paragraph(
                    "A strategy workshop with the coordination office preceded the founding. "
                    "As its first project the alliance plans open factory gates in spring."
                ),
                key_fact("24", "partners at the founding"),
            ),
            ("alliance", "founding"),
        ),
        image="auftakt",
    ),
    Story(
        KOELN,
        D(2012, 4, 26),
        (c.DOMBLICK,),
        ("Köln",),
        StoryText(
            "Offene Werkstore: 3.000 Kölnerinnen und Kölner besuchen den Fahrzeugbau",
            "Domblick Fahrzeugtechnik zeigt an einem Samstag, wie Karosserieteile aus "
            "Naturfasern entstehen.",
            (
                paragraph(
                    "Auszubildende führten durch die Hallen und erklärten die Pressen. "
                    "Viele Gäste fragten nach Ausbildungsplätzen für das nächste Jahr."
                ),
                key_fact("3.000", "Besucherinnen und Besucher"),
            ),
            ("Tag der offenen Tür", "Ausbildung", "Mobilität"),
        ),
        StoryText(
            "Open factory gates: 3,000 people of Cologne visit the vehicle plant",
            "Domblick Fahrzeugtechnik shows on a Saturday how body parts are made from "
            "natural fibres.",
            (
                paragraph(
                    "Apprentices guided the visitors through the halls and explained the "
                    "presses. Many guests asked about apprenticeships for the next year."
                ),
                key_fact("3,000", "visitors"),
            ),
            ("open day", "apprenticeships", "mobility"),
        ),
    ),
    Story(
        KOELN,
        D(2013, 10, 10),
        (c.AUENFELD,),
        ("Leverkusen",),
        StoryText(
            "Leverkusener Chemiepark spart Wasser: Kühlkreislauf geschlossen",
            "Auenfeld Chemie führt das Kühlwasser zweier Anlagen im Kreis, statt es dem "
            "Rhein zu entnehmen.",
            (
                paragraph(
                    "Der geschlossene Kreislauf senkt die Wasserentnahme und die Erwärmung "
                    "des Flusses. Die Nachbarschaft wurde im Bürgerbüro informiert."
                ),
                key_fact("40 %", "weniger Wasserentnahme aus dem Rhein"),
            ),
            ("Wasser", "Chemie", "Ressourceneffizienz"),
        ),
        StoryText(
            "Leverkusen chemical park saves water: cooling circuit closed",
            "Auenfeld Chemie circulates the cooling water of two plants instead of "
            "drawing it from the Rhine.",
            (
                paragraph(
                    "The closed circuit lowers water withdrawal and the warming of the "
                    "river. The neighbours were informed at the citizens' office."
                ),
                key_fact("40 %", "less water drawn from the Rhine"),
            ),
            ("water", "chemicals", "resource efficiency"),
        ),
        image="chempark",
    ),
    Story(
        KOELN,
        D(2015, 6, 11),
        (c.DOMBLICK, c.AUENFELD),
        ("Köln", "Leverkusen"),
        StoryText(
            "Kunststoff aus Kohlendioxid für Autositze",
            "Auenfeld Chemie liefert einen Schaumstoff, der zum Teil aus CO₂ besteht; "
            "Domblick baut ihn in Sitze ein.",
            (
                paragraph(
                    "Bis zu einem Fünftel des Erdöls im Schaumstoff wird durch Kohlendioxid "
                    "ersetzt. Die Sitze bestehen dieselben Prüfungen wie bisher."
                ),
                quote(
                    "Aus einem Abgas wird ein Rohstoff. Das zeigen wir gern jedem, der fragt.",
                    "Jana Schmitz-Öztürk, Regionale Allianz Köln (Demo-Person)",
                ),
            ),
            ("Kohlendioxid", "Kunststoff", "Mobilität"),
        ),
        StoryText(
            "Plastic from carbon dioxide for car seats",
            "Auenfeld Chemie supplies a foam made partly from CO₂; Domblick builds it into seats.",
            (
                paragraph(
                    "Up to a fifth of the oil in the foam is replaced by carbon dioxide. The "
                    "seats pass the same tests as before."
                ),
                quote(
                    "An exhaust gas becomes a raw material. We are glad to show that to "
                    "anyone who asks.",
                    "Jana Schmitz-Öztürk, Regional Alliance Cologne (demo person)",
                ),
            ),
            ("carbon dioxide", "plastics", "mobility"),
        ),
        image="kunststoff",
    ),
    Story(
        KOELN,
        D(2023, 11, 16),
        (c.DOMBLICK,),
        ("Köln",),
        StoryText(
            "Solardach über dem Kölner Presswerk geht in Betrieb",
            "Domblick Fahrzeugtechnik deckt ein Viertel des Strombedarfs seines "
            "Presswerks mit Sonnenstrom vom eigenen Dach.",
            (
                paragraph(
                    "Die Anlage bedeckt die Hallendächer vollständig. An Wochenenden fließt "
                    "der Überschuss in das Netz der Stadtwerke."
                ),
                key_fact("25 %", "des Strombedarfs vom eigenen Dach"),
            ),
            ("Solarenergie", "Energiewende"),
        ),
        StoryText(
            "Solar roof over the Cologne press shop goes into operation",
            "Domblick Fahrzeugtechnik covers a quarter of its press shop's electricity "
            "with solar power from its own roof.",
            (
                paragraph(
                    "The plant covers the hall roofs completely. At weekends the surplus "
                    "flows into the municipal utility's grid."
                ),
                key_fact("25 %", "of the electricity from its own roof"),
            ),
            ("solar energy", "energy transition"),
        ),
        image="solar",
    ),
)

STORIES = STATE_STORIES + DUESSELDORF_STORIES + DORMAGEN_STORIES + KOELN_STORIES
