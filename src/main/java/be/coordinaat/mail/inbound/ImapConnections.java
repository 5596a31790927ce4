package be.coordinaat.mail.inbound;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/** Opens an IMAP store with timeouts, never marking a mail seen by reading it (BODY.PEEK). */
public final class ImapConnections {

    static final int CONNECT_TIMEOUT_MS = 20_000;
    static final int IO_TIMEOUT_MS = 60_000;

    /** What a mailbox connects with. */
    public record Imap(String host, int port, boolean ssl, String username, String password) {
        @Override
        public String toString() {
            return "Imap[" + host + ":" + port + " ssl=" + ssl + " user=" + username + "]";
        }
    }

    private ImapConnections() {}

    public static Store connect(Imap imap) throws MessagingException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put("mail." + protocol + ".timeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail." + protocol + ".writetimeout", String.valueOf(IO_TIMEOUT_MS));
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".partialfetch", "false");
        if (imap.ssl()) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        Store store = session.getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.username(), imap.password() == null ? "" : imap.password());
        return store;
    }
}
