package be.coordinaat.mail;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.mail.Forms.MailboxForm;
import be.coordinaat.mail.Views.CheckResult;
import be.coordinaat.mail.Views.InboundRow;
import be.coordinaat.mail.Views.MailboxView;
import be.coordinaat.mail.Views.PollResult;
import be.coordinaat.mail.inbound.MailboxPoller;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbound mailboxes of the schools: configured with HELPDESK_CONFIGURE in the mailbox's school (the board admin
 * has it in all). A mailbox of another school is not found (404), whatever id is tried. Passwords are stored, never
 * returned, never in the history.
 */
@Service
public class Mailboxes {

    static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final String SELECT = """
            SELECT m.id, m.school_id, s.name AS school_name, m.name, m.channel, m.host, m.port, m.ssl, m.username,
              m.password IS NOT NULL AS password_set, m.folder, m.poll_minutes, m.enabled, m.last_poll_at,
              m.last_success_at, m.last_error, m.last_error_at, m.handled_count, m.ignored_count, m.failed_count, m.version
            FROM mailbox m JOIN school s ON s.id = m.school_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;
    private final MailboxPoller poller;
    private final be.coordinaat.mail.delivery.Secrets secrets;

    Mailboxes(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events, MailboxPoller poller,
            be.coordinaat.mail.delivery.Secrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.poller = poller;
    }

    /** Whether the current user configures the mailboxes of at least one school. */
    public boolean canManageAny() {
        return access.canAnywhere(Permission.HELPDESK_CONFIGURE);
    }

    public List<SchoolRef> schools() {
        return access.visibleSchools(Permission.HELPDESK_CONFIGURE);
    }

    /** The channels some module handles (e.g. helpdesk), for the form. */
    public List<String> channels() {
        return poller.channels();
    }

    @Transactional(readOnly = true)
    public List<MailboxView> list() {
        access.requireAnywhere(Permission.HELPDESK_CONFIGURE);
        Set<String> channels = Set.copyOf(poller.channels());
        return jdbc.sql(SELECT + " WHERE m.school_id = ANY(:schools) ORDER BY s.name, m.name, m.id")
                .param("schools", access.schoolArray(Permission.HELPDESK_CONFIGURE))
                .query((rs, n) -> row(rs, channels)).list();
    }

    @Transactional(readOnly = true)
    public MailboxView mailbox(long id) {
        Set<String> channels = Set.copyOf(poller.channels());
        return jdbc.sql(SELECT + " WHERE m.id = :id AND m.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.schoolArray(Permission.HELPDESK_CONFIGURE))
                .query((rs, n) -> row(rs, channels)).optional()
                .orElseThrow(() -> new NotFoundException("mailbox", id));
    }

    @Transactional
    public long create(MailboxForm form) {
        if (form.schoolId() == null) {
            throw InvalidInputException.of("schoolId", "mail.error.school", "Choose a school");
        }
        if (!access.can(Permission.HELPDESK_CONFIGURE, form.schoolId())) {
            // a school outside the user's scope is not there for them
            throw InvalidInputException.of("schoolId", "error.reference", "Unknown school");
        }
        Clean c = validate(form, true);
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(form.schoolId()).query(Long.class).single();
        long id = jdbc.sql("""
                INSERT INTO mailbox (board_id, school_id, name, channel, host, port, ssl, username, password, folder,
                  poll_minutes, enabled)
                VALUES (:board, :school, :name, :channel, :host, :port, :ssl, :username, :password, :folder, :poll, :enabled)
                RETURNING id""")
                .param("board", board).param("school", form.schoolId()).param("name", c.name).param("channel", c.channel)
                .param("host", c.host).param("port", c.port).param("ssl", c.ssl).param("username", c.username)
                .param("password", secrets.seal(c.password), java.sql.Types.VARCHAR).param("folder", c.folder)
                .param("poll", c.pollMinutes).param("enabled", c.enabled)
                .query(Long.class).single();
        Map<String, Object> after = snapshot(id);
        var changes = RecordChanged.diff(Map.of(), after);
        if (c.password != null) {
            changes.put("password", new RecordChanged.Change(null, "(set)"));
        }
        events.publishEvent(new RecordChanged("mailbox", id, board, form.schoolId(), RecordChanged.CREATED, c.name, changes));
        return id;
    }

    @Transactional
    public void update(long id, MailboxForm form) {
        MailboxView current = mailbox(id);
        Clean c = validate(form, false);
        if (form.schoolId() != null && form.schoolId() != current.schoolId()) {
            throw InvalidInputException.of("schoolId", "mail.error.schoolFixed", "A mailbox stays with its school");
        }
        Map<String, Object> before = snapshot(id);
        boolean clear = Boolean.TRUE.equals(form.clearPassword());
        int updated = jdbc.sql("""
                UPDATE mailbox SET name = :name, channel = :channel, host = :host, port = :port, ssl = :ssl,
                  username = :username,
                  password = CASE WHEN :clear THEN NULL WHEN CAST(:password AS text) IS NOT NULL THEN :password ELSE password END,
                  folder = :folder, poll_minutes = :poll, enabled = :enabled, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("name", c.name).param("channel", c.channel).param("host", c.host).param("port", c.port)
                .param("ssl", c.ssl).param("username", c.username).param("clear", clear)
                .param("password", secrets.seal(c.password), java.sql.Types.VARCHAR).param("folder", c.folder)
                .param("poll", c.pollMinutes).param("enabled", c.enabled).param("id", id)
                .param("version", form.version() == null ? -1 : form.version())
                .update();
        if (updated == 0) {
            throw ConflictException.staleVersion("mailbox", id);
        }
        var changes = RecordChanged.diff(before, snapshot(id));
        if (clear || c.password != null) {
            changes.put("password", new RecordChanged.Change(null, clear ? "(removed)" : "(changed)"));
        }
        events.publishEvent(new RecordChanged("mailbox", id, boardOf(id), current.schoolId(), RecordChanged.UPDATED,
                c.name, changes));
    }

    @Transactional
    public void delete(long id) {
        MailboxView current = mailbox(id);
        long board = boardOf(id);
        Map<String, Object> before = snapshot(id);
        jdbc.sql("DELETE FROM mailbox WHERE id = ?").param(id).update();
        events.publishEvent(new RecordChanged("mailbox", id, board, current.schoolId(), RecordChanged.DELETED,
                current.name(), RecordChanged.diff(before, Map.of())));
    }

    /**
     * The address of a school's enabled mailbox of a channel (e.g. the helpdesk's), for the Reply-To of the mails a
     * module sends; empty when the school has none. For modules, without a permission check: it reveals only an
     * address the school publishes anyway.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> replyAddress(long schoolId, String channel) {
        return jdbc.sql("""
                SELECT lower(username) FROM mailbox WHERE school_id = ? AND channel = ? AND enabled AND username LIKE '%_@_%'
                ORDER BY id LIMIT 1""").params(schoolId, channel).query(String.class).optional();
    }

    /** Connects to the mailbox and opens its folder, without changing anything. */
    public CheckResult testConnection(long id) {
        mailbox(id);
        return poller.test(id);
    }

    /** Polls the mailbox now, also when it is disabled (a manual run). */
    public PollResult pollNow(long id) {
        mailbox(id);
        return poller.poll(id);
    }

    /** The mails this mailbox received, newest first, with what became of them. */
    @Transactional(readOnly = true)
    public Page<InboundRow> received(long id, String status, PageQuery query) {
        mailbox(id);
        String where = " WHERE mailbox_id = :id" + (status == null ? "" : " AND status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        if (status != null) {
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT count(*) FROM mail_inbound" + where).params(params).query(Long.class).single();
        List<InboundRow> items = jdbc.sql("""
                SELECT id, sender, subject, status, reason, error, attempts, first_seen_at, processed_at FROM mail_inbound""" + where
                + " ORDER BY processed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> new InboundRow(rs.getLong("id"), rs.getString("sender"), rs.getString("subject"),
                        rs.getString("status"), rs.getString("reason"), rs.getString("error"), rs.getInt("attempts"),
                        instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("processed_at"))))
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    private record Clean(String name, String channel, String host, int port, boolean ssl, String username,
            String password, String folder, int pollMinutes, boolean enabled) {}

    private Clean validate(MailboxForm f, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = MailSettings.trim(f.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "error.required", "Required"));
        } else if (name.length() > 100 || name.chars().anyMatch(ch -> ch < 0x20)) {
            problems.add(new FieldProblem("name", "mail.error.oneLine", "One line of text, at most 100 characters"));
        }
        String channel = MailSettings.trim(f.channel());
        if (channel == null) {
            problems.add(new FieldProblem("channel", "error.required", "Required"));
        } else if (!CHANNEL.matcher(channel).matches()) {
            problems.add(new FieldProblem("channel", "mail.error.channel", "Lower-case letters, digits and '-'"));
        }
        String host = MailSettings.trim(f.host());
        if (host == null) {
            problems.add(new FieldProblem("host", "error.required", "Required"));
        } else if (host.length() > 255 || !MailSettings.HOST.matcher(host).matches()) {
            problems.add(new FieldProblem("host", "mail.error.host", "Not a valid host name"));
        }
        boolean ssl = f.ssl() == null || f.ssl();
        int port = f.port() == null ? (ssl ? 993 : 143) : f.port();
        if (port < 1 || port > 65535) {
            problems.add(new FieldProblem("port", "mail.error.port", "A port is a number from 1 to 65535"));
        }
        String username = MailSettings.trim(f.username());
        if (username == null) {
            problems.add(new FieldProblem("username", "error.required", "Required"));
        } else if (username.length() > 255 || username.chars().anyMatch(ch -> ch < 0x20)) {
            problems.add(new FieldProblem("username", "mail.error.oneLine", "One line of text"));
        }
        String password = f.password() == null || f.password().isEmpty() ? null : f.password();
        if (password != null && (password.length() > 500 || password.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0))) {
            problems.add(new FieldProblem("password", "mail.error.oneLine", "One line of text"));
        }
        String folder = MailSettings.trim(f.folder());
        folder = folder == null ? "INBOX" : folder;
        if (folder.length() > 200 || folder.chars().anyMatch(ch -> ch < 0x20)) {
            problems.add(new FieldProblem("folder", "mail.error.oneLine", "One line of text"));
        }
        int poll = f.pollMinutes() == null ? 5 : f.pollMinutes();
        if (poll < 1 || poll > 1440) {
            problems.add(new FieldProblem("pollMinutes", "mail.error.pollMinutes", "From 1 to 1440 minutes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Clean(name, channel, host, port, ssl, username, password, folder, poll, f.enabled() == null || f.enabled());
    }

    private long boardOf(long id) {
        return jdbc.sql("SELECT board_id FROM mailbox WHERE id = ?").param(id).query(Long.class).single();
    }

    private Map<String, Object> snapshot(long id) {
        return jdbc.sql("SELECT name, channel, host, port, ssl, username, folder, poll_minutes, enabled FROM mailbox WHERE id = ?")
                .param(id).query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", rs.getString(1));
                    m.put("channel", rs.getString(2));
                    m.put("host", rs.getString(3));
                    m.put("port", rs.getInt(4));
                    m.put("ssl", rs.getBoolean(5));
                    m.put("username", rs.getString(6));
                    m.put("folder", rs.getString(7));
                    m.put("pollMinutes", rs.getInt(8));
                    m.put("enabled", rs.getBoolean(9));
                    return m;
                }).single();
    }

    private static MailboxView row(ResultSet rs, Set<String> channels) throws SQLException {
        return new MailboxView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("name"),
                rs.getString("channel"), rs.getString("host"), rs.getInt("port"), rs.getBoolean("ssl"),
                rs.getString("username"), rs.getBoolean("password_set"), rs.getString("folder"), rs.getInt("poll_minutes"),
                rs.getBoolean("enabled"), instant(rs.getTimestamp("last_poll_at")), instant(rs.getTimestamp("last_success_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("last_error_at")), rs.getLong("handled_count"),
                rs.getLong("ignored_count"), rs.getLong("failed_count"), rs.getInt("version"),
                channels.contains(rs.getString("channel")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
