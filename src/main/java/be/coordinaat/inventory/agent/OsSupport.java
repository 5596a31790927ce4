package be.coordinaat.inventory.agent;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small built-in table of when operating systems leave their vendor's support (security updates end), from the
 * vendors' published life-cycle pages. Used at each inventory to store the end date with the computer, so "OS out
 * of support" is one indexed query. Unknown systems have no date (never flagged). Windows 10/11 Education and
 * Enterprise get a year more per feature update than Home and Pro, as Microsoft publishes.
 */
final class OsSupport {

    private OsSupport() {}

    private record Rule(Pattern name, Pattern version, LocalDate end) {
        Rule(String name, String version, String end) {
            this(Pattern.compile(name, Pattern.CASE_INSENSITIVE), version == null ? null : Pattern.compile(version),
                    LocalDate.parse(end));
        }
    }

    /** Checked in order; the first match decides. */
    private static final List<Rule> RULES = List.of(
            new Rule("windows xp", null, "2014-04-08"),
            new Rule("windows vista", null, "2017-04-11"),
            new Rule("windows 7", null, "2020-01-14"),
            new Rule("windows 8\\.1", null, "2023-01-10"),
            new Rule("windows 8", null, "2016-01-12"),
            new Rule("windows 10 .*ltsc.*2019|windows 10 .*ltsc", "^10\\.0\\.17763", "2029-01-09"),
            new Rule("windows 10 .*ltsc", "^10\\.0\\.19044", "2027-01-12"),
            new Rule("windows 10", null, "2025-10-14"),
            new Rule("windows 11 (education|enterprise)", "^10\\.0\\.22000", "2024-10-08"),
            new Rule("windows 11 (education|enterprise)", "^10\\.0\\.22621", "2025-10-14"),
            new Rule("windows 11 (education|enterprise)", "^10\\.0\\.22631", "2026-11-10"),
            new Rule("windows 11 (education|enterprise)", "^10\\.0\\.26100", "2027-10-12"),
            new Rule("windows 11 (education|enterprise)", "^10\\.0\\.26200", "2028-10-10"),
            new Rule("windows 11", "^10\\.0\\.22000", "2023-10-10"),
            new Rule("windows 11", "^10\\.0\\.22621", "2024-10-08"),
            new Rule("windows 11", "^10\\.0\\.22631", "2025-11-11"),
            new Rule("windows 11", "^10\\.0\\.26100", "2026-10-13"),
            new Rule("windows 11", "^10\\.0\\.26200", "2027-10-12"),
            new Rule("windows server 2008", null, "2020-01-14"),
            new Rule("windows server 2012", null, "2023-10-10"),
            new Rule("windows server 2016", null, "2027-01-12"),
            new Rule("windows server 2019", null, "2029-01-09"),
            new Rule("windows server 2022", null, "2031-10-14"),
            new Rule("debian.* (9|stretch)\\b|debian gnu/linux 9", null, "2022-06-30"),
            new Rule("debian.*\\b(10|buster)\\b", null, "2024-06-30"),
            new Rule("debian.*\\b(11|bullseye)\\b", null, "2026-08-31"),
            new Rule("debian.*\\b(12|bookworm)\\b", null, "2028-06-30"),
            new Rule("debian.*\\b(13|trixie)\\b", null, "2030-06-30"),
            new Rule("ubuntu.*\\b18\\.04", null, "2023-05-31"),
            new Rule("ubuntu.*\\b20\\.04", null, "2025-05-31"),
            new Rule("ubuntu.*\\b22\\.04", null, "2027-06-01"),
            new Rule("ubuntu.*\\b24\\.04", null, "2029-05-31"),
            new Rule("mac ?os.*\\b(11|big sur)\\b", null, "2023-09-26"),
            new Rule("mac ?os.*\\b(12|monterey)\\b", null, "2024-09-16"),
            new Rule("mac ?os.*\\b(13|ventura)\\b", null, "2025-09-15"));

    /** The end of support of this system, or null when the table does not know it. */
    static LocalDate end(String fullName, String version) {
        if (fullName == null) {
            return null;
        }
        String name = fullName.toLowerCase(Locale.ROOT);
        String v = version == null ? "" : version.strip();
        for (Rule rule : RULES) {
            Matcher m = rule.name().matcher(name);
            if (m.find() && (rule.version() == null || rule.version().matcher(v).find())) {
                return rule.end();
            }
        }
        return null;
    }
}
