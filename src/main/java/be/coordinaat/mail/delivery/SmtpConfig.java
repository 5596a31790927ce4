package be.coordinaat.mail.delivery;

import be.coordinaat.mail.SmtpSecurity;

/** The SMTP server in effect for a board: its stored settings, or the environment's defaults. */
public record SmtpConfig(long boardId, String host, int port, SmtpSecurity security, String username, String password,
        String fromAddress, String fromName, boolean fromEnvironment) {

    public static int defaultPort(SmtpSecurity security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
    }

    /** The domain of the from-address, for Message-IDs in our own domain. */
    public String domain() {
        int at = fromAddress == null ? -1 : fromAddress.lastIndexOf('@');
        return at < 0 ? null : fromAddress.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SmtpConfig[" + host + ":" + port + " " + security + " user=" + username + "]";
    }
}
