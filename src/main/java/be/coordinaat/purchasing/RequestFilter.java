package be.coordinaat.purchasing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters of the purchase request list: school, status, only my own requests, only those waiting for me (advice
 * for an adviser, a decision for an approver). Every one is applied in SQL.
 */
public record RequestFilter(Long school, PurchaseStatus status, Boolean mine, Boolean waiting) {

    public static RequestFilter none() {
        return new RequestFilter(null, null, null, null);
    }

    /** The filter as URL parameters, with the search text and sort, for links that keep it. */
    public String queryString(String q, String sort) {
        List<String> p = new ArrayList<>();
        if (school != null) p.add("school=" + school);
        if (status != null) p.add("status=" + status);
        if (Boolean.TRUE.equals(mine)) p.add("mine=true");
        if (Boolean.TRUE.equals(waiting)) p.add("waiting=true");
        if (q != null && !q.isBlank()) p.add("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (sort != null && !sort.isBlank()) p.add("sort=" + sort);
        return String.join("&", p);
    }
}
