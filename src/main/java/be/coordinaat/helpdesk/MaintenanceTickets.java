package be.coordinaat.helpdesk;

import be.coordinaat.maintenance.MaintenanceCheckFailed;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens an incident for every failed maintenance check, in the transaction that completes the occurrence (so a
 * completion that rolls back leaves no ticket): in the school of the plan, on the asset and room of the check, in a
 * "Hardware"-like category when the school has one, reported by the account that did the check. The text is in the
 * school's language (nl-BE).
 */
@Component
class MaintenanceTickets {

    static final Locale SCHOOL_LOCALE = Locale.forLanguageTag("nl-BE");

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final MessageSource messages;

    MaintenanceTickets(JdbcClient jdbc, Tickets tickets, MessageSource messages) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.messages = messages;
    }

    @EventListener
    void checkFailed(MaintenanceCheckFailed e) {
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(e.schoolId()).query(Long.class).single();
        record Named(long id, String name) {}
        Named asset = e.assetId() == null ? null : jdbc.sql("SELECT id, tag FROM asset WHERE id = ? AND school_id = ?")
                .params(e.assetId(), e.schoolId()).query((rs, n) -> new Named(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        Named room = e.roomId() == null ? null : jdbc.sql("SELECT id, name FROM room WHERE id = ? AND school_id = ?")
                .params(e.roomId(), e.schoolId()).query((rs, n) -> new Named(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        Named category = jdbc.sql("""
                SELECT id, name FROM ticket_category
                WHERE board_id = ? AND active AND (school_id = ? OR school_id IS NULL)
                  AND (lower(name) LIKE '%hardware%' OR lower(name) LIKE '%toestel%' OR lower(name) LIKE '%defect%')
                ORDER BY school_id NULLS LAST, parent_id NULLS FIRST, id LIMIT 1""").params(board, e.schoolId())
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2))).optional().orElse(null);
        record Actor(long id, String name, String email, Long person) {}
        Actor actor = e.actorUserId() == null ? null : jdbc.sql("SELECT id, display_name, email, person_id FROM app_user WHERE id = ? AND board_id = ?")
                .params(e.actorUserId(), board)
                .query((rs, n) -> new Actor(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
                .optional().orElse(null);
        String title = messages.getMessage("ticket.maintenance.title", new Object[] {e.planName(), e.checkItem()}, SCHOOL_LOCALE);
        title = title.length() > 200 ? title.substring(0, 199) + "…" : title;
        StringBuilder description = new StringBuilder(messages.getMessage("ticket.maintenance.description",
                new Object[] {e.planName(), e.checkItem()}, SCHOOL_LOCALE));
        if (e.note() != null && !e.note().isBlank()) {
            description.append("\n\n").append(messages.getMessage("ticket.maintenance.note", new Object[] {e.note().strip()}, SCHOOL_LOCALE));
        }
        String text = description.length() > Forms.MAX_TEXT ? description.substring(0, Forms.MAX_TEXT) : description.toString();
        tickets.insert(new Tickets.NewTicket(board, e.schoolId(), TicketKind.INCIDENT, title, text,
                category == null ? null : category.id(), Level.MEDIUM, Level.MEDIUM, TicketSource.MAINTENANCE,
                actor == null ? null : actor.id(), actor == null ? null : actor.person(),
                actor == null ? e.planName() : actor.name(), actor == null ? null : actor.email(),
                asset == null ? null : asset.id(), room == null ? null : room.id(), null, null, null, Instant.now()),
                new Tickets.Refs(category == null ? null : category.name(), asset == null ? null : asset.name(),
                        room == null ? null : room.name(), null));
    }
}
