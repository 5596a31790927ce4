package be.coordinaat.mail;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.mail.Views.OutboxCounts;
import be.coordinaat.mail.Views.OutboxMailView;
import be.coordinaat.mail.Views.OutboxRow;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The board's outbox for the board admin: what was sent, what waits, what failed and why; retry of failed mail. */
@Service
public class Outbox {

    public static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");
    private static final String SELECT = """
            SELECT o.id, o.school_id, s.name AS school_name, o.recipient, o.recipient_locale, o.subject, o.status,
              o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at, o.thread_ref, o.message_id, o.template
            FROM mail_outbox o LEFT JOIN school s ON s.id = o.school_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;

    Outbox(JdbcClient jdbc, AccessControl access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The board's mails, newest first; status one of PENDING, SENT, FAILED; q searches recipient, subject, thread. */
    @Transactional(readOnly = true)
    public Page<OutboxRow> list(String status, PageQuery query) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        StringBuilder where = new StringBuilder(" WHERE o.board_id = :board");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("board", access.current().boardId());
        if (status != null && STATUSES.contains(status)) {
            where.append(" AND o.status = :status");
            params.put("status", status);
        }
        if (query.q() != null) {
            where.append(" AND (lower(o.recipient) LIKE :q OR lower(o.subject) LIKE :q OR lower(o.thread_ref) LIKE :q)");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM mail_outbox o" + where).params(params).query(Long.class).single();
        List<OutboxRow> items = jdbc.sql(SELECT + where + " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset()).query(Outbox::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    @Transactional(readOnly = true)
    public OutboxCounts counts() {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER (WHERE status = 'FAILED'),
                  count(*) FILTER (WHERE status = 'SENT' AND sent_at > now() - interval '7 days')
                FROM mail_outbox WHERE board_id = ?""").param(access.current().boardId())
                .query((rs, n) -> new OutboxCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    @Transactional(readOnly = true)
    public OutboxMailView mail(long id) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        long board = access.current().boardId();
        OutboxRow row = jdbc.sql(SELECT + " WHERE o.id = :id AND o.board_id = :board").param("id", id).param("board", board)
                .query(Outbox::row).optional().orElseThrow(() -> new NotFoundException("mail", id));
        List<String> attachments = jdbc.sql("""
                SELECT file_name || ' (' || content_type || ', ' || pg_size_pretty(length(content)::bigint) || ')'
                FROM mail_outbox_attachment WHERE mail_id = ? ORDER BY id""").param(id).query(String.class).list();
        return jdbc.sql("SELECT reply_to, in_reply_to, references_hdr, body_text FROM mail_outbox WHERE id = ?").param(id)
                .query((rs, n) -> new OutboxMailView(row, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        attachments)).single();
    }

    /** Puts a failed mail back in the queue: the sender tries it again at once, with a fresh count of attempts. */
    @Transactional
    public void retry(long id) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        int n = jdbc.sql("""
                UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE id = ? AND board_id = ? AND status IN ('FAILED', 'PENDING')""")
                .params(id, access.current().boardId()).update();
        if (n == 0) {
            mail(id); // 404 when it is not the board's
        }
    }

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(rs.getLong("id"), (Long) rs.getObject("school_id"), rs.getString("school_name"),
                rs.getString("recipient"), rs.getString("recipient_locale"), rs.getString("subject"), rs.getString("status"),
                rs.getInt("attempts"), Mailboxes.instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                Mailboxes.instant(rs.getTimestamp("created_at")), Mailboxes.instant(rs.getTimestamp("sent_at")),
                rs.getString("thread_ref"), rs.getString("message_id"), rs.getString("template"));
    }
}
