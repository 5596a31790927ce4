package be.coordinaat.maintenance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The filters of the plan and due lists, as they appear in the query string.
 *
 * @param assignee     {@code me}: plans done by the current account; {@code organisation}: plans done by the current
 *                     user's organisation
 * @param organisation plans done by this organisation
 * @param days         due lists: plans due within this many days (overdue ones included); default 14
 * @param active       plan list: only active ({@code true}) or only paused ({@code false}) plans
 */
public record PlanFilter(
        Long school,
        @Pattern(regexp = "me|organisation") String assignee,
        Long organisation,
        @Min(0) @Max(366) Integer days,
        Boolean active) {

    public static final int DEFAULT_DAYS = 14;

    public static PlanFilter none() {
        return new PlanFilter(null, null, null, null, null);
    }

    public int window() {
        return days == null ? DEFAULT_DAYS : days;
    }

    /** The query string of this filter, e.g. {@code school=3&assignee=me}. */
    public String queryString() {
        StringBuilder b = new StringBuilder();
        add(b, "school", school);
        add(b, "assignee", assignee);
        add(b, "organisation", organisation);
        add(b, "days", days);
        add(b, "active", active);
        return b.toString();
    }

    private static void add(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(b.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
