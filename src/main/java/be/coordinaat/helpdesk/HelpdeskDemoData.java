package be.coordinaat.helpdesk;

import be.coordinaat.shared.DemoContributor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo helpdesk: the board's category tree (Hardware › Laptop/Projector/Printer, Netwerk › Wifi, Software ›
 * Smartschool/Microsoft 365, Accounts), SLA defaults per priority, canned replies, and realistic tickets in both
 * schools — a flickering projector in B1, wifi dropping in the refter (escalated to the municipal ICT service), a
 * Smartschool password, toner, a QR report — in every status.
 */
@Component
@Order(70)
class HelpdeskDemoData implements DemoContributor {

    private final JdbcClient jdbc;
    private final Tickets tickets;

    HelpdeskDemoData(JdbcClient jdbc, Tickets tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    @Override
    public void contribute(DemoBoard board) {
        // demo tickets are history: nobody gets mail about them (not even once an SMTP server is set)
        HelpdeskMail.quietly(() -> fill(board));
    }

    private void fill(DemoBoard board) {
        long b = board.boardId();
        Map<String, Long> cat = new LinkedHashMap<>();
        long hardware = category(b, null, "Hardware", 1);
        cat.put("laptop", category(b, hardware, "Laptop", 1));
        cat.put("projector", category(b, hardware, "Projector", 2));
        cat.put("printer", category(b, hardware, "Printer", 3));
        long network = category(b, null, "Netwerk", 2);
        cat.put("wifi", category(b, network, "Wifi", 1));
        long software = category(b, null, "Software", 3);
        cat.put("smartschool", category(b, software, "Smartschool", 1));
        cat.put("m365", category(b, software, "Microsoft 365", 2));
        cat.put("accounts", category(b, null, "Accounts", 4));
        int[][] sla = {{1, 60, 480}, {2, 120, 960}, {3, 480, 2400}, {4, 960, 4800}};
        for (int[] s : sla) {
            jdbc.sql("INSERT INTO sla_target (board_id, priority, response_minutes, resolution_minutes) VALUES (?, ?, ?, ?)")
                    .params(b, s[0], s[1], s[2]).update();
        }
        canned(b, "Bedankt, we bekijken het", "Dag,\n\nBedankt voor je melding. We bekijken het zo snel mogelijk en houden je op de hoogte.\n\nGroeten,\nde ICT-coördinator");
        canned(b, "Opgelost? Laat het weten", "Dag,\n\nHet probleem zou opgelost moeten zijn. Werkt alles weer? Bevestig dan even via 'Mijn tickets'.\n\nGroeten");
        canned(b, "Doorgegeven aan de ICT-dienst", "Dag,\n\nWe hebben je melding doorgegeven aan de ICT-dienst van de gemeente. Zodra zij meer weten, hoor je van ons.");

        long regenboog = board.schools().get("regenboog");
        long atheneum = board.schools().get("atheneum");
        Long teacher = board.users().get("teacher");
        Long director = board.users().get("director");
        Long coordinator = board.users().get("coordinator");
        Long technician = board.users().get("technician");
        Long ictService = jdbc.sql("SELECT id FROM organisation WHERE board_id = ? AND kind = 'MUNICIPAL_ICT' ORDER BY id LIMIT 1")
                .param(b).query(Long.class).optional().orElse(null);
        Instant now = Instant.now();

        long projector = ticket(b, regenboog, TicketKind.INCIDENT, "Projector in lokaal B1 flikkert",
                "Sinds maandag flikkert het beeld van de projector in B1 om de paar minuten. Na herstarten is het even goed.",
                cat.get("projector"), Level.LOW, Level.HIGH, teacher, "Tine Leerkracht", asset(regenboog, "RB-000028"),
                board.rooms().get("RB-105"), coordinator, now.minus(Duration.ofDays(3)));
        reply(projector, regenboog, false, true, "Koen Coördinator", "Ik kom morgen tijdens de speeltijd kijken. Waarschijnlijk de HDMI-kabel of de lamp.", now.minus(Duration.ofDays(2)));
        status(projector, "IN_PROGRESS", now.minus(Duration.ofDays(2)));

        long wifi = ticket(b, regenboog, TicketKind.INCIDENT, "Wifi valt weg in de refter",
                "Tijdens de middag valt de wifi in de refter telkens weg. De leerlingen van het 6de kunnen hun Chromebooks niet gebruiken.",
                cat.get("wifi"), Level.HIGH, Level.MEDIUM, director, "Dirk Directeur", asset(regenboog, "RB-000032"), null,
                coordinator, now.minus(Duration.ofDays(5)));
        note(wifi, regenboog, "Koen Coördinator", "Access point herstart, zelfde probleem. Vermoedelijk interferentie of een defecte PoE-poort.", now.minus(Duration.ofDays(4)));
        if (ictService != null) {
            escalation(wifi, regenboog, ictService, "ICT-2026-0412", "Graag nakijken van het access point en de switchpoort.",
                    now.minus(Duration.ofDays(4)), null);
            jdbc.sql("UPDATE ticket SET escalated_org_id = ?, external_reference = 'ICT-2026-0412' WHERE id = ?")
                    .params(ictService, wifi).update();
        }
        status(wifi, "WAITING_THIRD_PARTY", now.minus(Duration.ofDays(4)));

        long password = ticket(b, regenboog, TicketKind.REQUEST, "Wachtwoord Smartschool vergeten",
                "Ik kan niet meer inloggen op Smartschool. Kan mijn wachtwoord gereset worden?", cat.get("smartschool"),
                Level.LOW, Level.MEDIUM, teacher, "Tine Leerkracht", null, null, coordinator, now.minus(Duration.ofDays(8)));
        reply(password, regenboog, false, true, "Koen Coördinator", "Je wachtwoord is gereset. Je krijgt een mail van Smartschool met een tijdelijk wachtwoord.", now.minus(Duration.ofDays(8).minusHours(2)));
        status(password, "SOLVED", now.minus(Duration.ofDays(8).minusHours(2)));

        ticket(b, regenboog, TicketKind.REQUEST, "Toner printer leraarskamer bijna op",
                "De Brother in de leraarskamer meldt 'toner bijna op' (zwart). Is er nog een reservetoner?", cat.get("printer"),
                Level.LOW, Level.LOW, teacher, "Tine Leerkracht", asset(regenboog, "RB-000035"), board.rooms().get("RB-105"),
                null, now.minus(Duration.ofHours(20)));

        long qr = tickets.insert(new Tickets.NewTicket(b, regenboog, TicketKind.INCIDENT,
                "RB-000001: Chromebook laadt niet meer op", "Chromebook laadt niet meer op, ook niet in de laadkar.", null,
                Level.MEDIUM, Level.MEDIUM, TicketSource.PUBLIC, null, null, "Lotte (5A)", null, asset(regenboog, "RB-000001"),
                null, null, null, null, now.minus(Duration.ofHours(3))), new Tickets.Refs(null, "RB-000001", null, null));
        touch(qr);

        long hdmi = ticket(b, atheneum, TicketKind.INCIDENT, "Projector AT-101 geeft geen beeld via HDMI",
                "Laptop aangesloten via HDMI, projector zegt 'geen signaal'. Via de Chromecast werkt het wel.",
                cat.get("projector"), Level.MEDIUM, Level.HIGH, null, "Pieter Lannoo", asset(atheneum, "AT-000014"),
                board.rooms().get("AT-101"), technician, now.minus(Duration.ofDays(1)));
        jdbc.sql("UPDATE ticket SET requester_user_id = NULL, requester_email = 'pieter.lannoo@zonnebeke-demo.be' WHERE id = ?")
                .param(hdmi).update();

        long m365 = ticket(b, atheneum, TicketKind.REQUEST, "Microsoft 365-account voor nieuwe collega",
                "Vanaf 1 maart start een nieuwe leerkracht Frans. Graag een Microsoft 365-account en toegang tot Smartschool.",
                cat.get("m365"), Level.LOW, Level.MEDIUM, null, "Marc Verstraete", null, null, technician,
                now.minus(Duration.ofDays(2)));
        reply(m365, atheneum, false, true, "Theo Technicus", "Wat is de volledige naam en het stamboeknummer van de nieuwe collega?", now.minus(Duration.ofDays(1)));
        status(m365, "WAITING_REQUESTER", now.minus(Duration.ofDays(1)));
        jdbc.sql("UPDATE ticket SET sla_paused_at = ? WHERE id = ?").params(Tickets.ts(now.minus(Duration.ofDays(1))), m365).update();

        long ap = ticket(b, atheneum, TicketKind.INCIDENT, "Access point AT-101 knippert oranje",
                "Het access point aan het plafond in AT-101 knippert oranje; geen wifi in de klas.", cat.get("wifi"),
                Level.MEDIUM, Level.MEDIUM, technician, "Theo Technicus", asset(atheneum, "AT-000017"),
                board.rooms().get("AT-101"), technician, now.minus(Duration.ofDays(10)));
        if (ictService != null) {
            escalation(ap, atheneum, ictService, "ICT-2026-0388", null, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(7)));
            note(ap, atheneum, "Theo Vanneste (ICT-dienst)", "Firmware van het access point bijgewerkt en opnieuw geadopteerd in de controller.", now.minus(Duration.ofDays(7)));
        }
        status(ap, "IN_PROGRESS", now.minus(Duration.ofDays(7)));
    }

    private long category(long board, Long parent, String name, int position) {
        return jdbc.sql("INSERT INTO ticket_category (board_id, parent_id, name, position) VALUES (?, ?, ?, ?) RETURNING id")
                .params(board, parent, name, position).query(Long.class).single();
    }

    private void canned(long board, String title, String body) {
        jdbc.sql("INSERT INTO canned_reply (board_id, title, body) VALUES (?, ?, ?)").params(board, title, body).update();
    }

    private Long asset(long school, String tag) {
        return jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = ?").params(school, tag).query(Long.class)
                .optional().orElse(null);
    }

    private long ticket(long board, long school, TicketKind kind, String title, String description, Long category,
            Level impact, Level urgency, Long requester, String requesterName, Long asset, Long room, Long assignee,
            Instant created) {
        String email = requester == null ? null
                : jdbc.sql("SELECT email FROM app_user WHERE id = ?").param(requester).query(String.class).single();
        long id = tickets.insert(new Tickets.NewTicket(board, school, kind, title, description, category, impact, urgency,
                TicketSource.WEB, requester, null, requesterName, email, asset, room, null, assignee, null, created),
                new Tickets.Refs(null, null, null, null));
        touch(id);
        return id;
    }

    private void touch(long id) {
        jdbc.sql("UPDATE ticket SET updated_at = created_at WHERE id = ?").param(id).update();
    }

    private void reply(long ticket, long school, boolean internal, boolean staff, String author, String body, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_reply (ticket_id, school_id, internal, from_staff, source, body, author_name, created_at)
                VALUES (?, ?, ?, ?, 'WEB', ?, ?, ?)""").params(ticket, school, internal, staff, body, author, Tickets.ts(at)).update();
        if (staff && !internal) {
            jdbc.sql("UPDATE ticket SET first_response_at = coalesce(first_response_at, ?), updated_at = ? WHERE id = ?")
                    .params(Tickets.ts(at), Tickets.ts(at), ticket).update();
        }
    }

    private void note(long ticket, long school, String author, String body, Instant at) {
        reply(ticket, school, true, true, author, body, at);
    }

    private void escalation(long ticket, long school, long organisation, String reference, String note, Instant start,
            Instant end) {
        jdbc.sql("""
                INSERT INTO ticket_escalation (ticket_id, school_id, organisation_id, reference, note, started_at,
                                               started_by_name, ended_at, ended_by_name)
                VALUES (?, ?, ?, ?, ?, ?, 'Koen Coördinator', ?, ?)""")
                .params(ticket, school, organisation, reference, note, Tickets.ts(start), Tickets.ts(end),
                        end == null ? null : "Theo Vanneste (ICT-dienst)").update();
    }

    private void status(long ticket, String status, Instant at) {
        jdbc.sql("""
                UPDATE ticket SET status = ?, updated_at = ?, solved_at = CASE WHEN CAST(? AS text) = 'SOLVED' THEN CAST(? AS timestamptz) END
                WHERE id = ?""").params(status, Tickets.ts(at), status, Tickets.ts(at), ticket).update();
    }
}
