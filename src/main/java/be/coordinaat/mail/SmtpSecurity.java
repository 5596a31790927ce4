package be.coordinaat.mail;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain connection (port 25 inside a trusted network only). */
    NONE,
    /** Upgrade with STARTTLS, required (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    SSL
}
