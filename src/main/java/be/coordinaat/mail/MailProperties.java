package be.coordinaat.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults from the environment ({@code COORDINAAT_MAIL_SMTP_HOST}, …): used for a board whose SMTP server is not
 * set on the settings page. The settings page wins where it sets a host.
 *
 * @param baseUrl         the address people reach Coordinaat at, for links in mails
 * @param messageIdDomain the domain of Message-IDs when no from-address is set (otherwise the from-address's domain)
 * @param secretKey       encrypts the stored mail passwords (AES-GCM) when set; see {@code delivery.Secrets}
 */
@ConfigurationProperties("coordinaat.mail")
public record MailProperties(Smtp smtp, String baseUrl, String messageIdDomain, Scheduling scheduling, String secretKey) {

    /** The default SMTP server. */
    public record Smtp(String host, Integer port, SmtpSecurity security, String username, String password,
            String fromAddress, String fromName) {}

    /** Whether the sender, the pollers and the digest run on their own (off only for special set-ups). */
    public record Scheduling(Boolean enabled) {}

    public MailProperties {
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null) : smtp;
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "coordinaat.local" : messageIdDomain.strip();
        scheduling = scheduling == null ? new Scheduling(true) : scheduling;
    }
}
