package be.coordinaat.mail.delivery;

import be.coordinaat.mail.MailProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail passwords at rest: sealed with AES-256-GCM when a secret key is set ({@code COORDINAAT_MAIL_SECRET_KEY},
 * at least 16 characters, kept outside the database), so a database dump alone does not give the mailbox passwords;
 * stored as given without one. Sealed values start with {@code enc:v1:}; a stored plain value is still read after a
 * key is set, and sealed the next time it is saved.
 */
@Component
public class Secrets {

    static final String PREFIX = "enc:v1:";
    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    Secrets(MailProperties properties) {
        this(properties.secretKey());
    }

    Secrets(String secret) {
        if (secret == null || secret.isBlank()) {
            key = null;
        } else if (secret.length() < 16) {
            throw new IllegalStateException("coordinaat.mail.secret-key must have at least 16 characters");
        } else {
            try {
                key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether passwords are encrypted at rest. */
    public boolean sealing() {
        return key != null;
    }

    public String seal(String plain) {
        if (plain == null || key == null) {
            return plain;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The password; null when it was sealed with another key (or none is set now): the server will refuse it. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            log.warn("a mail password is encrypted but coordinaat.mail.secret-key is not set");
            return null;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            log.warn("a mail password cannot be decrypted with the current coordinaat.mail.secret-key");
            return null;
        }
    }
}
