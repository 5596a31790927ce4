package be.coordinaat.inventory.agent;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifiers an inventory is matched on, with the known traps: serial numbers that firmware vendors leave as
 * placeholders ("Default string", "To be filled by O.E.M.", "0123456789"…) would merge every such machine into
 * one, so they count as no serial; the same holds for placeholder UUIDs and for MAC addresses of loopback, virtual
 * and well-known shared adapters.
 */
final class Identities {

    private Identities() {}

    private static final Set<String> PLACEHOLDER_SERIALS = Set.of("default string", "to be filled by o.e.m.",
            "to be filled by oem", "o.e.m.", "oem", "0123456789", "123456789", "1234567890", "12345678", "system serial number",
            "chassis serial number", "base board serial number", "serial number", "serial", "none", "null", "not specified",
            "not applicable", "not available", "n/a", "na", "unknown", "invalid", "empty", "default", "xxxxxxxxxx",
            "0000000000", "to be filled by o.e.m", "type1productconfigid", "sys. serial number", "system serial#",
            "not settable", "unspecified", "no asset tag", "123456789012", "0123456789abcdef");

    private static final Pattern ONE_CHAR = Pattern.compile("^(.)\\1*$");

    /** The serial to store and match on, upper case; null for a placeholder, a repeated character or under 4 characters. */
    static String serial(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.length() < 4 || s.length() > 100 || PLACEHOLDER_SERIALS.contains(lower)
                || ONE_CHAR.matcher(lower.replace("-", "").replace(" ", "")).matches()
                || lower.startsWith("to be filled")) {
            return null;
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static final Pattern UUID = Pattern.compile("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$");
    private static final Set<String> PLACEHOLDER_UUIDS = Set.of("03000200-0400-0500-0006-000700080009",
            "00020003-0004-0005-0006-000700080009", "12345678-1234-5678-90AB-CDDEEFAABBCC");

    /** The hardware UUID (SMBIOS) upper case; null when not a UUID or a known placeholder (all zeros, all F, …). */
    static String uuid(String raw) {
        if (raw == null) {
            return null;
        }
        String u = raw.strip().toUpperCase(Locale.ROOT);
        if (!UUID.matcher(u).matches() || PLACEHOLDER_UUIDS.contains(u) || ONE_CHAR.matcher(u.replace("-", "")).matches()) {
            return null;
        }
        return u;
    }

    private static final Pattern MAC = Pattern.compile("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$");
    private static final Set<String> SHARED_MACS = Set.of("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "02:00:4c:4f:4f:50",
            "00:50:56:c0:00:01", "00:50:56:c0:00:08", "00:00:00:00:00:e0", "20:41:53:59:4e:ff", "33:50:6f:45:30:30");

    /** A MAC address as {@code aa:bb:cc:dd:ee:ff}; null when malformed, loopback, broadcast or a known shared one. */
    static String mac(String raw) {
        if (raw == null) {
            return null;
        }
        String m = raw.strip().toLowerCase(Locale.ROOT).replace('-', ':');
        if (m.length() == 12 && m.matches("[0-9a-f]{12}")) {
            m = String.join(":", m.substring(0, 2), m.substring(2, 4), m.substring(4, 6), m.substring(6, 8),
                    m.substring(8, 10), m.substring(10, 12));
        }
        if (!MAC.matcher(m).matches() || SHARED_MACS.contains(m)) {
            return null;
        }
        return m;
    }
}
