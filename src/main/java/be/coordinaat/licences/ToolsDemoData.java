package be.coordinaat.licences;

import static be.coordinaat.licences.ToolGrade.PRIMARY_1;
import static be.coordinaat.licences.ToolGrade.PRIMARY_2;
import static be.coordinaat.licences.ToolGrade.PRIMARY_3;
import static be.coordinaat.licences.ToolGrade.PRIMARY_4;
import static be.coordinaat.licences.ToolGrade.PRIMARY_5;
import static be.coordinaat.licences.ToolGrade.PRIMARY_6;
import static be.coordinaat.licences.ToolGrade.SECONDARY_1;
import static be.coordinaat.licences.ToolGrade.SECONDARY_2;
import static be.coordinaat.licences.ToolGrade.SECONDARY_3;
import static be.coordinaat.licences.ToolGrade.SECONDARY_4;
import static be.coordinaat.licences.ToolGrade.SECONDARY_5;
import static be.coordinaat.licences.ToolGrade.SECONDARY_6;

import be.coordinaat.licences.Forms.SoftwareForm;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.web.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo digital tools: in De Regenboog Bingel, Diddit and Kurzweil 3000 approved, Scratch piloted in the fifth and
 * sixth year until the end of the school year, Book Creator under evaluation (the teacher scored it, the coordinator
 * not yet), Kahoot! proposed by the teacher and Quizlet rejected for its advertising and tracking; in the atheneum
 * GeoGebra approved for mathematics and Sprint for pupils with dyslexia. Runs after the licences demo data.
 */
@Component
@Order(55)
class ToolsDemoData implements DemoContributor {

    private final DigitalTools tools;
    private final SoftwareCatalogue catalogue;
    private final JdbcClient jdbc;

    ToolsDemoData(DigitalTools tools, SoftwareCatalogue catalogue, JdbcClient jdbc) {
        this.tools = tools;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    @Override
    public void contribute(DemoBoard board) {
        long b = board.boardId();
        long rb = board.schools().get("regenboog");
        long at = board.schools().get("atheneum");
        long teacher = board.users().get("teacher");
        long coordinator = board.users().get("coordinator");
        String tine = "Tine Leerkracht";
        String koen = "Koen Coördinator";
        String dirk = "Dirk Directeur";
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate yearEnd = LocalDate.of(today.getMonthValue() >= 7 ? today.getYear() + 1 : today.getYear(), 6, 30);

        tool(b, rb, existing(b, "Bingel"), ToolStatus.ADOPTED, "Oefenen bij de methodes wiskunde en taal, thuis en in de klas; "
                + "de leerkracht volgt de resultaten per leerling.", List.of(ToolSubject.MATHS, ToolSubject.DUTCH),
                List.of(PRIMARY_1, PRIMARY_2, PRIMARY_3, PRIMARY_4, PRIMARY_5, PRIMARY_6), ToolCostModel.INCLUDED, null,
                coordinator, koen, dirk, "Hoort bij onze methodes; verwerkersovereenkomst met Van In getekend.");
        tool(b, rb, existing(b, "Diddit"), ToolStatus.ADOPTED, "Digitaal lesmateriaal en differentiatie bij de methodes van die Keure.",
                List.of(ToolSubject.MATHS, ToolSubject.DUTCH, ToolSubject.FRENCH, ToolSubject.WORLD_ORIENTATION),
                List.of(PRIMARY_3, PRIMARY_4, PRIMARY_5, PRIMARY_6), ToolCostModel.PER_PUPIL, null, coordinator, koen, dirk,
                "Goed beoordeeld door het team van de derde graad.");
        tool(b, rb, existing(b, "Kurzweil 3000"), ToolStatus.ADOPTED, "Voorleessoftware voor leerlingen met dyslexie, ook bij toetsen.",
                List.of(ToolSubject.SPECIAL_NEEDS, ToolSubject.DUTCH), List.of(PRIMARY_3, PRIMARY_4, PRIMARY_5, PRIMARY_6),
                ToolCostModel.PER_PUPIL, null, coordinator, koen, dirk, "Aanbevolen door het CLB; licentie per leerling met een attest.");
        tool(b, rb, created(b, "Scratch", "MIT Media Lab", "https://scratch.mit.edu"), ToolStatus.PILOTING,
                "Programmeren met blokken in de STEM-lessen van de derde graad; leerlingen werken zonder eigen account.",
                List.of(ToolSubject.ICT, ToolSubject.STEM), List.of(PRIMARY_5, PRIMARY_6), ToolCostModel.FREE, yearEnd, teacher,
                tine, koen, "Pilot in 5A en 6A; in juni beslissen we of alle klassen van de derde graad ermee werken.");
        long bookCreator = tool(b, rb, created(b, "Book Creator", "Tools for Schools Ltd", "https://bookcreator.com"),
                ToolStatus.UNDER_EVALUATION, "Leerlingen maken digitale prentenboeken met tekst, tekeningen en ingesproken "
                        + "geluid, bij het project rond lezen.", List.of(ToolSubject.DUTCH, ToolSubject.ARTS),
                List.of(PRIMARY_1, PRIMARY_2, PRIMARY_3), ToolCostModel.FREEMIUM, null, teacher, tine, null, null);
        tools.inviteDemo(bookCreator, teacher, koen);
        tools.inviteDemo(bookCreator, coordinator, koen);
        tools.evaluateDemo(bookCreator, teacher, tine, new int[] {5, 4, 4, 3, 4, 3}, ToolRecommendation.PILOT,
                "Heel motiverend voor de eerste graad; de gratis versie is beperkt tot 40 boeken.");
        tool(b, rb, created(b, "Kahoot!", "Kahoot! ASA", "https://kahoot.com/schools"), ToolStatus.PROPOSED,
                "Klassikale quizzen om leerstof te herhalen voor een toets, op de tablets van de klas.",
                List.of(ToolSubject.CROSS_CURRICULAR), List.of(PRIMARY_4, PRIMARY_5, PRIMARY_6), ToolCostModel.FREEMIUM, null,
                teacher, tine, null, null);
        tool(b, rb, created(b, "Quizlet", "Quizlet Inc.", "https://quizlet.com"), ToolStatus.REJECTED,
                "Woordenschat Frans inoefenen met flashcards.", List.of(ToolSubject.FRENCH), List.of(PRIMARY_5, PRIMARY_6),
                ToolCostModel.FREEMIUM, null, teacher, tine, koen,
                "Toont reclame en volgt leerlingen zonder verwerkersovereenkomst; Bingel en Diddit dekken dit al.");

        long geogebra = created(b, "GeoGebra", "GeoGebra GmbH", "https://www.geogebra.org");
        tool(b, at, geogebra, ToolStatus.ADOPTED, "Meetkunde, functies en statistiek dynamisch onderzoeken in alle graden.",
                List.of(ToolSubject.MATHS, ToolSubject.SCIENCE),
                List.of(SECONDARY_1, SECONDARY_2, SECONDARY_3, SECONDARY_4, SECONDARY_5, SECONDARY_6), ToolCostModel.FREE, null,
                coordinator, "Vakgroep wiskunde", "Directie atheneum", "Standaard in de vakgroep wiskunde; werkt zonder leerlingaccount.");
        tool(b, at, existing(b, "Sprint"), ToolStatus.ADOPTED, "Voorlees- en schrijfhulp voor leerlingen met dyslexie.",
                List.of(ToolSubject.SPECIAL_NEEDS), List.of(SECONDARY_1, SECONDARY_2, SECONDARY_3, SECONDARY_4, SECONDARY_5,
                        SECONDARY_6), ToolCostModel.PER_SCHOOL, null, coordinator, "Leerlingenbegeleiding atheneum",
                "Directie atheneum", "Schoollicentie; afgestemd met het CLB.");
    }

    private long existing(long board, String name) {
        return jdbc.sql("SELECT id FROM software WHERE board_id = ? AND name = ?").params(board, name).query(Long.class).single();
    }

    private long created(long board, String name, String vendor, String website) {
        return catalogue.insert(board, new SoftwareForm(name, SoftwareCategory.EDUCATIONAL_APP, vendor, null, null, null,
                website, null, null, List.of(), null), Map.of());
    }

    private long tool(long board, long school, long software, ToolStatus status, String purpose, List<ToolSubject> subjects,
            List<ToolGrade> grades, ToolCostModel cost, LocalDate pilotEnd, long proposer, String proposerName,
            String deciderName, String reason) {
        long id = tools.insertDemo(board, school, software, status, purpose, subjects, grades, cost, pilotEnd, proposer,
                proposerName, deciderName, reason);
        if (status.approved()) {
            jdbc.sql("INSERT INTO software_school (software_id, school_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(software, school).update();
        }
        return id;
    }
}
