package be.coordinaat.selfevaluation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** Link secrets and one-time codes: random, and codes easy to type (no 0/O or 1/I/L to mix up). */
final class Secrets {
    private Secrets() {}

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    static String linkToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String code() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A code as typed ("abcd efgh", "ABCD-EFGH") in its stored form, or null when it cannot be one. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String c = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-.]", "");
        if (c.length() != CODE_LENGTH) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return null;
            }
        }
        return c;
    }

    /** Whether a link token has the shape of one (so junk never reaches the database). */
    static boolean linkTokenShape(String token) {
        return token != null && token.length() == 32 && token.chars().allMatch(ch ->
                (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_');
    }
}
