package be.coordinaat.mail.delivery;

import be.coordinaat.mail.MailProperties;
import be.coordinaat.mail.SmtpSecurity;
import java.util.Optional;
import java.util.Properties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Which SMTP server sends a board's mail: the board's settings when they name a host, otherwise the environment's
 * defaults ({@code coordinaat.mail.smtp.*}); none when neither does — then mail waits in the outbox.
 */
@Component
public class SmtpConfigs {

    static final int CONNECT_TIMEOUT_MS = 15_000;
    static final int IO_TIMEOUT_MS = 60_000;

    private final JdbcClient jdbc;
    private final MailProperties properties;
    private final Secrets secrets;

    SmtpConfigs(JdbcClient jdbc, MailProperties properties, Secrets secrets) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.secrets = secrets;
    }

    public Optional<SmtpConfig> forBoard(long boardId) {
        MailProperties.Smtp d = properties.smtp();
        var stored = jdbc.sql("""
                SELECT smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, from_address, from_name
                FROM mail_settings WHERE board_id = ?""").param(boardId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)})
                .optional();
        if (stored.isPresent() && !blank(stored.get()[0])) {
            String[] s = stored.get();
            SmtpSecurity security = SmtpSecurity.valueOf(s[2]);
            String from = !blank(s[5]) ? s[5] : d.fromAddress();
            if (blank(from)) {
                return Optional.empty();
            }
            return Optional.of(new SmtpConfig(boardId, s[0], s[1] == null ? SmtpConfig.defaultPort(security) : Integer.parseInt(s[1]),
                    security, emptyToNull(s[3]), emptyToNull(secrets.open(s[4])), from, !blank(s[6]) ? s[6] : d.fromName(), false));
        }
        if (!blank(d.host()) && !blank(d.fromAddress())) {
            SmtpSecurity security = d.security() == null ? SmtpSecurity.STARTTLS : d.security();
            String fromName = stored.isPresent() && !blank(stored.get()[6]) ? stored.get()[6] : d.fromName();
            return Optional.of(new SmtpConfig(boardId, d.host(), d.port() == null ? SmtpConfig.defaultPort(security) : d.port(),
                    security, emptyToNull(d.username()), emptyToNull(d.password()), d.fromAddress(), fromName, true));
        }
        return Optional.empty();
    }

    /** The domain of our Message-IDs for a board: the from-address's, or the configured default. */
    public String messageIdDomain(long boardId) {
        return forBoard(boardId).map(SmtpConfig::domain).filter(s -> !s.isBlank()).orElse(properties.messageIdDomain());
    }

    /** A sender for one batch or one test: fresh, so a settings change applies at once. */
    public JavaMailSenderImpl sender(SmtpConfig c) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(c.host());
        sender.setPort(c.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        boolean auth = c.username() != null;
        if (auth) {
            sender.setUsername(c.username());
            sender.setPassword(c.password() == null ? "" : c.password());
        }
        String protocol = c.security() == SmtpSecurity.SSL ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        p.put("mail." + protocol + ".auth", String.valueOf(auth));
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put("mail." + protocol + ".timeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(IO_TIMEOUT_MS));
        if (c.security() == SmtpSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (c.security() != SmtpSecurity.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(p);
        return sender;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }
}
