package be.coordinaat.inventory.agent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Manufacturer names as firmware reports them ("Dell Inc.", "LENOVO", "ASUSTeK COMPUTER INC.") made into catalogue names. */
final class Manufacturers {

    private Manufacturers() {}

    private static final Map<String, String> KNOWN = new LinkedHashMap<>();
    static {
        KNOWN.put("dell", "Dell");
        KNOWN.put("lenovo", "Lenovo");
        KNOWN.put("hewlett-packard", "HP");
        KNOWN.put("hp", "HP");
        KNOWN.put("asustek", "ASUS");
        KNOWN.put("asus", "ASUS");
        KNOWN.put("acer", "Acer");
        KNOWN.put("apple", "Apple");
        KNOWN.put("microsoft", "Microsoft");
        KNOWN.put("fujitsu", "Fujitsu");
        KNOWN.put("toshiba", "Toshiba");
        KNOWN.put("dynabook", "Dynabook");
        KNOWN.put("samsung", "Samsung");
        KNOWN.put("medion", "Medion");
        KNOWN.put("micro-star", "MSI");
        KNOWN.put("gigabyte", "Gigabyte");
        KNOWN.put("intel", "Intel");
        KNOWN.put("vmware", "VMware");
        KNOWN.put("innotek", "VirtualBox");
        KNOWN.put("qemu", "QEMU");
        KNOWN.put("red hat", "Red Hat");
        KNOWN.put("xen", "Xen");
        KNOWN.put("google", "Google");
    }

    private static final Set<String> PLACEHOLDERS = Set.of("to be filled by o.e.m.", "to be filled by oem",
            "system manufacturer", "system product name", "default string", "o.e.m.", "oem", "not specified",
            "not applicable", "unknown", "none", "n/a", "all series", "type1productconfigid", "system version");

    static boolean placeholder(String s) {
        return s == null || s.isBlank() || PLACEHOLDERS.contains(s.strip().toLowerCase(Locale.ROOT));
    }

    /** The catalogue name of a manufacturer, or null for a placeholder. */
    static String clean(String raw) {
        if (placeholder(raw)) {
            return null;
        }
        String lower = raw.strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : KNOWN.entrySet()) {
            if (lower.equals(e.getKey()) || lower.startsWith(e.getKey() + " ") || lower.startsWith(e.getKey() + ",")
                    || lower.startsWith(e.getKey() + ".") || lower.startsWith(e.getKey() + "-") && !e.getKey().equals("hp")) {
                return e.getValue();
            }
        }
        return raw.strip().replaceAll("(?i)[, ]+(inc\\.?|corporation|corp\\.?|co\\.,? ?ltd\\.?|ltd\\.?|gmbh)$", "");
    }
}
