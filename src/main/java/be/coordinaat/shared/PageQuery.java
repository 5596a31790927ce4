package be.coordinaat.shared;

import java.util.Map;

/**
 * A request for one page of a list: page number (0-based), size, a sort key and an optional free-text filter.
 * Sort keys are whitelisted per list ({@link #orderBy(Map, String)}), so user input never reaches SQL.
 */
public record PageQuery(int page, int size, String sort, boolean descending, String q) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
        // page × size must stay a valid OFFSET
        page = Math.min(Math.max(0, page), Integer.MAX_VALUE / size - 1);
        q = cleanText(q);
        if (q != null && q.length() > 200) {
            q = q.substring(0, 200).strip();
        }
    }

    /**
     * Search text without control characters (PostgreSQL cannot store or compare NUL, and no name contains any)
     * or unpaired surrogates; null when nothing is left.
     */
    public static String cleanText(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isISOControl(c) && !(c >= 0xD800 && c <= 0xDFFF)).forEach(b::appendCodePoint);
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }

    public static PageQuery of(Integer page, Integer size, String sort, String q) {
        boolean desc = sort != null && sort.startsWith("-");
        String key = sort == null ? null : (desc ? sort.substring(1) : sort);
        return new PageQuery(page == null ? 0 : page, size == null ? 25 : size, key, desc, q);
    }

    public int offset() {
        return page * size;
    }

    /** The ORDER BY clause for this query: the chosen whitelisted key, or the default, always ending on id. */
    public String orderBy(Map<String, String> columns, String defaultKey) {
        String column = columns.getOrDefault(sort == null ? defaultKey : sort, columns.get(defaultKey));
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + column + direction + ", id" + direction;
    }

    /** The sort parameter as it appears in URLs ("name" or "-name"). */
    public String sortParam() {
        return sort == null ? "" : (descending ? "-" : "") + sort;
    }

    /** A LIKE pattern for the free-text filter, with wildcards in the input escaped. */
    public String likePattern() {
        if (q == null) {
            return null;
        }
        return "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%";
    }
}
