package be.coordinaat.inventory.label;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The short, stable address printed as QR code on an asset's label: {@code <base>/a/<schoolId>/<tag>}. The tag is
 * stable and unique per school, the school id never changes, so the address keeps working as long as the asset
 * exists. Signed-in staff are sent on to the asset's page; later the public "report a problem" page lives behind it.
 * Tags may hold letters, digits and {@code . _ / -}: each segment is percent-encoded, the slashes stay.
 */
public final class AssetLinks {
    private AssetLinks() {}

    /** What a scanned or typed code names: a tag, and the school when the code was a label's address. */
    public record ScanCode(Long schoolId, String tag) {}

    private static final Pattern LINK = Pattern.compile("/a/(\\d{1,18})/([^?#]+)");

    /** The path of an asset's label address, e.g. {@code /a/12/RB-000001}. */
    public static String path(long schoolId, String tag) {
        return "/a/" + schoolId + "/" + Arrays.stream(tag.split("/", -1))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    /** The absolute address ({@code base} without trailing slash, e.g. {@code https://coordinaat.example.be}). */
    public static String url(String base, long schoolId, String tag) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + path(schoolId, tag);
    }

    /**
     * Reads a scanned or typed code: a label's address (absolute or a path, any host or context path) gives school and
     * tag; anything else is taken as a tag as typed. Null for blank input.
     */
    public static ScanCode parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip();
        String path = null;
        if (c.regionMatches(true, 0, "http://", 0, 7) || c.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                path = URI.create(c).getRawPath();
            } catch (IllegalArgumentException e) {
                return new ScanCode(null, c);
            }
        } else if (c.startsWith("/")) {
            path = c;
        }
        if (path != null) {
            Matcher m = LINK.matcher(path);
            if (m.find() && m.end() == path.length()) {
                String tag = m.group(2).endsWith("/") ? m.group(2).substring(0, m.group(2).length() - 1) : m.group(2);
                try {
                    return new ScanCode(Long.parseLong(m.group(1)), URLDecoder.decode(tag.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return new ScanCode(null, c);
                }
            }
        }
        return new ScanCode(null, c);
    }
}
