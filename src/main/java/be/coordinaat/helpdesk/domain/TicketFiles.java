package be.coordinaat.helpdesk.domain;

import java.util.Optional;

/**
 * Recognises the files a ticket may carry (photos of the problem, screenshots, PDF documents) by their first bytes,
 * whatever name or declared type they arrive with — the approach of the inventory's asset attachments.
 */
public final class TicketFiles {
    private TicketFiles() {}

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

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

    /** A file name safe to store and to send back in a Content-Disposition header. */
    public static String safeName(String original, String contentType) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        String ext = switch (contentType == null ? "" : contentType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case WEBP -> ".webp";
            case PDF -> ".pdf";
            default -> "";
        };
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "bijlage" + ext;
        }
        if (name.length() > 255) {
            name = name.substring(0, 255 - ext.length()) + ext;
        }
        return name;
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
