package be.coordinaat.licences;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of the licence list, as they appear in its query string (page and API use the same names).
 *
 * @param school   the licences of this school (not the board-wide ones)
 * @param board    true: only the board-wide licences
 * @param expiring the end or renewal date falls within the next N days (today included)
 * @param expired  true: the end date has passed
 * @param overUse  true: only licences using more seats than they own
 * @param assetId  the licences that cover this asset (directly or through its whole school)
 * @param personId the licences that cover this person (directly or through one of their schools)
 */
public record LicenceFilter(
        Long school,
        Boolean board,
        Long software,
        LicenceType type,
        @Min(0) @Max(3650) Integer expiring,
        Boolean expired,
        Boolean overUse,
        Long assetId,
        Long personId) {

    public static LicenceFilter none() {
        return new LicenceFilter(null, null, null, null, null, null, null, null, null);
    }

    public static LicenceFilter expiringWithin(int days) {
        return new LicenceFilter(null, null, null, null, days, null, null, null, null);
    }

    /** Whether any filter is set (besides free text). */
    public boolean any() {
        return school != null || Boolean.TRUE.equals(board) || software != null || type != null || expiring != null
                || Boolean.TRUE.equals(expired) || Boolean.TRUE.equals(overUse) || assetId != null || personId != null;
    }

    /** The query string of this filter with free text and sort, e.g. {@code type=PER_USER&overUse=true&sort=-end}. */
    public String queryString(String q, String sort) {
        List<String> parts = new ArrayList<>();
        add(parts, "school", school);
        add(parts, "board", Boolean.TRUE.equals(board) ? true : null);
        add(parts, "software", software);
        add(parts, "type", type);
        add(parts, "expiring", expiring);
        add(parts, "expired", Boolean.TRUE.equals(expired) ? true : null);
        add(parts, "overUse", Boolean.TRUE.equals(overUse) ? true : null);
        add(parts, "assetId", assetId);
        add(parts, "personId", personId);
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
