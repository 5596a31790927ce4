package be.coordinaat.shared;

import java.util.Optional;
import java.util.Set;

/**
 * Recognises uploaded files by their first bytes, whatever name or declared type they arrive with: a program renamed
 * to {@code .png} is still a program. SVG is never recognised: it can carry scripts. Each module says which of these
 * types it accepts (asset and ticket attachments: photos and PDF; article images: pictures).
 */
public final class FileTypes {
    private FileTypes() {}

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String GIF = "image/gif";
    public static final String PDF = "application/pdf";

    /** Photos, screenshots and PDF documents: what assets and tickets carry. */
    public static final Set<String> PHOTOS_AND_PDF = Set.of(JPEG, PNG, WEBP, PDF);
    /** Pictures to show in a page. */
    public static final Set<String> IMAGES = Set.of(JPEG, PNG, WEBP, GIF);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The content type the bytes really have, when it is one of {@code allowed}. */
    public static Optional<String> detect(byte[] bytes, Set<String> allowed) {
        return type(bytes).filter(allowed::contains);
    }

    private static Optional<String> type(byte[] bytes) {
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
        if (startsWith(bytes, 0, "GIF87a".getBytes()) || startsWith(bytes, 0, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, "%PDF-".getBytes())) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /**
     * A file name safe to store and to send back in a Content-Disposition header: no folders, no control characters
     * or quotes, at most {@code maxLength} characters, never empty ({@code fallback} plus the type's extension).
     */
    public static String safeName(String original, String contentType, String fallback, int maxLength) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        String ext = extension(contentType);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = fallback + ext;
        }
        if (name.length() > maxLength) {
            name = name.substring(0, maxLength - ext.length()) + ext;
        }
        return name;
    }

    /** The usual file extension of a type, with its dot; empty for others. */
    public static String extension(String contentType) {
        return switch (contentType == null ? "" : contentType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case WEBP -> ".webp";
            case GIF -> ".gif";
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
