package be.coordinaat.inventory.domain;

import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.AssetStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL of the asset list: one count and one page query over the same conditions, so a page costs two queries
 * whatever its size. The page query picks the page's assets first (sorted and limited on the asset table and its
 * indexes) and only then looks up the names of school, model, manufacturer, room, building and person for those
 * rows. The count joins nothing: related filters (building, manufacturer) are sub-selects on their indexes, and a
 * list filtered on school, kind and status alone is counted from {@code asset_count}. Sort keys are whitelisted;
 * user input only ever reaches the SQL as parameters.
 */
public final class AssetListQuery {
    private AssetListQuery() {}

    /**
     * The columns of a list row, read from the page's assets ({@code a}, at most one page of them) with the names
     * of what they refer to. Scalar sub-selects on primary keys keep the planning of this statement cheap; the
     * model and room are joined because their names are also sort keys.
     */
    public static final String COLUMNS = """
            SELECT a.id, a.school_id, (SELECT name FROM school WHERE id = a.school_id) AS school_name, a.tag, a.name,
                   a.serial, a.kind, a.status, a.model_id, m.name AS model_name,
                   (SELECT name FROM manufacturer WHERE id = m.manufacturer_id) AS manufacturer_name,
                   a.room_id, r.name AS room_name, r.code AS room_code,
                   (SELECT name FROM building WHERE id = r.building_id) AS building_name, a.assigned_person_id,
                   (SELECT first_name || ' ' || last_name FROM person WHERE id = a.assigned_person_id) AS person_name,
                   a.purchase_date, a.warranty_end, a.end_of_life, a.version""";

    /**
     * Run first in the list's transaction: plan each execution for its own values. A prepared statement's generic
     * plan cannot know whether "%3ac11d%" matches one asset or "%chromebook%" ten thousand, and picks badly.
     */
    public static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /**
     * A whitelisted sort: its SQL expression, whether it can be null (those sort last both ways) and the join it
     * needs, if any (the same alias is joined again around the page for its name).
     */
    private record Sort(String expression, boolean nullable, String join, String unindexed) {
        Sort(String expression, boolean nullable) {
            this(expression, nullable, "", expression);
        }

        Sort(String expression, boolean nullable, String join) {
            this(expression, nullable, join, expression);
        }

        /** A sort that an index could serve, with an equal expression that no index serves. */
        static Sort indexed(String expression, boolean nullable, String unindexed) {
            return new Sort(expression, nullable, "", unindexed);
        }
    }

    private static final Map<String, Sort> SORTS = Map.ofEntries(
            Map.entry("tag", Sort.indexed("lower(a.tag)", false, "(lower(a.tag) || '')")),
            Map.entry("name", new Sort("lower(a.name)", true)),
            Map.entry("serial", new Sort("a.serial", true)),
            Map.entry("kind", new Sort("a.kind", false)),
            Map.entry("status", new Sort("a.status", false)),
            Map.entry("model", new Sort("lower(m.name)", true, " LEFT JOIN asset_model m ON m.id = a.model_id")),
            Map.entry("room", new Sort("lower(r.name)", true, " LEFT JOIN room r ON r.id = a.room_id")),
            Map.entry("school", new Sort("lower(s.name)", false, " JOIN school s ON s.id = a.school_id")),
            Map.entry("warrantyEnd", Sort.indexed("a.warranty_end", true, "(a.warranty_end + 0)")),
            Map.entry("endOfLife", Sort.indexed("a.end_of_life", true, "(a.end_of_life + 0)")),
            Map.entry("purchaseDate", Sort.indexed("a.purchase_date", true, "(a.purchase_date + 0)")),
            Map.entry("updated", Sort.indexed("a.updated_at", false, "(a.updated_at + interval '0 s')")));

    public static final String DEFAULT_SORT = "tag";

    /** Text searches are counted up to this many matches (see {@link be.coordinaat.inventory.Views.AssetPage}). */
    public static final int TEXT_COUNT_LIMIT = 1000;

    /**
     * The SQL and its parameters: the count, and two forms of the page query. Run the count first, then
     * {@link #page(long)}: with few matches the page is sorted from the matches themselves; with many it is read in
     * index order. Index order alone is a trap when the filters correlate: "batterij" may only occur in the notes of
     * assets in stock, and PostgreSQL, assuming independence, would walk the whole tag index looking for 25 that
     * are in use.
     */
    public record Sql(String count, String indexOrdered, String matchesSorted, Map<String, Object> params) {

        public String page(long total) {
            return total <= FEW ? matchesSorted : indexOrdered;
        }
    }

    /** Up to this many matches, a page is sorted from the matches rather than read in index order. */
    static final long FEW = 1000;

    /**
     * @param scope      the schools the user may read (bound as a bigint[] parameter, see {@link #scope})
     * @param extraJson  custom field conditions, each a JSON object the asset's {@code extra} must contain
     * @param terms      free-text words; every one must occur in the asset's search text
     */
    public static Sql build(Long[] scope, AssetFilter filter, List<String> extraJson, List<String> terms,
            String sort, boolean descending, int limit, long offset, LocalDate today) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        where.add("a.school_id = ANY(CAST(:ids AS bigint[]))");
        params.put("ids", scope);
        if (filter.school() != null) {
            where.add("a.school_id = :school");
            params.put("school", filter.school());
        }
        if (filter.kind().size() == 1) {
            where.add("a.kind = :kind");
            params.put("kind", filter.kind().get(0).name());
        } else if (!filter.kind().isEmpty()) {
            where.add("a.kind = ANY(CAST(:kinds AS text[]))");
            params.put("kinds", filter.kind().stream().map(AssetKind::name).collect(Collectors.joining(",", "{", "}")));
        }
        if (filter.status().size() == 1) {
            where.add("a.status = :status");
            params.put("status", filter.status().get(0).name());
        } else if (!filter.status().isEmpty()) {
            where.add("a.status = ANY(CAST(:statuses AS text[]))");
            params.put("statuses", filter.status().stream().map(AssetStatus::name).collect(Collectors.joining(",", "{", "}")));
        }
        if (filter.room() != null) {
            where.add("a.room_id = :room");
            params.put("room", filter.room());
        }
        if (filter.building() != null) {
            where.add("a.room_id IN (SELECT id FROM room WHERE building_id = :building)");
            params.put("building", filter.building());
        }
        if (filter.person() != null) {
            where.add("a.assigned_person_id = :person");
            params.put("person", filter.person());
        }
        if (filter.model() != null) {
            where.add("a.model_id = :model");
            params.put("model", filter.model());
        }
        if (filter.manufacturer() != null) {
            where.add("a.model_id IN (SELECT id FROM asset_model WHERE manufacturer_id = :manufacturer)");
            params.put("manufacturer", filter.manufacturer());
        }
        if (filter.warranty() != null) {
            params.put("today", today);
            if (filter.warranty().equals("ended")) {
                where.add("a.warranty_end < :today");
            } else {
                where.add("a.warranty_end BETWEEN :today AND :warrantyUntil");
                params.put("warrantyUntil", today.plusDays(Integer.parseInt(filter.warranty())));
            }
        }
        if (filter.endOfLife() != null) {
            params.put("today", today);
            if (filter.endOfLife().equals("passed")) {
                where.add("a.end_of_life < :today");
            } else {
                where.add("a.end_of_life BETWEEN :today AND :endOfLifeUntil");
                params.put("endOfLifeUntil", today.plusDays(Integer.parseInt(filter.endOfLife())));
            }
        }
        for (int i = 0; i < extraJson.size(); i++) {
            where.add("a.extra @> CAST(:extra" + i + " AS jsonb)");
            params.put("extra" + i, extraJson.get(i));
        }
        for (int i = 0; i < terms.size(); i++) {
            where.add("a.search LIKE :q" + i + " ESCAPE '\\'");
            params.put("q" + i, likePattern(terms.get(i)));
        }
        String condition = " WHERE " + String.join(" AND ", where);
        Sort s = SORTS.getOrDefault(sort == null ? DEFAULT_SORT : sort, SORTS.get(DEFAULT_SORT));
        String direction = descending ? " DESC" : " ASC";
        String nulls = s.nullable() ? " NULLS LAST" : "";
        String orderBy = " ORDER BY " + s.expression() + direction + nulls + ", a.id" + direction;
        String unindexedOrderBy = " ORDER BY " + s.unindexed() + direction + nulls + ", a.id" + direction;
        params.put("limit", limit);
        params.put("offset", offset);
        // the page is chosen on the assets alone; only its rows get their names
        String outer = " LEFT JOIN asset_model m ON m.id = a.model_id LEFT JOIN room r ON r.id = a.room_id"
                + (s.join().contains("school") ? s.join() : "") + orderBy;
        String indexOrdered = COLUMNS + " FROM (SELECT a.* FROM asset a" + s.join() + condition + orderBy
                + " LIMIT :limit OFFSET :offset) a" + outer;
        String matchesSorted = COLUMNS + " FROM (SELECT a.* FROM asset a" + s.join() + condition + unindexedOrderBy
                + " LIMIT :limit OFFSET :offset) a" + outer;
        // filtered on school, kind and status alone: the total comes from the counts kept per school, kind and status
        boolean fromTotals = terms.isEmpty() && extraJson.isEmpty() && filter.room() == null && filter.building() == null
                && filter.person() == null && filter.model() == null && filter.manufacturer() == null
                && filter.warranty() == null && filter.endOfLife() == null;
        // a text search that matches thousands of assets is counted up to a limit: past it the exact number helps
        // nobody, and every match would have to be read from the table to check its text
        String count = fromTotals ? "SELECT coalesce(sum(a.n), 0) FROM asset_counts a" + condition
                : !terms.isEmpty() ? "SELECT count(*) FROM (SELECT 1 FROM asset a" + condition + " LIMIT " + (TEXT_COUNT_LIMIT + 1) + ") c"
                : "SELECT count(*) FROM asset a" + condition;
        return new Sql(count, indexOrdered, matchesSorted, params);
    }

    /**
     * School ids as the value of a {@code bigint[]} parameter. Bound as text, {@code CAST(:ids AS bigint[])} is not
     * a constant to PostgreSQL: it parses the array again for every row it filters (200 ms for 10,000 rows of a
     * board with 200 schools); bound as an array, it is read once.
     */
    public static Long[] scope(java.util.Collection<Long> schoolIds) {
        return schoolIds.toArray(Long[]::new);
    }

    public static boolean knownSort(String key) {
        return SORTS.containsKey(key);
    }

    /** The free text split into words (at most 5), lower-cased. */
    public static List<String> terms(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return List.of(q.strip().toLowerCase(Locale.ROOT).split("\\s+")).stream().distinct().limit(5).toList();
    }

    static String likePattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
