package be.coordinaat.helpdesk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the ticket list, as they appear in its query string (page and API use the same names).
 *
 * @param open      true: only tickets that still need work (not solved or closed)
 * @param category  this category and its sub-categories
 * @param assignee  assigned to this account
 * @param unassigned true: nobody is assigned
 * @param mine      true: assigned to me
 * @param requester reported by this account
 * @param overdue   true: open and past a response or resolution due time
 * @param escalated true: currently with an external organisation
 */
public record TicketFilter(
        TicketStatus status,
        Boolean open,
        @Min(1) @Max(4) Integer priority,
        TicketKind kind,
        Long category,
        Long assignee,
        Boolean unassigned,
        Boolean mine,
        Long school,
        Long asset,
        Long room,
        Long requester,
        Boolean overdue,
        Boolean escalated) {

    public static TicketFilter none() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static TicketFilter openOnly() {
        return new TicketFilter(null, true, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TicketFilter withRequester(Long userId) {
        return new TicketFilter(status, open, priority, kind, category, assignee, unassigned, mine, school, asset, room,
                userId, overdue, escalated);
    }

    public boolean any() {
        return status != null || Boolean.TRUE.equals(open) || priority != null || kind != null || category != null
                || assignee != null || Boolean.TRUE.equals(unassigned) || Boolean.TRUE.equals(mine) || school != null
                || asset != null || room != null || requester != null || Boolean.TRUE.equals(overdue)
                || Boolean.TRUE.equals(escalated);
    }

    public String queryString(String q, String sort) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status);
        add(parts, "open", Boolean.TRUE.equals(open) ? true : null);
        add(parts, "priority", priority);
        add(parts, "kind", kind);
        add(parts, "category", category);
        add(parts, "assignee", assignee);
        add(parts, "unassigned", Boolean.TRUE.equals(unassigned) ? true : null);
        add(parts, "mine", Boolean.TRUE.equals(mine) ? true : null);
        add(parts, "school", school);
        add(parts, "asset", asset);
        add(parts, "room", room);
        add(parts, "requester", requester);
        add(parts, "overdue", Boolean.TRUE.equals(overdue) ? true : null);
        add(parts, "escalated", Boolean.TRUE.equals(escalated) ? true : null);
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
