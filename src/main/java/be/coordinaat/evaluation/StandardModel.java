package be.coordinaat.evaluation;

import java.util.List;

/**
 * The standard function description of the ICT coordinator, summarised in our own words from the official text,
 * as the starting model of every board. The board admin adapts it afterwards; it is data, not code, from then on.
 * A section without tasks (A) is a heading for the sections under it.
 */
final class StandardModel {
    private StandardModel() {}

    record Section(String code, String title, String intro, boolean requiresPedagogicalProof, List<String> tasks) {}

    static final String INTRO = "De ICT-coördinator";

    static final List<Section> SECTIONS = List.of(
            new Section("A", "Taken eigen aan de functie", null, false, List.of()),
            new Section("A.1", "Beleidsmatig", INTRO, false, List.of(
                    "Werkt vanuit de gedeelde visie van de school op kwaliteitsvol ICT-beleid.",
                    "Stimuleert dat ICT doorheen de hele school geïntegreerd wordt ingezet.",
                    "Adviseert bij de aankoop en de invoering van digitale middelen.",
                    "Stelt samen met de directeur plannen op voor de korte en de lange termijn.",
                    "Plant de ICT-aankopen binnen het budget van de school en volgt ze op.",
                    "Waakt erover dat ICT verantwoord en veilig wordt gebruikt.")),
            new Section("A.2", "Ondersteuning op maat", INTRO, false, List.of(
                    "Helpt collega's bij het kiezen van een passend digitaal middel.",
                    "Moedigt het gebruik van ICT aan en ondersteunt het.",
                    "Neemt deel aan vergaderingen en werkgroepen over het gebruik van ICT.",
                    "Houdt het team op de hoogte van het ICT-gebruik in de school.",
                    "Organiseert opleidingen rond ICT.",
                    "Sluit bij de ondersteuning aan bij de competenties die het personeelslid al heeft.")),
            new Section("A.3", "Pedagogisch-didactisch", INTRO, true, List.of(
                    "Bereidt het ICT-beleidsplan in overleg voor en werkt het uit.",
                    "Volgt het ICT-beleid van de school op en stuurt bij waar dat nodig is.",
                    "Zet samen met de leraren ICT op een vernieuwende en didactisch doordachte manier in.",
                    "Beoordeelt samen met de leraren educatieve digitale middelen.")),
            new Section("A.4", "Technisch", INTRO, false, List.of(
                    "Houdt de inventaris van de digitale middelen van de school bij.",
                    "Zorgt voor een correct licentiebeleid.",
                    "Staat in voor het onderhoud van hardware, netwerken en andere digitale middelen.",
                    "Verzorgt de technische ICT-helpdesk op de eerste lijn.",
                    "Beheert de digitale middelen, ook de administratieve software en de elektronische leeromgeving.",
                    "Beheert de websites en de sociale media van de school.",
                    "Regelt het beheer van gebruikers en hun toegang tot de digitale middelen.")),
            new Section("B", "De professionalisering", INTRO, false, List.of(
                    "Volgt de ontwikkelingen rond ICT in het onderwijs op.",
                    "Brengt op basis van gevolgde professionalisering vernieuwing rond ICT in het onderwijs binnen.",
                    "Verruimt de opgebouwde deskundigheid en deelt ze binnen de scholen volgens de gemaakte afspraken.",
                    "Reflecteert over het eigen denken en handelen en stuurt bij waar nodig.")),
            new Section("C", "Het overleg en de samenwerking met directie, collega's, gemeentelijke diensten en externe actoren",
                    INTRO, false, List.of(
                    "Werkt constructief samen en overlegt met de directie.",
                    "Overlegt met collega's, bijvoorbeeld in vergaderingen en werkgroepen.",
                    "Werkt samen met de betrokken gemeentelijke diensten, zoals de ICT-dienst en de technische dienst.",
                    "Werkt samen met de functionaris voor gegevensbescherming (DPO) van de gemeente.",
                    "Overlegt en werkt geregeld samen met de ICT-coördinatoren van de scholengemeenschap waartoe de school behoort.")));
}
