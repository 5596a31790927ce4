package be.coordinaat.privacy;

import be.coordinaat.mail.MailProperties;
import be.coordinaat.mail.Mailer;
import be.coordinaat.mail.OutgoingMail;
import be.coordinaat.shared.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mails every DPO of the board (an enabled account with the DPO role and an e-mail address) about a new breach, in
 * their language, through the outbox in the reporter's transaction: the mail exists exactly when the report does. The
 * DPO who reported it themselves gets no mail. Reads {@code app_user}/{@code role_grant} (who is a DPO) and
 * {@code mail_settings.base_url} (links) read-only.
 */
@Component
class BreachMail {

    static final String TEMPLATE = "privacy-breach";
    private static final Logger log = LoggerFactory.getLogger(BreachMail.class);

    private record Dpo(long id, String email, String name, String locale) {}

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MailProperties properties;

    BreachMail(JdbcClient jdbc, Mailer mailer, MailProperties properties) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.properties = properties;
    }

    /** @return how many DPOs were mailed */
    int newBreach(long breachId, long boardId, Long schoolId, Long reporterId) {
        Map<String, Object> b = jdbc.sql("""
                SELECT b.title, b.description, b.discovered_at, b.reported_by_name, b.people_affected, s.name AS school_name
                FROM privacy_breach b LEFT JOIN school s ON s.id = b.school_id WHERE b.id = ?""").param(breachId)
                .query().singleRow();
        List<Dpo> dpos = jdbc.sql("""
                SELECT DISTINCT u.id, u.email, u.display_name, u.locale FROM app_user u
                JOIN role_grant g ON g.user_id = u.id
                WHERE g.board_id = ? AND g.role = 'DPO' AND u.board_id = g.board_id AND u.enabled
                  AND u.email LIKE '%_@_%' ORDER BY u.id""").param(boardId)
                .query((rs, n) -> new Dpo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        Instant discovered = ((java.sql.Timestamp) b.get("discovered_at")).toInstant();
        String link = baseUrl(boardId).map(u -> u + "/privacy/breaches/" + breachId).orElse(null);
        int sent = 0;
        for (Dpo dpo : dpos) {
            if (reporterId != null && reporterId == dpo.id()) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", dpo.name());
            model.put("title", b.get("title"));
            model.put("description", b.get("description"));
            model.put("schoolName", b.get("school_name"));
            model.put("reportedBy", b.get("reported_by_name"));
            model.put("peopleAffected", b.get("people_affected"));
            model.put("discoveredAt", discovered);
            model.put("deadline", discovered.plus(Breaches.NOTIFICATION_WINDOW));
            model.put("link", link);
            OutgoingMail.Builder mail = OutgoingMail.to(dpo.email(), dpo.locale()).board(boardId).name(dpo.name())
                    .template(TEMPLATE, model).thread("privacy-breach:" + breachId);
            if (schoolId != null) {
                mail.school(schoolId);
            }
            try {
                mailer.queue(mail.build());
                sent++;
            } catch (InvalidInputException e) {
                log.warn("No breach mail to DPO account {}: invalid address", dpo.id());
            }
        }
        if (dpos.isEmpty()) {
            log.warn("Breach {} reported, but board {} has no DPO with an e-mail address to notify", breachId, boardId);
        }
        return sent;
    }

    private Optional<String> baseUrl(long boardId) {
        return jdbc.sql("SELECT base_url FROM mail_settings WHERE board_id = ?").param(boardId).query(String.class)
                .optional().filter(s -> s != null && !s.isBlank())
                .or(() -> Optional.ofNullable(properties.baseUrl()).filter(s -> !s.isBlank()))
                .map(s -> s.strip().replaceAll("/+$", ""));
    }
}
