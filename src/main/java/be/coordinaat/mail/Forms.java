package be.coordinaat.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What the settings page and the API send. Passwords: empty or absent keeps the stored one. */
public final class Forms {
    private Forms() {}

    /**
     * The board's outgoing mail and digest settings.
     *
     * @param smtpPassword  a new password; empty or null keeps the stored one
     * @param clearPassword true removes the stored password
     */
    public record SettingsForm(@Size(max = 255) String smtpHost, @Min(1) @Max(65535) Integer smtpPort,
            SmtpSecurity smtpSecurity, @Size(max = 255) String smtpUsername, @Size(max = 500) String smtpPassword,
            Boolean clearPassword, @Size(max = 254) String fromAddress, @Size(max = 200) String fromName,
            @Size(max = 300) String baseUrl, Boolean digestEnabled, Integer version) {}

    /** An inbound mailbox of a school. */
    public record MailboxForm(Long schoolId, @Size(max = 100) String name, @Size(max = 50) String channel,
            @Size(max = 255) String host, @Min(1) @Max(65535) Integer port, Boolean ssl, @Size(max = 255) String username,
            @Size(max = 500) String password, Boolean clearPassword, @Size(max = 200) String folder,
            @Min(1) @Max(1440) Integer pollMinutes, Boolean enabled, Integer version) {}

    /** The address a test mail goes to. */
    public record TestMailForm(@Size(max = 320) String to) {}
}
