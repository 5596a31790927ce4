package be.coordinaat.inventory;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The filters of the asset list, as they appear in its query string (the page, the API and saved filters use the
 * same names). Several kinds or statuses match any of them.
 *
 * @param warranty  {@code ended}, or a number of days N: the warranty ends within the next N days
 * @param endOfLife {@code passed}, or a number of days N: the end of life falls within the next N days
 * @param extra     custom field values that must match exactly, each as {@code key:value}
 */
public record AssetFilter(
        Long school,
        List<AssetKind> kind,
        List<AssetStatus> status,
        Long room,
        Long building,
        Long person,
        Long model,
        Long manufacturer,
        @Pattern(regexp = "ended|\\d{1,4}") String warranty,
        @Pattern(regexp = "passed|\\d{1,4}") String endOfLife,
        @Size(max = 10) List<@Size(max = 200) String> extra) {

    /** The query-string names this filter understands, besides {@code q}, {@code sort}, {@code page}, {@code size}. */
    public static final Set<String> NAMES = Set.of("school", "kind", "status", "room", "building", "person", "model",
            "manufacturer", "warranty", "endOfLife", "extra");

    public AssetFilter {
        kind = kind == null ? List.of() : kind.stream().filter(Objects::nonNull).distinct().toList();
        status = status == null ? List.of() : status.stream().filter(Objects::nonNull).distinct().toList();
        extra = extra == null ? List.of() : extra.stream().filter(e -> e != null && !e.isBlank()).toList();
        warranty = warranty == null || warranty.isBlank() ? null : warranty.strip();
        endOfLife = endOfLife == null || endOfLife.isBlank() ? null : endOfLife.strip();
    }

    /** Whether the date windows are well-formed ({@code ended}/{@code passed} or a number of days up to 9999). */
    public boolean wellFormed() {
        return (warranty == null || warranty.matches("ended|\\d{1,4}")) && (endOfLife == null || endOfLife.matches("passed|\\d{1,4}"));
    }

    /** This filter without malformed date windows (for pages reached through a hand-edited address). */
    public AssetFilter withoutMalformed() {
        return new AssetFilter(school, kind, status, room, building, person, model, manufacturer,
                warranty != null && warranty.matches("ended|\\d{1,4}") ? warranty : null,
                endOfLife != null && endOfLife.matches("passed|\\d{1,4}") ? endOfLife : null, extra);
    }

    public static AssetFilter none() {
        return new AssetFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public AssetFilter withSchool(Long schoolId) {
        return new AssetFilter(schoolId, kind, status, room, building, person, model, manufacturer, warranty, endOfLife,
                extra);
    }

    /** Whether any filter is set (besides free text). */
    public boolean any() {
        return school != null || !kind.isEmpty() || !status.isEmpty() || room != null || building != null
                || person != null || model != null || manufacturer != null || warranty != null || endOfLife != null
                || !extra.isEmpty();
    }

    /** The query string of this filter with free text and sort, e.g. {@code kind=LAPTOP&q=acer&sort=-tag}. */
    public String queryString(String q, String sort) {
        List<String> parts = new ArrayList<>();
        add(parts, "school", school);
        kind.forEach(k -> add(parts, "kind", k));
        status.forEach(s -> add(parts, "status", s));
        add(parts, "room", room);
        add(parts, "building", building);
        add(parts, "person", person);
        add(parts, "model", model);
        add(parts, "manufacturer", manufacturer);
        add(parts, "warranty", warranty);
        add(parts, "endOfLife", endOfLife);
        extra.forEach(e -> add(parts, "extra", e));
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
