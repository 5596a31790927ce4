package be.coordinaat.policy;

import be.coordinaat.policy.Forms.PilotForm;
import be.coordinaat.shared.DemoContributor;
import be.coordinaat.shared.RecordChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo policy of the Regenboog school: an approved vision with a newer draft, an approved policy plan 2026–2029 with
 * goals and actions in several states (one overdue, one without owner), a pilot, the staff and pupils' acceptable-use
 * policies and the security baseline; the Atheneum gets an approved vision and a draft plan, for the scope tests.
 */
@Component
@Order(80)
class PolicyDemoData implements DemoContributor {

    private static final String COORDINATOR = "Koen Coördinator (coordinator)";
    private static final String DIRECTOR = "Dirk Directeur (director)";

    private final JdbcClient jdbc;
    private final Visions visions;
    private final PolicyPlans plans;
    private final Pilots pilots;
    private final AcceptableUse aup;
    private final SecurityBaseline baseline;
    private final PolicyAccess access;

    PolicyDemoData(JdbcClient jdbc, Visions visions, PolicyPlans plans, Pilots pilots, AcceptableUse aup, SecurityBaseline baseline,
            PolicyAccess access) {
        this.jdbc = jdbc;
        this.visions = visions;
        this.plans = plans;
        this.pilots = pilots;
        this.aup = aup;
        this.baseline = baseline;
        this.access = access;
    }

    @Override
    public void contribute(DemoBoard board) {
        long a = board.schools().get("regenboog");
        long b = board.schools().get("atheneum");
        Long coordinator = board.users().get("coordinator");
        Long teacher = board.users().get("teacher");
        Long technician = board.users().get("technician");
        long bid = board.boardId();

        visions.insertDemo(bid, a, 1, """
                ICT ondersteunt bij ons het leren, niet omgekeerd. Digitale middelen zetten we in waar ze leerlingen meer laten \
                oefenen, differentiëren of creëren dan op papier mogelijk is.

                We kiezen voor één leerplatform (Smartschool) en één soort toestel per graad, zodat leraren hun tijd aan \
                didactiek besteden en niet aan techniek.

                Mediawijsheid en veilig online gedrag horen in elk leerjaar thuis, van de kleuters tot het zesde leerjaar.""",
                ApprovalStatus.APPROVED, COORDINATOR);
        visions.insertDemo(bid, a, 2, """
                ICT ondersteunt bij ons het leren, niet omgekeerd. Digitale middelen zetten we in waar ze leerlingen meer laten \
                oefenen, differentiëren of creëren dan op papier mogelijk is.

                We kiezen voor één leerplatform (Smartschool) en één soort toestel per graad, zodat leraren hun tijd aan \
                didactiek besteden en niet aan techniek.

                Vanaf het derde leerjaar leren leerlingen programmeren en computationeel denken, met Scratch en robots.

                Mediawijsheid en veilig online gedrag horen in elk leerjaar thuis, van de kleuters tot het zesde leerjaar.""",
                ApprovalStatus.DRAFT, COORDINATOR);
        visions.insertDemo(bid, b, 1, """
                Het atheneum bereidt leerlingen voor op hoger onderwijs en werk in een digitale samenleving. Elke leerling \
                werkt met een eigen laptop; leraren gebruiken digitale middelen doelgericht en evalueren ze samen.""",
                ApprovalStatus.APPROVED, "An Beheerder (admin)");

        LocalDate today = PolicyAccess.today();
        int year = PolicyAccess.schoolYearEnd(today).getYear() - 1;
        long plan = jdbc.sql("""
                INSERT INTO policy_plan (board_id, school_id, title, start_year, end_year, status, submitted_at, submitted_by_name,
                                         decided_at, decided_by_name, remarks)
                VALUES (?, ?, 'ICT-beleidsplan', ?, ?, 'APPROVED', now() - interval '40 days', ?, now() - interval '35 days', ?,
                        'Akkoord; graag een tussentijdse stand van zaken in juni.') RETURNING id""")
                .params(bid, a, year, year + 3, COORDINATOR, DIRECTOR).query(Long.class).single();
        access.publish(bid, PolicyPlans.PLAN, plan, a, RecordChanged.CREATED, "ICT-beleidsplan", Map.of("status", ApprovalStatus.APPROVED));
        long g1 = goal(bid, plan, a, 1, "Alle leraren gebruiken het leerplatform voor huiswerk en communicatie",
                "Aandeel leraren dat wekelijks taken via Smartschool geeft", "90 % van de leraren", LocalDate.of(year + 1, 6, 30),
                "PEDAGOGY_IMPLEMENTATION", "{A2}");
        long g2 = goal(bid, plan, a, 2, "Elke leerling van de derde graad heeft een eigen toestel",
                "Aantal toestellen per leerling in het 5de en 6de leerjaar", "1 toestel per leerling", LocalDate.of(year + 2, 9, 1),
                "INFRASTRUCTURE_EQUIPMENT", "{A1,A4}");
        long g3 = goal(bid, plan, a, 3, "Leerlingen leren programmeren vanaf het derde leerjaar",
                "Lessen programmeren per klas per trimester", "minstens 3 lessen per trimester", LocalDate.of(year + 3, 6, 30),
                "LEARNERS_DIGITAL_COMPETENCE", "{A2,A3,B}");
        action(bid, g1, plan, a, "Vorming Smartschool-taken voor het hele team", coordinator, today.minusMonths(2), today.minusDays(20),
                "SHORT", "DONE", new BigDecimal("350.00"), "Vorming gegeven op de pedagogische studiedag; 24 deelnemers.", null);
        action(bid, g1, plan, a, "Afspraken over huiswerk in Smartschool opnemen in het schoolreglement", coordinator,
                today.minusMonths(1), today.minusDays(5), "SHORT", "IN_PROGRESS", null, null, null);
        action(bid, g2, plan, a, "Offertes vragen voor 50 Chromebooks", technician, today, today.plusMonths(2), "SHORT", "PLANNED",
                null, null, null);
        action(bid, g2, plan, a, "Laadkar en wifi in de klassen van de derde graad", null, today.plusMonths(3), LocalDate.of(year + 2, 6, 30),
                "LONG", "PLANNED", new BigDecimal("4800.00"), null, null);
        action(bid, g3, plan, a, "Leerlijn programmeren uitschrijven met de werkgroep", teacher, today.minusMonths(1), today.plusMonths(4),
                "SHORT", "IN_PROGRESS", null, null, null);
        action(bid, g3, plan, a, "Set Bee-Bots per klas aankopen", coordinator, null, LocalDate.of(year + 1, 3, 31), "LONG", "CANCELLED",
                new BigDecimal("900.00"), "Vervangen door de robots uit de uitleendienst van de scholengemeenschap.", null);
        jdbc.sql("INSERT INTO policy_comment (plan_id, school_id, goal_id, author_id, author_name, body, created_at) VALUES (?, ?, ?, ?, ?, ?, now() - interval '38 days')")
                .params(plan, a, g2, board.users().get("director"), DIRECTOR,
                        "Kunnen we de toestellen over twee schooljaren spreiden? Dan past het beter in het werkingsbudget.").update();
        plans.demoSnapshot(plan, a, DIRECTOR);

        long draft = jdbc.sql("""
                INSERT INTO policy_plan (board_id, school_id, title, start_year, end_year, status)
                VALUES (?, ?, 'Digitale school 2026-2030', ?, ?, 'DRAFT') RETURNING id""").params(bid, b, year, year + 4)
                .query(Long.class).single();
        access.publish(bid, PolicyPlans.PLAN, draft, b, RecordChanged.CREATED, "Digitale school 2026-2030", Map.of("status", ApprovalStatus.DRAFT));
        goal(bid, draft, b, 1, "Elke leerling werkt met een eigen laptop", "Aandeel leerlingen met een eigen laptop", "100 %",
                LocalDate.of(year + 2, 9, 1), "INFRASTRUCTURE_EQUIPMENT", "{A4}");

        pilots.insertDemo(bid, new PilotForm(a, "Programmeren met Bee-Bots in het tweede leerjaar",
                "Leerlingen programmeren in groepjes een route op een mat met letters en getallen.", "2A", "Bee-Bot", null, teacher,
                null, today.minusMonths(3), today.minusMonths(1),
                "Leerlingen waren zeer betrokken; oefenen van richtingen en tellen ging vlotter. Vijf robots per klas is genoeg.",
                ScaleUp.YES, List.of(g3), null));

        long staffAup = aup.insert(bid, a, AupAudience.STAFF, 1, "ICT-reglement voor personeelsleden", """
                1. Je account is persoonlijk: deel je wachtwoord met niemand en gebruik tweestapsverificatie.

                2. Persoonsgegevens van leerlingen bewaar je alleen in de toepassingen die de school daarvoor kiest.

                3. Meld een verloren toestel of een vermoeden van een datalek meteen aan de ICT-coördinator.""",
                AupStatus.PUBLISHED, COORDINATOR);
        access.publish(bid, AcceptableUse.TYPE, staffAup, a, RecordChanged.CREATED, AcceptableUse.label(AupAudience.STAFF, 1),
                Map.of("status", AupStatus.PUBLISHED));
        long pupilAup = aup.insert(bid, a, AupAudience.PUPILS, 1, "ICT-afspraken voor leerlingen", """
                Ik ga zorgvuldig om met de toestellen van de school.

                Ik gebruik alleen mijn eigen account en hou mijn wachtwoord geheim.

                Ik ben vriendelijk online en vertel het aan de juf of meester als iets niet oké voelt.""",
                AupStatus.PUBLISHED, COORDINATOR);
        access.publish(bid, AcceptableUse.TYPE, pupilAup, a, RecordChanged.CREATED, AcceptableUse.label(AupAudience.PUPILS, 1),
                Map.of("status", AupStatus.PUBLISHED));

        baseline.seed(bid, a, true);
        baseline.demoState(a, BaselineStandard.MFA_STAFF, BaselineStatus.PARTIAL, coordinator,
                "Tweestapsverificatie actief voor 18 van de 26 personeelsleden (Microsoft 365).", today.plusMonths(1));
        baseline.demoState(a, BaselineStandard.BACKUPS_TESTED, BaselineStatus.DONE, technician,
                "Hersteltest van de NAS uitgevoerd door de gemeentelijke ICT-dienst.", today.plusMonths(6));
        baseline.demoState(a, BaselineStandard.WIFI_SEGMENTED, BaselineStatus.DONE, technician,
                "Aparte SSID's en VLAN's voor personeel, leerlingen en gasten.", today.minusDays(3));
        baseline.demoState(a, BaselineStandard.AWARENESS_TRAINING, BaselineStatus.NOT_STARTED, coordinator, null, null);
    }

    private long goal(long board, long plan, long school, int position, String title, String measure, String target, LocalDate deadline,
            String area, String themes) {
        long id = jdbc.sql("""
                INSERT INTO policy_goal (plan_id, school_id, position, title, measure, target, deadline, area, themes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS varchar[])) RETURNING id""")
                .params(plan, school, position, title, measure, target, deadline, area, themes).query(Long.class).single();
        access.publish(board, PolicyPlans.GOAL, id, school, RecordChanged.CREATED, title, Map.of("title", title));
        return id;
    }

    private void action(long board, long goal, long plan, long school, String title, Long owner, LocalDate start, LocalDate deadline,
            String horizon, String status, BigDecimal amount, String evidence, String url) {
        long id = jdbc.sql("""
                INSERT INTO policy_action (goal_id, plan_id, school_id, title, owner_user_id, start_date, deadline, horizon, status, amount,
                                           evidence, evidence_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(goal, plan, school, title, owner, start, deadline, horizon, status, amount, evidence, url).query(Long.class).single();
        access.publish(board, PolicyPlans.ACTION, id, school, RecordChanged.CREATED, title, Map.of("title", title, "status", status));
    }
}
