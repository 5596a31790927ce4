package be.coordinaat.inventory.domain;

import java.util.Optional;

/**
 * Recognises the files an asset may carry (photos and invoices) by their first bytes, whatever name or declared
 * type they arrive with: a program renamed to {@code .png} is still a program.
 */
public final class FileTypes {
    private FileTypes() {}

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The content type the bytes really have, when it is one of the allowed types. */
    public static Optional<String> detect(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, "RIFF".getBytes()) && startsWith(bytes, 8, "WEBP".getBytes())) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, "%PDF-".getBytes())) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /**
     * A file name safe to store and to send back in a Content-Disposition header: no folders, no control
     * characters, at most 255 characters, never empty.
     */
    public static String safeName(String original, String contentType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file" + extension(contentType);
        }
        if (name.length() > 255) {
            String ext = extension(contentType);
            name = name.substring(0, 255 - ext.length()) + ext;
        }
        return name;
    }

    static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case WEBP -> ".webp";
            case PDF -> ".pdf";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
