package be.coordinaat.maintenance.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts secrets of the network documentation (Wi-Fi pre-shared keys) with AES-256-GCM, so that a database dump or
 * backup does not reveal them. The key is {@code COORDINAAT_SECRET_KEY} (32 bytes, base64) when set, or else a key
 * file ({@code coordinaat.secret-key-file}, by default {@code data/secret.key}) created on first use and readable by
 * its owner only. Without the key the stored secrets cannot be read: back it up apart from the database.
 */
@Component
public class SecretBox {

    private static final int NONCE = 12;
    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final Path keyFile;
    private volatile SecretKeySpec key;

    SecretBox(@Value("${coordinaat.secret-key:${COORDINAAT_SECRET_KEY:}}") String configuredKey,
            @Value("${coordinaat.secret-key-file:data/secret.key}") String keyFile) {
        this.configuredKey = configuredKey;
        this.keyFile = Path.of(keyFile);
    }

    public byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public String open(byte[] box) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, box, 0, NONCE));
            return new String(c.doFinal(box, NONCE, box.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the secret: was the secret key changed?", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadKey() {
        if (StringUtils.hasText(configuredKey)) {
            byte[] k = Base64.getDecoder().decode(configuredKey.strip());
            if (k.length != 32) {
                throw new IllegalStateException("COORDINAAT_SECRET_KEY must be 32 bytes in base64");
            }
            return k;
        }
        try {
            if (Files.exists(keyFile)) {
                byte[] k = Base64.getDecoder().decode(Files.readString(keyFile).strip());
                if (k.length != 32) {
                    throw new IllegalStateException(keyFile + " does not hold a 32-byte key in base64");
                }
                return k;
            }
            byte[] k = new byte[32];
            random.nextBytes(k);
            if (keyFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
            }
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(k));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + keyFile, e);
        }
    }
}
