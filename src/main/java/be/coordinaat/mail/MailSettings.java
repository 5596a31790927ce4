package be.coordinaat.mail;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.mail.Forms.SettingsForm;
import be.coordinaat.mail.Views.CheckResult;
import be.coordinaat.mail.Views.QueuedMail;
import be.coordinaat.mail.Views.SettingsView;
import be.coordinaat.mail.delivery.OutboxSender;
import be.coordinaat.mail.delivery.SmtpConfig;
import be.coordinaat.mail.delivery.SmtpConfigs;
import be.coordinaat.mail.digest.InventoryDigest;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.RecordChanged;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's outgoing mail settings (SMTP server, sender, the address for links, the weekly digest): read and
 * changed by the board admin only. The password is stored but never returned; the history records that it changed,
 * never its value.
 */
@Service
public class MailSettings {

    static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,253})?|\\[[0-9A-Fa-f:.]+\\]");

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;
    private final SmtpConfigs smtp;
    private final OutboxSender sender;
    private final Mailer mailer;
    private final InventoryDigest digest;
    private final be.coordinaat.mail.delivery.Secrets secrets;

    MailSettings(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events, SmtpConfigs smtp,
            OutboxSender sender, Mailer mailer, InventoryDigest digest, be.coordinaat.mail.delivery.Secrets secrets) {
        this.digest = digest;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
        this.smtp = smtp;
        this.sender = sender;
        this.mailer = mailer;
    }

    /** Whether the current user may see and change the board's mail settings and outbox. */
    public boolean canManage() {
        return access.canForBoard(Permission.BOARD_MANAGE);
    }

    @Transactional(readOnly = true)
    public SettingsView settings() {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return view(access.current().boardId());
    }

    SettingsView view(long board) {
        Optional<SmtpConfig> effective = smtp.forBoard(board);
        return jdbc.sql("""
                SELECT smtp_host, smtp_port, smtp_security, smtp_username, smtp_password IS NOT NULL AS password_set,
                  from_address, from_name, base_url, digest_enabled, digest_last_sent_at, version
                FROM mail_settings WHERE board_id = ?""").param(board)
                .query((rs, n) -> new SettingsView(board, rs.getString("smtp_host"), (Integer) rs.getObject("smtp_port"),
                        SmtpSecurity.valueOf(rs.getString("smtp_security")), rs.getString("smtp_username"),
                        rs.getBoolean("password_set"), rs.getString("from_address"), rs.getString("from_name"),
                        rs.getString("base_url"), rs.getBoolean("digest_enabled"),
                        rs.getTimestamp("digest_last_sent_at") == null ? null : rs.getTimestamp("digest_last_sent_at").toInstant(),
                        rs.getInt("version"), effective.isPresent(), effective.map(SmtpConfig::fromEnvironment).orElse(false),
                        effective.map(c -> c.host() + ":" + c.port()).orElse(null),
                        effective.map(SmtpConfig::fromAddress).orElse(null)))
                .optional()
                .orElseGet(() -> new SettingsView(board, null, null, SmtpSecurity.STARTTLS, null, false, null, null, null,
                        false, null, 0, effective.isPresent(), effective.map(SmtpConfig::fromEnvironment).orElse(false),
                        effective.map(c -> c.host() + ":" + c.port()).orElse(null),
                        effective.map(SmtpConfig::fromAddress).orElse(null)));
    }

    @Transactional
    public void update(SettingsForm form) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        long board = access.current().boardId();
        List<FieldProblem> problems = new ArrayList<>();
        String host = trim(form.smtpHost());
        if (host != null && (host.length() > 255 || !HOST.matcher(host).matches())) {
            problems.add(new FieldProblem("smtpHost", "mail.error.host", "Not a valid host name"));
        }
        if (form.smtpPort() != null && (form.smtpPort() < 1 || form.smtpPort() > 65535)) {
            problems.add(new FieldProblem("smtpPort", "mail.error.port", "A port is a number from 1 to 65535"));
        }
        String from = trim(form.fromAddress());
        if (from != null) {
            try {
                from = Mailer.address(from, "fromAddress");
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (host != null && from == null) {
            problems.add(new FieldProblem("fromAddress", "mail.error.fromRequired", "An SMTP server needs a from-address"));
        }
        String baseUrl = trim(form.baseUrl());
        if (baseUrl != null) {
            baseUrl = baseUrl.replaceAll("/+$", "");
            if (!validUrl(baseUrl)) {
                problems.add(new FieldProblem("baseUrl", "mail.error.baseUrl", "An address starting with https:// or http://"));
            }
        }
        String username = trim(form.smtpUsername());
        String fromName = trim(form.fromName());
        for (var f : List.of(new String[] {"smtpUsername", username}, new String[] {"fromName", fromName})) {
            if (f[1] != null && f[1].chars().anyMatch(c -> c < 0x20)) {
                problems.add(new FieldProblem(f[0], "mail.error.oneLine", "One line of text"));
            }
        }
        if (form.smtpPassword() != null && form.smtpPassword().chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            problems.add(new FieldProblem("smtpPassword", "mail.error.oneLine", "One line of text"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SmtpSecurity security = form.smtpSecurity() == null ? SmtpSecurity.STARTTLS : form.smtpSecurity();
        Map<String, Object> before = snapshot(board);
        boolean exists = before != null;
        int version = form.version() == null ? 0 : form.version();
        String password = form.smtpPassword() == null || form.smtpPassword().isEmpty() ? null : form.smtpPassword();
        boolean clear = Boolean.TRUE.equals(form.clearPassword());
        if (!exists) {
            if (version != 0) {
                throw ConflictException.staleVersion("mail-settings", board);
            }
            jdbc.sql("INSERT INTO mail_settings (board_id) VALUES (?) ON CONFLICT DO NOTHING").param(board).update();
        }
        int updated = jdbc.sql("""
                UPDATE mail_settings SET smtp_host = :host, smtp_port = :port, smtp_security = :security,
                  smtp_username = :username,
                  smtp_password = CASE WHEN :clear THEN NULL WHEN CAST(:password AS text) IS NOT NULL THEN :password ELSE smtp_password END,
                  from_address = :from, from_name = :fromName, base_url = :baseUrl, digest_enabled = :digest,
                  version = version + 1, updated_at = now()
                WHERE board_id = :board AND version = :version""")
                .param("host", host).param("port", form.smtpPort(), java.sql.Types.INTEGER).param("security", security.name())
                .param("username", username).param("clear", clear).param("password", secrets.seal(password), java.sql.Types.VARCHAR)
                .param("from", from).param("fromName", fromName).param("baseUrl", baseUrl)
                .param("digest", Boolean.TRUE.equals(form.digestEnabled())).param("board", board).param("version", version)
                .update();
        if (updated == 0) {
            throw ConflictException.staleVersion("mail-settings", board);
        }
        Map<String, Object> after = snapshot(board);
        var changes = RecordChanged.diff(before == null ? Map.of() : before, after);
        if (clear || password != null) {
            changes.put("smtpPassword", new RecordChanged.Change(null, clear ? "(removed)" : "(changed)"));
        }
        events.publishEvent(new RecordChanged("mail-settings", board, board, null,
                exists ? RecordChanged.UPDATED : RecordChanged.CREATED, "E-mail", changes));
    }

    /** The fields the history shows: everything but the password (only whether it changed). */
    private Map<String, Object> snapshot(long board) {
        return jdbc.sql("""
                SELECT smtp_host, smtp_port, smtp_security, smtp_username, from_address, from_name, base_url, digest_enabled
                FROM mail_settings WHERE board_id = ?""").param(board)
                .query((rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("smtpHost", rs.getString(1));
                    m.put("smtpPort", rs.getObject(2));
                    m.put("smtpSecurity", rs.getString(3));
                    m.put("smtpUsername", rs.getString(4));
                    m.put("fromAddress", rs.getString(5));
                    m.put("fromName", rs.getString(6));
                    m.put("baseUrl", rs.getString(7));
                    m.put("digestEnabled", rs.getBoolean(8));
                    return m;
                }).optional().orElse(null);
    }

    /** Connects to the SMTP server in effect and signs in, without sending. */
    public CheckResult testConnection() {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return smtp.forBoard(access.current().boardId()).map(sender::testConnection)
                .orElse(new CheckResult(false, "no SMTP server configured"));
    }

    /**
     * Queues a test mail to {@code to} (in the admin's language) and sends it at once; the result says whether the
     * server took it. The mail stays in the outbox either way.
     */
    public CheckResult sendTestMail(String to) {
        access.requireForBoard(Permission.BOARD_MANAGE);
        var user = access.current();
        QueuedMail queued = queueTest(user.boardId(), to, user.locale(), user.displayName());
        return sender.sendNow(user.boardId(), queued.id());
    }

    QueuedMail queueTest(long board, String to, String locale, String name) {
        return mailer.queue(OutgoingMail.to(to, locale).board(board)
                .template("test", Map.of("requestedBy", name == null ? "" : name)).build());
    }

    /** Queues this week's inventory digest of the board now (also when it is switched off); returns how many mails. */
    @Transactional
    public int queueDigestNow() {
        access.requireForBoard(Permission.BOARD_MANAGE);
        return digest.queueDigests(access.current().boardId());
    }

    static boolean validUrl(String url) {
        try {
            URI u = new URI(url);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && u.getQuery() == null && u.getFragment() == null && u.getUserInfo() == null && url.length() <= 300;
        } catch (Exception e) {
            return false;
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
