package be.coordinaat.licences;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the tools list, as they appear in its query string (page and API use the same names). "Which tools
 * may I use for maths in grade 5?" is {@code approved=true&subject=MATHS&grade=PRIMARY_5}.
 *
 * @param school     the tools of this school
 * @param status     one status
 * @param approved   true: only the approved catalogue (adopted, or piloting)
 * @param inProgress true: only tools proposed or under evaluation
 * @param subject    tools for this subject
 * @param grade      tools for this grade
 * @param cost       tools with this cost model
 * @param toEvaluate true: the tools the current user was invited to evaluate and that are open for scoring
 */
public record ToolFilter(Long school, ToolStatus status, Boolean approved, Boolean inProgress, ToolSubject subject,
        ToolGrade grade, ToolCostModel cost, Boolean toEvaluate) {

    public static ToolFilter none() {
        return new ToolFilter(null, null, null, null, null, null, null, null);
    }

    public static ToolFilter approvedOnly() {
        return new ToolFilter(null, null, true, null, null, null, null, null);
    }

    /** The query string of this filter with free text and sort. */
    public String queryString(String q, String sort) {
        List<String> parts = new ArrayList<>();
        add(parts, "school", school);
        add(parts, "status", status);
        add(parts, "approved", approved == null ? null : approved);
        add(parts, "inProgress", Boolean.TRUE.equals(inProgress) ? true : null);
        add(parts, "subject", subject);
        add(parts, "grade", grade);
        add(parts, "cost", cost);
        add(parts, "toEvaluate", Boolean.TRUE.equals(toEvaluate) ? true : null);
        add(parts, "q", q == null || q.isBlank() ? null : q);
        add(parts, "sort", sort == null || sort.isBlank() ? null : sort);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }
}
