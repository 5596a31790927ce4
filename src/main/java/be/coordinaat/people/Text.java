package be.coordinaat.people;

import be.coordinaat.shared.PageQuery;

/** Small text helpers for input that reaches SQL. */
final class Text {
    private Text() {}

    /**
     * Free text from a request without the characters PostgreSQL cannot store or compare (NUL) and other control
     * characters, which no name contains; null when nothing is left.
     */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isISOControl(c) && !(c >= 0xD800 && c <= 0xDFFF)).forEach(b::appendCodePoint);
        String out = b.toString().strip();
        return out.isEmpty() ? null : out;
    }

    /**
     * The page query with its search text cleaned ({@link #clean(String)}) and the page number capped, so that
     * page × size cannot overflow into a negative OFFSET.
     */
    static PageQuery cleaned(PageQuery query) {
        int page = Math.min(query.page(), Integer.MAX_VALUE / query.size() - 1);
        return new PageQuery(page, query.size(), query.sort(), query.descending(), clean(query.q()));
    }

    /** Null for blank text, the stripped text otherwise. */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
