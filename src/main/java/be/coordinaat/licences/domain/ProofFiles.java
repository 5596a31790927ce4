package be.coordinaat.licences.domain;

import java.util.Optional;

/**
 * Recognises a proof of purchase (a PDF invoice, or a scan or photo as PNG or JPEG) by its first bytes, whatever
 * name or declared type it arrives with.
 */
public final class ProofFiles {
    private ProofFiles() {}

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};

    /** The content type the bytes really have, when it is PDF, PNG or JPEG. */
    public static Optional<String> detect(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (startsWith(bytes, PDF_SIGNATURE)) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /**
     * A file name safe to store and to send back in a Content-Disposition header: no folders, no control characters,
     * at most 255 characters, never empty.
     */
    public static String safeName(String original, String contentType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        String ext = extension(contentType);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "bewijs" + ext;
        }
        if (name.length() > 255) {
            name = name.substring(0, 255 - ext.length()) + ext;
        }
        return name;
    }

    static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case PDF -> ".pdf";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
