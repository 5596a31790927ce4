package be.coordinaat.inventory.agent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised software names: what installations are counted and licences compared on. "Mozilla Firefox (x64 nl)",
 * "Mozilla Firefox 128.0.2 ESR" and "mozilla firefox" are one product: lower case, without a version number,
 * architecture, language or edition noise in brackets, and with single spaces.
 */
public final class SoftwareNames {

    private SoftwareNames() {}

    private static final Pattern BRACKETS = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]");
    private static final Pattern VERSION = Pattern.compile("\\s+v?\\d+(\\.\\d+)+[a-z0-9.-]*");
    private static final Pattern ARCH = Pattern.compile("\\s+(x64|x86|x86_64|amd64|64-bit|32-bit|64 bit|32 bit)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The normalised name (never empty for a non-blank input; at most 255 characters). */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String original = SPACES.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        String n = BRACKETS.matcher(original).replaceAll("");
        n = ARCH.matcher(n).replaceAll("");
        n = VERSION.matcher(n).replaceAll("");
        n = SPACES.matcher(n.replaceAll("[\\s\\-–,]+$", "")).replaceAll(" ").strip();
        if (n.isEmpty()) {
            n = original;
        }
        return n.length() > 255 ? n.substring(0, 255) : n;
    }
}
