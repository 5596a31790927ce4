package be.coordinaat.mail.digest;

import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.inventory.Reminders;
import be.coordinaat.inventory.Reminders.DueItem;
import be.coordinaat.inventory.Reminders.DueKind;
import be.coordinaat.mail.Mailer;
import be.coordinaat.mail.MailProperties;
import be.coordinaat.mail.OutgoingMail;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.web.Formats;
import java.sql.Array;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly inventory digest (issue 3: e-mail reminders): on Monday from 07:00 (Brussels), for every board that
 * switched it on, each account with INVENTORY_MANAGE in a school (coordinators, technicians; not board-wide roles,
 * not external accounts) that has an e-mail address gets one mail, in their language, listing per school the
 * warranties ending, the end-of-life dates near and the overdue loans. Nothing to report: no mail. The week is
 * claimed in the same transaction as the queued mails, so a digest goes out once, also after a restart.
 */
@Component
public class InventoryDigest {

    public static final int LIMIT_PER_KIND = 25;
    static final LocalTime SEND_AT = LocalTime.of(7, 0);
    private static final Logger log = LoggerFactory.getLogger(InventoryDigest.class);

    private final JdbcClient jdbc;
    private final Reminders reminders;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final MailProperties properties;

    InventoryDigest(JdbcClient jdbc, Reminders reminders, Mailer mailer, TransactionTemplate tx, MailProperties properties) {
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.mailer = mailer;
        this.tx = tx;
        this.properties = properties;
    }

    /** One school's part of a digest. */
    public record SchoolPart(String name, List<DueItem> warranty, List<DueItem> endOfLife, List<DueItem> loans) {}

    record Recipient(long userId, String email, String name, String locale, List<Long> schools) {}

    /** The start of the digest week that {@code now} falls in: Monday 07:00 in Brussels. */
    public static Instant weekStart(Instant now) {
        ZonedDateTime t = now.atZone(Formats.ZONE);
        ZonedDateTime monday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(SEND_AT);
        if (monday.isAfter(t)) {
            monday = monday.minusWeeks(1);
        }
        return monday.toInstant();
    }

    /** Sends the digests of every board that has it on and has not had this week's. */
    public void sendDue(Instant now) {
        Instant week = weekStart(now);
        List<Long> boards = jdbc.sql("""
                SELECT board_id FROM mail_settings WHERE digest_enabled
                  AND (digest_last_sent_at IS NULL OR digest_last_sent_at < ?)""")
                .param(java.sql.Timestamp.from(week)).query(Long.class).list();
        for (long board : boards) {
            try {
                tx.executeWithoutResult(s -> {
                    int claimed = jdbc.sql("""
                            UPDATE mail_settings SET digest_last_sent_at = now()
                            WHERE board_id = ? AND digest_enabled AND (digest_last_sent_at IS NULL OR digest_last_sent_at < ?)""")
                            .params(board, java.sql.Timestamp.from(week)).update();
                    if (claimed == 1) {
                        queueDigests(board);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("inventory digest of board {}: {}", board, e.toString());
            }
        }
    }

    /** Queues this week's digest of one board now (in the caller's transaction); returns how many mails. */
    public int queueDigests(long board) {
        String baseUrl = jdbc.sql("SELECT base_url FROM mail_settings WHERE board_id = ?").param(board).query(String.class)
                .optional().filter(s -> !s.isBlank()).orElse(properties.baseUrl());
        int queued = 0;
        for (Recipient r : recipients(board)) {
            List<DueItem> items = reminders.dueItems(r.schools(), LIMIT_PER_KIND);
            if (items.isEmpty()) {
                continue;
            }
            Map<Long, List<DueItem>> bySchool = new LinkedHashMap<>();
            items.forEach(i -> bySchool.computeIfAbsent(i.schoolId(), k -> new ArrayList<>()).add(i));
            List<SchoolPart> parts = bySchool.values().stream().map(list -> new SchoolPart(list.get(0).schoolName(),
                    of(list, DueKind.WARRANTY_ENDING), of(list, DueKind.END_OF_LIFE), of(list, DueKind.LOAN_OVERDUE))).toList();
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", r.name());
            model.put("schools", parts);
            model.put("baseUrl", baseUrl == null ? null : baseUrl.replaceAll("/+$", ""));
            model.put("warrantyDays", Reminders.WARRANTY_DAYS);
            model.put("eolDays", Reminders.END_OF_LIFE_DAYS);
            model.put("limit", LIMIT_PER_KIND);
            try {
                mailer.queue(OutgoingMail.to(r.email(), r.locale()).board(board).name(r.name())
                        .template("inventory-digest", model).thread("inventory-digest:" + r.userId()).build());
                queued++;
            } catch (InvalidInputException e) {
                log.info("no inventory digest for account {}: its e-mail address is not valid", r.userId());
            }
        }
        return queued;
    }

    private static List<DueItem> of(List<DueItem> items, DueKind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    List<Recipient> recipients(long board) {
        String[] roles = Arrays.stream(Role.values()).filter(r -> !r.boardWide() && r.grants(Permission.INVENTORY_MANAGE))
                .map(Role::name).toArray(String[]::new);
        return jdbc.sql("""
                SELECT u.id, u.email, u.display_name, u.locale, array_agg(DISTINCT g.school_id ORDER BY g.school_id) AS schools
                FROM app_user u JOIN role_grant g ON g.user_id = u.id
                WHERE u.board_id = :board AND u.enabled AND u.organisation_id IS NULL AND u.email LIKE '%_@_%'
                  AND g.school_id IS NOT NULL AND g.role = ANY(:roles)
                GROUP BY u.id, u.email, u.display_name, u.locale ORDER BY u.id""")
                .param("board", board).param("roles", roles)
                .query((rs, n) -> {
                    Array a = rs.getArray("schools");
                    List<Long> schools = Arrays.stream((Object[]) a.getArray()).map(o -> ((Number) o).longValue()).toList();
                    return new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                            rs.getString("locale"), schools);
                }).list();
    }
}
